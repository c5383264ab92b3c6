"""What changed and when: git history, last-changed dates of generated pages, the news items and the Atom feed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

from vidensportal.catalog import load_catalog
from vidensportal.reader_aids.changes import (
    generated_page_sources,
    markdown_page_sources,
    material_sources,
    newest_commit,
)
from vidensportal.reader_aids.feed import atom_feed
from vidensportal.reader_aids.history import FileHistory, parse_log, read_history
from vidensportal.reader_aids.news import news_items, news_list

from .support import ROOT

CATALOG = load_catalog(ROOT / "data")
ATOM = "{http://www.w3.org/2005/Atom}"
MOMENT = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
EVENT = "2026-03-12-eksempel-rekruttering"


def _at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T10:00:00+00:00")


def _parsed(feed: bytes) -> ET.Element:
    return ET.fromstring(feed)  # noqa: S314 -- the feed this build just wrote


def _feed(items, site_url: str | None = None) -> ET.Element:
    return _parsed(atom_feed(items, site_name="Vidensportalen", site_url=site_url, empty_updated=MOMENT))


def test_parse_log_gives_each_file_its_first_and_last_commit():
    """Newest commit first in git's output: the first seen is the last change, the last seen the creation."""
    log = "\x011700000300\0\ndata/a.yml\0\0\x011700000200\0\ndata/b.yml\0data/a.yml\0\0\x011700000100\0\ndata/a.yml\0\0"
    history = parse_log(log)
    stamp = lambda seconds: datetime.fromtimestamp(seconds, UTC)  # noqa: E731
    assert history == {
        "data/a.yml": FileHistory(created=stamp(1700000100), changed=stamp(1700000300)),
        "data/b.yml": FileHistory(created=stamp(1700000200), changed=stamp(1700000200)),
    }, history


def test_outside_a_git_checkout_there_is_no_history(tmp_path: Path):
    """A folder that is not in a git checkout has no history (None), so callers fall back; no exception."""
    (tmp_path / "data").mkdir()
    assert read_history(tmp_path) is None


def test_every_generated_page_names_its_data_file_and_its_own_prose():
    """Party, track, event and material pages name the YAML they come from and their docs/ prose file."""
    sources = generated_page_sources(CATALOG)
    expected = {
        "parter/eas.md": ("data/parter/eas.yml", "docs/parter/eas.md"),
        "spor/forebyggelse.md": ("data/spor.yml", "docs/spor/forebyggelse.md"),
        f"seminarer/{EVENT}.md": (f"data/seminarer/{EVENT}.yml", f"docs/seminarer/{EVENT}.md"),
    }
    wrong = {path: sources.get(path) for path, files in expected.items() if sources.get(path) != files}
    material = material_sources(CATALOG, "eksempel-oplaeg-rekruttering")
    assert not wrong, f"wrong sources: {wrong}"
    assert material == (f"data/seminarer/{EVENT}.yml", "docs/materialer/eksempel-oplaeg-rekruttering.pdf"), material


def test_the_newest_commit_of_files_and_folders_or_none():
    """The newest commit among a page's files and folders ('data/seminarer/') wins; none committed (or no git): None."""
    history = {
        "data/parter.yml": FileHistory(_at("2026-01-01"), _at("2026-02-01")),
        "data/seminarer/x.yml": FileHistory(_at("2026-01-05"), _at("2026-03-01")),
    }
    assert newest_commit(["data/parter.yml", "data/seminarer/", "docs/x.md"], history) == _at("2026-03-01")
    assert newest_commit(["data/parter.yml", "data/seminar"], history) == _at("2026-02-01")
    assert newest_commit(["docs/x.md"], history) is None and newest_commit(["data/parter.yml"], None) is None


def test_a_markdown_page_counts_the_data_its_macros_show():
    """A page calling seminar_oversigt() depends on data/seminarer/; an unknown macro on all of data/."""
    assert markdown_page_sources("seminarer/index.md", "# S\n\n{{ seminar_oversigt() }}\n") == (
        "docs/seminarer/index.md",
        "data/seminarer/",
    )
    unknown = markdown_page_sources("x.md", "{{ ny_makro() }} {{ spor_liste() }}")
    assert unknown == ("docs/x.md", "data/", "data/spor.yml"), unknown
    assert markdown_page_sources("x.md", "Ingen makroer.") == ("docs/x.md",)


