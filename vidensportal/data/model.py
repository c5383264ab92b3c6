"""The shape of every kind of fact in data/: pydantic models with Danish keys as aliases."""

from __future__ import annotations

import re
from datetime import date, time
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

_PERIOD = re.compile(r"^(?:(primo|medio|ultimo) )?(\d{4})$")


def _check_period(value: str) -> str:
    if _PERIOD.match(value):
        return value
    try:
        date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "periode",
            "'{value}' er hverken en dato eller en periode. Skriv en dato som 2019-12-18 eller en periode som "
            "'ultimo 2019' eller '2019'.",
            {"value": value},
        ) from None
    return value


def period_year(value: str) -> int:
    """The year of a Period: 2019 for both 'ultimo 2019' and '2019-12-18'."""
    match = _PERIOD.match(value)
    return int(match.group(2)) if match else date.fromisoformat(value).year


def _check_https(value: str) -> str:
    if not re.fullmatch(r"https://[^\s/]+\S*", value):
        raise PydanticCustomError(
            "https",
            "'{value}' er ikke en https-adresse. Skriv hele adressen, så den begynder med https://.",
            {"value": value},
        )
    return value


_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)(?::[0-5]\d)?$")


def _read_clock(value: object) -> object:
    """'13:00' (or the Danish '13.00', quoted or not): YAML would make 13.00 a number and pydantic a time of day
    13 seconds after midnight, in UTC."""
    if value is None or isinstance(value, time):
        return value  # pydantic's own check says an empty field is empty
    text = f"{value:.2f}" if isinstance(value, float) else value.strip() if isinstance(value, str) else None
    match = _CLOCK.match(text) if text is not None else None
    if match is None:
        raise PydanticCustomError(
            "klokkeslaet",
            "'{value}' er ikke et klokkeslæt. Skriv TT:MM i anførselstegn, fx \"13:00\".",
            {"value": value},
        )
    return time(int(match.group(1)), int(match.group(2)))


# A time of day as contributors write it: "13:00".
Clock = Annotated[time, BeforeValidator(_read_clock)]

# A point in time as precise as the source is: "ultimo 2019", "2019" or "2019-12-18".
Period = Annotated[str, AfterValidator(_check_period)]

# A functional mailbox (never a person's): one @, no spaces, a dot in the domain, nothing HTML would read.
_MAILBOX = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def _check_mailbox(value: str) -> str:
    if not _MAILBOX.fullmatch(value):
        raise PydanticCustomError(
            "postkasse",
            "'{value}' er ikke en e-mailadresse; skriv funktionspostkassens adresse som navn@domæne.dk",
            {"value": value},
        )
    return value


Mailbox = Annotated[str, AfterValidator(_check_mailbox)]


