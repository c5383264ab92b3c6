"""The header search as staff use it: Danish queries typed into the box, in Chromium, against the built site."""

from __future__ import annotations

import pytest

from .conftest import Visit

pytestmark = pytest.mark.slow

SERIOUS = {"serious", "critical"}

# The development set: query => pages of which one must be among the first three results.
DEVELOPMENT_SET = {
    "rekrutteringen": ["spor/forebyggelse/", "seminarer/2026-03-12-eksempel-rekruttering/",
                       "materialer/eksempel-oplaeg-rekruttering/"],
    "bandegruppering": ["aftalen/"],
    "kriminelle": ["spor/bekaempelse/"],
    "forebyggelsen": ["spor/forebyggelse/"],
    "vidensdelingen": ["spor/vidensdeling/"],
    "eksterne aktører": ["spor/eksterne-parter/"],
    "boligselskaberne": ["spor/eksterne-parter/"],
    "Kriminalforsorgens": ["spor/eksterne-parter/"],
    "Socialforvaltningen": ["parter/", "parter/eki/", "parter/cfr/", "parter/cuku/"],
    "Nærpolitiafdelingen": ["parter/naerpolitiafdelingen/"],
    "Den Kriminalpræventive Sektion": ["parter/dks/"],
    "SSP+": ["parter/ssp/"],
    "Operativ Specialafdeling": ["parter/osa/"],
    "specialafdeling": ["parter/osa/"],
    "mindre kriminalitet": ["maal/"],
    "personfarlig kriminalitet": ["maal/"],
    "Sikker By strategien": ["maal/"],
    "ledelsesrepræsentanter": ["organisering/", "foelgegruppe/"],
    "aftaleperiode": ["aftalen/"],
    "opsagt": ["aftalen/"],
    "forebyggelsse": ["spor/forebyggelse/"],
    "naerpolitiet": ["parter/naerpolitiet/"],
    "okonomi": ["aftalen/"],
    "rekrutteringsmønstre": ["materialer/eksempel-oplaeg-rekruttering/"],
}

