"""A page as Pagefind should read it: its article only, labelled, weighted, and with the spellings staff type.

The page on disk is not changed; only the copy given to the indexer carries these additions.
"""

from __future__ import annotations

import html
import re

from markupsafe import escape

from vidensportal.search.page_facts import PageFacts
from vidensportal.search.spellings import Spellings

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
ARTICLE_END = "</article>"
FACT_LABEL = re.compile(r"<strong>([^<>]{1,40}):</strong>")
# A heading followed only by an italic note ("Ingen arrangementer endnu."), by an emptied list, or by the next
# heading of its rank or higher is an empty section.
EMPTY_SECTION = re.compile(r"<h([2-6])[^>]*>(?:(?!</h\1>).)*</h\1>\s*(?:<p><em>[^<]*</em></p>|<ul>\s*</ul>)", re.S)
BARE_HEADING = {
    level: re.compile(rf"<h{level}[^>]*>(?:(?!</h{level}>).)*</h{level}>\s*(?=<h[2-{level}][ >]|$)", re.S)
    for level in range(2, 7)
}
# A list item that starts with a link is an entry in a listing of other pages, and a paragraph that is only a
# link ("Alle parter") points to one: those pages are indexed themselves, and a listing grows with the site.
LISTING_ITEM = re.compile(
    r"<li(?:\s[^>]*)?>\s*<a\s[^>]*href=(?:(?!</li>).)*</li>|<li class=\"[^\"]*\bvp-item\b[^>]*>(?:(?!</li>).)*</li>"
    r"|<p><a [^>]*>[^<]*</a></p>",
    re.S,
)
TAG = re.compile(r"<[^>]+>")
NOT_LETTERS = re.compile(r"[\W_]+")
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
# Where the names and extra spellings start; the search box cuts a snippet here, so staff never see them.
SPELLINGS_MARK = "⁂"
# Tags, permalinks, charts (their text stands on the page too), the organisation chart (a listing of the
# parties), filters, badges and buttons are not prose to search.
IGNORED_SELECTORS = (
    ".md-tags",
    ".headerlink",
    "svg",
    ".vp-chart-frame",
    ".vp-orgchart",
    ".vp-filter",
    ".vp-filter__count",
    ".vp-filter__empty",
    ".vp-badge",
    ".vp-subscribe",
    ".md-button",
)
AUDIENCE = "målgruppe"  # the filter that keeps the pages for contributors out of staff searches (search.js)
NAMES_WEIGHT = 10
TITLE_WEIGHT = 7  # Pagefind's own weight for an h1
LISTING_WEIGHT = 0.5


def text_of(fragment: str) -> str:
    """The text of an HTML fragment, its tags and entities gone."""
    return html.unescape(TAG.sub(" ", fragment))


def _without_empty_sections(body: str) -> str:
    """The body without headings that no longer head any text, innermost first."""
    while True:
        shorter = EMPTY_SECTION.sub("", body)
        for level in range(6, 1, -1):
            shorter = BARE_HEADING[level].sub("", shorter)
        if shorter == body:
            return body
        body = shorter


def _typed_as_one(names: tuple[str, ...]) -> list[str]:
    """A name of several words as staff also type it, in one word: Sikker By → sikkerby."""
    return [NOT_LETTERS.sub("", name).lower() for name in names if len(name.split()) > 1]


def _empty(attribute: str, value: str) -> str:
    return f'<span {attribute}="{escape(value)}"></span>'


def _labels(facts: PageFacts) -> str:
    labels = [_empty("data-pagefind-meta", f"kind:{facts.kind}"), _empty("data-pagefind-filter", f"type:{facts.kind}")]
    if facts.date:
        labels.append(_empty("data-pagefind-meta", f"date:{facts.date}"))
        labels.append(_empty("data-pagefind-filter", f"år:{facts.date[:4]}"))
    labels += [_empty("data-pagefind-filter", f"spor:{track}") for track in facts.tracks]
    audience = "bidragydere" if facts.for_contributors else "læsere"
    labels.append(_empty("data-pagefind-filter", f"{AUDIENCE}:{audience}"))
    if facts.example:
        labels.append(_empty("data-pagefind-meta", "eksempel:ja"))
    return "".join(labels)


def titled_article(content: str, title: str) -> str:
    """A page's article as Material's content partial lays it out: its title as h1 when its text has none."""
    return ("" if "<h1" in content else f"<h1>{escape(title)}</h1>") + content


def article_of(page_html: str) -> str | None:
    """The article of a page as Material writes it, or None when it has none (a redirect)."""
    start = ARTICLE.search(page_html)
    end = page_html.rfind(ARTICLE_END)
    return None if start is None or end < start.end() else page_html[start.end() : end]


def searchable_html(article: str, facts: PageFacts, document_text: str, spellings: Spellings) -> str:
    """The page for the indexer, made from its `article` (the HTML of its title and text); `document_text` is
    the text of the page's PDF, Word or PowerPoint file, searched as part of the page."""
    body = _without_empty_sections(LISTING_ITEM.sub("", article))
    indexed_text = text_of(FACT_LABEL.sub("", body))
    body = FACT_LABEL.sub(r"<strong data-pagefind-ignore>\1:</strong>", body)
    title = H1.search(body)
    names = " ".join(facts.names)
    heading = text_of(title.group(1)) if title else ""
    named = spellings(names)  # the parts of a name weigh as the name: samarbejds|aftale → aftale
    named += _typed_as_one(facts.names)
    prominent = [word for word in spellings(heading) if word not in named]
    rest = spellings(f"{indexed_text} {document_text}")
    parts = [
        body,
        f"<div>{escape(document_text)}</div>" if document_text else "",
        f"<div>{SPELLINGS_MARK}</div>",
        f'<div data-pagefind-weight="{NAMES_WEIGHT}">{escape(" ".join([names, *named]))}</div>' if names else "",
        f'<div data-pagefind-weight="{TITLE_WEIGHT}">{escape(" ".join(prominent))}</div>',
        f"<div>{escape(' '.join(rest))}</div>",
        _labels(facts),
    ]
    weight = f' data-pagefind-weight="{LISTING_WEIGHT}"' if facts.listing else ""
    main = f"<main data-pagefind-body{weight}>{''.join(parts)}</main>"
    return f'<!doctype html><html lang="da"><body>{main}</body></html>'
