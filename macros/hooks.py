"""The mkdocs adapter: load the catalog once per build, add the generated pages, calendars and PDF search text."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from markdown.extensions.toc import nest_toc_tokens
from material.plugins.search.plugin import Element, Section
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc
from mkdocs.utils.meta import get_data

# mkdocs imports a hook file with only its own folder on sys.path; the engine is its package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import CATALOG_KEY, MOMENT_KEY
from macros.static_copies import BackgroundCopies, drain
from macros.template_check import macros_in_prose
from vidensportal.catalog import load_catalog
from vidensportal.content.dates import build_moment, local_day
from vidensportal.content.html import Heading, renamed_clashes, with_heading_ids_renamed
from vidensportal.content.ics import MISSING_SITE_URL, site_calendars
from vidensportal.content.pages import GeneratedPage, generated_pages, page_ids
from vidensportal.content.text import heading_slug
from vidensportal.data.model import CLASSIFICATION_ORDER
from vidensportal.data.publications import MATERIALS_DIR
from vidensportal.errors import DataError, did_you_mean
from vidensportal.guards.cpr import scan_files, text_check, text_files
from vidensportal.guards.external_loads import localise_cdn_urls
from vidensportal.search.pdftext import pdf_text
from vidensportal.search.search_sections import search_sections
from vidensportal.search.search_text import add_to_search_index

log = logging.getLogger("mkdocs.plugins.vidensportalen")
SEARCH_PLUGIN = "material/search"
COPIES_KEY = "vidensportalen_copies"


def project_dir(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: data/ is found from there, wherever mkdocs is run from."""
    return Path(config.config_file_path).resolve().parent


def _cpr_allow_list(config: MkDocsConfig) -> list[str]:
    """extra.cpr_tilladte: numbers that look like CPR numbers but are not, as quoted strings."""
    allowed = config.extra.get("cpr_tilladte") or []
    # Unquoted, YAML reads 0101701234 as an octal number, so only text is accepted.
    if not isinstance(allowed, list) or not all(isinstance(item, str) for item in allowed):
        raise PluginError(
            "mkdocs.yml: extra.cpr_tilladte skal være en liste af tal i anførselstegn, fx ['010190-1234']."
        )
    return allowed


def _settings(config: MkDocsConfig) -> tuple[str, int]:
    """The highest classification to publish and the largest material file, from mkdocs.yml's extra."""
    level = str(config.extra.get("klassifikation", "intern")).lower()
    if level not in CLASSIFICATION_ORDER:
        raise PluginError(
            f"mkdocs.yml: extra.klassifikation '{level}' er ukendt{did_you_mean(level, list(CLASSIFICATION_ORDER))} "
            f"Vælg en af: {', '.join(CLASSIFICATION_ORDER)}."
        )
    if not config.use_directory_urls:
        raise PluginError("mkdocs.yml: use_directory_urls skal være true; sitets links mellem sider forudsætter det.")
    limit = config.extra.get("max_filstørrelse_mb", 25)
    if not isinstance(limit, int | float) or isinstance(limit, bool) or limit <= 0:
        raise PluginError(f"mkdocs.yml: extra.max_filstørrelse_mb skal være et positivt tal, ikke '{limit}'.")
    return level, int(limit * 1_000_000)


@event_priority(100)  # before mkdocs-macros' on_config, whose define_env reads the catalog
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    drain()  # a failed build under `mkdocs serve` may still be copying into the site/ this build empties
    level, max_bytes = _settings(config)
    root = project_dir(config)
    allow = _cpr_allow_list(config)
    # The YAML in data/ is checked for CPR numbers as the catalog reads it; the rest of the text is read here.
    prose = [p for p in text_files(root / "data", Path(config.docs_dir)) if p.suffix != ".yml"]
    cpr_hits = scan_files(prose, root=root, allow=allow)
    if cpr_hits:
        raise PluginError(DataError(cpr_hits).report())
    try:
        catalog = load_catalog(
            root / "data",
            docs_dir=Path(config.docs_dir),
            publish_up_to=level,
            max_file_bytes=max_bytes,
            check_text=text_check(allow),
        )
    except DataError as error:
        raise PluginError(error.report()) from None
    config[CATALOG_KEY] = catalog
    config[MOMENT_KEY] = build_moment()
    # Set here, not in mkdocs.yml: a !!python/name there is imported before the project is on sys.path.
    config.mdx_configs.setdefault("toc", {})["slugify"] = heading_slug
    if catalog.withheld:
        log.info(
            f"Vidensportalen: {len(catalog.withheld)} element(er) er over klassifikationen '{level}' og udgives ikke: "
            + ", ".join(catalog.withheld)
        )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalog = config[CATALOG_KEY]
    moment = config[MOMENT_KEY]
    expected = page_ids(catalog, local_day(moment))
    published_files = {f.path for f in catalog.files.values()}
    prose, macro_calls = {}, []
    for file in list(files):
        folder, _, name = file.src_uri.rpartition("/")
        if file.src_uri in catalog.withheld_files:
            files.remove(file)
            continue
        in_materials = f"{folder}/".startswith(f"{MATERIALS_DIR}/")
        if in_materials and not name.endswith(".md") and file.src_uri not in published_files:
            # Only files that a published material names leave docs/materialer/: nothing forgotten slips out.
            log.info(f"Vidensportalen: docs/{file.src_uri} hører ikke til et materiale i data/ og udgives ikke.")
            files.remove(file)
            continue
        if folder not in expected or name == "index.md" or not name.endswith(".md"):
            continue
        if name[:-3] not in expected[folder]:
            hint = did_you_mean(name[:-3], sorted(expected[folder]))
            raise PluginError(
                f"docs/{file.src_uri}: der findes ingen post med id '{name[:-3]}' at knytte teksten til{hint}"
            )
        prose[file.src_uri] = file.content_string
        macro_calls += macros_in_prose(prose[file.src_uri], Path(Path(config.docs_dir).name, file.src_uri))
        files.remove(file)
    if macro_calls:
        raise PluginError("\n".join(str(problem) for problem in macro_calls))
    try:
        pages = generated_pages(catalog, prose, local_day(moment))
    except DataError as error:
        raise PluginError(error.report()) from None
    for path, page in pages.items():
        file = File.generated(config, path, content=page.markdown)
        if page.head or page.tail:
            GeneratedView(file, config, page)
        files.append(file)
    # `mkdocs serve` sets site_url to its own address, so an empty one means a build, most likely for publishing.
    if not config.site_url:
        log.info(f"Vidensportalen: {MISSING_SITE_URL}")
    calendars = site_calendars(catalog, name=config.site_name, site_url=config.site_url or None, stamp=moment)
    for path, content in calendars.items():
        files.append(File.generated(config, path, content=content))
    # mkdocs writes these itself after the pages (404.html, sitemap.xml and its .gz).
    written_later = {*config.theme.static_templates, "sitemap.xml.gz"}
    config[COPIES_KEY] = BackgroundCopies(files, written_later)
    return config[COPIES_KEY]


