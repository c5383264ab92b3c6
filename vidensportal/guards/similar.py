"""How much of a withheld document's text a published file holds, whatever its bytes: word shingles.

A text is read as its words (folded as the gate reads text, case ignored) and cut into every run of SHINGLE_WORDS
words in a row, its shingles. A published file holds a withheld document when at least THRESHOLD of the
document's distinct shingles are among the published file's: a re-save, an export to another format or a copy
with some lines changed keeps most of them; a text on the same subject shares a few common phrases, not half.
A withheld text shorter than SHINGLE_WORDS is one shingle of all its words; one under MIN_WORDS words (or none, an
image) is compared by its bytes only.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from vidensportal.guards.text.contents import Text
from vidensportal.guards.text.reading import decode, fold, spaced_text

SHINGLE_WORDS = 5
THRESHOLD = 0.5
MIN_WORDS = 3  # like a title: fewer words are ordinary words on any page

_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[A-Za-z/?!][^>]*>")
_ZIP_MAGIC = b"PK\x03\x04"
# The parts of an Office package that hold the document's own text; styles, themes, settings and properties are
# the same in every file one program makes.
_OWN_TEXT = re.compile(
    r"(?:word/(?:document|header\d*|footer\d*|footnotes|endnotes)|ppt/(?:slides/slide|notesSlides/notesSlide)\d+"
    r"|xl/(?:sharedStrings|worksheets/sheet\d+))\.xml$"
)

Shingle = tuple[str, ...]


def words_in(read: str, *, markup: bool) -> list[str]:
    """The words of a text already decoded and folded (as_read's first view), in order; of markup, only what is
    between the tags. Case is ignored."""
    return _WORD.findall((spaced_text(read) if markup and "<" in read else read).casefold())


def words_of(texts: Iterable[Text]) -> list[str]:
    """The words of every text in order, as a reader reads them (see words_in)."""
    return [word for text in texts for word in words_in(fold(decode(text.text, css=text.css)), markup=text.markup)]


def document_words(data: bytes, texts: Sequence[Text]) -> list[str]:
    """The words of a withheld document's own text. Of an Office package only the parts that hold the document's
    text count (_OWN_TEXT): its part names, styles, settings and properties are the same in every file one program
    makes and would make any two short files look alike. Binary parts (a thumbnail) are left out."""
    parts = _package_parts(data)
    kept, own = [], not parts
    for text in texts:
        if parts and text.text in parts:  # the reader gives each part's name, then its text, then its attributes
            own = bool(_OWN_TEXT.match(text.text))
            continue
        if own and "\x00" not in text.text and "\ufffd" not in text.text and not _TAG.search(text.text):
            kept.append(text)
        own = own and not parts  # of a part, only its text: attribute values are ids one program writes alike
    return words_of(kept)


def _package_parts(data: bytes) -> frozenset[str]:
    if not data.startswith(_ZIP_MAGIC):
        return frozenset()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return frozenset(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        return frozenset()


def shingles(words: Sequence[str], width: int) -> Iterable[Shingle]:
    """Every run of `width` words in a row."""
    return zip(*(words[start:] for start in range(width)), strict=False)


@dataclass(frozen=True)
class Fingerprint:
    """A withheld document (as named in messages) and its distinct shingles, all of one width."""

    source: str
    shingles: frozenset[Shingle]


def fingerprint(source: str, words: Sequence[str]) -> Fingerprint | None:
    """The document's shingles; None when it has too few words to tell it from ordinary text."""
    if len(words) < MIN_WORDS:
        return None
    return Fingerprint(source, frozenset(shingles(words, min(SHINGLE_WORDS, len(words)))))


class WithheldTexts:
    """Every withheld document's shingles, made once per build, and the documents a published text holds."""

    def __init__(self, fingerprints: Collection[Fingerprint] = ()) -> None:
        self.fingerprints = tuple(fingerprints)
        self.widths = sorted({len(next(iter(f.shingles))) for f in self.fingerprints})
        self._owners: dict[Shingle, list[int]] = {}
        for number, document in enumerate(self.fingerprints):
            for shingle in document.shingles:
                self._owners.setdefault(shingle, []).append(number)

    def __bool__(self) -> bool:
        return bool(self.fingerprints)

    def held_in(self, words: Sequence[str]) -> list[tuple[str, float]]:
        """(withheld document, share of its shingles found) for each document `words` hold THRESHOLD of."""
        if not self.fingerprints:
            return []
        found: Counter[int] = Counter()
        for width in self.widths:
            for shingle in self._owners.keys() & shingles(words, width):
                found.update(self._owners[shingle])
        shares = ((self.fingerprints[n], count / len(self.fingerprints[n].shingles)) for n, count in found.items())
        return sorted((document.source, share) for document, share in shares if share >= THRESHOLD)
