"""Withheld means the content, not the bytes: a published file whose text holds most of a withheld document's stops
the build naming both, and a build into a site folder an earlier build wrote (--dirty) publishes no page, file or
listing of an item withheld since."""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from tools.make_example_pdf import render_pdf
from vidensportal.guards import withheld as withheld_module
from vidensportal.guards.output import check_output
from vidensportal.guards.similar import MIN_WORDS, SHINGLE_WORDS, THRESHOLD, fingerprint
from vidensportal.guards.stale import prepare_site
from vidensportal.guards.text.contents import texts_of
from vidensportal.guards.text.reading import as_read
from vidensportal.guards.withheld import withheld_items

from .support import build_fails, build_ok, copy_project, run_build

SECRET_LINES = [
    "Notatet beskriver to konkrete sager fra efteråret, hvor unge blev rekrutteret gennem lukkede grupper.",
    "Politiet vurderer, at grupperingen har flyttet sine møder til et værksted i det nordvestlige København.",
    "Kommunens medarbejdere har haft samtaler med familierne og har tilbudt begge unge et exitforløb.",
    "Den ene af de unge har takket ja, mens den anden fortsat har kontakt til grupperingens ledere.",
    "Skolen og klubben har aftalt at dele deres iagttagelser med SSP hver fjortende dag frem til sommer.",
    "Oplysningerne stammer fra afhøringer og må ikke videregives uden for Følgegruppens medlemmer.",
    "Næste skridt aftales på Følgegruppens møde i december, hvor politiet fremlægger en ny vurdering.",
    "Notatet opdateres, når der er nyt om de to sager, og senest inden udgangen af første kvartal.",
]
WITHHELD_FILE = "materialer/notat.pdf"


def secret_pdf() -> bytes:
    return render_pdf("Fortroligt notat", SECRET_LINES)


def word_file(paragraphs: list[str], title: str = "") -> bytes:
    """A Word file as Word would save it (python-docx's template), with these paragraphs."""
    document = docx.Document()
    document.core_properties.title = title
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def resaved_pdf(data: bytes) -> bytes:
    """The same PDF written again by another program, with other metadata."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Producer": "Microsoft Word for Microsoft 365", "/Author": "Sekretariatet"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def gate(tmp_path: Path, withheld_files: dict[str, bytes], published: dict[str, bytes | str]) -> list[str]:
    """The gate's problems, as 'site file: message', for a docs/ with these withheld files and a site of these."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    for folder, files in ((docs, withheld_files), (site, published)):
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    withheld = withheld_items(docs, set(withheld_files), {})
    return [f"{problem.file.as_posix()}: {problem.message}" for problem in check_output(site, withheld=withheld)]


# Each route: the published file's name and its content.
COPIES = {
    "re-saved with one byte more": ("assets/notat.pdf", lambda: secret_pdf() + b"\n"),
    "re-generated with other metadata": ("assets/notat.pdf", lambda: resaved_pdf(secret_pdf())),
    "exported to Word": ("assets/notat.docx", lambda: word_file(["Fortroligt notat", *SECRET_LINES], title="Kopi")),
    "copied with a line changed": (
        "materialer/kopi.pdf",
        lambda: render_pdf("Notat (kopi)", [*SECRET_LINES[:3], "Her står noget helt andet.", *SECRET_LINES[4:]]),
    ),
    "pasted into a page": (
        "sager/index.html",
        lambda: (
            "<html><body><nav>Menu</nav><article><h1>Sager</h1>"
            + "".join(f"<p>{line}</p>" for line in SECRET_LINES[:6])
            + "</article></body></html>"
        ),
    ),
}


@pytest.mark.parametrize("route", sorted(COPIES))
def test_a_copy_of_a_withheld_documents_text_stops_the_build_naming_both(tmp_path: Path, route: str):
    """A published file whose text holds most of a withheld document's, under other bytes, is named with it."""
    name, content = COPIES[route]
    problems = gate(tmp_path, {WITHHELD_FILE: secret_pdf()}, {name: content()})
    assert len(problems) == 1 and problems[0].startswith(f"site/{name}: "), problems
    assert f"docs/{WITHHELD_FILE}" in problems[0] and "tilbageholdt" in problems[0], problems


