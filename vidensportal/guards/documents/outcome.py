"""What reading a document can end in besides its text: a refusal, with the Danish reasons why."""

from __future__ import annotations

# Nesting deeper than this (a document in a document in a document …) is refused, not followed.
MAX_DEPTH = 3
# A part or attached file unpacked larger than this is refused: a zip bomb must not stall the build.
MAX_UNPACKED = 200_000_000


class UnreadableDocument(Exception):
    """A document the gate cannot read completely, or that holds hidden content; `reasons` are Danish lines,
    each saying what was found and what to do instead."""

    def __init__(self, *reasons: str) -> None:
        self.reasons = list(reasons)
        super().__init__("; ".join(self.reasons))


def resave_advice(kind: str) -> str:
    """The Danish advice for a document that cannot be read: save it again as a plain file of its kind."""
    return f"Åbn den, og gem den igen som {kind}, eller gem den som PDF uden adgangskode."
