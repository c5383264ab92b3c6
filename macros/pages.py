"""Catalog → the generated pages, one per party and per track, as {docs path: Markdown}."""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from . import render
from .catalog import Catalog
from .model import Party, Track
from .paths import PARTIES_INDEX, TRACKS_INDEX, party_page, track_page
from .text import attr, link, md


def _front_matter(title: str, tags: list[str]) -> str:
    # Material writes title and tags into the HTML unescaped, so they are escaped here.
    meta = {"title": attr(title), "tags": [attr(tag) for tag in tags]}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def _sections(*pairs: tuple[str, str | None]) -> str:
    return "\n".join(f"## {heading}\n\n{body}\n" for heading, body in pairs if body is not None)


def party_markdown(catalog: Catalog, party: Party, prose: str | None) -> str:
    here = party_page(party.id)
    tags = [catalog.authorities[party.authority].name, *(catalog.tracks[t].name for t in party.tracks)]
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
        )
        + f"\n{link(here, PARTIES_INDEX, 'Alle parter')}\n"
    )


def track_markdown(catalog: Catalog, track: Track, prose: str | None) -> str:
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
        )
        + f"\n{link(here, TRACKS_INDEX, 'Alle spor')}\n"
    )


# Folders whose pages are generated from data; a contributor's file there adds prose to one.
GENERATED_DIRS = ("parter", "spor")


def page_ids(catalog: Catalog) -> dict[str, set[str]]:
    """For each generated folder, the ids that have a page there."""
    return {"parter": set(catalog.parties), "spor": set(catalog.tracks)}


def generated_pages(catalog: Catalog, prose: Mapping[str, str]) -> dict[str, str]:
    """Every generated page; `prose` maps a page's path to contributor Markdown placed in it."""
    pages = {}
    for party in catalog.parties.values():
        path = party_page(party.id)
        pages[path] = party_markdown(catalog, party, prose.get(path))
    for track in catalog.tracks.values():
        path = track_page(track.id)
        pages[path] = track_markdown(catalog, track, prose.get(path))
    return pages
