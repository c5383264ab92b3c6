"""The output gate finds a CPR number, a withheld file or title and a load from another host in every kind of
published file, as a reader receives it, and names the published file."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tools.make_example_pdf import render_pdf
from vidensportal.guards.output import check_output, gate_report, withdraw
from vidensportal.guards.withheld import Withheld, folded_title, withheld_items

CPR = "010190-1234"
NOT_CPR = "320190-1234"  # day 32: the same shape, no date


def site_with(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    site = tmp_path / "site"
    for name, content in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return site


def cpr_files(tmp_path: Path, files: dict[str, bytes | str], **kwargs) -> list[str]:
    """The published files the gate names for a CPR number."""
    problems = check_output(site_with(tmp_path, files), **kwargs)
    return sorted({p.file.as_posix() for p in problems if "CPR-nummer" in p.message})


def docx(paragraph_runs: list[str]) -> bytes:
    """A Word file whose one paragraph is split into the given runs."""
    from docx import Document

    document = Document()
    paragraph = document.add_paragraph()
    for run in paragraph_runs:
        paragraph.add_run(run).bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def png_with_text(text: str) -> bytes:
    """A one-pixel PNG whose metadata holds `text` in a tEXt chunk."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    header = chunk(b"IHDR", (1).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0]))
    pixels = chunk(b"IDAT", zlib.compress(b"\x00\x00"))
    return b"\x89PNG\r\n\x1a\n" + header + chunk(b"tEXt", b"Comment\x00" + text.encode()) + pixels + chunk(b"IEND", b"")


def b64(text: str) -> str:
    return b64_bytes(text.encode("utf-8"))


