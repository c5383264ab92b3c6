"""Catalog → Markdown for Følgegruppen, the initiatives and the annual status; every data value escaped."""

from __future__ import annotations

from datetime import date
from itertools import groupby

from vidensportal.catalog import Catalog
from vidensportal.content.annual import (
    events_held,
    initiatives_of_year,
    meeting_count,
    year_figures,
    years_with_data,
)
from vidensportal.content.dates import danish_date
from vidensportal.content.render import track_label
from vidensportal.content.render_events import STATUS_LABELS, event_list, material_list
from vidensportal.content.text import bullets, link, md
from vidensportal.data.checks import goal_ids
from vidensportal.data.model import INITIATIVE_STATUSES, Initiative, Meeting, value_label
from vidensportal.paths import annual_page, material_page, party_page, track_page

INITIATIVE_LABELS = {status: value_label(status) for status in INITIATIVE_STATUSES}


def _parties(catalog: Catalog, ids, here: str) -> str:
    return ", ".join(link(here, party_page(p), catalog.parties[p].tag) for p in ids)


def _meeting(catalog: Catalog, meeting: Meeting, here: str) -> str:
    facts = [f"**{md(danish_date(meeting.day))}**", STATUS_LABELS[meeting.status]]
    if meeting.example:
        facts.append("*Eksempel*")
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
        count = meeting_count(year, meetings, minimum, today)
        parts.append(f"### {year}")
        if count.below_minimum:
            parts.append(f'!!! warning "Under minimum"\n    {md(count.text)}.')
        else:
            parts.append(f"**{md(count.text)}.**")
        parts.append(bullets([_meeting(catalog, m, here) for m in group], ""))
    return "\n\n".join(parts)


def _initiative(catalog: Catalog, initiative: Initiative, here: str, with_goals: bool = True) -> str:
    goals = goal_ids(catalog.strategy)
    facts = [f"**{md(initiative.title)}**", INITIATIVE_LABELS[initiative.status]]
    if initiative.example:
        facts.append("*Eksempel*")
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
    """One line per year with data, newest first, linking to that year's annual status."""
    lines = []
    for year in years_with_data(catalog):
        figures = year_figures(catalog, year, today)
        lines.append(
            f"{link(here, annual_page(year), f'Årsstatus {year}')}: møder i Følgegruppen {md(figures.meetings.text)}; "
            f"{figures.seminars_held} vidensseminarer og {figures.network_meetings_held} netværksmøder afholdt; "
            f"{figures.materials_published} materialer"
        )
    return bullets(lines, "Der er endnu ingen data at lave en årsstatus af.")


def _section(body: str) -> str:
    # Each section starts a new printed page (see print.css).
    return f'<section class="vp-print-section" markdown>\n\n{body}\n\n</section>'


def annual_sections(catalog: Catalog, year: int, today: date) -> str:
    """The body of 'Årsstatus <år>': meetings, events, materials and initiatives, a printed page each."""
    here = annual_page(year)
    figures = year_figures(catalog, year, today)
    meetings = [m for m in catalog.meetings.values() if m.day.year == year]
    held = events_held(catalog, year, today)
    materials = {k: m for k, m in catalog.materials.items() if m.published.year == year}
    status_line = ", ".join(
        f"{figures.initiatives_by_status[s]} {INITIATIVE_LABELS[s].lower()}" for s in INITIATIVE_STATUSES
    )
    meeting_note = (
        f'!!! warning "Under minimum"\n    {md(figures.meetings.text)}.'
        if figures.meetings.below_minimum
        else f"**{md(figures.meetings.text)}.**"
    )
    return "\n\n".join(
        [
            _section(
                "## Nøgletal\n\n"
                + bullets(
                    [
                        f"Møder i Følgegruppen: {md(figures.meetings.text)}",
                        f"Vidensseminarer afholdt: {figures.seminars_held}",
                        f"Netværksmøder afholdt: {figures.network_meetings_held}",
                        f"Materialer udgivet: {figures.materials_published}",
                        f"Indsatser: {status_line}",
                    ],
                    "",
                )
            ),
            _section(
                "## Følgegruppens møder\n\n"
                + meeting_note
                + "\n\n"
                + bullets([_meeting(catalog, m, here) for m in meetings], "Ingen møder registreret.")
            ),
            _section(
                "## Seminarer og netværksmøder\n\n"
                + event_list(catalog, held, here, today, "Ingen arrangementer afholdt.")
            ),
            _section("## Materialer\n\n" + material_list(catalog, materials, here, "Ingen materialer udgivet.")),
            _section("## Indsatser pr. spor\n\n" + initiatives_by_track(catalog, here, year, 3)),
            _section("## Indsatser pr. Sikker By-mål\n\n" + initiatives_by_goal(catalog, here, year, "###")),
        ]
    )
