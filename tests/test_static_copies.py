"""The static files are copied by a thread while the pages render, and all of them arrive."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.structure.files import File

from macros.static_copies import BackgroundCopies


def _files(docs: Path, site: Path, names: list[str]) -> BackgroundCopies:
    return BackgroundCopies([File(name, str(docs), str(site), use_directory_urls=True) for name in names])


def _docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    for name, text in {"index.md": "# Forside", "a/b/side.md": "# Side", "materialer/x/x.pdf": "%PDF-1.4"}.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return docs


def test_every_static_file_is_copied_and_every_page_folder_made(tmp_path):
    """After wait(), each static file is in the site with its content, and each page's folder exists."""
    docs, site = _docs(tmp_path), tmp_path / "site"
    files = _files(docs, site, ["index.md", "a/b/side.md", "materialer/x/x.pdf"])
    calendar = File("seminarer/x.ics", src_dir=None, dest_dir=str(site), use_directory_urls=True)
    calendar.content_string = "BEGIN:VCALENDAR"  # a file made in memory, as the event calendars are
    files.append(calendar)
    files.copy_static_files()
    files.wait()
    problems = [p for p in ("materialer/x/x.pdf", "seminarer/x.ics") if not (site / p).is_file()]
    problems += [p for p in ("a/b/side", "") if not (site / p).is_dir()]
    assert not problems, f"missing from the site: {problems}"
    assert (site / "materialer/x/x.pdf").read_text() == "%PDF-1.4"
    assert (site / "seminarer/x.ics").read_text() == "BEGIN:VCALENDAR"


def test_negative_control_a_failed_copy_is_raised_by_wait(tmp_path):
    """Negative control: a static file that cannot be copied is an error at wait(), not silently missing."""
    docs, site = _docs(tmp_path), tmp_path / "site"
    files = _files(docs, site, ["index.md", "materialer/x/x.pdf", "materialer/x/forsvundet.pdf"])
    files.copy_static_files()
    with pytest.raises(FileNotFoundError, match=r"forsvundet\.pdf"):
        files.wait()
    files.wait()  # the error is reported once; a second wait has nothing left to wait for


def test_wait_before_any_copy_returns_at_once(tmp_path):
    """wait() on files whose copying mkdocs never started (another plugin replaced them) does nothing."""
    _files(_docs(tmp_path), tmp_path / "site", ["index.md"]).wait()
