"""Abbreviations are explained where they stand, from data/ only: the glossary, the HTML pass and the built site."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from vidensportal.catalog import load_catalog
from vidensportal.reader_aids.abbreviations import (
    abbreviations,
    abbreviations_table,
    duplicate_problems,
    glossary,
    with_abbreviations,
)

from .support import ROOT, build_ok, replace_in

CATALOG = load_catalog(ROOT / "data")
# The abbreviations issue 13 names; every one of them stands in the agreement.
NAMED = {"EAS", "OSA", "OC", "DKS", "SSP", "EKI", "CFR", "CUKU"}
TERMS = {"EAS": "Efterretnings- og Analysesektion (Københavns Politi)", "OC": "Afdelingen for Organiseret Kriminalitet"}


def test_the_glossary_holds_every_named_abbreviation_with_the_name_data_gives_it():
    """EAS, OSA, OC, DKS, SSP, EKI, CFR and CUKU are in the glossary, each meaning its party's name from data/."""
    terms = glossary(abbreviations(CATALOG))
    names = {p.abbreviation: p.name for p in CATALOG.parties.values() if p.abbreviation}
    missing = NAMED - set(terms)
    wrong = {short: title for short, title in terms.items() if not title.startswith(names.get(short, "?"))}
    assert not missing and not wrong, f"missing: {missing}; titles not from data/: {wrong}"


def test_a_party_whose_name_begins_with_its_abbreviation_is_not_labelled_twice():
    """SSP's label stays 'SSP/SSP+ København', not 'SSP/SSP+ København (SSP)'; EAS keeps '(EAS)'."""
    labels = {CATALOG.parties["ssp"].label, CATALOG.parties["eas"].label}
    assert labels == {"SSP/SSP+ København", "Efterretnings- og Analysesektion (EAS)"}, labels


def test_an_abbreviation_two_entries_claim_is_a_danish_problem():
    """Two parties with the same abbreviation give one Danish problem naming the second and the first."""
    found = abbreviations(CATALOG)
    eas = next(a for a in found if a.short == "EAS")
    problems = duplicate_problems([*found, replace(eas, entry="ny-enhed")])
    assert len(problems) == 1 and "'EAS' bruges allerede af 'eas'" in str(problems[0]), problems
    assert not duplicate_problems(found), "the shipped data has a duplicate abbreviation"


def test_running_text_gets_abbr_and_code_attributes_and_svg_do_not():
    """Text and link text get <abbr>; tags, attributes, code, pre, svg, a form's options and an existing <abbr>
    stay as they are."""
    html = (
        '<h2 id="eas">EAS<a class="headerlink" href="#eas">¶</a></h2>'
        '<p>EAS og <a href="../eas/" title="EAS">OC</a>, <code>EAS</code>, OCEAN, <abbr title="x">EAS</abbr></p>'
        "<pre>EAS</pre><svg><text>EAS</text></svg><!-- EAS --><select><option>EAS</option></select>"
    )
    out = with_abbreviations(html, TERMS)
    eas = f'<abbr title="{TERMS["EAS"]}" data-vp-print="{TERMS["EAS"]}">EAS</abbr>'
    oc = f'<abbr title="{TERMS["OC"]}" data-vp-print="{TERMS["OC"]}">OC</abbr>'
    expected = (
        f'<h2 id="eas">{eas}<a class="headerlink" href="#eas">¶</a></h2>'
        f'<p>{eas} og <a href="../eas/" title="EAS">{oc}</a>, '
        "<code>EAS</code>, "
        'OCEAN, <abbr title="x" data-vp-print="x">EAS</abbr></p><pre>EAS</pre><svg><text>EAS</text></svg><!-- EAS -->'
        "<select><option>EAS</option></select>"
    )
    assert out == expected, out


def test_a_title_from_data_is_escaped():
    """A meaning with <, > and quotes reaches the title attribute escaped."""
    out = with_abbreviations("<p>XY</p>", {"XY": 'Enhed <script>"x"</script>'})
    title = "Enhed &lt;script&gt;&#34;x&#34;&lt;/script&gt;"
    assert out == f'<p><abbr title="{title}" data-vp-print="{title}">XY</abbr></p>', out


def test_html_without_an_abbreviation_is_returned_unchanged():
    """Nothing to explain: the very same string comes back (no rewriting of unrelated HTML)."""
    html = "<p>Intet at forklare her <b>i dag</b></p>"
    assert with_abbreviations(html, TERMS) is html


def test_the_forkortelser_table_lists_each_abbreviation_with_a_link_to_its_party():
    """The Forkortelser page's table has a row per abbreviation, linking the meaning to the party's page."""
    table = abbreviations_table(CATALOG, "forkortelser.md")
    rows = re.findall(r"^\| (\S+) \| \[[^]]+\]\(parter/([a-z-]+)\.md\)", table, re.MULTILINE)
    assert {short for short, _ in rows} >= NAMED, table
    assert ("EAS", "eas") in rows, rows


def _abbrs(html: str) -> set[str]:
    return set(re.findall(r"<abbr title=\"[^\"]+\"[^>]*>([^<]+)</abbr>", html))


@pytest.mark.slow
def test_abbreviations_are_explained_on_markdown_and_generated_pages(built_site: Path):
    """A Markdown page, a generated party page and the Forkortelser page carry <abbr title> for what they mention."""
    pages = {
        "organisering/index.html": {"EAS"},
        "parter/eas/index.html": {"EAS"},
        "parter/index.html": {"EAS", "DKS", "OSA", "OC", "EKI", "CFR", "CUKU", "SSP"},
        "forkortelser/index.html": NAMED,
    }
    missing = {}
    for path, expected in pages.items():
        found = _abbrs((built_site / path).read_text(encoding="utf-8"))
        if expected - found:
            missing[path] = sorted(expected - found)
    assert not missing, f"abbreviations without <abbr>: {missing}"


@pytest.mark.slow
def test_no_abbr_inside_code_ids_or_the_table_of_contents(built_site: Path):
    """No page has <abbr> inside <code>, an <option>, an id or href attribute, or a title tag."""
    offenders = []
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if re.search(r"<(?:code|option)[^>]*>[^<]*<abbr|(?:id|href|title)=\"[^\"]*<abbr|<title>[^<]*<abbr", html):
            offenders.append(str(page.relative_to(built_site)))
    assert not offenders, f"<abbr> where it does not belong: {offenders}"


@pytest.mark.slow
def test_the_glossary_follows_the_data_not_a_second_list(project: Path):
    """Renaming EAS in data/parter/eas.yml changes every <abbr title>; the old name is in none (negative control)."""
    parties = project / "data" / "parter" / "eas.yml"
    replace_in(parties, "navn: Efterretnings- og Analysesektion", "navn: Analyseenheden")
    site = build_ok(project)
    html = (site / "organisering" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="Analyseenheden (Københavns Politi)"' in html, "the new name is not the title"
    assert "Efterretnings- og Analysesektion (Københavns Politi)" not in html, "the old name is still a title"
