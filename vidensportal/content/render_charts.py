"""Catalog → the site's pictures: the organisation chart and the activity per year and track."""

from __future__ import annotations

from datetime import date

from vidensportal.catalog import Catalog
from vidensportal.content.annual import (
    any_example,
    events_held,
    materials_published,
    meeting_count,
    years_with_data,
)
from vidensportal.content.charts import Node, bar_chart, chart_text_alternative, org_chart
from vidensportal.content.render import track_label
from vidensportal.content.render_events import EXAMPLE_BADGE
from vidensportal.content.text import href
from vidensportal.paths import party_page

MEETINGS_SERIES = "Følgegruppemøder"
EXAMPLE_YEAR = "{year} (eksempeldata)"


def organisation_chart(catalog: Catalog, here: str) -> str:
    """Authority → forvaltning/afdeling → unit, as boxes; each unit's box links to its page."""

    def party_node(party_id: str) -> Node:
        party = catalog.parties[party_id]
        children = tuple(party_node(child.id) for child in catalog.children(party_id))
        return Node(party.label, children, href(here, party_page(party_id)))

    roots = []
    for group in catalog.organisation():
        nodes = [party_node(p.id) for p in group.top]
        nodes += [Node(d.name, tuple(party_node(p.id) for p in members)) for d, members in group.departments]
        roots.append(Node(group.authority.name, tuple(nodes)))
    return org_chart(roots, title="Aftalens parter som organisationsdiagram")


def activity_values(catalog: Catalog, today: date) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
    """Per year that has begun (newest first): events held and materials published in each track, and
    Følgegruppe meetings held – the same figures as the annual status. A year whose figures rest on example
    data is named so."""
    series = [track_label(t) for t in catalog.tracks.values()] + [MEETINGS_SERIES]
    values: dict[tuple[str, str], int] = {}
    minimum = catalog.agreement.follow_up_group.min_meetings_per_year
    years = []
    for year in years_with_data(catalog, today):
        held = events_held(catalog, year, today)
        materials = materials_published(catalog, year, today)
        meetings = meeting_count(year, list(catalog.meetings.values()), minimum, today)
        example = meetings.example or any_example([*held.values(), *materials.values()])
        label = EXAMPLE_YEAR.format(year=year) if example else str(year)
        years.append(label)
        for track, name in zip(catalog.tracks.values(), series[:-1], strict=True):
            events = sum(1 for e in held.values() if track.id in e.tracks)
            published = sum(1 for key in materials if track.id in catalog.material_tracks(key))
            values[(label, name)] = events + published
        values[(label, MEETINGS_SERIES)] = meetings.held
    return years, series, values


def activity_chart(catalog: Catalog, here: str, today: date) -> str:
    """Activity per year and track (seminars, meetings and materials) as an inline SVG bar chart."""
    years, series, values = activity_values(catalog, today)
    chart = bar_chart(
        years,
        series,
        values,
        chart_id="aktivitet",
        title="Aktivitet pr. år og spor: afholdte seminarer og netværksmøder, udgivne materialer, samt Følgegruppens"
        " afholdte møder",
        description=chart_text_alternative(years, series, values),
    )
    if any(EXAMPLE_YEAR.format(year="") in year for year in years):
        note = f"<p>{EXAMPLE_BADGE} Diagrammet bygger helt eller delvis på eksempeldata (år mærket eksempeldata).</p>"
        return f'<div class="vp-keep">\n{note}\n{chart}\n</div>'
    return f'<div class="vp-keep">\n{chart}\n</div>'
