"""Data values rendered by the engine come out of Markdown as the same plain text, never as markup."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from html import unescape

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vidensportal.content.html import Body
from vidensportal.content.text import heading_slug, link, md, relative_path

from .support import ROOT, SITE_MARKDOWN_EXTENSIONS

TRICKY = [
    'Projekt "Sammen om familien"',
    "Rocker- og bande-miljøet: 1. del",
    "<script>alert(1)</script> & 'citat'",
    "[klik](javascript:alert(2)) **fed** _kursiv_ `kode`",
    "{{ 7*7 }} {% if x %} #overskrift | tabel | ~~streg~~",
    "# 1. Ikke en overskrift",
    "- ikke en liste",
    "100 % & 50 $ \\ backslash",
]


@pytest.mark.parametrize("value", TRICKY)
def test_md_round_trips_through_markdown_as_plain_text(value):
    """md(value) rendered by Python-Markdown is one paragraph whose only text is the value itself."""
    html = markdown.markdown(md(value), extensions=SITE_MARKDOWN_EXTENSIONS)
    assert html.startswith("<p>") and html.endswith("</p>"), html
    inner = html[3:-4]
    assert "<" not in inner, f"markup in {inner!r}"
    assert unescape(inner) == value, f"{unescape(inner)!r} != {value!r}"


def test_negative_control_raw_text_would_become_markup():
    """Negative control: without md() the same strings turn into markup, so the test above can fail."""
    html = markdown.markdown(TRICKY[3])
    assert "<a href" in html and "<strong>" in html, html


def test_link_label_is_escaped_and_path_is_relative():
    """link() escapes its label and makes the target relative to the page it is on."""
    assert link("seminarer/x.md", "parter/eas.md", "A [b]") == "[A &#91;b&#93;](../parter/eas.md)"


def test_generated_pages_and_macros_return_plain_str(catalog):
    """Pages and macro output are plain str: a markupsafe Markup there would escape the page's own Markdown."""
    from datetime import date

    from vidensportal.content.macro_table import MACROS
    from vidensportal.content.pages import generated_pages

    pages = generated_pages(catalog, {}, date(2026, 11, 25))
    parts = {f"{path} {part}": getattr(page, part) for path, page in pages.items() for part in ("body", "head", "tail")}
    macros = {name: function(catalog, "index.md") for name, function in MACROS.items()}
    wrong = [name for name, value in {**parts, **macros}.items() if type(value) is not str]
    assert not wrong, f"not plain str: {wrong}"


def test_a_generated_pages_file_says_what_its_page_uses(catalog):
    """MkDocs reading a generated page's Markdown file gets the same body and front matter the page uses directly."""
    from datetime import date

    from mkdocs.utils.meta import get_data

    from vidensportal.content.pages import generated_pages

    pages = generated_pages(catalog, {"parter/eas.md": "Tekst: \"citat\" <b>"}, date(2026, 11, 25))
    different = [path for path, page in pages.items() if get_data(page.markdown) != (page.body, page.meta)]
    assert pages["parter/eas.md"].body and not different, f"file and page disagree: {different}"


HEADINGS = ["Seminarer og netværksmøder", "Resumé", 'A <b> & "c" [d]', "1. Forebyggelse", "Materialer", "***"]
HEADINGS += ["Økonomi"]


def _heading(html: str) -> tuple[str, str, str]:
    """(id, permalink title, text) of the one heading in `html`."""
    found = re.fullmatch(r'<h2 id="([^"]*)">(.*)<a class="headerlink" href="#\1" title="([^"]*)">&para;</a></h2>', html)
    assert found, f"not a heading with a permalink: {html!r}"
    return found.group(1), unescape(found.group(3)), unescape(found.group(2))


def test_html_headings_are_the_ones_markdown_writes():
    """A heading of a generated page has the id, permalink and text that Markdown's toc extension gives it."""
    title = re.search(r"permalink_title: (.+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")).group(1)
    toc = {"toc": {"permalink": True, "permalink_title": title, "slugify": heading_slug}}
    different = []
    for heading in HEADINGS:
        # A "Materialer" heading first: a second one needs the same suffix from both.
        ours = _heading(Body().heading(2, "Materialer").heading(2, heading).parts[1])
        html = markdown.markdown(f"## Materialer\n\n## {md(heading)}", extensions=["toc"], extension_configs=toc)
        theirs = _heading(html.split("\n")[1])
        if ours != theirs:
            different.append(f"{heading!r}: ours {ours}, Markdown's {theirs}")
    assert not different, "\n".join(different)


def test_negative_control_a_heading_without_its_permalink_is_caught():
    """Negative control: the heading comparison rejects a heading Markdown would not write."""
    with pytest.raises(AssertionError):
        _heading('<h2 id="x">X</h2>')


SEGMENT = st.sampled_from(["parter", "spor", "seminarer", "materialer", "a", "b.pdf", "æ-ø"])


@settings(max_examples=300, deadline=None)
@given(st.lists(SEGMENT, max_size=4), st.lists(SEGMENT, max_size=4), st.booleans(), st.booleans())
def test_relative_path_is_posixpaths_relpath(to, at, to_slash, at_slash):
    """relative_path() gives what posixpath.relpath gives for site paths, with or without a trailing slash."""
    destination = "/".join(to) + ("/" if to_slash and to else "")
    start = "/".join(at) + ("/" if at_slash and at else "")
    expected = posixpath.relpath(destination or ".", start or ".")
    assert relative_path(destination, start) == expected, (destination, start)


def test_negative_control_relative_path_is_not_the_destination_itself():
    """Negative control: from a page two folders down, a link climbs up, so a wrong helper would be caught."""
    assert relative_path("materialer/x/", "parter/eas/") == "../../materialer/x"


def test_heading_ids_spell_out_danish_letters():
    """Heading ids write æ, ø and å as ae, oe and aa, also when the text comes decomposed (NFD)."""
    cases = {"Økonomi": "oekonomi", "Formål og Æresord": "formaal-og-aeresord", "Sikker By-mål": "sikker-by-maal"}
    cases[unicodedata.normalize("NFD", "Årsstatus")] = "aarsstatus"
    wrong = {text: heading_slug(text, "-") for text, slug in cases.items() if heading_slug(text, "-") != slug}
    assert not wrong, wrong


def test_negative_control_markdowns_own_slugify_drops_them():
    """Negative control: without the setting, Markdown's slugify drops the letter, which the site must not do."""
    assert markdown.extensions.toc.slugify("Økonomi", "-") == "konomi"
