"""A page's HTML split into search sections the way Material's search plugin splits it.

Material reads every page with html.parser and an element-by-element Parser, which together were the
largest cost left in the build. Most of the site's HTML is simple (lowercase tags, double-quoted
attributes, no comments), so one regular expression reads it and the rules of Material's Parser are
applied directly; anything beyond that subset, or a heading inside another element, gives None and is left
to Material. tests/test_search_index.py checks that the sections are Material's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape

_TOKEN = re.compile(r'<(/?)([a-z][a-z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9:_-]*(?:="[^"<>]*")?)*)\s*(/?)>|([^<]+)')
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
    # html.parser lowercases attribute names, and the last of two equal names wins.
    found = re.findall(rf'\s{name}="([^"]*)"', attributes, re.IGNORECASE)
    return unescape(found[-1]) if found else None


class _NotSimple(Exception):
    """The HTML is beyond the subset this module reads."""


class _Splitter:
    """Material's search Parser, rule for rule, for HTML already split into tags and text."""

    def __init__(self) -> None:
        self.sections: list[SearchSection] = []
        self.section: SearchSection | None = None
        self.context: list[str] = []
        self.in_permalink = False

    def _current(self) -> SearchSection:
        if self.section is None:  # text before any heading: the page's preface
            self.section = SearchSection("hx", 0)
            self.sections.append(self.section)
        return self.section

    def _kept(self) -> list[str]:
        section = self._current()
        return section.title if section.tag in self.context else section.text

    def start(self, tag: str, attributes: str) -> None:
        if tag in _SKIPPED or any(mark in attributes for mark in _SKIP_MARKS):
            raise _NotSimple
        if tag in _VOID:
            return
        self.context.append(tag)
        if tag in _HEADINGS and (anchor := _attribute(attributes, "id")) is not None:
            if len(self.context) != 1:  # a heading inside another element: Material's nesting rules apply
                raise _NotSimple
            if tag != "h1" and not self.sections:
                self.sections.append(SearchSection("hx", 1))
            self.section = SearchSection(tag, 1, anchor if self.sections else None)
            self.sections.append(self.section)
        if tag == "a" and _attribute(attributes, "class") == "headerlink":
            self.in_permalink = True
        kept = self._kept()
        if tag in _KEEP:
            kept.append(f"<{tag}>")

    def end(self, tag: str) -> None:
        if not self.context or self.context[-1] != tag:
            return
        self.context.pop()
        if tag == "a":
            self.in_permalink = False
        if tag in _KEEP:
            kept = self._kept()
            if f"<{tag}>" not in kept:  # opened in a title, closed in a text: not our HTML
                raise _NotSimple
            opened = kept.index(f"<{tag}>")
            if all(item.isspace() for item in kept[opened + 1 :]):
                del kept[opened:]
            else:
                kept.append(f"</{tag}>")

    def text(self, data: str) -> None:
        data = unescape(data)
        if "pre" not in self.context:
            data = " " if data.isspace() else data.replace("\n", " ")
        section = self._current()
        if section.tag in self.context:
            if not self.in_permalink:
                section.title.append(escape(data, quote=False))
        elif data.isspace():
            if not section.text or not section.text[-1].isspace() or "pre" in self.context:
                section.text.append(data)
        else:
            section.text.append(escape(data, quote=False))


def search_sections(html: str) -> list[SearchSection] | None:
    """The sections of `html` as Material's search Parser makes them, or None for HTML beyond the simple subset."""
    splitter = _Splitter()
    position = 0
    try:
        for match in _TOKEN.finditer(html):
            if match.start() != position:
                return None
            position = match.end()
            closing, tag, attributes, self_closing, data = match.groups()
            if data is not None:
                splitter.text(data)
            elif closing:
                if attributes or self_closing:
                    return None
                splitter.end(tag)
            else:
                splitter.start(tag, attributes)
                if self_closing:  # html.parser reads <x/> as <x></x>
                    splitter.end(tag)
    except _NotSimple:
        return None
    return splitter.sections if position == len(html) else None
