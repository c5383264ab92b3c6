"""The CPR guard finds Danish CPR numbers in text as a reader reads it, names file and line, masks the serial and
honours the allow-list."""

from __future__ import annotations

import calendar
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vidensportal.errors import Problem
from vidensportal.guards.cpr import find_cpr_numbers
from vidensportal.guards.sources import check_files, source_files

from .support import build_fails, build_ok, replace_in

# Decision on adjacent characters: a digit next to the ten makes them part of a longer number, but a letter does
# not protect them: "INV0101901234" reads as a CPR number to a person (the allow-list handles a known false
# positive). Only a whole hash (hex of 32, 40, 64 … characters) is left alone.


def scan_files(paths, *, root, allow):
    """The source guard on exactly `paths`, shown relative to `root`."""
    return check_files([(Path(p).relative_to(root), Path(p)) for p in paths], allow)


def found(text: str) -> list[str]:
    return [match for _, match in find_cpr_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("010190-1234", "010190-1234"),
        ("0101901234", "0101901234"),
        ("290200-4321", "290200-4321"),
        ("311299 1234", "311299 1234"),
        ("Borgeren har CPR 010190-1234, oplyser kommunen.", "010190-1234"),
        ("010190-1234 er nævnt først på linjen", "010190-1234"),
        ("og sidst på linjen står 0101901234", "0101901234"),
        ("(311299 1234)", "311299 1234"),
        ("bilag_010190-1234.pdf", "010190-1234"),
        ("INV-0101901234", "0101901234"),
        ("INV0101901234", "0101901234"),
        ("a010190-1234", "010190-1234"),
        ("010190-1234b", "010190-1234"),
        ("010190\n1234", "010190 1234"),
        ("010190--1234", "010190--1234"),
        ("01.01.90-1234", "01.01.90-1234"),
    ],
)
def test_cpr_numbers_are_found(text: str, expected: str):
    """A valid-date ddmmyy-xxxx, ddmmyy xxxx or ddmmyyxxxx with no digit next to it is found."""
    assert found(text) == [expected], f"in {text!r} expected [{expected!r}], found {found(text)}"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("320190-1234", "day 32 does not exist"),
        ("310490-1234", "April has 30 days"),
        ("290201-1234", "2001 is not a leap year"),
        ("011390-1234", "month 13 does not exist"),
        ("000190-1234", "day 0 does not exist"),
        ("Ring på +45 33 66 33 66", "a phone number"),
        ("Sagsnummer 12345678901", "eleven digits"),
        ("Mødet er 2026-03-12", "an ISO date"),
        ("kl. 13:00-15:30", "a time range"),
        ("0101901234567", "ten digits inside thirteen"),
        ("90101901234", "ten digits after another digit"),
        ("12-010190-1234", "the hyphen form preceded by a hyphen"),
        ("app.0123456789abcdef0101901234abcdef.js", "a whole 32-character hex hash"),
        ("10 11 12 13 14", "a list of numbers"),
    ],
)
def test_things_that_are_not_cpr_numbers_are_not_found(text: str, why: str):
    """Impossible dates, longer numbers, dates, times, phone numbers, hashes and number lists are no CPR number."""
    assert found(text) == [], f"{text!r} ({why}) was taken for a CPR number: {found(text)}"


@pytest.mark.parametrize(
    ("text", "is_cpr"),
    [
        ("290200-0123", False),  # 7th digit 0-3: 1900, not a leap year
        ("290200-3123", False),
        ("290296-0123", True),  # 1996
        ("290200-4321", True),  # 7th digit 4, yy <= 36: 2000
        ("290236-9123", True),  # 2036
        ("290237-4123", False),  # 7th digit 4, yy > 36: 1937
        ("290200-5123", True),  # 7th digit 5-8, yy <= 57: 2000
        ("290256-8123", True),  # 2056
        ("290258-5123", False),  # 7th digit 5-8, yy > 57: 1858
        ("290260-6123", True),  # 1860
        ("290200-9123", True),  # 7th digit 9, yy <= 36: 2000
    ],
)
def test_the_seventh_digit_picks_the_century_for_29_february(text: str, is_cpr: bool):
    """29 February counts only when the century from the 7th digit (CPR rule) makes the year a leap year."""
    assert bool(found(text)) is is_cpr, f"{text!r}: expected CPR={is_cpr}, found {found(text)}"


