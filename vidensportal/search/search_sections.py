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

_NAME = r"[a-zA-Z][a-zA-Z0-9:_-]*"
_TOKEN = re.compile(rf'<(/?)([a-z][a-z0-9]*)((?:\s+{_NAME}(?:="[^"<>]*")?)*)\s*(/?)>|([^<]+)')
_ATTRIBUTE = re.compile(rf'\s+({_NAME})(?:="([^"]*)")?')
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
# Material keeps these tags (without attributes) in a section's text, and drops empty ones.
_KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source"})
_VOID |= {"track", "wbr"}
# Elements Material skips, and elements whose content html.parser reads as raw text in some Python releases
# and not in others: a page with any of them is left to Material.
_NOT_SIMPLE = frozenset({"object", "script", "style", "iframe", "noembed", "noframes", "noscript", "plaintext"})
_NOT_SIMPLE |= {"textarea", "title", "xmp"}


@dataclass
class SearchSection:
    """A heading and what follows it, as Material's search Parser collects them ('hx': the text before any)."""

    tag: str
    depth: int
    id: str | None = None
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


def _attributes(text: str) -> dict[str, str | None]:
    """Attributes as html.parser gives them to Material: names lowercased, values unescaped, the last one wins."""
    found = _ATTRIBUTE.finditer(text)
    return {m[1].lower(): None if m[2] is None else unescape(m[2]) for m in found}


class _NotSimple(Exception):
    """The HTML is beyond the subset this module reads."""


class _Splitter:
    """Material's search Parser, rule for rule, for HTML already split into tags and text."""

    def __init__(self) -> None:
        self.sections: list[SearchSection] = []
        self.section: SearchSection | None = None
        self.context: list[str] = []
        self.permalinks: list[bool] = []  # for each open element: is it a heading's permalink?

    def _current(self) -> SearchSection:
        if self.section is None:  # text before any heading: the page's preface
            self.section = SearchSection("hx", 0)
            self.sections.append(self.section)
        return self.section

    def _kept(self) -> list[str]:
        section = self._current()
        return section.title if section.tag in self.context else section.text

    def start(self, tag: str, attribute_text: str) -> None:
        if tag in _NOT_SIMPLE:
            raise _NotSimple
        attributes = _attributes(attribute_text) if attribute_text else {}
        if "data-search-exclude" in attributes or attributes.get("class") == "linenodiv":
            raise _NotSimple  # Material skips the element's content
        if tag in _VOID:
            return
        self.context.append(tag)
        self.permalinks.append(tag == "a" and attributes.get("class") == "headerlink")
        if tag in _HEADINGS and "id" in attributes:
            if len(self.context) != 1:  # a heading inside another element: Material's nesting rules apply
                raise _NotSimple
            if tag != "h1" and not self.sections:
                self.sections.append(SearchSection("hx", 1))
            self.section = SearchSection(tag, 1, attributes["id"] if self.sections else None)
            self.sections.append(self.section)
        kept = self._kept()
        if tag in _KEEP:
            kept.append(f"<{tag}>")

    def end(self, tag: str) -> None:
        if not self.context or self.context[-1] != tag:
            return
        self.context.pop()
        self.permalinks.pop()
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
            if not any(self.permalinks):
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
