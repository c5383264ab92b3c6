"""Seminars, network meetings and materials, built into a site: pages, order, calendar, search and classification."""

from __future__ import annotations

import gzip
import re
from datetime import date
from html import unescape
from pathlib import Path

import icalendar
import pytest
from markupsafe import escape

from tools.make_example_pdf import write_pdf
from vidensportal.catalog import load_catalog
from vidensportal.content import render_events
from vidensportal.errors import DataError

from .support import BUILD_ENV, build_fails, build_log, copy_project, line_number, replace_in, search_records

# 2026-11-25 12:00 UTC: "today" for every build here, so upcoming and past do not drift with the clock.
SECRET_WORDS = ["Qwertzmøde", "kodeordfortroligt", "fortroligt-moede", "fortrolig-notat", "Zyxwvnotat"]
PDF_ONLY_WORD = "rekrutteringsmønstre"

EXTRA_FILES = {
    "data/seminarer/2025-05-05-gammelt-seminar.yml": """
titel: Gammelt seminar om exit
type: vidensseminar
dato: 2025-05-05
start: "09:30"
slut: "12:00"
sted: Rådhuset
status: afholdt
spor: [bekaempelse]
arrangører: [al-capone]
målgruppe: Medarbejdere
beskrivelse: Et afholdt seminar.
klassifikation: offentlig
program:
  - tid: "09:30"
    titel: Oplæg om exit
    oplægsholdere:
      - rolle: Konsulent
        part: ssp
""",
    "data/seminarer/2027-02-02-aflyst-moede.yml": """
titel: Aflyst netværksmøde
type: netværksmøde
dato: 2027-02-02
start: "10:00"
slut: "11:00"
sted: Politigården
status: aflyst
spor: [vidensdeling]
arrangører: [ssp]
målgruppe: Medarbejdere
beskrivelse: Et aflyst møde.
klassifikation: intern
""",
    "data/seminarer/2026-09-01-fortroligt-moede.yml": """
titel: Lukket Qwertzmøde
type: netværksmøde
dato: 2026-09-01
start: "10:00"
slut: "11:00"
sted: Et lukket sted
status: afholdt
spor: [bekaempelse]
arrangører: [oc]
målgruppe: Få
beskrivelse: Fortroligt.
klassifikation: fortrolig
materialer:
  - id: fortroligt-bilag
    titel: Bilag til lukket møde
    type: notat
    dato: 2026-09-01
    fil: materialer/fortroligt-bilag.pdf
    klassifikation: intern
""",
    "data/materialer/fortrolig-notat.yml": """
titel: Zyxwvnotat
type: notat
dato: 2026-05-01
fil: materialer/fortrolig-notat.pdf
spor: [bekaempelse]
parter: [oc]
klassifikation: fortrolig
""",
    "data/materialer/offentlig-rapport.yml": """
titel: Rapport om boligsociale indsatser
type: rapport
dato: 2026-06-01
link: https://rapporter.example/boligsocial
spor: [eksterne-parter]
parter: [ssp]
klassifikation: offentlig
""",
}


def _plant(project: Path) -> None:
    for name, text in EXTRA_FILES.items():
        (project / name).write_text(text.lstrip(), encoding="utf-8")
    write_pdf(project / "docs/materialer/fortrolig-notat.pdf", "Notat", ["Ordet kodeordfortroligt er hemmeligt."])
    write_pdf(project / "docs/materialer/fortroligt-bilag.pdf", "Bilag", ["Endnu et kodeordfortroligt bilag."])
    write_pdf(project / "docs/materialer/glemt.pdf", "Glemt", ["En fil, som intet materiale nævner."])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The shipped project plus a few events and materials (two of them fortrolig), built once."""
    project = copy_project(tmp_path_factory.mktemp("seminarer") / "projekt")
    _plant(project)
    site = project.parent / "site"
    output = build_log(project, site, env=BUILD_ENV)
    return project, site, output


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def main_text(site: Path, path: str) -> str:
    """The visible text of a page's article, tags stripped, whitespace folded."""
    article = html(site, path).split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", article)).split())


