"""Read all of data/ once, validate it and cross-check it into one immutable Catalog."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from vidensportal.data.checks import (
    check_initiatives,
    check_parent_cycles,
    check_references,
    check_reserved_ids,
    check_track_numbers,
)
from vidensportal.data.model import (
    Agreement,
    Authority,
    Department,
    Event,
    ExternalActor,
    Initiative,
    Material,
    Meeting,
    Organisation,
    Party,
    Strategy,
    Track,
)
from vidensportal.data.publications import MaterialFile, read_publications
from vidensportal.data.reader import DataReader
from vidensportal.data.schema import schema_line_warnings
from vidensportal.data.yamlfile import LineList
from vidensportal.errors import DataError, Problem
from vidensportal.paths import INITIATIVES_DATA, PARTIES_DATA


@dataclass(frozen=True)
class AuthorityGroup:
    """One authority as the organisation is drawn: its units without a parent, then each forvaltning's units."""

    authority: Authority
    parties: list[Party]
    top: list[Party]
    departments: list[tuple[Department, list[Party]]]


@dataclass(frozen=True)
class Catalog:
    """Everything the site states, validated; mappings keep the order of the data files."""

    agreement: Agreement
    authorities: Mapping[str, Authority]
    departments: Mapping[str, Department]
    parties: Mapping[str, Party]
    tracks: Mapping[str, Track]
    strategy: Strategy
    external_actors: Mapping[str, ExternalActor]
    events: Mapping[str, Event]
    meetings: Mapping[str, Meeting]
    initiatives: Mapping[str, Initiative]
    materials: Mapping[str, Material]
    material_event: Mapping[str, str]
    material_meeting: Mapping[str, str]
    files: Mapping[str, MaterialFile]
    withheld: tuple[str, ...]
    withheld_files: frozenset[str]
    withheld_titles: Mapping[str, str]  # title → what it is the title of, for the output gate
    withheld_pages: Mapping[str, str]  # docs path of a page or file a withheld item would have had → what
    # Not errors: placeholder text from `make ny-seminar` still in a data file, with file and line.
    warnings: tuple[Problem, ...] = ()

    def children(self, parent_id: str) -> list[Party]:
        """The parties whose parent is `parent_id` (a department or a party)."""
        return [p for p in self.parties.values() if p.parent == parent_id]

    def organisation(self) -> list[AuthorityGroup]:
        """The walk authority → forvaltning/afdeling → unit that every view of the organisation shares."""
        groups = []
        for authority in self.authorities.values():
            own = [p for p in self.parties.values() if p.authority == authority.id]
            departments = [
                (department, members)
                for department in self.departments.values()
                if department.authority == authority.id and (members := self.children(department.id))
            ]
            groups.append(AuthorityGroup(authority, own, [p for p in own if p.parent is None], departments))
        return groups

    def parties_in_track(self, track_id: str) -> list[Party]:
        return [p for p in self.parties.values() if track_id in p.tracks]

    def actors_in_track(self, track_id: str) -> list[ExternalActor]:
        return [a for a in self.external_actors.values() if track_id in a.tracks]

    def events_in_track(self, track_id: str) -> dict[str, Event]:
        return {key: e for key, e in self.events.items() if track_id in e.tracks}

    def events_of_party(self, party_id: str) -> dict[str, Event]:
        """Events the party organises or presents at."""
        return dict(self._events_by_party.get(party_id, {}))

    @cached_property
    def _events_by_party(self) -> dict[str, dict[str, Event]]:
        # One pass over the events for all parties: asking each party in turn was parties × events.
        by_party: dict[str, dict[str, Event]] = {}
        for key, event in self.events.items():
            presenters = (p.party for item in event.programme for p in item.presenters)
            for party_id in dict.fromkeys([*event.organisers, *presenters]):
                if party_id is not None:
                    by_party.setdefault(party_id, {})[key] = event
        return by_party

    def materials_in_track(self, track_id: str) -> dict[str, Material]:
        return {key: m for key, m in self.materials.items() if track_id in self.material_tracks(key)}

    def materials_of_party(self, party_id: str) -> dict[str, Material]:
        return dict(self._materials_by_party.get(party_id, {}))

    @cached_property
    def _materials_by_party(self) -> dict[str, dict[str, Material]]:
        by_party: dict[str, dict[str, Material]] = {}
        for key, material in self.materials.items():
            for party_id in dict.fromkeys(material.parties):
                by_party.setdefault(party_id, {})[key] = material
        return by_party

    def material_tracks(self, material_id: str) -> tuple[str, ...]:
        """A material's own tracks, or its event's when it names none."""
        material = self.materials[material_id]
        event_id = self.material_event.get(material_id)
        return material.tracks or (self.events[event_id].tracks if event_id else ())


