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
from vidensportal.paths import CONTRIBUTOR_GUIDE, NEWS_FEED, NEWS_PAGE, REVIEW_PAGE
from vidensportal.reader_aids.abbreviations import abbreviations, duplicate_problems, glossary
from vidensportal.reader_aids.changes import day_html, generated_page_sources, markdown_page_sources, newest_commit
from vidensportal.reader_aids.feed import atom_feed
from vidensportal.reader_aids.history import NOT_A_CHECKOUT, FileHistory, read_history
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
from vidensportal.reader_aids.revisions import ContentHistory, read_content_history

# Keys the git plugin leaves in a page's meta when it found the page's last commit.
GIT_HASH, GIT_DAY = "git_revision_date_localized_hash", "git_revision_date_localized_raw_iso_date"
LAST_CHANGED = "git_revision_date_localized"  # the key Material and overrides/partials/source-file.html show
# Pages whose edits are no news to staff: the news page itself and the pages for contributors.
NOT_NEWS = frozenset({NEWS_PAGE, CONTRIBUTOR_GUIDE, REVIEW_PAGE})


@dataclass(frozen=True)
class ReaderAids:
    catalog: Catalog
    moment: datetime
    history: Mapping[str, FileHistory] | None
    glossary: dict[str, str]
    sources: dict[str, tuple[str, ...]]
    content: ContentHistory | None = None
    reviews: dict[str, ReviewedPage] = field(default_factory=dict)
    pages: tuple[tuple[str, str], ...] = ()  # the hand-written pages readers see, as (docs path, title)
    history_missing: str | None = None  # why there is no history, in Danish

    @cached_property
    def news_items(self) -> list[NewsItem]:
        """Read once per build: the feed and the 'Nyt på portalen' page list the same items."""
        return news_items(self.catalog, self.content, self.moment, self.pages)

    @cached_property
    def today(self) -> date:
        return local_day(self.moment)

    def notes(self, site_url: str | None) -> list[str]:
        """The build's Danish info lines: no git history, no site address for the feed, overdue pages."""
        notes = []
        if self.history is None:
            why = self.history_missing or NOT_A_CHECKOUT
            notes.append(f"ingen git-historik at stole på: {why}. 'Sidst ændret' og nyhederne får indholdets datoer.")
        if not site_url:
            notes.append(f"VIDENSPORTAL_URL er ikke sat, så nyhedsfeedet ({NEWS_FEED}) får ingen links.")
        notes += [overdue_log_line(p) for p in self.reviews.values() if p.review.overdue(self.today)]
        return notes

    def with_pages(self, pages: Iterable[tuple[str, str]], docs_dir: str) -> ReaderAids:
        """The Markdown pages, given as (docs path, source): their review fields (DataError with every problem)
        and the data their macros show, which counts for their 'Sidst ændret'."""
        reviews, sources, problems, titles = {}, dict(self.sources), [], []
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
            if path not in NOT_NEWS:
                titles.append((path, page_title(meta, body, path)))
        if problems:
            raise DataError(problems)
        return replace(self, reviews=reviews, sources=sources, pages=tuple(titles))

    def page_meta(self, path: str, meta: Mapping[str, object]) -> dict[str, object]:
        """What a page's meta gets: 'Sidst ændret' and, when the page names them, its review facts and overdue notice.
        'Sidst ændret' is the newest of the git plugin's day for the page's file and the last commit of the data it
        shows (the build's day for a page not committed yet); without a history, the day the page says it was
        reviewed, or nothing: never a date git cannot vouch for."""
        reviewed = self.reviews.get(path)
        updates: dict[str, object] = {}
        if self.history is not None:
            data = newest_commit(self.sources.get(path, ()), self.history)
            days = [local_day(data)] if data else []
            if meta.get(GIT_HASH):
                days.append(date.fromisoformat(str(meta[GIT_DAY])))
            updates[LAST_CHANGED] = day_html(max(days, default=self.today))
        elif reviewed is not None and reviewed.review.reviewed:
            updates[LAST_CHANGED] = day_html(reviewed.review.reviewed)
        if reviewed is not None:
            updates["vp_review_facts"] = review_facts(reviewed.review)
            updates["vp_review_notice"] = overdue_notice(reviewed.review, self.today)
        return updates

    def feed(self, site_name: str, site_url: str | None) -> bytes:
        return atom_feed(self.news_items, site_name=site_name, site_url=site_url, empty_updated=self.moment)

    def news(self, here: str, count: int | None = None) -> str:
        """The list on 'Nyt på portalen' under month headings; with `count`, the newest few as one list."""
        if count is None:
            return news_list(self.news_items, here)
        return news_list(self.news_items[:count], here, headings=False)

    def review_list(self, here: str) -> str:
        """The table on 'Sider til gennemgang'."""
        return str(review_table(list(self.reviews.values()), here, self.today))


def plan_reader_aids(catalog: Catalog, root: Path, moment: datetime) -> ReaderAids:
    """Read git's history of `root` and derive the glossary; DataError when two entries claim one abbreviation."""
    found = abbreviations(catalog)
    problems = duplicate_problems(found)
    if problems:
        raise DataError(problems)
    history = read_history(root)
    sources = generated_page_sources(catalog)
    content = read_content_history(root) if history.files is not None else None
    missing = history.missing
    return ReaderAids(catalog, moment, history.files, glossary(found), sources, content, history_missing=missing)
