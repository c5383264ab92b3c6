"""A guard that finds Danish CPR numbers in text files, so the build can stop before publishing one."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Iterable
from datetime import date
from pathlib import Path

from vidensportal.errors import Problem

TEXT_SUFFIXES = frozenset({".md", ".yml", ".yaml", ".txt", ".csv", ".html", ".json"})

# A letter or digit (any script) directly next to the ten digits makes them part of a longer token
# ("INV0101901234", "0101901234X", "12345678901"), so it is not taken for a CPR number. An underscore
# or punctuation does not protect: "bilag_010190-1234.pdf" is still reported.
_NOT_ALNUM_BEFORE = r"(?<![^\W_])"
_NOT_ALNUM_AFTER = r"(?![^\W_])"

# ddmmyy-xxxx or ddmmyy xxxx (not preceded by '-', so "12-010190-1234" is not read as one), or ddmmyyxxxx.
_CPR = re.compile(
    _NOT_ALNUM_BEFORE
    + r"(?:(?<!-)(?P<date_sep>[0-9]{6})[- ]|(?P<date_plain>[0-9]{6}))(?P<serial>[0-9]{4})"
    + _NOT_ALNUM_AFTER
)


def _century(serial_first: int, yy: int) -> int:
    """The century of the birth year, from the 7th digit of the CPR number and the two-digit year."""
    if serial_first <= 3:
        return 1900
    if serial_first in (4, 9):
        return 2000 if yy <= 36 else 1900
    return 2000 if yy <= 57 else 1800


def is_cpr(digits: str) -> bool:
    """True when ten digits start with a real calendar date under the CPR century rule (no modulus-11 check)."""
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return False
    dd, mm, yy = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    try:
        date(_century(int(digits[6]), yy) + yy, mm, dd)
    except ValueError:
        return False
    return True


def _digits(text: str) -> str:
    """The CPR number's digits with the hyphen or space between date and serial removed."""
    return str(text).strip().replace("-", "").replace(" ", "")


def find_cpr_numbers(text: str) -> list[tuple[int, str]]:
    """Every CPR number in `text` as (1-based line number, the matched text), in order."""
    hits = []
    for match in _CPR.finditer(text):
        digits = (match["date_sep"] or match["date_plain"]) + match["serial"]
        if is_cpr(digits):
            hits.append((text.count("\n", 0, match.start()) + 1, match.group()))
    return hits


def _relative(path: Path, root: Path) -> Path:
    """`path` relative to `root` when it lies under it, else `path` unchanged."""
    for candidate, base in ((path, root), (path.resolve(), root.resolve())):
        try:
            return candidate.relative_to(base)
        except ValueError:
            continue
    return path


def masked(found: str) -> str:
    """A CPR number shown with its last four digits hidden, e.g. '010190-****'."""
    return _digits(found)[:6] + "-****"


def text_check(allow: Collection[str]) -> Callable[[str, Path], list[Problem]]:
    """A check for one text already read: a Problem per CPR number in it that `allow` does not list."""
    allowed = {_digits(entry) for entry in allow}

    def check(text: str, shown_as: Path) -> list[Problem]:
        return [
            Problem(
                file=shown_as,
                line=line,
                message=(
                    f"teksten indeholder noget, der ligner et CPR-nummer ({masked(found)}). Fjern det, "
                    "eller tilføj det til cpr_tilladte i mkdocs.yml, hvis det ikke er et CPR-nummer."
                ),
            )
            for line, found in find_cpr_numbers(text)
            if _digits(found) not in allowed
        ]

    return check


def scan_files(paths: Iterable[Path], *, root: Path, allow: Collection[str]) -> list[Problem]:
    """One Problem per CPR number in the files, except allowed ones; files that are not UTF-8 are skipped."""
    check = text_check(allow)
    problems = []
    for path in paths:
        try:
            text = Path(path).read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue  # not UTF-8 text; reported by the checks that read the file for its content
        problems += check(text, _relative(Path(path), root))
    return problems


def text_files(*folders: Path) -> list[Path]:
    """Every text file (by suffix) under the folders, sorted, leaving out hidden folders."""
    found = set()
    for folder in folders:
        for current, dirs, files in os.walk(folder):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.update(Path(current) / name for name in files if Path(name).suffix.lower() in TEXT_SUFFIXES)
    return sorted(found)
