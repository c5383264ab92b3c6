"""Read one YAML file into plain data that remembers the line of every key and list item."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml

from vidensportal.errors import DataError, Problem

# libyaml's C parser where it is installed; the constructors below run in Python either way.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    """A mapping with `line` (its own first line) and `lines` (the line of each key)."""

    line: int
    lines: dict


class LineList(list):
    """A sequence with `line` (its own first line) and `lines` (the line of each item)."""

    line: int
    lines: list


class _LineLoader(_BaseLoader):
    pass


# Dates stay text until pydantic checks them (so 2024-02-30 is a clear error, not a crash), and
# "13:00" stays text instead of YAML 1.1's base-60 integer 780.
_LineLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int")
    ]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"),
    list("-+0123456789"),
)


def _construct_mapping(loader, node):
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(None, None, f"nøglen '{key}' står to gange", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader, node):
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_yaml(path: Path, shown_as: Path, check_text: Callable[[str, Path], list[Problem]] | None = None) -> object:
    """Parse `path`; any failure is a DataError naming `shown_as` and the line in Danish.

    `check_text` sees the file's text before it is parsed (the CPR guard), so the file is read only once.
    """
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise DataError([Problem(shown_as, "filen er ikke gemt som UTF-8. Gem den igen som UTF-8.", line)]) from None
    if check_text is not None and (problems := check_text(text, shown_as)):
        raise DataError(problems)
    if not text.strip() or all(ln.lstrip().startswith("#") or not ln.strip() for ln in text.splitlines()):
        raise DataError([Problem(shown_as, "filen er tom. Udfyld den eller slet den.")])
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 -- a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        what = error.problem or error.context or "ukendt fejl"
        raise DataError(
            [Problem(shown_as, f"YAML-syntaksfejl ({what}). Tjek indrykning, kolon og anførselstegn.", line)]
        ) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(shown_as, f"YAML-syntaksfejl ({error}).")]) from None


def line_of(data: object, loc: tuple) -> int | None:
    """The line of the deepest element of `data` that the path `loc` reaches."""
    line = getattr(data, "line", None)
    node = data
    for key in loc:
        if (isinstance(node, LineDict) and key in node) or (
            isinstance(node, LineList) and isinstance(key, int) and 0 <= key < len(node)
        ):
            line = node.lines[key]
            node = node[key]
        else:
            break
    return line
