"""Built sites: the menu, 'Sidst ændret' on every page, review notices, the news page and feed, the 404 page."""

from __future__ import annotations

import html as html_module
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from vidensportal.editor.site_files import EDITOR_DIR

from .support import build_fails, build_log, build_ok, replace_in

pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"
EPOCH = "1795867200"  # 2026-11-28 12:00 UTC
EVENT = "2026-03-12-eksempel-rekruttering"


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _pages(site: Path) -> list[Path]:
    """The readers' pages: not the editor's (Decap CMS, at /redaktion/), which has no footer or feed."""
    return sorted(p for p in site.rglob("index.html") if not p.relative_to(site).as_posix().startswith(EDITOR_DIR))


def _feed(site: Path) -> ET.Element:
    return ET.fromstring((site / "nyt.xml").read_bytes())  # noqa: S314 -- this build's own feed


def _nav_links(html: str) -> list[tuple[str, str]]:
    """(href, label) of every link in the tabs and the primary navigation, not the footer or the contents."""
    menu = html[html.index('<nav class="md-tabs"') : html.index("md-sidebar--secondary")]
    link = r'<a href="([^"]*)" class="md-(?:nav|tabs)__link[^"]*">\s*(?:<span class="md-ellipsis">)?\s*([^<]+?)\s*<'
    found = re.findall(link, menu)
    return [(href, " ".join(label.split())) for href, label in found]


def test_arsstatus_has_its_own_menu_entry_and_organisering_is_not_the_annual_status(built_site: Path):
    """The menu has 'Årsstatus' leading to aarsstatus/; the Organisering section opens no Årsstatus page."""
    links = _nav_links(_html(built_site, "aftalen"))
    labels = {label: href for href, label in links}
    assert labels.get("Årsstatus", "").rstrip("/").endswith("aarsstatus"), links
    organisering = [href for href, label in _nav_links(_html(built_site, "organisering")) if label == "Organisering"]
    assert organisering and not any("aarsstatus" in href for href in organisering), organisering


def test_the_contributor_guide_is_in_the_footer_not_in_the_menu(built_site: Path):
    """'Sådan bidrager du' and 'Sider til gennemgang' are linked from every page's footer and not from the menu."""
    in_menu, no_footer = [], []
    for page in _pages(built_site):
        html = page.read_text(encoding="utf-8")
        if "md-tabs" in html and any("bidrag" in href for href, _ in _nav_links(html)):
            in_menu.append(str(page.relative_to(built_site)))
        footer = html[html.index('<footer class="md-footer">') :]
        if not re.search(r'href="[^"]*bidrag/"', footer) or not re.search(r'href="[^"]*gennemgang/"', footer):
            no_footer.append(str(page.relative_to(built_site)))
    assert not in_menu and not no_footer, f"guide in the menu: {in_menu}; footer without it: {no_footer}"


def test_every_page_says_when_it_last_changed_and_announces_the_feed(built_site: Path):
    """Every page has 'Sidst ændret' with a Danish date and a <link rel=alternate> to the Atom feed that resolves."""
    problems = []
    for page in _pages(built_site):
        html = page.read_text(encoding="utf-8")
        name = str(page.relative_to(built_site))
        if not re.search(r'Sidst ændret <time datetime="\d{4}-\d\d-\d\d">\d{1,2}\. [a-zæøå]+ \d{4}</time>', html):
            problems.append(f"{name}: no 'Sidst ændret'")
        link = re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', html)
        if not link or not (page.parent / link[1]).resolve().is_file():
            problems.append(f"{name}: feed link {link[1] if link else None}")
    assert len(_pages(built_site)) > 20 and not problems, "\n".join(problems)


def test_the_news_page_and_feed_list_the_same_items_newest_first(built_site: Path):
    """'Nyt på portalen' lists what is new; the feed has the same items, newest first, and every example item on
    the page carries the example badge."""
    html = _html(built_site, "nyt")
    feed = _feed(built_site)
    entries = feed.findall(f"{ATOM}entry")
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    titles = {e.find(f"{ATOM}title").text for e in entries}
    assert updated == sorted(updated, reverse=True), updated
    assert "Eksempel: Netværksmøde mellem aftalens parter" in titles, titles
    items = re.findall(r'<li class="vp-news__item"[^>]*>.*?</li>', html)
    linked = [re.sub(r"<[^>]+>", "", re.search(r'<a href="[^"]*">(.*?)</a>', item)[1]) for item in items]
    on_page = {html_module.unescape(title) for title in linked}
    examples = [item for item, title in zip(items, linked, strict=True) if "Eksempel" in title]
    unmarked = [item for item in examples if 'class="vp-badge vp-badge--example"' not in item]
    assert len(items) == len(entries) and examples and not unmarked, (len(items), len(entries), unmarked)
    assert on_page == {title.removesuffix(" (eksempel)") for title in titles}, on_page ^ titles


