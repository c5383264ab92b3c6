"""A YAML syntax error as one Danish line: the line a person must fix, and what to write there.

The parser notices a mistake where it cannot go on, which is often a line after the one to fix (a forgotten
colon is found on the next line, an unclosed quote at the end of the file). These rules look at the error and
at the text together to name the line that needs the change and the usual cause.
"""

from __future__ import annotations

import re

import yaml

PREFIX = "YAML-syntaksfejl: "

# "  - navn: værdi" → indentation, the "- " of a list item, the key, and the value.
_KEY_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<dash>-[ \t]+)?"
    r"(?P<key>[^\s:#'\"\[\]{}][^:#]*?|\"[^\"]*\"|'[^']*'):(?:[ \t]+(?P<value>.*?))?\s*$"
)
_SPECIAL_START = "@`%*&!|>"

_GENERIC = (
    "filen kan ikke læses her. Tjek indrykningen (mellemrum, ikke tabulator), at hvert feltnavn har et kolon "
    "efter sig, og at tekst med ': ', ' #' eller et af tegnene [ ] { } \" ' i starten står i anførselstegn."
)


def syntax_problem(text: str, error: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """(line, message) for a parser error in `text`; the line is 1-based."""
    lines = text.splitlines() or [""]
    problem = (error.problem or "").lower()
    context = (error.context or "").lower()
    at = _position(error.problem_mark, lines)
    since = _position(error.context_mark, lines) or at
    if at is None:
        return None, PREFIX + _GENERIC
    rules = (
        _depth,
        _tab,
        _missing_colon,
        _quote,
        _swallowing_quote,
        _escape,
        _bracket,
        _empty_key,
        _no_space_after_colon,
        _special_start,
        _colon_in_value,
        _dash,
        _indent,
    )
    for rule in rules:
        found = rule(lines, problem, context, at, since)
        if found is not None:
            line, message = found
            return line + 1, PREFIX + message
    return at[0] + 1, PREFIX + _GENERIC


def _position(mark, lines: list[str]) -> tuple[int, int] | None:
    if mark is None:
        return None
    line = min(mark.line, len(lines) - 1)
    return line, mark.column


def _indentation(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _content_lines_before(lines: list[str], index: int) -> list[int]:
    """Indexes of the lines before `index` that hold more than a comment, nearest first."""
    return [i for i in range(index - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")]


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _depth(lines, problem, context, at, since):
    if "nesting depth" in problem or "increasing" in context:
        return at[0], (
            "værdierne er lagt i for mange niveauer inden i hinanden, og så dybt går ingen af portalens felter. "
            "Tjek indrykningen og parenteserne [ ] og { }."
        )
    return None


_OPENS_QUOTE = re.compile(
    r"^(?P<indent>\s*)(?P<dash>-\s+)?(?:[^\s:#'\"\[\]{}-][^:#]*?:\s+)?(?P<quote>[\"'])(?P<rest>.*)$"
)


def _swallowing_quote(lines, problem, context, at, since):
    """A quote left open on an earlier line that ran on over the next field or item and was closed later."""
    for index in range(at[0]):
        match = _OPENS_QUOTE.match(lines[index])
        if not match or _closes(match.group("quote"), match.group("rest")):
            continue
        indent = len(match.group("indent"))
        for later in range(index + 1, at[0] + 1):
            other = _OPENS_QUOTE.match(lines[later]) or _KEY_LINE.match(lines[later])
            if other and len(other.group("indent")) == indent:
                return _quote(lines, problem, "quoted scalar", at, (index, match.start("quote")))
    return None


def _closes(quote: str, rest: str) -> bool:
    """Whether the text after an opening quote closes it on the same line."""
    text = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
    return quote in text


_GLUED = re.compile(r"^\s*(?:-\s+)?(?P<key>[^\s:#'\"\[\]{}-][^\s:#]*):(?P<value>[^\s:/][^:]*)$")


def _no_space_after_colon(lines, problem, context, at, since):
    """'titel:Oplæg' on the line of the error or the one before it: YAML needs a space after the colon."""
    for index in [at[0], *_content_lines_before(lines, at[0])[:1]]:
        match = _GLUED.match(lines[index])
        if match:
            return index, (
                f"der mangler et mellemrum efter kolonet. Skriv '{match.group('key')}: {_short(match.group('value'))}'."
            )
    return None


def _empty_key(lines, problem, context, at, since):
    if lines[at[0]].lstrip().startswith(":"):
        return at[0], "der står et kolon uden et feltnavn foran. Skriv feltets navn før kolonet, fx 'titel: …'."
    return None


def _tab(lines, problem, context, at, since):
    last = max(at[0], since[0])
    for index in range(last + 1):
        if "\t" in _indentation(lines[index]):
            return index, (
                "der står et tabulatortegn i indrykningen. Ryk ind med mellemrum i stedet "
                "(to mellemrum pr. niveau, som i linjerne omkring)."
            )
    return None


def _missing_colon(lines, problem, context, at, since):
    if "expected ':'" not in problem or "simple key" not in context:
        return None
    index = since[0]
    content = lines[index].strip()
    dash = ""
    if content.startswith("- "):
        dash, content = "- ", content[2:].lstrip()
    word, _, rest = content.partition(" ")
    example = f"{dash}{word}: {rest.strip()}".rstrip()
    return index, f"der mangler et kolon efter feltnavnet. Skriv '{example}' (kolon og et mellemrum efter navnet)."


def _quote(lines, problem, context, at, since):
    if "quoted scalar" not in context or "escape" in problem:
        return None
    quote = lines[since[0]][since[1] : since[1] + 1] or '"'
    return since[0], (
        f"anførselstegnet {quote} i denne linje bliver ikke lukket. Sæt et {quote} til sidst i teksten; "
        f"står der et {quote} inde i teksten, så brug den anden slags anførselstegn omkring den."
    )


def _escape(lines, problem, context, at, since):
    if "escape" not in problem:
        return None
    return at[0], (
        "en omvendt skråstreg (\\) i tekst i dobbelte anførselstegn indleder et specialtegn. Skriv \\\\ for en "
        "omvendt skråstreg, eller sæt teksten i enkelte anførselstegn ('…')."
    )


def _bracket(lines, problem, context, at, since):
    if "flow sequence" in context or "flow mapping" in context:
        opening = "[" if "sequence" in context else "{"
        closing = "]" if opening == "[" else "}"
        return since[0], (
            f"'{opening}' i denne linje bliver ikke lukket med '{closing}'. Tilføj '{closing}' til sidst i "
            f"værdien; er '{opening}' en del af teksten, så sæt hele teksten i anførselstegn."
        )
    return None


def _special_start(lines, problem, context, at, since):
    index, column = at
    words = ("alias", "anchor", "tag", "directive", "next token", "block scalar")
    if not any(word in context for word in words) and not any(
        word in problem for word in ("cannot start any token", "directive", "tag handle")
    ):
        return None
    if any(word in context for word in ("alias", "anchor", "tag", "block scalar", "directive")):
        index, column = since
    line = lines[index]
    char = line[column : column + 1] if column < len(line) else ""
    if char not in _SPECIAL_START:
        stripped = line.lstrip()
        match = _KEY_LINE.match(line)
        value = (match.group("value") or "") if match else stripped
        char = value[:1] or stripped[:1]
    match = _KEY_LINE.match(line)
    example = f'{match.group("key")}: "{_short(match.group("value"))}"' if match and match.group("value") else '"…"'
    return index, (
        f"en værdi kan ikke begynde med '{char}'. Sæt hele teksten i anførselstegn, fx {example}." if char else _GENERIC
    )


def _colon_in_value(lines, problem, context, at, since):
    if "mapping values are not allowed" not in problem:
        return None
    index, column = at
    line = lines[index]
    match = _KEY_LINE.match(line[:column] + ":")
    before = line[:column]
    first_colon = before.find(": ")
    if first_colon != -1 and first_colon < column and not (match and match.end("key") == column):
        key = before[:first_colon].strip().removeprefix("- ").strip()
        value = line[first_colon + 1 :].strip()
        return index, (
            f"værdien indeholder ': ', som YAML læser som et nyt felt. Sæt hele værdien i anførselstegn, "
            f'fx {key}: "{_short(value)}".'
        )
    return index, _indent_message(lines, index)


def _dash(lines, problem, context, at, since):
    index = at[0]
    if "block sequence entries are not allowed" in problem:
        return index, (
            "en liste ('- ') kan ikke begynde på samme linje som feltnavnet. Skriv hvert punkt på sin egen linje "
            "under feltet, rykket ind, eller skriv listen som [a, b]; er '-' en del af teksten, så sæt den i "
            "anførselstegn."
        )
    if "block mapping" in context and lines[index].lstrip().startswith("- "):
        return index, (
            "en listelinje ('- ') står, hvor der skulle stå et felt. Ryk den ind under det felt, listen hører til."
        )
    return None


def _indent(lines, problem, context, at, since):
    index, column = at
    line = lines[index]
    match = _KEY_LINE.match(line)
    value = (match.group("value") or "") if match else ""
    if value[:1] in ('"', "'", "[", "{") and column > match.start("value"):
        closing = {"[": "]", "{": "}"}.get(value[0], value[0])
        if value[0] == '"':
            example = f"'{_short(value.strip(chr(34)))}'"
        elif value[0] == "'":
            example = f'"{_short(value.strip(chr(39)))}"'
        else:
            example = f'"{_short(value)}"'
        return index, (
            f"værdien fortsætter efter det afsluttende {closing}. Sæt hele værdien i den anden slags "
            f"anførselstegn, fx {match.group('key')}: {example}."
        )
    words = ("expected key", "'-' indicator", "block end", "document start")
    if "block" in context or any(word in problem for word in words):
        return index, _indent_message(lines, index)
    return None


def _indent_message(lines: list[str], index: int) -> str:
    here = len(_indentation(lines[index]))
    before = _content_lines_before(lines, index)
    if before:
        above = len(_indentation(lines[before[0]]))
        if lines[before[0]].lstrip().startswith("- "):
            above += 2
        if here > above:
            return (
                "linjen er rykket længere ind end felterne over den. Ret indrykningen, så feltet flugter med "
                "de andre felter i samme post (eller sæt et kolon efter feltnavnet i linjen over)."
            )
    return (
        "indrykningen passer ikke med linjerne over. Ret den, så feltet flugter med de andre felter i samme "
        "post; en ny post i en liste begynder med '- '."
    )
