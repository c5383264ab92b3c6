"""The built site loads nothing from outside itself: no fonts, scripts, styles or images from another host."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from vidensportal.guards.external_loads import LOCAL_STAND_IN

# Attributes through which a browser fetches something while showing the page (links a user clicks are fine).
_FETCHING = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("image", "href"),
    ("use", "href"),
}
_FETCHING_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "preconnect",
    "prefetch",
    "dns-prefetch",
    "manifest",
    "modulepreload",
}
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:[a-z][a-z0-9+.-]*:)?//[^'")\s]+)""", re.IGNORECASE)


class _Fetches(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if value and (tag, name) in _FETCHING:
                self.urls.append(value)
        rels = set((values.get("rel") or "").lower().split())
        if tag == "link" and rels & _FETCHING_LINK_RELS and values.get("href"):
            self.urls.append(values["href"])
        if values.get("style"):
            self.urls += _CSS_URL.findall(values["style"])


def external_fetches(site: Path) -> list[str]:
    """Every resource in `site` that a browser would load from another host, as 'file: url'."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            html = path.read_text(encoding="utf-8")
            parser = _Fetches()
            parser.feed(html)
            urls = [u for u in parser.urls if _EXTERNAL.match(u)]
            urls += [
                u for block in re.findall(r"<style[^>]*>(.*?)</style>", html, re.S) for u in _CSS_URL.findall(block)
            ]
        elif path.suffix == ".css":
            urls = _CSS_URL.findall(path.read_text(encoding="utf-8", errors="replace"))
        else:
            continue
        found += [f"{path.relative_to(site)}: {url}" for url in urls]
    return found


def test_the_built_site_fetches_nothing_from_another_host(built_site):
    """No built HTML or CSS file makes the browser load a resource from another host."""
    found = external_fetches(built_site)
    assert not found, "external resources:\n" + "\n".join(found)


def test_negative_control_the_scanner_finds_planted_resources(tmp_path):
    """Negative control: a planted CDN script, Google font and CSS import are each found."""
    (tmp_path / "index.html").write_text(
        '<script src="https://cdn.example.org/x.js"></script>'
        '<link rel="stylesheet" href="//fonts.googleapis.com/css?family=Roboto">'
        '<a href="https://example.org/">a link is fine</a><img src="assets/local.png">',
        encoding="utf-8",
    )
    (tmp_path / "style.css").write_text('@import "https://example.org/a.css"; b{background:url(/local.png)}', "utf-8")
    found = external_fetches(tmp_path)
    assert len(found) == 3, found


def test_no_javascript_in_the_built_site_names_a_cdn(built_site):
    """Material's bundle would load mermaid and a polyfill from unpkg; in the built site no script names a CDN."""
    cdn = re.compile(r"https?://(?:unpkg\.com|cdn\.jsdelivr\.net|fonts\.googleapis\.com|fonts\.gstatic\.com)")
    found = [str(p.relative_to(built_site)) for p in built_site.rglob("*.js") if cdn.search(p.read_text("utf-8"))]
    assert not found, f"scripts that name a CDN: {found}"
    bundle = next((built_site / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert LOCAL_STAND_IN + "mermaid@11" in bundle, "negative control: the bundle's mermaid load was not rewritten"
