"""What changed and when: git history, last-changed dates of generated pages, the news items and the Atom feed."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
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
from vidensportal.reader_aids.history import NOT_A_CHECKOUT, SHALLOW, FileHistory, History, parse_log, read_history
from vidensportal.reader_aids.news import news_items, news_list
from vidensportal.reader_aids.revisions import (
    ContentHistory,
    parse_batch,
    parse_raw_log,
    read_content_history,
    yaml_view,
)

from .support import ROOT

CATALOG = load_catalog(ROOT / "data")
ATOM = "{http://www.w3.org/2005/Atom}"
MOMENT = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
EVENT = "2026-03-12-eksempel-rekruttering"
EVENT_PLANNED = "2027-01-14-eksempel-netvaerksmoede"
INITIATIVE = (ROOT / "data/indsatser/sammen-om-familien.yml").read_bytes()


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
    """A folder that is not in a git checkout has no history and says why, so callers fall back; no exception."""
    (tmp_path / "data").mkdir()
    assert read_history(tmp_path) == History(None, NOT_A_CHECKOUT)


def _commit(repo: Path, name: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_AUTHOR_DATE": when}
    env |= {"GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.invalid", "GIT_COMMITTER_DATE": when}
    (repo / "data").mkdir(exist_ok=True)
    (repo / "data" / name).write_text(when, encoding="utf-8")
    for command in (["add", "-A"], ["commit", "-qm", name]):
        subprocess.run(["git", "-C", str(repo), *command], env=env, check=True, capture_output=True)  # noqa: S607


def test_a_shallow_clone_has_no_history_and_says_how_to_fetch_it(tmp_path: Path):
    """A `git clone --depth 1` would date every file by its one commit: it has no history, and the reason names
    `git fetch --unshallow`; the full clone (control) has each file's own dates."""
    origin = tmp_path / "origin"
    subprocess.run(["git", "init", "-q", str(origin)], check=True, capture_output=True)  # noqa: S607
    _commit(origin, "a.yml", "2025-01-05T10:00:00+00:00")
    _commit(origin, "b.yml", "2026-02-07T10:00:00+00:00")
    for depth, name in ((["--depth", "1"], "shallow"), ([], "full")):
        command = ["git", "clone", "-q", *depth, f"file://{origin}", str(tmp_path / name)]
        subprocess.run(command, check=True, capture_output=True)
    shallow, full = read_history(tmp_path / "shallow"), read_history(tmp_path / "full")
    assert shallow == History(None, SHALLOW) and "git fetch --unshallow" in SHALLOW, shallow
    assert full.files is not None and full.files["data/a.yml"].changed.year == 2025, full


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


def _history(files: dict[str, list[tuple[str, bytes]]]) -> ContentHistory:
    """A content history of `files`: each path's versions, oldest first, as (day, content)."""
    versions, blobs = {}, {}
    for path, found in files.items():
        versions[path] = []
        for number, (day, content) in enumerate(found):
            blob = f"{path}@{number}"
            versions[path].append((_at(day), blob))
            blobs[blob] = content
    return ContentHistory(versions, blobs)


def test_news_is_newest_first_and_says_what_changed():
    """With history, a future seminar is news when it was announced and 'Ændret' when a value a reader sees
    changed later, naming the field; negative control: a commit that only reformats or adds a comment or schema
    line is no news."""
    event = (ROOT / f"data/seminarer/{EVENT_PLANNED}.yml").read_bytes()
    reformatted = b"# yaml-language-server: $schema=../../schemas/seminar.json\n# en kommentar\n" + event + b"\n\n"
    moved = event.replace(b"\nsted: ", b"\nsted: Et andet lokale end ", 1)
    history = _history({f"data/seminarer/{EVENT_PLANNED}.yml": [("2026-02-01", event), ("2026-10-01", reformatted)]})
    quiet = {i.key: i for i in news_items(CATALOG, history, MOMENT, count=100)}[f"seminarer/{EVENT_PLANNED}"]
    history = _history({f"data/seminarer/{EVENT_PLANNED}.yml": [("2026-02-01", event), ("2026-10-01", moved)]})
    items = news_items(CATALOG, history, MOMENT, count=100)
    changed = {i.key: i for i in items}[f"seminarer/{EVENT_PLANNED}"]
    assert (quiet.state, quiet.updated) == ("Nyt", _at("2026-02-01")), quiet
    assert (changed.state, changed.fields, changed.updated) == ("Ændret", ("sted",), _at("2026-10-01")), changed
    assert [item.updated for item in items] == sorted((item.updated for item in items), reverse=True)
    listing = news_list([changed], "nyt.md")
    assert listing.startswith("### Oktober 2026") and "Ændret: sted" in listing, listing
    assert f'href="../seminarer/{EVENT_PLANNED}/"' in listing and 'data-vp-day="2026-10-01"' in listing, listing


