"""Work done in a process of its own while the build goes on, so that it runs on the machine's other core.

Where the system forks (Linux), the process starts with the build's memory as it is: nothing is copied to it,
only its result is sent back.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

T = TypeVar("T")
STOP_SECONDS = 5


class BackgroundError(Exception):
    """The work in the background failed or stopped; the message is Danish."""


class Background(Generic[T]):
    """`function(*args)` under way in another process; `result()` waits for it."""

    def __init__(self, function: Callable[..., T], *args: object) -> None:
        self._answer, reply = multiprocessing.Pipe(duplex=False)
        self._process = multiprocessing.Process(target=_run, args=(reply, function, args), daemon=True)
        try:
            self._process.start()
        finally:
            reply.close()  # the worker's end is the worker's: its exit is seen as the end of the answer

    def result(self) -> T:
        """The function's result; BackgroundError when it raised or its process stopped."""
        try:
            failure, value = self._answer.recv()
        except (EOFError, OSError):
            self._process.join()
            raise BackgroundError(f"stoppede uventet (kode {self._process.exitcode})") from None
        finally:
            self._answer.close()
        self._process.join()
        if failure:
            raise BackgroundError(failure)
        return value

    def stop(self) -> None:
        """End the work unfinished (a build that fails half-way); safe to call after result() and twice."""
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(STOP_SECONDS)
        self._answer.close()


def _run(reply: Connection, function: Callable[..., object], args: tuple[object, ...]) -> None:
    try:
        answer = ("", function(*args))
    except Exception as error:  # in a process of its own, even an unforeseen error must reach the build
        answer = (f"fejlede ({type(error).__name__}: {error})", None)
    reply.send(answer)
