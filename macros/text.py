"""Turn data values into Markdown that shows them as plain text, and link between pages."""

from __future__ import annotations

import posixpath
import re

from markupsafe import escape

# Characters that Markdown, its extensions or Jinja would read as syntax inside running text.
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_{}\[\]()#+\-.!|~^=:$%]")


def md(value: object) -> str:
    """`value` as inert Markdown: HTML-escaped, syntax characters as entities, one line."""
    text = " ".join(str(escape(value)).split())
    return _MARKDOWN_SYNTAX.sub(lambda m: f"&#{ord(m.group())};", text)


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