def test_news_covers_parties_initiatives_annual_texts_and_pages():
    """A party that left is news on its udtrådt day; an initiative, a year's annual status text and an edited
    hand-written page are news from their commits; negative control: a page's first version, and an edit to its
    review fields only, are none."""
    party = CATALOG.parties["cuku"].model_copy(update={"left": date(2026, 9, 1)})
    catalog = replace(CATALOG, parties={**CATALOG.parties, "cuku": party})
    page = b"---\ntitle: Aftalen\n---\n# Om aftalen\n\nTekst.\n"
    reviewed = page.replace(b"---\n#", b"ejer: EAS\nsenest_gennemg\xc3\xa5et: 2026-08-01\n---\n#")
    history = _history({
        "data/indsatser/sammen-om-familien.yml": [("2026-04-01", INITIATIVE)],
        "docs/aarsstatus/2025.md": [("2026-03-01", b"## Status p\xc3\xa5 indsatserne\n\nSkrevet.\n")],
        "docs/aftalen.md": [("2026-01-01", page), ("2026-08-01", reviewed)],
        "docs/maal.md": [("2026-01-01", page), ("2026-07-01", page.replace(b"Tekst.", b"Ny tekst."))],
    })  # fmt: skip
    pages = [("aarsstatus/2025.md", "Årsstatus 2025"), ("aftalen.md", "Om aftalen"), ("maal.md", "Mål")]
    items = {item.key: item for item in news_items(catalog, history, MOMENT, pages, count=200)}
    found = {
        key: (items[key].state, items[key].updated.date().isoformat(), items[key].fields)
        for key in ("parter/cuku/udtraadt", "indsatser/sammen-om-familien", "aarsstatus/2025", "sider/aftalen.md",
                    "sider/maal.md")
        if key in items
    }  # fmt: skip
    assert found == {
        "parter/cuku/udtraadt": ("Udtrådt", "2026-09-01", ()),
        "indsatser/sammen-om-familien": ("Nyt", "2026-04-01", ()),
        "aarsstatus/2025": ("Nyt", "2026-03-01", ()),
        "sider/maal.md": ("Ændret", "2026-07-01", ("teksten",)),
    }, found


def test_the_front_page_gets_the_newest_few_as_one_list():
    """With a count the newest items come as one list without month headings."""
    items = news_items(CATALOG, None, MOMENT, count=100)
    listing = news_list(items[:3], "index.md", headings=False)
    assert "###" not in listing and listing.count('class="vp-news__item"') == 3, listing


def test_raw_log_and_batch_parse_into_versions_and_contents():
    """`git log --raw -z` gives each path's versions oldest first (a deletion as the zero id), and
    `git cat-file --batch` each blob's bytes."""
    zero, a, b = "0" * 40, "a" * 40, "b" * 40
    log = (
        f"\x011700000300\n\n:100644 000000 {b} {zero} D\0data/x.yml\0"
        f"\x011700000200\n\n:100644 100644 {a} {b} M\0data/x.yml\0"
        f"\x011700000100\n\n:000000 100644 {zero} {a} A\0data/x.yml\0"
    )
    versions = parse_raw_log(log)
    assert [blob for _, blob in versions["data/x.yml"]] == [a, b, zero], versions
    batch = f"{a} blob 3\nabc\n{b} blob 0\n\n".encode()
    assert parse_batch(batch) == {a: b"abc", b: b""}


def test_a_shallow_clone_has_no_content_history(tmp_path: Path):
    """A checkout with its whole history gives versions; a --depth 1 clone of it gives None, as its first commit
    would look like every file's creation."""
    origin = tmp_path / "origin"
    (origin / "data").mkdir(parents=True)
    git = shutil.which("git") or "git"
    committer = [git, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-C", str(origin)]
    subprocess.run([git, "init", "-q", str(origin)], check=True)
    for text in ("a: 1\n", "a: 2\n"):
        (origin / "data/x.yml").write_text(text, encoding="utf-8")
        subprocess.run([*committer, "add", "-A"], check=True)
        subprocess.run([*committer, "commit", "-qm", "x"], check=True)
    full = read_content_history(origin)
    subprocess.run([git, "clone", "-q", "--depth", "1", f"file://{origin}", str(tmp_path / "shallow")], check=True)
    assert full is not None and len(full.changes("data/x.yml", yaml_view())) == 2
    assert read_content_history(tmp_path / "shallow") is None


def test_without_git_an_item_is_dated_by_its_own_date_but_never_after_the_build():
    """No history: a held event is dated by its day; a future event by the build's moment, not by its future day;
    what has no date of its own (an initiative, a page's edit) is left out rather than dated wrongly."""
    items = {item.key: item for item in news_items(CATALOG, None, MOMENT, count=100)}
    held, planned = items[f"seminarer/{EVENT}"], items["seminarer/2027-01-14-eksempel-netvaerksmoede"]
    assert held.updated.date() == date(2026, 3, 12), held
    assert planned.updated == MOMENT, planned
    dated = [CATALOG.events, CATALOG.materials, CATALOG.meetings, CATALOG.parties]  # an initiative has no date
    assert len(items) == sum(len(kind) for kind in dated), sorted(items)


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
