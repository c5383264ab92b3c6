"""Contributor HTML cannot script the site: active content in pages, HTML and SVG files is refused with file and
line, and every published page carries the Content Security Policy that allows only the theme's own scripts."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from vidensportal.editor.site_files import EDITOR_PAGE
from vidensportal.guards.active_content import page_problems, svg_problems
from vidensportal.guards.content_policy import apply_content_policy, policy

from .support import build_fails, build_ok, line_number

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"{attrs}><rect width="10" height="10"/>{body}</svg>\n'
HTML_FILE = "<!doctype html>\n<html><head><title>Bilag</title></head>\n<body><p>Bilag</p>\n{body}</body></html>\n"
# route: (file under the project, text added to it, what the Danish line names)
ROUTES = {
    "script-tag": ("docs/aftalen.md", "\n<script>alert(1)</script>\n", "Fjern <script>"),
    "attr-list-onclick": ("docs/aftalen.md", '\n[Forsiden](index.md){ onclick="alert(1)" }\n', "Fjern onclick="),
    "javascript-link": ("docs/aftalen.md", "\n[Forsiden](javascript:alert(1))\n", "'javascript:'"),
    "iframe": ("docs/aftalen.md", '\n<iframe src="index.html"></iframe>\n', "Fjern <iframe>"),
    "object": ("docs/aftalen.md", '\n<object data="bilag.swf"></object>\n', "Fjern <object>"),
    "embed": ("docs/aftalen.md", '\n<embed src="bilag.swf">\n', "Fjern <embed>"),
    "svg-script": ("docs/assets/tegning.svg", SVG.format(attrs="", body="\n<script>alert(1)</script>"), "<script>"),
    "svg-onload": ("docs/assets/tegning.svg", SVG.format(attrs='\n onload="alert(1)"', body=""), "Fjern onload="),
    "html-file-script": ("docs/assets/bilag.html", HTML_FILE.format(body="<script>alert(1)</script>\n"), "<script>"),
    "front-matter": ("docs/aftalen.md", None, "feltet 'description'"),
}


def _add(project: Path, file: str, text: str | None) -> int:
    """Put a route's text into the copied project; the line it ends up on."""
    path = project / file
    if text is None:  # a description that the theme writes into the page's head as it is
        source = path.read_text(encoding="utf-8")
        path.write_text('---\ndescription: Aftalen"><script>alert(1)</script>\n---\n' + source, encoding="utf-8")
        return 2
    if path.suffix == ".md":
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
        return line_number(path, text.strip().splitlines()[0])
    path.write_text(text, encoding="utf-8")
    return next(i for i, line in enumerate(text.splitlines(), 1) if "alert" in line)


@pytest.mark.slow
@pytest.mark.parametrize("route", ROUTES)
def test_active_content_stops_the_build_naming_file_and_line(project: Path, route: str):
    """Each route to running or embedding code from docs/ stops the build with a Danish line naming file and line."""
    file, text, named = ROUTES[route]
    line = _add(project, file, text)
    output = build_fails(project)
    expected = f"{file}, linje {line}: "
    found = [row for row in output.splitlines() if expected in row and named in row]
    assert found, f"{route}: no line with {expected!r} and {named!r} in:\n{output}"
    published = project.parent / "site" / Path(file).relative_to("docs")
    assert published.suffix == ".md" or not published.exists(), f"{route}: {published} was left in the site"


@pytest.mark.slow
def test_negative_control_clean_html_svg_and_prose_publish(project: Path):
    """A normal link, an SVG without script, a plain HTML file and a page with admonitions and a table publish."""
    page = project / "docs" / "aftalen.md"
    prose = (
        '\n[Forsiden](index.md){ .md-button title="Til forsiden" }\n\n!!! note "Bemærk"\n    Tekst i en boks.\n\n'
        "| Parti | År |\n|---|---|\n| EAS | 2026 |\n\n<details><summary>Mere</summary><p>Skjult tekst.</p></details>\n"
    )
    page.write_text(page.read_text(encoding="utf-8") + prose, encoding="utf-8")
    drawing = '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/>'
    (project / "docs" / "assets" / "tegning.svg").write_text(SVG.format(attrs="", body=drawing), encoding="utf-8")
    (project / "docs" / "assets" / "bilag.html").write_text(HTML_FILE.format(body=""), encoding="utf-8")
    site = build_ok(project)
    assert (site / "assets" / "tegning.svg").is_file(), "the clean SVG was not published"
    attachment = (site / "assets" / "bilag.html").read_text(encoding="utf-8")
    assert re.search(r"<head><meta http-equiv=\"Content-Security-Policy\"", attachment), (
        f"the HTML file under docs/ did not get the policy first in its head:\n{attachment[:300]}"
    )
    article = (site / "aftalen" / "index.html").read_text(encoding="utf-8")
    missing = [part for part in ('class="admonition note"', "<table>", "<details>") if part not in article]
    assert not missing, f"the page lost {missing}"