# Written before the search was tuned, of the same kinds as the development set; measured, not tuned to.
HELD_OUT_SET = {
    "forebygge": ["spor/forebyggelse/"],
    "bekæmpelsen": ["spor/bekaempelse/"],
    "bekaempelse": ["spor/bekaempelse/"],
    "rockere": ["spor/bekaempelse/", "aftalen/"],
    "boligsocial": ["spor/eksterne-parter/"],
    "psykiatri": ["spor/eksterne-parter/"],
    "justitsministeriet": ["spor/eksterne-parter/"],
    "kriminalforsorg": ["spor/eksterne-parter/"],
    "politikredsene": ["spor/eksterne-parter/"],
    "EAS": ["parter/eas/"],
    "Efterretnings- og Analysesektion": ["parter/eas/"],
    "efterretning": ["parter/eas/"],
    "analysesektionen": ["parter/eas/"],
    "OC": ["parter/oc/"],
    "organiseret kriminalitet": ["parter/oc/"],
    "CUKU": ["parter/cuku/"],
    "kriminalitetstruede unge": ["parter/cuku/"],
    "kriminalitetstruet": ["parter/cuku/"],
    "CFR": ["parter/cfr/"],
    "center for forebyggelse og rådgivning": ["parter/cfr/"],
    "EKI": ["parter/eki/"],
    "kriminalpræventive indsatser": ["parter/eki/"],
    "DKS": ["parter/dks/"],
    "kriminalpræventiv sektion": ["parter/dks/"],
    "Ungecenteret": ["parter/jobcenter-ungecenteret/"],
    "jobcentret": ["parter/jobcenter-ungecenteret/"],
    "styrket aktivering": ["parter/specialenheden-styrket-aktivering/"],
    "specialenheden": ["parter/specialenheden-styrket-aktivering/"],
    "Al Capone": ["parter/al-capone/"],
    "capone samarbejdet": ["parter/al-capone/"],
    "sikker by": ["parter/sikker-by/"],
    "nærpoliti": ["parter/naerpolitiet/", "parter/naerpolitiafdelingen/"],
    "SSP": ["parter/ssp/"],
    "folgegruppen": ["foelgegruppe/"],
    "følgegruppens møder": ["foelgegruppe/"],
    "foelgegruppe": ["foelgegruppe/"],
    "tryghedsudfordringer": ["maal/"],
    "lokalområder": ["maal/"],
    "bandemedlemmer": ["maal/"],
    "tryghed": ["maal/"],
    "unge mellem 18 og 25": ["maal/"],
    "alvorlig kriminalitet": ["maal/"],
    "styregruppen": ["organisering/", "indsatser/"],
    "aarsstatus 2026": ["aarsstatus/2026/"],
    "årsstatus": ["aarsstatus/"],
    "vidensseminarer": ["seminarer/", "seminarer/2026-03-12-eksempel-rekruttering/", "spor/vidensdeling/"],
    "netvaerksmoede": ["seminarer/2027-01-14-eksempel-netvaerksmoede/", "seminarer/"],
    "netværksmøder": ["seminarer/", "seminarer/2027-01-14-eksempel-netvaerksmoede/", "spor/vidensdeling/"],
    "eksempelindhold": ["materialer/eksempel-oplaeg-rekruttering/"],
    "opdigtet referat": ["materialer/eksempel-referat-foelgegruppe-2026-02-10/"],
    "rekrutering": ["spor/forebyggelse/", "seminarer/2026-03-12-eksempel-rekruttering/",
                    "materialer/eksempel-oplaeg-rekruttering/"],
    "vidensdelling": ["spor/vidensdeling/"],
    "partnerskabet for et trygt nørrebro": ["", "aftalen/"],  # the agreement's background stands on both
    "pinpoint": ["", "aftalen/"],
    "sammen om familien": ["spor/forebyggelse/", "indsatser/"],
    "overførselsindkomst": ["spor/bekaempelse/", "parter/al-capone/"],
    "civilsamfundet": ["spor/forebyggelse/"],
    "fritidstilbud": ["spor/forebyggelse/"],
    "tidsbegrænset": ["maal/", "aftalen/"],
    "tilgængelighedserklæring": ["tilgaengelighed/"],
    "tilgaengelighed": ["tilgaengelighed/"],
    "wcag": ["tilgaengelighed/"],
    "Økonomiforvaltningen": ["parter/", "parter/sikker-by/"],
    "operativ": ["parter/osa/"],
    "Kultur- og Fritidsforvaltningen": ["spor/forebyggelse/", "indsatser/"],
    "bandemiljoet": ["aftalen/", "spor/forebyggelse/", ""],
    "kriminalpraeventive": ["parter/dks/", "parter/eki/"],
    "aktiveringsindsats": ["spor/bekaempelse/", "parter/al-capone/", "indsatser/"],
}

# Suspended compounds: "rocker- og bandemiljøet" is also rockermiljøet, "Børne- og Ungdomsforvaltningen" also
# Børneforvaltningen, though neither word is written out anywhere.
SUSPENDED_SET = {
    "rockermiljøet": ["aftalen/", "spor/forebyggelse/"],
    "rockerkriminalitet": ["aftalen/"],
    "børneforvaltningen": ["spor/forebyggelse/", "indsatser/"],
    "efterretningssektionen": ["parter/eas/"],
}

# Phrases whose small joining words ("blandt", "fra") stand on none of the pages sought.
PHRASES = {
    "kriminalitet blandt unge": ["parter/cuku/", "maal/"],
    "unge fra kriminalitetstruede familier": ["parter/cuku/", "spor/forebyggelse/", "indsatser/"],
}

# A one-letter slip anywhere in a word: left out, added, changed or two letters swapped (typo => word meant).
SLIPS = {
    "krimnalitet": "kriminalitet",
    "naerpolitafdelingen": "nærpolitiafdelingen",
    "bekæmplese": "bekæmpelse",
    "forbyggelse": "forebyggelse",
    "følgegrupen": "følgegruppen",
    "specalafdeling": "specialafdeling",
    "rekruteringen": "rekrutteringen",
    "vidensdelnig": "vidensdeling",
}

