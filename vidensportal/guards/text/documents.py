"""The text inside a published document, one function per kind: what a reader who opens the file can read."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable

# Office Open XML keeps a paragraph's text in runs (<w:t>, <a:t>) that may split a word anywhere.
_OFFICE_PARAGRAPH_END = re.compile(r"</(?:w|a):p>")
_OFFICE_TEXT = re.compile(r"<(w|a):t(?:\s[^>]*)?>([^<]*)</\1:t>")
_XML_TAG = re.compile(r"<[^>]*>")


def pdf_text(data: bytes) -> list[str]:
    """The text of every page, the document information, annotations and the text of attached files."""
    from pypdf import PdfReader  # imported when a PDF is met: importing pypdf is slow

    logger = logging.getLogger("pypdf")
    level, logger.level = logger.level, logging.CRITICAL + 1
    try:
        reader = PdfReader(io.BytesIO(data))
        texts = ["\n".join(page.extract_text() or "" for page in reader.pages)]
        texts += [str(value) for value in (reader.metadata or {}).values()]
        for page in reader.pages:
            for annotation in page.get("/Annots") or ():
                annotation = annotation.get_object()
                texts += [str(annotation.get(key, "")) for key in ("/Contents", "/T")]
                action = annotation.get("/A")
                if action is not None:
                    texts.append(str(action.get_object().get("/URI", "")))
        texts += [str(field.get("/V", "")) for field in (reader.get_fields() or {}).values()]
        for name, contents in reader.attachments.items():
            texts.append(name)
            texts += [_bytes_text(content) for content in contents]
        if reader.xmp_metadata is not None:
            texts.append(_XML_TAG.sub(" ", _bytes_text(reader.xmp_metadata.stream.get_data())))
        return texts
    finally:
        logger.setLevel(level)


def office_text(data: bytes) -> list[str]:
    """The paragraphs of a Word or PowerPoint file (and any other zip of XML): runs joined within a paragraph."""
    texts = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in archive.infolist():
            if member.is_dir() or member.file_size > 50_000_000:
                continue
            content = _bytes_text(archive.read(member))
            texts.append(member.filename)
            if "<w:t" in content or "<a:t" in content:
                texts += [
                    "".join(run for _, run in _OFFICE_TEXT.findall(part))
                    for part in _OFFICE_PARAGRAPH_END.split(content)
                ]
            else:
                texts.append(content)
    return texts


def _bytes_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


DOCUMENT_TEXT: dict[str, Callable[[bytes], list[str]]] = {
    ".pdf": pdf_text,
    ".docx": office_text,
    ".pptx": office_text,
    ".xlsx": office_text,
    ".odt": office_text,
    ".odp": office_text,
    ".ods": office_text,
}
