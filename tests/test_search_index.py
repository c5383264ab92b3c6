"""The pages are indexed for Material's search exactly as Material's own HTML parsing would index them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from material.plugins.search.plugin import Parser

from vidensportal.content.pages import generated_pages
from vidensportal.search.search_sections import search_sections

from .support import BUILD_ENV, HOSTILE, ROOT, hostile_catalog


def _material(html: str) -> list[tuple]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(repr(s.el), s.depth, s.id, s.title, s.text) for s in parser.data if not s.is_excluded()]


def _ours(html: str) -> list[tuple] | None:
    sections = search_sections(html)
    return None if sections is None else [(s.tag, s.depth, s.id, s.title, s.text) for s in sections]


@pytest.mark.slow
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE)
def test_generated_pages_give_materials_own_sections(catalog, text):
    """For every generated page, search_sections() gives the sections Material's Parser gives, hostile text or not."""
    hostile = hostile_catalog(catalog, text)
    pages = generated_pages(hostile, {}, date(2026, 11, 25))
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
    [
        "<p>a <!-- note --> b</p>",
        "<p>1 < 2</p>",
        "<p class=x>a</p>",
        "<p id='x'>a</p>",
        "<P>a</P>",
        '</p class="x">',
        "<svg><linearGradient/></svg>",
        '<div><h2 id="x">X</h2></div>',
        "<script>a</script>",
        "<p DATA-SEARCH-EXCLUDE>hemmeligt</p><p>ok</p>",
        '<div class="&#108;inenodiv">1 2</div><p>ok</p>',
        "<svg><title>Diagram</title></svg>",
    ],
)
def test_negative_control_html_beyond_the_subset_is_left_to_material(html):
    """Negative control: comments, bare '<', unquoted or single-quoted attributes, uppercase tags, nested
    headings, content Material skips and elements some Python releases read as raw text give None."""
    assert search_sections(html) is None, html


TRICKY_HTML = [
    '<h1 id="t">T<a class="headerlink" href="#t" title="x">&para;</a></h1>\n<p>Før</p>\n<ul>\n<li></li>\n</ul>',
    '<p>intro</p>\n<h2 id="a">A &amp; B</h2>\n<p> </p>\n<p><strong>x</strong>  y\n z</p>\n<h2 id="a2">C</h2>',
    '<pre><code>a\n  b</code></pre>\n<table>\n<tr>\n<td>1</td>\n</tr>\n</table>\n<p>&lt;u&gt; &#34;q&#34;</p>',
    '<h3 id="x">X</h3><ol><li><p>a</p></li><li>   </li></ol><sub>2</sub><a href="y" download>z</a>',
    '<p>a<br/>b<br />c</p>\n<hr />\n<h2 id="a" id="b">Two ids</h2>\n<p>d</p>',
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9" role="img" aria-labelledby="t">'
    '<desc id="t">Diagram</desc><rect x1="0" width="3" /><text x="1">Tre</text></svg>\n<p>Efter</p>',
    '<p>x<span class="y"/>z</p><h2 ID="Stor">S</h2><ul><li/></ul>',
    '<h2 id>T</h2><p>x</p><h1 id="a">A</h1><h2 id="b" id>T</h2><p>x</p><h2 title="a id=" class="b">U</h2>',
    '<h2 id="x">T<a class="headerlink" href="#x"><a/>P<a>q</a>R</a></h2><h2 id="y">Y</h2><h2>Z</h2><p>z</p>',
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


# Builds the site with search_sections() replaced: "material" leaves every page to Material's own parser,
# "broken" drops the text of each page's last section; "ours" counts the pages search_sections() reads.
_BUILD_WITH = """
import sys
sys.path.insert(0, sys.argv[1])
import vidensportal.search.search_sections as module
real = module.search_sections
read = []
def replaced(html):
    sections = real(html)
    if sections is not None:
        read.append(1)
        if sys.argv[2] == "broken":
            sections[-1].text.clear()
    return None if sys.argv[2] == "material" else sections
module.search_sections = replaced
from mkdocs.commands.build import build
from mkdocs.config import load_config
build(load_config(str(sys.argv[1] + "/mkdocs.yml"), site_dir=sys.argv[3], strict=True))
print(len(read))
"""


def _index_built_with(mode: str, site: Path) -> tuple[list[dict], int]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **BUILD_ENV}
    command = [sys.executable, "-c", _BUILD_WITH, str(ROOT), mode, str(site)]
    result = subprocess.run(command, cwd=site.parent, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"the {mode} build failed:\n{result.stderr[-3000:]}"
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return docs, int(result.stdout.split()[-1])


def _differences(ours: list[dict], material: list[dict]) -> list[str]:
    if len(ours) != len(material):
        return [f"{len(ours)} entries, Material {len(material)}"]
    return [f"{a['location']}: {a} != {b}" for a, b in zip(ours, material, strict=True) if a != b]


@pytest.mark.slow
def test_the_whole_search_index_is_the_one_materials_parser_makes(tmp_path):
    """Every entry of the built site's search index is the one Material's own parsing would have written, and
    search_sections() reads at least four pages in five (charts and nested headings are left to Material)."""
    ours, read = _index_built_with("ours", tmp_path / "ours")
    material, _ = _index_built_with("material", tmp_path / "material")
    pages = len({entry["location"].partition("#")[0] for entry in material})
    assert read >= pages * 0.8, f"search_sections() read only {read} of {pages} pages; the rest went to Material"
    different = _differences(ours, material)
    assert not different, "entries differ from Material's:\n" + "\n".join(different[:5])


@pytest.mark.slow
def test_negative_control_a_changed_section_shows_in_the_comparison(tmp_path):
    """Negative control: sections that lose their text make the comparison report the pages."""
    broken, _ = _index_built_with("broken", tmp_path / "broken")
    material, _ = _index_built_with("material", tmp_path / "material")
    assert len(_differences(broken, material)) > 10
