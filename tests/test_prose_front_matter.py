"""A generated page's prose (docs/parter/<id>.md) may carry owner and review dates: read, validated and shown like
on a hand-written page, never printed as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from vidensportal.content.prose import generated_prose

from .support import build_fails, build_ok

REVIEW = "---\nejer: CUKU\nsenest_gennemgået: 2026-05-01\ngennemgå_igen_om: 6 måneder\n---\n"


def test_the_review_fields_are_taken_off_the_prose(tmp_path):
    """The front matter is not part of the Markdown; plain prose is passed on as it is (negative control)."""
    page = tmp_path / "cuku.md"
    page.write_text(REVIEW + "Tekst om enheden.\n", encoding="utf-8")
    body, problems = generated_prose(page, Path("docs/parter/cuku.md"))
    assert problems == [] and body.strip() == "Tekst om enheden." and "ejer" not in body, (body, problems)
    assert body.splitlines()[5] == "Tekst om enheden.", "the prose keeps its line numbers in the file"
    page.write_text("Tekst uden felter.\n", encoding="utf-8")
    assert generated_prose(page, Path("docs/parter/cuku.md")) == ("Tekst uden felter.\n", [])


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("title: Min titel\n", "docs/parter/cuku.md, linje 2: feltet 'title' kan ikke stå øverst"),
        ("ejer: CUKU\nsenest_gennemgået: i går\ngennemgå_igen_om: 1 år\n", "'i går' er ikke en gyldig dato"),
        ("ejerr: CUKU\n", "mente du 'ejer'?"),
    ],
)
def test_a_wrong_field_in_the_prose_front_matter_is_a_danish_line(tmp_path, front, expected):
    """A key other than the review fields, a bad date or a misspelt key is a problem naming the file."""
    page = tmp_path / "cuku.md"
    page.write_text(f"---\n{front}---\nTekst.\n", encoding="utf-8")
    _, problems = generated_prose(page, Path("docs/parter/cuku.md"))
    assert any(expected in str(p) for p in problems), [str(p) for p in problems]


@pytest.mark.slow
def test_a_party_page_shows_its_owner_and_not_the_front_matter(project: Path):
    """Built, docs/parter/cuku.md's owner and dates show as on a hand-written page; no 'ejer:' text on the page."""
    (project / "docs" / "parter" / "cuku.md").write_text(REVIEW + "Tekst om enheden.\n", encoding="utf-8")
    site = build_ok(project, env={"SOURCE_DATE_EPOCH": "1795000000"})
    html = (site / "parter" / "cuku" / "index.html").read_text(encoding="utf-8")
    assert "Tekst om enheden." in html and "ejer:" not in html and "gennemgå_igen_om" not in html, "printed as text"
    assert "Ejer: CUKU · Gennemgået 1. maj 2026" in html, "the owner and review date are not shown"
    other = (site / "parter" / "eas" / "index.html").read_text(encoding="utf-8")
    assert "Ejer: CUKU" not in other, "negative control: another party's page has no owner line"


@pytest.mark.slow
def test_a_bad_date_in_a_generated_pages_prose_stops_the_build(project: Path):
    """A review date that is not a date in docs/parter/cuku.md stops the build with file, line and field."""
    bad = "---\nsenest_gennemgået: sidste år\ngennemgå_igen_om: 6 måneder\n---\nTekst.\n"
    (project / "docs" / "parter" / "cuku.md").write_text(bad, encoding="utf-8")
    output = build_fails(project)
    assert "docs/parter/cuku.md, linje 2: felt 'senest_gennemgået': 'sidste år' er ikke en gyldig dato" in output, (
        output
    )


def test_an_annual_status_with_front_matter_names_the_files_line(project: Path):
    """An unknown section in docs/aarsstatus/<år>.md under owner fields is reported on its line in the file."""
    from vidensportal.content.dates import build_moment, local_day
    from vidensportal.load import read_sources
    from vidensportal.plan import SiteSources, plan_site
    from vidensportal.settings import read_settings

    page = project / "docs" / "aarsstatus" / "2026.md"
    page.write_text(REVIEW + "Indledning.\n\n## Status på indsatser\n\nTekst.\n", encoding="utf-8")
    settings, _ = read_settings({}, use_directory_urls=True)
    catalog = read_sources(project, project / "docs", settings, local_day(build_moment()))
    files = tuple(p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*") if p.is_file())
    plan = plan_site(catalog, SiteSources(project / "docs", files), site_name="", site_url=None, moment=build_moment())
    found = [str(p) for p in plan.problems]
    assert any(p.startswith("docs/aarsstatus/2026.md, linje 8: ukendt afsnit") for p in found), found