@pytest.mark.slow
def test_overview_lists_upcoming_soonest_first_then_past_years_newest_first(corpus):
    """The overview puts upcoming events first (soonest first), then past events by year, newest first."""
    _, site, _ = corpus
    text = main_text(site, "seminarer")
    titles = [
        "Eksempel: Netværksmøde mellem aftalens parter",
        "Aflyst netværksmøde",
        "Eksempel: Vidensseminar om rekruttering",
        "Gammelt seminar om exit",
    ]
    positions = [text.find(t) for t in titles]
    missing = [title for title, position in zip(titles, positions, strict=True) if position < 0]
    assert not missing, f"missing from the overview: {missing}"
    assert positions == sorted(positions), f"wrong order: {sorted(zip(positions, titles, strict=True))}"
    headings = re.findall(r"<h2[^>]*>(.*?)<", html(site, "seminarer"))
    assert headings[:3] == ["Kommende", "2026", "2025"], headings


def test_overview_is_filterable_by_kind_and_track(corpus):
    """Each event on the overview carries its kind and tracks, and the filter offers every kind and track."""
    _, site, _ = corpus
    page = html(site, "seminarer")
    bar = page.split("data-vp-filter", 1)[1].split("data-vp-reset", 1)[0]
    missing = [v for v in ('value="bekaempelse"', 'value="vidensseminar"', 'value="netværksmøde"') if v not in bar]
    cards_html = re.findall(r'<div class="vp-event vp-item"[^>]*>', page)
    tags = [dict(re.findall(r'data-vp-(\w+)="([^"]*)"', card)) for card in cards_html]
    cards = [(t.get("type"), t.get("spor")) for t in tags]
    assert not missing and ("vidensseminar", "bekaempelse") in cards and ("netværksmøde", "vidensdeling") in cards, (
        f"missing choices {missing}; cards {cards}"
    )


def test_event_page_shows_time_in_danish_programme_materials_organisers_and_summary(corpus):
    """An event page has its Danish date and time, programme, materials with format and size, organisers and summary."""
    _, site, _ = corpus
    text = main_text(site, "seminarer/2026-03-12-eksempel-rekruttering")
    page = html(site, "seminarer/2026-03-12-eksempel-rekruttering")
    expected = [
        "12. marts 2026, kl. 13.00–15.30",
        "Program",
        "13.15",
        "Analytiker",
        "Oplæg",
        "PDF, 1,",
        "Resumé",
        "Eksempel",
    ]
    missing = [e for e in expected if e not in text]
    links = ['href="../../parter/sikker-by/"', 'href="../../materialer/eksempel-oplaeg-rekruttering.pdf"']
    missing += [f"link {link}" for link in links if link not in page]
    assert not missing, f"missing on the event page: {missing}"


def test_track_and_party_pages_list_their_events_and_materials(corpus):
    """A track page and a party page list the events and materials that belong to them."""
    _, site, _ = corpus
    problems = []
    if "Gammelt seminar om exit" not in main_text(site, "spor/bekaempelse"):
        problems.append("spor/bekaempelse lacks its event")
    if "Rapport om boligsociale indsatser" not in main_text(site, "spor/eksterne-parter"):
        problems.append("spor/eksterne-parter lacks its material")
    ssp = main_text(site, "parter/ssp")
    wanted = ("Aflyst netværksmøde", "Rapport om boligsociale", "Gammelt seminar om exit")  # the last: presenter only
    problems += [f"parter/ssp lacks {t}" for t in wanted if t not in ssp]
    if "Gammelt seminar om exit" in main_text(site, "spor/vidensdeling"):
        problems.append("spor/vidensdeling lists an event of another track")
    assert not problems, problems


