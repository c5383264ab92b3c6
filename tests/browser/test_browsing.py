"""Browsing in the browser, at phone and desktop width: the filters narrow the listings and say when nothing
matches, the organisation chart's boxes lead to the units' pages through Material's instant navigation, the
calendar guide shows the feed's address, and a printed annual status is marked on every page."""

from __future__ import annotations

import io

import pytest

from .conftest import PAGE_KINDS

SERIOUS = {"serious", "critical"}
WIDTHS = [375, 1280]


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def sized(browser, request):
    """A page at phone or desktop width that records console errors."""
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, errors
    context.close()


def serious_violations(page, axe_source: str) -> list[str]:
    page.evaluate(axe_source)
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        f"{v['id']} ({v['impact']}) at {[' '.join(n['target']) for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]


def visible_titles(page) -> list[str]:
    return page.locator(".vp-item:visible > a:first-child, .vp-item:visible .vp-event__title a").all_inner_texts()


@pytest.mark.slow
def test_the_materials_filter_narrows_counts_and_says_when_nothing_matches(sized, base_url, axe_source):
    """Type 'Referat' leaves the minutes and says '1 af 2 materialer vises – heraf 1 eksempel' (a count of examples
    says so); adding part EAS leaves nothing and says so; 'Nulstil filter' shows all again. axe finds nothing
    serious in the no-match state."""
    page, errors = sized
    page.goto(base_url + PAGE_KINDS["materialer"])
    page.get_by_label("Type", exact=True).select_option("referat")
    after_type = (visible_titles(page), page.locator("[data-vp-count]").inner_text())
    page.get_by_label("Part", exact=True).select_option("eas")
    empty_shown = page.locator("[data-vp-empty]").is_visible()
    violations = serious_violations(page, axe_source)
    page.get_by_role("button", name="Nulstil filter").click()
    after_reset = (len(visible_titles(page)), page.locator("[data-vp-empty]").is_visible())
    minutes = ["Eksempel: Referat af Følgegruppens møde 10. februar 2026"]
    assert after_type == (minutes, "1 af 2 materialer vises – heraf 1 eksempel"), after_type
    assert empty_shown and after_reset == (2, False) and not violations and not errors, (
        empty_shown,
        after_reset,
        violations,
        errors,
    )


@pytest.mark.slow
def test_the_seminar_filter_by_kind_and_track_hides_empty_groups(sized, base_url):
    """Kind 'Netværksmøde' leaves the coming network meeting and hides the year with none; with track 1 as well
    nothing matches and the page says so."""
    page, errors = sized
    page.goto(base_url + PAGE_KINDS["seminarer"])
    page.get_by_label("Type", exact=True).select_option("netværksmøde")
    titles = visible_titles(page)
    years = page.locator(".vp-group:visible h2").all_inner_texts()
    page.get_by_label("Spor", exact=True).select_option("forebyggelse")
    message = page.locator("[data-vp-empty]")
    assert titles == ["Eksempel: Netværksmøde mellem aftalens parter"] and [y.rstrip("¶") for y in years] == [
        "Kommende"
    ], (titles, years)
    assert message.is_visible() and "Ingen arrangementer passer til filteret" in message.inner_text(), errors
    assert not errors, errors


@pytest.mark.slow
def test_an_organisation_chart_box_leads_to_the_units_page(sized, base_url, axe_source):
    """Clicking the DKS box on Parter opens DKS's page (through instant navigation, without console errors),
    and the chart passes axe."""
    page, errors = sized
    page.goto(base_url + PAGE_KINDS["parter"])
    violations = serious_violations(page, axe_source)
    page.locator(".vp-orgchart").get_by_role("link", name="Den Kriminalpræventive Sektion (DKS)").click()
    page.wait_for_url("**/parter/dks/")
    heading = page.locator("h1").inner_text()
    assert heading.startswith("Den Kriminalpræventive Sektion (DKS)") and not violations and not errors, (
        heading,
        violations,
        errors,
    )


@pytest.mark.slow
def test_the_calendar_guide_shows_the_feeds_address_to_paste_and_a_webcal_link(visit, base_url):
    """Opened, the guide on the seminar overview shows the feed's absolute address and a webcal:// link to it."""
    page = visit.page
    page.goto(base_url + PAGE_KINDS["seminarer"])
    page.locator(".vp-subscribe summary").click()
    address = page.locator(".vp-subscribe__url code").inner_text()
    webcal = page.locator(".vp-subscribe__webcal a").get_attribute("href")
    expected = base_url + "seminarer/kalender.ics"
    assert (address, webcal) == (expected, expected.replace("http:", "webcal:")), (address, webcal)
    assert not visit.errors, visit.errors


