"""The figures of a year: Følgegruppe meetings against the minimum, events held, materials, initiatives.

One definition of "held" and of "published" serves the annual status, its chart, the listings and the calendar,
so their figures agree: an event or meeting is held once marked afholdt or once its day has passed (unless it
was cancelled); a material counts in the year of its date, and only from that date on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from vidensportal.catalog import Catalog
from vidensportal.data.model import INITIATIVE_STATUSES, Event, Initiative, Material, Meeting
from vidensportal.numbers import MEETING, count

# A Følgegruppe meeting whose day has passed while its file still says planlagt: nobody has said it was held.
NOT_UPDATED = "status ikke opdateret"


def is_held(item: Meeting | Event, today: date) -> bool:
    """Held: marked afholdt; an event also once its day has passed unless cancelled. A meeting counts towards the
    agreement's minimum only when its file says afholdt."""
    if isinstance(item, Meeting):
        return item.status == "afholdt"
    return item.status == "afholdt" or (item.status != "aflyst" and item.day < today)


def is_stale(item: Meeting | Event, today: date) -> bool:
    """A meeting whose day has passed and whose file still says planlagt."""
    return isinstance(item, Meeting) and item.status == "planlagt" and item.day < today


def shown_status(item: Meeting | Event, today: date) -> str:
    """The status to show: a planned event whose day has passed shows as afholdt; a planned meeting whose day has
    passed shows that its status has not been updated."""
    if is_stale(item, today):
        return NOT_UPDATED
    return "afholdt" if is_held(item, today) else item.status


def is_published(material: Material, today: date) -> bool:
    """A material dated in the future is not published yet."""
    return material.published <= today


def any_example(items: Iterable[Meeting | Event | Material | Initiative]) -> bool:
    """Whether a figure made of `items` rests on example data (and must say so)."""
    return any(item.example for item in items)


@dataclass(frozen=True)
class MeetingCount:
    """How a year's held meetings stand against the agreement's minimum."""

    year: int
    held: int
    planned: int
    minimum: int
    text: str
    below_minimum: bool
    example: bool


def meeting_count(year: int, meetings: list[Meeting], minimum: int, today: date) -> MeetingCount:
    """Count held meetings; a past year under the minimum is flagged, the current year counts 'so far'."""
    of_year = [m for m in meetings if m.day.year == year]
    held = sum(1 for m in of_year if is_held(m, today))
    planned = sum(1 for m in of_year if m.status == "planlagt" and m.day >= today)
    if year > today.year:
        text, below = f"{count(planned, MEETING)} planlagt", False
    elif year == today.year:
        text, below = f"{held} af {minimum} afholdt indtil nu", False
    elif held < minimum:
        text, below = f"{held} af {minimum} afholdt – under minimum på {count(minimum, MEETING)} om året", True
    else:
        text, below = f"{held} af {minimum} afholdt – minimum er nået", False
    return MeetingCount(year, held, planned, minimum, text, below, any_example(of_year))


def events_held(catalog: Catalog, year: int, today: date) -> dict[str, Event]:
    return {key: e for key, e in catalog.events.items() if e.day.year == year and is_held(e, today)}


def materials_published(catalog: Catalog, year: int, today: date) -> dict[str, Material]:
    return {k: m for k, m in catalog.materials.items() if m.published.year == year and is_published(m, today)}


def initiatives_of_year(catalog: Catalog, year: int) -> dict[str, Initiative]:
    return {key: i for key, i in catalog.initiatives.items() if year in i.years}


def years_with_data(catalog: Catalog, today: date) -> list[int]:
    """Every year that has begun and has a meeting, an event, a material or an initiative, newest first."""
    years = {m.day.year for m in catalog.meetings.values()}
    years |= {e.day.year for e in catalog.events.values()}
    years |= {m.published.year for m in catalog.materials.values() if is_published(m, today)}
    years |= {y for i in catalog.initiatives.values() for y in i.years}
    return sorted((y for y in years if y <= today.year), reverse=True)


@dataclass(frozen=True)
class YearFigures:
    """What the annual status reports for one year; `example` when any figure rests on example data."""

    year: int
    meetings: MeetingCount
    seminars_held: int
    network_meetings_held: int
    materials_published: int
    initiatives_by_status: dict[str, int]
    example: bool


def year_figures(catalog: Catalog, year: int, today: date) -> YearFigures:
    held = events_held(catalog, year, today)
    materials = materials_published(catalog, year, today)
    initiatives = initiatives_of_year(catalog, year)
    minimum = catalog.agreement.follow_up_group.min_meetings_per_year
    meetings = meeting_count(year, list(catalog.meetings.values()), minimum, today)
    return YearFigures(
        year=year,
        meetings=meetings,
        seminars_held=sum(1 for e in held.values() if e.kind == "vidensseminar"),
        network_meetings_held=sum(1 for e in held.values() if e.kind == "netværksmøde"),
        materials_published=len(materials),
        initiatives_by_status={s: sum(1 for i in initiatives.values() if i.status == s) for s in INITIATIVE_STATUSES},
        example=meetings.example or any_example([*held.values(), *materials.values(), *initiatives.values()]),
    )
