"""The site's abbreviations (EAS, DKS, CUKU …), taken from the parties and forvaltninger in data/, never typed twice.

Markdown pages get them from Python-Markdown's abbr extension, fed with glossary(); HTML that does not pass
through Markdown (the generated pages, HTML that macros write) gets the same <abbr> from with_abbreviations().
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markupsafe import escape

from vidensportal.catalog import Catalog
from vidensportal.content.text import link, md
from vidensportal.errors import Problem
from vidensportal.paths import party_page


@dataclass(frozen=True)
class Abbreviation:
    """'EAS' stands for 'Efterretnings- og Analysesektion', which belongs to 'Københavns Politi'."""

    short: str
    meaning: str
    belongs_to: str
    page: str | None  # the party's page, when the abbreviation is a party's
    source: str  # the data file that states it, for error messages
    entry: str

    @property
    def title(self) -> str:
        """What a reader sees when pointing at the abbreviation."""
        return f"{self.meaning} ({self.belongs_to})"


def abbreviations(catalog: Catalog) -> list[Abbreviation]:
    """Every abbreviation data/ states for a party or a forvaltning, in alphabetical order."""
    found = []
    for party in catalog.parties.values():
        if party.abbreviation:
            authority = catalog.authorities[party.authority].name
            department = catalog.departments.get(party.parent or "")
            where = f"{department.name}, {authority}" if department else authority
            found.append(
                Abbreviation(
                    party.abbreviation, party.name, where, party_page(party.id), f"data/parter/{party.id}.yml", party.id
                )
            )
    for department in catalog.departments.values():
        if department.abbreviation:
            authority = catalog.authorities[department.authority].name
            found.append(
                Abbreviation(
                    department.abbreviation, department.name, authority, None, "data/organisation.yml", department.id
                )
            )
    return sorted(found, key=lambda a: (a.short.casefold(), a.short))


def duplicate_problems(found: list[Abbreviation]) -> list[Problem]:
    """A Danish problem for each abbreviation that two entries both claim: a reader could not tell them apart."""
    first: dict[str, Abbreviation] = {}
    problems = []
    for item in found:
        if item.short in first:
            other = first[item.short]
            problems.append(
                Problem(
                    Path(item.source),
                    f"forkortelsen '{item.short}' bruges allerede af '{other.entry}' ({other.source}). "
                    "Vælg en anden forkortelse.",
                    entry=f"'{item.entry}'",
                    field="forkortelse",
                )
            )
        else:
            first[item.short] = item
    return problems


def glossary(found: list[Abbreviation]) -> dict[str, str]:
    """Abbreviation → title, as the abbr extension's `glossary` option takes it (the first entry wins)."""
    result: dict[str, str] = {}
    for item in found:
        result.setdefault(item.short, item.title)
    return result


# Text inside these elements is left as it is: code, scripts, an existing <abbr>, SVG (which has no <abbr>) and
# the parts of a form that hold text only (a filter's <option>); so is a comment.
_SKIP = frozenset({"code", "pre", "kbd", "samp", "script", "style", "abbr", "svg", "textarea", "title"})
_SKIP |= {"select", "option", "optgroup", "datalist"}
_WORD = re.compile(r"\w")
_LEFT_ALONE = re.compile(rf"<!--.*?-->|<(/?)({'|'.join(sorted(_SKIP))})\b[^>]*>", re.DOTALL | re.IGNORECASE)


@lru_cache(maxsize=8)
def _marking(terms: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern that finds the abbreviations in HTML text, and each one's <abbr>; worked out once per build."""
    # Longest first, so that a longer abbreviation is not cut short by a shorter one it begins with.
    shorts = sorted((short for short, _ in terms), key=len, reverse=True)
    # No \b in front: a pattern that starts with its words is searched for far faster (_starts_word checks it).
    pattern = re.compile(rf"(?:{'|'.join(re.escape(str(escape(s))) for s in shorts)})\b")
    return pattern, {str(escape(s)): f'<abbr title="{escape(title)}">{escape(s)}</abbr>' for s, title in terms}


def _left_alone(html: str) -> tuple[list[int], list[int]]:
    """The starts and ends of the stretches of `html` whose text keeps its abbreviations as they are: comments
    and the elements of _SKIP, nested or not (an element left open runs to the end)."""
    starts, ends, open_tags = [], [], []
    for found in _LEFT_ALONE.finditer(html):
        closing, tag = found[1], (found[2] or "").lower()
        if not tag:  # a comment
            if not open_tags:
                starts.append(found.start())
                ends.append(found.end())
        elif not closing and not found[0].endswith("/>"):
            if not open_tags:
                starts.append(found.start())
            open_tags.append(tag)
        elif closing and open_tags and open_tags[-1] == tag:
            open_tags.pop()
            if not open_tags:
                ends.append(found.end())
    if open_tags:
        ends.append(len(html))
    return starts, ends


def _starts_word(html: str, position: int) -> bool:
    """Whether a word boundary (regex \\b) lies just before `position`."""
    before = position > 0 and _WORD.match(html, position - 1) is not None
    return before != (_WORD.match(html, position) is not None)


def _in_tag(html: str, position: int) -> bool:
    """Whether `position` is inside a tag (its name or attributes), not in text."""
    return html.rfind("<", 0, position) > html.rfind(">", 0, position)


def with_abbreviations(html: str, terms: Mapping[str, str]) -> str:
    """`html` with each abbreviation of `terms` in running text wrapped in <abbr title="…">, as the abbr
    extension wraps it in Markdown; tags, attributes, comments and the text of the elements in _SKIP are left
    alone. Only the abbreviations found are looked at, not every tag of the page."""
    if not terms:
        return html
    pattern, by_text = _marking(tuple(terms.items()))
    found = [m for m in pattern.finditer(html) if _starts_word(html, m.start()) and not _in_tag(html, m.start())]
    if not found:
        return _for_print(html)
    starts, ends = _left_alone(html)
    out, done = [], 0
    for match in found:
        stretch = bisect_right(starts, match.start()) - 1
        if stretch >= 0 and match.start() < ends[stretch]:
            continue
        out += [html[done : match.start()], by_text[match[0]]]
        done = match.end()
    if not out:
        return _for_print(html)
    out.append(html[done:])
    return _for_print("".join(out))


# Material moves an abbreviation's title into its tooltip when the page loads, so paper reads a copy of it.
_ABBR_TITLE = re.compile(r'<abbr title="([^"]*)">')


def _for_print(html: str) -> str:
    """Every <abbr title="…"> also carries its meaning in data-vp-print, which print.css spells out on paper."""
    return _ABBR_TITLE.sub(r'<abbr title="\1" data-vp-print="\1">', html) if "<abbr" in html else html


def abbreviations_table(catalog: Catalog, here: str) -> str:
    """The Forkortelser page: each abbreviation, what it stands for (linked to the party's page), where it belongs."""
    found = abbreviations(catalog)
    if not found:
        return "*Der er ingen forkortelser i portalens data.*"
    rows = ["| Forkortelse | Betydning | Hører under |", "|---|---|---|"]
    for item in found:
        meaning = link(here, item.page, item.meaning) if item.page else md(item.meaning)
        rows.append(f"| {md(item.short)} | {meaning} | {md(item.belongs_to)} |")
    return "\n".join(rows)
