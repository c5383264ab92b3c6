"""The text a style sheet can put on a page: the strings of its declarations, as a browser reads them."""

from __future__ import annotations

import tinycss2


def declared_strings(css: str) -> list[str]:
    """Per declaration of any property, in order, its strings joined as CSS joins them (`content: "0101" "90"`
    shows "010190"), escapes decoded and continued lines joined by the tokenizer. Every property is read, not
    only `content`: `quotes`, `list-style-type` and what comes next show strings too."""
    found: list[str] = []
    _collect(tinycss2.parse_component_value_list(css), found)
    return found


def _collect(tokens: list, found: list[str]) -> None:
    # Strings in a selector's [attr="x"] or a function's arguments (attr(), counter(), url()) are no text of the
    # page, so only a block's own strings count; the style sheet as written is read as well.
    strings: list[str] = []
    for token in tokens:
        if token.type == "string":
            strings.append(token.value)
        elif token.type == "literal" and token.value in (";", "}"):
            _flush(strings, found)
        elif token.type == "{} block":
            _flush(strings, found)
            _collect(token.content, found)
    _flush(strings, found)


def _flush(strings: list[str], found: list[str]) -> None:
    if strings:
        found.append("".join(strings))
        strings.clear()
