"""The generated pages' own HTML split into search sections the way Material's search plugin splits a page.

Material reads every page with html.parser and an element-by-element Parser, which together were the
largest cost left in the build. The generated pages' HTML comes from macros/html.py and is simple
(lowercase tags, double-quoted attributes, no comments, headings only at the top level), so one regular
expression reads it and the rules of Material's Parser are applied directly; anything beyond that subset
gives None and is left to Material. tests/test_search_index.py checks that the sections are Material's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape

_TOKEN = re.compile(r'<(/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*(?:="[^"<>]*")?)*)>|([^<]+)')
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
# Material keeps these tags (without attributes) in a section's text, and drops empty ones.
_KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source"})
_VOID |= {"track", "wbr"}
# Tags and attributes that make Material skip content; a page with them is left to Material.
_SKIPPED = frozenset({"object", "script", "style"})
_SKIP_MARKS = ("data-search-exclude", 'class="linenodiv"')


@dataclass
class SearchSection:
    """A heading and what follows it, as Material's search Parser collects them ('hx': the text before any)."""

    tag: str
    depth: int
    id: str | None = None
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


def _attribute(attributes: str, name: str) -> str | None:
    found = re.search(rf'\s{name}="([^"]*)"', attributes)
    return unescape(found.group(1)) if found else None


def search_sections(html: str) -> list[SearchSection] | None:
    """The sections of `html` as Material's search Parser makes them, or None for HTML beyond the simple subset."""
    sections: list[SearchSection] = []
    section: SearchSection | None = None
    context: list[str] = []
    in_permalink = False
    position = 0
    for match in _TOKEN.finditer(html):
        if match.start() != position:
            return None
        position = match.end()
        closing, tag, attributes, data = match.groups()
        if data is None and (tag in _SKIPPED or any(mark in attributes for mark in _SKIP_MARKS)):
            return None
        if data is not None:
            data = unescape(data)
            if "pre" not in context:
                data = " " if data.isspace() else data.replace("\n", " ")
            if section is None:
                section = SearchSection("hx", 0)
                sections.append(section)
            if section.tag in context:
                if not in_permalink:
                    section.title.append(escape(data, quote=False))
            elif data.isspace():
                if not section.text or not section.text[-1].isspace() or "pre" in context:
                    section.text.append(data)
            else:
                section.text.append(escape(data, quote=False))
        elif not closing:
            if tag in _VOID:
                continue
            context.append(tag)
            if tag in _HEADINGS:
                anchor = _attribute(attributes, "id")
                if anchor is not None:
                    if len(context) != 1:  # a heading inside another element: Material's nesting rules apply
                        return None
                    if tag != "h1" and not sections:
                        sections.append(SearchSection("hx", 1))
                    section = SearchSection(tag, 1, anchor if sections else None)
                    sections.append(section)
            if tag == "a" and _attribute(attributes, "class") == "headerlink":
                in_permalink = True
            if section is None:
                section = SearchSection("hx", 0)
                sections.append(section)
            if tag in _KEEP:
                (section.title if section.tag in context else section.text).append(f"<{tag}>")
        else:
            if attributes:
                return None
            if not context or context[-1] != tag:
                continue
            context.pop()
            if tag == "a":
                in_permalink = False
            if tag in _KEEP and section is not None:
                data_list = section.title if section.tag in context else section.text
                if f"<{tag}>" not in data_list:  # opened in a title, closed in a text: not our HTML
                    return None
                start = data_list.index(f"<{tag}>")
                if all(item.isspace() for item in data_list[start + 1 :]):
                    del data_list[start:]
                else:
                    data_list.append(f"</{tag}>")
    return sections if position == len(html) else None
