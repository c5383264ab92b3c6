"""HTML for the generated pages: small builders that escape every value that is not already Markup.

The generated pages are written as HTML, not Markdown: Markdown's passes over a thousand pages were most
of the build time (see make bench). The HTML is what Python-Markdown writes for the same content, so the
pages look and behave like the Markdown ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown.extensions.toc import slugify, unique
from markupsafe import Markup, escape

from .text import href

# The same as toc.permalink_title in mkdocs.yml (tests/test_text.py checks that they agree).
PERMALINK_TITLE = "Link til dette afsnit"


def text(value: object) -> Markup:
    """A data value as HTML text on one line, whitespace folded as Markdown would fold it."""
    return escape(" ".join(str(value).split()))


def link(here: str, target: str, label: object) -> Markup:
    """A link from the page `here` to `target` (a docs .md path or a file), its label escaped."""
    return Markup('<a href="{}">{}</a>').format(href(here, target), text(label))


def paragraph(content: object) -> Markup:
    return Markup("<p>{}</p>").format(content if isinstance(content, Markup) else text(content))


def empty_note(sentence: str) -> Markup:
    """A Danish sentence saying that something has no entries, in italics."""
    return Markup("<p><em>{}</em></p>").format(sentence)


def bullet_list(items: list[Markup], empty: str = "") -> Markup:
    """A list of already-escaped items, or the sentence `empty` in italics when there are none."""
    if not items:
        return empty_note(empty) if empty else Markup("")
    return Markup("<ul>\n{}\n</ul>").format(Markup("\n").join(Markup("<li>{}</li>").format(i) for i in items))


def facts(pairs: list[tuple[str, object]]) -> Markup:
    """A facts block: a list of 'Label: value' lines with the label in bold."""
    return bullet_list([Markup("<strong>{}:</strong> {}").format(label, value) for label, value in pairs])


def admonition(kind: str, title: str, body: object) -> Markup:
    """A Material admonition box, as Markdown's admonition extension writes it."""
    return Markup('<div class="admonition {}">\n<p class="admonition-title">{}</p>\n{}\n</div>').format(
        kind, title, paragraph(body)
    )


def table(header: list[str], rows: list[list[Markup]]) -> Markup:
    head = Markup("").join(Markup("<th>{}</th>").format(cell) for cell in header)
    body = Markup("\n").join(
        Markup("<tr>{}</tr>").format(Markup("").join(Markup("<td>{}</td>").format(c) for c in row)) for row in rows
    )
    return Markup("<table>\n<thead>\n<tr>{}</tr>\n</thead>\n<tbody>\n{}\n</tbody>\n</table>").format(head, body)


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    name: str  # escaped HTML, as Markdown's toc extension gives it


@dataclass
class Body:
    """A page body built from HTML blocks; headings get Markdown's ids and are remembered for the contents."""

    parts: list[Markup] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    def heading(self, level: int, title: object) -> Body:
        name = text(title)
        anchor = unique(slugify(name.unescape(), "-"), self.ids)
        self.headings.append(Heading(level, anchor, str(name)))
        self.parts.append(
            Markup('<h{0} id="{1}">{2}<a class="headerlink" href="#{1}" title="{3}">&para;</a></h{0}>').format(
                level, anchor, name, PERMALINK_TITLE
            )
        )
        return self

    def add(self, *blocks: Markup | None) -> Body:
        self.parts += [b for b in blocks if b]
        return self

    def section(self, title: str, content: Markup | None) -> Body:
        """A level-2 heading and its content; nothing at all when the content is None."""
        return self if content is None else self.heading(2, title).add(content)

    def html(self) -> str:
        return str(Markup("\n").join(self.parts))
