"""Everything the reader aids decide for one build, for a thin adapter to carry out: the glossary, the git
history, the review fields of the Markdown pages, each page's 'Sidst ændret' and review facts, the feed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from vidensportal.catalog import Catalog
from vidensportal.content.dates import local_day
from vidensportal.data.yamlfile import front_matter
from vidensportal.errors import DataError
from vidensportal.paths import NEWS_FEED
from vidensportal.reader_aids.abbreviations import abbreviations, duplicate_problems, glossary
from vidensportal.reader_aids.changes import day_html, generated_page_sources, markdown_page_sources, newest_commit
from vidensportal.reader_aids.feed import atom_feed
from vidensportal.reader_aids.history import FileHistory, read_history
from vidensportal.reader_aids.news import NewsItem, news_items, news_list
from vidensportal.reader_aids.review import (
    ReviewedPage,
    overdue_log_line,
    overdue_notice,
    page_title,
    read_review,
    review_facts,
    review_table,
)

# Keys the git plugin leaves in a page's meta when it found the page's last commit.
GIT_HASH, GIT_DAY = "git_revision_date_localized_hash", "git_revision_date_localized_raw_iso_date"
LAST_CHANGED = "git_revision_date_localized"  # the key Material and overrides/partials/source-file.html show


@dataclass(frozen=True)
class ReaderAids:
    catalog: Catalog
    moment: datetime
    history: Mapping[str, FileHistory] | None
    glossary: dict[str, str]
    sources: dict[str, tuple[str, ...]]
    reviews: dict[str, ReviewedPage] = field(default_factory=dict)

    @cached_property
    def news_items(self) -> list[NewsItem]:
        """Read once per build: the feed and the 'Nyt på portalen' page list the same items."""
        return news_items(self.catalog, self.history, self.moment)

    @cached_property
    def today(self) -> date:
        return local_day(self.moment)

    def notes(self, site_url: str | None) -> list[str]:
        """The build's Danish info lines: no git history, no site address for the feed, overdue pages."""
        notes = []
        if self.history is None:
            notes.append("ingen git-historik; 'Sidst ændret' er byggedatoen, og nyhederne har deres egen dato.")
        if not site_url:
            notes.append(f"VIDENSPORTAL_URL er ikke sat, så nyhedsfeedet ({NEWS_FEED}) får ingen links.")
        notes += [overdue_log_line(p) for p in self.reviews.values() if p.review.overdue(self.today)]
        return [f"Vidensportalen: {note}" for note in notes]

    def with_pages(self, pages: Iterable[tuple[str, str]], docs_dir: str) -> ReaderAids:
        """The Markdown pages, given as (docs path, source): their review fields (DataError with every problem)
        and the data their macros show, which counts for their 'Sidst ændret'."""
        reviews, sources, problems = {}, dict(self.sources), []
        # A generated page's prose (docs/parter/eas.md) may name its owner and review dates too.
        for path in self.sources:
            if (Path(docs_dir) / path).is_file():
                source = (Path(docs_dir) / path).read_text(encoding="utf-8-sig")
                meta, body = front_matter(source)
                review, found = read_review(meta, source, Path(Path(docs_dir).name, path))
                problems += found
                if review is not None:
                    reviews[path] = ReviewedPage(path, page_title(meta, body, path), review)
        for path, source in pages:
            meta, body = front_matter(source)
            review, found = read_review(meta, source, Path(Path(docs_dir).name, path))
            problems += found
            sources[path] = markdown_page_sources(path, body)
            if review is not None:
                reviews[path] = ReviewedPage(path, page_title(meta, body, path), review)
        if problems:
            raise DataError(problems)
        return replace(self, reviews=reviews, sources=sources)

    def page_meta(self, path: str, meta: Mapping[str, object]) -> dict[str, object]:
        """What a page's meta gets: 'Sidst ændret' (the newest of the git plugin's day for the page's file and the
        last commit of the data it shows; the build's moment without either) and, when the page names them, its
        review facts and overdue notice."""
        data = newest_commit(self.sources.get(path, ()), self.history)
        days = [local_day(data)] if data else []
        if meta.get(GIT_HASH):
            days.append(date.fromisoformat(str(meta[GIT_DAY])))
        updates: dict[str, object] = {LAST_CHANGED: day_html(max(days, default=self.today))}
        reviewed = self.reviews.get(path)
        if reviewed is not None:
            updates["vp_review_facts"] = review_facts(reviewed.review)
            updates["vp_review_notice"] = overdue_notice(reviewed.review, self.today)
        return updates

    def feed(self, site_name: str, site_url: str | None) -> bytes:
        return atom_feed(self.news_items, site_name=site_name, site_url=site_url, empty_updated=self.moment)

    def news(self, here: str) -> str:
        """The list on 'Nyt på portalen'."""
        return news_list(self.news_items, here)

    def review_list(self, here: str) -> str:
        """The table on 'Sider til gennemgang'."""
        return str(review_table(list(self.reviews.values()), here, self.today))


def plan_reader_aids(catalog: Catalog, root: Path, moment: datetime) -> ReaderAids:
    """Read git's history of `root` and derive the glossary; DataError when two entries claim one abbreviation."""
    found = abbreviations(catalog)
    problems = duplicate_problems(found)
    if problems:
        raise DataError(problems)
    return ReaderAids(catalog, moment, read_history(root), glossary(found), generated_page_sources(catalog))
