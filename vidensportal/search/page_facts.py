"""What the catalog tells the search index about each page: kind, date, tracks, the names it defines."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from vidensportal import paths
from vidensportal.catalog import Catalog
from vidensportal.data.model import Track
from vidensportal.paths import page_url

# Pages that list or repeat what other pages define: they rank below the defining page.
LISTINGS = (
    "index.md",
    paths.PARTIES_INDEX,
    paths.TRACKS_INDEX,
    paths.EVENTS_INDEX,
    paths.MATERIALS_INDEX,
    paths.ANNUAL_INDEX,
    "tags.md",
)
# Pages for contributors, not staff: searched only when the reader asks for them too (search.js).
FOR_CONTRIBUTORS = (paths.CONTRIBUTOR_GUIDE, paths.REVIEW_PAGE)
EVENT_KINDS = {"vidensseminar": "Seminar", "netværksmøde": "Netværksmøde"}


@dataclass(frozen=True)
class PageFacts:
    """A page as the search shows and ranks it. `names` are what the page defines (a party's name and
    abbreviation, a track's name, the goals) and weigh most; `listing` pages weigh least."""

    kind: str = "Side"
    date: str = ""  # ISO date
    tracks: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    listing: bool = False
    example: bool = False  # the page shows an example, and its search result says so
    for_contributors: bool = False


def _track_labels(catalog: Catalog, track_ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_track_label(catalog.tracks[t]) for t in track_ids if t in catalog.tracks)


def _track_label(track: Track) -> str:
    return f"{track.number}. {track.name}"


def page_facts(catalog: Catalog) -> dict[str, PageFacts]:
    """Facts for every page the catalog knows, by URL; other pages are plain 'Side' pages."""
    facts = {page_url(path): PageFacts(listing=True) for path in LISTINGS}
    facts |= {page_url(path): PageFacts(listing=True, for_contributors=True) for path in FOR_CONTRIBUTORS}
    # The parties' overview is where the authorities and their forvaltninger are shown.
    units = (*(a.name for a in catalog.authorities.values()), *(d.name for d in catalog.departments.values()))
    facts[page_url(paths.PARTIES_INDEX)] = PageFacts(listing=True, names=units)
    for party_id, party in catalog.parties.items():
        names = (party.name, party.abbreviation) if party.abbreviation else (party.name,)
        facts[page_url(paths.party_page(party_id))] = PageFacts(
            kind="Part", tracks=_track_labels(catalog, party.tracks), names=names
        )
    for track_id, track in catalog.tracks.items():
        label = _track_label(track)
        facts[page_url(paths.track_page(track_id))] = PageFacts(kind="Spor", tracks=(label,), names=(track.name,))
    for event_id, event in catalog.events.items():
        facts[page_url(paths.event_page(event_id))] = PageFacts(
            kind=EVENT_KINDS[event.kind],
            date=event.day.isoformat(),
            tracks=_track_labels(catalog, event.tracks),
            example=event.example,
        )
    for material_id, material in catalog.materials.items():
        facts[page_url(paths.material_page(material_id))] = PageFacts(
            kind="Materiale",
            date=material.published.isoformat(),
            tracks=_track_labels(catalog, catalog.material_tracks(material_id)),
            example=material.example,
        )
    goals = [name for goal in catalog.strategy.goals for name in (goal.name, *(s.name for s in goal.subgoals))]
    facts[page_url(paths.AGREEMENT_PAGE)] = PageFacts(names=(catalog.agreement.title,))
    facts[page_url(paths.GOALS_PAGE)] = PageFacts(names=(catalog.strategy.name, *goals))
    facts[page_url(paths.FOLLOWUP_PAGE)] = PageFacts(names=(catalog.agreement.follow_up_group.name,))
    return facts


def facts_for(facts: Mapping[str, PageFacts], url: str) -> PageFacts:
    """A page's facts; an annual status page, which repeats the year's events and materials, is a listing."""
    if url in facts:
        return facts[url]
    return PageFacts(listing=url.startswith(page_url(paths.ANNUAL_INDEX)))
