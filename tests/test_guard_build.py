"""Real builds: the output gate stops mkdocs build and mkdocs serve, withheld material leaves nothing in the
output, and the project's boundary holds."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from tools.make_example_pdf import render_pdf
from vidensportal.guards.text.contents import texts_of
from vidensportal.guards.text.reading import as_read

from .support import build_fails, build_ok, http_get, run_build, serving

pytestmark = pytest.mark.slow


def append(path: Path, text: str) -> int:
    """Add `text` as the last lines of `path`; the line number of its first line."""
    before = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(before + "\n\n" + text + "\n", encoding="utf-8")
    return before.count("\n") + 3


def test_a_number_made_only_when_the_page_renders_is_stopped_by_the_gate(project: Path):
    """A CPR number that no source holds in one run (Markdown emphasis splits it) stops the build at the output
    gate, naming the page and the search index, without a traceback; the offending files are withdrawn."""
    append(project / "docs/aftalen.md", "Ring 0101*90*-1234.")
    output = build_fails(project)
    assert "Bygningen er stoppet" in output and "site/aftalen/index.html" in output, output
    assert "site/pagefind/fragment/" in output and "010190-****" in output and "90-1234" not in output, output
    assert not (project.parent / "site/aftalen/index.html").exists(), "the offending page is still in site/"


def test_the_same_render_with_a_non_date_builds(project: Path):
    """Negative control: the same page with day 32 builds."""
    append(project / "docs/aftalen.md", "Ring 3201*90*-1234.")
    build_ok(project)


def test_a_cpr_number_in_a_pdf_stops_the_build_before_it_reaches_the_search(project: Path):
    """A CPR number in a material's PDF text stops the build, naming the PDF."""
    (project / "docs/materialer/eksempel-oplaeg-rekruttering.pdf").write_bytes(
        render_pdf("Oplæg", ["Borgeren 010190-1234 deltog."])
    )
    output = build_fails(project)
    assert "docs/materialer/eksempel-oplaeg-rekruttering.pdf" in output and "CPR-nummer" in output, output


def test_a_cpr_number_in_a_file_name_stops_the_build(project: Path):
    """A CPR number in a docs/ file name stops the build naming the file."""
    (project / "docs/assets/bilag_010190-1234.txt").write_text("x", encoding="utf-8")
    output = build_fails(project)
    assert "docs/assets/bilag_010190-1234.txt" in output and "CPR-nummer" in output, output


WITHHELD_EVENT = """\
titel: Hemmeligt møde om særlige indsatser
type: netværksmøde
dato: 2026-10-01
start: "10:00"
slut: "11:00"
sted: Politigården
status: planlagt
spor: [forebyggelse]
arrangører: [eas]
målgruppe: Få
klassifikation: fortrolig
beskrivelse: Intet.
"""
WITHHELD_MATERIAL = """\
titel: Fortroligt notat om konkrete personer
type: notat
dato: 2026-02-01
fil: materialer/notat.pdf
spor: [forebyggelse]
parter: [eas]
klassifikation: fortrolig
"""
SHARING_MATERIAL = WITHHELD_MATERIAL.replace("Fortroligt notat om konkrete personer", "Offentlig kopi").replace(
    "fortrolig", "intern"
)
WITHHELD_PDF_WORDS = "Kodeordetzyx er hemmeligt"
TITLES = ["Hemmeligt møde om særlige indsatser", "Fortroligt notat om konkrete personer"]


def every_text(site: Path) -> tuple[set[bytes], list[str]]:
    """The bytes of every file in the site (and of every gzip inside) and the folded text of all of them."""
    blobs, texts = set(), []
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            blobs.add(data)
            if data.startswith(b"\x1f\x8b"):
                blobs.add(gzip.decompress(data))
            texts += [path.relative_to(site).as_posix()]
            texts += [view.casefold() for text in texts_of(data, path.name) for view in as_read(text.text)]
    return blobs, texts


def test_a_build_with_withheld_items_publishes_none_of_their_bytes_or_titles(project: Path):
    """A fortrolig event and material, and a public material naming the same file: the build succeeds, and its
    whole output holds neither the file's bytes nor the titles nor the file's text."""
    secret = render_pdf("Notat", [WITHHELD_PDF_WORDS])
    (project / "docs/materialer/notat.pdf").write_bytes(secret)
    (project / "data/seminarer/2026-10-01-hemmeligt.yml").write_text(WITHHELD_EVENT, encoding="utf-8")
    (project / "data/materialer/fortroligt-notat.yml").write_text(WITHHELD_MATERIAL, encoding="utf-8")
    (project / "data/materialer/offentlig-kopi.yml").write_text(SHARING_MATERIAL, encoding="utf-8")
    site = build_ok(project)
    blobs, texts = every_text(site)
    assert secret not in blobs, "the withheld PDF's bytes are in the output"
    leaks = [t for t in [*TITLES, WITHHELD_PDF_WORDS] if any(t.casefold() in text for text in texts)]
    assert not leaks, f"withheld text in the output: {leaks}"
    assert not (site / "materialer/offentlig-kopi/index.html").exists(), "the sharing material was published"


