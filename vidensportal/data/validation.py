"""Validate YAML data against a model and turn pydantic's errors into Danish problems."""

from __future__ import annotations

import types
import typing
from pathlib import Path

from pydantic import BaseModel, ValidationError

from vidensportal.data.yamlfile import line_of
from vidensportal.errors import Problem, did_you_mean

_MESSAGES = {
    "missing": "feltet mangler. Tilføj det.",
    "string_type": "skal være tekst.",
    "string_too_short": "må ikke være tomt.",
    "string_pattern_mismatch": (
        "'{input}' er ikke et gyldigt id: brug små bogstaver a-z, tal og bindestreg, fx 'sikker-by'."
    ),
    "int_type": "skal være et helt tal.",
    "int_parsing": "'{input}' er ikke et helt tal.",
    "int_from_float": "skal være et helt tal.",
    "float_type": "skal være et tal.",
    "float_parsing": "'{input}' er ikke et tal.",
    "bool_type": "skal være ja eller nej (true/false).",
    "bool_parsing": "skal være ja eller nej (true/false).",
    "greater_than_equal": "skal være mindst {ge}.",
    "less_than_equal": "må højst være {le}.",
    "too_short": "skal have mindst {min_length} element(er).",
    "list_type": "skal være en liste (linjer der begynder med '- ').",
    "tuple_type": "skal være en liste (linjer der begynder med '- ').",
    "model_type": "skal være en samling af felter (nøgle: værdi).",
    "model_attributes_type": "skal være en samling af felter (nøgle: værdi).",
    "dict_type": "skal være en samling af felter (nøgle: værdi).",
    "date_type": "'{input}' er ikke en dato. Skriv ÅÅÅÅ-MM-DD, fx 2026-03-12.",
    "date_parsing": "'{input}' er ikke en gyldig dato. Skriv ÅÅÅÅ-MM-DD, fx 2026-03-12.",
    "date_from_datetime_parsing": "'{input}' er ikke en gyldig dato. Skriv ÅÅÅÅ-MM-DD, fx 2026-03-12.",
    "date_from_datetime_inexact": "'{input}' er ikke en gyldig dato. Skriv ÅÅÅÅ-MM-DD, fx 2026-03-12.",
    "time_type": "'{input}' er ikke et klokkeslæt. Skriv TT:MM, fx 13:00.",
    "time_parsing": "'{input}' er ikke et gyldigt klokkeslæt. Skriv TT:MM, fx 13:00.",
    "url_parsing": "'{input}' er ikke en gyldig adresse.",
    "url_scheme": "'{input}' skal begynde med https://.",
}


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model that the path `loc` (of aliases and list indexes) lands in, if any."""
    current: object = model
    for key in loc:
        if isinstance(key, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = next((f for f in current.model_fields.values() if f.alias == key), None)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: object) -> object:
    """The BaseModel inside `tuple[Model, ...]`, `Model | None` and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (tuple, list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            inner = _inner_model(arg)
            if inner is not None:
                return inner
    return None


def _allowed_keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _message(error: dict, model: type[BaseModel]) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "extra_forbidden":
        owner = _model_at(model, error["loc"][:-1]) or model
        allowed = _allowed_keys(owner)
        hint = did_you_mean(error["loc"][-1], allowed)
        return f"ukendt felt{hint} Tilladte felter er: {', '.join(allowed)}."
    if kind == "literal_error":
        return f"'{error['input']}' er ikke tilladt. Vælg en af: {ctx.get('expected', '')}."
    if kind in _MESSAGES:
        return _MESSAGES[kind].format(input=error.get("input"), **ctx)
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    # Our own validators raise PydanticCustomError with a Danish message.
    return error["msg"]


def _field_path(loc: tuple) -> str | None:
    parts = [f"nr. {key + 1}" if isinstance(key, int) else str(key) for key in loc]
    return " → ".join(parts) if parts else None


def validate(model: type[BaseModel], data: object, file: Path, entry: str | None):
    """Return (instance, []) or (None, problems) for one YAML document or list item."""
    try:
        return model.model_validate(data), []
    except ValidationError as error:
        problems = [
            Problem(
                file=file,
                message=_message(err, model),
                line=line_of(data, err["loc"]),
                entry=entry,
                field=_field_path(err["loc"]),
            )
            for err in error.errors(include_url=False)
        ]
        return None, problems
