"""The readers' menu at desktop width and on a 375 px phone: Årsstatus under its own name, no contributor guide."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

SERIOUS = {"serious", "critical"}
PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def _axe(page, axe_source: str) -> list[str]:
    page.evaluate(axe_source)
    rules = "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}"
    result = page.evaluate(f"axe.run(document, {rules})")
    return [f"{v['id']} ({v['impact']})" for v in result["violations"] if v["impact"] in SERIOUS]


def test_the_desktop_tabs_lead_to_arsstatus_and_organisering_separately(browser, base_url, axe_source):
    """At desktop width the tabs show 'Årsstatus' (to the annual status) and 'Organisering' (to the organisation),
    and no 'Sådan bidrager du'; the page with its menu passes axe."""
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(base_url + "aftalen/")
    tabs = page.locator(".md-tabs__link").all_inner_texts()
    assert "Årsstatus" in tabs and "Nyt på portalen" in tabs and "Sådan bidrager du" not in tabs, tabs
    page.locator(".md-tabs__link", has_text="Årsstatus").click()
    page.wait_for_url("**/aarsstatus/")
    assert page.locator("h1").first.inner_text().rstrip("¶") == "Årsstatus"
    page.locator(".md-tabs__link", has_text="Organisering").click()
    page.wait_for_url("**/organisering/")
    violations = _axe(page, axe_source)
    context.close()
    assert not violations, f"axe: {violations}"


def test_the_phone_menu_lists_arsstatus_and_the_footer_the_guide(browser, base_url, axe_source):
    """On a 375 px phone the menu drawer lists 'Årsstatus' and leads there; the contributor guide is not in the
    drawer but in the footer; the open drawer passes axe and nothing scrolls sideways."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base_url + "aftalen/")
    page.locator('label.md-header__button[for="__drawer"]').click()
    drawer = page.locator(".md-nav--primary")
    drawer.get_by_role("link", name="Årsstatus", exact=True).wait_for(state="visible")
    labels = [" ".join(t.split()) for t in drawer.locator(".md-nav__link").all_inner_texts()]
    violations = _axe(page, axe_source)
    width = page.evaluate("document.documentElement.scrollWidth")
    drawer.get_by_role("link", name="Årsstatus", exact=True).click()
    page.wait_for_url("**/aarsstatus/")
    footer = page.locator("footer").get_by_role("link", name="Sådan bidrager du")
    footer.click()
    page.wait_for_url("**/bidrag/")
    context.close()
    assert "Sådan bidrager du" not in labels and "Organisering" in labels, labels
    assert not violations and width <= 375, f"axe: {violations}; width {width}px"


def test_an_abbreviation_explains_itself_on_a_generated_page(visit, base_url):
    """On a party page, EAS is an <abbr> whose title names the unit, as it is on a Markdown page; pointing at it
    shows that name in Material's tooltip."""
    visit.page.goto(base_url + "organisering/")
    markdown_title = visit.page.locator("abbr", has_text="EAS").first.get_attribute("title")
    visit.page.goto(base_url + "parter/eas/")
    abbr = visit.page.locator("article abbr", has_text="EAS").first
    generated_title = abbr.get_attribute("title")
    abbr.hover()
    tooltip = visit.page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5_000)
    assert tooltip.inner_text() == generated_title, tooltip.inner_text()
    assert markdown_title == generated_title == "Efterretnings- og Analysesektion (Københavns Politi)", (
        markdown_title,
        generated_title,
    )
