"""load_build: the first stage of a build. The settings, the guarded sources, the catalog, the build's moment and
the reader aids, read once per build and shared by everything a builder calls (hooks and page macros alike)."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import partial
from pathlib import Path

from vidensportal.catalog import Catalog, load_catalog
from vidensportal.content.dates import build_moment, local_day
from vidensportal.content.macro_table import DATED_MACROS, FRONT_PAGE_NEWS, MACROS, SITE_MACROS
from vidensportal.content.render_events import put_in_listings
from vidensportal.editor.site_files import editor_files
from vidensportal.errors import DataError
from vidensportal.guards.cpr import text_check
from vidensportal.guards.project import check_project
from vidensportal.guards.stale import prepare_site, withheld_fingerprint
from vidensportal.paths import BUILT_CACHE, DATA_GUARD_CACHE, GENERATED_DIRS, NEWS_FEED, cache_dir
from vidensportal.plan import SitePlan, SiteSources, plan_site
from vidensportal.reader_aids.abbreviations import with_abbreviations
from vidensportal.reader_aids.plan import ReaderAids, plan_reader_aids
from vidensportal.settings import SiteSettings, read_settings


@dataclass(frozen=True)
class Build:
    """What one build has read, before anything is planned or rendered."""

    root: Path
    docs_dir: Path
    settings: SiteSettings
    catalog: Catalog
    moment: datetime
    aids: ReaderAids

    @property
    def today(self) -> date:
        return local_day(self.moment)

    @property
    def template_values(self) -> dict[str, str]:
        """What the site's own templates (overrides/) show, from the validated settings and paths.py."""
        return {
            "klassifikation": self.settings.classification,
            "tilgaengelighedserklaering": self.settings.accessibility_statement,
            "nyhedsfeed": NEWS_FEED,
        }

    def prepare_site(self, site_dir: Path, published: Collection[str]) -> None:
        """Before anything is written: a site folder reused by --dirty that holds what is withheld now, or what is
        no longer published, is emptied (guards/stale.py)."""
        prepare_site(site_dir, cache_dir(self.root, BUILT_CACHE), withheld_fingerprint(self.catalog), published)

    def plan(self, sources: SiteSources, site_name: str, site_url: str | None) -> SitePlan:
        """The site plan of this build (plan.py), the news feed and the browser editor's files among its files."""
        plan = plan_site(self.catalog, sources, site_name=site_name, site_url=site_url, moment=self.moment)
        editor = editor_files(self.root, self.docs_dir, site_name, self.settings.classification)
        if plan.problems or editor.problems:
            return SitePlan(problems=(*plan.problems, *editor.problems))
        files = {**plan.files, **editor.files, NEWS_FEED: self.aids.feed(site_name, site_url)}
        return replace(plan, files=files, notes=(*plan.notes, *editor.notes))

    def macros(self) -> dict[str, Callable[[str], str]]:
        """Every macro a page may call (macro_table.py), bound to this build: each takes the page's docs path."""
        bound = {name: partial(function, self.catalog) for name, function in MACROS.items()}
        bound |= {name: partial(_dated, function, self.catalog, self.today) for name, function in DATED_MACROS.items()}
        site = {
            "nyt_paa_portalen": self.aids.news,
            "nyeste_nyt": partial(_newest, self.aids),
            "sider_til_gennemgang": self.aids.review_list,
        }
        return bound | {name: site[name] for name in SITE_MACROS}

    def page_html(self, html: str, src_uri: str) -> str:
        """A page's HTML once rendered: its listings' items put in, and abbreviations explained in HTML that did not
        pass through Markdown too."""
        html = put_in_listings(html, self.catalog, src_uri, self.today)
        return with_abbreviations(html, self.aids.glossary)

    def notes(self, site_url: str | None) -> list[str]:
        """The build's Danish info lines about what it read: what it held back, the history, the feed, reviews."""
        withheld = withheld_note(self.catalog, self.settings)
        return [*([withheld] if withheld else []), *self.aids.notes(site_url)]


def _dated(function: Callable[..., str], catalog: Catalog, today: date, here: str) -> str:
    return function(catalog, here, today)


def _newest(aids: ReaderAids, here: str) -> str:
    return aids.news(here, FRONT_PAGE_NEWS)


def load_build(root: Path, docs_dir: Path, extra: Mapping, use_directory_urls: bool = True) -> Build:
    """Read and check everything a build starts from; DataError with every problem found in one round. `extra` is
    the builder's `extra:` settings."""
    settings, problems = read_settings(extra, use_directory_urls=use_directory_urls)
    if problems or settings is None:
        raise DataError(problems)
    moment = build_moment()
    catalog = read_sources(root, docs_dir, settings, local_day(moment))
    aids = plan_reader_aids(catalog, root, moment)
    return Build(root, docs_dir, settings, catalog, moment, aids.with_pages(_markdown_pages(docs_dir), str(docs_dir)))


def read_sources(root: Path, docs_dir: Path, settings: SiteSettings, today: date) -> Catalog:
    """Guard the sources and read data/ once into the catalog; raises DataError with every problem found. The
    guard remembers files found clean by their content hash, so an unchanged source is not read again."""
    problems = check_project(root, docs_dir, settings.cpr_allowed)
    # The YAML in data/ is checked for CPR numbers as the catalog reads it.
    check = text_check(settings.cpr_allowed, cache_dir(root, DATA_GUARD_CACHE))
    try:
        catalog = load_catalog(
            root / "data",
            docs_dir=docs_dir,
            publish_up_to=settings.classification,
            max_file_bytes=settings.max_file_bytes,
            check_text=check,
            today=today,  # a status that contradicts the date is a warning
        )
    except DataError as error:
        raise DataError(problems + error.problems) from None
    if problems:
        raise DataError(problems)
    check.save()
    return catalog


def withheld_note(catalog: Catalog, settings: SiteSettings) -> str | None:
    """The build's one line on what it held back, or None when nothing was."""
    if not catalog.withheld:
        return None
    return (
        f"{len(catalog.withheld)} element(er) er over klassifikationen '{settings.classification}' og udgives ikke: "
        + ", ".join(catalog.withheld)
    )


def _markdown_pages(docs_dir: Path) -> Iterator[tuple[str, str]]:
    """(docs path, source) of every Markdown page that is published as written: not hidden, and not prose that a
    generated page takes in (parter/eas.md)."""
    for current, dirs, files in os.walk(docs_dir, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        folder = Path(current).relative_to(docs_dir).as_posix()
        for name in sorted(files):
            generated_prose = folder in GENERATED_DIRS and name != "index.md"
            if name.endswith(".md") and not name.startswith(".") and not generated_prose:
                path = name if folder == "." else f"{folder}/{name}"
                yield path, (Path(current) / name).read_text(encoding="utf-8-sig", errors="replace")