@pytest.mark.slow
def test_a_printed_annual_status_is_marked_on_every_page_with_no_page_of_one_line(visit, base_url):
    """Årsstatus 2026 printed to A4 carries 'Intern –' at the top of every page, and no page holds a single line."""
    pypdf = pytest.importorskip("pypdf")
    visit.page.goto(base_url + PAGE_KINDS["aarsstatus-aar"], wait_until="networkidle")
    pdf = pypdf.PdfReader(io.BytesIO(visit.page.pdf(prefer_css_page_size=True)))
    problems = []
    for number, sheet in enumerate(pdf.pages, start=1):
        lines = [line for line in sheet.extract_text().splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith(("Intern –", "Side "))]
        if not lines or not lines[0].startswith("Intern – kun til brug"):
            problems.append(f"page {number} starts {lines[:1]}")
        if len(body) < 2:
            problems.append(f"page {number} holds {body}")
    assert len(pdf.pages) <= 5 and not problems, (len(pdf.pages), problems)


@pytest.mark.slow
def test_the_printed_activity_chart_stays_with_its_heading(visit, base_url):
    """Printed, the annual index has the heading 'Aktivitet pr. år og spor' on the same page as its chart."""
    pypdf = pytest.importorskip("pypdf")
    visit.page.goto(base_url + PAGE_KINDS["aarsstatus"], wait_until="networkidle")
    pdf = pypdf.PdfReader(io.BytesIO(visit.page.pdf(prefer_css_page_size=True)))
    texts = [sheet.extract_text() for sheet in pdf.pages]
    heading = [i for i, text in enumerate(texts) if "Aktivitet pr. år og spor" in text]
    chart = [i for i, text in enumerate(texts) if "Følgegruppemøder" in text]
    assert heading and heading == chart, (heading, chart)


@pytest.mark.slow
def test_a_filter_in_the_address_is_applied_and_a_choice_is_kept_there(visit, base_url):
    """Opening materialer/?type=referat shows only the minutes; choosing a part puts it in the address; an unknown
    value in the address is ignored."""
    page = visit.page
    page.goto(base_url + PAGE_KINDS["materialer"] + "?type=referat")
    from_address = visible_titles(page)
    page.get_by_label("Part", exact=True).select_option("eas")
    kept = page.url
    page.goto(base_url + PAGE_KINDS["materialer"] + "?type=ukendt")
    ignored = len(visible_titles(page))
    assert from_address == ["Eksempel: Referat af Følgegruppens møde 10. februar 2026"], from_address
    assert kept.endswith("materialer/?type=referat&part=eas") and ignored == 2 and not visit.errors, (kept, ignored)


@pytest.mark.slow
def test_a_printed_page_gives_its_address_and_spells_out_its_abbreviations(visit, base_url):
    """A party page printed to A4 names the page's address and what EAS stands for after the abbreviation;
    negative control: on screen the address is hidden."""
    pypdf = pytest.importorskip("pypdf")
    page = visit.page
    page.goto(base_url + "parter/eas/", wait_until="networkidle")
    on_screen = page.locator(".vp-print-address").is_visible()
    text = " ".join(pypdf.PdfReader(io.BytesIO(page.pdf())).pages[0].extract_text().split())
    problems = [] if not on_screen else ["the address shows on screen"]
    problems += [] if "Adresse: parter/eas/" in text else [f"no address on paper: {text[:300]}"]
    problems += [] if "EAS (Efterretnings- og Analysesektion" in text else [f"EAS not spelled out: {text[:300]}"]
    assert not problems, problems


@pytest.mark.slow
def test_the_news_page_marks_what_is_new_since_the_last_visit(visit, base_url):
    """With a last visit stored in the browser, items after it are marked and the checkbox shows only those;
    negative control: on a first visit nothing is marked and the checkbox stays hidden."""
    page = visit.page
    page.goto(base_url + "nyt/")
    first = (page.locator(".vp-news-since").is_visible(), page.locator(".vp-news__item--since").count())
    page.evaluate("localStorage.setItem('vp-sidste-besoeg', '2000-01-01'); sessionStorage.clear()")
    page.goto(base_url + "nyt/")
    marked, total = page.locator(".vp-news__item--since").count(), page.locator(".vp-news__item").count()
    page.locator(".vp-news-since input").check()
    hidden = page.locator(".vp-news__item[hidden]").count()
    assert first == (False, 0), first
    assert 0 < marked <= total and hidden == total - marked and not visit.errors, (marked, total, hidden, visit.errors)
