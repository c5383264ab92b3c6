"""JSON Schemas for the data files, made from the models: editors complete Danish keys and flag mistakes while typing.

Each data file names its schema in its first line (`# yaml-language-server: $schema=…`), which the YAML
extension of VS Code and other editors read. `python -m tools.schemas` writes the files into schemas/.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

from vidensportal.data import model
from vidensportal.data.field_help import expected, field_expected, field_of, inner_model, keys
from vidensportal.data.model import (
    Agreement,
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
from vidensportal.data.publications import EVENTS_DIR, MATERIALS_DIR, MEETINGS_DIR
from vidensportal.errors import Problem
from vidensportal.paths import INITIATIVES_DATA, PARTIES_DATA

SCHEMA_DIR = "schemas"
HEADER = "# yaml-language-server: $schema="


@dataclass(frozen=True)
class DataKind:
    """One kind of data file: where it lives in data/, its schema's file name, its model, and the one key its
    entries are listed under (None: the file is one entry)."""

    pattern: str
    schema: str
    model: type[BaseModel]
    key: str | None
    title: str


DATA_KINDS = (
    DataKind("aftale.yml", "aftale.json", Agreement, None, "Samarbejdsaftalen"),
    DataKind("organisation.yml", "organisation.json", Organisation, None, "Myndigheder og forvaltninger"),
    DataKind("sikker-by.yml", "sikker-by.json", Strategy, None, "Sikker By-strategiens mål"),
    DataKind(f"{PARTIES_DATA}/*.yml", "part.json", Party, None, "En af aftalens parter (én fil pr. enhed)"),
    DataKind("spor.yml", "spor.json", Track, "spor", "Aftalens spor"),
    DataKind("eksterne-aktoerer.yml", "eksterne-aktoerer.json", ExternalActor, "aktører", "Eksterne aktører"),
    DataKind(f"{EVENTS_DIR}/*.yml", "seminar.json", Event, None, "Et vidensseminar eller netværksmøde"),
    DataKind(f"{MEETINGS_DIR}/*.yml", "foelgegruppemoede.json", Meeting, None, "Et møde i Følgegruppen"),
    DataKind(f"{MATERIALS_DIR}/*.yml", "materiale.json", Material, None, "Et materiale (fil eller link)"),
    DataKind(f"{INITIATIVES_DATA}/*.yml", "indsats.json", Initiative, None, "En indsats fra Følgegruppens oversigt"),
)

MODEL_TITLES = {
    "Agreement": "Samarbejdsaftalen",
    "Authority": "Myndighed",
    "Department": "Forvaltning",
    "Organisation": "Myndigheder og forvaltninger",
    "Party": "Part",
    "Track": "Spor",
    "SubGoal": "Delmål",
    "Goal": "Mål",
    "Strategy": "Sikker By-strategien",
    "ExternalActor": "Ekstern aktør",
    "FollowUpGroup": "Følgegruppen",
    "Material": "Materiale",
    "Presenter": "Oplægsholder",
    "ProgrammeItem": "Programpunkt",
    "Event": "Seminar eller netværksmøde",
    "Meeting": "Møde i Følgegruppen",
    "Initiative": "Indsats",
}

# What each Danish key is for; the schema adds what may be written (from the model) after it.
KEY_HELP = {
    "id": "Fast id, der bruges i adresser og henvisninger; for en part også filnavnet (data/parter/<id>.yml).",
    "navn": "Navnet, som det skrives på portalen.",
    "forkortelse": "Forkortelsen, fx EAS.",
    "bemærkning": "Kort tilføjelse efter navnet, fx 'i alle bydele'.",
    "myndighed": "Den myndighed, enheden hører under (data/organisation.yml).",
    "forælder": "Forvaltningen (data/organisation.yml) eller parten, enheden hører under.",
    "rolle": "Rollen i samarbejdet; tom, hvor aftalen ikke nævner den.",
    "spor": "Aftalens spor (id fra data/spor.yml).",
    "rækkefølge": "Hvor enheden står i listerne over parter: 1 først. Uden tal står enheden sidst.",
    "tiltrådt": "Hvornår enheden trådte ind i samarbejdet; aftalens parter fra starten: ultimo 2019.",
    "udtrådt": "Hvornår enheden forlod samarbejdet; filen bliver stående, så siden og historikken består.",
    "beskrivelse": "Beskrivelsen, der står på siden.",
    "nummer": "Sporets nummer i aftalen.",
    "formål": "Formålet.",
    "eksempler": "Eksempler fra aftalen.",
    "delmål": "Målets delmål.",
    "periode": "Perioden.",
    "sammenhæng": "Sammenhængen med aftalen.",
    "fodnote": "Fodnote.",
    "mål": "Målene.",
    "mødes": "Hvor ofte gruppen mødes.",
    "mindst-møder-om-året": "Mindste antal møder om året.",
    "deltagere": "Deltagerne (id'er fra data/parter/).",
    "planlægges-af": "De parter, der planlægger møderne.",
    "årlig-oversigt": "Den årlige oversigt.",
    "årlig-status": "Den årlige status.",
    "titel": "Titlen, som den står på portalen.",
    "parter": "Parterne (id'er fra data/parter/).",
    "år": "Årene.",
    "indgået": "Hvornår aftalen blev indgået.",
    "baggrund": "Baggrunden.",
    "forpligtelser": "Forpligtelserne.",
    "nøgleaktører": "Nøgleaktørerne.",
    "følgegruppe": "Følgegruppen.",
    "økonomi": "Økonomien.",
    "aftaleperiode": "Aftaleperioden.",
    "type": "Typen.",
    "dato": "Datoen.",
    "fil": "Filen, regnet fra mappen docs/ (uden docs/ foran), fx materialer/2026-03-12-oplaeg.pdf.",
    "link": "Adressen, når materialet ligger et andet sted (i stedet for 'fil').",
    "sprog": "Sproget, hvis det ikke er dansk.",
    "klassifikation": "Hvem må se det; over sitets klassifikation udgives det slet ikke.",
    "eksempel": "true, når posten kun er et eksempel: slet filen (og dens filer i docs/materialer/), når de rigtige "
    "er lagt ind.",
    "part": "Oplægsholderens part (id fra data/parter/).",
    "organisation": "Organisationen, når oplægsholderen ikke er fra en af aftalens parter.",
    "tid": "Klokkeslættet.",
    "oplægsholdere": "Oplægsholderne.",
    "start": "Starttidspunktet.",
    "slut": "Sluttidspunktet; skal ligge efter start.",
    "sted": "Adresse og lokale.",
    "status": "Status.",
    "arrangører": "Parterne, der arrangerer (id'er fra data/parter/).",
    "målgruppe": "Hvem arrangementet er for.",
    "program": "Programmet, et punkt pr. programpunkt.",
    "materialer": "Oplæg og andre materialer fra arrangementet.",
    "resumé": "Resumé, skrevet efter arrangementet.",
    "facilitatorer": "De parter, der leder mødet.",
    "dagsorden": "Dagsordenens punkter.",
    "referat": "Mødets referat som materiale (type: referat).",
    "sikker-by-mål": "Sikker By-mål eller -delmål (id fra data/sikker-by.yml).",
    "eksterne-parter": "Eksterne aktører (id fra data/eksterne-aktoerer.yml).",
    "myndigheder": "Myndighederne bag aftalen.",
    "forvaltninger": "Forvaltninger, som parter kan høre under.",
    "postkasse": "En funktionspostkasse (aldrig en persons egen adresse).",
}

# Where a key means something else in one model than in the others.
MODEL_KEY_HELP = {
    ("Presenter", "rolle"): "Oplægsholderens rolle, fx Analytiker eller Facilitator.",
    ("Presenter", "navn"): "Kun hvis oplægsholderen selv har sagt ja til at stå med navn på portalen.",
    ("Presenter", "organisation"): KEY_HELP["organisation"],
    ("Material", "titel"): "Materialets titel, som den står på portalen.",
    ("Material", "dato"): "Hvornår materialet blev udgivet eller holdt.",
    ("Material", "spor"): "Aftalens spor (id fra data/spor.yml); uden spor gælder seminarets.",
    ("Meeting", "dato"): "Mødets dato; filen hedder det samme (ÅÅÅÅ-MM-DD.yml).",
    ("Meeting", "deltagere"): "De parter, der deltager (id'er fra data/parter/).",
    ("Event", "dato"): "Arrangementets dato; filnavnet begynder med den (ÅÅÅÅ-MM-DD-…yml).",
    ("Event", "status"): "planlagt før arrangementet, afholdt efter, aflyst hvis det ikke blev til noget.",
    ("Meeting", "status"): (
        "planlagt før mødet, afholdt efter (så kan referatet komme på), aflyst hvis det ikke blev til noget."
    ),
    ("Initiative", "år"): "De år, indsatsen står i Følgegruppens oversigt.",
    ("Initiative", "status"): "Hvor langt indsatsen er: planlagt, i gang eller afsluttet.",
}


def key_help(model: type[BaseModel], key: str) -> str:
    """What a Danish key of `model` is for, in Danish."""
    return MODEL_KEY_HELP.get((model.__name__, key)) or KEY_HELP.get(key, "")


_PATTERNS = {
    "en dato som ÅÅÅÅ-MM-DD, fx 2026-03-12": r"^\d{4}-\d{2}-\d{2}$",
    'et klokkeslæt i anførselstegn, fx "13:00"': r"^([01]?\d|2[0-3]):[0-5]\d$",
    "en dato (ÅÅÅÅ-MM-DD) eller en periode som 'ultimo 2019' eller '2019'": (
        r"^((primo|medio|ultimo) )?\d{4}$|^\d{4}-\d{2}-\d{2}$"
    ),
    "en adresse, der begynder med https://": r"^https://\S+$",
    "en funktionspostkasses e-mailadresse som navn@domæne.dk": f"^{model._MAILBOX.pattern}$",
}


def _models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """`model` and every model nested in it, by class name."""
    found = {model.__name__: model}
    for key in keys(model):
        inner = inner_model(field_of(model, key).annotation)
        if inner is not None and inner.__name__ not in found:
            found |= _models(inner)
    return found


def _describe(schema: dict, model: type[BaseModel]) -> None:
    schema["title"] = MODEL_TITLES.get(model.__name__, model.__name__)
    schema.pop("description", None)
    for key, prop in schema.get("properties", {}).items():
        field = field_of(model, key)
        wanted = field_expected(field)
        prop["title"] = key
        prop["description"] = f"{key_help(model, key)} Skriv {wanted}.".strip()
        _set_pattern(prop, _PATTERNS.get(_scalar_expected(field)))


def _scalar_expected(field: FieldInfo) -> str:
    """What one value of the field (one item, for a list) must be."""
    annotation = field.annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = next(arg for arg in typing.get_args(annotation) if arg is not type(None))
    if typing.get_origin(annotation) in (tuple, list):
        return expected(typing.get_args(annotation)[0])
    return field_expected(field)


def _set_pattern(prop: dict, pattern: str | None) -> None:
    """JSON formats that editors read differently (time as HH:MM:SS) give way to the pattern the portal accepts."""
    for part in [prop, *prop.get("anyOf", []), prop.get("items", {})]:
        if part.get("type") == "string":
            part.pop("format", None)
            if pattern:
                part["pattern"] = pattern


def schema_for(kind: DataKind) -> dict:
    """The JSON Schema of one kind of data file, with Danish titles and descriptions."""
    schema = TypeAdapter(list[kind.model] if kind.key else kind.model).json_schema(by_alias=True)
    models = _models(kind.model)
    for name, definition in schema.get("$defs", {}).items():
        _describe(definition, models[name])
    if kind.key:
        listing = f"{kind.title}. Skriv en liste med én post pr. punkt ('- id: …')."
        entries = {"type": "array", "items": schema.pop("items"), "description": listing}
        schema |= {"type": "object", "properties": {kind.key: entries}, "required": [kind.key]}
        schema["additionalProperties"] = False
    else:
        _describe(schema, kind.model)
    schema["title"] = kind.title
    schema["description"] = f"{kind.title}: data/{kind.pattern}. Se 'Sådan bidrager du' på portalen."
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text(kind: DataKind) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def header_for(data_file: PurePosixPath) -> str:
    """The first line a data file (a path relative to data/) carries to name its schema."""
    kind = kind_of(data_file)
    up = "../" * len(data_file.parts)
    return f"{HEADER}{up}{SCHEMA_DIR}/{kind.schema}" if kind else ""


def schema_line_warnings(data_dir: Path, shown: Callable[[Path], Path]) -> list[Problem]:
    """A warning for each data file whose first line names a schema other than its own: the editor would check
    the file against the wrong shape. A file without the line is fine (the browser editor drops comments when it
    saves); `make skemaer` adds it again."""
    warnings = []
    for path in sorted(data_dir.rglob("*.yml")):
        relative = PurePosixPath(path.relative_to(data_dir).as_posix())
        try:
            with path.open(encoding="utf-8") as handle:
                first = handle.readline().rstrip("\r\n")
        except (OSError, UnicodeDecodeError):
            continue  # the reader reports an unreadable file
        wanted = header_for(relative)
        if first.startswith(HEADER) and first != wanted:
            fix = f"Skriv '{wanted}' i stedet" if wanted else "Slet linjen"
            named = first[len(HEADER) :]
            message = f"skemalinjen peger på '{named}', som ikke er filens skema. {fix}, eller kør make skemaer."
            warnings.append(Problem(shown(path), message, 1))
    return warnings


def kind_of(data_file: PurePosixPath) -> DataKind | None:
    return next((kind for kind in DATA_KINDS if fnmatchcase(data_file.as_posix(), kind.pattern)), None)
