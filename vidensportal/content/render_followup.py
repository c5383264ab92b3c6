"""Catalog → Markdown for Følgegruppen, the initiatives and the annual status; every data value escaped."""

from __future__ import annotations

import re
from datetime import date
from itertools import groupby
from pathlib import Path

from markupsafe import Markup

from vidensportal.catalog import Catalog
from vidensportal.content import html
from vidensportal.content.annual import (
    MeetingCount,
    events_held,
    initiatives_of_year,
    materials_published,
    meeting_count,
    shown_status,
    year_figures,
    years_with_data,
)
from vidensportal.content.dates import danish_date
from vidensportal.content.render import track_label
from vidensportal.content.render_events import (
    EXAMPLE_BADGE,
    STATUS_LABELS,
    event_list,
    material_list,
    split_events,
    subscribe_guide,
)
from vidensportal.content.text import bullets, link, md
from vidensportal.data.checks import goal_ids
from vidensportal.data.model import INITIATIVE_STATUSES, Initiative, Meeting, Track, value_label
from vidensportal.errors import DataError, Problem, did_you_mean
from vidensportal.numbers import MATERIAL, NETWORK_MEETING, SEMINAR, STATUS_ADJECTIVES, count
from vidensportal.paths import (
    FOLLOWUP_CALENDAR,
    INITIATIVES_PAGE,
    annual_page,
    material_page,
    meeting_anchor,
    party_page,
    track_page,
)

INITIATIVE_LABELS = {status: value_label(status) for status in INITIATIVE_STATUSES}


def _parties(catalog: Catalog, ids, here: str) -> str:
    return ", ".join(link(here, party_page(p), catalog.parties[p].tag) for p in ids)


def _meeting(catalog: Catalog, meeting: Meeting, here: str, today: date) -> str:
    day = f'<strong id="{meeting_anchor(meeting.day)}">{md(danish_date(meeting.day))}</strong>'
    facts = [day, STATUS_LABELS[shown_status(meeting, today)]]
    if meeting.example:
        facts.append(EXAMPLE_BADGE)
    lines = [" · ".join(facts)]
    facilitators = meeting.facilitators or catalog.agreement.follow_up_group.facilitators
    lines.append(f"    - Planlagt og faciliteret af {_parties(catalog, facilitators, here)}")
    if meeting.participants:
        lines.append(f"    - Deltagere: {_parties(catalog, meeting.participants, here)}")
    if meeting.agenda:
        lines.append("    - Dagsorden:")
        lines += [f"        1. {md(item)}" for item in meeting.agenda]
    if meeting.minutes:
        lines.append(f"    - Referat: {link(here, material_page(meeting.minutes.id), meeting.minutes.title)}")
    return "\n".join(lines)


def meetings_by_year(catalog: Catalog, here: str, today: date) -> str:
    """Følgegruppen's meetings, newest year first, each year counted against the minimum."""
    if not catalog.meetings:
        return "*Der er endnu ingen møder i Følgegruppen på portalen.*"
    minimum = catalog.agreement.follow_up_group.min_meetings_per_year
    meetings = sorted(catalog.meetings.values(), key=lambda m: m.day, reverse=True)
    parts = []
    for year, group in groupby(meetings, key=lambda m: m.day.year):
        parts.append(f"### {year}")
        parts.append(_count_note(meeting_count(year, meetings, minimum, today)))
        parts.append(bullets([_meeting(catalog, m, here, today) for m in group], ""))
    return "\n\n".join(parts)


def _count_note(meetings: MeetingCount) -> str:
    """A year's meetings against the minimum, as a warning when under it; marked when it counts example meetings."""
    example = f" {EXAMPLE_BADGE} Tallet bygger på eksempler." if meetings.example else ""
    if meetings.below_minimum:
        return f'!!! warning "Under minimum"\n    {md(meetings.text)}.{example}'
    return f"**{md(meetings.text)}.**{example}"


def followup_contact(catalog: Catalog, here: str) -> str:
    """A 'Kontakt' section with the secretariat's mailbox, when data/aftale.yml names one; otherwise nothing."""
    group = catalog.agreement.follow_up_group
    if not group.mailbox:
        return ""
    facilitators = " og ".join(md(catalog.parties[f].tag) for f in group.facilitators)
    return f"## Kontakt\n\nSkriv til Følgegruppens sekretariat ({facilitators}): {_mailto(group.mailbox)}."


def _mailto(address: str) -> str:
    """A mailto link in Markdown prose: the address escaped for the attribute and as inert Markdown text."""
    return f'<a href="mailto:{md(address)}">{md(address)}</a>'


