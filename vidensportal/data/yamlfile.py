"""Read one YAML file into plain data that remembers the line of every key and list item.

Only the YAML a contributor needs is accepted: mappings, lists, text, numbers, true/false and empty
values. Anchors, aliases, merge keys, explicit tags, several documents, nesting deeper than MAX_DEPTH
and files larger than MAX_BYTES are refused with one Danish line, so no file can make a build hang.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml

from vidensportal.data.yaml_errors import syntax_problem
from vidensportal.errors import DataError, Problem

# libyaml's C parser where it is installed; the events are turned into data in Python either way.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 1_000_000
MAX_DEPTH = 20

# Characters YAML does not allow in a file, plus a byte order mark anywhere but at the start.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")

# YAML 1.1's plain scalars, except that dates and times stay text until pydantic checks them (so 2024-02-30
# is a clear error, not a crash, and "13:00" is not the base-60 integer 780), and numbers are written in
# decimal only.
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {
    **dict.fromkeys(("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True),
    **dict.fromkeys(("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False),
}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)?")


_NO_KEY = object()  # a mapping's place on the stack while it waits for its next key


class LineDict(dict):
    """A mapping with `line` (its own first line) and `lines` (the line of each key)."""

    line: int
    lines: dict


class LineList(list):
    """A sequence with `line` (its own first line) and `lines` (the line of each item)."""

    line: int
    lines: list


class _Refused(Exception):
    """A shape of YAML the portal does not accept, at a line."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line, self.message = line, message


def read_yaml(path: Path, shown_as: Path, check_text: Callable[[str, Path], list[Problem]] | None = None) -> object:
    """Parse `path`; any failure is a DataError naming `shown_as` and the line in Danish.

    `check_text` sees the file's text before it is parsed (the CPR guard), so the file is read only once.
    """
    text = _read_text(path, shown_as).removeprefix("\ufeff")  # a BOM at the start, as some Windows editors write
    if check_text is not None and (problems := check_text(text, shown_as)):
        raise DataError(problems)
    if bad := _NOT_PRINTABLE.search(text):
        raise DataError([Problem(shown_as, _unprintable(bad.group()), text.count("\n", 0, bad.start()) + 1)])
    if not text.strip() or all(ln.lstrip().startswith("#") or not ln.strip() for ln in text.splitlines()):
        raise DataError([Problem(shown_as, "filen er tom. Udfyld den eller slet den.")])
    try:
        data = _compose(text)
    except _Refused as refused:
        raise DataError([Problem(shown_as, refused.message, refused.line)]) from None
    except yaml.MarkedYAMLError as error:
        line, message = syntax_problem(text, error)
        raise DataError([Problem(shown_as, message, line)]) from None
    except (yaml.YAMLError, RecursionError, MemoryError):
        message = "YAML-syntaksfejl: filen kan ikke læses. Tjek indrykning, kolon og anførselstegn."
        raise DataError([Problem(shown_as, message)]) from None
    if data is None:
        raise DataError([Problem(shown_as, "filen er tom. Udfyld den eller slet den.")])
    return data


def _read_text(path: Path, shown_as: Path) -> str:
    """The file's text, unless it is unreadable, larger than MAX_BYTES (not read at all) or not UTF-8."""
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_BYTES else b""
    except OSError:
        message = "filen kan ikke læses. Tjek, at det er en fil (ikke en mappe), og at du har adgang til den."
        raise DataError([Problem(shown_as, message)]) from None
    if size > MAX_BYTES:
        megabytes = f"{size / 1_000_000:.1f}".replace(".", ",")
        message = (
            f"filen fylder {megabytes} MB; en datafil må højst fylde {MAX_BYTES // 1_000_000} MB. "
            "Del indholdet op i flere filer, eller tjek, at det er den rigtige fil."
        )
        raise DataError([Problem(shown_as, message)])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError([Problem(shown_as, "filen er ikke gemt som UTF-8. Gem den igen som UTF-8.", line)]) from None
    return text


# A page's front matter as mkdocs finds it (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_FRONT = "front matter (linjerne mellem --- øverst på siden):"
PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


def front_matter(source: str) -> tuple[dict, str]:
    """A Markdown page's front matter and body; an empty mapping when it has none or it is not a mapping."""
    found = _FRONT_MATTER.match(source)
    if not found:
        return {}, source
    try:
        meta = yaml.safe_load(found[1])
    except yaml.YAMLError:
        return {}, source  # front_matter_problems and mkdocs report broken front matter
    return (meta if isinstance(meta, dict) else {}), source[found.end() :]