def test_the_404_page_is_danish(built_site: Path):
    """404.html speaks Danish, offers the home page and has no English heading (negative: 'Not found')."""
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Siden findes ikke</h1>" in html and "Gå til forsiden" in html, html[-2000:]
    assert "Not found" not in html and '<html lang="da"' in html


def test_the_tags_page_describes_what_it_holds_and_the_strategy_is_hyphenated(built_site: Path):
    """Emner no longer claims an order it does not have; 'Sikker By strategi' appears nowhere in the site."""
    tags = _html(built_site, "tags")
    assert "ordnet efter myndighed og spor" not in tags and "de fire spor, parterne" in tags
    pages = {str(p.relative_to(built_site)): p.read_text("utf-8") for p in _pages(built_site)}
    unhyphenated = [name for name, html in pages.items() if re.search(r"Sikker By\s+strategi", html)]
    assert not unhyphenated, f"'Sikker By strategi' on: {unhyphenated}"
    assert "Sikker By-strategi" in _html(built_site, "maal")


LAST_CHANGED_DAY = re.compile(r"Sidst ændret <time [^>]+>([^<]+)<")


def _last_changed(site: Path) -> dict[str, str]:
    """Each page's 'Sidst ændret' day as shown, by page."""
    found = {str(p.relative_to(site)): LAST_CHANGED_DAY.search(p.read_text("utf-8")) for p in _pages(site)}
    return {page: day[1] for page, day in found.items() if day}


def test_outside_git_no_page_claims_a_date_and_the_feed_is_reproducible(project: Path, tmp_path: Path):
    """A copy without .git builds; one Danish line says so; no page shows a 'Sidst ændret' it cannot vouch for
    (the build's day included); two builds give the same feed. Without VIDENSPORTAL_URL one line says the feed
    has no links."""
    env = {"SOURCE_DATE_EPOCH": EPOCH}
    log = build_log(project, tmp_path / "a", env=env)
    build_ok(project, tmp_path / "b", env=env)
    assert log.count("ingen git-historik at stole på: mappen er ikke en git-checkout") == 1, log
    assert "git_revision_date_localized_plugin" not in log, log
    assert log.count("VIDENSPORTAL_URL er ikke sat, så nyhedsfeedet") == 1, log
    assert not _last_changed(tmp_path / "a"), f"pages with a date without a history: {_last_changed(tmp_path / 'a')}"
    assert (tmp_path / "a" / "nyt.xml").read_bytes() == (tmp_path / "b" / "nyt.xml").read_bytes()


