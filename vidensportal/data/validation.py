"""Validate YAML data against a model and turn pydantic's errors into Danish problems that say what to write."""

from __future__ import annotations

import typing
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core.core_schema import ErrorType

from vidensportal.data.field_help import either, expected, field_expected, field_of, inner_model, keys, min_items
from vidensportal.data.yamlfile import line_of
from vidensportal.errors import Problem, did_you_mean

_DATE = "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-12."
_TIME = 'Skriv klokkeslættet som TT:MM i anførselstegn, fx "13:00".'

# pydantic's error types for values of the wrong kind, by what the contributor wrote.
_MESSAGES = {
    "string_too_short": "må ikke være tomt. Skriv {expected}{or_delete}.",
    "string_pattern_mismatch": (
        "'{input}' er ikke et gyldigt id. Brug små bogstaver a-z, tal og bindestreg, fx 'sikker-by'."
    ),
    "int_parsing": "'{input}' er ikke et helt tal. Skriv tallet med cifre, fx 3.",
    "int_parsing_size": "'{input}' er for stort et tal. Skriv {expected}.",
    "int_from_float": "'{input}' er ikke et helt tal. Skriv et tal uden decimaler.",
    "float_parsing": "'{input}' er ikke et tal. Skriv {expected}.",
    "finite_number": "'{input}' er ikke et tal. Skriv {expected}.",
    "bool_parsing": "'{input}' er hverken true eller false. Skriv true (ja) eller false (nej).",
    "greater_than_equal": "skal være mindst {ge}. Ret tallet.",
    "greater_than": "skal være større end {gt}. Ret tallet.",
    "less_than_equal": "må højst være {le}. Ret tallet.",
    "less_than": "skal være mindre end {lt}. Ret tallet.",
    "string_too_long": "er for langt (højst {max_length} tegn). Gør teksten kortere.",
    "too_long": "har for mange punkter (højst {max_length}). Slet nogle af dem.",
    "date_parsing": "'{input}' er ikke en gyldig dato. " + _DATE,
    "date_from_datetime_parsing": "'{input}' er ikke en gyldig dato. " + _DATE,
    "date_from_datetime_inexact": "'{input}' er ikke en gyldig dato. " + _DATE,
    "time_parsing": "'{input}' er ikke et gyldigt klokkeslæt. " + _TIME,
    "url_parsing": "'{input}' er ikke en gyldig adresse. Skriv {expected}.",
    "url_scheme": "'{input}' er ikke en gyldig adresse. Skriv {expected}.",
}
_OR_DELETE = ", eller slet linjen, hvis feltet ikke skal bruges"
_BUILT_IN = frozenset(typing.get_args(ErrorType))


