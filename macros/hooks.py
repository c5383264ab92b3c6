"""The mkdocs adapter: load the catalog once per build, add the generated pages, calendars and PDF search text."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from markdown.extensions.toc import nest_toc_tokens
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
from vidensportal.content.ics import calendars
from vidensportal.content.pages import GeneratedPage, generated_pages, page_ids
from vidensportal.content.text import heading_slug
from vidensportal.data.model import CLASSIFICATION_ORDER
from vidensportal.data.publications import MATERIALS_DIR
from vidensportal.errors import DataError, did_you_mean
from vidensportal.guards.cpr import scan_files, text_check, text_files
from vidensportal.guards.external_loads import localise_cdn_urls
from vidensportal.paths import CALENDAR_FEED, event_calendar_file
from vidensportal.search.indexer import SearchIndexError, index_site

log = logging.getLogger("mkdocs.plugins.vidensportalen")
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
    expected = page_ids(catalog)
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
    for path, page in generated_pages(catalog, prose, local_day(moment)).items():
        file = File.generated(config, path, content=page.markdown)
        if page.head or page.tail:
            GeneratedView(file, config, page)
        files.append(file)
    site_url = config.site_url or None

    def url_for(event_id: str) -> str | None:
        return f"{site_url.rstrip('/')}/seminarer/{event_id}/" if site_url else None

    feed, singles = calendars(catalog.events.items(), name=config.site_name, url_for=url_for, stamp=moment)
    files.append(File.generated(config, CALENDAR_FEED, content=feed))
    for event_id, single in singles.items():
        files.append(File.generated(config, event_calendar_file(event_id), content=single))
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


@event_priority(-100)  # after the other plugins have written their files
def on_post_build(config: MkDocsConfig) -> None:
    try:
        config[COPIES_KEY].wait()
    except OSError as error:
        raise PluginError(f"Sitets filer kunne ikke kopieres til {config.site_dir}: {error}") from None
    localise_cdn_urls(Path(config.site_dir) / "assets" / "javascripts")
    # Every build indexes, `mkdocs serve` too, so the search always matches the pages.
    cache = project_dir(config) / ".cache" / "pdftekst"
    try:
        warnings = index_site(Path(config.site_dir), config[CATALOG_KEY], Path(config.docs_dir), cache)
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
    for warning in warnings:
        log.info(f"Vidensportalen: ADVARSEL: {warning}")
