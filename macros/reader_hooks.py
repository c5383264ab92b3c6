"""mkdocs hooks for the reader aids (vidensportal/reader_aids/plan.py decides): abbreviations, 'Sidst ændret',
review notices and the news feed."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

# Listed after macros/hooks.py in mkdocs.yml, which has put the project on sys.path.
from macros import AIDS_KEY, CATALOG_KEY, MOMENT_KEY
from vidensportal.errors import DataError
from vidensportal.paths import NEWS_FEED
from vidensportal.reader_aids.abbreviations import with_abbreviations
from vidensportal.reader_aids.plan import plan_reader_aids

log = logging.getLogger("mkdocs.plugins.vidensportalen")


@event_priority(90)  # after hooks.py has read the catalog; before mkdocs-macros and the git plugin read the config
def on_config(config):
    try:
        root = Path(config.config_file_path).resolve().parent
        aids = config[AIDS_KEY] = plan_reader_aids(config[CATALOG_KEY], root, config[MOMENT_KEY])
    except DataError as error:
        raise PluginError(error.report()) from None
    if aids.history is None and (git := config.plugins.get("git-revision-date-localized")):
        git.config["enabled"] = False  # it would log a line per page; aids.notes() has one
    config.mdx_configs.setdefault("abbr", {})["glossary"] = aids.glossary


def on_files(files, config):
    pages = [(f.src_uri, f.content_string) for f in files.documentation_pages() if not f.generated_by]
    try:
        aids = config[AIDS_KEY] = config[AIDS_KEY].with_pages(pages, config.docs_dir)
    except DataError as error:
        raise PluginError(error.report()) from None
    for note in aids.notes(config.site_url):
        log.info(note)
    files.append(File.generated(config, NEWS_FEED, content=aids.feed(config.site_name, config.site_url)))


def on_page_content(html, page, config, files):
    return with_abbreviations(html, config[AIDS_KEY].glossary)  # HTML that did not pass through Markdown too


def on_page_context(context, page, config, nav):
    page.meta.update(config[AIDS_KEY].page_meta(page.file.src_uri, page.meta))
