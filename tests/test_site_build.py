"""A full strict build of the shipped site: every party and track has a page, and they link both ways."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from .support import ROOT, SITE_MARKDOWN_EXTENSIONS, build_ok


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]


def page_of(site: Path, path: str) -> Path:
    return site / path / "index.html"


def test_every_party_and_track_has_a_page(catalog, built_site):
    """Each party and each track in data/ has its own generated page."""
    missing = [
        p
        for p in [*(f"parter/{i}" for i in catalog.parties), *(f"spor/{i}" for i in catalog.tracks)]
        if not page_of(built_site, p).is_file()
    ]
    assert not missing, f"pages missing: {missing}"


def _hrefs(html: Path) -> list[str]:
    text = html.read_text(encoding="utf-8")
    article = text.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    parser = _Links()
    parser.feed(article)
    return [h.split("#")[0] for h in parser.hrefs if not re.match(r"^[a-z]+:|^#", h)]


def linked_pages(site: Path, path: str) -> set[str]:
    """The site paths that the page at `path` links to from its content."""
    html = page_of(site, path)
    root = site.resolve()
    return {
        str((html.parent / href).resolve().relative_to(root)).removesuffix("/index.html").removesuffix("index.html")
        for href in _hrefs(html)
    }


def test_tracks_and_parties_link_both_ways(catalog, built_site):
    """A track page links to its parties, and each of those party pages links back to the track."""
    broken = []
    for party in catalog.parties.values():
        for track in party.tracks:
            if f"spor/{track}" not in linked_pages(built_site, f"parter/{party.id}"):
                broken.append(f"parter/{party.id} does not link to spor/{track}")
            if f"parter/{party.id}" not in linked_pages(built_site, f"spor/{track}"):
                broken.append(f"spor/{track} does not link to parter/{party.id}")
    assert any(p.tracks for p in catalog.parties.values()), "no party has a track: nothing was checked"
    assert not broken, "\n".join(broken)


def test_the_parties_overview_links_every_party(catalog, built_site):
    """The parties overview reaches every party page."""
    linked = linked_pages(built_site, "parter")
    missing = [i for i in catalog.parties if f"parter/{i}" not in linked]
    assert not missing, f"not linked from the overview: {missing}"


def test_sub_units_are_listed_on_their_parents_page(built_site):
    """Nærpolitiafdelingen's page lists Nærpolitiet and DKS beneath it."""
    linked = linked_pages(built_site, "parter/naerpolitiafdelingen")
    assert {"parter/naerpolitiet", "parter/dks"} <= linked, linked


@pytest.mark.slow
def test_a_new_party_in_data_is_a_new_page_and_a_removed_one_is_gone(project):
    """Pages follow data/: a party added is a page on the next build, a party removed has none (negative control)."""
    parties = project / "data" / "parter"
    text = (parties / "dks.yml").read_text(encoding="utf-8").replace("id: dks\n", "id: dks-fjernet\n")
    (parties / "dks.yml").unlink()
    (parties / "dks-fjernet.yml").write_text(text, encoding="utf-8")
    new = "id: ny-enhed\nnavn: En ny enhed\nmyndighed: koebenhavns-kommune\ntiltrådt: 2026-01-01\n"
    (parties / "ny-enhed.yml").write_text(new, encoding="utf-8")
    site = build_ok(project)
    assert page_of(site, "parter/ny-enhed").is_file(), "the new party has no page"
    assert not page_of(site, "parter/dks").exists(), "a party that is no longer in data/ still has a page"
    assert "parter/ny-enhed" in linked_pages(site, "parter"), "the overview does not link the new party"


@pytest.mark.slow
def test_contributor_prose_lands_on_the_generated_page(project):
    """docs/parter/<id>.md adds its Markdown to that party's generated page, between its facts and its sections."""
    prose = "## Analyser\n\nEAS udgiver *ugentlige* analyser.\n"
    (project / "docs" / "parter" / "eas.md").write_text(prose, encoding="utf-8")
    site = build_ok(project)
    html = page_of(site, "parter/eas").read_text(encoding="utf-8")
    article = html[html.index("<article") :]
    rendered = "</abbr> udgiver <em>ugentlige</em> analyser."  # EAS itself is an <abbr>
    order = ["Tiltrådt aftalen", rendered, "Planlægger og faciliterer Følgegruppens"]
    places = [article.find(text) for text in order]
    assert -1 not in places and places == sorted(places), f"prose, facts and data out of place: {places}"
    contents = re.findall(r'<a href="#([^"]+)" class="md-nav__link">', html)
    assert contents[:2] == ["analyser", "rolle-i-samarbejdet"], f"the page's contents list: {contents}"


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids += [value for name, value in attrs if name == "id"]


def duplicate_ids(html: str) -> list[str]:
    parser = _Ids()
    parser.feed(html)
    return sorted({i for i in parser.ids if parser.ids.count(i) > 1})


def test_no_page_uses_an_id_twice(built_site):
    """No id appears twice on any page of the shipped site."""
    pages = sorted(built_site.rglob("*.html"))
    found = {p.relative_to(built_site).as_posix(): d for p in pages if (d := duplicate_ids(p.read_text("utf-8")))}
    assert len(pages) > 30 and not found, f"ids used twice: {found}"


def test_heading_ids_on_the_built_site_spell_out_danish_letters(built_site):
    """The built pages' heading ids keep æ, ø and å as ae, oe and aa: 'Økonomi' is #oekonomi, not #konomi."""
    html = page_of(built_site, "aftalen").read_text(encoding="utf-8")
    ids = re.findall(r'<h[1-6] id="([^"]+)"', html)
    assert "oekonomi" in ids and "formaal" in ids and "konomi" not in ids, ids