# Tricks where a browser reads markup differently from a careless check: each must be refused.
TRICKS = {
    "entity-encoded scheme": '<a href="&#106;avascript:alert(1)">x</a>',
    "tab inside the scheme": '<a href="java\tscript:alert(1)">x</a>',
    "slash before the handler": "<a/onclick=alert(1)>x</a>",
    "comment closed early": "<!--><script>alert(1)</script>-->",
    "comment closed with --!>": "<!-- a --!><script>alert(1)</script> -->",
    "svg foreignObject": "<svg><foreignObject><p>x</p></foreignObject></svg>",
    "svg animate to javascript": '<svg><a><animate attributeName="href" to="javascript:alert(1)"/></a></svg>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "base": '<base href="https://example.com/">',
    "form": '<form action="https://example.com/"><button>Send</button></form>',
    "style attribute": '<p style="background:url(https://example.com/)">x</p>',
    "data: page": '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
    "vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "unknown element": "<marquee>x</marquee>",
}


@pytest.mark.parametrize("trick", TRICKS)
def test_a_trick_in_rendered_html_is_refused(tmp_path: Path, trick: str):
    """The rendered page is read by an allowlist of elements, attributes and URL schemes, as a browser parses it."""
    problems = page_problems([("side.md", f"<p>Tekst</p>{TRICKS[trick]}", "Side")], tmp_path / "docs")
    assert problems, f"{trick}: {TRICKS[trick]!r} was let through"


def test_negative_control_the_site_vocabulary_passes(tmp_path: Path):
    """What Markdown, the admonitions, the tables, the charts and the macros write is not refused."""
    html = (
        '<h2 id="a">A<a class="headerlink" href="#a" title="Link">&para;</a></h2><p><abbr title="x">EAS</abbr> '
        '<a href="../parter/eas/" download>x</a> <a href="mailto:a@b.dk">post</a></p><table><thead><tr><th>A</th>'
        '</tr></thead><tbody><tr><td>1</td></tr></tbody></table><div class="admonition note" data-vp-type="x">'
        '<p class="admonition-title">N</p></div><figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" '
        'role="img" aria-labelledby="t"><title id="t">T</title><rect x="0" y="0" width="1" height="1"/>'
        '<text x="0" y="1" font-size="1">1</text></svg><figcaption>F</figcaption></figure>'
        '<img src="data:image/png;base64,AAAA" alt="">'
    )
    assert page_problems([("side.md", html, "Side")], tmp_path / "docs") == []


def test_svg_namespace_tricks_are_refused():
    """In an SVG file, HTML bound by a namespace inside <style> or under another prefix is read, not skipped."""
    hidden = '<style><h:img xmlns:h="http://www.w3.org/1999/xhtml" src="x" onerror="alert(1)"/></style>'
    problems = svg_problems(SVG.format(attrs="", body=hidden), Path("a.svg"))
    assert len(problems) >= 2, f"the namespaced handler was not found: {problems}"
    entity = '<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]>' + SVG.format(attrs="", body="")
    assert svg_problems(entity, Path("b.svg")), "an SVG defining its own entities was let through"


def test_negative_control_a_drawing_programs_svg_passes():
    """An SVG as Inkscape saves it (metadata in its own namespaces, styles, links) is published."""
    body = (
        '<style>.a{fill:red}</style><inkscape:label xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape">'
        '</inkscape:label><a href="https://example.intern/"><text x="1" y="1" style="fill:blue">x</text></a>'
    )
    assert svg_problems(SVG.format(attrs=' xmlns:xlink="http://www.w3.org/1999/xlink"', body=body), Path("c.svg")) == []


