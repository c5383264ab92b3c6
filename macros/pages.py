"""Catalog → the generated pages, one per party and per track, as {docs path: Markdown}."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date

from . import render, render_followup
from . import render_events as events
from .annual import years_with_data
from .catalog import Catalog
from .dates import danish_date
from .model import Event, Party, Track
from .paths import (
    ANNUAL_INDEX,
    EVENTS_INDEX,
    MATERIALS_INDEX,
    PARTIES_INDEX,
    TRACKS_INDEX,
    annual_page,
    event_page,
    material_page,
    party_page,
    track_page,
)
from .text import attr, link, md


def _front_matter(title: str, tags: list[str]) -> str:
    # Material writes title and tags into the HTML unescaped, so they are escaped here. JSON strings are
    # valid YAML and much faster to write than yaml.safe_dump. The page has no macro calls, so
    # mkdocs-macros may skip it.
    return (
        f"---\ntitle: {json.dumps(attr(title), ensure_ascii=False)}\n"
        f"tags: {json.dumps([attr(tag) for tag in tags], ensure_ascii=False)}\n"
        "render_macros: false\n---\n\n"
    )


def _sections(*pairs: tuple[str, str | None]) -> str:
    return "\n".join(f"## {heading}\n\n{body}\n" for heading, body in pairs if body is not None)


def _activity(catalog: Catalog, their_events, their_materials, here: str, today: date) -> tuple[tuple[str, str], ...]:
    """The sections listing a party's or a track's events and materials."""
    return (
        (
            "Seminarer og netværksmøder",
            events.event_list(catalog, their_events, here, today, "Ingen arrangementer endnu."),
        ),
        ("Materialer", events.material_list(catalog, their_materials, here, "Ingen materialer endnu.")),
    )


def party_markdown(catalog: Catalog, party: Party, prose: str | None, today: date) -> str:
    here = party_page(party.id)
    tags = [party.tag, catalog.authorities[party.authority].name, *(catalog.tracks[t].name for t in party.tracks)]
    return (
        _front_matter(party.label, tags)
        + f"# {md(party.label)}\n\n"
        + render.party_facts(catalog, party, here)
        + "\n\n"
        + (f"{prose.strip()}\n\n" if prose else "")
        + _sections(
            ("Rolle i samarbejdet", render.party_role(party)),
            ("Spor", render.party_tracks(catalog, party, here)),
            ("Underenheder", render.party_children(catalog, party, here)),
            *_activity(catalog, catalog.events_of_party(party.id), catalog.materials_of_party(party.id), here, today),
        )
        + f"\n{link(here, PARTIES_INDEX, 'Alle parter')}\n"
    )


def track_markdown(catalog: Catalog, track: Track, prose: str | None, today: date) -> str:
    here = track_page(track.id)
    label = render.track_label(track)
    return (
        _front_matter(label, [track.name])
        + f"# {md(label)}\n\n"
        + f"{md(track.purpose)}\n\n"
        + (f"{prose.strip()}\n\n" if prose else "")
        + _sections(
            ("Aftalens eksempler", render.track_examples(track)),
            ("Parter i sporet", render.track_parties(catalog, track, here)),
            ("Eksterne aktører", render.track_actors(catalog, track)),
            *_activity(catalog, catalog.events_in_track(track.id), catalog.materials_in_track(track.id), here, today),
        )
        + f"\n{link(here, TRACKS_INDEX, 'Alle spor')}\n"
    )


def event_markdown(catalog: Catalog, event_id: str, event: Event, prose: str | None) -> str:
    here = event_page(event_id)
    tags = [
        events.KIND_LABELS[event.kind],
        *(catalog.tracks[t].name for t in event.tracks),
        *(catalog.parties[p].tag for p in event.organisers),
    ]
    notices = (events.EXAMPLE_EVENT + "\n" if event.example else "") + (
        '!!! warning "Aflyst"\n    Arrangementet er aflyst.\n\n' if event.status == "aflyst" else ""
    )
    return (
        _front_matter(event.title, tags)
        + f"# {md(event.title)}\n\n"
        + notices
        + events.event_facts(catalog, event_id, event)
        + "\n\n"
        + _sections(("Om arrangementet", md(event.description)))
        + (f"\n{prose.strip()}\n\n" if prose else "")
        + _sections(
            ("Program", events.programme(catalog, event_id, event)),
            ("Materialer", events.event_materials(catalog, event_id, event)),
            ("Resumé", md(event.summary) if event.summary else None),
        )
        + f"\n{link(here, EVENTS_INDEX, 'Alle seminarer og netværksmøder')}\n"
    )


def material_markdown(catalog: Catalog, material_id: str, prose: str | None) -> str:
    material = catalog.materials[material_id]
    here = material_page(material_id)
    tags = [
        events.KIND_LABELS[material.kind],
        *(catalog.tracks[t].name for t in catalog.material_tracks(material_id)),
        *(catalog.parties[p].tag for p in material.parties),
    ]
    return (
        _front_matter(material.title, tags)
        + f"# {md(material.title)}\n\n"
        + (events.EXAMPLE_MATERIAL + "\n" if material.example else "")
        + events.material_facts(catalog, material_id)
        + "\n\n"
        + (f"{prose.strip()}\n\n" if prose else "")
        + f"\n{link(here, MATERIALS_INDEX, 'Alle materialer')}\n"
    )


def annual_markdown(catalog: Catalog, year: int, prose: str | None, today: date) -> str:
    """'Årsstatus <år>': the figures to hand in with the status on the Sikker By strategy; prints on A4."""
    here = annual_page(year)
    return (
        _front_matter(f"Årsstatus {year}", ["Årsstatus"])
        + f"# Årsstatus {year}\n\n"
        + f"Status på det strategiske samarbejde om rocker- og bandebekæmpelse for {year}, opgjort "
        + f"{md(danish_date(today))} ud fra portalens data. {md(catalog.agreement.follow_up_group.yearly_status)}\n\n"
        + (f"{prose.strip()}\n\n" if prose else "")
        + render_followup.annual_sections(catalog, year, today)
        + f"\n\n{link(here, ANNUAL_INDEX, 'Alle årsstatusser')}\n"
    )


def page_ids(catalog: Catalog) -> dict[str, set[str]]:
    """For each folder of generated pages, the ids that have a page there."""
    return {
        "parter": set(catalog.parties),
        "spor": set(catalog.tracks),
        "seminarer": set(catalog.events),
        "materialer": set(catalog.materials),
        "aarsstatus": {str(year) for year in years_with_data(catalog)},
    }


def generated_pages(catalog: Catalog, prose: Mapping[str, str], today: date) -> dict[str, str]:
    """Every generated page; `prose` maps a page's path to contributor Markdown placed in it."""
    pages = {}
    for party in catalog.parties.values():
        path = party_page(party.id)
        pages[path] = party_markdown(catalog, party, prose.get(path), today)
    for track in catalog.tracks.values():
        path = track_page(track.id)
        pages[path] = track_markdown(catalog, track, prose.get(path), today)
    for event_id, event in catalog.events.items():
        path = event_page(event_id)
        pages[path] = event_markdown(catalog, event_id, event, prose.get(path))
    for material_id in catalog.materials:
        path = material_page(material_id)
        pages[path] = material_markdown(catalog, material_id, prose.get(path))
    for year in years_with_data(catalog):
        path = annual_page(year)
        pages[path] = annual_markdown(catalog, year, prose.get(path), today)
    return pages
