"""What a file holds for a reader, as text: decoded whatever its encoding, unpacked when compressed, the text
of a document read completely by its kind's reader (see guards/documents); what cannot be read is refused with
UnreadableDocument, never read in part."""

from __future__ import annotations

import base64
import codecs
import gzip
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

from vidensportal.guards.documents.kinds import document_reader, read_completely
from vidensportal.guards.documents.outcome import UnreadableDocument
from vidensportal.guards.text.binary import binary_strings
from vidensportal.guards.text.cbor import cbor_strings

MARKUP_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".xml", ".svg", ".md", ".markdown"})
# Pagefind writes its index gzip-compressed, each file's content starting with this signature once unpacked.
_PAGEFIND_SIGNATURE = b"pagefind_dcd"
_GZIP_MAGIC = b"\x1f\x8b"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_UNPACKED = 200_000_000
_ZIP_MAGIC = b"PK\x03\x04"
_FOLDED_LINES = frozenset({".ics", ".ifb", ".vcf"})
_UNFOLD = re.compile(r"\r?\n[ \t]")
_DATA_URI = re.compile(r"data:(?P<mime>[\w.+-]+/[\w.+-]+)?[^,;\"'\s]*;base64,(?P<data>[A-Za-z0-9+/=\s]+)")
_MIME_SUFFIX = {
    "text/html": ".html",
    "image/svg+xml": ".svg",
    "text/css": ".css",
    "text/plain": ".txt",
    "application/json": ".json",
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
}
# Pagefind's own WebAssembly program (gzip, signature, then the program): a binary, read as strings.
_PAGEFIND_PROGRAM = ".pagefind"


@dataclass(frozen=True)
class Text:
    """One text a file holds; `lined` when its line numbers are the file's own (plain text, not unpacked)."""

    text: str
    markup: bool = False
    css: bool = False
    lined: bool = False


def decode_text(data: bytes) -> str | None:
    """The bytes as text: by byte-order mark, else UTF-8, UTF-16 without a mark, cp1252, latin-1; None for
    bytes that are no text (a NUL byte that is not UTF-16)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data:
        return _utf16_without_mark(data)
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _utf16_without_mark(data: bytes) -> str | None:
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    encoding = (
        "utf-16-le"
        if odd > len(data) // 4 and even == 0
        else "utf-16-be"
        if even > len(data) // 4 and odd == 0
        else None
    )
    return data.decode(encoding, errors="replace") if encoding else None


def _gunzip(data: bytes) -> bytes | None:
    try:
        unpacker = zlib.decompressobj(wbits=31)
        unpacked = unpacker.decompress(data, _MAX_UNPACKED)
    except (zlib.error, EOFError, gzip.BadGzipFile):
        return None
    return unpacked


def texts_of(data: bytes, name: str, *, depth: int = 0) -> list[Text]:
    """Every text `data` holds for a reader; `name` (a file name) tells the kind where the bytes do not."""
    suffix = PurePosixPath(name).suffix.lower()
    if data.startswith(_GZIP_MAGIC) and depth < 3:
        unpacked = _gunzip(data)
        if unpacked is not None:
            inner = name[: -len(suffix)] if suffix == ".gz" else name
            return texts_of(unpacked, inner, depth=depth + 1)
    if data.startswith(_PAGEFIND_SIGNATURE) and suffix != _PAGEFIND_PROGRAM:
        body = data[len(_PAGEFIND_SIGNATURE) :]
        if body.startswith((b"{", b"[")):
            return [Text(decode_text(body) or "", markup=True)]
        strings = cbor_strings(body)
        if strings is None:
            raise UnreadableDocument(
                "søgeindeksets fil kan ikke læses helt. Byg sitet igen; sker det igen, er det en fejl."
            )
        return [Text(s) for s in strings]
    reader = document_reader(name)
    if reader is not None:
        # Markup: a PDF annotation's rich text and an XMP packet are XHTML; plain text reads the same either way.
        return [Text(text, markup=True) for text in read_completely(reader, data, name, depth)]
    if suffix == _PAGEFIND_PROGRAM:
        return [Text(s) for s in binary_strings(data)]
    if data.startswith(_ZIP_MAGIC):
        raise UnreadableDocument("filen er et zip-arkiv, ikke den filtype, navnet siger. Udgiv filerne hver for sig.")
    text = decode_text(data)
    if text is None:
        raise UnreadableDocument("filen er ikke tekst, som filtypen siger. Gem den igen som tekst (UTF-8).")
    if suffix in _FOLDED_LINES:
        text = _UNFOLD.sub("", text)  # a calendar program joins a line that goes on on the next
    texts = [Text(text, markup=suffix in MARKUP_SUFFIXES or "<" in text[:1000], css=suffix == ".css", lined=depth == 0)]
    if "base64," in text and depth < 3:
        for match in _DATA_URI.finditer(text):
            inner = base64.b64decode(match["data"] + "==", validate=False)[:_MAX_UNPACKED]
            mime = (match["mime"] or "").lower()
            if mime not in _MIME_SUFFIX:
                raise UnreadableDocument(
                    f"en indlejret data:-adresse af typen '{mime}' kan ikke læses. Læg filen ved siden af."
                )
            texts += texts_of(inner, "data" + _MIME_SUFFIX[mime], depth=depth + 1)
    return texts


def packed_files(data: bytes, *, depth: int = 0) -> list[bytes]:
    """The files packed inside `data` (a gzip's content, a zip's members), and theirs in turn."""
    inner: list[bytes] = []
    if depth >= 3:
        return inner
    if data.startswith(_GZIP_MAGIC) and (unpacked := _gunzip(data)) is not None:
        inner.append(unpacked)
    elif data.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                inner += [
                    archive.read(m) for m in archive.infolist() if not m.is_dir() and m.file_size <= _MAX_UNPACKED
                ]
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
            return []
    return inner + [deeper for blob in inner for deeper in packed_files(blob, depth=depth + 1)]