# Ranking: the page that defines a name comes first for it.
FIRST_FOR = {
    "EAS": "parter/eas/",
    "Efterretnings- og Analysesektion": "parter/eas/",
    "Operativ Specialafdeling": "parter/osa/",
    "OSA": "parter/osa/",
    "CUKU": "parter/cuku/",
    "Sikker By": "parter/sikker-by/",
    "Al Capone-samarbejdet": "parter/al-capone/",
    "Nærpolitiet": "parter/naerpolitiet/",
    "Forebyggelse": "spor/forebyggelse/",
    "Bekæmpelse": "spor/bekaempelse/",
    "Samarbejde med eksterne parter": "spor/eksterne-parter/",
    "Vidensdeling og vidensopbygning": "spor/vidensdeling/",
    "bandemedlemmer": "maal/",
    "tryghed": "maal/",
    "Færre lokalområder med tryghedsudfordringer": "maal/",
    "Følgegruppen": "foelgegruppe/",
    "aftalen": "aftalen/",
    "samarbejdsaftalen": "aftalen/",
    "sikkerby": "parter/sikker-by/",
}
LISTINGS = ("", "parter/", "spor/", "seminarer/", "materialer/", "tags/", "aarsstatus/")
MINIMUM_TOP_THREE = 0.95


def _open_search(visit: Visit, base_url: str) -> None:
    visit.page.goto(base_url)
    visit.page.keyboard.press("/")


