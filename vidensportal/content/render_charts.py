"""Catalog → the site's pictures: the organisation chart and the activity per year and track."""

from __future__ import annotations

from datetime import date

from vidensportal.catalog import Catalog
from vidensportal.content.annual import meeting_count, years_with_data
from vidensportal.content.charts import Node, bar_chart, chart_text_alternative, org_chart, org_text_alternative
from vidensportal.content.render import track_label

MEETINGS_SERIES = "Følgegruppemøder"


def organisation_chart(catalog: Catalog, here: str) -> str:
    """Authority → forvaltning/afdeling → unit, as an inline SVG whose boxes link to the party pages."""

    def party_node(party_id: str) -> Node:
        party = catalog.parties[party_id]
        children = tuple(party_node(child.id) for child in catalog.children(party_id))
        return Node(party.label, children)

    roots = []
    for group in catalog.organisation():
        nodes = [party_node(p.id) for p in group.top]
        nodes += [Node(d.name, tuple(party_node(p.id) for p in members)) for d, members in group.departments]
        roots.append(Node(group.authority.name, tuple(nodes)))
    return org_chart(
        roots,
        chart_id="organisationsdiagram",
        title="Aftalens parter som organisationsdiagram",
        description=org_text_alternative(roots),
    )


def activity_values(catalog: Catalog, today: date) -> tuple[list[str], list[str], dict[tuple[str, str], int]]:
    """Per year (newest first): events and materials in each track, and Følgegruppe meetings held."""
    years = [str(y) for y in years_with_data(catalog)]
    series = [track_label(t) for t in catalog.tracks.values()] + [MEETINGS_SERIES]
    values: dict[tuple[str, str], int] = {}
    minimum = catalog.agreement.follow_up_group.min_meetings_per_year
    for year in years:
        for track, name in zip(catalog.tracks.values(), series[:-1], strict=True):
            events = sum(1 for e in catalog.events_in_track(track.id).values() if str(e.day.year) == year)
            materials = sum(1 for m in catalog.materials_in_track(track.id).values() if str(m.published.year) == year)
            values[(year, name)] = events + materials
        values[(year, MEETINGS_SERIES)] = meeting_count(int(year), list(catalog.meetings.values()), minimum, today).held
    return years, series, values


def activity_chart(catalog: Catalog, here: str, today: date) -> str:
    """Activity per year and track (seminars, meetings and materials) as an inline SVG bar chart."""
    years, series, values = activity_values(catalog, today)
    return bar_chart(
        years,
        series,
        values,
        chart_id="aktivitet",
        title="Aktivitet pr. år og spor: seminarer, netværksmøder og materialer, samt Følgegruppens møder",
        description=chart_text_alternative(years, series, values),
    )
