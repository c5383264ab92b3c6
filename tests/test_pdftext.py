"""Tests for vidensportal.search.pdftext (PDF text for the search index) and tools.make_example_pdf."""

from __future__ import annotations

import hashlib
import io
import logging
from pathlib import Path

import pytest
from pypdf import PdfWriter

from tools.make_example_pdf import main, write_pdf
from vidensportal.search.pdftext import PdfText, pdf_text

TITLE = "Rekruttering – et oplæg"
PARAGRAPHS = [
    "Oplægget beskriver rekrutteringsmønstre i bandemiljøet på Nørrebro og i Århus, "
    "og hvordan Politiet, SSP og kommunen (især Socialforvaltningen) arbejder sammen om en tidlig indsats. "
    "Afsnittet er langt nok til at blive delt over flere linjer i PDF-filen.",
    "Ældre materialer findes på vidensportalen under »Materialer«; spørgsmål kan sendes til sekretariatet.",
]
EXPECTED = " ".join([TITLE, *PARAGRAPHS])


@pytest.fixture
def good_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "oplaeg.pdf"
    write_pdf(path, TITLE, PARAGRAPHS)
    return path


def test_text_written_by_write_pdf_comes_back_from_pdf_text(good_pdf: Path, tmp_path: Path) -> None:
    """The text of a PDF, Danish letters and en dash included, is extracted with whitespace runs as single spaces."""
    result = pdf_text(good_pdf, tmp_path / "cache", "docs/materialer/oplaeg.pdf")
    assert result.text == EXPECTED, f"extracted text differs from what was written: {result.text!r}"
    for word in ("rekrutteringsmønstre", "bandemiljøet", "Nørrebro", "Århus", "–"):
        assert word in result.text, f"{word!r} did not survive writing and extraction"


def test_good_pdf_gives_no_warning(good_pdf: Path, tmp_path: Path) -> None:
    """A readable PDF gives no warning (negative control for the damaged-file tests)."""
    result = pdf_text(good_pdf, tmp_path / "cache", "docs/materialer/oplaeg.pdf")
    assert result.warning is None, f"a good PDF was reported as unreadable: {result.warning}"


