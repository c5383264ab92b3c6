"""The figures of a year: Følgegruppe meetings against the minimum, events held, materials, initiatives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vidensportal.catalog import Catalog
from vidensportal.data.model import INITIATIVE_STATUSES, Event, Initiative, Meeting


@dataclass(frozen=True)
class MeetingCount:
    """How a year's held meetings stand against the agreement's minimum."""

    year: int
    held: int
    planned: int
    minimum: int
    text: str
    below_minimum: bool


def meeting_count(year: int, meetings: list[Meeting], minimum: int, today: date) -> MeetingCount:
    """Count held meetings; a past year under the minimum is flagged, the current year counts 'so far'."""
    held = sum(1 for m in meetings if m.day.year == year and _held(m, today))
    planned = sum(1 for m in meetings if m.day.year == year and m.status == "planlagt" and m.day >= today)
    if year > today.year:
        text, below = f"{planned} planlagt", False
    elif year == today.year:
        text, below = f"{held} af {minimum} afholdt indtil nu", False
    elif held < minimum:
        text, below = f"{held} af {minimum} afholdt – under minimum på {minimum} møder om året", True
    else:
        text, below = f"{held} af {minimum} afholdt – minimum er nået", False
    return MeetingCount(year, held, planned, minimum, text, below)


def _held(item: Meeting | Event, today: date) -> bool:
    """Held: marked afholdt, or a day that has passed for something not cancelled."""
    return item.status == "afholdt" or (item.status != "aflyst" and item.day < today)


def events_held(catalog: Catalog, year: int, today: date) -> dict[str, Event]:
    return {key: e for key, e in catalog.events.items() if e.day.year == year and _held(e, today)}


def initiatives_of_year(catalog: Catalog, year: int) -> dict[str, Initiative]:
    return {key: i for key, i in catalog.initiatives.items() if year in i.years}


def years_with_data(catalog: Catalog) -> list[int]:
    """Every year that has a meeting, an event, a material or an initiative, newest first."""
    years = {m.day.year for m in catalog.meetings.values()}
    years |= {e.day.year for e in catalog.events.values()}
    years |= {m.published.year for m in catalog.materials.values()}
    years |= {y for i in catalog.initiatives.values() for y in i.years}
    return sorted(years, reverse=True)


@dataclass(frozen=True)
class YearFigures:
    """What the annual status reports for one year."""

    year: int
    meetings: MeetingCount
    seminars_held: int
    network_meetings_held: int
    materials_published: int
    initiatives_by_status: dict[str, int]


def year_figures(catalog: Catalog, year: int, today: date) -> YearFigures:
    held = events_held(catalog, year, today)
    initiatives = initiatives_of_year(catalog, year)
    minimum = catalog.agreement.follow_up_group.min_meetings_per_year
    return YearFigures(
        year=year,
        meetings=meeting_count(year, list(catalog.meetings.values()), minimum, today),
        seminars_held=sum(1 for e in held.values() if e.kind == "vidensseminar"),
        network_meetings_held=sum(1 for e in held.values() if e.kind == "netværksmøde"),
        materials_published=sum(1 for m in catalog.materials.values() if m.published.year == year),
        initiatives_by_status={s: sum(1 for i in initiatives.values() if i.status == s) for s in INITIATIVE_STATUSES},
    )
