"""The placeholder text `make ny-seminar` writes, and finding it where a contributor left it in a data file."""

from __future__ import annotations

from pathlib import Path

from vidensportal.errors import Problem

# tools/new_event.py writes these into a new event file; the build lists every one still there.
PLACE = "Sted angives senere"
AUDIENCE = "Målgruppe angives senere."
DESCRIPTION = "Beskrivelse følger."
PLACEHOLDERS = (PLACE, AUDIENCE, DESCRIPTION)


def _folded(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip(".")


_FOLDED = tuple(_folded(text) for text in PLACEHOLDERS)


def placeholders_in(data: object, file: Path) -> list[Problem]:
    """A warning for each text value in `data` (as read by yamlfile) that still holds a placeholder."""
    found = []
    items = list(data.items()) if isinstance(data, dict) else list(enumerate(data)) if isinstance(data, list) else []
    for key, value in items:
        if isinstance(value, str):
            folded = _folded(value)
            if any(text in folded for text in _FOLDED):
                where = f"feltet '{key}'" if isinstance(key, str) else "teksten"
                message = f"{where} står stadig med pladsholderteksten '{value}'. Skriv den rigtige tekst."
                found.append(Problem(file, message, data.lines[key] if hasattr(data, "lines") else None))
        elif isinstance(value, dict | list):
            found += placeholders_in(value, file)
    return found