def test_unrelated_documents_on_the_same_subject_publish(tmp_path: Path):
    """Negative control: a document on the same subject that shares words and a few phrases with the withheld one,
    a Word file from the same program, and a page quoting one of its sentences are published."""
    related = [
        "Notatet beskriver, hvordan kommunen og politiet samarbejder om unge i risiko for rekruttering.",
        "Kommunens medarbejdere har haft samtaler med mange familier i løbet af året.",
        "Næste skridt aftales på Følgegruppens møde i december.",
    ]
    problems = gate(
        tmp_path,
        {WITHHELD_FILE: secret_pdf(), "materialer/kort.docx": word_file(["Mødet holdes på værkstedet i Nordvest."])},
        {
            "materialer/offentligt.pdf": render_pdf("Offentligt notat", related),
            "materialer/offentligt.docx": word_file(related),
            "materialer/andet.docx": word_file(["Mødet holdes i Rådhushallen."]),
            "citat/index.html": f"<p>Fra notatet: {SECRET_LINES[0]}</p>",
        },
    )
    assert problems == [], problems


def test_the_measure_handles_short_texts():
    """A withheld text of fewer than SHINGLE_WORDS words is one shingle of all its words; under MIN_WORDS, none."""
    assert THRESHOLD == 0.5 and SHINGLE_WORDS == 5, "the README states the measure: update both together"
    short = fingerprint("x", ["tre", "korte", "ord"])
    assert short is not None and short.shingles == {("tre", "korte", "ord")}, short
    assert fingerprint("x", ["to", "ord"][: MIN_WORDS - 1]) is None


def test_a_short_withheld_text_is_caught_whole_and_only_whole(tmp_path: Path):
    """A withheld document of three words is caught where all three stand in a row, not where two of them do."""
    withheld = {"materialer/kort.txt": b"Kodeordetzyx er hemmeligt"}
    found = gate(tmp_path / "a", withheld, {"a/index.html": "<p>Husk: kodeordetzyx <b>er</b> hemmeligt!</p>"})
    assert len(found) == 1 and "docs/materialer/kort.txt" in found[0], found
    assert gate(tmp_path / "b", withheld, {"a/index.html": "<p>Kodeordetzyx er skiftet.</p>"}) == []


def test_a_withheld_document_whose_text_cannot_be_read_stops_the_build(tmp_path: Path, monkeypatch):
    """A withheld file the reader cannot open cannot be compared: the gate names it instead of passing everything;
    the same file read stops nothing (control)."""
    assert gate(tmp_path / "a", {WITHHELD_FILE: secret_pdf()}, {"a/index.html": "<p>Intet</p>"}) == []

    def unreadable(data: bytes, name: str) -> list:
        raise ValueError("låst med adgangskode")

    monkeypatch.setattr(withheld_module, "texts_of", unreadable)
    problems = gate(tmp_path / "b", {WITHHELD_FILE: secret_pdf()}, {"a/index.html": "<p>Intet</p>"})
    assert len(problems) == 1 and problems[0].startswith(f"docs/{WITHHELD_FILE}: "), problems
    assert "kan ikke læses (låst med adgangskode)" in problems[0], problems