def front_matter_problems(page: Path, shown_as: Path) -> list[Problem]:
    """The front matter of a Markdown page, read with the same limits as data/ (mkdocs would take an alias bomb)."""
    try:
        text = page.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []  # the CPR guard and mkdocs report a page they cannot read
    match = _FRONT_MATTER.match(text)
    if match is None:
        return []
    block = match.group(1)
    try:
        if bad := _NOT_PRINTABLE.search(block):
            raise _Refused(block.count("\n", 0, bad.start()) + 1, _unprintable(bad.group()))
        _compose(block)
    except _Refused as refused:
        return [Problem(shown_as, f"{_FRONT} {refused.message}", refused.line + 1)]
    except yaml.MarkedYAMLError as error:
        line, message = syntax_problem(block, error)
        return [Problem(shown_as, f"{_FRONT} {message}", line + 1 if line else None)]
    return []


def _unprintable(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if char == "\ufeff":
        return f"der står et usynligt tegn ({code}, et byte order mark) midt i filen. Slet det."
    return (
        f"der står et styretegn ({code}), som ikke må stå i en tekstfil. Slet det; "
        "er filen ikke skrevet i en teksteditor, så opret den igen."
    )


def _compose(text: str) -> object:
    """The one document in `text` as LineDict, LineList and scalars, or _Refused at the first unaccepted shape."""
    root: object = None
    documents = 0
    # Each open collection: [container, key] where key is _NO_KEY while a mapping waits for its next key.
    stack: list[list] = []
    lines = text.splitlines() if "#" in text else []  # only a text with a '#' can hide a value's end
    for event in yaml.parse(text, Loader=_BaseLoader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Refused(line, _MESSAGES["documents"])
            if event.version or event.tags:
                raise _Refused(line, _MESSAGES["directive"])
            continue
        if isinstance(event, yaml.StreamStartEvent | yaml.StreamEndEvent | yaml.DocumentEndEvent):
            continue
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(line, _MESSAGES["anchor"])
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            continue
        _check_tag(event, line)
        if isinstance(event, yaml.ScalarEvent):
            if stack and isinstance(stack[-1][0], LineDict) and stack[-1][1] is _NO_KEY:
                stack[-1][1] = _key(event, stack[-1][0], line)
                continue
            value = _scalar(event, line)
            if not event.style and event.end_mark.line > event.start_mark.line:
                _check_continuation(text, event)
            if not event.style and lines:
                in_mapping = stack and isinstance(stack[-1][0], LineDict)
                _check_glued_comment(lines, event, stack[-1][1] if in_mapping else None)
        else:
            if stack and isinstance(stack[-1][0], LineDict) and stack[-1][1] is _NO_KEY:
                raise _Refused(line, _MESSAGES["complex_key"])
            if len(stack) >= MAX_DEPTH:
                raise _Refused(line, _MESSAGES["depth"])
            value = LineDict() if isinstance(event, yaml.MappingStartEvent) else LineList()
            value.line, value.lines = line, {} if isinstance(value, LineDict) else []
        if not stack:
            root = value
        elif isinstance(stack[-1][0], LineDict):
            container, key = stack[-1]
            container[key] = value
            stack[-1][1] = _NO_KEY
        else:
            stack[-1][0].append(value)
            stack[-1][0].lines.append(line)
        if isinstance(value, LineDict | LineList):
            stack.append([value, _NO_KEY])
    return root


_MESSAGES = {
    "documents": (
        "filen indeholder flere YAML-dokumenter adskilt af '---'. En datafil er ét dokument: slet '---' "
        "og læg det andet indhold i sin egen fil."
    ),
    "directive": "YAML-direktiver (linjer, der begynder med '%') bruges ikke i portalens filer. Slet linjen.",
    "anchor": (
        "YAML-ankre (&navn) og -henvisninger (*navn) bruges ikke i portalens filer. Skriv værdien ud, hvor den "
        "skal stå; er '&' eller '*' en del af teksten, så sæt hele teksten i anførselstegn."
    ),
    "complex_key": (
        "et feltnavn skal være et ord, ikke en liste eller en samling af felter. Skriv fx 'titel: …'; "
        "begynder en tekst med '[' eller '{', så sæt den i anførselstegn."
    ),
    "depth": (
        f"værdierne er lagt i mere end {MAX_DEPTH} niveauer inden i hinanden, og så dybt går ingen af portalens "
        "felter. Tjek indrykningen og parenteserne [ ] og { }."
    ),
    "merge": (
        "fletning med '<<' bruges ikke i portalens filer. Skriv felterne ud i hver post; er '<<' en del af "
        "en tekst, så sæt teksten i anførselstegn."
    ),
    "empty_key": "der står et kolon uden et feltnavn foran. Skriv feltets navn før kolonet, fx 'titel: …'.",
}


def _check_tag(event: yaml.Event, line: int) -> None:
    # A collection's tag is explicit only when `implicit` is false; a scalar's whenever it is set.
    tag = event.tag if isinstance(event, yaml.ScalarEvent) or not event.implicit else None
    if tag is None:
        return
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    raise _Refused(
        line,
        f"typeangivelsen '{shown}' bruges ikke i portalens filer. Slet den, og skriv værdien som almindelig "
        "tekst, dato (ÅÅÅÅ-MM-DD) eller tal; begynder teksten med '!', så sæt den i anførselstegn.",
    )


def _check_continuation(text: str, event: yaml.ScalarEvent) -> None:
    """A plain value that runs on over lines beginning with '- ' is a list item indented too far."""
    lines = text.splitlines()[event.start_mark.line + 1 : event.end_mark.line + 1]
    for number, line in enumerate(lines, event.start_mark.line + 2):
        if line.lstrip().startswith("- "):
            raise _Refused(
                number,
                "YAML-syntaksfejl: linjen er rykket længere ind end punktet over, så den læses som en fortsættelse af "
                "det. Ret indrykningen, så '- ' flugter med punkterne over.",
            )


_GLUED_COMMENT = re.compile(r"[ \t]+#\S")


def _check_glued_comment(lines: list[str], event: yaml.ScalarEvent, field: str | None) -> None:
    """After a value without quotes, ' #' starts a YAML comment: in 'Møde #3' the value would silently lose '#3'.
    A '#' glued to what follows is taken for part of the text and refused; '# ' (with a space) is a comment."""
    end = event.end_mark
    rest = lines[end.line][end.column :] if end.line < len(lines) else ""
    if _GLUED_COMMENT.match(rest):
        kept = f"kun '{event.value}'" if event.value else "tom"
        lost = rest.strip()
        whole = f"{event.value} {lost}".strip()
        where = f"i feltet '{field}' " if field else ""
        raise _Refused(
            end.line + 1,
            f"'{lost}' {where}læses som en kommentar i YAML, fordi der står et mellemrum før '#', så værdien "
            f"bliver {kept}. Hører '{lost}' til teksten, så sæt hele teksten i anførselstegn, fx \"{whole}\"; er det "
            "en kommentar, så skriv et mellemrum efter '#'.",
        )


def _key(event: yaml.ScalarEvent, mapping: LineDict, line: int) -> str:
    key = event.value
    plain = not event.style  # '' from libyaml, None from the Python parser
    if plain and key == "<<":
        raise _Refused(line, _MESSAGES["merge"])
    if plain and not key:
        raise _Refused(line, _MESSAGES["empty_key"])
    if key in mapping:
        raise _Refused(
            line,
            f"feltet '{key}' står to gange i samme post (også i linje {mapping.lines[key]}). Slet det ene; "
            "begynder en ny post i en liste her, så skriv '- ' foran linjen.",
        )
    mapping.lines[key] = line
    return key


def _scalar(event: yaml.ScalarEvent, line: int) -> object:
    value = event.value
    if event.style:  # quoted or a block scalar (| or >): always text
        if event.style == '"' and (bad := _NOT_PRINTABLE.search(value)):
            raise _Refused(
                line,
                f"teksten i anførselstegn giver et styretegn (U+{ord(bad.group()):04X}) via en omvendt skråstreg (\\). "
                "Skriv \\\\ for en omvendt skråstreg, eller brug enkelte anførselstegn.",
            )
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    try:
        if _INT.fullmatch(value):
            return int(value.replace("_", ""))
        if _FLOAT.fullmatch(value):
            return float(value.replace("_", ""))
    except ValueError:
        message = f"tallet '{value[:20]}…' er for langt til at læse. Er det tekst, så sæt det i anførselstegn."
        raise _Refused(line, message) from None
    return value


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
