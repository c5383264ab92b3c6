"""Catalog → seminars, network meetings and materials: Markdown for the macros, HTML for the generated pages."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from itertools import groupby
from typing import get_args

from markupsafe import Markup, escape

from vidensportal.catalog import Catalog
from vidensportal.content import html
from vidensportal.content.dates import danish_date, danish_time, danish_when
from vidensportal.content.render import track_label
from vidensportal.content.text import href, link, md
from vidensportal.data.model import (
    CLASSIFICATION_ORDER,
    Event,
    EventKind,
    EventStatus,
    Material,
    MaterialKind,
    value_label,
)
from vidensportal.paths import (
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
from vidensportal.sizes import danish_size

KIND_LABELS = {kind: value_label(kind) for kind in (*get_args(EventKind), *get_args(MaterialKind))}
STATUS_LABELS = {status: value_label(status) for status in get_args(EventStatus)}
CLASSIFICATION_LABELS = {level: value_label(level) for level in CLASSIFICATION_ORDER}
EXAMPLE_EVENT = html.admonition(
    "example",
    "Eksempel",
    "Dette arrangement er et eksempel, der viser, hvordan et seminar ser ud på portalen. "
    "Det er ikke et rigtigt arrangement.",
)
EXAMPLE_MATERIAL = html.admonition(
    "example",
    "Eksempel",
    "Dette materiale er et eksempel, der viser, hvordan et materiale ser ud på portalen. "
    "Det indeholder ingen faglige oplysninger.",
)
CANCELLED = html.admonition("warning", "Aflyst", "Arrangementet er aflyst.")


def track_links(catalog: Catalog, track_ids, here: str) -> Markup:
    tracks = catalog.tracks
    return Markup(", ").join(html.link(here, track_page(t), track_label(tracks[t])) for t in track_ids)


def party_links(catalog: Catalog, party_ids, here: str) -> Markup:
    return Markup(", ").join(html.link(here, party_page(p), catalog.parties[p].label) for p in party_ids)


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
        html.link(here, event_page(event_id), event.title),
        Markup(" · ").join(facts),
        track_links(catalog, event.tracks, here),
        party_links(catalog, event.organisers, here),
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


def event_list(catalog: Catalog, events: Mapping[str, Event], here: str, today: date, empty: str) -> Markup:
    """A list of events for a track or party page: upcoming first, then past."""
    upcoming, past = split_by_date(events, today)
    items = [
        Markup("%s – %s · %s%s")
        % (
            html.link(here, event_page(key), e.title),
            danish_date(e.day),
            KIND_LABELS[e.kind],
            Markup(" · <em>aflyst</em>") if e.status == "aflyst" else "",
        )
        for key, e in [*upcoming, *past]
    ]
    return html.bullet_list(items, empty)


def material_line(catalog: Catalog, material_id: str, here: str) -> Markup:
    material = catalog.materials[material_id]
    facts = [KIND_LABELS[material.kind], danish_date(material.published), _format(catalog, material_id)]
    return Markup("%s – %s") % (html.link(here, material_page(material_id), material.title), " · ".join(facts))


def material_list(catalog: Catalog, materials: Mapping[str, Material], here: str, empty: str) -> Markup:
    return html.bullet_list([material_line(catalog, key, here) for key in materials], empty)


def _format(catalog: Catalog, material_id: str) -> str:
    """'PDF, 1,5 kB' for a file, 'link' for a link (plain text, escaped by the caller)."""
    file = catalog.files.get(material_id)
    return f"{file.format}, {danish_size(file.size)}" if file else "link"


def materials_library(catalog: Catalog, here: str) -> str:
    """Every material grouped by track and then by kind, newest first."""
    if not catalog.materials:
        return "*Der er endnu ingen materialer på portalen.*"
    parts = []
    groups = [(track_label(t), catalog.materials_in_track(t.id)) for t in catalog.tracks.values()]
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


def event_facts(catalog: Catalog, event_id: str, event: Event) -> Markup:
    here = event_page(event_id)
    facts = html.facts(
        [
            ("Tid", danish_when(event.day, event.start, event.end)),
            ("Type", KIND_LABELS[event.kind]),
            ("Status", STATUS_LABELS[event.status]),
            ("Sted", html.text(event.place)),
            ("Målgruppe", html.text(event.audience)),
            ("Spor", track_links(catalog, event.tracks, here)),
            ("Arrangører", party_links(catalog, event.organisers, here)),
            ("Klassifikation", CLASSIFICATION_LABELS[event.classification]),
        ]
    )
    calendar = Markup('<p><a class="md-button" download="%s.ics" href="%s">Tilføj til kalender</a></p>') % (
        event_id,
        href(here, event_calendar_file(event_id)),
    )
    return facts + Markup("\n") + calendar


def programme(catalog: Catalog, event_id: str, event: Event) -> Markup | None:
    if not event.programme:
        return None
    here = event_page(event_id)
    rows = [
        [
            html.text(danish_time(item.at)),
            html.text(item.title),
            Markup("; ").join(_presenter(catalog, p, here) for p in item.presenters),
        ]
        for item in event.programme
    ]
    return html.table(["Tid", "Punkt", "Oplægsholder"], rows)


def _presenter(catalog: Catalog, presenter, here: str) -> Markup:
    parts = [html.text(presenter.name)] if presenter.name else []
    parts.append(html.text(presenter.role))
    if presenter.party:
        parts.append(html.link(here, party_page(presenter.party), catalog.parties[presenter.party].label))
    elif presenter.organisation:
        parts.append(html.text(presenter.organisation))
    return Markup(", ").join(parts)


def event_materials(catalog: Catalog, event_id: str, event: Event) -> Markup:
    here = event_page(event_id)
    items = [
        Markup("%s · %s") % (material_line(catalog, m.id, here), _download(catalog, m.id, here))
        for m in event.materials
    ]
    return html.bullet_list(items, "Der er ingen materialer fra arrangementet endnu.")


def _download(catalog: Catalog, material_id: str, here: str, button: str = "") -> Markup:
    """A download link to the material's file, or a link out for a link material, with CSS classes `button`."""
    material = catalog.materials[material_id]
    file = catalog.files.get(material_id)
    classes = Markup(' class="%s"') % (button,) if button else ""
    if file:
        label = f"Hent {file.format} ({danish_size(file.size)})"
        return Markup('<a%s href="%s" download>%s</a>') % (classes, href(here, file.path), label)
    return Markup('<a%s href="%s" rel="noopener">Åbn link</a>') % (classes, material.url)