def followup_calendar(catalog: Catalog, here: str) -> str:
    """The guide to subscribing to Følgegruppen's own calendar."""
    return str(subscribe_guide(FOLLOWUP_CALENDAR, here, "Følgegruppens møder"))


def _initiative(catalog: Catalog, initiative: Initiative, here: str, with_goals: bool = True) -> str:
    goals = goal_ids(catalog.strategy)
    facts = [f"**{md(initiative.title)}**", INITIATIVE_LABELS[initiative.status]]
    if initiative.example:
        facts.append(EXAMPLE_BADGE)
    lines = [" · ".join(facts), f"    - {md(initiative.description)}"]
    if initiative.parties:
        lines.append(f"    - Parter: {_parties(catalog, initiative.parties, here)}")
    if initiative.partners:
        names = ", ".join(md(catalog.external_actors[p].name) for p in initiative.partners)
        lines.append(f"    - Eksterne parter: {names}")
    if with_goals and initiative.goals:
        lines.append(f"    - Sikker By-mål: {', '.join(md(goals[g]) for g in initiative.goals)}")
    return "\n".join(lines)


def initiatives_by_track(catalog: Catalog, here: str, year: int, level: int) -> str:
    """One year's initiatives under the track they belong to, with headings at `level`."""
    of_year = initiatives_of_year(catalog, year)
    if not of_year:
        return "*Ingen indsatser dette år.*"
    parts = []
    for track in catalog.tracks.values():
        items = [_initiative(catalog, i, here) for i in of_year.values() if track.id in i.tracks]
        if items:
            parts.append(f"{'#' * level} {link(here, track_page(track.id), track_label(track))}")
            parts.append(bullets(items, ""))
    return "\n\n".join(parts)


def track_initiatives(catalog: Catalog, track: Track, here: str) -> Markup:
    """A track's initiatives from the yearly overviews, newest year first, linking to the overview page."""
    found = [i for i in catalog.initiatives.values() if track.id in i.tracks]
    found.sort(key=lambda i: (max(i.years), i.title), reverse=True)
    items = []
    for initiative in found:
        years = ", ".join(str(y) for y in sorted(initiative.years))
        line = Markup("<strong>%s</strong> · %s · %s") % (
            initiative.title,
            years,
            INITIATIVE_LABELS[initiative.status],
        )
        items.append(line + Markup(" ") + EXAMPLE_BADGE if initiative.example else line)
    listing = html.bullet_list(items, "Følgegruppen har endnu ikke sat en indsats i sporet på årets oversigt.")
    return listing + html.paragraph(html.link(here, INITIATIVES_PAGE, "Alle indsatser"))


def initiatives_overview(catalog: Catalog, here: str) -> str:
    """Every year's initiatives, newest year first, by track."""
    years = sorted({y for i in catalog.initiatives.values() for y in i.years}, reverse=True)
    if not years:
        return "*Der er endnu ingen indsatser på portalen.*"
    return "\n\n".join(f"## Indsatser {year}\n\n{initiatives_by_track(catalog, here, year, 3)}" for year in years)


def initiatives_by_goal(catalog: Catalog, here: str, year: int | None = None, heading: str = "##") -> str:
    """For every Sikker By goal and sub-goal, the initiatives that support it."""
    initiatives = initiatives_of_year(catalog, year) if year else dict(catalog.initiatives)
    parts = []
    for goal in catalog.strategy.goals:
        for goal_id, name in [(goal.id, goal.name), *((s.id, s.name) for s in goal.subgoals)]:
            items = [
                _initiative(catalog, i, here, with_goals=False) for i in initiatives.values() if goal_id in i.goals
            ]
            parts.append(f"{heading} {md(name)}")
            parts.append(bullets(items, "Ingen indsatser er knyttet til dette mål."))
    return "\n\n".join(parts)


def annual_index(catalog: Catalog, here: str, today: date) -> str:
    """One line per year that has begun and has data, newest first, linking to that year's annual status."""
    lines = []
    for year in years_with_data(catalog, today):
        figures = year_figures(catalog, year, today)
        held = f"{count(figures.seminars_held, SEMINAR)} og {count(figures.network_meetings_held, NETWORK_MEETING)}"
        lines.append(
            f"{link(here, annual_page(year), f'Årsstatus {year}')}: møder i Følgegruppen {md(figures.meetings.text)}; "
            f"{held} afholdt; {count(figures.materials_published, MATERIAL)} udgivet"
            + (f" {EXAMPLE_BADGE}" if figures.example else "")
        )
    return bullets(lines, "Der er endnu ingen data at lave en årsstatus af.")