def test_materials_library_lists_by_year_tagged_for_the_filter(corpus):
    """The library has a section per year, newest first, and each material carries its kind, tracks, parties, year."""
    _, site, _ = corpus
    page = html(site, "materialer")
    years = re.findall(r"<h2[^>]*>(\d{4})<", page)
    report = re.search(r'<li class="vp-item"([^>]*)>\s*<a href="[^"]*offentlig-rapport/"', page)
    tags = report.group(1) if report else ""
    wanted = ['data-vp-type="rapport"', 'data-vp-spor="eksterne-parter"', 'data-vp-part="ssp"', 'data-vp-aar="2026"']
    assert years == sorted(years, reverse=True) and years and all(t in tags for t in wanted), (years, tags)


def test_a_word_only_inside_a_pdf_finds_the_material_page(corpus):
    """The text of a PDF material is in the search index, on that material's page and nowhere else."""
    _, site, _ = corpus
    holders = [url for url, record in search_records(site).items() if PDF_ONLY_WORD in record["content"]]
    assert holders == ["materialer/eksempel-oplaeg-rekruttering/"], holders
    in_html = [str(p) for p in site.rglob("*.html") if PDF_ONLY_WORD in p.read_text(encoding="utf-8")]
    assert not in_html, f"negative control failed: the word is in pages too, so the test proves nothing: {in_html}"


def _site_text(site: Path) -> dict[str, str]:
    """Every file in the site as text (gzip unpacked, the search index too), keyed by path."""
    texts = {}
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            texts[str(path.relative_to(site))] = data.decode("utf-8", errors="replace")
    return texts


def test_nothing_above_the_sites_classification_reaches_the_built_site(corpus):
    """A fortrolig event or material leaves no page, file, search entry, sitemap entry, tag or calendar entry."""
    _, site, output = corpus
    texts = _site_text(site)
    leaks = [f"{path}: {word}" for path, text in texts.items() for word in SECRET_WORDS if word in text]
    leaks += [path for path in texts if "fortrolig" in path or "fortroligt" in path]
    assert not leaks, "withheld content in the built site:\n" + "\n".join(leaks)
    assert "3 element(er) er over klassifikationen 'intern'" in output, output


@pytest.mark.slow
def test_negative_control_at_fortrolig_the_same_items_are_published(tmp_path):
    """Negative control: with klassifikation fortrolig the withheld items do appear, so the scan above can fail."""
    project = copy_project(tmp_path / "projekt")
    _plant(project)
    config = project / "mkdocs.yml"
    replace_in(config, "klassifikation: intern", "klassifikation: fortrolig")
    site = tmp_path / "site"
    build_log(project, site, env=BUILD_ENV)
    texts = _site_text(site)
    found = {word for word in SECRET_WORDS if any(word in text for text in texts.values())}
    assert found == set(SECRET_WORDS), f"not published at fortrolig: {set(SECRET_WORDS) - found}"


def test_a_file_no_material_names_is_not_published(corpus):
    """A file in docs/materialer/ that no material names stays out of the site, and the build says so."""
    _, site, output = corpus
    assert not (site / "materialer/glemt.pdf").exists(), "an unreferenced file was published"
    assert "docs/materialer/glemt.pdf hører ikke til et materiale" in output, output


