"""Catalog → seminars, network meetings and materials: Markdown for the macros, HTML for the generated pages."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import get_args

from markupsafe import Markup

from vidensportal.catalog import Catalog
from vidensportal.content import html
from vidensportal.content.annual import NOT_UPDATED, is_held, is_published, shown_status
from vidensportal.content.dates import danish_date, danish_time, danish_when
from vidensportal.content.html import FilterField, filter_bar, item_attributes
from vidensportal.content.render import track_label
from vidensportal.content.text import href, link
from vidensportal.data.model import (
    CLASSIFICATION_ORDER,
    Event,
    EventKind,
    EventStatus,
    Material,
    MaterialKind,
    value_label,
)
from vidensportal.numbers import EVENT, MATERIAL
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
STATUS_LABELS = {status: value_label(status) for status in (*get_args(EventStatus), NOT_UPDATED)}
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
# Marks one listed item as example data, in every listing (not only in its title).
EXAMPLE_BADGE = Markup('<span class="vp-badge vp-badge--example">Eksempel</span>')
EXAMPLE_ITEM = " vp-item--example"  # the class the filters' live count reads to say how many shown are examples


def track_links(catalog: Catalog, track_ids, here: str) -> Markup:
    tracks = catalog.tracks
    return Markup(", ").join(html.link(here, track_page(t), track_label(tracks[t])) for t in track_ids)


def party_links(catalog: Catalog, party_ids, here: str) -> Markup:
    return Markup(", ").join(html.link(here, party_page(p), catalog.parties[p].label) for p in party_ids)


def _with_badge(line: Markup, example: bool) -> Markup:
    return line + Markup(" ") + EXAMPLE_BADGE if example else line


def _event_card(catalog: Catalog, event_id: str, event: Event, here: str, today: date) -> Markup:
    """One event in a listing, tagged with its kind and tracks so the filter can show or hide it."""
    status = STATUS_LABELS[shown_status(event, today)]
    facts = [danish_when(event.day, event.start, event.end), KIND_LABELS[event.kind], status]
    return Markup(
        '<div class="vp-event vp-item{}"{}>\n'
        '<p class="vp-event__title"><strong>{}</strong></p>\n'
        '<p class="vp-event__meta">{}</p>\n'
        '<p class="vp-event__meta">Spor: {} · Arrangører: {}</p>\n'
        "</div>"
    ).format(
        EXAMPLE_ITEM if event.example else "",
        item_attributes({"type": [event.kind], "spor": event.tracks}),
        _with_badge(html.link(here, event_page(event_id), event.title), event.example),
        Markup(" · ").join(facts),
        track_links(catalog, event.tracks, here),
        party_links(catalog, event.organisers, here),
    )


def only_examples(choices: list[tuple[str, str]], items: list[tuple[set[str], bool]]) -> list[tuple[str, str]]:
    """The choices of a filter, each marked when every item it would show is an example. `items` gives each listed
    item's values for the field and whether it is an example."""
    marked = []
    for value, label in choices:
        found = [example for values, example in items if value in values]
        marked.append((value, f"{label} (kun eksempler)" if found and all(found) else label))
    return marked


def _events_filter(catalog: Catalog) -> Markup:
    kinds = sorted({e.kind for e in catalog.events.values()}, key=list(KIND_LABELS).index)
    events = list(catalog.events.values())
    by_kind = [({e.kind}, e.example) for e in events]
    by_track = [(set(e.tracks), e.example) for e in events]
    tracks = [(t.id, track_label(t)) for t in catalog.tracks.values()]
    return filter_bar(
        [
            FilterField("type", "Type", "Alle typer", only_examples([(k, KIND_LABELS[k]) for k in kinds], by_kind)),
            FilterField("spor", "Spor", "Alle spor", only_examples(tracks, by_track)),
        ],
        EVENT,
        "arrangementerne",
    )


Listing = list[tuple[str, Event]]


@dataclass(frozen=True)
class EventSplit:
    """Events as staff look for them: coming (soonest first), held (newest first), cancelled (newest first).

    Coming is everything not yet held from today on, a cancelled one included (marked as such); cancelled
    holds the cancelled events whose day has passed."""

    upcoming: Listing
    held: Listing
    cancelled: Listing