# The parts of the yearly status that people write (docs/aarsstatus/<år>.md, one "## " section each): the
# agreement says the status holds a status on the initiatives and a police assessment of the situation.
INITIATIVES_STATUS = "Status på indsatserne"
POLICE_ASSESSMENT = "Politifaglig vurdering"
PROSE_SECTIONS = (INITIATIVES_STATUS, POLICE_ASSESSMENT)
_FENCE = re.compile(r"^\s*(```|~~~)")
_SECTION = re.compile(r"^##\s+(.+?)\s*#*\s*$")


def annual_prose(prose: str | None, source: Path) -> tuple[str, dict[str, str]]:
    """A year's written prose as (text before the first section, {section name: its text}).

    A "## " heading outside a code block starts a section; its name must be one of PROSE_SECTIONS."""
    intro: list[str] = []
    sections: dict[str, list[str]] = {}
    problems = []
    current, fenced = intro, False
    for number, line in enumerate((prose or "").splitlines(), start=1):
        fenced ^= bool(_FENCE.match(line))
        heading = None if fenced else _SECTION.match(line)
        if not heading:
            current.append(line)
            continue
        name = " ".join(heading[1].split())
        known = {n.lower(): n for n in PROSE_SECTIONS}.get(name.lower())
        if known is None:
            problems.append(
                Problem(
                    source,
                    f"ukendt afsnit '{name}'{did_you_mean(name, list(PROSE_SECTIONS))} "
                    f"En årsstatus har afsnittene: {', '.join(PROSE_SECTIONS)}.",
                    line=number,
                )
            )
        elif known in sections:
            problems.append(Problem(source, f"afsnittet '{known}' står der to gange; skriv det én gang.", line=number))
        current = sections.setdefault(known or name, [])
    if problems:
        raise DataError(problems)
    return "\n".join(intro).strip(), {name: "\n".join(lines).strip() for name, lines in sections.items()}


def _written(sections: dict[str, str], name: str, year: int) -> str:
    """The section's written text, or a note that it is awaited (never a promise of text that is not there)."""
    text = sections.get(name)
    if text:
        return text
    return f'!!! note "Afventer"\n    {md(name)} for {year} er ikke skrevet endnu.'


def annual_sections(catalog: Catalog, year: int, today: date, sections: dict[str, str]) -> str:
    """The body of 'Årsstatus <år>': key figures, the two written parts, then meetings, events and materials."""
    here = annual_page(year)
    figures = year_figures(catalog, year, today)
    meetings = sorted((m for m in catalog.meetings.values() if m.day.year == year), key=lambda m: m.day)
    held = split_events(events_held(catalog, year, today), today).held
    materials = materials_published(catalog, year, today)
    status_line = ", ".join(
        count(figures.initiatives_by_status[s], STATUS_ADJECTIVES[s]) for s in INITIATIVE_STATUSES
    )
    example = (
        f"\n\n{EXAMPLE_BADGE} Tallene bygger helt eller delvis på eksempler, ikke på rigtige møder, "
        "arrangementer og indsatser."
        if figures.example
        else ""
    )
    key_figures = bullets(
        [
            f"Møder i Følgegruppen: {md(figures.meetings.text)}",
            f"{count(figures.seminars_held, SEMINAR)} afholdt",
            f"{count(figures.network_meetings_held, NETWORK_MEETING)} afholdt",
            f"{count(figures.materials_published, MATERIAL)} udgivet",
            f"Indsatser: {status_line}",
        ],
        "",
    )
    return "\n\n".join(
        [
            f"## Nøgletal\n\n{key_figures}{example}",
            f"## {INITIATIVES_STATUS}\n\n{_written(sections, INITIATIVES_STATUS, year)}",
            f"### Indsatser pr. spor\n\n{initiatives_by_track(catalog, here, year, 4)}",
            f"### Indsatser pr. Sikker By-mål\n\n{initiatives_by_goal(catalog, here, year, '####')}",
            f"## {POLICE_ASSESSMENT}\n\n{_written(sections, POLICE_ASSESSMENT, year)}",
            f"## Følgegruppens møder\n\n{_count_note(figures.meetings)}",
            bullets([_meeting(catalog, m, here, today) for m in meetings], "Ingen møder registreret."),
            "## Seminarer og netværksmøder\n\n" + event_list(catalog, held, here, "Ingen arrangementer afholdt."),
            "## Materialer\n\n" + material_list(catalog, materials, here, "Ingen materialer udgivet."),
        ]
    )
