"""The site's search index: Pagefind's chunked index of the built pages and the text of their documents.

Pagefind indexes each page as it is written, in its own process on another core, so the build waits only for
the index files to be written at the end.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from vidensportal.catalog import Catalog
from vidensportal.search.documents import material_texts
from vidensportal.search.page_facts import PageFacts, facts_for, page_facts
from vidensportal.search.pagefind_service import PagefindError, PagefindService
from vidensportal.search.searchable import IGNORED_SELECTORS, searchable_html, text_of
from vidensportal.search.spellings import Spellings, vocabulary_of
from vidensportal.search.stable_index import stable_filters

INDEX_DIR = "pagefind"
PAGE_NAME = "index.html"
# What the search box loads; Pagefind also writes its ready-made interfaces, which the site does not use.
KEPT = ("pagefind.js", "pagefind-entry.json", "pagefind-worker.js", "wasm.da.pagefind", "wasm.unknown.pagefind")
PAGEFIND_CONFIG = {"force_language": "da", "exclude_selectors": list(IGNORED_SELECTORS)}


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message is Danish."""


class SiteIndex:
    """The index of one build: `add` hands each written page to Pagefind; `start_writing` and `finish_writing`
    put the index in the site, so the output gate can read the pages in between."""

    def __init__(self, facts: Mapping[str, PageFacts], documents: Mapping[str, str], vocabulary: set[str]) -> None:
        self._facts, self._documents = facts, documents
        self._spellings = Spellings(vocabulary)
        self._seen: set[str] = set()
        self._output = Path(INDEX_DIR)  # the site's own folder once start_writing knows the site
        try:
            self._service = PagefindService(PAGEFIND_CONFIG)
        except (OSError, PagefindError) as error:
            raise SearchIndexError(f"Søgeindekset kunne ikke bygges: {error}") from None

    def add(self, written: str, page_html: str) -> None:
        """A page as written to `written` (its path in the site, 'parter/index.html'); other files are skipped."""
        path = PurePosixPath(written)
        if path.name != PAGE_NAME or written in self._seen:
            return
        self._seen.add(written)
        folder = path.parent.as_posix()
        url = "" if folder == "." else f"{folder}/"
        facts, document = facts_for(self._facts, url), self._documents.get(url, "")
        searchable = searchable_html(page_html, facts, document, self._spellings)
        if searchable is not None:
            with self._failing_as_search_error():
                self._service.add_page(f"/{url}", searchable)

    def start_writing(self, site_dir: Path) -> None:
        """Index the pages of `site_dir` that were not handed over as they were written (a page another plugin
        writes at the end), and have Pagefind write the index into site_dir/pagefind; `finish_writing` waits."""
        self._output = site_dir / INDEX_DIR
        with self._failing_as_search_error():
            for page in sorted(site_dir.rglob(PAGE_NAME)):
                written = page.relative_to(site_dir).as_posix()
                if written not in self._seen and not written.startswith(f"{INDEX_DIR}/"):
                    self.add(written, page.read_text(encoding="utf-8"))
            shutil.rmtree(self._output, ignore_errors=True)
            self._service.write(self._output.resolve())

    def finish_writing(self) -> None:
        """Wait for the index, then keep only what the search box loads, in a fixed order."""
        with self._failing_as_search_error():
            self._service.wait()
        self.close()
        if not (self._output / "pagefind.js").is_file():
            raise SearchIndexError("Søgeindekset kunne ikke bygges: Pagefind skrev ingen pagefind.js.")
        stable_filters(self._output)
        for path in self._output.iterdir():
            if path.is_file() and path.name not in KEPT and not path.name.endswith(".pf_meta"):
                path.unlink()

    def close(self) -> None:
        """Stop Pagefind (a build that fails half-way must not leave it running)."""
        self._service.close()

    @contextmanager
    def _failing_as_search_error(self) -> Iterator[None]:
        """Pagefind's failure is the build's: its program is stopped and the Danish reason raised."""
        try:
            yield
        except PagefindError as error:
            self.close()
            raise SearchIndexError(f"Søgeindekset kunne ikke bygges: {error}") from None


def start_index(catalog: Catalog, docs_dir: Path, root: Path, articles: Iterable[str]) -> tuple[SiteIndex, list[str]]:
    """A new index for a build whose pages' article HTML is `articles` (their words are the vocabulary that
    compounds are split by); the Danish warnings are about documents whose text could not be read."""
    documents, warnings = material_texts(catalog, docs_dir, root / ".cache" / "pdftekst")
    vocabulary = vocabulary_of(text_of(article) for article in articles)
    return SiteIndex(page_facts(catalog), documents, vocabulary), warnings
