"""The mkdocs adapter: hands mkdocs the engine's catalog and site plan, and runs the engine's checks on the output."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from material.plugins.search.plugin import Element, Section
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

# mkdocs imports a hook file with only its own folder on sys.path; the engine is a package beside it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import CATALOG_KEY, MOMENT_KEY
from macros.generated_view import GeneratedView
from macros.serve_preview import on_serve, on_startup  # noqa: F401 -- hooks: make serve shows a failed build
from vidensportal.content.dates import build_moment
from vidensportal.content.text import heading_slug
from vidensportal.errors import DataError
from vidensportal.guards.external_loads import localise_cdn_urls
from vidensportal.guards.output import output_gate
from vidensportal.paths import MATERIALS_DIR
from vidensportal.plan import SiteSources, plan_site, read_sources, withheld_note
from vidensportal.search.pdftext import pdf_text
from vidensportal.search.search_sections import search_sections
from vidensportal.search.search_text import add_to_search_index
from vidensportal.settings import read_settings

log = logging.getLogger("mkdocs.plugins.vidensportalen")
SEARCH_PLUGIN = "material/search"
SETTINGS_KEY = "vidensportalen_settings"


def project_dir(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: data/ is found from there, wherever mkdocs is run from."""
    return Path(config.config_file_path).resolve().parent


def _fail(problems: list) -> PluginError:
    return PluginError(DataError(problems).report())


@event_priority(100)  # before mkdocs-macros' on_config, whose define_env reads the catalog
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    settings, problems = read_settings(config.extra, use_directory_urls=config.use_directory_urls)
    if problems:
        raise _fail(problems)
    try:
        catalog = read_sources(project_dir(config), Path(config.docs_dir), settings)
    except DataError as error:
        raise PluginError(error.report()) from None
    config[SETTINGS_KEY], config[CATALOG_KEY], config[MOMENT_KEY] = settings, catalog, build_moment()
    # Set here, not in mkdocs.yml: a !!python/name there is imported before the project is on sys.path.
    config.mdx_configs.setdefault("toc", {})["slugify"] = heading_slug
    if note := withheld_note(catalog, settings):
        log.info(f"Vidensportalen: {note}")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    sources = SiteSources(Path(config.docs_dir), tuple(file.src_uri for file in files))
    plan = plan_site(
        config[CATALOG_KEY], sources, config[SETTINGS_KEY],
        site_name=config.site_name, site_url=config.site_url or None, moment=config[MOMENT_KEY],
    )  # fmt: skip
    if plan.problems:
        raise PluginError("\n".join(str(problem) for problem in plan.problems))
    for note in plan.notes:
        log.info(f"Vidensportalen: {note}")
    for src in plan.removals:
        files.remove(files.get_file_from_path(src))
    for path, page in plan.pages.items():
        file = File.generated(config, path, content=page.markdown)
        if page.head or page.tail:
            file.page = GeneratedView(file, config, page)
        files.append(file)
    for path, content in plan.files.items():
        files.append(File.generated(config, path, content=content))
    return files


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


@event_priority(-1000)  # last of all: after the search plugin's index, so the output gate sees every file
def on_post_build(config: MkDocsConfig) -> None:
    localise_cdn_urls(Path(config.site_dir) / "assets" / "javascripts")
    _add_pdf_text_to_search(config)
    args = Path(config.docs_dir), config[CATALOG_KEY], config[SETTINGS_KEY].cpr_allowed, config.site_url or ""
    if report := output_gate(Path(config.site_dir), project_dir(config), *args):
        raise PluginError(report)


def _add_pdf_text_to_search(config: MkDocsConfig) -> None:
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