def test_negative_control_the_id_check_finds_a_repeated_id():
    """Negative control: an id on two elements is reported."""
    assert duplicate_ids('<h2 id="a">A</h2><p id="b"></p><h2 id="a">A</h2>') == ["a"]


EVENT_NAMED_PROGRAM = """
titel: Program
type: netværksmøde
dato: 2026-05-05
start: "10:00"
slut: "11:00"
sted: Politigården
status: afholdt
spor: [vidensdeling]
arrangører: [eas]
målgruppe: Medarbejdere
beskrivelse: Et møde, hvis titel er den samme som en af sidens sektioner.
klassifikation: intern
program:
  - tid: "10:00"
    titel: Velkomst
"""


@pytest.mark.slow
def test_prose_and_titles_named_like_a_section_do_not_take_its_id(project):
    """No id twice when prose or a title is named like a generated section: a prose heading yields the section
    its id and takes the next free one (x_1); after a title, the section takes the next free one."""
    (project / "docs" / "parter" / "eas.md").write_text("## Materialer\n\nOm EAS' materialer.\n", encoding="utf-8")
    (project / "data" / "seminarer" / "2026-05-05-program.yml").write_text(EVENT_NAMED_PROGRAM, encoding="utf-8")
    site = build_ok(project)
    problems = []
    expected = {"parter/eas": ["materialer_1", "materialer"], "seminarer/2026-05-05-program": ["program_1"]}
    for path, wanted in expected.items():
        html = page_of(site, path).read_text(encoding="utf-8")
        contents = re.findall(r'<a href="#([^"]+)" class="md-nav__link">', html)
        if duplicate_ids(html):
            problems.append(f"{path}: ids used twice: {duplicate_ids(html)}")
        if not all(w in contents for w in wanted):
            problems.append(f"{path}: contents {contents} lack {wanted}")
    eas = page_of(site, "parter/eas").read_text(encoding="utf-8")
    generated = r'<h2 id="materialer">Materialer<a class="headerlink" href="#materialer"[^>]*>[^<]*</a></h2>\s*<ul'
    if not re.search(generated, eas):
        problems.append("parter/eas: the generated list of materials is not under id 'materialer'")
    if '<h2 id="materialer_1">Materialer<a class="headerlink" href="#materialer_1"' not in eas:
        problems.append("parter/eas: the prose heading did not get id 'materialer_1' with its permalink")
    assert not problems, problems


def test_the_home_page_shows_tracks_parties_and_goals(built_site):
    """The home page renders the data-backed parts: tracks, who the parties are, goals, next events, newest
    materials."""
    html = page_of(built_site, "").read_text(encoding="utf-8")
    expected = [
        "Forebyggelse",
        "Vidensdeling og vidensopbygning",
        "væsentligste bidrag",
        "Øget tryghed",
        "Eksempel: Netværksmøde mellem aftalens parter",  # the next event
        "Eksempel: Referat af Følgegruppens møde",  # one of the newest materials
    ]
    missing = [t for t in expected if t not in html]
    assert not missing, f"missing on the home page: {missing}"


def test_every_page_carries_the_intern_marking(built_site):
    """Every built page shows the classification marking 'Intern'."""
    unmarked = [
        str(p.relative_to(built_site))
        for p in built_site.rglob("*.html")
        if 'class="vp-marking"' not in p.read_text(encoding="utf-8")
    ]
    assert not unmarked, f"pages without the marking: {unmarked}"


def broken_links(site: Path) -> list[str]:
    """Every href and src in the site's pages that points inside the site but to no file, as 'page → target'."""
    broken = []
    for page in site.rglob("*.html"):
        for target in re.findall(r'(?:href|src)="([^"#?]+)', page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z][a-z0-9+.-]*:|^//", target):
                continue
            # 404.html links from the site's root, every other page relative to itself.
            resolved = (site / target.lstrip("/")) if target.startswith("/") else (page.parent / target)
            resolved = resolved.resolve()
            if not (resolved / "index.html" if resolved.is_dir() else resolved).is_file():
                broken.append(f"{page.relative_to(site)} → {target}")
    return sorted(set(broken))


def test_every_internal_link_in_the_built_site_resolves(built_site):
    """Every href and src inside the built site that points within it leads to an existing file."""
    broken = broken_links(built_site)
    assert not broken, "broken links:\n" + "\n".join(broken[:50])


def test_negative_control_the_link_check_finds_a_broken_link(tmp_path):
    """Negative control: a planted link to a missing page is reported, a good one is not."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text("ok", encoding="utf-8")
    (tmp_path / "index.html").write_text('<a href="findes-ikke/">x</a><a href="b/">y</a>', encoding="utf-8")
    assert broken_links(tmp_path) == ["index.html → findes-ikke/"], broken_links(tmp_path)


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml's !ENV tags read as plain values."""


_IgnoreTags.add_constructor("!ENV", lambda loader, node: None)


def test_the_tests_render_markdown_with_the_sites_extensions():
    """SITE_MARKDOWN_EXTENSIONS, which the escaping tests use, are the extensions mkdocs.yml configures."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)  # noqa: S506 -- SafeLoader
    configured = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert sorted([*configured, "tables", "fenced_code"]) == sorted(SITE_MARKDOWN_EXTENSIONS), configured
