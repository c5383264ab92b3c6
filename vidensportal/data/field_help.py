"""What a field of a model expects, said in Danish: for error messages and for the editors' JSON Schemas."""

from __future__ import annotations

import types
import typing
from datetime import date, time

from annotated_types import MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from vidensportal.data import model

_SLUG = "et id med små bogstaver a-z, tal og bindestreg, fx 'sikker-by'"


def either(values: typing.Sequence[str]) -> str:
    """('a', 'b', 'c') -> "'a', 'b' eller 'c'"."""
    quoted = [f"'{value}'" for value in values]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} eller {quoted[-1]}"


def expected(annotation: object, metadata: typing.Sequence[object] = ()) -> str:
    """A Danish phrase for the values `annotation` accepts, e.g. "en dato som ÅÅÅÅ-MM-DD, fx 2026-03-12"."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return expected(base, [*metadata, *extra])
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return expected(options[0], metadata) if len(options) == 1 else "en værdi"
    if origin is typing.Literal:
        return "en af " + either([str(v) for v in typing.get_args(annotation)])
    if origin in (tuple, list):
        item = expected(typing.get_args(annotation)[0])
        return f"en liste, hvor hvert punkt er {item} (skriv [a, b] eller én linje pr. punkt med '- ')"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "felter rykket ind på linjerne under (navn: værdi)"
    if annotation is date:
        return "en dato som ÅÅÅÅ-MM-DD, fx 2026-03-12"
    if annotation is time:
        return 'et klokkeslæt i anførselstegn, fx "13:00"'
    if annotation is bool:
        return "true eller false"
    if annotation is int:
        return "et helt tal"
    if annotation is float:
        return "et tal"
    checks = {getattr(m, "func", None) for m in metadata}
    if model._check_period in checks:
        return "en dato (ÅÅÅÅ-MM-DD) eller en periode som 'ultimo 2019' eller '2019'"
    if model._check_https in checks:
        return "en adresse, der begynder med https://"
    if model._check_mailbox in checks:
        return "en funktionspostkasses e-mailadresse som navn@domæne.dk"
    if any(getattr(m, "pattern", None) for m in metadata):
        return _SLUG
    return "en tekst"


def field_expected(field: FieldInfo) -> str:
    return expected(field.annotation, field.metadata)


def min_items(field: FieldInfo) -> int:
    return next((m.min_length for m in field.metadata if isinstance(m, MinLen)), 0)


def inner_model(annotation: object) -> type[BaseModel] | None:
    """The BaseModel inside `tuple[Model, ...]`, `Model | None` and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (tuple, list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            inner = inner_model(arg)
            if inner is not None:
                return inner
    return None


def keys(model: type[BaseModel]) -> list[str]:
    """The Danish keys of `model`, in the order of the model."""
    return [f.alias or name for name, f in model.model_fields.items()]


def field_of(model: type[BaseModel], key: str) -> FieldInfo | None:
    return next((f for name, f in model.model_fields.items() if (f.alias or name) == key), None)
