"""Scaffold a new event file in data/seminarer/ from a title and a date: python -m tools.new_event --help."""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path, PurePosixPath
from typing import NoReturn, get_args

import yaml

from vidensportal.content.text import DANISH_LETTERS
from vidensportal.data.model import Event
from vidensportal.data.placeholders import AUDIENCE, DESCRIPTION, PLACE
from vidensportal.data.publications import EVENTS_DIR
from vidensportal.data.schema import header_for
from vidensportal.data.yamlfile import read_yaml
from vidensportal.errors import DataError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


# The allowed values, read from the model so the tool and the validation can never disagree.
KINDS = get_args(Event.model_fields["kind"].annotation)
STATUSES = get_args(Event.model_fields["status"].annotation)
CLASSIFICATIONS = get_args(Event.model_fields["classification"].annotation)

DEFAULT_KIND = "vidensseminar"
DEFAULT_TRACKS = ("vidensdeling",)
DEFAULT_ORGANISERS = ("sikker-by", "eas")
MAX_SLUG = 50
# Short Danish words that lead into what follows them, as they are spelt in a slug.
_LEADING_WORDS = frozenset(
    {"af", "at", "de", "den", "der", "det", "efter", "eller", "en", "et", "for", "fra", "hos", "i", "med", "mellem"}
    | {"mod", "og", "om", "over", "paa", "samt", "som", "til", "ud", "under", "ved"}
)

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_USAGE = 'python -m tools.new_event --titel "…" --dato ÅÅÅÅ-MM-DD [--type vidensseminar|netværksmøde]'