def material_facts(catalog: Catalog, material_id: str) -> Markup:
    material = catalog.materials[material_id]
    here = material_page(material_id)
    facts: list[tuple[str, object]] = [
        ("Type", KIND_LABELS[material.kind]),
        ("Dato", danish_date(material.published)),
        ("Format", _format(catalog, material_id)),
        ("Sprog", html.text(material.language)),
    ]
    tracks = catalog.material_tracks(material_id)
    if tracks:
        facts.append(("Spor", track_links(catalog, tracks, here)))
    if material.parties:
        facts.append(("Parter", party_links(catalog, material.parties, here)))
    event_id = catalog.material_event.get(material_id)
    if event_id:
        facts.append(("Fra arrangementet", html.link(here, event_page(event_id), catalog.events[event_id].title)))
    meeting_id = catalog.material_meeting.get(material_id)
    if meeting_id:
        day = danish_date(catalog.meetings[meeting_id].day)
        facts.append(("Fra Følgegruppens møde", html.link(here, FOLLOWUP_PAGE, day)))
    facts.append(("Klassifikation", CLASSIFICATION_LABELS[material.classification]))
    download = _download(catalog, material_id, here, "md-button md-button--primary")
    return html.facts(facts) + Markup("\n") + html.paragraph(download)


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
