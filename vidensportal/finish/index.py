"""The index stage: the site's search index, fed to Pagefind's own program while the builder renders the pages.

A builder that hands over each page's article before it writes the pages (mkdocs does, at on_env) gets its index
under way early: one thread, always joined, makes each article searchable and passes it to Pagefind, which
indexes on its own threads in its own program. A page that was not among the articles (one another plugin writes
at the end, or a builder that hands over nothing) is read from the written site when the index is finished.
"""

from __future__ import annotations

import glob
import os
import queue
import threading
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path, PurePosixPath

from vidensportal.catalog import Catalog
from vidensportal.paths import DOCUMENT_TEXT_CACHE, cache_dir
from vidensportal.search.documents import material_texts
from vidensportal.search.page_facts import PageFacts, page_facts
from vidensportal.search.pagefind_index import build_index
from vidensportal.search.pagefind_service import PagefindError
from vidensportal.search.searchable import article_of

INDEX_DIR = "pagefind"
Documents = tuple[Mapping[str, str], list[str]]
PAGE_NAME = "index.html"


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message is Danish."""


class SiteIndex:
    """The index of one build, under way from the start. `start_writing` hands over the pages found only on
    disk and `finish_writing` waits for the index, so the output gate can read the pages in between."""

    def __init__(
        self,
        articles: Mapping[str, str],
        facts: Mapping[str, PageFacts],
        site_dir: Path,
        documents: Callable[[], Documents] = lambda: ({}, []),  # no material files
    ) -> None:
        """`articles`: each page's article HTML by the path it is written to ('parter/index.html'); `documents`
        reads the text of the materials' files: (text by page URL, Danish warnings)."""
        pages = {_url(written): article for written, article in articles.items() if _is_page(written)}
        self._indexed, self._site_dir = set(pages), site_dir
        self.warnings: list[str] = []  # about documents whose text could not be read, once finish_writing is done
        self._later: queue.SimpleQueue[list[tuple[str, str]] | None] = queue.SimpleQueue()
        self._stopped = threading.Event()
        self._problem: str | None = None
        work = partial(self._index, pages, dict(facts), documents, site_dir / INDEX_DIR)
        self._worker = threading.Thread(target=work, name="vidensportalen-soegeindeks")
        self._worker.start()

    def start_writing(self) -> None:
        """Hand over the pages in the site that were not indexed from their articles (none in most builds)."""
        later = []
        pages = glob.glob(f"**/{PAGE_NAME}", root_dir=self._site_dir, recursive=True, include_hidden=True)
        for written in sorted(page.replace(os.sep, "/") for page in pages):
            if _url(written) not in self._indexed and not written.startswith(f"{INDEX_DIR}/"):
                article = article_of((self._site_dir / written).read_text(encoding="utf-8"))
                if article is not None:
                    later.append((_url(written), article))
        self._later.put(later)

    def finish_writing(self) -> None:
        """Wait until the index is in the site; SearchIndexError when it could not be built."""
        self._worker.join()
        if self._problem:
            raise SearchIndexError(self._problem)

    def close(self) -> None:
        """Stop the indexing unfinished and wait for its thread (a build that fails half-way)."""
        self._stopped.set()
        self._later.put(None)
        self._worker.join()

    def _index(
        self, pages: dict[str, str], facts: dict[str, PageFacts], documents: Callable[[], Documents], output: Path
    ) -> None:
        try:
            texts, self.warnings = documents()
            build_index(pages, facts, texts, output, later=self._later.get, stopped=self._stopped.is_set)
        except (PagefindError, OSError) as error:
            self._problem = f"Søgeindekset kunne ikke bygges: {error}"
        except Exception as error:  # a thread's error would otherwise only be printed: the build must hear it
            self._problem = f"Søgeindekset kunne ikke bygges: {type(error).__name__}: {error}"


def _is_page(written: str) -> bool:
    return PurePosixPath(written).name == PAGE_NAME


def _url(written: str) -> str:
    """'parter/index.html' → 'parter/'; 'index.html' → ''."""
    folder = PurePosixPath(written).parent.as_posix()
    return "" if folder == "." else f"{folder}/"


def start_index(catalog: Catalog, docs_dir: Path, root: Path, site_dir: Path, articles: Mapping[str, str]) -> SiteIndex:
    """The index of a build whose pages' article HTML is `articles` (by the path each is written to), written
    into `site_dir`, with the text of the materials' files (cached by content hash under the cache root)."""
    documents = partial(material_texts, catalog, docs_dir, cache_dir(root, DOCUMENT_TEXT_CACHE))
    return SiteIndex(articles, page_facts(catalog), site_dir, documents)
