"""Keep the built site from ever reaching a CDN: point the script loads in Material's bundle at the site's own host."""

from __future__ import annotations

import html
import re
from pathlib import Path

# Material's bundle loads mermaid and a ResizeObserver polyfill from unpkg when a page needs them. Neither is
# needed here, but an intranet browser must never try: the loads are pointed at this host, where they fail.
_CDN = re.compile(r"https://(?:unpkg\.com|cdn\.jsdelivr\.net|fonts\.googleapis\.com|fonts\.gstatic\.com)/")
LOCAL_STAND_IN = "/ekstern-ressource-ikke-tilladt/"


def localise_cdn_urls(javascript_dir: Path) -> list[str]:
    """Rewrite every CDN URL in the .js files under `javascript_dir`; return the files changed."""
    changed = []
    for path in sorted(javascript_dir.rglob("*.js")):
        text = path.read_text(encoding="utf-8")
        rewritten = _CDN.sub(LOCAL_STAND_IN, text)
        if rewritten != text:
            path.write_text(rewritten, encoding="utf-8")
            changed.append(path.name)
    return changed


# What makes a browser fetch something by itself when it shows a page; <a href> only when clicked, so not here.
_LOADING_ATTRIBUTES = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "script": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
    "base": ("href",),
    "link": ("href", "imagesrcset"),
}
# <link> relations that name a page rather than load it.
_NON_LOADING_LINKS = frozenset(
    {"canonical", "alternate", "author", "license", "help", "next", "prev", "me", "bookmark"}
)
_TAG = re.compile(
    r"<(" + "|".join(_LOADING_ATTRIBUTES) + r")(?![\w:-])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.IGNORECASE
)
_STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)")
_CSS_LOAD = re.compile(
    r"(?:url|image-set|image)\(\s*[\"']?\s*(?P<url>[^)\"'\s]+)|@import\s+(?:url\(\s*)?[\"']?\s*(?P<imported>[^)\"'\s;]+)",
    re.IGNORECASE,
)
_OTHER_HOST = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?[\\/]{2}|^\s*(?:https?|ftp|wss?):", re.IGNORECASE)
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style>", re.IGNORECASE | re.DOTALL)


def _from_other_host(url: str, own_url: str) -> bool:
    url = html.unescape(url).strip()
    return bool(_OTHER_HOST.match(url)) and not (own_url and url.startswith(own_url))


def loads_in_css(css: str, own_url: str = "") -> list[str]:
    """Every url() or @import in CSS that points at another host."""
    urls = (match["url"] or match["imported"] for match in _CSS_LOAD.finditer(css))
    return [url for url in urls if _from_other_host(url, own_url)]


def loads_in_markup(markup: str, own_url: str = "") -> list[str]:
    """Every URL in HTML or SVG that a browser would load from another host without a click."""
    found = []
    if "style" in markup:
        for style in _STYLE_ATTRIBUTE.findall(markup):
            found += loads_in_css(html.unescape(style.strip("\"'")), own_url)
    for tag in _TAG.finditer(markup):
        name = tag[1].lower()
        attributes = {key.lower(): value.strip("\"'") for key, value in _ATTRIBUTE.findall(tag[2])}
        if name == "link" and not set(attributes.get("rel", "stylesheet").lower().split()) - _NON_LOADING_LINKS:
            continue
        for attribute in _LOADING_ATTRIBUTES.get(name, ()):
            for candidate in _candidates(attributes.get(attribute, ""), attribute):
                if _from_other_host(candidate, own_url):
                    found.append(html.unescape(candidate).strip())
    for block in _STYLE_BLOCK.findall(markup):
        found += loads_in_css(block, own_url)
    return found


def _candidates(value: str, attribute: str) -> list[str]:
    """The URLs in one attribute value: a srcset lists several, each followed by its size."""
    if "srcset" not in attribute:
        return [value] if value else []
    return [part.split()[0] for part in value.split(",") if part.split()]


LOADING_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".svg", ".css", ".md", ".markdown"})


def external_loads(text: str, name: str, own_url: str = "") -> list[str]:
    """The URLs from other hosts that the file `name` with content `text` makes a browser load."""
    suffix = Path(name).suffix.lower()
    if suffix not in LOADING_SUFFIXES:
        return []
    return loads_in_css(text, own_url) if suffix == ".css" else loads_in_markup(text, own_url)


def external_load_message(url: str, source: str = "") -> str:
    """The one Danish line for a load from another host."""
    return (
        f"siden henter '{url}' fra en anden server{source}. Sitet må ikke hente noget udefra: læg filen i docs/ "
        "og henvis til den dér (et almindeligt link med <a href> er tilladt)."
    )
