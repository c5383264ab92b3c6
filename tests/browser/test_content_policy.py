"""The Content Security Policy in Chromium: no shipped page breaks it, search (Pagefind's WebAssembly and worker)
and instant navigation still work under it, and an inline script a page did not ship with is blocked."""

from __future__ import annotations

from .conftest import PAGE_KINDS, Visit

# Reported to the page by Chromium for every blocked script, style, image, font or request.
LISTEN = """document.addEventListener("securitypolicyviolation", event => {
  (window.__violations ||= []).push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`)
})"""
VIOLATIONS = "() => window.__violations || []"


def _watched(visit: Visit) -> list[str]:
    """Violations as Chromium reports them in the console ('Refused to …'), for the whole visit."""
    refused: list[str] = []
    visit.page.add_init_script(LISTEN)
    visit.page.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
    return refused


def test_no_shipped_page_breaks_the_policy(visit, base_url):
    """Every kind of page, the 404 page and a page at each depth loads with no policy violation and no error."""
    refused = _watched(visit)
    broken = []
    for kind, path in {**PAGE_KINDS, "404": "findes-ikke/"}.items():
        visit.page.goto(base_url + path, wait_until="networkidle")
        if violations := visit.page.evaluate(VIOLATIONS):
            broken.append(f"{kind}: {violations}")
    assert not broken and not refused, "policy violations:\n" + "\n".join(broken + refused)
    assert not [e for e in visit.errors if "404" not in e], f"console errors: {visit.errors}"


def test_search_and_instant_navigation_work_under_the_policy(visit, base_url):
    """Pagefind finds results (WebAssembly, worker, index fetches), Enter sends nothing, and a menu link opens."""
    refused = _watched(visit)
    page = visit.page
    page.goto(base_url + "seminarer/", wait_until="networkidle")
    page.keyboard.press("/")
    page.locator("#vp-search-input").press_sequentially("rekruttering")
    page.wait_for_function("() => document.getElementById('vp-search-results').dataset.query === 'rekruttering'")
    found = page.locator("#vp-search-results a.md-search-result__link").count()
    page.keyboard.press("Enter")  # the form is not sent: the search stays where it is
    page.goto(base_url, wait_until="networkidle")
    # Material turns instant navigation on only when the site has an address (site_url); the policy holds the
    # hashes of every page's inline scripts for it (tests/test_guard_active_content.py).
    page.locator("a.md-tabs__link[href$='parter/']").click()
    page.wait_for_url(base_url + "parter/")
    heading = page.locator("h1").first.inner_text()
    violations = page.evaluate(VIOLATIONS)
    assert found > 0, "the search found nothing under the policy"
    assert "parter" in heading.lower(), f"the link did not open Parter: {heading!r}"
    assert not violations and not refused, f"policy violations: {violations + refused}"


def test_an_injected_inline_script_is_blocked(visit, base_url):
    """An inline script put into a page after it was published does not run; the policy reports it."""
    page = visit.page
    page.add_init_script(LISTEN)
    page.goto(base_url + "aftalen/", wait_until="networkidle")
    page.evaluate("""() => {
      const script = document.createElement("script")
      script.textContent = "window.__injected = true"
      document.body.append(script)
      const link = document.createElement("a")
      link.setAttribute("onclick", "window.__handler = true")
      document.body.append(link)
      link.click()
    }""")
    ran = page.evaluate("[window.__injected === true, window.__handler === true]")
    violations = page.evaluate(VIOLATIONS)
    assert ran == [False, False], f"injected code ran (inline script, handler): {ran}"
    assert len([v for v in violations if v.startswith("script-src")]) == 2, f"violations reported: {violations}"
