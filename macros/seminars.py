"""Events and materials: read from data/seminarer/ and data/materialer/, checked, and filtered by classification."""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path, PurePosixPath

from .dates import danish_size
from .model import CLASSIFICATION_ORDER, Event, Material
from .reader import DataReader, Record

EVENTS_DIR = "seminarer"
MATERIALS_DIR = "materialer"


@dataclass(frozen=True)
class MaterialFile:
    """A material's file in docs/: its docs-relative path, size in bytes and format ('PDF')."""

    path: str
    size: int

    @property
    def format(self) -> str:
        return PurePosixPath(self.path).suffix.lstrip(".").upper() or "fil"


@dataclass(frozen=True)
class Publication:
    """What may be published of the events and materials, and a note of everything withheld."""

    events: dict[str, Event]
    materials: dict[str, Material]
    material_event: dict[str, str]
    files: dict[str, MaterialFile]
    withheld: list[str] = field(default_factory=list)
    withheld_files: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Located:
    """A material with the record (event file or material file) and path inside it that holds it."""

    material: Material
    record: Record
    loc: tuple
    event_id: str | None


def read_publications(
    reader: DataReader, docs_dir: Path, tracks, parties, *, publish_up_to: str, max_file_bytes: int
) -> Publication:
    """Read events and materials, check every reference and file, and keep what `publish_up_to` allows."""
    events = {r.entry.strip("'"): r for r in reader.folder(EVENTS_DIR, Event)}
    located = [_Located(r.item, r, (), None) for r in _standalone_materials(reader)]
    for event_id, record in events.items():
        for index, material in enumerate(record.item.materials):
            located.append(_Located(material, record, ("materialer", index), event_id))
            if material.id is None:
                reader.problem(record, ("materialer", index, "id"), "feltet mangler. Tilføj det.")
    for event_id, record in events.items():
        _check_event(reader, event_id, record, tracks, parties)
    files = {}
    seen: dict[str, _Located] = {}
    for place in located:
        material = place.material
        if material.id in seen:
            first = seen[material.id]
            reader.problem(
                place.record,
                (*place.loc, "id"),
                f"materiale med id '{material.id}' findes allerede ({first.record.file}).",
            )
        elif material.id is not None:
            seen[material.id] = place
        reader.refs(place.record, (*place.loc, "spor"), material.tracks, tracks, "spor")
        reader.refs(place.record, (*place.loc, "parter"), material.parties, parties, "part")
        if material.file is not None:
            checked = _check_file(reader, place, docs_dir, max_file_bytes)
            if checked is not None:
                files[material.id] = checked
    return _publishable(events, seen, files, publish_up_to)


def _standalone_materials(reader: DataReader) -> list[Record]:
    """Materials in files of their own; the id is the file name unless the file says otherwise."""
    records = []
    for record in reader.folder(MATERIALS_DIR, Material):
        stem = record.entry.strip("'")
        if record.item.id is None:
            record = Record(record.item.model_copy(update={"id": stem}), record.raw, record.file, record.entry)
        elif record.item.id != stem:
            reader.problem(record, ("id",), f"id '{record.item.id}' skal være det samme som filnavnet ('{stem}').")
        records.append(record)
    return records


def _check_event(reader: DataReader, event_id: str, record: Record, tracks, parties) -> None:
    event = record.item
    reader.refs(record, ("spor",), event.tracks, tracks, "spor")
    reader.refs(record, ("arrangører",), event.organisers, parties, "part")
    for index, item in enumerate(event.programme):
        for number, presenter in enumerate(item.presenters):
            reader.ref(record, ("program", index, "oplægsholdere", number, "part"), presenter.party, parties, "part")
    named_day = event_id[:10]
    if named_day[:4].isdigit() and named_day != event.day.isoformat():
        reader.problem(
            record,
            ("dato",),
            f"datoen {event.day.isoformat()} passer ikke med filnavnet, der begynder med {named_day}.",
        )


def _check_file(reader: DataReader, place: _Located, docs_dir: Path, max_file_bytes: int) -> MaterialFile | None:
    relative = PurePosixPath(place.material.file)
    loc = (*place.loc, "fil")
    if relative.is_absolute() or ".." in relative.parts:
        reader.problem(place.record, loc, f"'{relative}' skal være en sti inde i docs/, fx materialer/oplaeg.pdf.")
        return None
    path = docs_dir / relative
    if not path.is_file():
        siblings = [f"{relative.parent}/{p.name}" for p in path.parent.glob("*")] if path.parent.is_dir() else []
        near = get_close_matches(str(relative), siblings, n=1, cutoff=0.6)
        hint = f" – mente du '{near[0]}'?" if near else ""
        reader.problem(place.record, loc, f"materiale '{place.material.id}': filen 'docs/{relative}' findes ikke{hint}")
        return None
    size = path.stat().st_size
    if size > max_file_bytes:
        reader.problem(
            place.record,
            loc,
            f"materiale '{place.material.id}': filen 'docs/{relative}' fylder {danish_size(size)}; grænsen er "
            f"{danish_size(max_file_bytes)} (max_filstørrelse_mb i mkdocs.yml). Læg filen på et fildrev "
            "eller en videotjeneste, og brug 'link' i stedet for 'fil'.",
        )
        return None
    return MaterialFile(str(relative), size)


def _publishable(events: dict[str, Record], materials: dict[str, _Located], files, publish_up_to: str) -> Publication:
    limit = CLASSIFICATION_ORDER.index(publish_up_to)
    allowed = {level for level in CLASSIFICATION_ORDER if CLASSIFICATION_ORDER.index(level) <= limit}
    withheld = []
    published_events = {}
    for event_id, record in events.items():
        if record.item.classification in allowed:
            published_events[event_id] = record.item
        else:
            withheld.append(f"seminar '{event_id}' ({record.item.classification})")
    published = {}
    for material_id, place in materials.items():
        material = place.material
        if material.classification not in allowed:
            withheld.append(f"materiale '{material_id}' ({material.classification})")
        elif place.event_id is not None and place.event_id not in published_events:
            withheld.append(f"materiale '{material_id}' (hører til et tilbageholdt seminar)")
        else:
            published[material_id] = place
    # An event keeps only the materials that are published, so nothing withheld can reach its page.
    published_events = {
        event_id: event.model_copy(update={"materials": tuple(m for m in event.materials if m.id in published)})
        for event_id, event in sorted(published_events.items(), key=lambda item: (item[1].day, item[1].start))
    }
    ordered = sorted(published.values(), key=lambda p: (p.material.published, p.material.id), reverse=True)
    return Publication(
        events=published_events,
        materials={p.material.id: p.material for p in ordered},
        material_event={p.material.id: p.event_id for p in ordered if p.event_id},
        files={key: value for key, value in files.items() if key in published},
        withheld=withheld,
        withheld_files={value.path for key, value in files.items() if key not in published},
    )