def test_second_call_is_served_from_cache_named_by_sha256(
    good_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once extracted, the text is read from cache_dir/<sha256 of the bytes>.txt without parsing the PDF again."""
    cache_dir = tmp_path / "cache" / "not-yet-made"
    first = pdf_text(good_pdf, cache_dir, "docs/materialer/oplaeg.pdf")

    digest = hashlib.sha256(good_pdf.read_bytes()).hexdigest()
    files = sorted(path.name for path in cache_dir.iterdir())
    assert files == [f"{digest}.txt"], f"cache should hold exactly the sha256-named file, holds {files}"

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("PdfReader was called although the text is cached")

    monkeypatch.setattr("pypdf.PdfReader", no_parsing)  # pdftext imports it when it must parse
    second = pdf_text(good_pdf, cache_dir, "docs/materialer/oplaeg.pdf")
    assert second == first == PdfText(EXPECTED, None), f"cached result differs: {second!r}"


def test_cache_is_keyed_by_content_not_path(good_pdf: Path, tmp_path: Path) -> None:
    """Replacing a PDF's content under the same path gives the new text, not the cached old one."""
    cache_dir = tmp_path / "cache"
    pdf_text(good_pdf, cache_dir, "docs/materialer/oplaeg.pdf")
    write_pdf(good_pdf, "Ny udgave", ["Helt andet indhold om gadeplansarbejde på Amager."])
    result = pdf_text(good_pdf, cache_dir, "docs/materialer/oplaeg.pdf")
    assert result.text == "Ny udgave Helt andet indhold om gadeplansarbejde på Amager.", (
        f"changed file gave stale or wrong text: {result.text!r}"
    )
    assert len(list(cache_dir.iterdir())) == 2, "each content version should have its own cache file"


def _truncated(tmp_path: Path) -> bytes:
    whole = tmp_path / "whole.pdf"
    write_pdf(whole, TITLE, PARAGRAPHS)
    data = whole.read_bytes()
    return data[: len(data) // 2]


def _password_protected(tmp_path: Path) -> bytes:
    whole = tmp_path / "whole.pdf"
    write_pdf(whole, TITLE, PARAGRAPHS)
    writer = PdfWriter(clone_from=whole)
    # RC4 needs no optional dependency; AES would need the cryptography package.
    writer.encrypt("hemmelig", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "make_bytes",
    [
        pytest.param(lambda _: b"Dette er et Word-dokument, ikke en PDF.\n", id="not-a-pdf"),
        pytest.param(lambda _: b"", id="empty"),
        pytest.param(_truncated, id="truncated"),
        pytest.param(_password_protected, id="password-protected"),
    ],
)
def test_unreadable_pdf_gives_danish_warning_and_no_cache(make_bytes, tmp_path: Path) -> None:
    """An unreadable PDF gives empty text and one Danish warning naming the file; nothing is raised or cached."""
    path = tmp_path / "x.pdf"
    path.write_bytes(make_bytes(tmp_path))
    cache_dir = tmp_path / "cache"

    result = pdf_text(path, cache_dir, "docs/materialer/x.pdf")

    assert result.text == "", f"unreadable PDF should give empty text, gave {result.text!r}"
    assert result.warning is not None, "unreadable PDF gave no warning"
    assert result.warning.startswith("docs/materialer/x.pdf: "), f"warning does not name the file: {result.warning}"
    assert "kunne ikke læses" in result.warning, f"warning is not the Danish sentence: {result.warning}"
    cached = list(cache_dir.iterdir()) if cache_dir.exists() else []
    assert cached == [], f"a failed extraction was cached: {cached}"


def test_pypdf_log_messages_are_silenced(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """pypdf's own log lines about damaged files do not reach the build output; only our warning does."""
    path = tmp_path / "x.pdf"
    path.write_bytes(_truncated(tmp_path))
    # Moving an object's xref offset is damage that pypdf repairs, with a logged complaint.
    repairable = tmp_path / "repairable.pdf"
    write_pdf(repairable, TITLE, PARAGRAPHS)
    data = repairable.read_bytes()
    assert b"0000000015 00000 n" in data, "test setup: object 1's xref entry has moved; update this test"
    repairable.write_bytes(data.replace(b"0000000015 00000 n", b"0000000099 00000 n"))
    level_before = logging.getLogger("pypdf").level

    with caplog.at_level(logging.DEBUG):
        pdf_text(path, tmp_path / "cache", "docs/materialer/x.pdf")
        repaired = pdf_text(repairable, tmp_path / "cache", "docs/materialer/repairable.pdf")

    assert repaired == PdfText(EXPECTED, None), f"repairable PDF was not read: {repaired!r}"
    pypdf_records = [record.getMessage() for record in caplog.records if record.name.startswith("pypdf")]
    assert pypdf_records == [], f"pypdf log messages leaked: {pypdf_records}"
    assert logging.getLogger("pypdf").level == level_before, "the pypdf logger's level was not restored"


def test_write_pdf_is_deterministic_and_small(tmp_path: Path) -> None:
    """write_pdf gives byte-identical output for the same input (no dates or ids) and a file under 10 KB."""
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_pdf(first, TITLE, PARAGRAPHS)
    write_pdf(second, TITLE, PARAGRAPHS)
    assert first.read_bytes() == second.read_bytes(), "two writes of the same input differ"
    assert first.stat().st_size < 10_000, f"example PDF is {first.stat().st_size} bytes, expected < 10 KB"


def test_main_writes_the_example_material(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """python -m tools.make_example_pdf OUT.pdf writes a readable PDF marked as example content."""
    target = tmp_path / "eksempel.pdf"
    assert main([str(target)]) == 0, "main reported failure"
    result = pdf_text(target, tmp_path / "cache", "eksempel.pdf")
    assert result.text.startswith("Eksempel på oplæg "), f"example PDF has unexpected text: {result.text!r}"
    assert "eksempelindhold" in result.text, "example PDF does not say it is example content"
    assert str(target) in capsys.readouterr().out, "main did not say where it wrote the file"