def _field_at(model: type[BaseModel], loc: tuple) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    """The model and the field that the path `loc` (of aliases and list indexes) ends in."""
    current: type[BaseModel] | None = model
    field = None
    for key in loc:
        if isinstance(key, int):
            continue
        if current is None or (field := field_of(current, key)) is None:
            return None, None
        current = inner_model(field.annotation)
    return current, field


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    return _field_at(model, loc)[0] if loc else model


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _message(error: dict, model: type[BaseModel]) -> str:
    kind, loc = error["type"], error["loc"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "extra_forbidden":
        return _unknown_key(model, loc)
    field = _field_at(model, loc)[1] if loc and not isinstance(loc[-1], int) else None
    item_of = _field_at(model, loc[:-1])[1] if loc and isinstance(loc[-1], int) else None
    wanted = _wanted(field, item_of, loc)
    if kind == "missing":
        key = loc[-1] if loc else "…"
        return f"feltet mangler. Tilføj linjen '{key}: …' med {wanted}."
    optional = field is not None and not field.is_required()
    if value is None and kind in _BUILT_IN:
        return f"feltet er tomt. Skriv {wanted} efter kolonet{_OR_DELETE if optional else ''}."
    if kind == "literal_error":
        allowed = [str(v) for v in typing.get_args(field.annotation)] if field is not None else []
        allowed = allowed or [part.strip("' ") for part in str(ctx.get("expected", "")).replace(" or ", ",").split(",")]
        hint = did_you_mean(value, allowed) or "."
        return f"'{_shown(value)}' er ikke tilladt{hint} Skriv en af: {either(allowed)}."
    if kind == "too_short":
        count = ctx.get("min_length") or (min_items(field) if field else 1)
        return f"listen skal have mindst {count} {'punkt' if count == 1 else 'punkter'}. Skriv {wanted}."
    if kind in _MESSAGES:
        or_delete = _OR_DELETE if optional else ""
        limits = {key: value for key, value in ctx.items() if key in ("ge", "gt", "le", "lt", "max_length")}
        return _MESSAGES[kind].format(input=_shown(value), expected=wanted, or_delete=or_delete, **limits)
    if kind in _BUILT_IN:
        return _read_as(value, wanted)
    # Our own validators raise PydanticCustomError with a Danish message (or a ValueError with one).
    text = str(ctx.get("error", error["msg"])) if kind == "value_error" else error["msg"]
    return text if text.endswith((".", "?", "!")) else text + "."


def _wanted(field: FieldInfo | None, list_field: FieldInfo | None, loc: tuple) -> str:
    if not loc:
        return "felter på hver sin linje (navn: værdi), fx 'titel: …' – se 'Sådan bidrager du'"
    if field is not None:
        return field_expected(field)
    if list_field is not None:
        args = typing.get_args(list_field.annotation)
        if args:
            return expected(args[0])
    return "en gyldig værdi (se 'Sådan bidrager du')"


def _read_as(value: object, wanted: str) -> str:
    """What YAML made of the contributor's text, when that is the likely reason for a type error."""
    if isinstance(value, bool):
        return (
            f"værdien er læst som {'true' if value else 'false'} (ja/nej), men her skal stå {wanted}. "
            "Er det tekst, så sæt den i anførselstegn."
        )
    if isinstance(value, int | float):
        return (
            f"værdien er læst som tallet {value}, men her skal stå {wanted}. Er det tekst, så sæt det i anførselstegn."
        )
    if isinstance(value, dict):
        return (
            f"værdien er læst som felter (navn: værdi), men her skal stå {wanted}. Står der ': ' i en tekst, "
            "så sæt hele teksten i anførselstegn."
        )
    if isinstance(value, list):
        return f"værdien er en liste, men her skal stå {wanted}. Skriv én værdi uden '- ' og [ ]."
    return f"'{_shown(value)}' kan ikke bruges her. Skriv {wanted}."


def _unknown_key(model: type[BaseModel], loc: tuple) -> str:
    key = str(loc[-1])
    owner_loc = loc[:-1]
    owner = _model_at(model, owner_loc) or model
    allowed = keys(owner)
    listing = f"Ret navnet, eller slet linjen. Tilladte felter her er: {', '.join(allowed)}."
    elsewhere = _elsewhere(model, owner_loc, key)
    if elsewhere:
        return f"feltet '{key}' hører ikke til her. {elsewhere}"
    hint = did_you_mean(key, allowed)
    if hint:
        return f"ukendt felt '{key}'{hint} {listing}"
    return f"ukendt felt '{key}'. {listing}"


def _elsewhere(model: type[BaseModel], owner_loc: tuple, key: str) -> str | None:
    """Where `key` would be valid at another indentation: an enclosing level, or a level inside this one."""
    names = [part for part in owner_loc if not isinstance(part, int)]
    for depth in range(len(names) - 1, -1, -1):
        outer = _path_model(model, names[:depth])
        if outer is not None and key in keys(outer):
            where = f"under '{names[depth - 1]}'" if depth else "på øverste niveau i filen"
            return (
                f"Det er et felt {where}: ryk linjen mindre ind, så den flugter med de andre felter dér "
                f"(fx '{keys(outer)[0]}')."
            )
    owner = _path_model(model, names)
    for path in _inner_paths(owner):
        inner = _path_model(owner, path)
        if inner is not None and key in keys(inner):
            chain = " → ".join(f"'{part}'" for part in path)
            return f"Det er et felt under {chain}: ryk linjen længere ind, så den står under {chain}."
    return None


def _path_model(model: type[BaseModel] | None, names: list[str]) -> type[BaseModel] | None:
    current = model
    for name in names:
        field = field_of(current, name) if current is not None else None
        current = inner_model(field.annotation) if field is not None else None
    return current


def _inner_paths(model: type[BaseModel] | None, prefix: tuple = (), depth: int = 3) -> list[list[str]]:
    """Paths of keys from `model` to every model nested inside it, nearest first."""
    if model is None or depth == 0:
        return []
    found, deeper = [], []
    for key in keys(model):
        inner = inner_model(field_of(model, key).annotation)
        if inner is not None:
            found.append([*prefix, key])
            deeper += _inner_paths(inner, (*prefix, key), depth - 1)
    return found + deeper


def _field_path(loc: tuple) -> str | None:
    parts = [f"nr. {key + 1}" if isinstance(key, int) else str(key) for key in loc]
    return " → ".join(parts) if parts else None


def validate(model: type[BaseModel], data: object, file: Path, entry: str | None):
    """Return (instance, []) or (None, problems) for one YAML document or list item."""
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        errors = error.errors(include_url=False)
        # A list whose items are wrong is also "too short" to pydantic; the items' own errors say enough.
        inner = {err["loc"][:-1] for err in errors if err["loc"] and isinstance(err["loc"][-1], int)}
        errors = [err for err in errors if not (err["type"] == "too_short" and err["loc"] in inner)]
        problems = [
            Problem(
                file=file,
                message=_message(err, model),
                line=line_of(data, err["loc"]),
                entry=entry,
                field=_field_path(err["loc"]),
            )
            for err in errors
        ]
        return None, problems