def test_news_is_newest_first_and_marks_new_and_changed_from_git():
    """With git history, items are ordered by their last change; a file changed after it was added is 'Ændret'."""
    old = FileHistory(_at("2026-01-01"), _at("2026-01-01"))
    history = {f"data/seminarer/{key}.yml": old for key in CATALOG.events}
    history |= {f"data/foelgegruppe/{key}.yml": old for key in CATALOG.meetings}
    history[f"data/seminarer/{EVENT}.yml"] = FileHistory(_at("2026-02-01"), _at("2026-06-01"))
    history["data/foelgegruppe/2026-02-10.yml"] = FileHistory(_at("2026-05-01"), _at("2026-05-01"))
    items = news_items(CATALOG, history, MOMENT)
    # A material changes with the file that describes it: the seminar's oplæg, the meeting's referat.
    assert [item.key for item in items[:4]] == [
        f"seminarer/{EVENT}",
        "materialer/eksempel-oplaeg-rekruttering",
        "materialer/eksempel-referat-foelgegruppe-2026-02-10",
        "foelgegruppe/2026-02-10",
    ], items[:4]
    assert items[0].changed and not items[3].changed
    assert [item.updated for item in items] == sorted((item.updated for item in items), reverse=True)
    listing = news_list([items[0], items[3]], "nyt.md")
    assert listing.startswith("- **1. juni 2026** · Ændret · Vidensseminar: [Eksempel: Vidensseminar"), listing
    assert f"(seminarer/{EVENT}.md)" in listing and "(foelgegruppe.md)" in listing, listing


def test_without_git_an_item_is_dated_by_its_own_date_but_never_after_the_build():
    """No history: a held event is dated by its day; a future event by the build's moment, not by its future day."""
    items = {item.key: item for item in news_items(CATALOG, None, MOMENT, count=100)}
    held, planned = items[f"seminarer/{EVENT}"], items["seminarer/2027-01-14-eksempel-netvaerksmoede"]
    assert held.updated.date() == date(2026, 3, 12), held
    assert planned.updated == MOMENT, planned
    assert len(items) == len(CATALOG.events) + len(CATALOG.materials) + len(CATALOG.meetings)


def test_the_feed_has_absolute_links_with_a_site_url_and_none_without():
    """With VIDENSPORTAL_URL every entry links its page absolutely and the feed links itself; without, no links."""
    items = news_items(CATALOG, None, MOMENT)
    with_url = _feed(items, "https://vp.intern/")
    links = [link.get("href") for link in with_url.iter(f"{ATOM}link")]
    assert "https://vp.intern/nyt.xml" in links and f"https://vp.intern/seminarer/{EVENT}/" in links, links
    assert all(href.startswith("https://vp.intern/") for href in links), links
    without = _feed(items)
    assert not list(without.iter(f"{ATOM}link")), "links without a site address"
    entries = without.findall(f"{ATOM}entry")
    assert len(entries) == len(items) and all(e.find(f"{ATOM}id").text.startswith("urn:uuid:") for e in entries)


def test_the_feed_is_newest_first_escaped_and_the_same_every_time():
    """Entries keep the news order; a title with markup is escaped; two runs give the same bytes."""
    items = news_items(CATALOG, None, MOMENT)
    hostile = items[0].__class__(**{**items[0].__dict__, "title": 'Oplæg <script>alert("x")</script> & mere'})
    first = atom_feed([hostile, *items[1:]], site_name="Vidensportalen", site_url=None, empty_updated=MOMENT)
    again = atom_feed([hostile, *items[1:]], site_name="Vidensportalen", site_url=None, empty_updated=MOMENT)
    assert first == again, "the feed differs between two runs"
    assert b"<script>" not in first and b"&lt;script&gt;" in first, first[:600]
    updated = [e.find(f"{ATOM}updated").text for e in _parsed(first).findall(f"{ATOM}entry")]
    assert updated == sorted(updated, reverse=True), updated
    assert _parsed(first).find(f"{ATOM}updated").text == updated[0]


def test_an_empty_feed_is_dated_by_the_build():
    """With nothing to announce, the feed is still valid Atom, dated by the build's moment."""
    feed = _feed([])
    assert feed.find(f"{ATOM}updated").text == MOMENT.isoformat() and not feed.findall(f"{ATOM}entry")


def test_every_macro_says_which_data_it_shows():
    """Each macro contributors can call is in MACRO_SOURCES, so its page's 'Sidst ændret' counts the right data."""
    from vidensportal.content.macro_table import DATED_MACROS, MACROS
    from vidensportal.reader_aids.changes import MACRO_SOURCES

    missing = sorted({*MACROS, *DATED_MACROS, "nyt_paa_portalen"} - set(MACRO_SOURCES))
    assert not missing, f"macros without their data in MACRO_SOURCES: {missing}"
