"""Catalog → Markdown for seminars, network meetings and materials; every data value escaped."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from itertools import groupby

from markupsafe import Markup, escape

from .catalog import Catalog
from .dates import danish_date, danish_size, danish_time, danish_when
from .model import Event, Material
from .paths import (
    CALENDAR_FEED,
    EVENTS_INDEX,
    FOLLOWUP_PAGE,
    MATERIALS_INDEX,
    event_calendar_file,
    event_page,
    material_page,
    party_page,
    track_page,
)
from .text import bullets, href, html_link, html_list, link, md

KIND_LABELS = {
    "vidensseminar": "Vidensseminar",
    "netværksmøde": "Netværksmøde",
    "oplæg": "Oplæg",
    "rapport": "Rapport",
    "notat": "Notat",
    "referat": "Referat",
    "video": "Video",
    "link": "Link",
}
STATUS_LABELS = {"planlagt": "Planlagt", "afholdt": "Afholdt", "aflyst": "Aflyst"}
CLASSIFICATION_LABELS = {"offentlig": "Offentlig", "intern": "Intern", "fortrolig": "Fortrolig"}
EXAMPLE_EVENT = (
    '!!! example "Eksempel"\n    Dette arrangement er et eksempel, der viser, hvordan et seminar ser ud på portalen. '
    "Det er ikke et rigtigt arrangement.\n"
)
EXAMPLE_MATERIAL = (
    '!!! example "Eksempel"\n    Dette materiale er et eksempel, der viser, hvordan et materiale ser ud på portalen. '
    "Det indeholder ingen faglige oplysninger.\n"
)


# Two twins each for tracks and parties: the Markdown ones go into Markdown (labels need md(), since Markdown
# reads text inside inline HTML too), the HTML ones into HTML blocks that Markdown leaves alone.
def _track_links(catalog: Catalog, track_ids, here: str) -> str:
    return ", ".join(
        link(here, track_page(t), f"{catalog.tracks[t].number}. {catalog.tracks[t].name}") for t in track_ids
    )


def _party_links(catalog: Catalog, party_ids, here: str) -> str:
    return ", ".join(link(here, party_page(p), catalog.parties[p].label) for p in party_ids)


def _html_tracks(catalog: Catalog, track_ids, here: str) -> Markup:
    tracks = catalog.tracks
    return Markup(", ").join(html_link(here, track_page(t), f"{tracks[t].number}. {tracks[t].name}") for t in track_ids)


def _html_parties(catalog: Catalog, party_ids, here: str) -> Markup:
    return Markup(", ").join(html_link(here, party_page(p), catalog.parties[p].label) for p in party_ids)


def _event_card(catalog: Catalog, event_id: str, event: Event, here: str) -> Markup:
    """One event in a listing, tagged with its tracks so the track filter can show or hide it."""
    facts = [danish_when(event.day, event.start, event.end), KIND_LABELS[event.kind], STATUS_LABELS[event.status]]
    if event.example:
        facts.append(Markup("<em>Eksempel</em>"))
    return Markup(
        '<div class="vp-event" data-spor="{}">\n'
        '<p class="vp-event__title"><strong>{}</strong></p>\n'
        '<p class="vp-event__meta">{}</p>\n'
        '<p class="vp-event__meta">Spor: {} · Arrangører: {}</p>\n'
        "</div>"
    ).format(
        " ".join(event.tracks),
        html_link(here, event_page(event_id), event.title),
        Markup(" · ").join(facts),
        _html_tracks(catalog, event.tracks, here),
        _html_parties(catalog, event.organisers, here),
    )


def _track_filter(catalog: Catalog) -> str:
    """Buttons that show one track's events; hidden until the site's script enables them."""
    buttons = ['<button type="button" class="md-button" data-spor="" aria-pressed="true">Alle spor</button>']
    buttons += [
        f'<button type="button" class="md-button" data-spor="{t.id}" aria-pressed="false">'
        f"{escape(t.number)}. {escape(t.name)}</button>"
        for t in catalog.tracks.values()
    ]
    return (
        '<div class="vp-filter" data-vp-filter hidden role="group" aria-label="Vis arrangementer i ét spor">\n'
        + "\n".join(buttons)
        + "\n</div>"
    )


def split_by_date(events: Mapping[str, Event], today: date) -> tuple[list[tuple[str, Event]], list[tuple[str, Event]]]:
    """(upcoming soonest first, past newest first); an event today counts as upcoming."""
    upcoming = [(key, e) for key, e in events.items() if e.day >= today]
    past = [(key, e) for key, e in events.items() if e.day < today]
    upcoming.sort(key=lambda item: (item[1].day, item[1].start, item[0]))
    past.sort(key=lambda item: (item[1].day, item[1].start, item[0]), reverse=True)
    return upcoming, past


def events_overview(catalog: Catalog, here: str, today: date) -> str:
    """Upcoming events soonest first, then past events by year, newest first; filterable by track."""
    if not catalog.events:
        return "*Der er endnu ingen seminarer eller netværksmøder på portalen.*"
    upcoming, past = split_by_date(catalog.events, today)
    parts = [
        _track_filter(catalog),
        f"Abonnér på alle arrangementer i din kalender: {link(here, CALENDAR_FEED, 'kalender.ics')}.",
        '<section class="vp-year" markdown>\n\n## Kommende',
    ]
    parts += [str(_event_card(catalog, key, e, here)) for key, e in upcoming] or ["*Ingen kommende arrangementer.*"]
    parts.append("</section>")
    for year, group in groupby(past, key=lambda item: item[1].day.year):
        parts.append(f'<section class="vp-year" markdown>\n\n## {year}')
        parts += [str(_event_card(catalog, key, e, here)) for key, e in group]
        parts.append("</section>")
    return "\n\n".join(parts)


def event_list(catalog: Catalog, events: Mapping[str, Event], here: str, today: date, empty: str) -> str:
    """A list of events for a track or party page: upcoming first, then past."""
    upcoming, past = split_by_date(events, today)
    items = [
        Markup("{} – {} · {}{}").format(
            html_link(here, event_page(key), e.title),
            danish_date(e.day),
            KIND_LABELS[e.kind],
            Markup(" · <em>aflyst</em>") if e.status == "aflyst" else "",
        )
        for key, e in [*upcoming, *past]
    ]
    return html_list(items, empty)


def material_line(catalog: Catalog, material_id: str, here: str) -> Markup:
    material = catalog.materials[material_id]
    facts = [KIND_LABELS[material.kind], danish_date(material.published), _format(catalog, material_id)]
    return Markup("{} – {}").format(html_link(here, material_page(material_id), material.title), " · ".join(facts))


def material_list(catalog: Catalog, materials: Mapping[str, Material], here: str, empty: str) -> str:
    return html_list([material_line(catalog, key, here) for key in materials], empty)


def _format(catalog: Catalog, material_id: str) -> str:
    """'PDF, 1,5 kB' for a file, 'link' for a link (plain text, escaped by the caller)."""
    file = catalog.files.get(material_id)
    return f"{file.format}, {danish_size(file.size)}" if file else "link"


def materials_library(catalog: Catalog, here: str) -> str:
    """Every material grouped by track and then by kind, newest first."""
    if not catalog.materials:
        return "*Der er endnu ingen materialer på portalen.*"
    parts = []
    groups = [(f"{t.number}. {t.name}", catalog.materials_in_track(t.id)) for t in catalog.tracks.values()]
    groups.append(("Uden spor", {k: m for k, m in catalog.materials.items() if not catalog.material_tracks(k)}))
    for heading, materials in groups:
        if not materials:
            continue
        parts.append(f"## {md(heading)}")
        for kind, label in KIND_LABELS.items():
            of_kind = {k: m for k, m in materials.items() if m.kind == kind}
            if of_kind:
                parts.append(f"### {label}\n\n" + material_list(catalog, of_kind, here, ""))
    return "\n\n".join(parts)


def event_facts(catalog: Catalog, event_id: str, event: Event) -> str:
    here = event_page(event_id)
    facts = [
        f"**Tid:** {md(danish_when(event.day, event.start, event.end))}",
        f"**Type:** {KIND_LABELS[event.kind]}",
        f"**Status:** {STATUS_LABELS[event.status]}",
        f"**Sted:** {md(event.place)}",
        f"**Målgruppe:** {md(event.audience)}",
        f"**Spor:** {_track_links(catalog, event.tracks, here)}",
        f"**Arrangører:** {_party_links(catalog, event.organisers, here)}",
        f"**Klassifikation:** {CLASSIFICATION_LABELS[event.classification]}",
    ]
    calendar = link(here, event_calendar_file(event_id), "Tilføj til kalender")
    return bullets(facts, "") + f'\n\n{calendar}{{ .md-button download="{event_id}.ics" }}'


def programme(catalog: Catalog, event_id: str, event: Event) -> str | None:
    if not event.programme:
        return None
    here = event_page(event_id)
    rows = ["| Tid | Punkt | Oplægsholder |", "|---|---|---|"]
    for item in event.programme:
        presenters = "; ".join(_presenter(catalog, p, here) for p in item.presenters)
        rows.append(f"| {md(danish_time(item.at))} | {md(item.title)} | {presenters} |")
    return "\n".join(rows)


def _presenter(catalog: Catalog, presenter, here: str) -> str:
    parts = [md(presenter.name)] if presenter.name else []
    parts.append(md(presenter.role))
    if presenter.party:
        parts.append(link(here, party_page(presenter.party), catalog.parties[presenter.party].label))
    elif presenter.organisation:
        parts.append(md(presenter.organisation))
    return ", ".join(parts)


def event_materials(catalog: Catalog, event_id: str, event: Event) -> str:
    here = event_page(event_id)
    items = [
        Markup("{} · {}").format(material_line(catalog, m.id, here), _download(catalog, m.id, here))
        for m in event.materials
    ]
    return html_list(items, "Der er ingen materialer fra arrangementet endnu.")


def _download(catalog: Catalog, material_id: str, here: str, button: str = "") -> Markup:
    """A download link to the material's file, or a link out for a link material, with CSS classes `button`."""
    material = catalog.materials[material_id]
    file = catalog.files.get(material_id)
    if file:
        label = f"Hent {file.format} ({danish_size(file.size)})"
        return Markup('<a class="{}" href="{}" download>{}</a>').format(button, href(here, file.path), label)
    return Markup('<a class="{}" href="{}" rel="noopener">Åbn link</a>').format(button, material.url)


