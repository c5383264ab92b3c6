"""Generated documents and trees: a number in a random hiding place of a Word, PowerPoint, Excel or PDF file,
split at random, stops the gate; every file kind in a generated docs/ tree is read or refused."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vidensportal.guards.documents.kinds import PUBLISHABLE
from vidensportal.guards.output import check_output
from vidensportal.guards.project import check_project

from .documents_made import edited, pdf, png, slides, word, workbook

DIGITS = "0101901234"
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@st.composite
def split_number(draw: st.DrawFn) -> list[str]:
    """010190-1234 (with a dash, a space or nothing between its parts) cut into one to four pieces."""
    separator = draw(st.sampled_from(["", "-", " "]))
    written = DIGITS[:6] + separator + DIGITS[6:]
    cuts = sorted(draw(st.sets(st.integers(1, len(written) - 1), max_size=3)))
    return [written[a:b] for a, b in zip([0, *cuts], [*cuts, len(written)], strict=True)]


def _custom_xml(pieces: list[str]) -> bytes:
    item = "<data>" + "".join(f"<v>{piece}</v>" for piece in pieces) + "</data>"
    return edited(word(), {"customXml/item1.xml": item.encode()})


def _formatted_cell(pieces: list[str]) -> bytes:
    """The number's first pieces as literal text of the number format, the rest as the cell's digits."""
    written = "".join(pieces)
    literal, digits = written[: len(pieces[0])], written[len(pieces[0]) :]
    placeholders = "".join("0" if c.isdigit() else f"\\{c}" for c in digits)
    value = int("".join(c for c in digits if c.isdigit()) or "0")
    return workbook([(value, f'"{literal}"{placeholders}')])


def _rich_string(pieces: list[str]) -> bytes:
    runs = "".join(f"<r><t xml:space='preserve'>{piece}</t></r>" for piece in pieces)
    return workbook([("x", "@")], strings=f"<si>{runs}</si>")


def _glyphs_shuffled(pieces: list[str], order: list[int]) -> bytes:
    """Each piece drawn where it belongs on one line (Helvetica's digits and hyphen are 0.556 and 0.333 em wide),
    in the drawing order given."""
    widths = [sum(6.116 if c.isdigit() else 3.663 if c == "-" else 3.058 for c in p) for p in pieces]
    x = [100 + sum(widths[:i]) for i in range(len(pieces))]
    ops = b" ".join(b"BT /F1 11 Tf %.3f 700 Td (%s) Tj ET" % (x[i], pieces[i].encode()) for i in order)
    return pdf(content=ops)


PLACES = {
    "docx body runs": ("a.docx", lambda p, _: word([["Sag ", *p, " slut"]])),
    "docx header": ("a.docx", lambda p, _: word(header="".join(p))),
    "docx title": ("a.docx", lambda p, _: word(title="".join(p))),
    "docx custom xml": ("a.docx", lambda p, _: _custom_xml(p)),
    "pptx slide runs": ("a.pptx", lambda p, _: slides([p])),
    "pptx notes": ("a.pptx", lambda p, _: slides(notes="".join(p))),
    "pptx title": ("a.pptx", lambda p, _: slides(title="".join(p))),
    "xlsx number format": ("a.xlsx", lambda p, _: _formatted_cell(p)),
    "xlsx rich string": ("a.xlsx", lambda p, _: _rich_string(p)),
    "pdf glyphs in any order": ("a.pdf", _glyphs_shuffled),
    "pdf bookmark": ("a.pdf", lambda p, _: pdf(outline="".join(p))),
    "pdf annotation appearance": ("a.pdf", lambda p, _: pdf(appearance="".join(p))),
    "pdf owner password": ("a.pdf", lambda p, _: pdf("".join(p), owner_password="ejer")),  # noqa: S106
}


@SETTINGS
@given(place=st.sampled_from(sorted(PLACES)), pieces=split_number(), data=st.data())
def test_a_number_hidden_anywhere_in_a_document_stops_the_gate(tmp_path_factory, place, pieces, data):
    """Wherever the number hides in a document and however it is split, the gate reports it as a CPR number."""
    order = data.draw(st.permutations(range(len(pieces))))
    name, build = PLACES[place]
    site = tmp_path_factory.mktemp("site")
    (site / name).write_bytes(build(pieces, order))
    problems = [str(p) for p in check_output(site)]
    assert any("CPR-nummer" in p for p in problems), f"{place} {pieces} (order {order}): {problems}"


# A file of each contributed kind holding the number where that kind keeps its text.
def _jpeg(text: str) -> bytes:
    comment = text.encode()
    return b"\xff\xd8\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + b"\xff\xd9"


def _gif(text: str) -> bytes:
    return b"GIF89a\x01\x00\x01\x00\x00\x00\x00!\xfe" + bytes([len(text)]) + text.encode() + b"\x00;"


def _webp(text: str) -> bytes:
    body = b"WEBP" + b"XMP " + len(text).to_bytes(4, "little") + text.encode()
    return b"RIFF" + len(body).to_bytes(4, "little") + body


def _ico(text: str) -> bytes:
    image = png(text)
    entry = bytes([1, 1, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
    return b"\x00\x00\x01\x00\x01\x00" + entry + len(image).to_bytes(4, "little") + (22).to_bytes(4, "little") + image


TEXT = "Borgeren 010190-1234"
SAMPLES = {
    ".pdf": lambda: pdf(TEXT),
    ".docx": lambda: word([[TEXT]]),
    ".pptx": lambda: slides([[TEXT]]),
    ".xlsx": lambda: workbook([(TEXT, "@")]),
    ".png": lambda: png(TEXT, compressed=True),
    ".jpg": lambda: _jpeg(TEXT),
    ".jpeg": lambda: _jpeg(TEXT),
    ".gif": lambda: _gif(TEXT),
    ".webp": lambda: _webp(TEXT),
    ".ico": lambda: _ico(TEXT),
    ".svg": lambda: f"<svg><text>{TEXT}</text></svg>".encode(),
    ".html": lambda: f"<p>{TEXT}</p>".encode(),
    ".htm": lambda: f"<p>{TEXT}</p>".encode(),
    ".css": lambda: f"/* {TEXT} */".encode(),
    ".js": lambda: f"// {TEXT}".encode(),
    ".json": lambda: f'{{"a": "{TEXT}"}}'.encode(),
    ".xml": lambda: f"<a>{TEXT}</a>".encode(),
    ".ics": lambda: f"BEGIN:VEVENT\r\nSUMMARY:{TEXT}\r\nEND:VEVENT\r\n".encode(),
    ".webmanifest": lambda: f'{{"name": "{TEXT}"}}'.encode(),
}
TEXT_KINDS = (".md", ".markdown", ".txt", ".csv", ".yml", ".yaml")
OTHER = [".odt", ".rtf", ".eml", ".msg", ".doc", ".ppt", ".xls", ".zip", ".7z", ".docm", ".xlsm", ".tif", ".woff2"]


@functools.cache
def sample(suffix: str) -> bytes:
    return SAMPLES[suffix]() if suffix in SAMPLES else TEXT.encode()


def test_every_contributed_kind_has_a_sample():
    """The list of kinds and this test agree: every kind a contributor may publish has a sample with a number."""
    contributed = {suffix for suffix, kind in PUBLISHABLE.items() if kind.contributed}
    missing = contributed - set(SAMPLES) - set(TEXT_KINDS)
    assert not missing, f"kinds without a sample: {sorted(missing)}"


suffixes = st.sampled_from(sorted({*SAMPLES, *TEXT_KINDS, *OTHER})) | st.from_regex(r"\.[a-z0-9]{1,5}", fullmatch=True)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(st.sampled_from(["", "materialer/", "assets/b/"]), suffixes), min_size=1, max_size=8))
def test_every_file_kind_in_a_generated_tree_is_read_or_refused(tmp_path_factory, files):
    """Each file under a generated docs/ tree, whatever its kind, is named by the source check and by the gate:
    read (its number found) or refused (its kind, or what it holds) — none passes unread."""
    root = tmp_path_factory.mktemp("projekt")
    for folder in ("docs", "data", "overrides"):
        (root / folder).mkdir()
    names = set()
    for index, (folder, suffix) in enumerate(files):
        name = f"docs/{folder}fil{index}{suffix}"
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(sample(suffix if suffix in SAMPLES else suffix.lower()))
        names.add(name)
    named = {p.file.as_posix() for p in check_project(root, root / "docs", [])}
    assert named == names, f"not read or refused before the build: {sorted(names - named)}"
    gated = {"docs/" + p.file.as_posix().removeprefix("site/") for p in check_output(root / "docs", shown_as="site")}
    assert gated == names, f"not read or refused by the gate: {sorted(names - gated)}"


@pytest.mark.parametrize("suffix", sorted({*SAMPLES, *TEXT_KINDS}))
def test_each_publishable_kind_without_a_number_passes(tmp_path: Path, suffix: str):
    """Negative control: every publishable kind, holding day 32 instead of a date, passes both checks."""
    root = tmp_path / "projekt"
    for folder in ("docs", "data", "overrides"):
        (root / folder).mkdir(parents=True)
    content = sample(suffix).replace(b"010190", b"320190")
    if suffix in (".docx", ".pptx", ".xlsx", ".pdf", ".png", ".ico"):
        content = _clean(suffix)  # compressed or packed: made again, not edited
    (root / f"docs/fil{suffix}").write_bytes(content)
    assert check_project(root, root / "docs", []) == [], suffix
    assert check_output(root / "docs") == [], suffix


def _clean(suffix: str) -> bytes:
    clean = "Borgeren 320190-1234"
    return {
        ".pdf": lambda: pdf(clean),
        ".docx": lambda: word([[clean]]),
        ".pptx": lambda: slides([[clean]]),
        ".xlsx": lambda: workbook([(clean, "@")]),
        ".png": lambda: png(clean, compressed=True),
        ".ico": lambda: _ico(clean),
    }[suffix]()
