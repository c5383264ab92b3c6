"""Turn data values into Markdown that shows them as plain text, and link between pages."""

from __future__ import annotations

import posixpath

from markupsafe import escape

# Characters that Markdown, its extensions or Jinja would read as syntax inside running text.
_MARKDOWN_SYNTAX = {char: f"&#{ord(char)};" for char in "\\`*_{}[]()#+-.!|~^=:$%"}


def md(value: object) -> str:
    """`value` as inert Markdown on one line: Markdown syntax as numeric entities, the rest HTML-escaped."""
    # Character by character, so the '#' of an entity that escape() writes is never encoded a second time.
    return "".join(_MARKDOWN_SYNTAX.get(char) or str(escape(char)) for char in " ".join(str(value).split()))


def attr(value: object) -> str:
    """`value` escaped for an HTML attribute or a Material front-matter field."""
    return str(escape(" ".join(str(value).split())))


def link(here: str, target: str, label: object) -> str:
    """A Markdown link from the page `here` to the page `target` (both docs-relative .md paths)."""
    relative = posixpath.relpath(target, posixpath.dirname(here) or ".")
    return f"[{md(label)}]({relative})"


def bullets(lines: list[str], empty: str) -> str:
    """A Markdown list of already-rendered lines, or the Danish sentence `empty` when none."""
    if not lines:
        return f"*{empty}*"
    return "\n".join(f"- {line}" for line in lines)
