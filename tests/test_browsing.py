"""Browsing: events split into coming and held, each in its order; track pages list their initiatives; the
organisation chart's boxes link to the units' pages; the listings carry what their filters need."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from vidensportal.content.annual import shown_status
from vidensportal.content.render_events import split_events
from vidensportal.data.model import Event

from .support import BUILD_ENV, ROOT, build_ok, copy_project

TODAY = date(2026, 11, 25)
SSP_EVENTS = {
    "2027-03-01-senere": ("2027-03-01", "planlagt"),
    "2026-12-01-snart": ("2026-12-01", "planlagt"),
    "2026-03-01-i-foraars": ("2026-03-01", "afholdt"),
    "2025-05-05-sidste-aar": ("2025-05-05", "afholdt"),
    "2026-06-01-aflyst": ("2026-06-01", "aflyst"),
}


def event(day: str, status: str) -> Event:
    return Event.model_validate(
        {
            "titel": f"Møde {day}",
            "type": "netværksmøde",
            "dato": day,
            "start": "10:00",
            "slut": "11:00",
            "sted": "Rådhuset",
            "status": status,
            "spor": ["vidensdeling"],
            "arrangører": ["ssp"],
            "målgruppe": "Medarbejdere",
            "beskrivelse": "Et møde.",
            "klassifikation": "intern",
        }
    )


def test_events_split_into_coming_soonest_first_and_held_newest_first():
    """Coming: not held, from today on, soonest first; held: newest first; a passed cancelled event on its own.
    A planned event whose day has passed counts as held, as in the annual figures."""
    events = {key: event(day, status) for key, (day, status) in SSP_EVENTS.items()}
    events["2026-10-01-glemt"] = event("2026-10-01", "planlagt")
    split = split_events(events, TODAY)
    actual = ([k for k, _ in split.upcoming], [k for k, _ in split.held], [k for k, _ in split.cancelled])
    expected = (
        ["2026-12-01-snart", "2027-03-01-senere"],
        ["2026-10-01-glemt", "2026-03-01-i-foraars", "2025-05-05-sidste-aar"],
        ["2026-06-01-aflyst"],
    )
    assert actual == expected, actual


def test_a_passed_planned_event_shows_as_held_and_nothing_else_changes_its_status():
    """Listings show what the figures count: a planned event whose day has passed is 'afholdt'; a cancelled one
    stays 'aflyst' and a coming one 'planlagt'."""
    shown = [shown_status(event(day, status), TODAY) for day, status in
             [("2026-10-01", "planlagt"), ("2026-06-01", "aflyst"), ("2026-12-01", "planlagt")]]  # fmt: skip
    assert shown == ["afholdt", "aflyst", "planlagt"], shown


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped project with five events arranged by SSP, built on 25 November 2026."""
    project = copy_project(tmp_path_factory.mktemp("browsing") / "projekt")
    for key, (day, status) in SSP_EVENTS.items():
        (project / f"data/seminarer/{key}.yml").write_text(
            f"titel: Møde {day}\ntype: netværksmøde\ndato: {day}\nstart: '10:00'\nslut: '11:00'\nsted: Rådhuset\n"
            f"status: {status}\nspor: [vidensdeling]\narrangører: [ssp]\nmålgruppe: Medarbejdere\n"
            "beskrivelse: Et møde.\nklassifikation: intern\n",
            encoding="utf-8",
        )
    return build_ok(project, env=BUILD_ENV)


def text_of(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    article = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", article)).replace("¶", " ").split())


@pytest.mark.slow
def test_a_party_page_lists_coming_then_held_events_each_in_order(site):
    """SSP's page: Kommende (soonest first), Afholdt (newest first), then the passed cancelled one under Aflyst."""
    text = text_of(site, "parter/ssp")
    order = [
        "Kommende",
        "Møde 2026-12-01",
        "Møde 2027-03-01",
        "Afholdt",
        "Møde 2026-03-01",
        "Møde 2025-05-05",
        "Aflyst",
        "Møde 2026-06-01",
    ]
    positions = [text.find(t) for t in order]
    assert -1 not in positions and positions == sorted(positions), list(zip(order, positions, strict=True))


@pytest.mark.slow
def test_a_track_page_lists_its_initiatives(site):
    """Track 1's page lists 'Sammen om familien' under Indsatser; track 4, which has none, says so."""
    first = text_of(site, "spor/forebyggelse").split("Indsatser", 1)[1]
    fourth = text_of(site, "spor/vidensdeling").split("Indsatser", 1)[1]
    assert "Systematisk opsamling af erfaringer fra projekt" in first.split("Alle indsatser", 1)[0], first[:300]
    assert "ingen indsatser registreret i sporet" in fourth and "Sammen om familien" not in fourth, fourth[:300]


@pytest.mark.slow
def test_every_unit_in_the_organisation_chart_links_to_its_page(site):
    """Each party's box links to its page; the authorities and forvaltninger, which have none, are plain boxes."""
    from vidensportal.catalog import load_catalog

    parties = set(load_catalog(ROOT / "data").parties)
    html = (site / "parter/index.html").read_text(encoding="utf-8")
    chart = html.split('<figure class="vp-orgchart">', 1)[1].split("</figure>", 1)[0]
    linked = set(re.findall(r'<a class="vp-orgchart__box" href="([^"]+)/"', chart))
    plain = re.findall(r'<span class="vp-orgchart__box[^"]*">([^<]+)</span>', chart)
    assert linked == parties, f"linked {sorted(linked)}; parties {sorted(parties)}"
    assert {"Københavns Politi", "Socialforvaltningen"} <= set(plain), plain


@pytest.mark.slow
@pytest.mark.parametrize(
    ("page", "keys"), [("materialer", ["type", "part", "spor", "aar"]), ("seminarer", ["type", "spor"])]
)
def test_a_filtered_listing_has_labelled_selects_a_live_count_and_a_no_match_sentence(site, page, keys):
    """The filter bar has a labelled select per key, a polite live region for the count and a Danish sentence
    for no match; every listed item carries a value for each key."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    selects = re.findall(r'<label for="vp-filter-(\w+)">[^<]+</label><select id="vp-filter-\1" data-vp-key="\1">', html)
    items = re.findall(r'<(?:li|div) class="(?:vp-event )?vp-item(?: vp-item--example)?"([^>]*)>', html)
    untagged = [i for i in items if any(f"data-vp-{key}=" not in i for key in keys)]
    problems = []
    if selects != keys:
        problems.append(f"selects {selects}")
    count = re.search(r"<p [^>]*vp-filter__count[^>]*>", html)
    if not count or not all(a in count.group() for a in ('role="status"', 'aria-live="polite"', "data-vp-count")):
        problems.append(f"no live count: {count and count.group()}")
    if not re.search(r'<p [^>]*data-vp-empty[^>]*hidden[^>]*><em>Ingen \w+ passer til filteret', html):
        problems.append("no no-match sentence")
    if not items or untagged:
        problems.append(f"{len(items)} items, untagged: {untagged}")
    assert not problems, problems
