"""The text of a material's file for the search: PDF, Word (.docx) and PowerPoint (.pptx), cached by sha256."""

from __future__ import annotations

import io
import re
from pathlib import Path

from vidensportal import paths
from vidensportal.catalog import Catalog
from vidensportal.paths import page_url
from vidensportal.search.pdftext import PdfText, cached_text, pdf_text

OFFICE_FORMATS = {".docx": "Word", ".pptx": "PowerPoint"}


def document_text(path: Path, cache_dir: Path, shown_as: str) -> PdfText:
    """The words of the file at `path`, or '' for a format without text (a video); a Danish warning when a
    file that should have text could not be read."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdf_text(path, cache_dir, shown_as)
    if suffix not in OFFICE_FORMATS:
        return PdfText("", None)
    warning = (
        f"{shown_as}: {OFFICE_FORMATS[suffix]}-filens tekst kunne ikke læses (filen er beskadiget eller ikke en "
        f"{suffix}-fil); materialet kan stadig hentes, men dets indhold er ikke med i søgningen."
    )
    return cached_text(path, cache_dir, _docx_text if suffix == ".docx" else _pptx_text, lambda _: warning)


def _docx_text(data: bytes) -> str:
    # Imported here: only needed for a file that is not in the cache.
    from docx import Document

    document = Document(io.BytesIO(data))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return _squeezed([*(p.text for p in document.paragraphs), *cells])


def _pptx_text(data: bytes) -> str:
    from pptx import Presentation

    texts = []
    for slide in Presentation(io.BytesIO(data)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
        notes = slide.notes_slide.notes_text_frame if slide.has_notes_slide else None
        if notes is not None:
            texts.append(notes.text)
    return _squeezed(texts)


def _squeezed(texts: list[str]) -> str:
    return re.sub(r"\s+", " ", " ".join(texts)).strip()


def material_texts(catalog: Catalog, docs_dir: Path, cache_dir: Path) -> tuple[dict[str, str], list[str]]:
    """The text of every published material's file by the URL of the material's page, and Danish warnings
    for files whose text could not be read."""
    texts, warnings = {}, []
    for material_id, file in catalog.files.items():
        result = document_text(docs_dir / file.path, cache_dir, f"docs/{file.path}")
        if result.warning:
            warnings.append(result.warning)
        texts[page_url(paths.material_page(material_id))] = result.text
    return texts, warnings