def material_facts(catalog: Catalog, material_id: str) -> str:
    material = catalog.materials[material_id]
    here = material_page(material_id)
    facts = [
        f"**Type:** {KIND_LABELS[material.kind]}",
        f"**Dato:** {md(danish_date(material.published))}",
        f"**Format:** {md(_format(catalog, material_id))}",
        f"**Sprog:** {md(material.language)}",
    ]
    tracks = catalog.material_tracks(material_id)
    if tracks:
        facts.append(f"**Spor:** {_track_links(catalog, tracks, here)}")
    if material.parties:
        facts.append(f"**Parter:** {_party_links(catalog, material.parties, here)}")
    event_id = catalog.material_event.get(material_id)
    if event_id:
        facts.append(f"**Fra arrangementet:** {link(here, event_page(event_id), catalog.events[event_id].title)}")
    meeting_id = catalog.material_meeting.get(material_id)
    if meeting_id:
        day = danish_date(catalog.meetings[meeting_id].day)
        facts.append(f"**Fra Følgegruppens møde:** {link(here, FOLLOWUP_PAGE, day)}")
    facts.append(f"**Klassifikation:** {CLASSIFICATION_LABELS[material.classification]}")
    return bullets(facts, "") + "\n\n" + str(_download(catalog, material_id, here, "md-button md-button--primary"))


def upcoming_events(catalog: Catalog, here: str, today: date, count: int = 3) -> str:
    """The next few events, soonest first, and a link to all of them (for the home page)."""
    upcoming, _ = split_by_date(catalog.events, today)
    listing = event_list(catalog, dict(upcoming[:count]), here, today, "Der er ingen kommende arrangementer lige nu.")
    return f"{listing}\n\n{link(here, EVENTS_INDEX, 'Alle seminarer og netværksmøder')}"


def newest_materials(catalog: Catalog, here: str, count: int = 5) -> str:
    """The newest materials and a link to the library (for the home page)."""
    newest = dict(list(catalog.materials.items())[:count])
    listing = material_list(catalog, newest, here, "Der er endnu ingen materialer på portalen.")
    return f"{listing}\n\n{link(here, MATERIALS_INDEX, 'Alle materialer')}"