def test_calendar_feed_has_local_times_time_zone_stable_uids_and_cancellations(corpus):
    """The feed parses as iCalendar with Copenhagen times, a VTIMEZONE, UIDs from event ids and CANCELLED events."""
    _, site, _ = corpus
    calendar = icalendar.Calendar.from_ical((site / "seminarer/kalender.ics").read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    expected = {
        "2025-05-05-gammelt-seminar@vidensportalen",
        "2026-03-12-eksempel-rekruttering@vidensportalen",
        "2027-01-14-eksempel-netvaerksmoede@vidensportalen",
        "2027-02-02-aflyst-moede@vidensportalen",
    }
    assert set(events) == expected, f"UIDs: {sorted(events)}"
    start = events["2026-03-12-eksempel-rekruttering@vidensportalen"]["DTSTART"]
    assert start.params["TZID"] == "Europe/Copenhagen", start.params
    assert start.dt.isoformat() == "2026-03-12T13:00:00+01:00", start.dt.isoformat()
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Copenhagen"]
    assert str(events["2027-02-02-aflyst-moede@vidensportalen"]["STATUS"]) == "CANCELLED"
    assert str(events["2025-05-05-gammelt-seminar@vidensportalen"]["STATUS"]) == "CONFIRMED"


def test_each_event_has_its_own_calendar_file_linked_from_its_page_while_it_is_to_come(corpus):
    """Every event has a one-event .ics; 'Tilføj til kalender' links to it on a coming event, not a held or
    cancelled one."""
    _, site, _ = corpus
    single = icalendar.Calendar.from_ical((site / "seminarer/2027-02-02-aflyst-moede.ics").read_bytes())
    assert [str(e["UID"]) for e in single.walk("VEVENT")] == ["2027-02-02-aflyst-moede@vidensportalen"]
    coming = html(site, "seminarer/2027-01-14-eksempel-netvaerksmoede")
    assert 'href="../2027-01-14-eksempel-netvaerksmoede.ics"' in coming and "Tilføj til kalender" in coming
    offered = [
        path
        for path in ("seminarer/2026-03-12-eksempel-rekruttering", "seminarer/2025-05-05-gammelt-seminar",
                     "seminarer/2027-02-02-aflyst-moede")
        if "Tilføj til kalender" in html(site, path)
    ]
    assert not offered, f"held or cancelled events offer 'Tilføj til kalender': {offered}"


def test_pdf_text_is_cached_by_content_across_builds(corpus):
    """After a build, each PDF's text is cached under .cache/pdftekst by its content hash."""
    project, _, _ = corpus
    cached = list((project / ".cache/pdftekst").glob("*.txt"))
    assert any(PDF_ONLY_WORD in p.read_text(encoding="utf-8") for p in cached), cached


@pytest.mark.slow
def test_an_unreadable_pdf_stops_the_build_naming_it(project):
    """A material whose PDF cannot be read completely is not published: the build stops with one Danish line
    naming the file and what to do (the gate publishes nothing it has not read)."""
    (project / "docs/materialer/eksempel-oplaeg-rekruttering.pdf").write_bytes(b"%PDF-1.4 ikke en rigtig pdf")
    output = build_fails(project)
    assert "docs/materialer/eksempel-oplaeg-rekruttering.pdf: PDF-filen kan ikke læses helt" in output, output


def _errors(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalog(project / "data")
    return [str(p) for p in caught.value.problems]


def test_a_missing_material_file_names_the_event_material_and_path(project):
    """A material whose file does not exist is an error naming event, material, field and path."""
    (project / "docs/materialer/eksempel-oplaeg-rekruttering.pdf").unlink()
    event = project / "data/seminarer/2026-03-12-eksempel-rekruttering.yml"
    line = line_number(event, "fil: materialer/eksempel-oplaeg")
    assert _errors(project) == [
        f"data/seminarer/2026-03-12-eksempel-rekruttering.yml, linje {line}: post '2026-03-12-eksempel-rekruttering': "
        "felt 'materialer → nr. 1 → fil': materiale 'eksempel-oplaeg-rekruttering': "
        "filen 'docs/materialer/eksempel-oplaeg-rekruttering.pdf' findes ikke. Læg filen i docs/materialer/, eller "
        "ret stien; den regnes fra mappen docs/, fx 'materialer/2026-03-12-oplaeg.pdf'."
    ]


def test_an_unknown_track_on_an_event_is_an_error(project):
    """An event in a track that does not exist names the nearest track id."""
    event = project / "data/seminarer/2027-01-14-eksempel-netvaerksmoede.yml"
    replace_in(event, "spor: [vidensdeling]", "spor: [vidensdelling]")
    [message] = _errors(project)
    assert "felt 'spor → nr. 1': ukendt spor 'vidensdelling' – mente du 'vidensdeling'?" in message, message
    line = line_number(event, "spor: [vidensdelling]")
    assert message.startswith(f"data/seminarer/2027-01-14-eksempel-netvaerksmoede.yml, linje {line}:"), message


@pytest.mark.slow
def test_a_file_over_the_size_limit_advises_a_link(project):
    """A material file above max_filstørrelse_mb in mkdocs.yml stops the build and advises a link instead."""
    config = project / "mkdocs.yml"
    replace_in(config, "max_filstørrelse_mb: 25", "max_filstørrelse_mb: 0.001")
    output = build_fails(project)
    expected = "eksempel-oplaeg-rekruttering.pdf' fylder 1,5 kB; grænsen er 1 kB (max_filstørrelse_mb i mkdocs.yml)"
    assert expected in output and "brug 'link' i stedet for 'fil'" in output, output


def test_an_event_whose_date_disagrees_with_its_file_name_is_an_error(project):
    """The date in an event's file name and its 'dato' field must agree."""
    event = project / "data/seminarer/2027-01-14-eksempel-netvaerksmoede.yml"
    replace_in(event, "dato: 2027-01-14", "dato: 2027-01-15")
    [message] = _errors(project)
    assert "felt 'dato': datoen 2027-01-15 passer ikke med filnavnet" in message, message


@pytest.mark.slow
def test_a_withheld_materials_file_outside_materialer_is_not_published(tmp_path):
    """A fortrolig material whose file lies elsewhere in docs/ is withheld with its file; an intern one is published."""
    project = copy_project(tmp_path / "projekt")
    (project / "docs/bilag").mkdir()
    write_pdf(project / "docs/bilag/hemmeligt.pdf", "Bilag", ["Hemmeligt."])
    write_pdf(project / "docs/bilag/aabent.pdf", "Bilag", ["Åbent."])
    for name, level in (("hemmeligt", "fortrolig"), ("aabent", "intern")):
        (project / f"data/materialer/{name}.yml").write_text(
            f"titel: Bilag {name}\ntype: notat\ndato: 2026-05-01\nfil: bilag/{name}.pdf\nklassifikation: {level}\n",
            encoding="utf-8",
        )
    site = tmp_path / "site"
    build_log(project, site, env=BUILD_ENV)
    assert not (site / "bilag/hemmeligt.pdf").exists(), "the withheld file was published"
    assert (site / "bilag/aabent.pdf").is_file(), "negative control: the intern file is missing"


def test_a_partys_events_and_materials_are_those_that_name_it(corpus):
    """events_of_party: organiser or presenter, in data order; materials_of_party: the material names the party."""
    project, _, _ = corpus
    catalog = load_catalog(project / "data", docs_dir=project / "docs")
    problems = []
    for party_id in catalog.parties:
        events = [
            key
            for key, e in catalog.events.items()
            if party_id in e.organisers or party_id in {p.party for i in e.programme for p in i.presenters}
        ]
        materials = [key for key, m in catalog.materials.items() if party_id in m.parties]
        if list(catalog.events_of_party(party_id)) != events:
            problems.append(f"{party_id}: events {list(catalog.events_of_party(party_id))} != {events}")
        if list(catalog.materials_of_party(party_id)) != materials:
            problems.append(f"{party_id}: materials {list(catalog.materials_of_party(party_id))} != {materials}")
    presenting_only = [
        p for p in catalog.parties if any(p not in e.organisers for e in catalog.events_of_party(p).values())
    ]
    assert presenting_only, "no party presents at an event it does not organise: the presenter rule is untested"
    assert not problems, problems


def test_the_long_lists_are_put_in_after_markdown_with_every_entry(catalog):
    """The library and the events overview leave a mark for each long list, and put_in_listings replaces every
    mark by its list, with every material and every event; a page without marks comes back as it is (control)."""
    today = date(2026, 11, 28)
    here = "materialer/index.md"
    marked = render_events.materials_library(catalog, here) + render_events.events_overview(catalog, here, today)
    filled = render_events.put_in_listings(marked, catalog, here, today)
    titles = [m.title for m in catalog.materials.values()] + [e.title for e in catalog.events.values()]
    missing = [title for title in titles if str(escape(title)) not in filled]
    assert "<!--vp-liste " in marked and "<!--vp-liste" not in filled and not missing, missing
    unmarked = "<p>Ingen lister her.</p>"
    assert render_events.put_in_listings(unmarked, catalog, here, today) is unmarked
