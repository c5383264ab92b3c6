"""Work in the background returns its result, and a failure there reaches the build as a Danish error."""

from __future__ import annotations

import os
import signal
import time

import pytest

from vidensportal.background import Background, BackgroundError


def _double(value: int) -> int:
    return 2 * value


def _fail() -> None:
    raise ValueError("forkert værdi")


def _stop() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def test_the_result_comes_back():
    """A function run in the background gives its result to result()."""
    assert Background(_double, 21).result() == 42


def test_negative_control_an_error_in_the_background_is_raised_in_danish():
    """Negative control: an error in the function is raised by result() as a Danish error naming it."""
    with pytest.raises(BackgroundError, match=r"fejlede \(ValueError: forkert værdi\)"):
        Background(_fail).result()


def test_a_process_that_dies_is_an_error_not_a_hang():
    """A background process killed half-way gives a Danish error at once, not a wait for ever."""
    start = time.monotonic()
    with pytest.raises(BackgroundError, match="stoppede uventet"):
        Background(_stop).result()
    assert time.monotonic() - start < 10
