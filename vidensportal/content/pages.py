"""Catalog → the generated pages, one per party, track, event, material and year."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vidensportal.catalog import Catalog
from vidensportal.content import html, render, render_followup
from vidensportal.content import render_events as events
from vidensportal.content.annual import years_with_data
from vidensportal.content.dates import danish_date
from vidensportal.content.html import Body, Heading
from vidensportal.content.text import attr, link, md
from vidensportal.data.model import Event, Party, Track
from vidensportal.paths import (
    ANNUAL_DIR,
    ANNUAL_INDEX,
    EVENTS_DIR,
    EVENTS_INDEX,
    MATERIALS_DIR,
    MATERIALS_INDEX,
    PARTIES_DIR,
    PARTIES_INDEX,
    TRACKS_DIR,
    TRACKS_INDEX,
    annual_page,
    event_page,
    material_page,
    party_page,
    track_page,
)


def _meta(title: str, tags: list[str]) -> dict[str, object]:
    # Material writes title and tags into the HTML unescaped, so they are escaped here. The page has no
    # macro calls, so mkdocs-macros may skip it.
    return {"title": attr(title), "tags": [attr(tag) for tag in tags], "render_macros": False}


@dataclass(frozen=True)
class GeneratedPage:
    """A page: `meta` is its front matter; `body` is Markdown (the contributor's prose, or a Markdown page's whole
    body); `head` and `tail` are finished HTML that go before and after what Markdown makes of the body."""

    meta: dict[str, object]
    body: str
    head: str = ""
    tail: str = ""
    head_headings: tuple[Heading, ...] = ()
    tail_headings: tuple[Heading, ...] = ()

    @property
    def markdown(self) -> str:
        """The page as a Markdown file. JSON strings are valid YAML and much faster to write than yaml.safe_dump."""
        fields = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in self.meta.items())
        return f"---\n{fields}---\n\n{self.body}"


def _page(title: str, tags: list[str], head: Body, prose: str | None, tail: Body) -> GeneratedPage:
    return GeneratedPage(
        meta=_meta(title, tags),
        body=f"{prose.strip()}\n" if prose else "",
        head=head.html(),
        tail=tail.html(),
        head_headings=tuple(head.headings),
        tail_headings=tuple(tail.headings),
    )


def _activity(catalog: Catalog, body: Body, their_events, their_materials, here: str, today: date) -> Body:
    """The sections listing a party's or a track's events (coming, then held) and materials."""
    if their_events:
        body.heading(2, "Seminarer og netværksmøder")
        for title, listing in events.event_sections(catalog, their_events, here, today):
            body.heading(3, title).add(listing)
    else:
        body.section("Seminarer og netværksmøder", html.empty_note("Ingen arrangementer endnu."))
    return body.section(
        "Materialer", events.material_list(catalog, their_materials, here, "Ingen materialer endnu.")
    )


def party_page_content(catalog: Catalog, party: Party, prose: str | None, today: date) -> GeneratedPage:
    here = party_page(party.id)
    tags = [party.tag, catalog.authorities[party.authority].name, *(catalog.tracks[t].name for t in party.tracks)]
    head = Body().heading(1, party.label).add(render.party_facts(catalog, party, here))
    tail = (
        Body(ids=head.ids)
        .section("Rolle i samarbejdet", render.party_role(party))
        .section("Spor", render.party_tracks(catalog, party, here))
        .section("Underenheder", render.party_children(catalog, party, here))
    )
    their_events, their_materials = catalog.events_of_party(party.id), catalog.materials_of_party(party.id)
    _activity(catalog, tail, their_events, their_materials, here, today)
    tail.add(html.paragraph(html.link(here, PARTIES_INDEX, "Alle parter")))
    return _page(party.label, tags, head, prose, tail)


def track_page_content(catalog: Catalog, track: Track, prose: str | None, today: date) -> GeneratedPage:
    here = track_page(track.id)
    label = render.track_label(track)
    head = Body().heading(1, label).add(html.paragraph(track.purpose))
    tail = (
        Body(ids=head.ids)
        .section("Aftalens eksempler", render.track_examples(track))
        .section("Parter i sporet", render.track_parties(catalog, track, here))
        .section("Eksterne aktører", render.track_actors(catalog, track))
        .section("Indsatser", render_followup.track_initiatives(catalog, track, here))
    )
    their_events, their_materials = catalog.events_in_track(track.id), catalog.materials_in_track(track.id)
    _activity(catalog, tail, their_events, their_materials, here, today)
    tail.add(html.paragraph(html.link(here, TRACKS_INDEX, "Alle spor")))
    return _page(label, [track.name], head, prose, tail)


def _tags(catalog: Catalog, kind: str, track_ids, party_ids) -> list[str]:
    """An event's or a material's tags: its kind, its tracks and its parties."""
    return [
        events.KIND_LABELS[kind],
        *(catalog.tracks[t].name for t in track_ids),
        *(catalog.parties[p].tag for p in party_ids),
    ]


def event_page_content(catalog: Catalog, event_id: str, event: Event, prose: str | None, today: date) -> GeneratedPage:
    here = event_page(event_id)
    tags = _tags(catalog, event.kind, event.tracks, event.organisers)
    head = (
        Body()
        .heading(1, event.title)
        .add(
            events.EXAMPLE_EVENT if event.example else None,
            events.CANCELLED if event.status == "aflyst" else None,
            events.event_facts(catalog, event_id, event, today),
        )
        .section("Om arrangementet", html.paragraph(event.description))
    )
    tail = (
        Body(ids=head.ids)
        .section("Program", events.programme(catalog, event_id, event))
        .section("Materialer", events.event_materials(catalog, event_id, event))
        .section("Resumé", html.paragraph(event.summary) if event.summary else None)
        .add(html.paragraph(html.link(here, EVENTS_INDEX, "Alle seminarer og netværksmøder")))
    )
    return _page(event.title, tags, head, prose, tail)


def material_page_content(catalog: Catalog, material_id: str, prose: str | None) -> GeneratedPage:
    material = catalog.materials[material_id]
    here = material_page(material_id)
    tags = _tags(catalog, material.kind, catalog.material_tracks(material_id), material.parties)
    head = (
        Body()
        .heading(1, material.title)
        .add(events.EXAMPLE_MATERIAL if material.example else None, events.material_facts(catalog, material_id))
    )
    tail = Body(ids=head.ids).add(html.paragraph(html.link(here, MATERIALS_INDEX, "Alle materialer")))
    return _page(material.title, tags, head, prose, tail)


def annual_page_content(catalog: Catalog, year: int, prose: str | None, today: date) -> GeneratedPage:
    """'Årsstatus <år>': the figures to hand in with the status on the Sikker By strategy, and the two parts that
    people write (docs/aarsstatus/<år>.md) where they belong; prints on A4.

    It stays Markdown: its sections are the Følgegruppen macros' own, and there is one page a year.
    """
    here = annual_page(year)
    intro, sections = render_followup.annual_prose(prose, Path("docs") / here)
    so_far = " Året er ikke slut, så tallene gælder indtil nu." if year == today.year else ""
    body = (
        f"# Årsstatus {year}\n\n"
        + f"Status på det strategiske samarbejde om rocker- og bandebekæmpelse for {year}, opgjort "
        + f"{md(danish_date(today))} ud fra portalens data.{so_far} Ifølge aftalen indgår en status på de "
        + "indsatser, Følgegruppen har valgt at arbejde med, og en politifaglig vurdering af den aktuelle situation "
        + "i rocker- og bandemiljøet. De står nedenfor, når de er skrevet.\n\n"
        + (f"{intro}\n\n" if intro else "")
        + render_followup.annual_sections(catalog, year, today, sections)
        + f'\n\n<p class="vp-noprint" markdown>{link(here, ANNUAL_INDEX, "Alle årsstatusser")}</p>\n'
    )
    return GeneratedPage(meta=_meta(f"Årsstatus {year}", ["Årsstatus"]), body=body)


def page_ids(catalog: Catalog, today: date) -> dict[str, set[str]]:
    """For each folder of generated pages, the ids that have a page there."""
    return {
        PARTIES_DIR: set(catalog.parties),
        TRACKS_DIR: set(catalog.tracks),
        EVENTS_DIR: set(catalog.events),
        MATERIALS_DIR: set(catalog.materials),
        ANNUAL_DIR: {str(year) for year in years_with_data(catalog, today)},
    }


def generated_pages(catalog: Catalog, prose: Mapping[str, str], today: date) -> dict[str, GeneratedPage]:
    """Every generated page by its docs path; `prose` maps a page's path to contributor Markdown placed in it."""
    pages = {}
    for party in catalog.parties.values():
        path = party_page(party.id)
        pages[path] = party_page_content(catalog, party, prose.get(path), today)
    for track in catalog.tracks.values():
        path = track_page(track.id)
        pages[path] = track_page_content(catalog, track, prose.get(path), today)
    for event_id, event in catalog.events.items():
        path = event_page(event_id)
        pages[path] = event_page_content(catalog, event_id, event, prose.get(path), today)
    for material_id in catalog.materials:
        path = material_page(material_id)
        pages[path] = material_page_content(catalog, material_id, prose.get(path))
    for year in years_with_data(catalog, today):
        path = annual_page(year)
        pages[path] = annual_page_content(catalog, year, prose.get(path), today)
    return pages