class Entry(BaseModel):
    """Every model: Danish keys, unknown keys are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Authority(Entry):
    id: Slug
    name: Text = Field(alias="navn")


class Department(Entry):
    """A forvaltning or afdeling that units belong to without being a party itself."""

    id: Slug
    abbreviation: Text | None = Field(alias="forkortelse", default=None)
    name: Text = Field(alias="navn")
    authority: Slug = Field(alias="myndighed")


class Organisation(Entry):
    authorities: tuple[Authority, ...] = Field(alias="myndigheder", min_length=1)
    departments: tuple[Department, ...] = Field(alias="forvaltninger", default=())


class Party(Entry):
    id: Slug
    abbreviation: Text | None = Field(alias="forkortelse", default=None)
    name: Text = Field(alias="navn")
    note: Text | None = Field(alias="bemærkning", default=None)
    authority: Slug = Field(alias="myndighed")
    parent: Slug | None = Field(alias="forælder", default=None)
    role: Text | None = Field(alias="rolle", default=None)
    tracks: tuple[Slug, ...] = Field(alias="spor", default=())
    joined: Period = Field(alias="tiltrådt")
    left: date | None = Field(alias="udtrådt", default=None)
    mailbox: Mailbox | None = Field(alias="postkasse", default=None)
    description: Text | None = Field(alias="beskrivelse", default=None)
    # Where the unit stands in the lists of parties (one file per party, so the files have no order of their own).
    order: Annotated[int, Field(ge=1)] | None = Field(alias="rækkefølge", default=None)

    @property
    def label(self) -> str:
        """The name staff know the unit by: 'Efterretnings- og Analysesektion (EAS)'; 'SSP/SSP+ København' as it is."""
        if not self.abbreviation or self.name.startswith(self.abbreviation):
            return self.name
        return f"{self.name} ({self.abbreviation})"

    @property
    def tag(self) -> str:
        """The short name used as a tag: 'EAS', or the name when there is no abbreviation."""
        return self.abbreviation or self.name


class Track(Entry):
    id: Slug
    number: int = Field(alias="nummer", ge=1)
    name: Text = Field(alias="navn")
    purpose: Text = Field(alias="formål")
    examples: tuple[Text, ...] = Field(alias="eksempler", default=())


class SubGoal(Entry):
    id: Slug
    name: Text = Field(alias="navn")


class Goal(Entry):
    id: Slug
    name: Text = Field(alias="navn")
    subgoals: tuple[SubGoal, ...] = Field(alias="delmål", default=())


class Strategy(Entry):
    name: Text = Field(alias="navn")
    period: Text = Field(alias="periode")
    relation: Text = Field(alias="sammenhæng")
    note: Text | None = Field(alias="fodnote", default=None)
    goals: tuple[Goal, ...] = Field(alias="mål", min_length=1)


class ExternalActor(Entry):
    id: Slug
    name: Text = Field(alias="navn")
    tracks: tuple[Slug, ...] = Field(alias="spor", default=())


class FollowUpGroup(Entry):
    name: Text = Field(alias="navn")
    meets: Text = Field(alias="mødes")
    min_meetings_per_year: int = Field(alias="mindst-møder-om-året", ge=0)
    participants: Text = Field(alias="deltagere")
    facilitators: tuple[Slug, ...] = Field(alias="planlægges-af", min_length=1)
    yearly_overview: Text = Field(alias="årlig-oversigt")
    yearly_status: Text = Field(alias="årlig-status")
    # The secretariat's functional mailbox (EAS and Sikker By plan the meetings together).
    mailbox: Mailbox | None = Field(alias="postkasse", default=None)


class Agreement(Entry):
    title: Text = Field(alias="titel")
    authorities: tuple[Slug, ...] = Field(alias="parter", min_length=2)
    year: int = Field(alias="år")
    concluded: Period = Field(alias="indgået")
    background: Text = Field(alias="baggrund")
    purpose: tuple[Text, ...] = Field(alias="formål", min_length=1)
    commitments: tuple[Text, ...] = Field(alias="forpligtelser", min_length=1)
    key_actors: Text = Field(alias="nøgleaktører")
    follow_up_group: FollowUpGroup = Field(alias="følgegruppe")
    economy: Text = Field(alias="økonomi")
    period: Text = Field(alias="aftaleperiode")


# The allowed values of the data, each written once; lists and labels elsewhere are derived from these.
# Classifications run from least to most restricted: a site publishes everything up to its own level.
Classification = Literal["offentlig", "intern", "fortrolig"]
MaterialKind = Literal["oplæg", "rapport", "notat", "referat", "video", "link"]
EventKind = Literal["vidensseminar", "netværksmøde"]
EventStatus = Literal["planlagt", "afholdt", "aflyst"]
InitiativeStatus = Literal["planlagt", "i gang", "afsluttet"]
CLASSIFICATION_ORDER: tuple[str, ...] = get_args(Classification)
INITIATIVE_STATUSES: tuple[str, ...] = get_args(InitiativeStatus)


def value_label(value: str) -> str:
    """How an allowed value is shown: 'netværksmøde' → 'Netværksmøde', 'i gang' → 'I gang'."""
    return value[:1].upper() + value[1:]


class Material(Entry):
    """A file or link: slides from a seminar, a report, a note, a video."""

    id: Slug | None = None  # in data/materialer/ the file name; inside an event it must be given
    title: Text = Field(alias="titel")
    kind: MaterialKind = Field(alias="type")
    published: date = Field(alias="dato")
    file: Text | None = Field(alias="fil", default=None)
    url: Annotated[str, AfterValidator(_check_https)] | None = Field(alias="link", default=None)
    tracks: tuple[Slug, ...] = Field(alias="spor", default=())
    parties: tuple[Slug, ...] = Field(alias="parter", default=())
    language: Text = Field(alias="sprog", default="dansk")
    classification: Classification = Field(alias="klassifikation")
    example: bool = Field(alias="eksempel", default=False)

    @model_validator(mode="after")
    def _file_or_link(self) -> Material:
        if (self.file is None) == (self.url is None):
            raise PydanticCustomError(
                "fil_eller_link",
                "et materiale skal have enten 'fil' eller 'link', ikke begge og ikke ingen af dem. Skriv 'fil: "
                "materialer/…' for en fil i docs/ eller 'link: https://…' for en adresse.",
            )
        return self


class Presenter(Entry):
    role: Text = Field(alias="rolle")
    party: Slug | None = Field(alias="part", default=None)
    organisation: Text | None = Field(alias="organisation", default=None)
    name: Text | None = Field(alias="navn", default=None)


class ProgrammeItem(Entry):
    at: Clock = Field(alias="tid")
    title: Text = Field(alias="titel")
    presenters: tuple[Presenter, ...] = Field(alias="oplægsholdere", default=())


class Event(Entry):
    """A vidensseminar or netværksmøde, one file in data/seminarer/ named after its date."""

    title: Text = Field(alias="titel")
    kind: EventKind = Field(alias="type")
    day: date = Field(alias="dato")
    start: Clock = Field(alias="start")
    end: Clock = Field(alias="slut")
    place: Text = Field(alias="sted")
    status: EventStatus = Field(alias="status")
    tracks: tuple[Slug, ...] = Field(alias="spor", min_length=1)
    organisers: tuple[Slug, ...] = Field(alias="arrangører", min_length=1)
    audience: Text = Field(alias="målgruppe")
    description: Text = Field(alias="beskrivelse")
    programme: tuple[ProgrammeItem, ...] = Field(alias="program", default=())
    materials: tuple[Material, ...] = Field(alias="materialer", default=())
    summary: Text | None = Field(alias="resumé", default=None)
    classification: Classification = Field(alias="klassifikation")
    example: bool = Field(alias="eksempel", default=False)

    @model_validator(mode="after")
    def _ends_after_start(self) -> Event:
        if self.end <= self.start:
            raise PydanticCustomError("slut_foer_start", "'slut' skal ligge efter 'start'. Ret det ene klokkeslæt.")
        return self


class Meeting(Entry):
    """A meeting of Følgegruppen, one file in data/foelgegruppe/ named after its date."""

    day: date = Field(alias="dato")
    status: EventStatus = Field(alias="status")
    start: Clock | None = Field(alias="start", default=None)
    end: Clock | None = Field(alias="slut", default=None)
    place: Text | None = Field(alias="sted", default=None)
    facilitators: tuple[Slug, ...] = Field(alias="facilitatorer", default=())
    participants: tuple[Slug, ...] = Field(alias="deltagere", default=())
    agenda: tuple[Text, ...] = Field(alias="dagsorden", default=())
    minutes: Material | None = Field(alias="referat", default=None)
    classification: Classification = Field(alias="klassifikation")
    example: bool = Field(alias="eksempel", default=False)

    @model_validator(mode="after")
    def _times_fit(self) -> Meeting:
        if self.end is not None and self.start is None:
            raise PydanticCustomError("slut_uden_start", "'slut' kræver 'start'. Skriv også mødets start, fx '13:00'.")
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise PydanticCustomError("slut_foer_start", "'slut' skal ligge efter 'start'. Ret det ene klokkeslæt.")
        return self


class Initiative(Entry):
    """A concrete initiative (indsats) from Følgegruppen's yearly overview, one file in data/indsatser/."""

    title: Text = Field(alias="titel")
    years: tuple[int, ...] = Field(alias="år", min_length=1)
    tracks: tuple[Slug, ...] = Field(alias="spor", min_length=1)
    parties: tuple[Slug, ...] = Field(alias="parter", default=())
    goals: tuple[Slug, ...] = Field(alias="sikker-by-mål", default=())
    partners: tuple[Slug, ...] = Field(alias="eksterne-parter", default=())
    status: InitiativeStatus = Field(alias="status")
    description: Text = Field(alias="beskrivelse")
    example: bool = Field(alias="eksempel", default=False)
