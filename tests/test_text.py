"""Data values rendered by the engine come out of Markdown as the same plain text, never as markup."""

from __future__ import annotations

from html import unescape

import markdown
import pytest

from macros.text import link, md

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
    html = markdown.markdown(md(value), extensions=["attr_list", "md_in_html", "tables", "def_list"])
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