def test_a_withheld_documents_words_are_read_once_and_remembered(tmp_path: Path, monkeypatch):
    """The words of a withheld document are remembered by its content: the next build does not read it again and
    finds the same; a changed file is read again."""
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    (docs / "materialer").mkdir(parents=True)
    (docs / WITHHELD_FILE).write_bytes(secret_pdf())
    first = withheld_items(docs, {WITHHELD_FILE}, {}, cache_dir=cache).texts.fingerprints

    def unreadable(data: bytes, name: str) -> list:
        raise ValueError("læst igen")

    monkeypatch.setattr(withheld_module, "texts_of", unreadable)
    again = withheld_items(docs, {WITHHELD_FILE}, {}, cache_dir=cache)
    assert again.texts.fingerprints == first and not again.unreadable, again.unreadable
    (docs / WITHHELD_FILE).write_bytes(secret_pdf() + b"\n")
    assert withheld_items(docs, {WITHHELD_FILE}, {}, cache_dir=cache).unreadable, "a changed file was not read"


# --- Pages and files of withheld items left in the site by an earlier build ----------------------------------------

ITEM_PAGES = {
    "seminarer/2026-10-01-oevelse.md": "seminar '2026-10-01-oevelse'",
    "seminarer/2026-10-01-oevelse.ics": "seminar '2026-10-01-oevelse'",
    "materialer/plan.md": "materiale 'plan'",
}


def test_a_withheld_items_page_file_or_link_left_in_the_site_stops_the_build(tmp_path: Path):
    """The gate names a page, calendar or file at a withheld item's place and every link or URL to one (a listing,
    the search index, the sitemap) and withdraws them; links to published pages pass (control)."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    files = {
        "seminarer/2026-10-01-oevelse/index.html": "<h1>Øvelse</h1>",
        "seminarer/2026-10-01-oevelse.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
        "materialer/plan.pdf": render_pdf("Plan", ["x"]),
        "seminarer/index.html": '<a href="2026-10-01-oevelse/">Øvelse</a> <a href="2026-10-02-andet/">Andet</a>',
        "parter/eas/index.html": '<a href="../../materialer/plan/">Plan</a>',
        "tags/index.html": '<a href="../materialer/plan.pdf">Plan</a> <a href="../materialer/planer/">Planer</a>',
        "pagefind/fragment/da_1.pf_fragment": '{"url":"/seminarer/2026-10-01-oevelse/","content":"Øvelse"}',
        "sitemap.xml": "<urlset><url><loc>https://intra.example/portal/materialer/plan/</loc></url></urlset>",
        "aftalen/index.html": '<a href="../seminarer/2026-10-02-andet/">Andet</a> En plan for øvelsen.',
    }
    for name, content in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    withheld = withheld_items(docs, {"materialer/plan.pdf"}, {}, pages=ITEM_PAGES)
    named = sorted({p.file.as_posix() for p in check_output(site, withheld=withheld)})
    expected = [f"site/{name}" for name in sorted(files) if name != "aftalen/index.html"]
    assert named == expected, f"named {named}, expected {expected}"


def test_a_site_folder_is_reused_only_while_nothing_it_published_is_withheld_or_gone(tmp_path: Path):
    """prepare_site keeps an earlier build's output for the same withheld set and the same or more sources, and
    empties it (hidden entries aside, as mkdocs does) when something is withheld since, a source is gone or there is
    no record."""
    site, cache = tmp_path / "site", tmp_path / "cache"

    def leftovers() -> list[str]:
        (site / "gammel").mkdir(parents=True, exist_ok=True)
        (site / "gammel/index.html").write_text("x", encoding="utf-8")
        (site / ".git").mkdir(exist_ok=True)
        return sorted(p.name for p in site.iterdir())

    steps = [
        ("no record", "a", ["x.md", "y.md"], True),
        ("nothing changed", "a", ["x.md", "y.md"], False),
        ("a source added", "a", ["x.md", "y.md", "z.md"], False),
        ("something withheld since", "b", ["x.md", "y.md", "z.md"], True),
        ("a source gone", "b", ["x.md", "z.md"], True),
    ]
    wrong = []
    for name, withheld, published, emptied in steps:
        leftovers()
        result = prepare_site(site, cache, withheld, published)
        left = sorted(p.name for p in site.iterdir())
        if result != emptied or left != ([".git"] if emptied else [".git", "gammel"]):
            wrong.append(f"{name}: emptied={result}, left {left}")
    assert not wrong, wrong


# --- Real builds ---------------------------------------------------------------------------------------------------

WITHHELD_PDF_MATERIAL = """\
titel: Notat om sager
type: notat
dato: 2026-02-01
fil: materialer/notat.pdf
spor: [forebyggelse]
parter: [eas]
klassifikation: fortrolig
"""


@pytest.mark.slow
def test_a_resaved_withheld_pdf_in_docs_stops_the_build_naming_both(project: Path):
    """A withheld material's PDF saved again with one byte more under docs/assets/ stops the build, naming the copy
    and the withheld file, and the copy is withdrawn from the site."""
    (project / "docs/materialer/notat.pdf").write_bytes(secret_pdf())
    (project / "docs/assets/notat-kopi.pdf").write_bytes(secret_pdf() + b"\n")
    (project / "data/materialer/notat.yml").write_text(WITHHELD_PDF_MATERIAL, encoding="utf-8")
    output = build_fails(project)
    assert "site/assets/notat-kopi.pdf" in output and f"docs/{WITHHELD_FILE}" in output, output
    assert not (project.parent / "site/assets/notat-kopi.pdf").exists(), "the copy is still in site/"


SHORT_EVENT = """\
titel: Øvelse Nord
type: netværksmøde
dato: 2026-10-01
start: "10:00"
slut: "11:00"
sted: Politigården
status: planlagt
spor: [forebyggelse]
arrangører: [eas]
målgruppe: Få
klassifikation: intern
beskrivelse: Intet.
materialer:
  - id: oevelsesplan
    titel: Plan
    type: notat
    dato: 2026-09-01
    fil: materialer/oevelsesplan.pdf
    klassifikation: intern
