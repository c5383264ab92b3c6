"""One model field → one form field of the editor: the widget its type asks for, Danish label and hint, required or
not, allowed values, and a relation to the collection that holds the ids it may name."""

from __future__ import annotations

import types
import typing
from datetime import date, time

from annotated_types import Ge
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from vidensportal.data import model
from vidensportal.data.field_help import inner_model, keys, min_items
from vidensportal.data.schema import key_help

# Where the ids a field names are read from while editing (not a list frozen into the configuration): the
# collection, the file of a files collection (or None for a folder), the value's path and the label's path.
Source = tuple[str, str | None, str, str]
PARTIES: Source = ("parter", None, "id", "navn")
TRACKS: Source = ("stamdata", "spor", "spor.*.id", "spor.*.navn")
ACTORS: Source = ("stamdata", "eksterne-aktoerer", "aktører.*.id", "aktører.*.navn")
AUTHORITIES: Source = ("stamdata", "organisation", "myndigheder.*.id", "myndigheder.*.navn")

# Every key whose value is an id of another collection (tests/test_editor_config.py fails on a new one).
RELATIONS: dict[str, Source] = {
    "part": PARTIES,
    "parter": PARTIES,
    "arrangører": PARTIES,
    "facilitatorer": PARTIES,
    "deltagere": PARTIES,
    "planlægges-af": PARTIES,
    "spor": TRACKS,
    "eksterne-parter": ACTORS,
    "myndighed": AUTHORITIES,
}
# Ids that are not a relation, with the reason: the id of the entry itself, or one of two collections.
NOT_RELATIONS = {
    "id": "the entry's own id",
    "forælder": "a forvaltning (organisation.yml) or a party: a relation reads one collection",
}
# A Sikker By goal or subgoal: a relation reads one level of a file (Decap finds no options at mål.*.delmål.*),
# so the choices are the strategy's goals and subgoals, written by `make skemaer` from data/sikker-by.yml (the
# strategy changes with the agreement, not in the editor; the test fails when the file and the choices differ).
GOAL_CHOICES = "sikker-by-mål"

# Free text that takes more than a line.
LONG_TEXT = frozenset(
    {"beskrivelse", "resumé", "rolle", "formål", "baggrund", "sammenhæng", "fodnote", "nøgleaktører", "økonomi"}
)
LABELS = {
    "sikker-by-mål": "Sikker By-mål",
    "id": "Id",
    "fil": "Fil (pdf, pptx, docx …)",
    "link": "Link (https://…)",
    "tid": "Klokkeslæt",
}
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SLUG_MESSAGE = "Kun små bogstaver a-z, tal og bindestreg, fx sikker-by."
_PATTERNS = {
    model._check_period: (
        r"^((primo|medio|ultimo) )?\d{4}$|^\d{4}-\d{2}-\d{2}$",
        "Skriv en dato (ÅÅÅÅ-MM-DD) eller en periode som 'ultimo 2019' eller '2019'.",
    ),
    model._check_https: (r"^https://\S+$", "Skriv hele adressen, så den begynder med https://."),
    model._check_mailbox: (f"^{model._MAILBOX.pattern}$", "Skriv funktionspostkassens adresse som navn@domæne.dk."),
}
DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "D.M.YYYY", "time_format": False}
CLOCK = {"widget": "datetime", "format": "HH:mm", "date_format": False, "time_format": "HH:mm"}


def label(key: str) -> str:
    """'eksterne-parter' → 'Eksterne parter'."""
    return LABELS.get(key) or (key[:1].upper() + key[1:]).replace("-", " ")


def form_fields(entry_model: type[BaseModel], required_ids: bool = False) -> list[dict]:
    """The form of `entry_model`: one field per Danish key, in the model's order. `required_ids`: an `id` the model
    leaves optional is required here (a material inside an event)."""
    fields = []
    for key in keys(entry_model):
        info = next(f for name, f in entry_model.model_fields.items() if (f.alias or name) == key)
        field = form_field(key, info, key_help(entry_model, key))
        if required_ids and key == "id":
            field.pop("required", None)
        fields.append(field)
    return fields


def form_field(key: str, info: FieldInfo, hint: str = "") -> dict:
    field = {"name": key, "label": label(key), **_widget(key, info.annotation, info.metadata, min_items(info))}
    if hint:
        field["hint"] = hint
    if not info.is_required():
        field["required"] = False
        if isinstance(info.default, bool | str) and info.default != "":
            field["default"] = info.default
    return field


def _widget(key: str, annotation: object, metadata: typing.Sequence[object], least: int) -> dict:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _widget(key, base, [*metadata, *extra], least)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        widget = _widget(key, options[0], metadata, least)
        if widget["widget"] == "object":
            # Decap checks an object's fields even when the object is left empty, so an optional object (a
            # meeting's minutes) asks for nothing in the form; make tjek and the preview check it once it is there.
            widget["fields"] = [field | {"required": False} for field in widget["fields"]]
        return widget
    if key in RELATIONS:
        return _relation(RELATIONS[key], many=origin in (tuple, list), least=least)
    if key == GOAL_CHOICES:
        return {"widget": "select", "multiple": True, "options": []}  # filled from the data (config.py)
    if origin in (tuple, list):
        return _list(key, typing.get_args(annotation)[0], least)
    if origin is typing.Literal:
        values = typing.get_args(annotation)
        return {"widget": "select", "options": [{"label": model.value_label(v), "value": v} for v in values]}
    nested = inner_model(annotation)
    if nested is not None:
        return {"widget": "object", "collapsed": False, "fields": form_fields(nested)}
    if annotation is date:
        return dict(DATE)
    if annotation is time:
        return dict(CLOCK)
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation is int:
        least_value = next((m.ge for m in metadata if isinstance(m, Ge)), None)
        return {"widget": "number", "value_type": "int"} | ({"min": least_value} if least_value is not None else {})
    return _text(key, metadata)


def _text(key: str, metadata: typing.Sequence[object]) -> dict:
    if key == "fil":
        return {"widget": "file", "choose_url": False}
    widget = {"widget": "text" if key in LONG_TEXT else "string"}
    checks = [_PATTERNS[m.func] for m in metadata if getattr(m, "func", None) in _PATTERNS]
    if checks:
        widget["pattern"] = list(checks[0])
    elif any(getattr(m, "pattern", None) for m in metadata):
        widget["pattern"] = [SLUG_PATTERN, _SLUG_MESSAGE]
    return widget


def _list(key: str, item: object, least: int) -> dict:
    nested = inner_model(item)
    # An empty list to start from: without it Decap opens a new entry with one blank item, which it then requires.
    widget: dict = {"widget": "list", "collapsed": True, "default": []}
    if nested is not None:
        widget["fields"] = form_fields(nested)
        widget["summary"] = "{{fields.titel}}" if "titel" in keys(nested) else "{{fields.rolle}}"
    else:
        widget["field"] = {"name": key, "label": label(key), **_widget(key, item, (), 0)}
    return widget | ({"min": least} if least else {})


def _relation(source: Source, *, many: bool, least: int) -> dict:
    collection, file, value, shown = source
    widget = {"widget": "relation", "collection": collection}
    if file:
        widget["file"] = file
    widget |= {"value_field": value, "search_fields": [shown, value], "display_fields": [shown]}
    if many:
        widget["multiple"] = True
        if least:
            widget["min"] = least
    return widget
