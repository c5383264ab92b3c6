"""Reading data/ file by file: records that remember where they came from, and every problem found."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from vidensportal.data.placeholders import placeholders_in
from vidensportal.data.validation import validate
from vidensportal.data.yamlfile import line_of, read_yaml
from vidensportal.errors import DataError, Problem, did_you_mean

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Record:
    """A validated entry with the raw data and file it came from, for precise error lines."""

    item: BaseModel
    raw: object
    file: Path
    entry: str | None
    id: str | None = None  # the file name in a folder of one entry per file, else the entry's own id


class DataReader:
    """Collects records and problems while data/ is read; raises once, with every problem."""

    def __init__(self, data_dir: Path, check_text=None):
        self.data_dir = data_dir
        self.check_text = check_text
        self.read: set[Path] = set()
        self.problems: list[Problem] = []
        # Not errors: placeholder text a contributor has not replaced yet (see placeholders.py).
        self.warnings: list[Problem] = []

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

    def entries(self, name: str, key: str, model: type[BaseModel]) -> list[Record]:
        """The entries listed under `key`, the one key of data/<name> (a file whose top level is a list cannot be
        read by the browser editor)."""
        path = self.data_dir / name
        raw = self._read(path)
        if raw is None:
            return []
        if not isinstance(raw, dict) or key not in raw:
            self.problems.append(
                Problem(self.shown(path), f"filen skal begynde med linjen '{key}:' og posterne rykket ind under den.")
            )
            return []
        for other in raw.keys() - {key}:
            message = f"ukendt felt '{other}'; filen har kun feltet '{key}:' med posterne under."
            self.problems.append(Problem(self.shown(path), message, line_of(raw, (other,))))
        return self.list_items(raw[key], model, self.shown(path), (key,))

    def folder(self, name: str, model: type[BaseModel]) -> list[Record]:
        """One entry per YAML file in data/<name>/, its id the file name without .yml."""
        records = []
        for path in sorted((self.data_dir / name).glob("*.yml")):
            if not _SLUG.fullmatch(path.stem):
                self.read.add(path)
                message = "filnavnet skal være små bogstaver a-z, tal og bindestreger, fx 2026-03-12-rekruttering.yml."
                self.problems.append(Problem(self.shown(path), message))
                continue
            raw = self._read(path)
            if raw is None:
                continue
            item, problems = validate(model, raw, self.shown(path), None)
            self.problems += problems
            if item is not None:
                records.append(Record(item, raw, self.shown(path), f"'{path.stem}'", path.stem))
        return records

    def named_files(self, name: str, model: type[BaseModel]) -> list[Record]:
        """`folder`, for entries that carry their own id: the id must be the file name."""
        records = []
        for record in self.folder(name, model):
            if record.item.id == record.id:
                records.append(record)
            else:
                message = f"id '{record.item.id}' skal være det samme som filnavnet ('{record.id}'). Ret det ene."
                self.problem(record, ("id",), message)
        return records

    def unread(self) -> None:
        """A problem for each YAML file in data/ that no part of the site reads, so nothing is silently ignored."""
        for path in sorted(self.data_dir.rglob("*.y*ml")):
            if path in self.read or any(part.startswith(".") for part in path.relative_to(self.data_dir).parts):
                continue
            if path.suffix == ".yaml":
                self.problems.append(Problem(self.shown(path), "filen skal hedde .yml, ikke .yaml."))
            elif path.suffix == ".yml":
                self.problems.append(
                    Problem(
                        self.shown(path),
                        "filen bruges ikke af portalen. Seminarer hører til i data/seminarer/, materialer i "
                        "data/materialer/, møder i data/foelgegruppe/, indsatser i data/indsatser/ og parter i "
                        "data/parter/.",
                    )
                )

    def list_items(self, raw: object, model: type[BaseModel], file: Path, prefix=()) -> list[Record]:
        if not isinstance(raw, list):
            self.problems.append(
                Problem(
                    file,
                    "skal være en liste af poster. Begynd hver post med en linje, der starter med '- '.",
                    line_of(raw, prefix),
                )
            )
            return []
        records = []
        for index, item in enumerate(raw):
            entry = _entry_label(item, index)
            instance, problems = validate(model, item, file, entry)
            self.problems += problems
            if instance is not None:
                records.append(Record(instance, item, file, entry, getattr(instance, "id", None)))
        return records

    def _read(self, path: Path) -> object | None:
        self.read.add(path)
        if not path.is_file():
            self.problems.append(
                Problem(
                    self.shown(path), "filen mangler i data/. Hent den igen fra git, fx med git checkout -- <filen>."
                )
            )
            return None
        try:
            raw = read_yaml(path, self.shown(path), self.check_text)
        except DataError as error:
            self.problems += error.problems
            return None
        self.warnings += placeholders_in(raw, self.shown(path))
        return raw

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
                    record,
                    ("id",),
                    f"{what} med id '{key}' findes allerede ({first.file}, linje {first.raw.line}). "
                    "Giv den ene et andet id.",
                )
            else:
                seen[key] = record
        return {key: record.item for key, record in seen.items()}

    def ref(self, record: Record, loc: tuple, value: str | None, valid: Mapping, what: str) -> None:
        """A problem on `loc` when `value` is set and is not an id in `valid`."""
        if value is not None and value not in valid:
            self.problem(record, loc, unknown_id(what, value, list(valid)))

    def refs(self, record: Record, loc: tuple, values: tuple[str, ...], valid: Mapping, what: str) -> None:
        """`ref` for every id in a list field."""
        for index, value in enumerate(values):
            self.ref(record, (*loc, index), value, valid, what)


# What to write instead of an unknown id of each kind: where the valid ids are listed.
_LISTED_IN = {
    "part": "Skriv et id fra data/parter/ (filnavnet uden .yml; listen står også under Parter på portalen).",
    "spor": "Skriv et id fra data/spor.yml: et af aftalens spor.",
    "myndighed": "Skriv et id fra 'myndigheder' i data/organisation.yml.",
    "Sikker By-mål": "Skriv et mål- eller delmål-id fra data/sikker-by.yml.",
    "ekstern aktør": "Skriv et id fra data/eksterne-aktoerer.yml, eller tilføj aktøren dér.",
}
_NEW_DEPARTMENT = (
    "En forælder er en forvaltning fra 'forvaltninger' i data/organisation.yml eller en part fra "
    "data/parter/. Hører enheden under en forvaltning, der ikke står der endnu, så tilføj forvaltningen "
    "under 'forvaltninger:' i data/organisation.yml med id, navn og myndighed."
)


def unknown_id(what: str, value: str, valid: list[str]) -> str:
    """'ukendt spor 'x' – mente du 'y'?' or, with no near id, where the valid ids are found."""
    hint = did_you_mean(value, valid)
    if what.startswith("forælder"):
        return f"ukendt forælder '{value}'{hint or '.'} {_NEW_DEPARTMENT}"
    return f"ukendt {what} '{value}'{hint}" if hint else f"ukendt {what} '{value}'. {_LISTED_IN.get(what, '')}".strip()


def _entry_label(item: object, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), str):
        return f"'{item['id']}'"
    return f"nr. {index + 1}"