def _results(visit: Visit, base_url: str, query: str) -> list[str]:
    """Type `query` into the box (replacing what is there) and return the results' page URLs in order."""
    page = visit.page
    box = page.locator("#vp-search-input")
    box.fill("")
    box.press_sequentially(query)
    page.wait_for_function(
        "q => document.getElementById('vp-search-results').dataset.query === q", arg=query, timeout=15_000
    )
    hrefs = page.locator("#vp-search-results a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    return [href.removeprefix(base_url) for href in hrefs]


def _misses(visit: Visit, base_url: str, queries: dict[str, list[str]], depth: int = 3) -> list[str]:
    """The queries none of whose expected pages is among the first `depth` results, each with what came."""
    _open_search(visit, base_url)
    misses = []
    for query, wanted in queries.items():
        top = _results(visit, base_url, query)[:depth]
        if not set(wanted) & set(top):
            misses.append(f"{query!r}: wanted one of {wanted}, got {top}")
    return misses


def test_the_development_set_finds_the_expected_page_among_the_first_three(visit, base_url):
    """At least 95 % of the issue's development queries put an expected page among the first three results."""
    misses = _misses(visit, base_url, DEVELOPMENT_SET)
    share = 1 - len(misses) / len(DEVELOPMENT_SET)
    print(f"development set: {share:.0%} in the top three")
    assert share >= MINIMUM_TOP_THREE, f"{share:.0%} in the top three; misses:\n" + "\n".join(misses)
    assert not visit.errors, f"console errors: {visit.errors}"


def test_the_held_out_set_finds_the_expected_page_among_the_first_three(visit, base_url):
    """At least 95 % of the held-out queries (written before tuning) put an expected page among the first three."""
    misses = _misses(visit, base_url, HELD_OUT_SET)
    share = 1 - len(misses) / len(HELD_OUT_SET)
    print(f"held-out set: {share:.0%} in the top three" + "".join(f"\n  miss: {miss}" for miss in misses))
    assert share >= MINIMUM_TOP_THREE, f"{share:.0%} in the top three; misses:\n" + "\n".join(misses)


def test_a_suspended_compound_finds_the_words_it_stands_for(visit, base_url):
    """A word that a suspended compound stands for ('rocker- og bandemiljøet' → rockermiljøet) finds its pages."""
    misses = _misses(visit, base_url, SUSPENDED_SET)
    assert not misses, "suspended compounds not found:\n" + "\n".join(misses)


def test_a_phrase_that_finds_little_is_searched_without_its_joining_words(visit, base_url):
    """A phrase whose joining words are on none of the pages sought still finds them, after its own results."""
    misses = _misses(visit, base_url, PHRASES)
    assert not misses, "phrases not found:\n" + "\n".join(misses)


def test_a_one_letter_slip_finds_what_the_word_meant_finds(visit, base_url):
    """A query with one letter left out, added, changed or swapped, early in the word or late, has the same first
    result as the word spelled right."""
    _open_search(visit, base_url)
    differ = []
    for slip, meant in SLIPS.items():
        got, wanted = _results(visit, base_url, slip)[:1], _results(visit, base_url, meant)[:1]
        if not wanted or got != wanted:
            differ.append(f"{slip!r} gave {got}, {meant!r} gives {wanted}")
    assert not differ, "slips not forgiven:\n" + "\n".join(differ)


def test_a_defining_page_comes_first_and_listings_rank_below_it(visit, base_url):
    """A party's page is first for its name or abbreviation, a track's for its name, the goals page for a goal,
    the Følgegruppe page for Følgegruppen; listings, tags and annual status pages rank below the defining page."""
    _open_search(visit, base_url)
    wrong = []
    for query, wanted in FIRST_FOR.items():
        results = _results(visit, base_url, query)
        if not results or results[0] != wanted:
            wrong.append(f"{query!r}: first {results[:1]}, wanted {wanted}")
        above = [url for url in results[: results.index(wanted)] if url in LISTINGS or url.startswith("aarsstatus")]
        if wanted in results and above:
            wrong.append(f"{query!r}: listings {above} above {wanted}")
    assert not wrong, "\n".join(wrong)


def test_negative_control_listing_pages_are_searched_too(visit, base_url):
    """Negative control: a word only a listing page has finds it, so the ranking test is not passed by absence."""
    _open_search(visit, base_url)
    results = _results(visit, base_url, "Organisationsdiagram")
    assert results[:1] == ["parter/"], results


def test_a_result_shows_title_kind_date_and_a_highlighted_prose_snippet(visit, base_url):
    """A seminar result shows its title, kind and Danish date, and a snippet of prose with the match marked,
    without fact-list labels; filters for kind, track and year narrow the results."""
    _open_search(visit, base_url)
    _results(visit, base_url, "resumé hovedpointer")
    first = visit.page.locator("#vp-search-results li").first
    text = first.inner_text()
    assert "Eksempel: Vidensseminar om rekruttering" in text and "Seminar · 12. marts 2026" in text, text
    marks = first.locator("mark").all_inner_texts()
    assert any(m.lower().startswith("hovedpointer") for m in marks), marks
    assert not any(label in text for label in ("Type:", "Dato:", "Format:", "Klassifikation:")), text
    _results(visit, base_url, "rekruttering")
    before = visit.page.locator("#vp-search-results .vp-search__kind").all_inner_texts()
    visit.page.select_option("#vp-search-filter-type", "Materiale")
    kinds = "[...document.querySelectorAll('#vp-search-results .vp-search__kind')].map(k => k.textContent)"
    visit.page.wait_for_function(f"() => {kinds}.every(kind => kind === 'Materiale')")
    after = visit.page.locator("#vp-search-results .vp-search__kind").all_inner_texts()
    assert set(before) > {"Materiale"} and after and set(after) == {"Materiale"}, (before, after)
    tracks = visit.page.locator("#vp-search-filter-spor option").all_inner_texts()
    years = visit.page.locator("#vp-search-filter-år option").all_inner_texts()
    assert "1. Forebyggelse" in tracks and "2026" in years, (tracks, years)
    assert not visit.errors, f"console errors: {visit.errors}"


def test_the_shortcut_and_instant_navigation_keep_the_search_working(visit, base_url):
    """'/' focuses the box from any page; after following a result (instant navigation) 's' searches again."""
    _open_search(visit, base_url)
    assert visit.page.evaluate("document.activeElement.id") == "vp-search-input"
    _results(visit, base_url, "EAS")
    visit.page.locator("#vp-search-results a").first.click()
    visit.page.wait_for_url("**/parter/eas/")
    assert not visit.page.locator("#__search").is_checked(), "the search stayed open after navigating"
    visit.page.keyboard.press("s")
    assert visit.page.evaluate("document.activeElement.id") == "vp-search-input"
    assert _results(visit, base_url, "Følgegruppen")[:1] == ["foelgegruppe/"]
    assert not visit.errors and not visit.outside, (visit.errors, visit.outside)


def test_the_open_search_passes_axe_and_fits_a_phone(browser, base_url, axe_source):
    """With results shown, axe finds nothing serious or critical, and at 375 px nothing scrolls sideways."""
    problems = []
    for width, mobile in ((1280, False), (375, True)):
        context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=mobile, has_touch=mobile)
        visit = Visit(context.new_page())
        visit.page.goto(base_url + "spor/")
        if mobile:
            visit.page.locator("label.md-header__button[for='__search']").click()
        else:
            visit.page.keyboard.press("/")
        _results(visit, base_url, "eksterne aktører")
        visit.page.evaluate(axe_source)
        found = visit.page.evaluate(
            "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"
        )
        problems += [f"{width}px {v['id']} ({v['impact']}): {v['nodes'][:3]}" for v in found if v["impact"] in SERIOUS]
        scroll = visit.page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            problems.append(f"{width}px: the page scrolls sideways ({scroll}px)")
        problems += [f"{width}px: {e}" for e in visit.errors] + [f"{width}px outside: {u}" for u in visit.outside]
        context.close()
    assert not problems, "\n".join(problems)


