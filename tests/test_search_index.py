"""The generated pages are indexed for Material's search exactly as Material's own HTML parsing would index them."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from material.plugins.search.plugin import Parser

from macros.pages import generated_pages
from macros.search_sections import search_sections

from .test_hardening import HOSTILE, _hostile_catalog


def _material(html: str) -> list[tuple]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(repr(s.el), s.depth, s.id, s.title, s.text) for s in parser.data if not s.is_excluded()]


def _ours(html: str) -> list[tuple] | None:
    sections = search_sections(html)
    return None if sections is None else [(s.tag, s.depth, s.id, s.title, s.text) for s in sections]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE)
def test_generated_pages_give_materials_own_sections(text):
    """For every generated page, search_sections() gives the sections Material's Parser gives, hostile text or not."""
    catalog = _hostile_catalog(text)
    pages = generated_pages(catalog, {}, date(2026, 11, 25))
    different, unread = [], []
    compared = [(path, page) for path, page in pages.items() if page.head or page.tail]
    for path, page in compared:
        html = "\n".join(part for part in (page.head, page.tail) if part)
        ours = _ours(html)
        if ours is None:
            unread.append(path)
        elif ours != _material(html):
            different.append(path)
    assert len(compared) > 20, f"only {len(compared)} pages compared"
    assert not unread and not different, f"not read: {unread[:5]}; sections differ: {different[:5]}"


@pytest.mark.parametrize(
    "html",
    ["<p>a <!-- note --> b</p>", "<p>1 < 2</p>", "<p class=x>a</p>", "<br/>", "<P>a</P>", "</p class=\"x\">"],
)
def test_negative_control_html_beyond_the_subset_is_left_to_material(html):
    """Negative control: comments, bare '<', unquoted attributes, self-closing or uppercase tags give None."""
    assert search_sections(html) is None, html


TRICKY_HTML = [
    '<h1 id="t">T<a class="headerlink" href="#t" title="x">&para;</a></h1>\n<p>Før</p>\n<ul>\n<li></li>\n</ul>',
    '<p>intro</p>\n<h2 id="a">A &amp; B</h2>\n<p> </p>\n<p><strong>x</strong>  y\n z</p>\n<h2 id="a2">C</h2>',
    '<pre><code>a\n  b</code></pre>\n<table>\n<tr>\n<td>1</td>\n</tr>\n</table>\n<p>&lt;u&gt; &#34;q&#34;</p>',
    '<h3 id="x">X</h3><ol><li><p>a</p></li><li>   </li></ol><sub>2</sub><a href="y" download>z</a>',
]


@pytest.mark.parametrize("html", TRICKY_HTML)
def test_material_rules_on_handwritten_html(html):
    """Empty kept tags, whitespace runs, entities, pre, a first heading other than h1: the same as Material."""
    assert _ours(html) == _material(html), (_ours(html), _material(html))


def test_the_built_search_index_has_the_event_page_sections(built_site):
    """The built index holds an event page's sections, with Material's spacing between table cells."""
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    entries = {d["location"]: d for d in docs}
    page = "seminarer/2026-03-12-eksempel-rekruttering/"
    wanted = [page, f"{page}#om-arrangementet", f"{page}#program", f"{page}#materialer", f"{page}#resume"]
    missing = [w for w in wanted if w not in entries]
    assert not missing, f"missing from the search index: {missing}"
    assert entries[f"{page}#program"]["text"].startswith("Tid Punkt Oplægsholder 13.00 Velkomst"), entries[
        f"{page}#program"
    ]
    assert "Vidensseminar" in entries[page]["tags"], entries[page]
    assert len(docs) == len(entries), "a page was indexed twice"
