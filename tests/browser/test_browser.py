"""The site as staff meet it: Debian's Chromium, driven by Playwright, against the built site on 127.0.0.1."""

from __future__ import annotations

import pytest

from .conftest import PAGE_KINDS

pytestmark = pytest.mark.slow  # every test here opens a browser

SERIOUS = {"serious", "critical"}


def test_home_page_renders_without_console_errors(visit, base_url):
    """The home page loads with its title and the four tracks, and logs no console error."""
    visit.page.goto(base_url)
    assert visit.page.title() == "Forside - Vidensportalen", visit.page.title()
    assert visit.page.locator(".vp-marking").inner_text().startswith("Intern"), "no classification marking"
    assert visit.page.locator(".grid.cards li").count() == 4, "the four tracks are not shown"
    assert not visit.errors, f"console errors: {visit.errors}"


def _search(visit, base_url: str, query: str) -> list[str]:
    visit.page.goto(base_url)
    visit.page.locator(".md-search__input").click()
    visit.page.locator(".md-search__input").press_sequentially(query)
    # The list is redrawn as each letter arrives: read it once it answers the whole query.
    finished = "q => document.getElementById('vp-search-results').dataset.query === q"
    visit.page.wait_for_function(finished, arg=query, timeout=15_000)
    results = visit.page.locator(".md-search-result__item")
    return [results.nth(i).inner_text() for i in range(results.count())]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("vidensseminar rekruttering", "Eksempel: Vidensseminar om rekruttering til rocker- og bandemiljøet"),
        ("rekrutteringsmønstre", "Eksempel på oplæg: rekruttering til rocker- og bandemiljøet"),
        ("netværksmøde", "Eksempel: Netværksmøde mellem aftalens parter"),
    ],
)
def test_a_danish_query_in_the_search_box_lists_the_expected_page(visit, base_url, query, expected):
    """Typing a Danish query into the search box lists the page; 'rekrutteringsmønstre' is only inside a PDF."""
    titles = _search(visit, base_url, query)
    assert any(expected in title for title in titles), f"{query!r} gave {titles}"


def test_navigation_reaches_a_party_a_track_and_an_event(visit, base_url):
    """From the home page, the tabs and links lead to a party, a track and an event page."""
    page = visit.page
    page.goto(base_url)
    page.get_by_role("link", name="Parter", exact=True).first.click()
    page.get_by_role("link", name="Efterretnings- og Analysesektion (EAS)").first.click()
    page.wait_for_url("**/parter/eas/")
    page.get_by_role("link", name="Spor", exact=True).first.click()
    page.get_by_role("link", name="1. Forebyggelse").first.click()
    page.wait_for_url("**/spor/forebyggelse/")
    page.get_by_role("link", name="Seminarer", exact=True).first.click()
    page.get_by_role("link", name="Eksempel: Vidensseminar om rekruttering til rocker- og bandemiljøet").click()
    page.wait_for_url("**/seminarer/2026-03-12-eksempel-rekruttering/")
    assert page.locator("h1").inner_text().startswith("Eksempel: Vidensseminar"), page.locator("h1").inner_text()
    assert not visit.errors, f"console errors: {visit.errors}"


def test_no_request_leaves_the_machine_on_any_page_kind(visit, base_url):
    """No page kind makes the browser request anything outside 127.0.0.1."""
    for path in PAGE_KINDS.values():
        visit.page.goto(base_url + path, wait_until="networkidle")
    assert not visit.outside, "requests outside 127.0.0.1:\n" + "\n".join(visit.outside)
    assert not visit.errors, f"console errors: {visit.errors}"


def test_every_page_kind_fits_a_phone_without_horizontal_scrolling(browser, base_url):
    """At 375 px width no page kind scrolls sideways."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    too_wide = []
    for kind, path in PAGE_KINDS.items():
        page.goto(base_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            too_wide.append(f"{kind}: {width}px")
    context.close()
    assert not too_wide, f"pages wider than the phone: {too_wide}"


def test_the_calendar_link_downloads_a_calendar(visit, base_url):
    """'Tilføj til kalender' on a coming event's page downloads an .ics calendar for that event."""
    visit.page.goto(base_url + "seminarer/2027-01-14-eksempel-netvaerksmoede/")
    with visit.page.expect_download() as download_info:
        visit.page.get_by_role("link", name="Tilføj til kalender").click()
    download = download_info.value
    content = download.path().read_text(encoding="utf-8")
    assert download.suggested_filename == "2027-01-14-eksempel-netvaerksmoede.ics", download.suggested_filename
    assert content.startswith("BEGIN:VCALENDAR") and "UID:2027-01-14-eksempel-netvaerksmoede@vidensportalen" in content


def test_the_track_filter_shows_only_that_tracks_events(visit, base_url):
    """On the seminar overview, choosing track 1 hides the events that are not in it."""
    page = visit.page
    page.goto(base_url + PAGE_KINDS["seminarer"])
    page.get_by_label("Spor", exact=True).select_option("forebyggelse")
    visible = page.locator(".vp-event:visible .vp-event__title").all_inner_texts()
    assert visible == ["Eksempel: Vidensseminar om rekruttering til rocker- og bandemiljøet Eksempel"], visible


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation_on_any_page_kind(browser, base_url, axe_source, scheme):
    """axe-core (WCAG 2.1 A and AA rules) finds no serious or critical violation on any page kind, light or dark."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = []
    for kind, path in PAGE_KINDS.items():
        page.goto(base_url + path)
        page.evaluate(axe_source)
        result = page.evaluate(
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        for violation in result["violations"]:
            if violation["impact"] in SERIOUS:
                targets = [" ".join(node["target"]) for node in violation["nodes"]][:3]
                found.append(f"{kind}: {violation['id']} ({violation['impact']}) at {targets}")
    context.close()
    assert not found, "accessibility violations:\n" + "\n".join(found)


def test_every_page_links_the_accessibility_statement_in_its_footer(visit, base_url):
    """The footer of every page kind links to the tilgængelighedserklæring."""
    missing = []
    for kind, path in PAGE_KINDS.items():
        visit.page.goto(base_url + path)
        if visit.page.locator("footer a", has_text="Tilgængelighedserklæring").count() != 1:
            missing.append(kind)
    assert not missing, f"no accessibility statement link in the footer of: {missing}"