class UsageError(Exception):
    """A problem the user can fix; its message is one Danish line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse's own messages are English; give one Danish line and the usage instead.
        what, _, rest = message.partition(":")
        if what == "unrecognized arguments":
            problem = f"ukendt argument: {rest.strip()}"
        elif what.startswith("argument "):
            problem = f"{what.removeprefix('argument ')} mangler en værdi eller har en forkert værdi"
        else:
            problem = "kunne ikke forstå argumenterne"
        raise UsageError(f"{problem}. Brug: {_USAGE}")


def slugify(title: str) -> str:
    """'Rekruttering til bandemiljøet: hvad virker?' -> 'rekruttering-til-bandemiljoeet-hvad-virker'."""
    text = unicodedata.normalize("NFC", title).translate(DANISH_LETTERS)
    # Other accented letters lose their accent (é -> e); anything else not a-z or 0-9 becomes a hyphen.
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[: MAX_SLUG + 1]
        words = cut.split("-")[:-1] if "-" in cut else [slug[:MAX_SLUG]]
        # A name cut short should not end on a word that leads into the part cut off ("…-netvaerk-paa").
        while len(words) > 1 and words[-1] in _LEADING_WORDS:
            words.pop()
        slug = "-".join(words)
    return slug.strip("-")


def parse_day(text: str | None) -> date:
    value = (text or "").strip()
    if not value:
        raise UsageError("datoen mangler. Angiv den med --dato ÅÅÅÅ-MM-DD (med make: DATO=ÅÅÅÅ-MM-DD).")
    if not _ISO_DAY.fullmatch(value):
        raise UsageError(f"'{value}' er ikke en dato på formen ÅÅÅÅ-MM-DD, fx 2026-03-12.")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"'{value}' er ikke en dato, der findes i kalenderen.") from None


def clean_title(text: str | None) -> str:
    title = " ".join((text or "").split())
    if not title:
        raise UsageError('titlen mangler. Angiv den med --titel "…" (med make: TITEL="…").')
    try:
        title.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError("titlen indeholder tegn, der ikke er gyldig tekst (UTF-8).") from None
    return title


def read_ids(path: Path, key: str | None = None) -> list[str]:
    """The ids in data/: of every entry listed under `key` of a file such as data/spor.yml, in file order, or of
    every file in a folder of one entry per file such as data/parter/ (the file names)."""
    if path.is_dir() and key is None:
        ids = sorted(file.stem for file in path.glob("*.yml"))
        if not ids:
            raise UsageError(f"{path} indeholder ingen filer.")
        return ids
    if not path.is_file():
        raise UsageError(f"{path} findes ikke. Er --data-dir projektets data-mappe?")
    try:
        entries = read_yaml(path, path)
    except DataError as error:
        raise UsageError(f"{path} kan ikke læses: {error.problems[0]}") from None
    items = entries.get(key) if isinstance(entries, dict) else None
    items = items if isinstance(items, list) else []
    ids = [str(e["id"]) for e in items if isinstance(e, dict) and e.get("id")]
    if not ids:
        raise UsageError(f"{path} indeholder ingen poster med 'id'.")
    return ids


def scalar(value: str) -> str:
    """`value` as one double-quoted YAML scalar, safe whatever ':', '#' or quotes it holds."""
    return yaml.safe_dump(value, allow_unicode=True, default_style='"', width=float("inf")).strip()


def flow_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(values) + "]"


def wrapped(prefix: str, words: Sequence[str]) -> list[str]:
    """A comment listing `words`, wrapped so no line is much longer than 100 characters."""
    text = prefix + ", ".join(words) + "."
    return textwrap.wrap(
        text, width=100, initial_indent="# ", subsequent_indent="#   ", break_on_hyphens=False, break_long_words=False
    )


def either(values: Sequence[str]) -> str:
    """('a', 'b', 'c') -> 'a, b eller c'."""
    return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} eller {values[-1]}"


def render(title: str, day: date, kind: str, track_ids: Sequence[str], party_ids: Sequence[str]) -> str:
    """The text of the new event file: every required field with a placeholder and a comment saying what goes there."""
    tracks = [t for t in DEFAULT_TRACKS if t in track_ids] or [track_ids[0]]
    organisers = [p for p in DEFAULT_ORGANISERS if p in party_ids] or [party_ids[0]]
    lines = [
        header_for(PurePosixPath(EVENTS_DIR, "ny.yml")),
        "# Nyt arrangement. Udfyld felterne nedenfor; kommentarerne siger, hvad der må stå.",
        "# Filnavnet er arrangementets adresse på portalen og skal begynde med datoen.",
        "",
        "# Arrangementets titel, som den står i invitationen.",
        f"titel: {scalar(title)}",
        f"# Typen: {either(KINDS)}.",
        f"type: {kind}",
        "# Datoen som ÅÅÅÅ-MM-DD. Flytter arrangementet, skal filnavnet også begynde med den nye dato.",
        f"dato: {day.isoformat()}",
        '# Start- og sluttidspunkt som "TT:MM" i anførselstegn; slut skal ligge efter start.',
        'start: "13:00"',
        'slut: "15:00"',
        "# Adresse og lokale.",
        f"sted: {scalar(PLACE)}",
        f"# Status: {either(STATUSES)}.",
        f"status: {STATUSES[0]}",
        *wrapped("Et eller flere af aftalens spor (data/spor.yml): ", track_ids),
        f"spor: {flow_list(tracks)}",
        *wrapped("Én eller flere parter, der arrangerer (id fra data/parter/): ", party_ids),
        f"arrangører: {flow_list(organisers)}",
        "# Hvem arrangementet er for.",
        f"målgruppe: {scalar(AUDIENCE)}",
        f"# Hvem må se siden: {either(CLASSIFICATIONS)}.",
        "klassifikation: intern",
        "# Hvad arrangementet handler om, og hvad deltagerne får med hjem (teksten fra invitationen).",
        f"beskrivelse: {scalar(DESCRIPTION)}",
        "",
        "# Programmet, når det ligger fast: fjern '#' foran linjerne og ret dem til. 'part' er et id fra",
        "# data/parter/; en oplægsholder uden for aftalen får 'organisation' i stedet for 'part'.",
        "# program:",
        '#   - tid: "13:00"',
        "#     titel: Velkomst",
        "#     oplægsholdere:",
        "#       - rolle: Facilitator",
        f"#         part: {organisers[0]}",
        "#",
        "# Efter arrangementet: sæt status til afholdt, og tilføj evt. 'resumé' og 'materialer'.",
    ]
    text = "\n".join(lines) + "\n"
    # A guard against a quoting mistake above: the file must read back with the title unchanged.
    try:
        written = yaml.safe_load(text)
    except yaml.YAMLError:
        written = None
    if not isinstance(written, dict) or written.get("titel") != title:
        raise UsageError("titlen kunne ikke skrives korrekt som YAML; filen er ikke oprettet.")
    return text


def create(title: str, day: date, kind: str, data_dir: Path) -> Path:
    """Write the new event file and return its path; never overwrite an existing file."""
    slug = slugify(title)
    if not slug:
        raise UsageError(f"titlen {scalar(title)} giver intet filnavn. Brug mindst ét bogstav (a-z) eller tal.")
    if not data_dir.is_dir():
        raise UsageError(f"datamappen {data_dir} findes ikke.")
    text = render(title, day, kind, read_ids(data_dir / "spor.yml", "spor"), read_ids(data_dir / "parter"))
    folder = data_dir / EVENTS_DIR
    path = folder / f"{day.isoformat()}-{slug}.yml"
    try:
        folder.mkdir(exist_ok=True)
        with path.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise UsageError(f"{shown(path)} findes allerede og bliver ikke overskrevet. Vælg en anden titel.") from None
    except OSError:
        raise UsageError(
            f"{shown(path)} kunne ikke skrives. Tjek, at du har adgang til mappen, og at disken ikke er fuld."
        ) from None
    return path


def shown(path: Path) -> str:
    """`path` relative to the working folder when it is inside it, so messages stay short."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _Parser(
        prog="python -m tools.new_event",
        description="Opret en ny fil i data/seminarer/ til et vidensseminar eller netværksmøde.",
    )
    parser.add_argument("--titel", help="arrangementets titel; filnavnet dannes af den")
    parser.add_argument("--dato", help="datoen som ÅÅÅÅ-MM-DD")
    parser.add_argument("--type", default=DEFAULT_KIND, help=f"{either(KINDS)} (standard: {DEFAULT_KIND})")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="projektets data-mappe (standard: data/)")
    try:
        args = parser.parse_args(argv)
        title = clean_title(args.titel)
        day = parse_day(args.dato)
        kind = (args.type or "").strip().lower()
        if kind not in KINDS:
            raise UsageError(f"ukendt type '{kind}'. Brug {either(KINDS)}.")
        path = create(title, day, kind, args.data_dir)
    except UsageError as error:
        print(f"Fejl: {error}", file=sys.stderr)
        return 2
    print(f"Oprettet: {shown(path)}")
    print("Udfyld felterne, og se siden med make serve.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
