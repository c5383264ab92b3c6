"""Fidelity to the agreement: the site states nothing the agreement does not (no count of parties, no units that
'have joined'), shows what it does state (2020, who can join, the daily work as the main contribution, close and
binding 'uanset om der er konflikt'), and marks every figure and listed item that rests on example data."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from .support import ROOT, build_ok, copy_project

AGREEMENT = ROOT.parent / "shared" / "seeds" / "000_61488c63c0ac3978.txt"
# Pages that list events, materials, meetings or initiatives; every such item in the shipped data is an example.
LISTINGS = ["", "seminarer", "materialer", "parter/eas", "spor/forebyggelse", "foelgegruppe", "aarsstatus/2026"]
STATED = {
    "aftalen": [
        "2020",
        "uanset om der er konflikt i rocker- og bandemiljøet, fordre et løbende tæt og forpligtende samarbejde",
        "udgør de to myndigheders væsentligste bidrag til forebyggelse og bekæmpelse af rocker- og bandekriminalitet",
        "inkludere andre enheder/forvaltninger i samarbejdet eller der etableres nye relevante indsatser",
    ],
    "": ["uanset om der er konflikt", "væsentligste bidrag"],
    "parter": ["kan de også indgå i samarbejdsaftalen"],
}


def text_of(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    article = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", article)).replace("¶", " ").split())


def listed_items(html: str) -> list[str]:
    """The event cards of a page and the list items that open with a title (a link or bold text): the events,
    materials, meetings and initiatives it lists (a facts line, '<strong>Label:</strong> …', is none of them; the
    news, which lists every kind, is checked in test_updates_build)."""
    items = re.findall(r"<li[^>]*>\s*<(?:a|strong)[\s>].*?</li>|<div class=\"vp-event[^>]*>.*?</div>", html, re.S)
    return [i for i in items if not re.match(r"<li[^>]*>\s*<strong>[^<]*:</strong>", i) and "vp-news__item" not in i]


@pytest.mark.slow
def test_nothing_the_agreement_does_not_state(built_site):
    """No page counts the parties ('14 parter') or says that units have joined since ('kommet til siden')."""
    found = []
    for page in built_site.rglob("index.html"):
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))).split())
        found += [f"{page.relative_to(built_site)}: {m.group()}" for m in re.finditer(r"\b\d+ parter\b", text)]
        found += [f"{page.relative_to(built_site)}: kommet til" for _ in re.finditer(r"kommet til siden", text)]
    assert not found, found


@pytest.mark.slow
def test_what_the_agreement_states_is_shown_where_it_belongs(built_site):
    """Om aftalen shows the year 2020, who can join, the daily work as the main contribution and the close and
    binding cooperation 'uanset om der er konflikt'; the home and parties pages say it in short."""
    missing = [
        f"{page or 'forside'}: {text}" for page, texts in STATED.items() for text in texts
        if text not in text_of(built_site, page)
    ]
    assert not missing, missing


def test_the_quoted_words_are_the_agreements():
    """The longer quotes above stand in the agreement itself, word for word (line breaks aside)."""
    if not AGREEMENT.is_file():
        pytest.skip(f"the agreement text is not beside the repository ({AGREEMENT})")
    agreement = " ".join(AGREEMENT.read_text(encoding="utf-8").split())
    absent = [t for t in STATED["aftalen"][1:] if t not in agreement]
    assert not absent, absent


@pytest.mark.slow
def test_every_listed_example_item_carries_the_example_badge(built_site):
    """On every listing, each item of example data has an 'Eksempel' badge, not only 'Eksempel' in its title."""
    unmarked, seen = [], 0
    for page in LISTINGS:
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        items = listed_items(html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0])
        seen += len(items)
        unmarked += [f"{page or 'forside'}: {re.sub(r'<[^>]+>', '', i)[:70]}" for i in items if "vp-badge" not in i]
    assert seen >= 10 and not unmarked, f"{seen} example items; unmarked: {unmarked}"


@pytest.mark.slow
def test_figures_from_example_data_say_so(built_site):
    """The annual figures, the index of annual statuses, the Følgegruppe counts and the chart are marked."""
    problems = []
    if "vp-badge" not in text_of_html(built_site, "aarsstatus/2026").split('id="noegletal"', 1)[1][:3000]:
        problems.append("Årsstatus 2026: Nøgletal unmarked")
    index = text_of_html(built_site, "aarsstatus")
    if index.count("vp-badge") < 3 or "(eksempeldata)" not in index:
        problems.append("Årsstatus: index lines or chart unmarked")
    if "Tallet bygger på eksempler" not in text_of(built_site, "foelgegruppe"):
        problems.append("Følgegruppen: counts unmarked")
    assert not problems, problems


def text_of_html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def real_data_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped project with every 'eksempel: true' removed, as if the data were real."""
    project = copy_project(tmp_path_factory.mktemp("rigtige") / "projekt")
    for path in (project / "data").rglob("*.yml"):
        path.write_text(re.sub(r"(?m)^(\s*)eksempel: true\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    return build_ok(project)


@pytest.mark.slow
def test_negative_control_real_data_carries_no_example_marks(real_data_site):
    """Without example data the same listings list their items, and no item, figure or chart carries a mark."""
    listed = sum(len(listed_items(text_of_html(real_data_site, p))) for p in LISTINGS)
    marked = [p or "forside" for p in [*LISTINGS, "aarsstatus"] if "vp-badge" in text_of_html(real_data_site, p)]
    marked += [f"only {listed} items listed"] if listed < 10 else []
    marked += ["aarsstatus: chart"] if "(eksempeldata)" in text_of_html(real_data_site, "aarsstatus") else []
    assert not marked, marked
