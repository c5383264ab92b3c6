"""Unfinished entries are visible: placeholder text from make ny-seminar is listed with file and line; file names
from make ny-seminar end on a whole word."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tools import new_event
from tools.new_event import MAX_SLUG, main, render, slugify
from vidensportal.catalog import load_catalog
from vidensportal.data.placeholders import PLACEHOLDERS, placeholders_in
from vidensportal.data.yamlfile import read_yaml

from .support import build_log, line_number

DAY = "2099-06-01"  # in the future, so a planned event is not a status warning too


def _scaffold(project: Path, title: str = "Pladsholdere tilbage") -> Path:
    assert main(["--titel", title, "--dato", DAY, "--data-dir", str(project / "data")]) == 0
    return project / "data" / "seminarer" / f"{DAY}-{slugify(title)}.yml"


def test_new_event_writes_exactly_the_shared_placeholders(tmp_path):
    """The placeholders the tool writes are the list the check looks for, in one place (placeholders.py)."""
    text = render("Titel", date(2026, 6, 1), "vidensseminar", ["vidensdeling"], ["eas"])
    written = tmp_path / "ny.yml"
    written.write_text(text, encoding="utf-8")
    found = placeholders_in(read_yaml(written, Path("ny.yml")), Path("ny.yml"))
    assert all(placeholder in text for placeholder in PLACEHOLDERS), text
    assert len(found) == len(PLACEHOLDERS), [str(p) for p in found]


def test_placeholders_are_warnings_with_file_and_line(project):
    """Loading a scaffolded file keeps it (no error) and lists each placeholder with file, line and field."""
    path = _scaffold(project)
    catalog = load_catalog(project / "data")
    shown = path.relative_to(project)
    warnings = [str(w) for w in catalog.warnings]
    assert len(warnings) == len(PLACEHOLDERS), warnings
    for key in ("sted", "målgruppe", "beskrivelse"):
        start = f"{shown}, linje {line_number(path, key + ':')}: feltet '{key}' står stadig med pladsholderteksten"
        assert any(w.startswith(start) for w in warnings), f"no warning starting {start!r}: {warnings}"


def test_negative_control_filled_in_entries_give_no_warning(project):
    """Negative control: once the placeholders are replaced, no warning is left; variants of them are still seen."""
    path = _scaffold(project)
    text = path.read_text(encoding="utf-8")
    for placeholder in PLACEHOLDERS:
        text = text.replace(placeholder, "Rigtig tekst.")
    path.write_text(text, encoding="utf-8")
    assert not load_catalog(project / "data").warnings
    path.write_text(text.replace("sted: ", "sted: 'Lokale 3 –  sted ANGIVES senere'  # ", 1), encoding="utf-8")
    assert len(load_catalog(project / "data").warnings) == 1, "a placeholder kept inside other text is still seen"


@pytest.mark.slow
def test_the_build_lists_placeholders_as_warnings(project):
    """The build succeeds and lists each placeholder as ADVARSEL with file and line."""
    path = _scaffold(project)
    output = build_log(project)
    shown = path.relative_to(project)
    warned = [line for line in output.splitlines() if "ADVARSEL" in line and str(shown) in line]
    assert len(warned) == len(PLACEHOLDERS), output
    assert all(", linje " in line for line in warned), warned


@pytest.mark.parametrize(
    "title",
    [
        "Netværksmøde om rekruttering og exit-arbejde på tværs af forvaltningerne",
        "Erfaringsudveksling om forebyggelse i netværk på tværs af myndighederne",
        "Samarbejde mellem skole, SSP og politi om de unge i bydelene og deres familier",
    ],
)
def test_file_names_end_on_a_whole_word(title, monkeypatch):
    """A long title is cut between words, and the name does not end on a word that leads into the rest."""
    slug = slugify(title)
    monkeypatch.setattr(new_event, "MAX_SLUG", 10_000)
    uncut = slugify(title)
    assert len(slug) <= MAX_SLUG, slug
    assert uncut.startswith(f"{slug}-"), f"{slug!r} is not {uncut!r} cut between two words"
    assert slug.split("-")[-1] not in {"og", "i", "paa", "af", "til", "om", "for", "med", "de", "den"}, slug