def b64_bytes(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode("ascii")


def zipped(members: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def pagefind(content: bytes) -> bytes:
    """A file as Pagefind 1.5 writes its index: gzip of a signature and the content."""
    return gzip.compress(b"pagefind_dcd" + content)


def cbor_text(text: str) -> bytes:
    data = text.encode("utf-8")
    assert len(data) < 24
    return bytes([0x60 | len(data)]) + data


# Each route: a published file and how the number is hidden in it, built for a day ("01": a CPR number; "32": the
# same shape without a date, the negative control).
ROUTES = {
    "html entities and a tag inside": ("a/index.html", lambda dd: f"<p>{dd}&#48;19<b>0</b>&ndash;1234</p>"),
    "html comment": ("a/index.html", lambda dd: f"<!-- ring {dd}01901234 -->"),
    "html attribute": ("a/index.html", lambda dd: f'<img alt="{dd}0190 1234" src="x.png">'),
    "non-breaking space": ("a/index.html", lambda dd: f"<p>{dd}0190&nbsp;1234</p>"),
    "line break": ("a/index.html", lambda dd: f"<p>{dd}0190\n1234</p>"),
    "soft hyphen and zero-width space": ("a/index.html", lambda dd: f"<p>{dd}01\u00ad90\u200b-1234</p>"),
    "fullwidth digits": ("a/index.html", lambda dd: f"<p>{dd}\uff10\uff11\uff19\uff10-\uff11\uff12\uff13\uff14</p>"),
    "minus sign": ("a/index.html", lambda dd: f"<p>{dd}0190\u22121234</p>"),
    "letters glued": ("a/index.html", lambda dd: f"<p>cpr{dd}01901234x</p>"),
    "json unicode escape": ("search/search_index.json", lambda dd: json.dumps({"text": f"{dd}0190\u20131234"})),
    "json escaped digits": ("search/search_index.json", lambda dd: f'{{"text": "{dd}\\u00301\\u00390-1234"}}'),
    "json line break": ("search/search_index.json", lambda dd: f'{{"text": "{dd}0190-\\n1234"}}'),
    "javascript hex escape": ("assets/app.js", lambda dd: f'var a = "{dd}\\x30190\\x2d1234";'),
    "css content escape": ("assets/app.css", lambda dd: f'.x::before {{ content: "{dd}\\30 190\\2d 1234"; }}'),
    "xml": ("sitemap.xml", lambda dd: f"<urlset><url><loc>https://x/{dd}0190-1234/</loc></url></urlset>"),
    "sitemap gzip": (
        "sitemap.xml.gz",
        lambda dd: gzip.compress(f"<urlset><loc>/{dd}01901234/</loc></urlset>".encode()),
    ),
    "ics": (
        "seminarer/kalender.ics",
        lambda dd: f"BEGIN:VEVENT\r\nDESCRIPTION:ring {dd}0190-\r\n 1234\r\nEND:VEVENT\r\n",
    ),
    "svg text": ("a/chart.svg", lambda dd: f"<svg><text>{dd}01<tspan>90</tspan>-1234</text></svg>"),
    "plain text": ("robots.txt", lambda dd: f"x {dd}0190 - 1234"),
    "utf-16 text": ("a/notes.txt", lambda dd: f"x {dd}0190-1234".encode("utf-16")),
    "percent-encoded": ("a/index.html", lambda dd: f'<a href="/{dd}0190%2D1234/">x</a>'),
    "double-encoded entity": ("a/index.html", lambda dd: f"<p>{dd}&amp;#48;1901234</p>"),
    "pdf text": ("materialer/x.pdf", lambda dd: render_pdf("Referat", [f"Borgeren {dd}0190-1234 deltog."])),
    "pdf title": ("materialer/y.pdf", lambda dd: render_pdf(f"Sag {dd}0190-1234", ["Intet her."])),
    "docx runs": ("materialer/x.docx", lambda dd: docx([f"{dd}01", "90-", "1234"])),
    "pagefind fragment": (
        "pagefind/fragment/da_1.pf_fragment",
        lambda dd: pagefind(f'{{"content": "{dd}0190-1234"}}'.encode()),
    ),
    "pagefind index word": ("pagefind/index/da_1.pf_index", lambda dd: pagefind(b"\x81" + cbor_text(f"{dd}01901234"))),
    "ics folded line": (
        "seminarer/x.ics",
        lambda dd: f"BEGIN:VEVENT\r\nDESCRIPTION:ring {dd}01\r\n 901234\r\nEND:VEVENT\r\n",
    ),
    "combining marks": ("a/index.html", lambda dd: f"<p>{dd}\u030101\u20dd90-1234</p>"),
    "circled and superscript digits": (
        "a/index.html",
        lambda dd: f"<p>{dd}\u24ea\u2460\u2468\u2070-\u00b9\u00b2\u00b34</p>",
    ),
    "data uri": ("a/index.html", lambda dd: f'<a href="data:text/plain;base64,{b64(f"ring {dd}0190-1234")}">x</a>'),
    "image metadata": ("assets/logo.png", lambda dd: png_with_text(f"ring {dd}0190-1234")),
}


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_every_route_is_caught_and_a_non_date_is_not(tmp_path: Path, route: str):
    """A CPR number hidden in any published file kind is found and names that file; the same with day 32 is not."""
    name, build = ROUTES[route]
    assert cpr_files(tmp_path / "cpr", {name: build("01")}) == [f"site/{name}"], f"{route}: CPR number not caught"
    assert cpr_files(tmp_path / "control", {name: build("32")}) == [], f"{route}: the non-date was reported (control)"


def test_a_cpr_number_in_a_published_path_is_caught(tmp_path: Path):
    """A CPR number in a file or folder name (also percent-encoded) is caught, naming the published path."""
    found = cpr_files(tmp_path, {"materialer/bilag_010190-1234.pdf": b"%PDF", "x/0101901234/index.html": "<p>x</p>"})
    assert found == ["site/materialer/bilag_010190-1234.pdf", "site/x/0101901234/index.html"], found
    assert cpr_files(tmp_path / "ok", {"materialer/bilag-2026-03-12.pdf": b"%PDF"}) == [], "control: a date"


def test_the_allow_list_lets_a_known_false_positive_through(tmp_path: Path):
    """extra.cpr_tilladte still allows a number in any written form; another number is still caught."""
    files = {"a.html": "<p>Sag 010190&ndash;1234</p>", "b.html": "<p>020290-5678</p>"}
    assert cpr_files(tmp_path, files, allow=["0101901234"]) == ["site/b.html"]


def test_the_message_is_one_danish_line_masked_and_traced_to_its_source(tmp_path: Path):
    """The report names the published file, masks the serial and, when traced, the source file and line."""

    class Trace:
        def where(self, digits: str, published: str = "") -> str:
            return " (kilde: docs/side.md, linje 7)" if digits == "0101901234" else ""

    problems = check_output(site_with(tmp_path, {"side/index.html": f"<p>{CPR}</p>"}), sources=Trace())
    report = gate_report(problems)
    assert len(problems) == 1 and "\n" not in str(problems[0]), report
    assert "site/side/index.html" in report and "010190-****" in report and "1234" not in report, report
    assert "kilde: docs/side.md, linje 7" in report and "cpr_tilladte" in report, report


def test_withdraw_removes_the_named_files_and_only_those(tmp_path: Path):
    """A stopped build leaves nothing it named to be served; other files stay."""
    site = site_with(tmp_path, {"a.html": f"<p>{CPR}</p>", "b.html": "<p>ok</p>"})
    withdraw(site, check_output(site))
    assert sorted(p.name for p in site.iterdir()) == ["b.html"]


def test_a_clean_site_passes(tmp_path: Path):
    """Negative control: dates, times, phone numbers, hashes and numbers in tables are no problem."""
    # The cells one to a line, as the site writes them: with nothing between them, "10" … "14" read as 1011121314
    # (a style can show any element inline).
    page = (
        "<p>Mødet 2026-03-12 kl. 13:00-15:30, tlf. +45 33 66 33 66, sag 12345678901.</p>"
        "<table><tr>\n<td>10</td>\n<td>11</td>\n<td>12</td>\n<td>13</td>\n<td>14</td>\n</tr></table>"
        '<script src="../assets/app.0123456789abcdef0101901234abcdef.js"></script>'
    )
    assert check_output(site_with(tmp_path, {"index.html": page})) == []


# --- Withheld stays withheld -------------------------------------------------------------------------------------


def test_a_withheld_file_is_caught_under_any_name(tmp_path: Path):
    """The bytes of a withheld file, published under another name or packed in a gzip or zip, stop the build
    naming both; a public PDF does not (control)."""
    docs = tmp_path / "docs"
    (docs / "materialer").mkdir(parents=True)
    secret = render_pdf("Fortroligt notat", ["Indhold"])
    (docs / "materialer" / "hemmelig.pdf").write_bytes(secret)
    withheld = withheld_items(docs, {"materialer/hemmelig.pdf"}, {})
    site = site_with(
        tmp_path,
        {
            "assets/kopi.bin": secret,
            "assets/pakket.pdf.gz": gzip.compress(secret),
            "materialer/samlet.zip": zipped({"a/hemmelig-kopi.pdf": secret}),
            "materialer/ok.pdf": render_pdf("Offentligt", ["x"]),
        },
    )
    problems = [p for p in check_output(site, withheld=withheld) if "filtypen" not in p.message]
    assert sorted((p.file.as_posix(), "docs/materialer/hemmelig.pdf" in p.message) for p in problems) == [
        ("site/assets/kopi.bin", True),
        ("site/assets/pakket.pdf.gz", True),
        ("site/materialer/samlet.zip", True),
    ], [str(p) for p in problems]


def test_a_withheld_title_is_caught_in_any_published_text(tmp_path: Path):
    """The exact title of a withheld item (three words or more) in a page, the search index or a PDF stops the
    build; a short title, a public item's same title, and other words are not reported."""
    withheld = withheld_items(
        tmp_path,
        set(),
        {"Rekruttering til bandemiljøet": "seminar 'x'", "Kort titel": "materiale 'y'", "Fælles titel her": "z"},
        published_titles=["Fælles titel her"],
    )
    site = site_with(
        tmp_path,
        {
            "a/index.html": "<h1>Rekruttering <em>til</em>\nBandemiljøet</h1>",
            "search/search_index.json": json.dumps({"t": "rekruttering til bandemiljøet"}),
            "b.pdf": render_pdf("Om rekruttering til bandemiljøet", ["x"]),
            "c/index.html": "<p>Kort titel. Fælles titel her. Rekruttering til bander.</p>",
        },
    )
    named = sorted(p.file.as_posix() for p in check_output(site, withheld=withheld))
    assert named == ["site/a/index.html", "site/b.pdf", "site/search/search_index.json"], named
    assert folded_title("Rekruttering\u00a0til  bandemiljøet") == "rekruttering til bandemiljøet"


def test_nothing_withheld_gives_no_withheld_problem(tmp_path: Path):
    """Negative control: without withheld items, the same site passes."""
    site = site_with(tmp_path, {"a/index.html": "<h1>Rekruttering til bandemiljøet</h1>"})
    assert check_output(site, withheld=Withheld()) == []


# --- Nothing loaded from another host ----------------------------------------------------------------------------

LOADS = {
    "image": '<img src="https://billeder.example.com/a.png">',
    "protocol-relative image": "<img src='//cdn.example.com/a.png'>",
    "srcset": '<img src="a.png" srcset="a.png 1x, https://cdn.example.com/a2.png 2x">',
    "iframe": '<iframe src="http://video.example.com/e/1"></iframe>',
    "script": '<script src="https://cdn.example.com/x.js"></script>',
    "stylesheet": '<link rel="stylesheet" href="https://fonts.example.com/css">',
    "preload": '<link rel="preload" href="https://fonts.example.com/f.woff2" as="font">',
    "style attribute": '<div style="background: url(&quot;https://x.example.com/b.png&quot;)"></div>',
    "style block import": "<style>@import 'https://x.example.com/a.css';</style>",
    "svg image": '<svg><image href="https://x.example.com/a.png"/></svg>',
    "video poster": '<video poster="https://x.example.com/p.jpg"></video>',
    "entity-encoded scheme": '<img src="&#104;ttps://x.example.com/a.png">',
}


@pytest.mark.parametrize("route", sorted(LOADS))
def test_a_load_from_another_host_is_caught(tmp_path: Path, route: str):
    """Anything a browser would fetch from another host by itself stops the build naming the published file."""
    problems = check_output(site_with(tmp_path, {"side/index.html": f"<html><body>{LOADS[route]}</body></html>"}))
    assert [p.file.as_posix() for p in problems] == ["site/side/index.html"], f"{route}: {[str(p) for p in problems]}"
    assert "anden server" in problems[0].message, problems[0].message


def test_css_url_and_import_from_another_host_are_caught(tmp_path: Path):
    """url() and @import in a published stylesheet are checked too."""
    css = "@import url(https://x.example.com/a.css);\n.a { background: url('//x.example.com/b.png') }"
    problems = check_output(site_with(tmp_path, {"assets/a.css": css}))
    assert len(problems) == 2, [str(p) for p in problems]


def test_links_and_local_loads_are_allowed(tmp_path: Path):
    """Negative control: ordinary links to other sites, a canonical link, data: images and local files pass."""
    pixel = b64_bytes(png_with_text("en prik"))
    page = (
        '<a href="https://www.kk.dk/">Kommunen</a><link rel="canonical" href="https://intra.example/x/">'
        f'<img src="../assets/a.png" srcset="a.png 1x, a2.png 2x"><img src="data:image/png;base64,{pixel}">'
        '<link rel="stylesheet" href="../assets/site.css"><script src="/assets/app.js"></script>'
        '<img src="https://intra.example/billede.png">'
    )
    css = ".a { background: url(../img/a.png) } @import 'local.css';"
    site = site_with(tmp_path, {"x/index.html": page, "assets/site.css": css})
    assert check_output(site, own_url="https://intra.example/") == []


# --- Generated disguises -----------------------------------------------------------------------------------------

DASHES = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "\ufe63", "\uff0d", "&ndash;", "&#8209;"]
SPACES = [" ", "\u00a0", "\u202f", "\u2009", "&nbsp;", "&#160;", "\n", "\r\n", "<br>", "\t"]


@st.composite
def disguised_cpr(draw: st.DrawFn) -> str:
    """010190-1234 written as a contributor or an attacker might: a dash or space of any kind, entities, escapes."""
    separator = draw(st.one_of(st.just(""), st.sampled_from(DASHES), st.sampled_from(SPACES)))
    digits = list("0101901234")
    encoded = [
        draw(st.sampled_from([d, f"&#{ord(d)};", f"&#x{ord(d):x};", f"<span>{d}</span>", f"{d}\u200b"])) for d in digits
    ]
    return "".join(encoded[:6]) + separator + "".join(encoded[6:])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(disguised=disguised_cpr(), kind=st.sampled_from(["html", "json", "js-escaped"]))
def test_a_generated_disguise_is_caught(tmp_path_factory: pytest.TempPathFactory, disguised: str, kind: str):
    """However the number is disguised, in a page, a JSON index or an escaped script string, the gate stops it."""
    tmp_path = tmp_path_factory.mktemp("disguise")
    if kind == "html":
        name, content = "a/index.html", f"<p>Borger {disguised} i dag</p>"
    elif kind == "json":
        name, content = "search/search_index.json", json.dumps({"text": f"Borger {disguised}"})
    else:
        escaped = "".join(f"\\u{ord(c):04x}" if c.isdigit() else c for c in disguised)
        name, content = "assets/x.js", f'var t = "{escaped}";'
    assert cpr_files(tmp_path, {name: content}) == [f"site/{name}"], f"{kind}: {content!r} not caught"


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(separator=st.sampled_from(["-", " ", "\u2013", "\u00a0"]), width=st.integers(20, 90))
def test_a_cpr_number_in_a_generated_pdf_is_caught(tmp_path_factory, separator: str, width: int):
    """A CPR number in a PDF's text, wherever the line wraps, is caught."""
    tmp_path = tmp_path_factory.mktemp("pdf")
    filler = "ord " * (width // 4)
    pdf = render_pdf("Referat", [f"{filler}borgeren 010190{separator}1234 mødte op."])
    assert cpr_files(tmp_path, {"materialer/x.pdf": pdf}) == ["site/materialer/x.pdf"]


def test_the_clean_cache_skips_only_unchanged_content_under_the_same_rules(tmp_path: Path, monkeypatch):
    """Content found clean is not read again in the next build; changed content, changed rules and content with a
    problem are always read."""
    from vidensportal.guards import output

    site = site_with(tmp_path, {"a.html": "<p>ren</p>", "b.html": f"<p>{CPR}</p>"})
    cache = tmp_path / "cache"
    assert cpr_files(tmp_path / "x", {}) == []
    first = check_output(site, cache_dir=cache)
    read: list[str] = []
    real = output.texts_of
    monkeypatch.setattr(output, "texts_of", lambda data, name: (read.append(name), real(data, name))[1])
    assert check_output(site, cache_dir=cache) == first and read == ["b.html"], read
    (site / "a.html").write_text(f"<p>nu {CPR}</p>", encoding="utf-8")
    read.clear()
    assert len(check_output(site, cache_dir=cache)) == 2 and sorted(read) == ["a.html", "b.html"], read
    read.clear()
    check_output(site, cache_dir=cache, allow=["0101901234"])
    assert sorted(read) == ["a.html", "b.html"], f"new rules must read everything again: {read}"


NAME_DASHES = ["-", "_", "\u2013", "\u2011", "%2D", "%E2%80%93", " ", "%20", "%C2%A0", ""]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    separator=st.sampled_from(NAME_DASHES),
    prefix=st.sampled_from(["", "bilag", "bilag_", "cpr", "x."]),
    suffix=st.sampled_from([".pdf", ".html", "/index.html", ".txt"]),
)
def test_a_cpr_number_disguised_in_a_file_name_is_caught(tmp_path_factory, separator: str, prefix: str, suffix: str):
    """A CPR number in a published path, with any dash, space or percent-encoding, is caught naming the path."""
    tmp_path = tmp_path_factory.mktemp("name")
    name = f"materialer/{prefix}010190{separator}1234{suffix}"
    if separator == "_":
        name = f"materialer/{prefix}0101901234{suffix}"
    assert cpr_files(tmp_path, {name: b"x"}) == [f"site/{name}"], name


@pytest.mark.slow
def test_the_index_pagefind_writes_is_read(tmp_path: Path):
    """Pagefind's gzip-compressed index (fragments, word index, metadata) is unpacked and read: a number on a page
    is found in each of them; a page without one gives an index without problems (control)."""
    pytest.importorskip("pagefind")
    import subprocess
    import sys

    for day, expected in (("01", True), ("32", False)):
        site = site_with(
            tmp_path / day, {"index.html": f"<html><body><main><p>Borger {day}0190-1234</p></main></body></html>"}
        )
        command = [sys.executable, "-m", "pagefind", "--site", str(site)]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        named = {p.file.as_posix().rsplit(".", 1)[-1] for p in check_output(site) if "CPR" in p.message}
        assert named == ({"html", "pf_fragment", "pf_index"} if expected else set()), (day, named)
