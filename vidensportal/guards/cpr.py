"""A guard that finds Danish CPR numbers in text files, so the build can stop before publishing one."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable
from datetime import date
from pathlib import Path

from vidensportal.errors import Problem
from vidensportal.guards.clean_cache import CleanContent
from vidensportal.guards.text.reading import as_read
from vidensportal.guards.text.yaml_values import yaml_scalars

# A digit directly next to the ten makes them part of a longer number ("12345678901"), so it is not a CPR
# number. A letter does not protect: "INV0101901234" and "cpr0101901234" read as a CPR number to a person (a
# known false positive goes on the allow-list). Only a token that is a whole hash (hex of a hash's length, as in
# asset file names and integrity attributes) is left alone.
# Day, month and year, optionally parted by one kind of '.', '/' or '-' (01.01.90); then any white space and up to
# three hyphens ("010190 - 1234", a line break, indentation) before the four-digit serial.
# The first digit is matched before the look-behind (no digit before it), so the regex engine can skip to digits:
# three times as fast over a page.
_CPR = re.compile(
    r"(?P<dd>[0-9](?<![0-9]{2})[0-9])(?P<s>[./-]?)(?P<mm>[0-9]{2})(?P=s)(?P<yy>[0-9]{2})(?P<gap>\s*(?:-\s*){0,3})"
    r"(?P<serial>[0-9]{4})(?![0-9])"
)
_HASH_LENGTHS = frozenset({32, 40, 56, 64, 96, 128})
_TOKEN_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_HEX = frozenset("0123456789abcdefABCDEF")


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
    """The ten digits of a CPR number as written, without separators."""
    return "".join(char for char in str(text) if char.isdigit())


def _is_hash(text: str, start: int, end: int) -> bool:
    """True when the match lies in a token of hex characters as long as a hash (sha1, sha256 …)."""
    while start > 0 and text[start - 1] in _TOKEN_CHARS:
        start -= 1
    while end < len(text) and text[end] in _TOKEN_CHARS:
        end += 1
    return end - start in _HASH_LENGTHS and all(char in _HEX for char in text[start:end])


def numbers_in(text: str) -> list[tuple[int, str]]:
    """(end offset, matched text) of every CPR number in an already folded text (see reading.fold)."""
    hits = []
    for match in _CPR.finditer(text):
        digits = match["dd"] + match["mm"] + match["yy"] + match["serial"]
        # "12-010190-1234" is a longer number with hyphens, not a CPR number after "12-".
        parted = match["s"] or match["gap"]
        if parted and match.start() and text[match.start() - 1] == "-":
            continue
        if is_cpr(digits) and not _is_hash(text, match.start(), match.end()):
            hits.append((match.end(), " ".join(match.group().split())))
    return hits


def find_cpr_numbers(text: str, *, markup: bool = False, css: bool = False) -> list[tuple[int, str]]:
    """Every CPR number in `text` as a reader reads it, as (1-based line where it ends, the number as folded),
    in order of lines; a number seen in several views of the text (see reading.as_read) is given once."""
    found: dict[str, str] = {}
    for view in as_read(text, markup=markup, css=css):
        for _, number in numbers_in(view):
            found.setdefault(_digits(number), number)
    if not found:
        return []
    lines = text.splitlines()
    located = [(_line_of(lines, digits, markup, css), number) for digits, number in found.items()]
    return sorted(located)


def _line_of(lines: list[str], digits: str, markup: bool, css: bool) -> int:
    """The first line by which the number has been written: the shortest run of first lines that holds it."""

    def holds(count: int) -> bool:
        views = as_read("\n".join(lines[:count]), markup=markup, css=css)
        return any(_digits(number) == digits for view in views for _, number in numbers_in(view))

    low, high = 1, max(len(lines), 1)
    while low < high:
        middle = (low + high) // 2
        if holds(middle):
            high = middle
        else:
            low = middle + 1
    return low


def masked(found: str) -> str:
    """A CPR number shown with its last four digits hidden, e.g. '010190-****'."""
    return _digits(found)[:6] + "-****"


def cpr_problem(shown_as: Path, line: int | None, found: str, source: str = "") -> Problem:
    """The one Danish line for a CPR number found; `source` adds where it came from, when that is known."""
    return Problem(
        file=shown_as,
        line=line,
        message=(
            f"teksten indeholder noget, der ligner et CPR-nummer ({masked(found)}){source}. Fjern det, "
            "eller tilføj det til cpr_tilladte i mkdocs.yml, hvis det ikke er et CPR-nummer."
        ),
    )


def unallowed_problems(shown: Path, hits: Iterable[tuple[int | None, str]], allowed: set[str]) -> list[Problem]:
    """A Problem per CPR number among `hits` (line, number as found) that `allowed` does not list, once per
    number, in the order given."""
    reported: set[str] = set()
    problems = []
    for line, found in hits:
        if _digits(found) not in allowed and _digits(found) not in reported:
            reported.add(_digits(found))
            problems.append(cpr_problem(shown, line, found))
    return problems


class TextCheck:
    """A check for one text already read: a Problem per CPR number in it that the allow-list does not list. A YAML
    file is also checked value by value as YAML reads it (escapes decoded, continued lines joined). Texts found
    clean are remembered by hash in `cache_dir`, so an unchanged data file is not checked again."""

    def __init__(self, allow: Collection[str], cache_dir: Path | None = None) -> None:
        self.allowed = {_digits(entry) for entry in allow}
        self.clean = CleanContent(cache_dir, ["yaml-values", sorted(self.allowed)])

    def __call__(self, text: str, shown_as: Path) -> list[Problem]:
        key = f"{hashlib.sha256(text.encode('utf-8', 'surrogatepass')).hexdigest()} {shown_as.suffix.lower()}"
        if key in self.clean:
            return []
        hits = find_cpr_numbers(text)
        if shown_as.suffix.lower() in (".yml", ".yaml"):
            for line, value in yaml_scalars(text):
                hits += [(line, found) for _, found in find_cpr_numbers(value)]
        problems = unallowed_problems(shown_as, hits, self.allowed)
        if not problems:
            self.clean.add(key)
        return problems

    def save(self) -> None:
        self.clean.save()


def text_check(allow: Collection[str], cache_dir: Path | None = None) -> TextCheck:
    """The CPR check the catalog applies to each data file as it reads it."""
    return TextCheck(allow, cache_dir)
