"""Følgegruppen's page and calendar tell the truth: the next meeting, a meeting's time and place (busy in the
calendar), a title per meeting that marks examples, a past meeting still 'planlagt' not counted as held, and a
contact that names the secretariat the agreement gives, never an invented address."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import icalendar
import pytest
from pydantic import ValidationError

from vidensportal.content.ics import meetings_calendar
from vidensportal.content.render import party_contact
from vidensportal.content.render_followup import (
    initiatives_by_goal,
    meetings_by_year,
    next_meeting,
    secretariat_contact,
)
from vidensportal.data.model import Meeting

TODAY = date(2026, 6, 1)
STAMP = datetime(2026, 6, 1, tzinfo=UTC)


def meeting(day: str, status: str = "planlagt", **fields) -> Meeting:
    return Meeting.model_validate({"dato": day, "status": status, "klassifikation": "intern", **fields})


def with_meetings(catalog, *meetings: Meeting):
    return dataclasses.replace(catalog, meetings={m.day.isoformat(): m for m in meetings})


def test_the_next_meeting_box_names_the_first_planned_meeting_with_time_and_place(catalog):
    """'Næste møde' shows the first planned meeting from today with its hours and place; a cancelled or past one
    is skipped; negative control: with no future meeting the box says so instead of staying empty."""
    site = with_meetings(
        catalog,
        meeting("2026-05-01"),
        meeting("2026-06-10", "aflyst"),
        meeting("2026-09-08", start="13:00", slut="15:00", sted="Politigården"),
        meeting("2026-12-08"),
    )
    box = next_meeting(site, "index.md", TODAY)
    empty = next_meeting(with_meetings(catalog, meeting("2026-05-01")), "index.md", TODAY)
    problems = []
    if "september 2026, kl. 13.00–15.00" not in box or "Politigården" not in box:
        problems.append(f"box lacks the 8 September meeting's time and place: {box}")
    if "foelgegruppe.md#moede-2026-09-08" not in box or "Eksempel" in box:
        problems.append(f"box does not link the meeting, or marks a real one as an example: {box}")
    if "ikke registreret et kommende møde" not in empty:
        problems.append(f"the box without a coming meeting says nothing: {empty}")
    assert not problems, problems


def test_a_past_planned_meeting_shows_status_not_updated(catalog):
    """A meeting whose day has passed and still says 'planlagt' is shown as 'Status ikke opdateret' and said not
    to count; negative control: the same meeting marked 'afholdt' shows 'Afholdt'."""
    stale = meetings_by_year(with_meetings(catalog, meeting("2026-03-01")), "foelgegruppe.md", TODAY)
    held = meetings_by_year(with_meetings(catalog, meeting("2026-03-01", "afholdt")), "foelgegruppe.md", TODAY)
    assert "Status ikke opdateret" in stale and "tælles ikke med" in stale and "0 af 4" in stale, stale
    assert "Afholdt" in held and "ikke opdateret" not in held and "1 af 4" in held, held


def test_a_meeting_with_hours_is_busy_in_the_calendar_and_titled_by_its_day():
    """With start and end the entry has those times and blocks them (OPAQUE); each title names its meeting and
    marks an example; negative control: a meeting without hours is an all-day entry marked free."""
    timed = meeting("2026-09-08", start="13:00", slut="15:00", sted="Politigården", eksempel=True)
    untimed = meeting("2026-12-08")
    data = meetings_calendar([timed, untimed], name="Følgegruppen", url_for=lambda _: None, stamp=STAMP)
    entries = {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    first = entries.get("EKSEMPEL: Følgegruppen: møde 8. september 2026")
    second = entries.get("Følgegruppen: møde 8. december 2026")
    assert first is not None and second is not None, sorted(entries)
    facts = (
        first.decoded("DTSTART").hour,
        first.decoded("DTEND").hour,
        str(first["TRANSP"]),
        str(first["LOCATION"]),
        type(second.decoded("DTSTART")),
        str(second["TRANSP"]),
    )
    assert facts == (13, 15, "OPAQUE", "Politigården", date, "TRANSPARENT"), facts


@pytest.mark.parametrize(
    ("fields", "words"),
    [({"slut": "15:00"}, "'slut' kræver 'start'"), ({"start": "15:00", "slut": "13:00"}, "'slut' skal ligge efter")],
)
def test_a_meeting_s_hours_must_fit(fields, words):
    """An end without a start, or an end before the start, is refused with a Danish message."""
    with pytest.raises(ValidationError) as caught:
        meeting("2026-09-08", **fields)
    assert words in str(caught.value), caught.value


def test_contact_names_the_secretariat_and_never_an_invented_address(catalog):
    """Without any postkasse in data/, Kontakt names EAS and Sikker By with links to their pages and no mailto;
    with Sikker By's own postkasse, its page gives it."""
    text = secretariat_contact(catalog, "foelgegruppe.md")
    party = party_contact(catalog, catalog.parties["cuku"], "parter/cuku.md")
    own_party = catalog.parties["sikker-by"].model_copy(update={"mailbox": "sikkerby@enhed.example"})
    own = party_contact(catalog, own_party, "parter/sikker-by.md")
    problems = [
        f"{name}: {value}"
        for name, value, ok in (
            ("Følgegruppen", text, "parter/eas.md" in text and "mailto:" not in text),
            ("CUKU", party, "eas/" in party and "sikker-by/" in party and "mailto:" not in party),
            ("Sikker By", own, 'href="mailto:sikkerby@enhed.example"' in own),
        )
        if not ok
    ]
    assert not problems, problems


def test_initiatives_after_2021_under_the_goals_quote_the_footnote(catalog):
    """Initiatives from after the Sikker By strategy's period, listed by its goals, come with the agreement's
    footnote on the strategy running out in 2021."""
    text = initiatives_by_goal(catalog, "indsatser.md")
    assert "er udløbet" in text and "udløb i 2021" in text, text[:600]
