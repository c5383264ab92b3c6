"""Turn data values into Markdown that shows them as plain text, and link between pages."""

from __future__ import annotations

import posixpath
import re
import unicodedata

from markdown.extensions.toc import slugify
from markupsafe import escape

# æ, ø and å written out, as the project's ids and file names write them: 'Følgegruppen' -> 'foelgegruppen'.
DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})

# Characters that Markdown, its extensions or Jinja read as syntax anywhere in running text. None of them
# occurs in what markupsafe's escape() writes (&amp; &lt; &gt; &#34; &#39;), so nothing is encoded twice.
_INLINE_SYNTAX = str.maketrans({char: f"&#{ord(char)};" for char in "\\`*_{}[]|~"})
# Block syntax counts only at the start of a line: a heading, a list item, a definition, a numbered item.
_LINE_START = re.compile(r"^(?:[#+\-:=%$!]|\d+[.)])")


def md(value: object) -> str:
    """`value` as inert Markdown on one line: HTML-escaped, every character Markdown reads as syntax encoded."""
    text = str(escape(" ".join(str(value).split()))).translate(_INLINE_SYNTAX)
    start = _LINE_START.match(text)
    if start:
        text = "".join(f"&#{ord(char)};" for char in start.group()) + text[start.end() :]
    return text


def heading_slug(value: str, separator: str) -> str:
    """A heading's id as Markdown's toc extension makes it, but with æ, ø and å spelled out, not dropped
    (Markdown's own slugify gives 'konomi' for 'Økonomi'; this gives 'oekonomi')."""
    return slugify(unicodedata.normalize("NFC", value).translate(DANISH_LETTERS), separator)


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


def page_url(path: str) -> str:
    """The built URL of a docs .md path, as MkDocs writes it with use_directory_urls (checked in hooks.py)."""
    stem = path.removesuffix(".md")
    return stem.removesuffix("index") if posixpath.basename(stem) == "index" else f"{stem}/"


def href(here: str, target: str) -> str:
    """The relative URL from the built page of `here` to `target`: a docs .md path (its page) or a file."""
    destination = page_url(target) if target.endswith(".md") else target
    relative = relative_path(destination, page_url(here))
    return f"{relative}/" if destination.endswith("/") or not destination else relative


def relative_path(destination: str, start: str) -> str:
    """posixpath.relpath for two site-relative paths without '.' or '..' parts, without its calls to getcwd."""
    to = destination.strip("/").split("/") if destination.strip("/") else []
    at = start.strip("/").split("/") if start.strip("/") else []
    common = 0
    while common < min(len(to), len(at)) and to[common] == at[common]:
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) or "."
