"""The text of a PDF material for the search index, cached in a folder by the file's sha256."""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PdfText:
    """A PDF's text with whitespace runs as single spaces; warning is set, in Danish, when it could not be read."""

    text: str
    warning: str | None


def pdf_text(path: Path, cache_dir: Path, shown_as: str) -> PdfText:
    """The text of the PDF at path; shown_as is how warnings name the file, e.g. 'docs/materialer/x.pdf'."""

    def warning(error: Exception) -> str:
        return (
            f"{shown_as}: PDF-filens tekst kunne ikke læses ({_reason(error)}); "
            "materialet kan stadig hentes, men dets indhold er ikke med i søgningen."
        )

    return cached_text(path, cache_dir, _extract, warning)


def cached_text(
    path: Path, cache_dir: Path, extract: Callable[[bytes], str], warning: Callable[[Exception], str]
) -> PdfText:
    """The text `extract` reads from the file at `path`, cached in `cache_dir` by the file's sha256; when it
    raises, no text and `warning(error)`."""
    data = path.read_bytes()
    cached = cache_dir / f"{hashlib.sha256(data).hexdigest()}.txt"
    if cached.exists():
        return PdfText(cached.read_text(encoding="utf-8"), None)
    try:
        text = extract(data)
    # Damaged files make the readers raise far more than their own errors (KeyError, ValueError, zipfile, lxml, ...).
    except Exception as error:
        return PdfText("", warning(error))
    _write_atomically(cached, text)
    return PdfText(text, None)


def _extract(data: bytes) -> str:
    # Imported here: pypdf is only needed for a PDF that is not in the cache, and importing it is slow.
    from pypdf import PdfReader

    # Parse the very bytes that were hashed, so the cache can never hold the text of another version of the file.
    with _quiet_pypdf():
        reader = PdfReader(io.BytesIO(data))
        pages = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", pages).strip()


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Silence pypdf's logged complaints about damaged files; the caller reports one Danish warning instead."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def _reason(error: Exception) -> str:
    from pypdf.errors import DependencyError, EmptyFileError, FileNotDecryptedError

    if isinstance(error, EmptyFileError):
        return "filen er tom"
    if isinstance(error, FileNotDecryptedError):
        return "filen er beskyttet med adgangskode"
    if isinstance(error, DependencyError):
        return "filen er krypteret eller komprimeret på en måde, som bygningen ikke kan læse"
    return "filen er beskadiget eller ikke en PDF"


def _write_atomically(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