def split_events(events: Mapping[str, Event], today: date) -> EventSplit:
    def when(item: tuple[str, Event]) -> tuple:
        return (item[1].day, item[1].start, item[0])

    held = sorted(((k, e) for k, e in events.items() if is_held(e, today)), key=when, reverse=True)
    upcoming = sorted(((k, e) for k, e in events.items() if not is_held(e, today) and e.day >= today), key=when)
    cancelled = sorted(
        ((k, e) for k, e in events.items() if not is_held(e, today) and e.day < today), key=when, reverse=True
    )
    return EventSplit(upcoming, held, cancelled)


def events_overview(catalog: Catalog, here: str, today: date) -> str:
    """Upcoming events soonest first, then past events by year, newest first; filterable by kind and track."""
    if not catalog.events:
        return "*Der er endnu ingen seminarer eller netværksmøder på portalen.*"
    split = split_events(catalog.events, today)
    past = _past_events(split)
    parts = [
        str(subscribe_guide(CALENDAR_FEED, here, "alle arrangementer")),
        '<div class="vp-filtered" data-vp-filtered markdown>',
        str(_events_filter(catalog)),
        '<section class="vp-year vp-group" markdown>\n\n## Kommende',
    ]
    parts.append(_listing_mark("kommende") if split.upcoming else "*Ingen kommende arrangementer.*")
    parts.append("</section>")
    for year in sorted({event.day.year for _, event in past}, reverse=True):
        parts += [f'<section class="vp-year vp-group" markdown>\n\n## {year}', _listing_mark("afholdte", year)]
        parts.append("</section>")
    parts.append("</div>")
    return "\n\n".join(parts)


def _past_events(split: EventSplit) -> list[tuple[str, Event]]:
    """Held and cancelled events, newest first."""
    return sorted([*split.held, *split.cancelled], key=lambda item: (item[1].day, item[1].start), reverse=True)


def _event_line(catalog: Catalog, key: str, event: Event, here: str) -> Markup:
    line = Markup("%s – %s · %s%s") % (
        html.link(here, event_page(key), event.title),
        danish_date(event.day),
        KIND_LABELS[event.kind],
        Markup(" · <em>aflyst</em>") if event.status == "aflyst" else "",
    )
    return _with_badge(line, event.example)


def event_list(catalog: Catalog, events: Listing, here: str, empty: str) -> Markup:
    """A list of events in the order given."""
    return html.bullet_list([_event_line(catalog, key, e, here) for key, e in events], empty)


def event_sections(catalog: Catalog, events: Mapping[str, Event], here: str, today: date) -> list[tuple[str, Markup]]:
    """A party's or track's events as (sub-heading, list): Kommende, Afholdt and, if any, Aflyst."""
    split = split_events(events, today)
    sections = [
        ("Kommende", event_list(catalog, split.upcoming, here, "Ingen kommende arrangementer.")),
        ("Afholdt", event_list(catalog, split.held, here, "Ingen afholdte arrangementer endnu.")),
    ]
    if split.cancelled:
        sections.append(("Aflyst", event_list(catalog, split.cancelled, here, "")))
    return sections


def material_line(catalog: Catalog, material_id: str, here: str) -> Markup:
    material = catalog.materials[material_id]
    facts = [KIND_LABELS[material.kind], danish_date(material.published), _format(catalog, material_id)]
    line = Markup("%s – %s") % (html.link(here, material_page(material_id), material.title), " · ".join(facts))
    return _with_badge(line, material.example)


def material_list(catalog: Catalog, materials: Mapping[str, Material], here: str, empty: str) -> Markup:
    return html.bullet_list([material_line(catalog, key, here) for key in materials], empty)


def _format(catalog: Catalog, material_id: str) -> str:
    """'PDF, 1,5 kB' for a file, 'link' for a link (plain text, escaped by the caller)."""
    file = catalog.files.get(material_id)
    return f"{file.format}, {danish_size(file.size)}" if file else "link"


