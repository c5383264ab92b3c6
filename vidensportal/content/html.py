"""HTML for the generated pages: small builders that escape every value that is not already Markup.

The generated pages are written as HTML, not Markdown: Markdown's passes over a thousand pages were most
of the build time (see make bench). The HTML is what Python-Markdown writes for the same content, so the
pages look and behave like the Markdown ones.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from html import unescape

from markdown.extensions.toc import unique
from markupsafe import Markup, escape

from vidensportal.content.text import heading_slug, href
from vidensportal.numbers import Noun

# The same as toc.permalink_title in mkdocs.yml (tests/test_text.py checks that they agree).
PERMALINK_TITLE = "Link til dette afsnit"


def _markup(html: str) -> Markup:
    # Every builder below puts a value into its HTML only through escape() (which leaves Markup as it is)
    # or text(); f-strings with escape() are several times faster than Markup's own formatting.
    return Markup(html)  # noqa: S704 -- see above


def text(value: object) -> Markup:
    """A data value as HTML text on one line, whitespace folded as Markdown would fold it."""
    return escape(" ".join(str(value).split()))


def link(here: str, target: str, label: object) -> Markup:
    """A link from the page `here` to `target` (a docs .md path or a file), its label escaped."""
    return _markup(f'<a href="{escape(href(here, target))}">{text(label)}</a>')


def mailto(address: str) -> Markup:
    """A mailto link that shows the address, escaped in the attribute and in the text."""
    return _markup(f'<a href="mailto:{escape(address)}">{text(address)}</a>')


def paragraph(content: object) -> Markup:
    """A paragraph of Markup, or of a data value as text()."""
    return _markup(f"<p>{content if isinstance(content, Markup) else text(content)}</p>")


def empty_note(sentence: str) -> Markup:
    """A Danish sentence saying that something has no entries, in italics."""
    return _markup(f"<p><em>{escape(sentence)}</em></p>")


def bullet_list(items: list[Markup], empty: str = "") -> Markup:
    """A list of already-escaped items, or the sentence `empty` in italics when there are none."""
    if not items:
        return empty_note(empty) if empty else Markup("")
    return _markup("<ul>\n" + "\n".join(f"<li>{escape(item)}</li>" for item in items) + "\n</ul>")


def facts(pairs: list[tuple[str, object]]) -> Markup:
    """A facts block: a list of 'Label: value' lines with the label in bold."""
    return bullet_list([_markup(f"<strong>{escape(label)}:</strong> {escape(value)}") for label, value in pairs])


def admonition(kind: str, title: str, body: object) -> Markup:
    """A Material admonition box, as Markdown's admonition extension writes it."""
    return _markup(
        f'<div class="admonition {escape(kind)}">\n<p class="admonition-title">{escape(title)}</p>\n'
        f"{paragraph(body)}\n</div>"
    )


def table(header: list[str], rows: list[list[Markup]]) -> Markup:
    """A table laid out as Markdown's tables extension writes it, a line per tag, so search text keeps its spaces."""
    head = "".join(f"<th>{escape(cell)}</th>\n" for cell in header)
    body = "".join("<tr>\n" + "".join(f"<td>{escape(cell)}</td>\n" for cell in row) + "</tr>\n" for row in rows)
    return _markup(f"<table>\n<thead>\n<tr>\n{head}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>")


@cache  # the same section names come back on every page
def _slug(name: str) -> str:
    return heading_slug(name, "-")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    name: str  # escaped HTML, as Markdown's toc extension gives it


@dataclass
class Body:
    """A page body built from HTML blocks; headings get Markdown's ids and are remembered for the contents.

    The bodies of one page share `ids`, so that no id is used twice on the page."""

    parts: list[Markup] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def heading(self, level: int, title: object) -> Body:
        name = text(title)
        anchor = unique(_slug(name.unescape()), self.ids)
        self.headings.append(Heading(level, anchor, str(name)))
        link = f'<a class="headerlink" href="#{escape(anchor)}" title="{escape(PERMALINK_TITLE)}">&para;</a>'
        self.parts.append(_markup(f'<h{level:d} id="{escape(anchor)}">{name}{link}</h{level:d}>'))
        return self

    def add(self, *blocks: Markup | None) -> Body:
        self.parts += [b for b in blocks if b]
        return self

    def section(self, title: str, content: Markup | None) -> Body:
        """A level-2 heading and its content; nothing at all when the content is None."""
        return self if content is None else self.heading(2, title).add(content)

    def html(self) -> str:
        return str(Markup("\n").join(self.parts))


