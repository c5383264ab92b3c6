"""The static files are copied by a thread while the pages render, and all of them arrive."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from macros import static_copies
from macros.static_copies import BackgroundCopies


def _files(docs: Path, site: Path, names: list[str], written_later: tuple[str, ...] = ()) -> BackgroundCopies:
    files = [File(name, str(docs), str(site), use_directory_urls=True) for name in names]
    return BackgroundCopies(files, written_later)


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
    """Negative control: a static file that cannot be copied is a Danish error at wait(), not silently missing."""
    docs, site = _docs(tmp_path), tmp_path / "site"
    files = _files(docs, site, ["index.md", "materialer/x/x.pdf", "materialer/x/forsvundet.pdf"])
    files.copy_static_files()
    with pytest.raises(PluginError, match=r"En fil kunne ikke kopieres til sitet: .*forsvundet\.pdf"):
        files.wait()
    files.wait()  # the error is reported once; a second wait has nothing left to wait for


def test_wait_before_any_copy_returns_at_once(tmp_path):
    """wait() on files whose copying mkdocs never started (another plugin replaced them) does nothing."""
    _files(_docs(tmp_path), tmp_path / "site", ["index.md"]).wait()


@contextmanager
def _copier_held():
    """The copying thread held busy until the block ends, so what is queued behind it waits."""
    release = threading.Event()
    static_copies._COPIER.submit(release.wait)
    try:
        yield
    finally:
        release.set()


def test_drain_waits_for_copies_a_failed_build_left_queued(tmp_path):
    """drain() returns only when copies queued by a build that never waited (it failed) are done."""
    docs, site = _docs(tmp_path), tmp_path / "site"
    with _copier_held():
        _files(docs, site, ["index.md", "materialer/x/x.pdf"]).copy_static_files()
        queued_not_copied = not (site / "materialer/x/x.pdf").exists()
    static_copies.drain()
    assert queued_not_copied, "the copy ran although the copying thread was held: the test shows nothing"
    assert (site / "materialer/x/x.pdf").is_file(), "drain() returned before the queued copy was done"


def test_a_file_mkdocs_writes_later_is_not_overwritten_by_a_late_copy(tmp_path):
    """A static docs/404.html is copied at once, so the 404.html mkdocs renders after the pages replaces it."""
    docs, site = _docs(tmp_path), tmp_path / "site"
    (docs / "404.html").write_text("statisk", encoding="utf-8")
    files = _files(docs, site, ["index.md", "404.html", "materialer/x/x.pdf"], written_later=("404.html",))
    with _copier_held():
        files.copy_static_files()
        (site / "404.html").write_text("fra mkdocs", encoding="utf-8")  # what mkdocs does after the pages
    files.wait()
    assert (site / "404.html").read_text(encoding="utf-8") == "fra mkdocs"


def test_negative_control_without_written_later_the_late_copy_wins(tmp_path):
    """Negative control: when 404.html is not named as written later, the late background copy replaces it."""
    docs, site = _docs(tmp_path), tmp_path / "site"
    (docs / "404.html").write_text("statisk", encoding="utf-8")
    files = _files(docs, site, ["index.md", "404.html"])
    with _copier_held():
        files.copy_static_files()
        site.mkdir(parents=True, exist_ok=True)
        (site / "404.html").write_text("fra mkdocs", encoding="utf-8")
    files.wait()
    assert (site / "404.html").read_text(encoding="utf-8") == "statisk"