def _toc_tokens(headings: tuple[Heading, ...]) -> list[dict]:
    return [{"level": h.level, "id": h.id, "name": h.name} for h in headings]


def _flat_tokens(items: list[AnchorLink] | TableOfContents) -> list[dict]:
    tokens = []
    for item in items:
        tokens.append({"level": item.level, "id": item.id, "name": item.title})
        tokens += _flat_tokens(item.children)
    return tokens


class GeneratedView(Page):
    """A generated page whose HTML is finished: only the contributor's prose, when there is any, goes through
    Markdown, and the finished HTML goes around it. (Material's blog plugin gives its posts a Page subclass
    the same way.) Making a Markdown converter for each of a thousand empty pages was a tenth of the build."""

    def __init__(self, file: File, config: MkDocsConfig, generated: GeneratedPage) -> None:
        super().__init__(None, file, config)
        self.generated = generated

    def read_source(self, config: MkDocsConfig) -> None:
        """The body and front matter as the page has them, rather than parsing its front matter back with YAML."""
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is not None:
            self.markdown, self.meta = get_data(source)
            return
        self.markdown, self.meta = self.generated.body, dict(self.generated.meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        generated = self.generated
        head, tail = generated.head_headings, generated.tail_headings
        ours = {h.id for h in (*head, *tail)}
        prose_tokens: list[dict] = []
        if self.markdown and self.markdown.strip():
            super().render(config, files)
            prose_tokens = _flat_tokens(self.toc)
            # A prose heading named like a generated section ("Program") yields that section its id.
            renames = renamed_clashes([t["id"] for t in prose_tokens], ours)
            self.content = with_heading_ids_renamed(self.content or "", renames)
            prose_tokens = [{**t, "id": renames.get(t["id"], t["id"])} for t in prose_tokens]
            self.present_anchor_ids = {renames.get(i, i) for i in self.present_anchor_ids or ()}
        else:
            self.content, self.present_anchor_ids = "", set()
        self.toc = get_toc(nest_toc_tokens(_toc_tokens(head) + prose_tokens + _toc_tokens(tail)))
        self.content = "\n".join(part for part in (generated.head, self.content, generated.tail) if part)
        self.present_anchor_ids |= ours


@event_priority(50)  # before Material's search reads the page; the tags plugin has filled in its listings
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """Index a page for Material's search with the sections Material's Parser would make of it, when its HTML
    is simple enough for search_sections(); Material's own indexing then skips it. Other pages are Material's."""
    search = config.plugins.get(SEARCH_PLUGIN)
    wishes = page.meta.get("search") or {}
    if search is None or not search.config.enabled or not isinstance(wishes, dict) or wishes.get("exclude"):
        return context
    sections = search_sections(page.content or "")
    if sections is None:
        return context
    page.meta["search"] = {**wishes, "exclude": True}  # a boost the page asks for is kept for its entries
    for found in sections:
        section = Section(Element(found.tag), found.depth)
        section.id, section.title, section.text = found.id, found.title, found.text
        search.search_index.create_entry_for_section(section, page.toc, page.url, page)
    return context


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: MkDocsConfig) -> None:
    try:
        config[COPIES_KEY].wait()
    except OSError as error:
        raise PluginError(f"Sitets filer kunne ikke kopieres til {config.site_dir}: {error}") from None
    localise_cdn_urls(Path(config.site_dir) / "assets" / "javascripts")
    catalog = config[CATALOG_KEY]
    index = Path(config.site_dir) / "search" / "search_index.json"
    if not index.is_file():
        return
    cache = project_dir(config) / ".cache" / "pdftekst"
    texts = {}
    for material_id, file in catalog.files.items():
        if file.format != "PDF":
            continue
        result = pdf_text(Path(config.docs_dir) / file.path, cache, f"docs/{file.path}")
        if result.warning:
            log.info(f"Vidensportalen: ADVARSEL: {result.warning}")
        texts[f"{MATERIALS_DIR}/{material_id}/"] = result.text
    missing = add_to_search_index(index, texts)
    if missing:
        raise PluginError(f"Søgeindekset mangler siderne {', '.join(missing)}; PDF-teksten kunne ikke tilføjes.")