def test_line_numbers_are_one_based_and_count_every_line():
    """Each hit carries the 1-based number of the line it is on, also with several hits and blank lines."""
    text = "titel: Møde\n\nCPR 010190-1234 og 0202021234\nintet her\r\nsidst: 311299 1234"
    hits = find_cpr_numbers(text)
    assert hits == [(3, "010190-1234"), (3, "0202021234"), (5, "311299 1234")], f"wrong hits or lines: {hits}"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_scan_names_file_relative_to_root_and_line(tmp_path: Path):
    """scan_files gives one Problem per hit, with the file relative to root and the line of the hit."""
    path = write(tmp_path / "data" / "seminarer" / "s.yml", "titel: x\nnote: ring 010190-1234\n")
    problems = scan_files([path], root=tmp_path, allow=[])
    assert [(p.file, p.line) for p in problems] == [(Path("data/seminarer/s.yml"), 2)], f"got {problems}"
    assert all(isinstance(p, Problem) for p in problems), f"not the engine's Problem: {problems}"
    assert "CPR-nummer" in problems[0].message and "cpr_tilladte" in problems[0].message, problems[0].message


@pytest.mark.parametrize("allowed", ["010190-1234", "0101901234", "010190 1234", " 010190-1234 "])
def test_allowed_number_is_not_reported_but_another_still_is(tmp_path: Path, allowed: str):
    """A number on the allow-list (in any of the written forms) is skipped; another number in the same file is not."""
    path = write(tmp_path / "docs" / "a.md", "Varenummer 0101901234.\nOg 010190 1234.\nMen 020290-5678 ikke.\n")
    problems = scan_files([path], root=tmp_path, allow=[allowed])
    assert [p.line for p in problems] == [3], f"allow-list entry {allowed!r} gave {[str(p) for p in problems]}"


def test_message_masks_the_last_four_digits(tmp_path: Path):
    """The message shows the date part and hides the serial: the full ten digits never appear in the output."""
    path = write(tmp_path / "a.md", "A 010190-1234\nB 0202905678\nC 030390 9012\n")
    problems = scan_files([path], root=tmp_path, allow=[])
    texts = [str(p) for p in problems]
    leaked = [t for t in texts if any(serial in t for serial in ("1234", "5678", "9012"))]
    assert len(problems) == 3 and not leaked, f"expected 3 masked messages, leaked: {leaked}, all: {texts}"
    assert "(010190-****)" in texts[0] and "(020290-****)" in texts[1] and "(030390-****)" in texts[2], texts


def test_files_in_other_encodings_are_read_too(tmp_path: Path):
    """A file in latin-1, cp1252 or UTF-16 is read in its encoding and checked like a UTF-8 file."""
    texts = {
        "latin1.txt": ("Søren 010190-1234", "latin-1"),
        "cp.txt": ("Sø 020290–5678", "cp1252"),
        "u16.md": ("Søren 030390-9012", "utf-16"),
        "u16le.md": ("x 040490-1234", "utf-16-le"),
    }
    for name, (text, encoding) in texts.items():
        (tmp_path / "docs").mkdir(exist_ok=True)
        (tmp_path / "docs" / name).write_bytes(text.encode(encoding))
    problems = scan_files(list((tmp_path / "docs").iterdir()), root=tmp_path, allow=[])
    named = sorted(p.file.name for p in problems)
    assert named == sorted(texts), f"expected a hit in each of {sorted(texts)}, got {[str(p) for p in problems]}"


def test_scan_negative_control_clean_file_gives_nothing(tmp_path: Path):
    """Negative control: a file with dates, times and phone numbers but no CPR number gives no Problem."""
    path = write(tmp_path / "a.md", "Mødet 2026-03-12 kl. 13:00-15:30, tlf. +45 33 66 33 66, sag 12345678901.\n")
    problems = scan_files([path], root=tmp_path, allow=[])
    assert problems == [], f"clean file reported: {[str(p) for p in problems]}"


