"""A PDF read as a reader's program can show it: each page's text in stream order and in reading order by glyph
position, the text of annotations' appearances, every string of every object (outlines, annotations, form fields,
the document information, names), XMP metadata, attached files (read through the list of kinds) and scripts.
An owner password only is opened with the empty user password; anything else that cannot be read is refused."""

from __future__ import annotations

import io
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from vidensportal.guards.documents.outcome import MAX_DEPTH, UnreadableDocument

_UNREADABLE = "PDF-filen kan ikke læses helt ({why}). Åbn den, og gem den igen som PDF uden adgangskode."
_ATTACHED = "PDF-filen har den vedhæftede fil '{name}'. Fjern den (eller udgiv den som sin egen fil), og gem igen."
_DIGIT_WIDTH = 0.556  # a digit's width in em in Helvetica, Arial and Times: where a run of glyphs ends
_SCRIPT = "PDF-filen indeholder JavaScript. Gem den igen som PDF uden scripts (fx Udskriv > Gem som PDF)."


def read_pdf(data: bytes, name: str, depth: int) -> list[str]:
    """Every text of the PDF; raises UnreadableDocument when it cannot be opened or holds attachments or scripts."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    with _pypdf_complaints() as complaints:
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise UnreadableDocument(_UNREADABLE.format(why="den er beskyttet med en adgangskode"))
            texts = _texts(reader, depth)
        except UnreadableDocument:
            raise
        except PdfReadError as error:
            raise UnreadableDocument(_UNREADABLE.format(why="den er beskadiget")) from error
    if complaints:  # pypdf repaired or skipped something: what it read may not be all there is
        raise UnreadableDocument(_UNREADABLE.format(why="den er beskadiget"))
    return texts


def _texts(reader, depth: int) -> list[str]:
    texts: list[str] = []
    for page in reader.pages:
        texts += _page_texts(page)
        for annotation in page.get("/Annots") or ():
            texts += _appearance_texts(page, annotation.get_object())
    strings, scripts, files = _object_strings(reader)
    texts += strings + _xfa_texts(reader)
    if reader.xmp_metadata is not None:
        from vidensportal.guards.documents.xmltext import parse_part, xml_texts

        texts += xml_texts(parse_part(reader.xmp_metadata.stream.get_data(), "XMP"))
    hidden = [_SCRIPT] if scripts else []
    texts += scripts
    for name, content in files:
        hidden.append(_ATTACHED.format(name=name))
        texts += _attached(content, name, depth)
    if hidden:
        raise UnreadableDocument(*dict.fromkeys(hidden))
    return texts


def _page_texts(page) -> list[str]:
    """The page's text in stream order, and its glyph runs sorted top to bottom, then left to right, as a reader
    reads them: runs that touch are joined without a space (digits drawn one by one in any order read as one
    number), others with one. One pass over the page gives both."""
    runs: list[tuple[float, float, float, str]] = []

    def visit(text, user_matrix, text_matrix, font, size) -> None:
        if text.strip():
            x = text_matrix[4] * user_matrix[0] + text_matrix[5] * user_matrix[2] + user_matrix[4]
            y = text_matrix[4] * user_matrix[1] + text_matrix[5] * user_matrix[3] + user_matrix[5]
            em = abs(size * text_matrix[0] * user_matrix[0]) or abs(size)
            runs.append((-round(y), x, em, text.strip()))  # pypdf's own guess of a space before a run is left out

    in_stream_order = page.extract_text(visitor_text=visit) or ""
    lines: dict[float, list[tuple[float, float, str]]] = {}
    for y, x, em, text in runs:
        lines.setdefault(y, []).append((x, em, text))
    return [in_stream_order, "\n".join(_joined(sorted(line)) for _, line in sorted(lines.items()))]


def _joined(line: list[tuple[float, float, str]]) -> str:
    """One line's runs; a gap wider than a fifth of an em (a space is a quarter) reads as a space."""
    out, end = "", None
    for x, em, text in line:
        if end is not None:
            out += "" if x - end < em / 5 else " "
        out += text
        end = x + _DIGIT_WIDTH * em * len(text)
    return out


