"""Følgegruppen, initiatives and the annual status: the meeting-count rule, the year's figures and printing."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from html import unescape
from pathlib import Path

import pytest

from vidensportal.catalog import load_catalog
from vidensportal.content.annual import meeting_count, shown_status, year_figures, years_with_data
from vidensportal.data.model import Meeting
from vidensportal.errors import DataError

from .support import ROOT, build_log, copy_project, replace_in

TODAY = date(2026, 11, 25)
BUILD_ENV = {"SOURCE_DATE_EPOCH": str(int(datetime(2026, 11, 25, 12, tzinfo=UTC).timestamp()))}


def meetings(year: int, held: int, planned: int = 0) -> list[Meeting]:
    """`held` meetings marked afholdt and `planned` ones planned late in `year`."""
    made = [
        Meeting.model_validate({"dato": f"{year}-0{i + 1}-10", "status": "afholdt", "klassifikation": "intern"})
        for i in range(held)
    ]
    made += [
        Meeting.model_validate({"dato": f"{year}-12-{10 + i}", "status": "planlagt", "klassifikation": "intern"})
        for i in range(planned)
    ]
    return made


@pytest.mark.parametrize(
    ("held", "text", "below"),
    [
        (0, "0 af 4 afholdt – under minimum på 4 møder om året", True),
        (3, "3 af 4 afholdt – under minimum på 4 møder om året", True),
        (4, "4 af 4 afholdt – minimum er nået", False),
    ],
)
def test_a_past_year_under_four_meetings_is_below_the_minimum(held, text, below):
    """A finished year with 0 or 3 held meetings is below the minimum of four; with 4 it is not."""
    count = meeting_count(2025, meetings(2025, held), 4, TODAY)
    assert (count.held, count.text, count.below_minimum) == (held, text, below), count


def test_the_current_year_counts_so_far_and_is_never_flagged():
    """In the current year the count reads 'n af 4 afholdt indtil nu', whatever n is; planned ones do not count."""
    count = meeting_count(2026, meetings(2026, 3, planned=1), 4, TODAY)
    assert (count.text, count.below_minimum) == ("3 af 4 afholdt indtil nu", False), count


def test_neither_a_cancelled_nor_a_past_planned_meeting_counts_as_held():
    """A cancelled meeting is not held, and a meeting left 'planlagt' after its day is shown as 'status ikke
    opdateret' and not counted; negative control: the same meeting marked 'afholdt' counts."""
    cancelled = Meeting.model_validate({"dato": "2025-05-01", "status": "aflyst", "klassifikation": "intern"})
    forgotten = Meeting.model_validate({"dato": "2025-06-01", "status": "planlagt", "klassifikation": "intern"})
    held = forgotten.model_copy(update={"status": "afholdt"})
    count = meeting_count(2025, [cancelled, forgotten], 4, TODAY)
    control = meeting_count(2025, [cancelled, held], 4, TODAY)
    shown = shown_status(forgotten, TODAY)
    assert (count.held, control.held, shown) == (0, 1, "status ikke opdateret"), (count, control, shown)


def test_annual_figures_of_the_shipped_example_data(catalog):
    """The 2026 figures match the shipped examples: 3 meetings so far, 1 seminar, 2 materials, 2 initiatives."""
    figures = year_figures(catalog, 2026, TODAY)
    actual = (
        figures.meetings.text,
        figures.seminars_held,
        figures.network_meetings_held,
        figures.materials_published,
        figures.initiatives_by_status,
    )
    expected = ("3 af 4 afholdt indtil nu", 1, 0, 2, {"planlagt": 1, "i gang": 1, "afsluttet": 0})
    assert actual == expected, f"{actual} != {expected}"
    assert years_with_data(catalog, TODAY) == [2026, 2025], years_with_data(catalog, TODAY)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("foelgegruppe") / "projekt")
    out = project.parent / "site"
    build_log(project, out, env=BUILD_ENV)
    return out