MINIMUM_FIRST = 0.90


def test_the_first_result_is_an_expected_page_for_nine_queries_in_ten(visit, base_url):
    """For at least 90 % of all the sets' queries (development, held-out, suspended compounds, phrases) the very
    first result is one of the expected pages."""
    queries = {**DEVELOPMENT_SET, **HELD_OUT_SET, **SUSPENDED_SET, **PHRASES}
    misses = _misses(visit, base_url, queries, depth=1)
    share = 1 - len(misses) / len(queries)
    print(f"first result: {share:.0%}" + "".join(f"\n  miss: {miss}" for miss in misses))
    assert share >= MINIMUM_FIRST, f"{share:.0%} first; misses:\n" + "\n".join(misses)


def test_pages_for_contributors_are_searched_only_when_asked_for(visit, base_url):
    """The guide and the review list are out of staff results; ticking 'Medtag sider for bidragydere' brings the
    guide back (negative control: the same query then finds it)."""
    _open_search(visit, base_url)
    staff = _results(visit, base_url, "bidrage")
    visit.page.locator("#vp-search-filters").wait_for(state="visible")
    visit.page.locator("#vp-search-contributors").check()
    contributors = _results(visit, base_url, "gennemgangsdato")
    assert "bidrag/" not in staff and "gennemgang/" not in staff, staff
    assert "gennemgang/" in contributors[:3], contributors


def test_a_query_with_no_hits_offers_the_nearest_names_and_words(visit, base_url):
    """'cucu' finds nothing and offers 'Mente du: CUKU'; clicking it searches for CUKU; negative control: a query
    with hits offers nothing."""
    _open_search(visit, base_url)
    assert _results(visit, base_url, "cucu") == []
    status = visit.page.locator("#vp-search-status")
    status.locator(".vp-search__suggestion").first.wait_for()
    offered = status.locator(".vp-search__suggestion").all_inner_texts()
    status.locator(".vp-search__suggestion", has_text="CUKU").click()
    visit.page.wait_for_function("() => document.getElementById('vp-search-results').dataset.query === 'CUKU'")
    first = visit.page.locator("#vp-search-results a.md-search-result__link").first.get_attribute("href")
    _results(visit, base_url, "CUKU")
    assert "CUKU" in offered and first.endswith("parter/cuku/"), (offered, first)
    assert not status.locator(".vp-search__suggestion").count()


def test_contact_and_examples_show_in_search(visit, base_url):
    """'kontakt CUKU' puts CUKU's page (with its Kontakt section) first; an example's result carries the
    Eksempel badge, a party's does not."""
    _open_search(visit, base_url)
    contact = _results(visit, base_url, "kontakt CUKU")
    _results(visit, base_url, "rekruttering")
    hits = visit.page.locator("#vp-search-results .md-search-result__item")
    badges = {
        hits.nth(i).locator("a").get_attribute("href").removeprefix(base_url): hits.nth(i).locator(".vp-badge").count()
        for i in range(hits.count())
    }
    example = badges.get("seminarer/2026-03-12-eksempel-rekruttering/")
    assert contact[:1] == ["parter/cuku/"], contact
    assert example == 1 and badges.get("spor/forebyggelse/", 0) == 0, badges
