"""A page can name an owner and review dates; a page past its review date says so (unit tests of the engine)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from vidensportal.catalog import load_catalog
from vidensportal.data.yamlfile import front_matter
from vidensportal.errors import DataError
from vidensportal.reader_aids.history import FileHistory
from vidensportal.reader_aids.plan import GIT_DAY, GIT_HASH, LAST_CHANGED, ReaderAids
from vidensportal.reader_aids.review import (
    PageReview,
    ReviewedPage,
    add_interval,
    overdue_log_line,
    overdue_notice,
    read_review,
    review_table,
)

from .support import ROOT

TODAY = date(2026, 11, 28)
MOMENT = datetime(2026, 11, 28, 12, tzinfo=UTC)
FILE = Path("docs/aftalen.md")


def _review(**fields) -> PageReview:
    return PageReview.model_validate(fields)


def _source(*lines: str) -> str:
    return "\n".join(["---", "title: Aftalen", *lines, "---", "", "# Aftalen", ""])


@pytest.mark.parametrize(
    ("day", "interval", "due"),
    [
        (date(2026, 5, 1), "6 måneder", date(2026, 11, 1)),
        (date(2026, 1, 31), "1 måned", date(2026, 2, 28)),
        (date(2024, 2, 29), "1 år", date(2025, 2, 28)),
        (date(2026, 5, 1), "2 uger", date(2026, 5, 15)),
        (date(2026, 5, 1), "30 dage", date(2026, 5, 31)),
    ],
)
def test_an_interval_is_added_as_a_calendar_would(day, interval, due):
    """Months and years keep the day of the month (clamped to the month's last day); weeks and days are counted."""
    assert add_interval(day, interval) == due


def test_a_page_past_its_review_date_is_overdue_and_warns_its_readers():
    """Reviewed 1 May 2026, review in 6 months: due 1 November, so on 28 November the page warns its readers."""
    review = _review(ejer="EAS", senest_gennemgået=date(2026, 5, 1), gennemgå_igen_om="6 måneder")
    notice = str(overdue_notice(review, TODAY))
    assert review.overdue(TODAY) and "senest 1. november 2026" in notice and "af EAS" in notice, notice
    page = ReviewedPage("aftalen.md", "Aftalen", review)
    assert overdue_log_line(page) == (
        "docs/aftalen.md: siden skulle have været gennemgået senest 1. november 2026 (ejer: EAS)."
    )


def test_a_page_within_its_review_date_shows_no_warning():
    """Negative control: due in the future (or today) means no notice."""
    review = _review(ejer="EAS", senest_gennemgået=date(2026, 11, 1), gennemgå_igen_om="6 måneder")
    due_today = _review(senest_gennemgået=date(2026, 5, 28), gennemgå_igen_om="6 måneder")
    assert overdue_notice(review, TODAY) is None and overdue_notice(due_today, TODAY) is None


def test_the_owner_in_the_notice_is_escaped():
    """An owner with markup reaches the page escaped."""
    review = _review(ejer="<b>EAS</b>", senest_gennemgået=date(2025, 1, 1), gennemgå_igen_om="1 år")
    notice = str(overdue_notice(review, TODAY))
    assert "<b>" not in notice and "&lt;b&gt;EAS&lt;/b&gt;" in notice, notice


def test_valid_review_fields_give_no_problem():
    """The three Danish keys, well written, give a review and no problem; a page without them gives neither."""
    source = _source("ejer: Sikker By", "senest_gennemgået: 2026-05-01", "gennemgå_igen_om: 6 måneder")
    meta = {"ejer": "Sikker By", "senest_gennemgået": date(2026, 5, 1), "gennemgå_igen_om": "6 måneder"}
    review, problems = read_review(meta, source, FILE)
    assert review is not None and review.due == date(2026, 11, 1) and not problems, problems
    assert read_review({"title": "Aftalen"}, _source(), FILE) == (None, [])


@pytest.mark.parametrize(
    ("lines", "meta", "expected"),
    [
        (
            ["senest_gennemgået: maj 2026", "gennemgå_igen_om: 6 måneder"],
            {"senest_gennemgået": "maj 2026", "gennemgå_igen_om": "6 måneder"},
            "docs/aftalen.md, linje 3: felt 'senest_gennemgået': 'maj 2026' er ikke en gyldig dato. "
            "Skriv datoen som ÅÅÅÅ-MM-DD",
        ),
        (
            ["senest_gennemgået: 2026-05-01", "gennemgå_igen_om: snart"],
            {"senest_gennemgået": date(2026, 5, 1), "gennemgå_igen_om": "snart"},
            "docs/aftalen.md, linje 4: felt 'gennemgå_igen_om': 'snart' er ikke et tidsrum.",
        ),
        (
            ["senest_gennemgået: 2026-05-01"],
            {"senest_gennemgået": date(2026, 5, 1)},
            "docs/aftalen.md, linje 3: 'senest_gennemgået' og 'gennemgå_igen_om' hører sammen",
        ),
        (
            ["senest_gennemgaaet: 2026-05-01", "gennemgå_igen_om: 6 måneder"],
            {"senest_gennemgaaet": date(2026, 5, 1), "gennemgå_igen_om": "6 måneder"},
            "docs/aftalen.md, linje 3: felt 'senest_gennemgaaet': ukendt felt – mente du 'senest_gennemgået'?",
        ),
    ],
)
def test_a_bad_review_field_is_one_danish_line_with_file_and_line(lines, meta, expected):
    """A wrong date, interval, half a pair or a misspelt key: a Danish line naming file, line and field."""
    _, problems = read_review({"title": "Aftalen", **meta}, _source(*lines), FILE)
    texts = [str(p) for p in problems]
    assert any(text.startswith(expected) for text in texts), texts


def test_the_editors_table_lists_overdue_pages_first_then_those_due_soon():
    """Overdue pages come first, then pages due within 30 days, then pages in order (negative control); a summary
    counts the overdue and the soon due ones."""
    late = ReviewedPage("b.md", "Side B", _review(senest_gennemgået=date(2025, 1, 1), gennemgå_igen_om="1 år"))
    fine = ReviewedPage("a.md", "Side A", _review(senest_gennemgået=date(2026, 11, 1), gennemgå_igen_om="1 år"))
    soon_day = add_interval(TODAY, "20 dage") - timedelta(days=365)
    soon = ReviewedPage("c.md", "Side C", _review(senest_gennemgået=soon_day, gennemgå_igen_om="1 år"))
    html = str(review_table([fine, soon, late], "gennemgang.md", TODAY))
    assert "1 side over gennemgangsdatoen; 1 side skal gennemgås inden for 30 dage." in html, html
    assert html.index("Side B") < html.index("Side C") < html.index("Side A"), html
    assert "Over gennemgangsdatoen" in html and "Skal gennemgås inden for 30 dage" in html, html
    assert '<a href="../b/">Side B</a>' in html, html


def _aids(history=None) -> ReaderAids:
    return ReaderAids(load_catalog(ROOT / "data"), MOMENT, history, {}, {"parter/eas.md": ("data/parter/eas.yml",)})


def test_front_matter_is_read_as_mkdocs_reads_it():
    """The mapping between the '---' lines and the body after it; no front matter or a broken one gives {}."""
    assert front_matter("---\nejer: EAS\n---\n# Side\n") == ({"ejer": "EAS"}, "# Side\n")
    assert front_matter("# Side\n") == ({}, "# Side\n")
    assert front_matter("---\nejer: [\n---\n# Side\n")[0] == {}


def test_a_page_shows_the_git_plugins_day_or_its_sources_or_the_build():
    """'Sidst ændret' is the git plugin's day when it found a commit, else the newest commit of the page's
    sources, else the build's day."""
    history = {"data/parter/eas.yml": FileHistory(MOMENT.replace(month=1), MOMENT.replace(month=2))}
    aids = _aids(history)
    plugin = aids.page_meta("aftalen.md", {GIT_HASH: "abc", GIT_DAY: "2026-03-04"})[LAST_CHANGED]
    generated = aids.page_meta("parter/eas.md", {})[LAST_CHANGED]
    uncommitted = aids.page_meta("nyt.md", {GIT_HASH: ""})[LAST_CHANGED]
    assert plugin == '<time datetime="2026-03-04">4. marts 2026</time>', plugin
    assert generated == '<time datetime="2026-02-28">28. februar 2026</time>', generated
    assert uncommitted == '<time datetime="2026-11-28">28. november 2026</time>', uncommitted


def test_without_a_history_a_page_shows_only_its_own_review_date():
    """Without a git history to trust, 'Sidst ændret' is the day the page says it was reviewed, or absent: never
    the build's day or a date from git (the control: with a history, every page has one)."""
    good = "---\nejer: EAS\nsenest_gennemgået: 2025-01-01\ngennemgå_igen_om: 1 år\n---\n# A\n"
    bare = _aids().with_pages([("a.md", good), ("b.md", "# B\n")], "/x/docs")
    assert bare.page_meta("a.md", {})[LAST_CHANGED] == '<time datetime="2025-01-01">1. januar 2025</time>'
    assert LAST_CHANGED not in bare.page_meta("b.md", {}), bare.page_meta("b.md", {})
    assert LAST_CHANGED not in bare.page_meta("parter/eas.md", {GIT_HASH: "abc", GIT_DAY: "2026-03-04"})
    assert LAST_CHANGED in _aids({}).page_meta("b.md", {}), "with a history every page has a date"


def test_reviews_from_sources_give_notes_and_every_problem_at_once():
    """Pages' review fields become review facts and one note per overdue page; two bad pages give two problems."""
    good = "---\nejer: EAS\nsenest_gennemgået: 2025-01-01\ngennemgå_igen_om: 1 år\n---\n# A\n"
    aids = _aids().with_pages([("a.md", good), ("b.md", "# B\n")], "/x/docs")
    assert list(aids.reviews) == ["a.md"] and "Ejer: EAS" in aids.page_meta("a.md", {})["vp_review_facts"]
    assert aids.notes("https://x/") == [
        "ingen git-historik at stole på: mappen er ikke en git-checkout. 'Sidst ændret' og nyhederne får indholdets "
        "datoer.",
        "docs/a.md: siden skulle have været gennemgået senest 1. januar 2026 (ejer: EAS).",
    ]
    bad = "---\nsenest_gennemgået: igår\ngennemgå_igen_om: 1 år\n---\n"
    with pytest.raises(DataError) as raised:
        _aids().with_pages([("a.md", bad), ("b.md", bad)], "/x/docs")
    assert [p.file for p in raised.value.problems] == [Path("docs/a.md"), Path("docs/b.md")], raised.value.report()
