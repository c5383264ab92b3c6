"""A search index built with Pagefind: each page's article made searchable, handed over, and the index written
into the site, kept to what the search box loads and with its filters in a fixed order."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from vidensportal.search.page_facts import PageFacts, facts_for
from vidensportal.search.pagefind_service import PagefindError, PagefindService
from vidensportal.search.searchable import IGNORED_SELECTORS, searchable_html, text_of
from vidensportal.search.spellings import Spellings, vocabulary_of
from vidensportal.search.stable_index import stable_filters

PAGEFIND_CONFIG = {"force_language": "da", "exclude_selectors": list(IGNORED_SELECTORS)}
# What the search box loads; Pagefind also makes its ready-made interfaces, which the site does not use.
VOCABULARY = "vp-ord.json"
KEPT = ("pagefind.js", "pagefind-entry.json", "pagefind-worker.js", "wasm.da.pagefind", "wasm.unknown.pagefind")


def build_index(
    pages: Mapping[str, str],
    facts: Mapping[str, PageFacts],
    documents: Mapping[str, str],
    output: Path,
    later: Callable[[], list[tuple[str, str]] | None],
    stopped: Callable[[], bool] = lambda: False,
) -> None:
    """Index `pages` (article HTML by URL, 'parter/'); then the pages that `later()` returns, if any, and write
    the index into `output`. `later()` returning None, or `stopped()` turning true, ends the work with nothing
    written. The words of `pages` split the compounds. Raises PagefindError."""
    spellings = Spellings(vocabulary_of(text_of(article) for article in pages.values()))
    service = PagefindService(PAGEFIND_CONFIG)
    try:
        _add(service, pages.items(), facts, documents, spellings, stopped)
        more = later()
        if more is None or stopped():
            return
        _add(service, more, facts, documents, spellings, stopped)
        if not stopped():
            _write(service.files(), output)
        _write_vocabulary(spellings.vocabulary, facts, output)
    finally:
        service.close()


def _write_vocabulary(words: set[str], facts: Mapping[str, PageFacts], output: Path) -> None:
    """The words and names the index knows, for the search box's 'Mente du' when a query finds nothing."""
    names = sorted({name for found in facts.values() for name in found.names if len(name) <= 40})
    listing = {"navne": names, "ord": sorted(w for w in words if len(w) <= 30)}
    (output / VOCABULARY).write_text(json.dumps(listing, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _add(
    service: PagefindService,
    pages: Iterable[tuple[str, str]],
    facts: Mapping[str, PageFacts],
    documents: Mapping[str, str],
    spellings: Spellings,
    stopped: Callable[[], bool],
) -> None:
    for url, article in pages:
        if stopped():
            return
        searchable = searchable_html(article, facts_for(facts, url), documents.get(url, ""), spellings)
        service.add_page(f"/{url}", searchable)


def _write(files: Mapping[str, bytes], output: Path) -> None:
    """Write what the search box loads into a fresh `output`, one file after another: Pagefind's own writer
    creates them all at once, and on a busy disk that cost more than the rest of the index."""
    if "pagefind.js" not in files:
        raise PagefindError("Pagefind lavede ingen pagefind.js.")
    shutil.rmtree(output, ignore_errors=True)
    for path, data in sorted(stable_filters(files).items()):
        if "/" in path or path in KEPT or path.endswith(".pf_meta"):
            target = output / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