def _library_item(catalog: Catalog, material_id: str, here: str) -> str:
    """One material in the library: its line, then its tracks and parties, tagged for the filter."""
    material = catalog.materials[material_id]
    tracks = catalog.material_tracks(material_id)
    facts = []
    if tracks:
        facts.append(Markup("Spor: %s") % track_links(catalog, tracks, here))
    if material.parties:
        facts.append(Markup("Parter: %s") % party_links(catalog, material.parties, here))
    attributes = item_attributes(
        {"type": [material.kind], "spor": tracks, "part": material.parties, "aar": [material.published.year]}
    )
    below = Markup('<br><span class="vp-item__meta">%s</span>') % Markup(" · ").join(facts) if facts else ""
    line = material_line(catalog, material_id, here)
    marked = EXAMPLE_ITEM if material.example else ""
    return str(Markup('<li class="vp-item%s"%s>%s%s</li>') % (marked, attributes, line, below))


def _materials_filter(catalog: Catalog, years: list[int]) -> Markup:
    kinds = sorted({m.kind for m in catalog.materials.values()}, key=list(KIND_LABELS).index)
    named = {p for m in catalog.materials.values() for p in m.parties}
    parties = [(p.id, p.label) for p in catalog.parties.values() if p.id in named]
    used = {t for key in catalog.materials for t in catalog.material_tracks(key)}
    tracks = [(t.id, track_label(t)) for t in catalog.tracks.values() if t.id in used]
    material_tracks = catalog.material_tracks

    def values(field) -> list[tuple[set[str], bool]]:
        return [({str(v) for v in field(key, m)}, m.example) for key, m in catalog.materials.items()]

    kind_choices = [(k, KIND_LABELS[k]) for k in kinds]
    year_choices = [(str(y), str(y)) for y in years]
    return filter_bar(
        [
            FilterField("type", "Type", "Alle typer", only_examples(kind_choices, values(lambda _, m: [m.kind]))),
            FilterField("part", "Part", "Alle parter", only_examples(parties, values(lambda _, m: m.parties))),
            FilterField("spor", "Spor", "Alle spor", only_examples(tracks, values(lambda k, _: material_tracks(k)))),
            FilterField("aar", "År", "Alle år", only_examples(year_choices, values(lambda _, m: [m.published.year]))),
        ],
        MATERIAL,
        "materialerne",
    )


def materials_library(catalog: Catalog, here: str) -> str:
    """Every material by year, newest first, filterable by kind, party, track and year."""
    if not catalog.materials:
        return "*Der er endnu ingen materialer på portalen.*"
    years = sorted({material.published.year for material in catalog.materials.values()}, reverse=True)
    parts = ['<div class="vp-filtered" data-vp-filtered markdown>', str(_materials_filter(catalog, years))]
    for year in years:
        listing = _listing_mark("materialer", year)
        parts.append(f'<section class="vp-group" markdown>\n\n## {year}\n\n{listing}\n\n</section>')
    parts.append("</div>")
    return "\n\n".join(parts)


# The long lists of the material library and the events overview are not in the Markdown that a page's macro
# returns, only a mark for each: Python-Markdown reads every raw HTML block with a pure-Python parser, and the
# library's 350 KB cost 0.1 s of each build on the benchmark corpus. put_in_listings puts them in after Markdown.
LISTING_MARK = re.compile(r"<!--vp-liste (materialer|kommende|afholdte)(?: (\d{4}))?-->")


def _listing_mark(kind: str, year: int | None = None) -> str:
    return f"<!--vp-liste {kind}{'' if year is None else f' {year}'}-->"


def put_in_listings(page_html: str, catalog: Catalog, here: str, today: date) -> str:
    """`page_html` (a page after Markdown) with each listing mark replaced by its list."""
    if "<!--vp-liste " not in page_html:
        return page_html
    split = split_events(catalog.events, today)
    return LISTING_MARK.sub(lambda mark: _listing(catalog, here, today, split, mark[1], int(mark[2] or 0)), page_html)