def test_a_shallow_clone_is_named_once_and_its_dates_come_from_the_content(project: Path, tmp_path: Path):
    """A `git clone --depth 1` builds with one Danish line naming the shallow clone and `git fetch --unshallow`;
    no page shows its one commit's day, and the news carry the items' own dates. The full clone (control) dates
    the pages from git."""
    _git(project, "init", "-q", when="2026-01-05T10:00:00+00:00")
    _git(project, "add", "-A", when="2026-01-05T10:00:00+00:00")
    _git(project, "commit", "-qm", "first", when="2026-01-05T10:00:00+00:00")
    (project / "docs" / "aftalen.md").write_text((project / "docs" / "aftalen.md").read_text("utf-8") + "\nMere.\n")
    _git(project, "commit", "-qam", "second", when="2026-02-07T10:00:00+00:00")
    clone = tmp_path / "klon"
    command = ["git", "clone", "-q", "--depth", "1", f"file://{project}", str(clone)]
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    log = build_log(clone, tmp_path / "lav", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert log.count("shallow clone") == 1 and "git fetch --unshallow" in log, log
    assert not _last_changed(tmp_path / "lav"), _last_changed(tmp_path / "lav")
    news = _html(tmp_path / "lav", "nyt")
    assert "7. februar 2026" not in news, "a news item carries the clone's commit date"
    full = build_ok(project, tmp_path / "fuld")
    assert _last_changed(full).get("aftalen/index.html") == "7. februar 2026", _last_changed(full)


def test_with_a_site_address_the_feed_links_are_absolute(project: Path, tmp_path: Path):
    """With VIDENSPORTAL_URL set, every link in the feed is absolute on that address and no warning line is logged."""
    log = build_log(project, tmp_path / "site", env={"VIDENSPORTAL_URL": "https://vidensportal.intern/"})
    links = [link.get("href") for link in _feed(tmp_path / "site").iter(f"{ATOM}link")]
    assert "VIDENSPORTAL_URL er ikke sat" not in log, log
    assert links and all(href.startswith("https://vidensportal.intern/") for href in links), links
    assert f"https://vidensportal.intern/seminarer/{EVENT}/" in links, links


def _git(project: Path, *args: str, when: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", "-C", str(project), *args], env=env, check=True, capture_output=True, timeout=60)  # noqa: S607


def test_in_git_a_generated_page_is_dated_by_its_data_file(project: Path):
    """A party page shows its YAML's last commit; an event page the later commit of its own file; that event is
    in the feed as changed, dated by its own day and by the change; a Markdown page shows its own commit, or that
    of the data its macros list."""
    _git(project, "init", "-q", when="2026-01-05T10:00:00+00:00")
    _git(project, "add", "-A", when="2026-01-05T10:00:00+00:00")
    _git(project, "commit", "-qm", "first", when="2026-01-05T10:00:00+00:00")
    event = project / "data" / "seminarer" / f"{EVENT}.yml"
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace("sted: Eksempel – lokale", "sted: Eksempel – et andet lokale"), encoding="utf-8")
    _git(project, "commit", "-qam", "second", when="2026-04-07T10:00:00+00:00")
    site = build_ok(project)
    dates = {
        "parter/eas": "5. januar 2026",
        f"seminarer/{EVENT}": "7. april 2026",
        "materialer/eksempel-oplaeg-rekruttering": "7. april 2026",
        "aftalen": "5. januar 2026",
        "seminarer": "7. april 2026",  # its Markdown is older, but the seminars it lists changed
    }
    shown = {path: re.search(r"Sidst ændret <time [^>]+>([^<]+)<", _html(site, path)) for path in dates}
    wrong = {path: found and found[1] for path, found in shown.items() if not found or found[1] != dates[path]}
    assert not wrong, f"wrong 'Sidst ændret': {wrong}"
    entries = _feed(site).findall(f"{ATOM}entry")
    first = next(e for e in entries if e.find(f"{ATOM}title").text.startswith("Eksempel: Vidensseminar"))
    updated, published = first.find(f"{ATOM}updated").text, first.find(f"{ATOM}published").text
    assert updated.startswith("2026-04-07") and published.startswith("2026-03-12"), (updated, published)
    assert "· Ændret · Vidensseminar:" in _html(site, "nyt") and "Ændret: sted" in _html(site, "nyt")


def _front_matter(page: Path, *lines: str) -> None:
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n"), page
    page.write_text("---\n" + "".join(f"{line}\n" for line in lines) + text[4:], encoding="utf-8")


def test_a_page_past_its_review_date_warns_readers_the_log_and_the_editors_page(project: Path):
    """aftalen.md, due 1 November, warns its readers, gets a build line and is overdue on 'Sider til gennemgang';
    maal.md, due next year, does not (negative control)."""
    due = "gennemgå_igen_om: 6 måneder"
    _front_matter(project / "docs" / "aftalen.md", "ejer: EAS", "senest_gennemgået: 2026-05-01", due)
    _front_matter(project / "docs" / "maal.md", "ejer: Sikker By", "senest_gennemgået: 2026-11-01", due)
    site = project.parent / "site"
    log = build_log(project, site, env={"SOURCE_DATE_EPOCH": EPOCH})
    aftalen, maal, editors = _html(site, "aftalen"), _html(site, "maal"), _html(site, "gennemgang")
    assert "Siden skulle have været gennemgået af EAS senest 1. november 2026" in aftalen, "no notice on aftalen"
    assert "Ejer: EAS · Gennemgået 1. maj 2026, næste gang senest 1. november 2026" in aftalen
    assert "vp-review-overdue" not in maal and "Siden er ikke gennemgået" not in maal, "a notice on a page in order"
    assert "docs/aftalen.md: siden skulle have været gennemgået senest 1. november 2026 (ejer: EAS)." in log, log
    assert "docs/maal.md: siden skulle" not in log, log
    table = editors[editors.index('<h1 id="sider-til-gennemgang"') :]
    assert "1 side over gennemgangsdatoen;" in table and table.index("Om aftalen") < table.index("Sikker By-mål")


def test_a_bad_review_field_stops_the_build_with_a_danish_line(project: Path):
    """A review date that is not a date stops the build with file, line and field, and no traceback."""
    _front_matter(project / "docs" / "aftalen.md", "senest_gennemgået: sidste år", "gennemgå_igen_om: 6 måneder")
    output = build_fails(project)
    assert "docs/aftalen.md, linje 2: felt 'senest_gennemgået': 'sidste år' er ikke en gyldig dato" in output, output


def test_two_parties_with_one_abbreviation_stop_the_build(project: Path):
    """A second party claiming 'EAS' stops the build with a Danish line naming both."""
    replace_in(project / "data" / "parter" / "osa.yml", "forkortelse: OSA", "forkortelse: EAS")
    output = build_fails(project)
    assert "post 'osa': felt 'forkortelse': forkortelsen 'EAS' bruges allerede af 'eas'" in output, output