def test_source_files_are_every_file_of_docs_overrides_data_and_mkdocs_yml(tmp_path: Path):
    """The source guard reads every file, whatever its suffix, and leaves out hidden files and folders."""
    for name in ("data/b.yml", "docs/x.markdown", "docs/y.SVG", "docs/noext", "overrides/main.html", "mkdocs.yml"):
        write(tmp_path / name, "")
    for name in ("docs/.git/config.txt", "data/.cache/n.md", "docs/.skjult.md"):
        write(tmp_path / name, "")
    listed = sorted(shown.as_posix() for shown, _ in source_files(tmp_path, tmp_path / "docs"))
    expected = ["data/b.yml", "docs/noext", "docs/x.markdown", "docs/y.SVG", "mkdocs.yml", "overrides/main.html"]
    assert listed == expected, f"expected {expected}, got {listed}"


@st.composite
def cpr_digits(draw: st.DrawFn) -> str:
    """Ten digits whose date is valid in the century that its 7th digit selects."""
    serial = draw(st.integers(0, 9999))
    yy = draw(st.integers(0, 99))
    first = serial // 1000
    if first <= 3:
        century = 1900
    elif first in (4, 9):
        century = 2000 if yy <= 36 else 1900
    else:
        century = 2000 if yy <= 57 else 1800
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(century + yy, month)[1]))
    return f"{day:02d}{month:02d}{yy:02d}{serial:04d}"


FILLER = string.ascii_letters + string.punctuation + " \n"
BEFORE = [c for c in string.punctuation + " \n\t" if c != "-"]  # no letter/digit, and no hyphen before a CPR
AFTER = list(string.punctuation + " \n\t")


@given(
    digits=cpr_digits(),
    separator=st.sampled_from(["", "-", " "]),
    prefix=st.one_of(st.just(""), st.tuples(st.text(FILLER), st.sampled_from(BEFORE)).map("".join)),
    suffix=st.one_of(st.just(""), st.tuples(st.sampled_from(AFTER), st.text(FILLER)).map("".join)),
)
def test_any_valid_cpr_in_letters_and_punctuation_is_found(digits: str, separator: str, prefix: str, suffix: str):
    """Any valid-date CPR, with or without separator, amid letters, spaces and punctuation is found on its line."""
    cpr = digits[:6] + separator + digits[6:]
    hits = find_cpr_numbers(prefix + cpr + suffix)
    assert hits == [(prefix.count("\n") + 1, cpr)], f"{prefix + cpr + suffix!r}: expected {cpr!r}, found {hits}"


@given(st.text(FILLER))
def test_letters_and_punctuation_alone_never_hit(text: str):
    """Text of only letters, spaces and punctuation never contains a CPR number."""
    assert find_cpr_numbers(text) == [], f"{text!r} gave {find_cpr_numbers(text)}"


@pytest.mark.slow
def test_a_cpr_number_in_docs_stops_the_build_naming_file_and_line(project):
    """A CPR-like number in a docs page fails the mkdocs build with file and line, masked, without a traceback."""
    page = project / "docs" / "aftalen.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join([*lines, "Kontakt borgeren 010190-1234 i dag."]) + "\n", encoding="utf-8")
    output = build_fails(project)
    assert f"docs/aftalen.md, linje {len(lines) + 1}: teksten indeholder noget, der ligner et CPR-nummer" in output
    assert "010190-****" in output and "0101901234" not in output and "010190-1234" not in output, output


@pytest.mark.slow
def test_the_allow_list_in_mkdocs_yml_lets_a_false_positive_through(project):
    """Negative control: the same number on extra.cpr_tilladte builds."""
    page = project / "docs" / "aftalen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSagsnummer 010190-1234.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    replace_in(config, "cpr_tilladte: []", 'cpr_tilladte: ["0101901234"]')
    build_ok(project)
