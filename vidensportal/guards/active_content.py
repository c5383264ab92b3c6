"""Active content: what contributors write may show things, never run or embed them. Pages' rendered HTML, and
HTML and SVG files under docs/, may hold only the elements and attributes named here (an allowlist); a script,
an on…= handler, a javascript: link or an embedded frame or program is refused with file and line."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from pathlib import Path

from vidensportal.data.yamlfile import front_matter
from vidensportal.errors import Problem
from vidensportal.guards.clean_cache import CleanContent
from vidensportal.paths import ACTIVE_CONTENT_CACHE, cache_dir

# What every element may carry, and the attribute families that hold no code (aria-*, data-*).
_GLOBAL = frozenset({"id", "class", "title", "lang", "dir", "role", "hidden", "tabindex", "translate"})
_FAMILIES = ("aria-", "data-")
# The HTML that Markdown, its extensions, Material and the portal's macros write, and the extra attributes of each.
_PLAIN = (
    "p br hr h1 h2 h3 h4 h5 h6 em strong b i u s small mark sub sup kbd code pre samp var dfn abbr cite span div "
    "section article aside header footer nav figure figcaption ul dl dt dd table caption thead tbody tfoot tr "
    "summary wbr"
)
_HTML = {
    **dict.fromkeys(_PLAIN.split(), frozenset()),
    "a": frozenset({"href", "download", "rel", "target", "hreflang", "type"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "align", "headers"}),
    "th": frozenset({"colspan", "rowspan", "align", "scope", "headers"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
    "label": frozenset({"for"}),
    "button": frozenset({"type"}),
    "select": frozenset(),
    "option": frozenset({"value", "selected"}),
}
# The static SVG the portal's charts use and drawing programs write: no script, animation or foreign content.
_SVG_NAMES = (
    "svg g defs symbol use path rect circle ellipse line polyline polygon text tspan textpath title desc metadata "
    "lineargradient radialgradient stop pattern clippath mask marker image switch filter feblend fecolormatrix "
    "fecomposite feflood fegaussianblur femerge femergenode femorphology feoffset fedropshadow"
)
_SVG = frozenset(_SVG_NAMES.split())
# An SVG file may style itself and link: no page's policy reaches into it, but CSS there runs no code.
_SVG_FILE = _SVG | {"style", "a"}
# An HTML file under docs/ is a whole document: these may frame its content, a <meta> without http-equiv.
_DOCUMENT = {
    "html": frozenset(),
    "head": frozenset(),
    "body": frozenset(),
    "title": frozenset(),
    "meta": frozenset({"charset", "name", "content"}),
}
_URL_ATTRIBUTES = frozenset({"href", "src", "cite", "xlink:href", "action", "formaction", "poster", "background"})
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SAFE_DATA = re.compile(r"data:image/(png|gif|jpeg|webp|avif)[;,]")
_EMBEDDING = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"})
_SVG_NAMESPACE = "http://www.w3.org/2000/svg"
_FOREIGN_CODE_NAMESPACES = ("http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/math/mathml")
_CONTROL = re.compile(r"[\x00-\x20]")  # browsers drop these in a URL's scheme (java\tscript:)


def page_problems(
    pages: Iterable[tuple[str, str, str | None]], docs_dir: Path, root: Path | None = None
) -> list[Problem]:
    """Problems in rendered pages, given as (path under docs/, rendered HTML, title): active content in the HTML,
    located on the Markdown's line where it can be found there, and markup in the title and the front matter,
    which the theme writes into the page's head as they are. With `root`, HTML found clean is remembered in its
    cache (paths.ACTIVE_CONTENT_CACHE), so an unchanged page is not read again."""
    problems: list[Problem] = []
    clean = CleanContent(cache_dir(root, ACTIVE_CONTENT_CACHE) if root else None, [])
    for src_uri, content, title in pages:
        shown = Path(docs_dir.name, src_uri)
        source = docs_dir / src_uri
        text = source.read_text(encoding="utf-8-sig", errors="replace") if source.is_file() else ""
        lines, meta = text.splitlines(), front_matter(text)[0]
        digest = hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()
        found = [] if digest in clean else _findings(content, _HTML, svg_files=False)
        if not found:
            clean.add(digest)
        problems += [Problem(shown, message, _line_of(needle, lines)) for _, needle, message in found]
        if title and re.search("[<>]", title):
            problems.append(Problem(shown, f"sidens titel '{title}' indeholder < eller >; skriv den uden."))
        for key, value in _strings(meta):
            if re.search('[<>"]', value):
                message = f"feltet '{key}' øverst i siden indeholder <, > eller \"; skriv det uden (citér med „ og “)."
                problems.append(Problem(shown, message, _line_of(f"{key}:", lines)))
    clean.save()
    return problems


def document_problems(text: str, shown: Path) -> list[Problem]:
    """Problems in an HTML file published as it is, with the line in the file."""
    return [Problem(shown, message, line) for line, _, message in _findings(text, {**_HTML, **_DOCUMENT}, False)]


def svg_problems(text: str, shown: Path) -> list[Problem]:
    """Problems in an SVG file: a browser that opens it runs its scripts, and no page policy reaches into it."""
    problems = [Problem(shown, message, line) for line, _, message in _findings(text, {}, svg_files=True)]
    if re.search(r"<!ENTITY", text, re.IGNORECASE):  # an entity can expand to markup no check here has seen
        problems.append(Problem(shown, "filen definerer sine egne entiteter (<!ENTITY>); gem den igen uden."))
    return problems


def _findings(text: str, html: Mapping[str, frozenset[str]], svg_files: bool) -> list[tuple[int, str, str]]:
    scan = _Scan(html, svg_files)
    scan.feed(text)
    scan.close()
    return scan.found


class _Scan(HTMLParser):
    """Every element and attribute outside the allowlist, as (line, text to find it by, Danish message)."""

    def __init__(self, html: Mapping[str, frozenset[str]], svg_files: bool):
        super().__init__(convert_charrefs=True)
        if svg_files:  # XML reads markup inside <style> and <script> too
            self.CDATA_CONTENT_ELEMENTS = ()
        self.html, self.svg_files = html, svg_files
        self.found: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        prefix, _, local = tag.rpartition(":")
        if self.svg_files and prefix and prefix != "svg":
            allowed = _SVG  # a drawing program's metadata (inkscape:, rdf: …); no prefix may bind SVG or HTML
        elif self.svg_files:
            allowed = _SVG if local in _SVG_FILE else None
        else:
            allowed = self.html.get(tag, _SVG if tag in _SVG else None)
        if allowed is None:
            self._refuse(line, tag)
            return
        for name, value in attrs:
            if message := self._attribute(tag, name, value or "", allowed):
                self.found.append((line + self._lines_before(name), message[0], message[1]))

    def _lines_before(self, name: str) -> int:
        """How many lines into its start tag an attribute is written."""
        written = self.get_starttag_text() or ""
        at = re.search(rf"\s{re.escape(name)}\b", written, re.IGNORECASE)
        return written[: at.start() + 1 if at else 0].count("\n")

    def handle_comment(self, data: str) -> None:
        # Browsers end a comment at "-->", "--!>" or an early ">": one that holds markup may not be a comment there.
        if re.search("[<>]", data) or data.startswith(("-", ">")):
            message = "Fjern kommentaren (<!-- … -->); den indeholder markup, som en browser kan læse som kode."
            self.found.append((self.getpos()[0], "<!--", message))

    handle_startendtag = handle_starttag

    def _refuse(self, line: int, tag: str) -> None:
        if tag.rpartition(":")[2] == "script":
            message = "Fjern <script>; sider og filer på sitet kan ikke køre scripts."
        elif tag in _EMBEDDING:
            message = f"Fjern <{tag}>; sider kan ikke indlejre sider eller programmer. Link til indholdet i stedet."
        else:
            message = (
                f"<{tag}> er ikke et af de elementer, en side må bruge (se 'Sikkerhed' i README); fjern det, "
                "og skriv indholdet i Markdown."
            )
        self.found.append((line, f"<{tag}", message))

    def _attribute(self, tag: str, name: str, value: str, allowed: frozenset[str]) -> tuple[str, str] | None:
        """(text to find it by, Danish message) when the attribute may not be there. SVG's elements may carry any
        attribute but a handler, a style in a page, a namespace that runs code and a link to code."""
        if name.startswith("on"):
            return name, f'Fjern {name}="…" fra <{tag}>; sider kan ikke køre scripts.'
        if name == "xmlns" or name.startswith("xmlns:"):  # only an SVG file's XML reads namespaces
            bound = self.svg_files and self._foreign_binding(name, value)
            return (name, f'Fjern {name}="{value}"; filen må kun tegne SVG.') if bound else None
        if name == "style" and not self.svg_files:
            return name, 'Fjern style="…"; sitets sikkerhedspolitik tillader ikke stil i selve siden. Brug en klasse.'
        if allowed is not _SVG and not _known(name, allowed):
            return name, f"Fjern {name}= fra <{tag}>; en side må ikke bruge den attribut."
        if name in _URL_ATTRIBUTES or name.endswith(":href"):
            scheme = _scheme(value)
            if scheme and scheme not in _SAFE_SCHEMES and not (tag == "img" and _SAFE_DATA.match(value.strip())):
                return value[:40], (
                    f"linket '{value[:60]}' bruger '{scheme}:', som sider ikke må bruge; link med https:, http:, "
                    "mailto: eller en sti til en side eller fil."
                )
        return None

    def _foreign_binding(self, name: str, value: str) -> bool:
        """A namespace that would make an element run or hold HTML: XHTML or MathML anywhere, SVG under a prefix
        other than svg:, and a default namespace other than SVG's in a page."""
        namespace = value.strip().lower()
        if namespace.startswith(_FOREIGN_CODE_NAMESPACES):
            return True
        if name == "xmlns":
            return namespace != _SVG_NAMESPACE
        return namespace == _SVG_NAMESPACE and name != "xmlns:svg"


def _known(name: str, allowed: frozenset[str]) -> bool:
    return name in allowed or name in _GLOBAL or name.startswith(_FAMILIES)


def _scheme(url: str) -> str | None:
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", _CONTROL.sub("", url))
    return match.group(1).lower() if match else None


def _line_of(needle: str, lines: list[str]) -> int | None:
    """The first line of the Markdown that holds `needle`, or None when the page does not hold it as written."""
    folded = needle.casefold()
    return next((number for number, line in enumerate(lines, 1) if folded in line.casefold()), None)


def _strings(meta: Mapping, key: str = "") -> Iterable[tuple[str, str]]:
    """(top-level key, string) for every string in the front matter, in lists and mappings too."""
    for name, value in meta.items() if isinstance(meta, Mapping) else enumerate(meta):
        top = key or str(name)
        if isinstance(value, str):
            yield top, value
        elif isinstance(value, (Mapping, list, tuple)):
            yield from _strings(value, top)
