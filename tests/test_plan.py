"""plan_site decides what the site adds and drops; the adapter only carries the plan out."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from vidensportal.errors import DataError
from vidensportal.load import read_sources
from vidensportal.paths import CALENDAR_FEED, event_calendar_file, page_url, party_page
from vidensportal.plan import SitePlan, SiteSources, plan_site
from vidensportal.settings import read_settings

from .support import ROOT, replace_in

MOMENT = datetime(2026, 11, 28, 12, tzinfo=UTC)
TODAY = MOMENT.date()


def _plan(catalog, docs: Path, files: tuple[str, ...], site_url: str | None = None) -> SitePlan:
    sources = SiteSources(docs, files)
    return plan_site(catalog, sources, site_name="Vidensportalen", site_url=site_url, moment=MOMENT)


def test_every_party_event_and_calendar_is_planned(catalog):
    """A page per party and event, and a calendar per event plus the feed."""
    plan = _plan(catalog, ROOT / "docs", ())
    missing = [party_page(p) for p in catalog.parties if party_page(p) not in plan.pages]
    missing += [event_calendar_file(e) for e in catalog.events if event_calendar_file(e) not in plan.files]
    assert not plan.problems and CALENDAR_FEED in plan.files and not missing, missing


def test_prose_for_an_unknown_id_is_a_problem_naming_the_file(catalog, tmp_path):
    """docs/parter/<id>.md for an id that has no entry is a problem that names the file and suggests the id."""
    (tmp_path / "parter").mkdir()
    (tmp_path / "parter" / "eass.md").write_text("Tekst.\n", encoding="utf-8")
    plan = _plan(catalog, tmp_path, ("parter/eass.md",))
    lines = [str(p) for p in plan.problems]
    assert len(lines) == 1 and "parter/eass.md" in lines[0] and "'eas'" in lines[0], lines


def test_prose_is_removed_from_docs_and_placed_in_its_page(catalog, tmp_path):
    """Prose for a generated page is not published as a page of its own but goes into the generated page."""
    (tmp_path / "parter").mkdir()
    (tmp_path / "parter" / "eas.md").write_text("Særlig tekst om EAS.\n", encoding="utf-8")
    plan = _plan(catalog, tmp_path, ("parter/eas.md",))
    assert "parter/eas.md" in plan.removals and "Særlig tekst om EAS." in plan.pages["parter/eas.md"].body


def test_a_material_file_no_material_names_is_not_published(catalog, tmp_path):
    """A file in docs/materialer/ that no published material names is dropped, with a note saying so."""
    plan = _plan(catalog, ROOT / "docs", ("materialer/glemt.pdf", "materialer/index.md"))
    assert plan.removals == {"materialer/glemt.pdf"} and any("glemt.pdf" in n for n in plan.notes), plan


def test_calendar_entries_link_to_their_page_only_with_a_site_url(catalog):
    """With VIDENSPORTAL_URL the calendar links each event to its page; without it, no link is invented."""
    event_id = next(iter(catalog.events))
    url = f"https://vidensportal.intern/{page_url(f'seminarer/{event_id}.md')}"
    linked = _plan(catalog, ROOT / "docs", (), site_url="https://vidensportal.intern/")
    unlinked = _plan(catalog, ROOT / "docs", ())
    assert url.encode() in linked.files[event_calendar_file(event_id)].replace(b"\r\n ", b"")
    assert b"https://vidensportal.intern" not in unlinked.files[event_calendar_file(event_id)]


def test_the_source_guard_and_the_catalog_report_their_problems_in_one_round(project):
    """A CPR number in docs/ and a broken data file are both reported by one build, not one after the other;
    a project with neither reads cleanly (control)."""
    settings, _ = read_settings({}, use_directory_urls=True)
    assert read_sources(project, project / "docs", settings, TODAY).parties, "the shipped project did not read cleanly"
    (project / "docs" / "note.md").write_text("# Note\n\nRing 010190-1234.\n", encoding="utf-8")
    replace_in(project / "data" / "spor.yml", "id: forebyggelse", "id: [")
    with pytest.raises(DataError) as caught:
        read_sources(project, project / "docs", settings, TODAY)
    named = sorted({problem.file.as_posix() for problem in caught.value.problems})
    assert named == ["data/spor.yml", "docs/note.md"], named
