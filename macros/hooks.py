"""The mkdocs adapter: the engine's build and site plan to mkdocs; the engine's finish stages on the written site."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

# mkdocs imports a hook file with only its own folder on sys.path; the engine is a package beside it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import build_of
from macros.generated_view import GeneratedView
from macros.serve_preview import on_serve, on_startup, serving  # noqa: F401 -- hooks: serve shows a failed build
from vidensportal.content.text import heading_slug
from vidensportal.finish import finish_site
from vidensportal.finish.index import SiteIndex, start_index
from vidensportal.guards.active_content import page_problems
from vidensportal.plan import SiteSources
from vidensportal.search.searchable import titled_article

log = logging.getLogger("mkdocs.plugins.vidensportalen")


@event_priority(100)  # before the git plugin's on_config, which it may turn off
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = build_of(config)  # the Build define_env gets too, whichever asks first
    if build.aids.history is None and (git := config.plugins.get("git-revision-date-localized")):
        git.config["enabled"] = False  # it would log a line per page without a history; the aids say it once
    config.mdx_configs.setdefault("abbr", {})["glossary"] = build.aids.glossary
    # Set here, not in mkdocs.yml: a !!python/name there is imported before the project is on sys.path.
    config.mdx_configs.setdefault("toc", {})["slugify"] = heading_slug
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    build = build_of(config)
    sources = SiteSources(Path(config.docs_dir), tuple(file.src_uri for file in files))
    plan = build.plan(sources, config.site_name, config.site_url)  # its files have the news feed
    if plan.problems:
        raise PluginError("\n".join(map(str, plan.problems)))
    for note in (*build.notes(config.site_url), *plan.notes):
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
    build.prepare_site(Path(config.site_dir), [file.src_uri for file in files])
    return files


def on_page_content(html, page, config, files):
    return build_of(config).page_html(html, page.file.src_uri)


def on_page_context(context, page, config, nav):
    page.meta.update(build_of(config).aids.page_meta(page.file.src_uri, page.meta))


def on_env(env, config: MkDocsConfig, files: Files):
    """Every page's article is made by now: the index starts on them while mkdocs writes the pages (serve too)."""
    build = build_of(config)
    env.globals["vidensportalen"] = build.template_values  # what overrides/ shows of the settings
    pages = [f for f in files.documentation_pages() if f.page and f.page.content]
    listed = [(f.src_uri, f.page.content, f.page.title) for f in pages]
    if problems := page_problems(listed, build.docs_dir, build.root):  # contributors' HTML may show, never run
        raise PluginError("\n".join(map(str, problems)))
    articles = {f.dest_uri: titled_article(f.page.content, f.page.title or config.site_name) for f in pages}
    _building.append(start_index(build.catalog, build.docs_dir, build.root, Path(config.site_dir), articles))
    return env


@event_priority(-1000)  # last of all, so the search index and the output gate see every file
def on_post_build(config: MkDocsConfig) -> None:
    site, build, url = Path(config.site_dir), build_of(config), config.site_url or ""
    report, warnings = finish_site(site, build, url, _building.pop(), live_reload=bool(serving))
    for warning in warnings:  # about documents whose text could not be read for the search
        log.info(f"Vidensportalen: {warning}")
    if report:
        raise PluginError(report)


def on_build_error(error: Exception) -> None:
    """A build that stops half-way stops its search indexing too, and waits for its thread."""
    while _building:
        _building.pop().close()


_building: list[SiteIndex] = []  # the index under way; not in the config, which on_build_error is not given
