"""The readable strings of binary data, as `strings` prints them: for the parts of a file that hold no text of
their own (an image's metadata, Office's printer settings)."""

from __future__ import annotations

import re

_ASCII_RUN = re.compile(rb"[\x20-\x7e\t\r\n]{6,}")
_UTF16_RUN = re.compile(rb"(?:[\x20-\x7e]\x00){6,}")


def binary_strings(data: bytes) -> list[str]:
    """Runs of readable characters in binary data (ASCII and UTF-16), as `strings` prints them."""
    runs = [run.decode("ascii") for run in _ASCII_RUN.findall(data)]
    runs += [run.decode("utf-16-le") for run in _UTF16_RUN.findall(data)]
    return runs