def _listing(catalog: Catalog, here: str, today: date, split: EventSplit, kind: str, year: int) -> str:
    if kind == "materialer":
        keys = [key for key, material in catalog.materials.items() if material.published.year == year]
        newest_first = sorted(keys, key=lambda k: (catalog.materials[k].published, k), reverse=True)
        items = "\n".join(_library_item(catalog, key, here) for key in newest_first)
        return f'<ul class="vp-list">\n{items}\n</ul>'
    if kind == "kommende":
        events = split.upcoming
    else:
        events = [(key, e) for key, e in _past_events(split) if e.day.year == year]
    return "\n\n".join(str(_event_card(catalog, key, e, here, today)) for key, e in events)


def event_facts(catalog: Catalog, event_id: str, event: Event, today: date) -> Markup:
    """The facts block of an event page, and "Tilføj til kalender" while the event is still to come."""
    here = event_page(event_id)
    facts = html.facts(
        [
            ("Tid", danish_when(event.day, event.start, event.end)),
            ("Type", KIND_LABELS[event.kind]),
            ("Status", STATUS_LABELS[shown_status(event, today)]),
            ("Sted", html.text(event.place)),
            ("Målgruppe", html.text(event.audience)),
            ("Spor", track_links(catalog, event.tracks, here)),
            ("Arrangører", party_links(catalog, event.organisers, here)),
            ("Klassifikation", CLASSIFICATION_LABELS[event.classification]),
        ]
    )
    if is_held(event, today) or event.status == "aflyst":
        return facts
    calendar = Markup('<p><a class="md-button" download="%s.ics" href="%s">Tilføj til kalender</a></p>') % (
        event_id,
        href(here, event_calendar_file(event_id)),
    )
    return facts + Markup("\n") + calendar


def subscribe_guide(feed: str, here: str, what: str) -> Markup:
    """How to subscribe to the calendar `feed` in Outlook, so it stays current, rather than download it once.

    The link's text becomes the feed's absolute address and the webcal link appears when the site's script
    runs (it knows the address the reader uses); without it the reader copies the link's address."""
    address = href(here, feed)
    return Markup(
        '<details class="info vp-subscribe" data-vp-subscribe>\n'
        "<summary>Abonnér på {what} i Outlook</summary>\n"
        "<p>Abonnér på kalenderen i stedet for at hente filen: så kommer nye og ændrede datoer automatisk med"
        " i din kalender.</p>\n<ol>\n"
        '<li>Kopiér kalenderens adresse: <a class="vp-subscribe__url" href="{address}"><code>{address}</code></a>'
        " (højreklik på adressen, og vælg <em>Kopiér linkadresse</em> eller <em>Kopiér link</em>).</li>\n"
        "<li>I Outlook: vælg <strong>Tilføj kalender</strong> → <strong>Fra internettet</strong>"
        " (i Outlook på nettet: <strong>Abonner fra internettet</strong>).</li>\n"
        "<li>Indsæt adressen, og vælg <strong>OK</strong>.</li>\n</ol>\n"
        '<p class="vp-subscribe__webcal" hidden>Andre kalenderprogrammer kan abonnere direkte:'
        ' <a href="{address}">abonnér via webcal</a>.</p>\n'
        "</details>"
    ).format(what=what, address=address)


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
    coming = split_events(catalog.events, today).upcoming[:count]
    listing = event_list(catalog, coming, here, "Der er ingen kommende arrangementer lige nu.")
    return f"{listing}\n\n{link(here, EVENTS_INDEX, 'Alle seminarer og netværksmøder')}"


def newest_materials(catalog: Catalog, here: str, today: date, count: int = 5) -> str:
    """The newest published materials and a link to the library (for the home page)."""
    published = {k: m for k, m in catalog.materials.items() if is_published(m, today)}
    newest = dict(sorted(published.items(), key=lambda item: (item[1].published, item[0]), reverse=True)[:count])
    listing = material_list(catalog, newest, here, "Der er endnu ingen materialer på portalen.")
    return f"{listing}\n\n{link(here, MATERIALS_INDEX, 'Alle materialer')}"