def _appearance_texts(page, annotation) -> list[str]:
    """The text drawn by an annotation's appearance streams (normal, rollover, down; each state)."""
    texts = []
    for key in ("/N", "/R", "/D"):
        appearance = (annotation.get("/AP") or {}).get(key)
        if appearance is None:
            continue
        appearance = appearance.get_object()
        streams = [appearance] if hasattr(appearance, "get_data") else [s.get_object() for s in appearance.values()]
        for stream in streams:
            if hasattr(stream, "get_data"):
                texts.append(page.extract_xform_text(stream))
    return texts


def _object_strings(reader) -> tuple[list[str], list[str], list[tuple[str, bytes]]]:
    """(every string in every object reachable from the trailer, the JavaScript among the objects, every file
    embedded in a file specification: attached to the document or to an annotation on a page)."""
    from pypdf.generic import (
        ArrayObject,
        ByteStringObject,
        DictionaryObject,
        IndirectObject,
        NameObject,
        StreamObject,
        TextStringObject,
    )

    strings: list[str] = []
    scripts: list[str] = []
    files: list[tuple[str, bytes]] = []
    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            if item.get("/S") == NameObject("/JavaScript") or "/JS" in item:
                script = item.get("/JS")
                script = script.get_object() if script is not None else ""
                scripts.append(script.get_data().decode("latin-1") if isinstance(script, StreamObject) else str(script))
            if "/EF" in item:
                name = str(item.get("/UF") or item.get("/F") or "uden navn")
                files += [(name, stream.get_object().get_data()) for stream in item["/EF"].get_object().values()]
            stack += [value for key, value in item.items() if key not in ("/Parent", "/P")]
        elif isinstance(item, ArrayObject):
            stack += list(item)
        elif isinstance(item, TextStringObject | str) and not isinstance(item, NameObject):
            strings.append(str(item))
        elif isinstance(item, ByteStringObject):
            strings.append(bytes(item).decode("latin-1"))
    return strings, scripts, files


def _xfa_texts(reader) -> list[str]:
    """The XML of an XFA form (a stream, or an array of names and streams), as text."""
    from pypdf.generic import StreamObject

    from vidensportal.guards.documents.xmltext import parse_part, xml_texts

    form = reader.root_object.get("/AcroForm")
    xfa = form.get_object().get("/XFA") if form is not None else None
    if xfa is None:
        return []
    xfa = xfa.get_object()
    streams = [xfa] if isinstance(xfa, StreamObject) else [item.get_object() for item in xfa[1::2]]
    return xml_texts(parse_part(b"".join(stream.get_data() for stream in streams), "XFA"))


def _attached(content: bytes, name: str, depth: int) -> list[str]:
    from vidensportal.guards.documents.kinds import read_document  # the list of kinds reads PDFs too

    if depth + 1 > MAX_DEPTH:
        raise UnreadableDocument(f"PDF-filens vedhæftede fil '{name}' ligger for dybt til at blive læst.")
    return read_document(content, name, depth + 1)


class _Complaints(logging.Handler):
    """What pypdf logs while a file is read, kept for the thread that reads it."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.local = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        found = getattr(self.local, "found", None)
        if found is not None:
            found.append(record.getMessage())


_COMPLAINTS = _Complaints()


@contextmanager
def _pypdf_complaints() -> Iterator[list[str]]:
    """pypdf logs what it had to guess or skip in a damaged file (a content stream it could not unpack is read
    as empty) and goes on; the messages are collected, not printed, so the file can be refused instead."""
    outer = getattr(_COMPLAINTS.local, "found", None)
    if outer is not None:  # an attached PDF, read while its parent is: the parent's collection goes on
        yield outer
        return
    logger = logging.getLogger("pypdf")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.addHandler(_COMPLAINTS)
    _COMPLAINTS.local.found = found = []
    try:
        yield found
    finally:
        _COMPLAINTS.local.found = None
        logger.removeHandler(_COMPLAINTS)
        logger.setLevel(level)
        logger.propagate = propagate
