"""The search index holds the text of published Word and PowerPoint materials, and nothing of withheld ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from pptx import Presentation
from pptx.util import Inches

from vidensportal.search.documents import document_text

from .support import build_ok, copy_project, replace_in, search_files, search_records

pytestmark = pytest.mark.slow

WORD_ONLY = "Zorblaxvejledning"
SLIDES_ONLY = "Plimquatdias"
WITHHELD_ONLY = "Hemmeligordsky"
MATERIAL = """titel: {title}
type: oplæg
dato: 2026-04-01
fil: materialer/{file}
spor: [forebyggelse]
parter: [eas]
klassifikation: {level}
"""


def _docx(path: Path, text: str) -> None:
    document = Document()
    document.add_paragraph(f"Vejledningen nævner {text} i sin tekst.")
    document.save(path)


def _pptx(path: Path, text: str) -> None:
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[5])
    slide.shapes.title.text = "Dias om rekruttering"
    slide.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Inches(1)).text_frame.text = f"Ordet {text} står her."
    presentation.save(path)


def _plant(project: Path) -> None:
    docs, data = project / "docs" / "materialer", project / "data" / "materialer"
    _docx(docs / "vejledning.docx", WORD_ONLY)
    _pptx(docs / "dias.pptx", SLIDES_ONLY)
    _docx(docs / "lukket.docx", WITHHELD_ONLY)
    for name, title, file, level in (
        ("vejledning", "Vejledning i Word", "vejledning.docx", "intern"),
        ("dias", "Dias fra seminaret", "dias.pptx", "intern"),
        ("lukket", "Lukket vejledning", "lukket.docx", "fortrolig"),
    ):
        (data / f"{name}.yml").write_text(MATERIAL.format(title=title, file=file, level=level), encoding="utf-8")


def _holders(site: Path, word: str) -> list[str]:
    return sorted(url for url, record in search_records(site).items() if word in record["content"])


def _anywhere_in_index(site: Path, word: str) -> list[str]:
    return sorted(name for name, data in search_files(site).items() if word.lower().encode() in data.lower())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("dokumenter") / "projekt")
    _plant(project)
    return build_ok(project)


def test_word_and_powerpoint_text_leads_to_the_materials_page(built):
    """A word only inside a .docx or a .pptx is indexed on that material's page and on no other."""
    assert _holders(built, WORD_ONLY) == ["materialer/vejledning/"], _holders(built, WORD_ONLY)
    assert _holders(built, SLIDES_ONLY) == ["materialer/dias/"], _holders(built, SLIDES_ONLY)
    pages = [p for p in built.rglob("*.html") if WORD_ONLY in p.read_text(encoding="utf-8")]
    assert not pages, f"the word is on a page too, so the index test proves nothing: {pages}"


def test_a_withheld_material_never_enters_the_index(built):
    """A fortrolig material's title and file text are nowhere in the search index of an intern site."""
    leaks = _anywhere_in_index(built, WITHHELD_ONLY) + _anywhere_in_index(built, "Lukket vejledning")
    assert not leaks, f"withheld material in the search index: {leaks}"


def test_negative_control_at_fortrolig_the_withheld_material_is_indexed(tmp_path):
    """Negative control: on a fortrolig site the same material is indexed, so the scan above can fail."""
    project = copy_project(tmp_path / "projekt")
    _plant(project)
    config = project / "mkdocs.yml"
    replace_in(config, "klassifikation: intern", "klassifikation: fortrolig")
    site = build_ok(project)
    assert _holders(site, WITHHELD_ONLY) == ["materialer/lukket/"], _holders(site, WITHHELD_ONLY)


def test_a_damaged_office_file_gives_a_danish_warning_not_a_traceback(tmp_path):
    """A .docx that is not a Word file yields no text and one Danish warning naming the file."""
    broken = tmp_path / "brudt.docx"
    broken.write_bytes(b"ikke en zip-fil")
    result = document_text(broken, tmp_path / "cache", "docs/materialer/brudt.docx")
    assert result.text == "" and result.warning and result.warning.startswith("docs/materialer/brudt.docx:"), result