_HEADING_ID = re.compile(r'(<h[1-6][^>]*?\sid="|<a class="headerlink" href="#)([^"]*)(")')


def flat_toc_tokens(items) -> list[dict]:
    """A builder's table of contents (items with level, id, title and children, nested) as flat tokens."""
    return [t for i in items for t in ({"level": i.level, "id": i.id, "name": i.title}, *flat_toc_tokens(i.children))]


def heading_tokens(headings: tuple[Heading, ...]) -> list[dict]:
    """Headings as a table of contents' tokens (Python-Markdown's toc extension), for a builder to nest."""
    return [{"level": h.level, "id": h.id, "name": h.name} for h in headings]


def renamed_clashes(ids: Iterable[str], taken: Collection[str]) -> dict[str, str]:
    """For each of `ids` that `taken` already has, the next free id as Markdown's toc would choose it (x_1)."""
    ids = list(ids)
    used = {*taken, *ids}
    return {old: unique(old, used) for old in ids if old in taken}


def with_heading_ids_renamed(html: str, renames: dict[str, str]) -> str:
    """`html` with each renamed id changed on its heading and in the heading's permalink."""
    if not renames:
        return html

    def rename(match: re.Match[str]) -> str:
        old = unescape(match[2])
        return f"{match[1]}{escape(renames.get(old, old))}{match[3]}"

    return _HEADING_ID.sub(rename, html)

# The filter bar above a long listing (seminar overview, materials library): labelled selects, a live count and a
# sentence for no match. It is progressive enhancement: the bar is hidden until docs/assets/vidensportal.js shows
# it, so without the script the whole listing shows. The script keeps the listing's `.vp-item`s whose
# `data-vp-<key>` (values separated by spaces) holds the value chosen in `<select data-vp-key="<key>">`, and
# hides each `.vp-group` left empty.


@dataclass(frozen=True)
class FilterField:
    """One select: its key, its Danish label, the word for 'all' and the (value, label) choices."""

    key: str
    label: str
    all_label: str
    choices: Sequence[tuple[str, str]]


def item_attributes(values: dict[str, Iterable[object]]) -> Markup:
    """The data-vp-<key> attributes of one listed item, e.g. ` data-vp-spor="forebyggelse vidensdeling"`."""
    return Markup("").join(
        Markup(' data-vp-%s="%s"') % (key, " ".join(str(v) for v in found)) for key, found in values.items()
    )


def _select(field: FilterField) -> str:
    options = [f'<option value="">{escape(field.all_label)}</option>']
    options += [f'<option value="{escape(value)}">{escape(label)}</option>' for value, label in field.choices]
    select_id = f"vp-filter-{escape(field.key)}"
    return (
        f'<div class="vp-filter__field"><label for="{select_id}">{escape(field.label)}</label>'
        f'<select id="{select_id}" data-vp-key="{escape(field.key)}">{"".join(options)}</select></div>'
    )


def filter_bar(fields: Sequence[FilterField], noun: Noun, what: str) -> Markup:
    """The bar, the live count ('2 af 5 materialer vises') and the no-match sentence, as one HTML block.

    `what` names the listing in the bar's accessible name, e.g. 'materialerne'."""
    bar = (
        f'<div class="vp-filter" data-vp-filter hidden role="group" aria-label="Filtrér {escape(what)}">'
        + "".join(_select(field) for field in fields)
        + '<button type="button" class="md-button" data-vp-reset>Nulstil filter</button></div>'
    )
    status = (
        f'<p class="vp-filter__count" role="status" aria-live="polite" data-vp-count'
        f' data-one="{escape(noun.one)}" data-many="{escape(noun.many)}"></p>'
    )
    empty = (
        f'<p class="vp-filter__empty" data-vp-empty hidden><em>Ingen {escape(noun.many)} passer til filteret.'
        " Vælg en anden værdi, eller nulstil filteret.</em></p>"
    )
    return _markup(f"{bar}\n{status}\n{empty}")