class _Head(HTMLParser):
    """The first element inside <head>, and every inline script's text."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.in_head, self.first, self.scripts, self._script = False, None, [], None

    def handle_starttag(self, tag, attrs):
        if tag == "head":
            self.in_head = True
        elif self.in_head and self.first is None:
            self.first = (tag, dict(attrs))
        if tag == "script":
            self._script = dict(attrs)

    def handle_data(self, data):
        runs = self._script is not None and "src" not in self._script and self._script.get("type") is None
        if runs and data.strip():
            self.scripts.append(data)

    def handle_endtag(self, tag):
        self._script = None if tag == "script" else self._script


def test_every_page_carries_the_policy_first_and_it_covers_every_inline_script(built_site: Path):
    """Each page's first element in <head> is the policy; it holds the hash of every inline script of every page.
    The browser editor's page carries a policy of its own (tests/test_editor_site.py)."""
    pages = sorted(p for p in built_site.rglob("*.html") if p.relative_to(built_site).as_posix() != EDITOR_PAGE)
    wrong, uncovered, late_charset = [], [], []
    for path in pages:
        text = path.read_text(encoding="utf-8")
        head = _Head()
        head.feed(text)
        tag, attrs = head.first or ("", {})
        if tag != "meta" or attrs.get("http-equiv") != "Content-Security-Policy":
            wrong.append(f"{path.relative_to(built_site)}: {head.first}")
            continue
        for script in head.scripts:
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            if f"'sha256-{digest}'" not in attrs["content"]:
                uncovered.append(f"{path.relative_to(built_site)}: {script[:50]!r}")
        if "<meta charset" not in text[:1024]:
            late_charset.append(str(path.relative_to(built_site)))
    assert len(pages) > 20, f"only {len(pages)} pages were built"
    assert not wrong, "pages whose first element in <head> is not the policy:\n" + "\n".join(wrong)
    assert not uncovered, "inline scripts the policy does not allow:\n" + "\n".join(uncovered)
    assert not late_charset, f"pages whose <meta charset> is not in their first 1024 bytes: {late_charset}"
    policies = {re.search(r'Content-Security-Policy" content="([^"]*)"', p.read_text()).group(1) for p in pages}
    assert len(policies) == 1, f"the pages carry {len(policies)} different policies; instant navigation needs one"


def test_a_script_the_theme_did_not_write_is_not_hashed(tmp_path: Path):
    """An inline script on a page that the theme's 404 page lacks is refused, not added to the policy."""
    site, docs = tmp_path / "site", tmp_path / "docs"
    docs.mkdir()
    head = '<!doctype html><html><head>\n<meta http-equiv="Content-Security-Policy" content=""><meta charset="utf-8">'
    theme = '<script>__md_scope=new URL("{root}",location)</script>'
    (site / "side").mkdir(parents=True)
    (site / "404.html").write_text(head + theme.format(root="/") + "</head><body></body></html>")
    page = head + theme.format(root="..") + "</head><body><script>alert(1)</script></body></html>"
    (site / "side" / "index.html").write_text(page)
    problems = apply_content_policy(site, docs)
    assert [p.file.as_posix() for p in problems] == ["site/side/index.html"], f"unexpected problems: {problems}"
    written = (site / "side" / "index.html").read_text()
    alert = base64.b64encode(hashlib.sha256(b"alert(1)").digest()).decode()
    assert written.count("sha256-") == 2, f"the policy should hold the theme script's two hashes:\n{written[:600]}"
    assert alert not in written, "the page's own script was added to the policy"
    assert policy(("sha256-x",)).startswith("default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-x'")


def test_a_page_found_clean_is_remembered_and_a_bad_one_is_found_again(tmp_path: Path):
    """The check remembers clean HTML between builds (.cache/aktivt-indhold), never HTML with a problem."""
    pages = [("ren.md", "<p>Tekst</p>", "Ren"), ("slem.md", "<p>Tekst</p><script>alert(1)</script>", "Slem")]
    rounds = [page_problems(pages, tmp_path / "docs", tmp_path) for _ in range(2)]
    named = [[p.file.as_posix() for p in problems] for problems in rounds]
    assert named == [["docs/slem.md"], ["docs/slem.md"]], f"pages named in the two rounds: {named}"
    assert list((tmp_path / ".cache" / "aktivt-indhold").glob("*.txt")), "nothing was remembered"


def test_a_rebuild_that_reuses_pages_gets_one_current_policy(tmp_path: Path):
    """Pages kept from an earlier build (--dirty) get the current policy in place of the old one, not a second."""
    site, docs = tmp_path / "site", tmp_path / "docs"
    docs.mkdir()
    site.mkdir()
    page = (
        '<!doctype html><html><head>\n<meta http-equiv="Content-Security-Policy" content=""></head><body></body></html>'
    )
    (site / "404.html").write_text(page)
    (site / "index.html").write_text(page.replace('content=""', "content=\"default-src 'none'; script-src *\""))
    assert apply_content_policy(site, docs) == apply_content_policy(site, docs) == []
    written = (site / "index.html").read_text()
    assert written.count("Content-Security-Policy") == 1 and "script-src *" not in written, written


def test_only_the_serve_preview_allows_inline_scripts():
    """mkdocs serve's live reload needs inline scripts; the published policy allows only the hashed ones."""
    published, preview = policy(("sha256-x",)), policy(("sha256-x",), live_reload=True)
    assert "'unsafe-inline'" not in published and "'sha256-x'" in published, published
    assert "'unsafe-inline'" in preview and "sha256-x" not in preview, preview
