"""The site's Content Security Policy: one policy for every published page, first in its <head>, that lets a page
run only the site's own script files and the theme's own inline scripts (by hash), and load nothing from elsewhere.
HTML files under docs/ get it too, once they hold nothing active; SVG files under docs/ may hold nothing active."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Collection
from pathlib import Path

from vidensportal.errors import Problem
from vidensportal.guards.active_content import document_problems, svg_problems

# The policy, in one place. 'wasm-unsafe-eval': Pagefind's search runs as WebAssembly; its worker is a file of the
# site. `frame-ancestors` is left out: a policy in a <meta> cannot set it.
POLICY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("default-src", ("'none'",)),
    ("script-src", ("'self'", "'wasm-unsafe-eval'")),
    ("style-src", ("'self'",)),
    ("img-src", ("'self'", "data:")),  # data: the theme's icons in its stylesheet
    ("font-src", ("'self'",)),
    ("connect-src", ("'self'",)),  # instant navigation and the search index
    ("worker-src", ("'self'",)),
    ("object-src", ("'none'",)),
    ("frame-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'none'",)),  # the search box sends nothing; pages hold no forms
)
# What overrides/main.html writes first in every page's <head>, and what this stage turns it into.
_POLICY_META = re.compile(r'(<head>\s*)<meta http-equiv="Content-Security-Policy" content="[^"<>]*">')
_INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
# A type that makes a <script> a data block (the theme's configuration as JSON), which no browser runs.
_DATA_TYPE = re.compile(
    r"""(?:^|\s)type\s*=\s*["']?(?!["'\s>]|(?:text/javascript|application/javascript|module)\b)""", re.IGNORECASE
)
_SOURCE = re.compile(r"(?:^|\s)src\s*=", re.IGNORECASE)
# A theme script differs from page to page only in the path to the site's root it quotes ("..", "../..", "/").
_ROOT_PATH = re.compile(r'"(?:\.\.?(?:/\.\.)*/?|/[^"\s]*)"')
_REFERENCE = "404.html"  # the theme's page with no contributor's content: its inline scripts are the theme's
_HTML_FILES = (".html", ".htm")
# XML a browser would run scripts or style sheets in, and SVG packed where the check cannot read it.
_REFUSED_KINDS = (".xhtml", ".xht", ".xsl", ".xslt", ".svgz")


def policy(script_hashes: tuple[str, ...] = (), *, live_reload: bool = False) -> str:
    """The policy's text, with the hashes ('sha256-…') of the inline scripts it allows. `live_reload`: the preview
    of `mkdocs serve`, which puts an inline script that differs on every request into each page it serves; it
    alone allows inline scripts (a browser ignores 'unsafe-inline' beside hashes, so it has none)."""
    hashes = ("'unsafe-inline'",) if live_reload else tuple(f"'{digest}'" for digest in script_hashes)
    return "; ".join(" ".join((name, *sources, *(hashes if name == "script-src" else ()))) for name, sources in POLICY)


def apply_content_policy(
    site_dir: Path, docs_dir: Path, *, live_reload: bool = False, own_policy: Collection[str] = ()
) -> list[Problem]:
    """Write the policy into every HTML page of the built site, with the hashes of every theme inline script at
    any depth (instant navigation keeps the first page's head while it runs other pages' scripts). Problems: a
    page without the policy's place, an inline script the theme did not write, and active content in HTML and SVG
    files copied from docs/ (those files are withdrawn from the site). `live_reload`: see policy. `own_policy`:
    the site paths of pages the engine writes with a policy of their own (the browser editor's), left as they are
    once it is seen to stand first in their head."""
    pages, copied, problems = _site_files(site_dir, docs_dir)
    for relative in [page for page in pages if page.as_posix() in own_policy]:
        pages.remove(relative)
        if not _POLICY_META.search((site_dir / relative).read_text(encoding="utf-8")):
            problems.append(Problem(Path("site", relative), "siden har ikke sin sikkerhedspolitik først i <head>."))
    reference = site_dir / _REFERENCE
    if not reference.is_file():
        return [
            Problem(Path("site", _REFERENCE), "siden mangler; sikkerhedspolitikken kender temaets scripts fra den.")
        ]
    theme = {_ROOT_PATH.sub('""', script) for script in _inline_scripts(reference.read_text(encoding="utf-8"))}
    hashes: set[str] = set()
    texts: dict[Path, str] = {}
    for relative in pages:
        text = texts[relative] = (site_dir / relative).read_text(encoding="utf-8")
        if not _POLICY_META.search(text):
            problems.append(Problem(Path("site", relative), "siden har ikke sikkerhedspolitikken først i <head>."))
        for script in _inline_scripts(text):
            if _ROOT_PATH.sub('""', script) in theme:
                hashes.add(_digest(script))
            else:
                message = (
                    f"siden har et script, som temaet ikke har skrevet ({script[:40]!r}); sider kan ikke køre scripts."
                )
                problems.append(Problem(Path("site", relative), message))
    text_of_policy = policy(tuple(sorted(hashes)), live_reload=live_reload)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{text_of_policy}">'
    for relative, text in texts.items():
        _write(site_dir / relative, text, _POLICY_META.sub(lambda found: found.group(1) + meta, text, count=1))
    for relative in copied:
        problems += _copied_file(site_dir / relative, Path(docs_dir.name, relative), meta)
    return problems


def _site_files(site_dir: Path, docs_dir: Path) -> tuple[list[Path], list[Path], list[Problem]]:
    """The theme's pages and the HTML and SVG files copied from docs/, as paths under the site; refused kinds."""
    pages: list[Path] = []
    copied: list[Path] = []
    problems: list[Problem] = []
    for current, _, names in os.walk(site_dir):
        for name in sorted(names):
            relative = (Path(current) / name).relative_to(site_dir)
            suffix = relative.suffix.lower()
            if suffix in _REFUSED_KINDS:
                message = "filer af den slags kan køre kode i en browser; gem indholdet som .html, .svg eller PDF."
                problems.append(Problem(Path(docs_dir.name, relative), message))
                (site_dir / relative).unlink()
            elif (docs_dir / relative).is_file() and suffix in (*_HTML_FILES, ".svg"):
                copied.append(relative)
            elif suffix in _HTML_FILES:
                pages.append(relative)
    return pages, copied, problems


def _copied_file(path: Path, shown: Path, meta: str) -> list[Problem]:
    """An HTML or SVG file from docs/: refused (and withdrawn) if it holds anything active; an HTML file gets the
    policy as its first element."""
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    problems = svg_problems(text, shown) if path.suffix.lower() == ".svg" else document_problems(text, shown)
    if problems:
        path.unlink()
    elif path.suffix.lower() != ".svg":
        _write(path, text, _with_meta(text, meta))
    return problems


def _with_meta(text: str, meta: str) -> str:
    """The document with the policy first: after its <head> tag, or else after its doctype (a browser then opens
    the head with it)."""
    for pattern in (r"<head\b[^>]*>", r"<!doctype[^>]*>"):
        if found := re.search(pattern, text, re.IGNORECASE):
            return text[: found.end()] + meta + text[found.end() :]
    return meta + text


def _inline_scripts(text: str) -> list[str]:
    """The text of every inline script a browser runs: no src, and a JavaScript type or none."""
    return [
        body.replace("\r\n", "\n")
        for attributes, body in _INLINE_SCRIPT.findall(text)
        if not _SOURCE.search(attributes) and not _DATA_TYPE.search(attributes)
    ]


def _digest(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def _write(path: Path, old: str, new: str) -> None:
    if new != old:
        path.write_text(new, encoding="utf-8")
