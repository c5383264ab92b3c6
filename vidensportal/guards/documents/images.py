"""The text a picture carries for a reader's program: its metadata (PNG text chunks, EXIF and XMP, comments),
compressed chunks unpacked; a file that is not the picture its name says is refused."""

from __future__ import annotations

import struct
import zlib
from pathlib import PurePosixPath

from vidensportal.guards.documents.outcome import MAX_UNPACKED, UnreadableDocument

_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".ico": (b"\x00\x00\x01\x00",),
}


def read_image(data: bytes, name: str, depth: int) -> list[str]:
    """The readable strings of the picture (metadata is stored as text) and its PNG chunks' text unpacked."""
    from vidensportal.guards.text.binary import binary_strings

    suffix = PurePosixPath(name).suffix.lower()
    if not data.startswith(_SIGNATURES[suffix]) or (suffix == ".webp" and data[8:12] != b"WEBP"):
        raise UnreadableDocument(
            f"filen er ikke et {suffix[1:].upper()}-billede, som endelsen siger. Gem billedet igen som PNG eller JPEG."
        )
    texts = binary_strings(data)
    if suffix == ".png":
        texts += _png_texts(data)
    elif suffix == ".ico":  # an icon holds its sizes as PNG or bitmap images one after the other
        start = data.find(_SIGNATURES[".png"][0])
        while start != -1:
            texts += _png_texts(data[start:])
            start = data.find(_SIGNATURES[".png"][0], start + 1)
    return texts


def _png_texts(data: bytes) -> list[str]:
    """The text of tEXt, zTXt and iTXt chunks, compressed ones unpacked; a damaged chunk list is refused."""
    texts = []
    offset = 8
    while offset + 8 <= len(data):  # up to IEND: what follows belongs to no chunk (and is read as strings)
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        body = data[offset + 8 : offset + 8 + length]
        if len(body) != length:
            raise UnreadableDocument("PNG-billedet er beskadiget. Gem billedet igen som PNG eller JPEG.")
        if kind in (b"tEXt", b"zTXt", b"iTXt"):
            texts.append(_chunk_text(kind, body))
        offset += 12 + length
        if kind == b"IEND":
            break
    return texts


def _chunk_text(kind: bytes, body: bytes) -> str:
    keyword, _, rest = body.partition(b"\x00")
    if kind == b"zTXt":
        rest = _inflate(rest[1:])
    elif kind == b"iTXt":
        compressed = rest[:1] == b"\x01"
        # compression flag, method, language tag \0, translated keyword \0, text
        language_and_rest = rest[2:]
        _, _, after_language = language_and_rest.partition(b"\x00")
        translated, _, text = after_language.partition(b"\x00")
        rest = translated + b"\n" + (_inflate(text) if compressed else text)
    return keyword.decode("latin-1") + "\n" + rest.decode("utf-8", errors="replace")


def _inflate(data: bytes) -> bytes:
    try:
        unpacker = zlib.decompressobj()
        unpacked = unpacker.decompress(data, MAX_UNPACKED)
    except zlib.error as error:
        raise UnreadableDocument("PNG-billedets tekst kan ikke pakkes ud. Gem billedet igen som PNG.") from error
    if unpacker.unconsumed_tail:
        raise UnreadableDocument("PNG-billedets tekst er for stor til at blive læst. Gem billedet igen som PNG.")
    return unpacked
