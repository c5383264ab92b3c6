"""Read all of data/ once, validate it and cross-check it into one immutable Catalog."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel

from .errors import DataError, Problem, did_you_mean
from .model import Agreement, Authority, Department, ExternalActor, Organisation, Party, Strategy, Track, period_year
from .validation import validate
from .yamlfile import LineList, line_of, read_yaml


@dataclass(frozen=True)
class Record:
    """A validated entry with the raw data and file it came from, for precise error lines."""

    item: BaseModel
    raw: object
    file: Path
    entry: str | None


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

    def children(self, parent_id: str) -> list[Party]:
        """The parties whose parent is `parent_id` (a department or a party)."""
        return [p for p in self.parties.values() if p.parent == parent_id]

    def parties_in_track(self, track_id: str) -> list[Party]:
        return [p for p in self.parties.values() if track_id in p.tracks]

    def actors_in_track(self, track_id: str) -> list[ExternalActor]:
        return [a for a in self.external_actors.values() if track_id in a.tracks]


class _Reader:
    """Collects records and problems while data/ is read; raises once, with every problem."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.problems: list[Problem] = []

    def shown(self, path: Path) -> Path:
        return path.relative_to(self.data_dir.parent) if path.is_relative_to(self.data_dir.parent) else path

    def document(self, name: str, model: type[BaseModel]) -> Record | None:
        path = self.data_dir / name
        raw = self._read(path)
        if raw is None:
            return None
        item, problems = validate(model, raw, self.shown(path), None)
        self.problems += problems
        return Record(item, raw, self.shown(path), None) if item else None

    def entries(self, name: str, model: type[BaseModel]) -> list[Record]:
        path = self.data_dir / name
        raw = self._read(path)
        if raw is None:
            return []
        return self.list_items(raw, model, self.shown(path))

    def list_items(self, raw: object, model: type[BaseModel], file: Path, prefix=()) -> list[Record]:
        if not isinstance(raw, list):
            self.problems.append(
                Problem(file, "skal være en liste af poster (linjer der begynder med '- ').", line_of(raw, prefix))
            )
            return []
        records = []
        for index, item in enumerate(raw):
            entry = _entry_label(item, index)
            instance, problems = validate(model, item, file, entry)
            self.problems += problems
            if instance is not None:
                records.append(Record(instance, item, file, entry))
        return records

    def _read(self, path: Path) -> object | None:
        if not path.is_file():
            self.problems.append(Problem(self.shown(path), "filen mangler i data/."))
            return None
        try:
            return read_yaml(path, self.shown(path))
        except DataError as error:
            self.problems += error.problems
            return None

    def problem(self, record: Record, loc: tuple, message: str) -> None:
        field = " → ".join(f"nr. {k + 1}" if isinstance(k, int) else k for k in loc) or None
        self.problems.append(Problem(record.file, message, line_of(record.raw, loc), record.entry, field))

    def unique(self, records: list[Record], what: str) -> dict[str, BaseModel]:
        """Index records by id; a second record with the same id is a problem."""
        seen: dict[str, Record] = {}
        for record in records:
            key = record.item.id
            if key in seen:
                first = seen[key]
                self.problem(
                    record, ("id",), f"{what} med id '{key}' findes allerede ({first.file}, linje {first.raw.line})."
                )
            else:
                seen[key] = record
        return {key: record.item for key, record in seen.items()}

    def ref(self, record: Record, loc: tuple, value: str, valid: Mapping, what: str) -> None:
        if value not in valid:
            self.problem(record, loc, f"ukendt {what} '{value}'{did_you_mean(value, list(valid))}")


def _entry_label(item: object, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return f"'{item['id']}'"
    return f"nr. {index + 1}"


def load_catalog(data_dir: Path) -> Catalog:
    """Read and check every file in `data_dir`; raise DataError listing every problem found."""
    reader = _Reader(data_dir)
    agreement = reader.document("aftale.yml", Agreement)
    organisation = reader.document("organisation.yml", Organisation)
    strategy = reader.document("sikker-by.yml", Strategy)
    party_records = reader.entries("parter.yml", Party)
    track_records = reader.entries("spor.yml", Track)
    actor_records = reader.entries("eksterne-aktoerer.yml", ExternalActor)
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
    _check_track_numbers(reader, track_records)
    _check_references(
        reader, agreement, department_records, party_records, actor_records, authorities, departments, parties, tracks
    )
    _check_parent_cycles(reader, party_records, parties)
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
    )


def _check_track_numbers(reader: _Reader, track_records: list[Record]) -> None:
    seen: dict[int, str] = {}
    for record in track_records:
        number = record.item.number
        if number in seen:
            reader.problem(record, ("nummer",), f"spor nummer {number} bruges allerede af '{seen[number]}'.")
        seen.setdefault(number, record.item.id)


def _check_references(
    reader, agreement, department_records, party_records, actor_records, authorities, departments, parties, tracks
) -> None:
    for index, authority in enumerate(agreement.item.authorities):
        reader.ref(agreement, ("parter", index), authority, authorities, "myndighed")
    for index, facilitator in enumerate(agreement.item.follow_up_group.facilitators):
        reader.ref(agreement, ("følgegruppe", "planlægges-af", index), facilitator, parties, "part")
    for record in department_records:
        reader.ref(record, ("myndighed",), record.item.authority, authorities, "myndighed")
    parents = {**departments, **parties}
    for record in party_records:
        party = record.item
        reader.ref(record, ("myndighed",), party.authority, authorities, "myndighed")
        if party.parent is not None:
            reader.ref(record, ("forælder",), party.parent, parents, "forælder (forvaltning eller part)")
            parent = parents.get(party.parent)
            if parent is not None and parent.authority != party.authority:
                reader.problem(
                    record, ("forælder",), f"'{party.parent}' hører under en anden myndighed end '{party.id}'."
                )
        for index, track in enumerate(party.tracks):
            reader.ref(record, ("spor", index), track, tracks, "spor")
        if party.left is not None and period_year(party.joined) > party.left.year:
            reader.problem(record, ("udtrådt",), "en enhed kan ikke udtræde, før den er tiltrådt.")
    for record in actor_records:
        for index, track in enumerate(record.item.tracks):
            reader.ref(record, ("spor", index), track, tracks, "spor")


def _check_parent_cycles(reader: _Reader, party_records: list[Record], parties: Mapping[str, Party]) -> None:
    reported: set[frozenset] = set()
    for record in party_records:
        chain = [record.item.id]
        current = record.item.parent
        while current in parties:
            if current in chain:
                members = chain[chain.index(current) :]
                if frozenset(members) not in reported:
                    reported.add(frozenset(members))
                    loop = " → ".join([*members, current])
                    reader.problem(record, ("forælder",), f"forælder-kæden går i ring: {loop}.")
                break
            chain.append(current)
            current = parties[current].parent
