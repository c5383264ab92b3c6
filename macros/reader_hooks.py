"""The mkdocs adapter for what staff read alongside the content: abbreviations explained, when each page last
changed, who owns it and when it is due for review, and the news feed. Decisions are the engine's."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import CATALOG_KEY, HISTORY_KEY, MOMENT_KEY, REVIEWS_KEY
from vidensportal.content.abbreviations import abbreviations, duplicate_problems, glossary, with_abbreviations
from vidensportal.content.dates import local_day
from vidensportal.errors import DataError
from vidensportal.paths import NEWS_FEED
from vidensportal.updates.changes import changed_on, committed_day_html, generated_page_sources, last_changed
from vidensportal.updates.feed import atom_feed
from vidensportal.updates.history import read_history
from vidensportal.updates.news import news_items
from vidensportal.updates.review import (
    ReviewedPage,
    overdue_log_line,
    overdue_notice,
    page_title,
    read_review,
    review_facts,
)

log = logging.getLogger("mkdocs.plugins.vidensportalen")
GIT_PLUGIN = "git-revision-date-localized"
GLOSSARY_KEY = "vidensportalen_glossary"
SOURCES_KEY = "vidensportalen_page_sources"


@event_priority(90)  # after hooks.py has loaded the catalog, before mkdocs-macros and the git plugin read the config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    catalog = config[CATALOG_KEY]
    root = Path(config.config_file_path).resolve().parent
    history = read_history(root)
    config[HISTORY_KEY] = history
    git_plugin = config.plugins.get(GIT_PLUGIN)
    if history is None and git_plugin is not None:
        # Outside a git checkout the plugin would log a line per page; one line here says it all.
        git_plugin.config["enabled"] = False
        log.info("Vidensportalen: ingen git-historik; 'Sidst ændret' er byggedatoen, og nyhederne har deres egen dato.")
    found = abbreviations(catalog)
    problems = duplicate_problems(found)
    if problems:
        raise PluginError(DataError(problems).report())
    config[GLOSSARY_KEY] = glossary(found)
    config.mdx_configs.setdefault("abbr", {})["glossary"] = config[GLOSSARY_KEY]
    if not config.site_url:
        log.info(f"Vidensportalen: VIDENSPORTAL_URL er ikke sat, så nyhedsfeedet ({NEWS_FEED}) får ingen links.")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Read every page's review fields (all problems in one round) and add the news feed."""
    catalog, moment, history = config[CATALOG_KEY], config[MOMENT_KEY], config[HISTORY_KEY]
    docs = Path(config.docs_dir).name
    reviews, problems = [], []
    for file in files.documentation_pages():
        if file.generated_by or not file.abs_src_path:
            continue
        source = file.content_string
        markdown, meta = get_data(source)
        review, found = read_review(meta, source, Path(docs, file.src_uri))
        problems += found
        if review is not None:
            reviews.append(ReviewedPage(file.src_uri, page_title(meta, markdown, file.src_uri), review))
    if problems:
        raise PluginError(DataError(problems).report())
    today = local_day(moment)
    for page in reviews:
        if page.review.overdue(today):
            log.info(f"Vidensportalen: {overdue_log_line(page)}")
    config[REVIEWS_KEY] = reviews
    config[SOURCES_KEY] = generated_page_sources(catalog)
    feed = atom_feed(
        news_items(catalog, history, moment), site_name=config.site_name, site_url=config.site_url, empty_updated=moment
    )
    files.append(File.generated(config, NEWS_FEED, content=feed))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The abbreviations in HTML that did not pass through Markdown (generated pages, HTML from macros)."""
    return with_abbreviations(html, config[GLOSSARY_KEY])


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """'Sidst ændret' for every page, and the owner, review dates and overdue notice of a page that has them."""
    meta, moment = page.meta, config[MOMENT_KEY]
    if meta.get("git_revision_date_localized_hash"):  # the git plugin found the page's last commit
        meta["git_revision_date_localized"] = committed_day_html(meta["git_revision_date_localized_raw_iso_date"])
    else:
        sources = config[SOURCES_KEY].get(page.file.src_uri, ())
        meta["git_revision_date_localized"] = changed_on(last_changed(sources, config[HISTORY_KEY], moment))
    reviewed = next((r for r in config[REVIEWS_KEY] if r.path == page.file.src_uri), None)
    if reviewed is not None:
        meta["vp_review_facts"] = review_facts(reviewed.review)
        meta["vp_review_notice"] = overdue_notice(reviewed.review, local_day(moment))
    return context
