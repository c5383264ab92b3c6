"""Events, Følgegruppe meetings and materials: read, checked (references, files) and filtered by classification."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from vidensportal.data.checks import check_reserved_ids, check_statuses
from vidensportal.data.model import CLASSIFICATION_ORDER, Event, Material, Meeting
from vidensportal.data.path_hints import bad_path_hint, missing_file_hint
from vidensportal.data.reader import DataReader, Record
from vidensportal.paths import EVENTS_DATA as EVENTS_DIR
from vidensportal.paths import MATERIALS_DATA as MATERIALS_DIR
from vidensportal.paths import MEETINGS_DATA as MEETINGS_DIR
from vidensportal.paths import event_calendar_file, event_page, material_page
from vidensportal.sizes import danish_size


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
    """What may be published of events, meetings and materials, and a note of everything withheld."""

    events: dict[str, Event]
    meetings: dict[str, Meeting]
    materials: dict[str, Material]
    material_event: dict[str, str]
    material_meeting: dict[str, str]
    files: dict[str, MaterialFile]
    withheld: list[str]
    withheld_files: set[str]
    withheld_titles: dict[str, str]  # title → what it is the title of, for the output gate
    withheld_pages: dict[str, str]  # docs path of a page or file a withheld item would have had → what


@dataclass(frozen=True)
class _Located:
    """A material, the record that holds it, the path to it there and the event or meeting it belongs to."""

    material: Material
    record: Record
    loc: tuple
    owner: tuple[str, str] | None  # (EVENTS_DIR or MEETINGS_DIR, id)


def read_publications(
    reader: DataReader,
    docs_dir: Path,
    tracks,
    parties,
    *,
    publish_up_to: str,
    max_file_bytes: int,
    today: date | None = None,
) -> Publication:
    """Read events, meetings and materials, check references and files, and keep what `publish_up_to` allows."""
    events = {_stem(r): r for r in reader.folder(EVENTS_DIR, Event)}
    check_reserved_ids(reader, events.values(), _stem)
    meetings = {_stem(r): r for r in reader.folder(MEETINGS_DIR, Meeting)}
    if today is not None:
        check_statuses(reader, [*events.values(), *meetings.values()], today)
    located = [_Located(r.item, r, (), None) for r in _standalone_materials(reader)]
    for event_id, record in events.items():
        _check_event(reader, event_id, record, tracks, parties)
        for index, material in enumerate(record.item.materials):
            located.append(_Located(material, record, ("materialer", index), (EVENTS_DIR, event_id)))
    for meeting_id, record in meetings.items():
        _check_meeting(reader, meeting_id, record, parties)
        if record.item.minutes is not None:
            located.append(_Located(record.item.minutes, record, ("referat",), (MEETINGS_DIR, meeting_id)))
    files = {}
    seen: dict[str, _Located] = {}
    for place in located:
        material = place.material
        if material.id is None:
            reader.problem(
                place.record,
                (*place.loc, "id"),
                "feltet mangler. Tilføj linjen 'id: …' med et id med små bogstaver a-z, tal og bindestreg.",
            )
        elif material.id in seen:
            first = seen[material.id].record.file
            reader.problem(
                place.record,
                (*place.loc, "id"),
                f"materiale med id '{material.id}' findes allerede ({first}). Giv materialet et andet id.",
            )
        else:
            seen[material.id] = place
            check_reserved_ids(reader, [place.record], lambda _, material=material: material.id, place.loc)
        reader.refs(place.record, (*place.loc, "spor"), material.tracks, tracks, "spor")
        reader.refs(place.record, (*place.loc, "parter"), material.parties, parties, "part")
        if material.file is not None and material.id is not None:
            checked = _check_file(reader, place, docs_dir, max_file_bytes)
            if checked is not None:
                files[material.id] = checked
    return _publishable({EVENTS_DIR: events, MEETINGS_DIR: meetings}, seen, files, publish_up_to)


def _stem(record: Record) -> str:
    return record.id


def _standalone_materials(reader: DataReader) -> list[Record]:
    """Materials in files of their own; the id is the file name unless the file says otherwise."""
    records = []
    for record in reader.folder(MATERIALS_DIR, Material):
        stem = _stem(record)
        if record.item.id is None:
            record = Record(record.item.model_copy(update={"id": stem}), record.raw, record.file, record.entry)
        elif record.item.id != stem:
            reader.problem(
                record,
                ("id",),
                f"id '{record.item.id}' skal være det samme som filnavnet ('{stem}'). Ret id'et, eller slet linjen.",
            )
        records.append(record)
    return records


def _check_date_in_name(reader: DataReader, record: Record, name: str) -> None:
    day = record.item.day.isoformat()
    if name[:4].isdigit() and name[:10] != day:
        reader.problem(
            record,
            ("dato",),
            f"datoen {day} passer ikke med filnavnet, der begynder med {name[:10]}. Ret datoen eller filnavnet.",
        )


def _check_event(reader: DataReader, event_id: str, record: Record, tracks, parties) -> None:
    event = record.item
    reader.refs(record, ("spor",), event.tracks, tracks, "spor")
    reader.refs(record, ("arrangører",), event.organisers, parties, "part")
    for index, item in enumerate(event.programme):
        for number, presenter in enumerate(item.presenters):
            reader.ref(record, ("program", index, "oplægsholdere", number, "part"), presenter.party, parties, "part")
    _check_date_in_name(reader, record, event_id)


def _check_meeting(reader: DataReader, meeting_id: str, record: Record, parties) -> None:
    reader.refs(record, ("facilitatorer",), record.item.facilitators, parties, "part")
    reader.refs(record, ("deltagere",), record.item.participants, parties, "part")
    _check_date_in_name(reader, record, meeting_id)


def _check_file(reader: DataReader, place: _Located, docs_dir: Path, max_file_bytes: int) -> MaterialFile | None:
    relative = PurePosixPath(place.material.file)
    loc = (*place.loc, "fil")
    if (wrong := bad_path_hint(place.material.file)) is not None:
        reader.problem(place.record, loc, f"materiale '{place.material.id}': {wrong}")
        return None
    path = docs_dir / relative
    if not path.is_file():
        hint = missing_file_hint(place.material.file, docs_dir)
        message = f"materiale '{place.material.id}': filen 'docs/{relative}' findes ikke. {hint}"
        reader.problem(place.record, loc, message)
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


_OWNER_NAMES = {EVENTS_DIR: "seminar", MEETINGS_DIR: "følgegruppemøde"}


def _publishable(
    owners: dict[str, dict[str, Record]], materials: dict[str, _Located], files, publish_up_to: str
) -> Publication:
    limit = CLASSIFICATION_ORDER.index(publish_up_to)
    allowed = set(CLASSIFICATION_ORDER[: limit + 1])
    withheld = []
    withheld_titles: dict[str, str] = {}
    withheld_pages: dict[str, str] = {}
    kept: dict[str, dict] = {}
    for kind, records in owners.items():
        kept[kind] = {}
        for key, record in records.items():
            if record.item.classification in allowed:
                kept[kind][key] = record.item
            else:
                withheld.append(f"{_OWNER_NAMES[kind]} '{key}' ({record.item.classification})")
                if kind == EVENTS_DIR:
                    what = f"seminar '{key}'"
                    withheld_pages |= {event_page(key): what, event_calendar_file(key): what}
                if getattr(record.item, "title", None):  # a Følgegruppe meeting has no title
                    withheld_titles[record.item.title] = f"{_OWNER_NAMES[kind]} '{key}'"
    published: dict[str, _Located] = {}
    for material_id, place in materials.items():
        if place.material.classification not in allowed:
            withheld.append(f"materiale '{material_id}' ({place.material.classification})")
            withheld_titles[place.material.title] = f"materiale '{material_id}'"
        elif place.owner is not None and place.owner[1] not in kept[place.owner[0]]:
            withheld.append(f"materiale '{material_id}' (hører til et tilbageholdt {_OWNER_NAMES[place.owner[0]]})")
            withheld_titles[place.material.title] = f"materiale '{material_id}'"
        else:
            published[material_id] = place
    # A file named by a withheld material stays withheld, also when a published material names it too: the
    # stricter classification wins, and that published material is held back with it.
    held_files = {files[key].path for key in files if key not in published}
    for material_id in [key for key in published if key in files and files[key].path in held_files]:
        del published[material_id]
        withheld.append(f"materiale '{material_id}' (dets fil hører også til et tilbageholdt materiale)")
    withheld_pages |= {material_page(key): f"materiale '{key}'" for key in materials if key not in published}
    # Events and meetings keep only published materials, so nothing withheld can reach their pages.
    events = {
        key: event.model_copy(update={"materials": tuple(m for m in event.materials if m.id in published)})
        for key, event in sorted(kept[EVENTS_DIR].items(), key=lambda item: (item[1].day, item[1].start, item[0]))
    }
    meetings = {
        key: meeting
        if meeting.minutes is None or meeting.minutes.id in published
        else meeting.model_copy(update={"minutes": None})
        for key, meeting in sorted(kept[MEETINGS_DIR].items(), key=lambda item: (item[1].day, item[0]))
    }
    ordered = sorted(published.values(), key=lambda p: (p.material.published, p.material.id), reverse=True)
    return Publication(
        events=events,
        meetings=meetings,
        materials={p.material.id: p.material for p in ordered},
        material_event={p.material.id: p.owner[1] for p in ordered if p.owner and p.owner[0] == EVENTS_DIR},
        material_meeting={p.material.id: p.owner[1] for p in ordered if p.owner and p.owner[0] == MEETINGS_DIR},
        files={key: value for key, value in files.items() if key in published},
        withheld=withheld,
        withheld_files={value.path for key, value in files.items() if key not in published},
        withheld_titles=withheld_titles,
        withheld_pages=withheld_pages,
    )
