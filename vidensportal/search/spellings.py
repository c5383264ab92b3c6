"""Spellings staff type for Danish words: æ, ø and å as ae, oe, aa or as a, o, a; and compounds split into parts."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_TWO_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
_ONE_LETTER = str.maketrans({"æ": "a", "ø": "o", "å": "a"})
# Danish compounds join their parts directly or with a linking s or e (kriminalitet-s-truede).
_LINKS = ("", "s", "e")
SHORTEST_PART = 4
SHORT_TAIL = 6
# A suspended compound: "rocker- og bandemiljøet" is rockermiljøet and bandemiljøet, "Børne- og
# Ungdomsforvaltningen" is Børneforvaltningen and Ungdomsforvaltningen; the heads before the hyphen share the tail.
SUSPENDED = re.compile(r"((?:[^\W\d_]{2,}-,?\s+)+)(?:og|eller|samt)\s+([^\W\d_]{5,})", re.UNICODE)
SUSPENDED_HEAD = re.compile(r"([^\W\d_]{2,})-", re.UNICODE)
SUCCESSORS = 3  # a word boundary is where the site's words that share a beginning go on in this many ways


def folded_spellings(word: str) -> tuple[str, ...]:
    """The ways a word with æ, ø or å is typed on a keyboard without them (ae/oe/aa, then a/o/a); none for other
    words. A tuple, not a set: the index must come out the same in every build."""
    lower = word.lower()
    short = lower.translate(_ONE_LETTER)
    return () if short == lower else (lower.translate(_TWO_LETTERS), short)


def compound_parts(word: str, vocabulary: set[str]) -> list[str]:
    """The head and tail of a compound whose head is a word of the site, e.g. rekrutterings|mønstre or
    samarbejds|aftalen (samarbejde); the longest head wins. A short tail must itself be a word, so that an
    inflection (forebygge|lsen) is not taken for one."""
    lower = word.lower()
    for cut in range(len(lower) - SHORTEST_PART, SHORTEST_PART - 1, -1):
        head, tail = lower[:cut], lower[cut:]
        if tail not in vocabulary and len(tail) < SHORT_TAIL:
            continue
        for link in _LINKS:
            if link and not head.endswith(link):
                continue
            stem = head[: len(head) - len(link)] if link else head
            if len(stem) >= SHORTEST_PART and stem in vocabulary:
                return [stem, tail]
            # A head ending in e drops it before the linking s: samarbejde → samarbejds|aftale.
            if link == "s" and len(stem) >= SHORTEST_PART and f"{stem}e" in vocabulary:
                return [f"{stem}e", tail]
    return []


def shared_tail(word: str, vocabulary: set[str], ordered: list[str]) -> str:
    """The tail a suspended compound's heads share, '' when it cannot be told: the longest end of `word` that is a
    word of the site (Ungdomsforvaltningen → forvaltningen), else the end after the shortest beginning that at least
    three words of the site go on from in different ways (bande|miljøet, bande|kriminalitet, bande|grupperinger).
    `ordered` is the vocabulary sorted."""
    lower = word.lower()
    for cut in range(SHORTEST_PART - 1, len(lower) - SHORTEST_PART + 1):
        if lower[cut:] in vocabulary:
            return lower[cut:]
    for cut in range(SHORTEST_PART, len(lower) - SHORTEST_PART + 1):
        head = lower[:cut]
        start = bisect.bisect_left(ordered, head)
        end = bisect.bisect_left(ordered, head + "\U0010ffff", start)
        if len({w[cut] for w in ordered[start:end] if len(w) > cut}) >= SUCCESSORS:
            return lower[cut:]
    return ""


class Spellings:
    """The extra spellings of the site's words, each word worked out once for all the pages it is on."""

    def __init__(self, vocabulary: set[str]) -> None:
        self.vocabulary = vocabulary
        self._ordered = sorted(vocabulary)
        self._known: dict[str, tuple[str, ...]] = {}
        self._tails: dict[str, str] = {}

    def of_word(self, word: str) -> tuple[str, ...]:
        if word not in self._known:
            parts = compound_parts(word, self.vocabulary)
            found = [*folded_spellings(word), *parts, *(f for part in parts for f in folded_spellings(part))]
            self._known[word] = tuple(dict.fromkeys(found))
        return self._known[word]

    def __call__(self, text: str) -> list[str]:
        """Words to index beside `text`: folded spellings of its words, the parts of its compounds and theirs, and
        the words its suspended compounds stand for, with their folded spellings."""
        extra: dict[str, None] = {}
        for word in dict.fromkeys(w.lower() for w in WORD.findall(text)):
            extra.update(dict.fromkeys(self.of_word(word)))
        for word in self.suspended_compounds(text):
            extra.update(dict.fromkeys((word, *folded_spellings(word))))
        return list(extra)

    def suspended_compounds(self, text: str) -> list[str]:
        """The words a suspended compound stands for without writing them out: 'rocker- og bandemiljøet' →
        rockermiljøet, 'Børne- og Ungdomsforvaltningen' → børneforvaltningen."""
        found = []
        for heads, last in SUSPENDED.findall(text):
            if last not in self._tails:
                self._tails[last] = shared_tail(last, self.vocabulary, self._ordered)
            if tail := self._tails[last]:
                found += [f"{head.lower()}{tail}" for head in SUSPENDED_HEAD.findall(heads)]
        return found


def extra_spellings(text: str, vocabulary: set[str]) -> list[str]:
    """The extra spellings of one text's words (see Spellings)."""
    return Spellings(vocabulary)(text)


def vocabulary_of(texts: Iterable[str]) -> set[str]:
    """The site's words long enough to be a compound's head."""
    return {w.lower() for text in texts for w in WORD.findall(text) if len(w) >= SHORTEST_PART}