"""
EVENT_ID = "2026-10-01-oevelse-nord"
INTERN, FORTROLIG = "klassifikation: intern\nbeskrivelse", "klassifikation: fortrolig\nbeskrivelse"


def traces(site: Path) -> list[str]:
    """Every file in the site that is the withheld event's or its material's, or names them (id, file, title)."""
    found = []
    for path in site.rglob("*"):
        if path.is_file():
            relative = path.relative_to(site).as_posix()
            read = " ".join(
                view.casefold() for text in texts_of(path.read_bytes(), path.name) for view in as_read(text.text)
            )
            words = [w for w in (EVENT_ID, "oevelsesplan", "øvelse nord") if w in relative or w in read]
            found += [f"{relative}: {words}"] if words else []
    return sorted(found)


def dirty_build(project: Path, site: Path):
    return run_build(project, site, "--dirty", "--no-strict")  # mkdocs warns of any dirty build


@pytest.mark.slow
def test_a_dirty_build_publishes_nothing_of_an_item_withheld_since(project: Path, tmp_path: Path):
    """Built once with an event (short title) and its material published, then the event made fortrolig and built
    again with --dirty into the same folder: no page, calendar, file, listing or search entry of it remains."""
    (project / "docs/materialer/oevelsesplan.pdf").write_bytes(render_pdf("Plan", ["Øvelsen holdes i Nord."]))
    event = project / f"data/seminarer/{EVENT_ID}.yml"
    event.write_text(SHORT_EVENT, encoding="utf-8")
    site = build_ok(project, tmp_path / "site")
    assert traces(site), "the first build does not publish the event, so the test cannot fail"
    event.write_text(SHORT_EVENT.replace(INTERN, FORTROLIG), encoding="utf-8")
    result = dirty_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode == 0 and "Traceback" not in output, output
    left = traces(site)
    assert not left, "the dirty build left the withheld event in the site:\n" + "\n".join(left)


@pytest.mark.slow
def test_a_dirty_build_without_changes_reuses_the_site(project: Path, tmp_path: Path):
    """Negative control: a dirty rebuild with nothing withheld since builds, keeps the pages it need not write
    again, and publishes the event."""
    (project / "docs/materialer/oevelsesplan.pdf").write_bytes(render_pdf("Plan", ["Øvelsen holdes i Nord."]))
    (project / f"data/seminarer/{EVENT_ID}.yml").write_text(SHORT_EVENT, encoding="utf-8")
    site = build_ok(project, tmp_path / "site")
    page = site / "aftalen/index.html"
    os.utime(page, (1_000_000_000, 1_000_000_000))  # older than its source: mkdocs --dirty writes it again
    os.utime(project / "docs/aftalen.md", (900_000_000, 900_000_000))
    result = dirty_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert page.stat().st_mtime == 1_000_000_000, "the dirty build wrote an unchanged page again: nothing was reused"
    assert (site / f"seminarer/{EVENT_ID}/index.html").is_file() and traces(site), "the event is not published"


@pytest.mark.slow
def test_a_dirty_build_over_a_folder_without_a_record_starts_clean(tmp_path: Path):
    """A site folder no build of this project recorded (another checkout wrote it) is emptied before a dirty build:
    its leftovers are gone."""
    project = copy_project(tmp_path / "projekt")
    site = tmp_path / "site"
    (site / "seminarer/gammelt").mkdir(parents=True)
    (site / "seminarer/gammelt/index.html").write_text("<h1>Gammelt</h1>", encoding="utf-8")
    result = dirty_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (site / "seminarer/gammelt").exists(), "a leftover of another build is still in the site"
    assert (site / "aftalen/index.html").is_file()


@pytest.mark.slow
def test_a_withheld_page_put_back_into_a_reused_site_stops_the_build(project: Path, tmp_path: Path):
    """If a withheld item's page is in the site anyway (copied back after the build that emptied it), the gate of
    the next dirty build stops it, naming the page, and removes it."""
    (project / "docs/materialer/oevelsesplan.pdf").write_bytes(render_pdf("Plan", ["Øvelsen holdes i Nord."]))
    event = project / f"data/seminarer/{EVENT_ID}.yml"
    event.write_text(SHORT_EVENT.replace(INTERN, FORTROLIG), encoding="utf-8")
    site = build_ok(project, tmp_path / "site")
    stale = site / f"seminarer/{EVENT_ID}/index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("<h1>Øvelse Nord</h1>", encoding="utf-8")
    result = dirty_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and f"site/seminarer/{EVENT_ID}/index.html" in output, output
    assert f"seminar '{EVENT_ID}'" in output and not stale.exists(), output


PROSE = (
    "Øvelsen i Nord samler politiets og kommunens folk om tre konkrete adresser, hvor grupperingen mødes. "
    "Deltagerne får navnene på de unge, der er i kontakt med grupperingen, udleveret på dagen."
)


@pytest.mark.slow
def test_the_prose_of_a_withheld_event_is_withheld_text(project: Path, tmp_path: Path):
    """The prose written for a withheld event's page (docs/seminarer/<id>.md) is not published and does not stop
    the build; pasted into another page, it stops the build naming both."""
    (project / "docs/materialer/oevelsesplan.pdf").write_bytes(render_pdf("Plan", ["Øvelsen holdes i Nord."]))
    (project / f"data/seminarer/{EVENT_ID}.yml").write_text(SHORT_EVENT.replace(INTERN, FORTROLIG), encoding="utf-8")
    (project / f"docs/seminarer/{EVENT_ID}.md").write_text(PROSE + "\n", encoding="utf-8")
    site = build_ok(project, tmp_path / "site")
    assert not traces(site) and not any(
        "adresser, hvor grupperingen" in path.read_text(encoding="utf-8", errors="replace")
        for path in site.rglob("*.html")
    ), "the withheld event's prose is in the site"
    with (project / "docs/aftalen.md").open("a", encoding="utf-8") as page:
        page.write("\n\n" + PROSE + "\n")
    output = build_fails(project)
    assert "site/aftalen/index.html" in output and f"docs/seminarer/{EVENT_ID}.md" in output, output
