"""The engine's one error type: a list of Danish messages that name file, line, entry and field."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, located as precisely as the input allows."""

    file: Path
    message: str
    line: int | None = None
    entry: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f", linje {self.line}"
        parts = [where]
        if self.entry:
            parts.append(f"post {self.entry}")
        if self.field:
            parts.append(f"felt '{self.field}'")
        return ": ".join(parts) + f": {self.message}"


class DataError(Exception):
    """Raised when data/ cannot be turned into a catalog; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = "Der er 1 fejl i data:" if count == 1 else f"Der er {count} fejl i data:"
        return "\n".join([head, *(f"  - {p}" for p in self.problems)])


def did_you_mean(value: object, candidates: list[str]) -> str:
    """A Danish hint naming the nearest valid value, or '' when none is near."""
    matches = get_close_matches(str(value), candidates, n=1, cutoff=0.6)
    return f" – mente du '{matches[0]}'?" if matches else ""
