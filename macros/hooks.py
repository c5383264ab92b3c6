"""The mkdocs adapter: hands mkdocs the engine's catalog and site plan, and runs the engine's checks on the output."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

# mkdocs imports a hook file with only its own folder on sys.path; the engine is a package beside it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import AIDS_KEY, CATALOG_KEY, MOMENT_KEY, TODAY_KEY
from macros.generated_view import GeneratedView
from macros.serve_preview import on_serve, on_startup, serving  # noqa: F401 -- hooks: serve shows a failed build
from macros.static_copies import BackgroundCopies, drain
from vidensportal.content.dates import build_moment, local_day
from vidensportal.content.render_events import put_in_listings
from vidensportal.content.text import heading_slug
from vidensportal.errors import DataError
from vidensportal.finish import finish_site
from vidensportal.guards.active_content import page_problems
from vidensportal.guards.stale import prepare_site, withheld_fingerprint
from vidensportal.paths import NEWS_FEED
from vidensportal.plan import SiteSources, plan_site, read_sources, withheld_note
from vidensportal.reader_aids.abbreviations import with_abbreviations
from vidensportal.reader_aids.plan import plan_reader_aids
from vidensportal.search.indexer import SearchIndexError, SiteIndex, start_index
from vidensportal.settings import read_settings

log = logging.getLogger("mkdocs.plugins.vidensportalen")
SETTINGS_KEY = "vidensportalen_settings"
COPIES_KEY = "vidensportalen_copies"


def project_dir(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: data/ is found from there, wherever mkdocs is run from."""
    return Path(config.config_file_path).resolve().parent


@contextmanager
def engine_errors() -> Iterator[None]:
    """The engine's Danish errors stop the build as mkdocs' own error: the message, no traceback."""
    try:
        yield
    except (DataError, SearchIndexError) as error:
        raise PluginError(str(error)) from None


@event_priority(100)  # before mkdocs-macros' on_config, whose define_env reads the catalog
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    drain()  # a failed build under `mkdocs serve` may still be copying into the site/ this build empties
    settings, problems = read_settings(config.extra, use_directory_urls=config.use_directory_urls)
    with engine_errors():
        if problems:
            raise DataError(problems)
        catalog = read_sources(project_dir(config), Path(config.docs_dir), settings)
        moment = config[MOMENT_KEY] = build_moment()
        config[TODAY_KEY] = local_day(moment)
        config[AIDS_KEY] = plan_reader_aids(catalog, project_dir(config), moment)
    config[SETTINGS_KEY], config[CATALOG_KEY] = settings, catalog
    if config[AIDS_KEY].history is None and (git := config.plugins.get("git-revision-date-localized")):
        git.config["enabled"] = False  # it would log a line per page outside git; the aids' notes say it once
    config.mdx_configs.setdefault("abbr", {})["glossary"] = config[AIDS_KEY].glossary
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
    pages = [(f.src_uri, f.content_string) for f in files.documentation_pages() if not f.generated_by]
    with engine_errors():
        aids = config[AIDS_KEY] = config[AIDS_KEY].with_pages(pages, config.docs_dir)
    for note in aids.notes(config.site_url):
        log.info(note)
    files.append(File.generated(config, NEWS_FEED, content=aids.feed(config.site_name, config.site_url)))
    # Before anything is written: a site folder reused by --dirty that holds what is withheld now is emptied.
    with engine_errors():
        catalog = config[CATALOG_KEY]
        prepare_site(Path(config.site_dir), project_dir(config) / ".cache" / "bygget",
                     withheld_fingerprint(catalog), [file.src_uri for file in files])  # fmt: skip
    # mkdocs writes these itself after the pages: they are not copied in the background (static_copies.py).
    config[COPIES_KEY] = BackgroundCopies(files, {*config.theme.static_templates, "sitemap.xml.gz"})
    return config[COPIES_KEY]


def on_page_content(html, page, config, files):
    html = put_in_listings(html, config[CATALOG_KEY], page.file.src_uri, config[TODAY_KEY])
    return with_abbreviations(html, config[AIDS_KEY].glossary)  # HTML that did not pass through Markdown too


def on_page_context(context, page, config, nav):
    page.meta.update(config[AIDS_KEY].page_meta(page.file.src_uri, page.meta))


def on_env(env, config: MkDocsConfig, files: Files):
    """Every page's article is made by now: the search index is built from them in a process of its own while
    mkdocs renders the pages. Every build does this, `mkdocs serve` too."""
    pages = [f.page for f in files.documentation_pages() if f.page and f.page.content]
    listed = [(page.file.src_uri, page.content, page.title) for page in pages]
    if problems := page_problems(listed, Path(config.docs_dir), project_dir(config)):
        raise PluginError("\n".join(str(problem) for problem in problems))
    articles = {page.file.dest_uri: _article(page, config) for page in pages}
    folders = Path(config.docs_dir), project_dir(config), Path(config.site_dir)
    with engine_errors():
        _building.append(start_index(config[CATALOG_KEY], *folders, articles))
    return env


def _article(page, config: MkDocsConfig) -> str:
    """A page's article as Material's content partial lays it out: its title as h1 when its text has none."""
    return ("" if "<h1" in page.content else f"<h1>{escape(page.title or config.site_name)}</h1>") + page.content


@event_priority(-1000)  # last of all, so the search index and the output gate see every file
def on_post_build(config: MkDocsConfig) -> None:
    args = project_dir(config), Path(config.docs_dir), config[CATALOG_KEY], config[SETTINGS_KEY], config.site_url or ""
    config[COPIES_KEY].wait()
    index = _building.pop()
    with engine_errors():
        report = finish_site(Path(config.site_dir), *args, index=index, live_reload=bool(serving))
    for warning in index.warnings:  # about documents whose text could not be read for the search
        log.info(f"Vidensportalen: ADVARSEL: {warning}")
    if report:
        raise PluginError(report)


def on_build_error(error: Exception) -> None:
    """A build that stops half-way stops its search indexing too, or `mkdocs serve` would gather them."""
    while _building:
        _building.pop().close()


# The search index of the build under way; here, not in the config, as on_build_error is given no config.
_building: list[SiteIndex] = []
