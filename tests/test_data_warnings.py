"""Warnings, not errors, that name file and line: a meeting or event whose status contradicts its date or its
minutes, and a data file whose schema line names another file's schema."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from vidensportal.catalog import load_catalog

from .support import line_number, replace_in, run_tjek

MEETING = "data/foelgegruppe/2026-12-08.yml"  # planlagt
HELD = "data/foelgegruppe/2026-02-10.yml"  # afholdt, with minutes
EVENT = "data/seminarer/2027-01-14-eksempel-netvaerksmoede.yml"  # planlagt
BEFORE_ALL = date(2026, 12, 2)


def warnings(project: Path, today: date = BEFORE_ALL) -> list[str]:
    return [str(w) for w in load_catalog(project / "data", today=today).warnings]


def test_the_shipped_statuses_agree_with_their_dates():
    """Negative control: on a day before the next planned meeting the shipped data gives no warning."""
    from .support import ROOT

    assert warnings(ROOT) == [], warnings(ROOT)


@pytest.mark.parametrize(
    ("file", "old", "new", "today", "expected"),
    [
        (MEETING, "status: planlagt", "status: afholdt", BEFORE_ALL, "status er 'afholdt', men datoen 8. december"),
        (MEETING, "status: planlagt", "status: planlagt", date(2026, 12, 9), "er gået, men status er stadig"),
        (EVENT, "status: planlagt", "status: afholdt", BEFORE_ALL, "status er 'afholdt', men datoen 14. januar 2027"),
        (HELD, "status: afholdt", "status: planlagt", BEFORE_ALL, "mødet har et referat, men status er"),
    ],
)
def test_a_contradictory_status_is_a_warning_on_its_line(project, file, old, new, today, expected):
    """Held in the future, planned in the past, minutes of a planned meeting: one warning naming file and line."""
    replace_in(project / file, old, new)
    found = warnings(project, today)
    line = line_number(project / file, new)
    assert len(found) == 1 and found[0].startswith(f"{file}, linje {line}: felt 'status': "), found
    assert expected in found[0], found


def test_a_wrong_schema_line_is_a_warning_and_a_missing_one_is_not(project):
    """A meeting naming the seminar schema is warned about with the right line to write; no line at all is fine."""
    meeting = project / MEETING
    replace_in(meeting, "schemas/foelgegruppemoede.json", "schemas/seminar.json")
    held = project / HELD
    held.write_text(held.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")  # no schema line
    found = warnings(project)
    assert len(found) == 1 and found[0].startswith(f"{MEETING}, linje 1: skemalinjen peger på"), found
    assert "$schema=../../schemas/foelgegruppemoede.json" in found[0], found


def test_make_tjek_shows_the_warnings(project):
    """make tjek prints the schema-line warning and still passes (a warning does not stop anything)."""
    replace_in(project / MEETING, "schemas/foelgegruppemoede.json", "schemas/seminar.json")
    result = run_tjek(project)
    assert result.returncode == 0 and f"ADVARSEL: {MEETING}, linje 1: skemalinjen" in result.stdout, result.stdout