def text_of(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    article = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", article)).replace("¶", " ").split())


@pytest.mark.slow
def test_foelgegruppe_page_counts_each_year_against_the_minimum(site):
    """The Følgegruppen page shows '3 af 4 afholdt indtil nu' for 2026 and flags 2025 as below the minimum."""
    text = text_of(site, "foelgegruppe")
    expected = ["3 af 4 afholdt indtil nu", "Under minimum 2 af 4 afholdt – under minimum"]
    missing = [e for e in expected if e not in text]
    assert not missing, f"missing: {missing}"


def test_annual_status_pages_exist_for_every_year_with_data_that_has_begun(site):
    """'Årsstatus <år>' exists for each begun year with data, with its figures; none for 2027, not begun."""
    pages = sorted(p.name for p in (site / "aarsstatus").iterdir() if p.is_dir())
    assert pages == ["2025", "2026"], pages
    text = text_of(site, "aarsstatus/2026")
    expected = [
        "Årsstatus 2026",
        "1 vidensseminar afholdt",
        "0 netværksmøder afholdt",
        "2 materialer udgivet",
        "Indsatser: 1 planlagt, 1 i gang, 0 afsluttede",
    ]
    missing = [e for e in expected if e not in text]
    assert not missing, f"missing on Årsstatus 2026: {missing}"


def test_initiatives_are_listed_per_track_and_per_goal(site):
    """The initiatives page lists each initiative under its track and under the Sikker By goal it supports."""
    text = text_of(site, "indsatser")
    track = text.index("1. Forebyggelse Systematisk opsamling af erfaringer")
    goal = text.index("Færre københavnske unge begår kriminalitet Systematisk opsamling af erfaringer")
    assert track < goal, (track, goal)


def test_print_stylesheet_hides_navigation_and_keeps_the_marking():
    """print.css hides navigation, search and footer in print and keeps the marking."""
    css = (ROOT / "docs/assets/print.css").read_text(encoding="utf-8")
    block = css.split("@media print", 1)[1]
    hidden = block.split("display: none", 1)[0]
    missing = [s for s in (".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer") if s not in hidden]
    assert not missing, f"not hidden in print: {missing}"
    assert re.search(r"\.md-banner\s*\{\s*display: block !important", block), (
        "the classification marking is not printed"
    )
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "assets/print.css" in config, "print.css is not loaded by mkdocs.yml"


def test_an_initiative_with_an_unknown_goal_is_a_clear_error(tmp_path):
    """An initiative naming a Sikker By goal that does not exist names the nearest goal id."""
    project = copy_project(tmp_path / "projekt")
    path = project / "data/indsatser/al-capone-aktivering.yml"
    replace_in(path, "[faerre-bandemedlemmer]", "[faerre-bandemedlemer]")
    with pytest.raises(DataError) as caught:
        load_catalog(project / "data")
    [problem] = caught.value.problems
    assert "felt 'sikker-by-mål → nr. 1': ukendt Sikker By-mål 'faerre-bandemedlemer'" in str(problem), str(problem)
    assert "mente du 'faerre-bandemedlemmer'?" in str(problem), str(problem)


def test_built_pages_carry_the_two_pictures(site):
    """The parties page has the organisation chart (linked boxes), the annual index the activity chart (SVG)."""
    parties = (site / "parter/index.html").read_text(encoding="utf-8")
    chart = parties.split('<figure class="vp-orgchart">', 1)[1].split("</figure>", 1)[0]
    assert '<a class="vp-orgchart__box" href="eas/">Efterretnings' in chart, chart[:500]
    html = (site / "aarsstatus/index.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg[^>]*class="vp-chart".*?</svg>', html, re.S)
    assert svg, "no activity chart on aarsstatus/"
    root = ET.fromstring(svg.group())  # noqa: S314 -- our own build output
    title = root.find("{http://www.w3.org/2000/svg}title")
    assert title is not None and title.get("id") == "aktivitet-title" and title.text, ET.tostring(root)[:300]