def load_catalog(
    data_dir: Path,
    *,
    docs_dir: Path | None = None,
    publish_up_to: str = "intern",
    max_file_bytes: int = 25_000_000,
    check_text=None,
    today: date | None = None,
) -> Catalog:
    """Read and check every file in `data_dir`; raise DataError listing every problem found.

    Events and materials classified above `publish_up_to` are left out and only named in `withheld`;
    `check_text` (the CPR guard) sees each file's text as it is read. With `today`, an event or meeting whose
    status contradicts its date is a warning; a data file whose schema line names the wrong schema is one too.
    """
    reader = DataReader(data_dir, check_text)
    agreement = reader.document("aftale.yml", Agreement)
    organisation = reader.document("organisation.yml", Organisation)
    strategy = reader.document("sikker-by.yml", Strategy)
    # Parties without a place in the order come last, by id.
    party_records = sorted(
        reader.named_files(PARTIES_DATA, Party), key=lambda r: (r.item.order is None, r.item.order or 0, r.id)
    )
    track_records = reader.entries("spor.yml", "spor", Track)
    actor_records = reader.entries("eksterne-aktoerer.yml", "aktører", ExternalActor)
    org_raw = organisation.raw if organisation else {}
    authority_records = (
        reader.list_items(org_raw.get("myndigheder", LineList()), Authority, organisation.file) if organisation else []
    )
    department_records = (
        reader.list_items(org_raw.get("forvaltninger", LineList()), Department, organisation.file)
        if organisation
        else []
    )
    if reader.problems:
        raise DataError(reader.problems)

    authorities = reader.unique(authority_records, "Myndighed")
    departments = reader.unique(department_records, "Forvaltning")
    parties = reader.unique(party_records, "Part")
    tracks = reader.unique(sorted(track_records, key=lambda r: r.item.number), "Spor")
    actors = reader.unique(actor_records, "Ekstern aktør")
    check_track_numbers(reader, track_records)
    check_reserved_ids(reader, [*party_records, *track_records], lambda record: record.item.id)
    check_references(
        reader, agreement, department_records, party_records, actor_records, authorities, departments, parties, tracks
    )
    check_parent_cycles(reader, party_records, parties)
    initiative_records = reader.folder(INITIATIVES_DATA, Initiative)
    check_initiatives(reader, initiative_records, tracks, parties, strategy.item, actors)
    initiatives = {record.id: record.item for record in initiative_records}
    publication = read_publications(
        reader,
        docs_dir or data_dir.parent / "docs",
        tracks,
        parties,
        publish_up_to=publish_up_to,
        max_file_bytes=max_file_bytes,
        today=today,
    )
    reader.unread()
    reader.warnings += schema_line_warnings(data_dir, reader.shown)
    if reader.problems:
        raise DataError(reader.problems)

    return Catalog(
        agreement=agreement.item,
        authorities=MappingProxyType(authorities),
        departments=MappingProxyType(departments),
        parties=MappingProxyType(parties),
        tracks=MappingProxyType(tracks),
        strategy=strategy.item,
        external_actors=MappingProxyType(actors),
        events=MappingProxyType(publication.events),
        meetings=MappingProxyType(publication.meetings),
        initiatives=MappingProxyType(initiatives),
        materials=MappingProxyType(publication.materials),
        material_event=MappingProxyType(publication.material_event),
        material_meeting=MappingProxyType(publication.material_meeting),
        files=MappingProxyType(publication.files),
        withheld=tuple(publication.withheld),
        withheld_files=frozenset(publication.withheld_files),
        withheld_titles=MappingProxyType(publication.withheld_titles),
        withheld_pages=MappingProxyType(publication.withheld_pages),
        warnings=tuple(reader.warnings),
    )