def test_the_same_items_at_intern_are_published(project: Path):
    """Negative control: classified intern, the same titles and bytes are in the output, so the scan can fail."""
    secret = render_pdf("Notat", [WITHHELD_PDF_WORDS])
    (project / "docs/materialer/notat.pdf").write_bytes(secret)
    event = WITHHELD_EVENT.replace("fortrolig", "intern")
    (project / "data/seminarer/2026-10-01-hemmeligt.yml").write_text(event, encoding="utf-8")
    material = WITHHELD_MATERIAL.replace("klassifikation: fortrolig", "klassifikation: intern")
    (project / "data/materialer/fortroligt-notat.yml").write_text(material, encoding="utf-8")
    blobs, texts = every_text(build_ok(project))
    assert secret in blobs and all(any(t.casefold() in text for text in texts) for t in TITLES)


def test_a_withheld_title_written_in_a_page_stops_the_build(project: Path):
    """A contributor who writes a withheld event's exact title on a page stops the build, naming the page."""
    (project / "data/seminarer/2026-10-01-hemmeligt.yml").write_text(WITHHELD_EVENT, encoding="utf-8")
    append(project / "docs/aftalen.md", "Se også Hemmeligt møde om særlige indsatser.")
    output = build_fails(project)
    assert "site/aftalen/index.html" in output and "seminar '2026-10-01-hemmeligt'" in output, output


def test_an_image_from_another_host_stops_the_build_naming_the_source_line(project: Path):
    """An image from another host in contributor Markdown stops the build naming the page, source and line."""
    line = append(project / "docs/aftalen.md", "![Logo](https://billeder.example.com/logo.png)")
    output = build_fails(project)
    assert "site/aftalen/index.html" in output and f"docs/aftalen.md, linje {line}" in output, output


def test_a_link_to_another_host_builds(project: Path):
    """Negative control: an ordinary link to another site is allowed."""
    append(project / "docs/aftalen.md", "[Kommunen](https://www.kk.dk/)")
    build_ok(project)


def test_a_symlink_out_of_the_project_stops_the_build(project: Path, tmp_path: Path):
    """A link under docs/ to a file outside the project stops the build naming the link."""
    outside = tmp_path / "andet-sted.md"
    outside.write_text("# Udenfor\n", encoding="utf-8")
    os.symlink(outside, project / "docs/udenfor.md")
    output = build_fails(project)
    assert "docs/udenfor.md" in output and "uden for projektet" in output, output


def test_an_id_that_takes_a_site_path_stops_the_build(project: Path):
    """A material whose id is 'index' would take the materials listing's place: an error naming the file."""
    (project / "data/materialer/index.yml").write_text(
        SHARING_MATERIAL.replace("materialer/notat.pdf", "materialer/eksempel-oplaeg-rekruttering.pdf"),
        encoding="utf-8",
    )
    output = build_fails(project)
    assert "data/materialer/index.yml" in output and "bruger sitet selv" in output, output


def test_mkdocs_serve_stops_at_the_gate_too(project: Path):
    """`mkdocs serve` runs the same gate: a page with a rendered CPR number gives the Danish message in place of the
    site (make serve's preview), and nothing of the built site is served while it stands."""
    append(project / "docs/aftalen.md", "Ring 0101*90*-1234.")
    with serving(project, first="fejl") as base:
        status, page = http_get(base + "/aftalen/")
        assert status == 500 and "Bygningen er stoppet" in page and "010190-****" in page, page[:2000]
        for path in ("/search/search_index.json", "/sitemap.xml", "/aftalen/index.html", "/assets/vidensportal.js"):
            served = http_get(base + path)[1]
            assert "010190-1234" not in served and "Portalen kan ikke bygges" in served, f"{path}: {served[:300]}"


def test_the_gate_sees_what_mkdocs_writes_itself(project: Path):
    """A number only in the site's address (VIDENSPORTAL_URL) reaches mkdocs' own sitemap (also gzipped) and
    404 page; the gate runs after those are written and names them. Without it the build passes (control)."""
    result = run_build(project, project.parent / "site", env={"VIDENSPORTAL_URL": "https://intra.example/0101901234/"})
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    for name in ("site/sitemap.xml:", "site/sitemap.xml.gz:", "site/404.html:"):
        assert name in output, f"{name} not named:\n{output}"
    build_ok(project, env={"VIDENSPORTAL_URL": "https://intra.example/3201901234/"})


def test_a_script_from_another_host_in_a_template_stops_the_build(project: Path):
    """A template that loads a script from another host stops the build, naming a page and the template's line."""
    template = project / "overrides/main.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(
        text
        + '\n{% block scripts %}{{ super() }}\n<script src="https://cdn.example.com/x.js"></script>\n{% endblock %}\n',
        encoding="utf-8",
    )
    line = text.count("\n") + 3
    output = build_fails(project)
    assert "site/index.html" in output and f"overrides/main.html, linje {line}" in output, output


def test_a_copy_of_a_withheld_file_elsewhere_in_docs_stops_the_build(project: Path):
    """A withheld material's file copied to another name in docs/ stops the build, naming the copy and the file."""
    secret = render_pdf("Notat", [WITHHELD_PDF_WORDS])
    (project / "docs/materialer/notat.pdf").write_bytes(secret)
    (project / "docs/assets/kopi.pdf").write_bytes(secret)
    (project / "data/materialer/fortroligt-notat.yml").write_text(WITHHELD_MATERIAL, encoding="utf-8")
    output = build_fails(project)
    assert "site/assets/kopi.pdf" in output and "docs/materialer/notat.pdf" in output, output
    assert not (project.parent / "site/assets/kopi.pdf").exists(), "the copy is still in site/"
