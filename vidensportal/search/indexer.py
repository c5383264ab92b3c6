"""The site's search index, built in a process of its own while mkdocs renders the pages.

mkdocs has made every page's article before it renders the first page. A worker process hands those articles
to Pagefind and writes the index into the site on the other core, so the build only collects its answer at
the end. A page that was not among them (one another plugin writes at the end, or one `mkdocs serve --dirty`
did not rebuild) is read from disk then, and the index is written again with it.
"""

from __future__ import annotations

import contextlib
import glob
import multiprocessing
import os
from collections.abc import Callable, Mapping
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path, PurePosixPath

from vidensportal.background import Background, BackgroundError
from vidensportal.catalog import Catalog
from vidensportal.search.documents import material_texts
from vidensportal.search.page_facts import PageFacts, page_facts
from vidensportal.search.pagefind_index import build_index
from vidensportal.search.pagefind_service import PagefindError
from vidensportal.search.searchable import article_of

INDEX_DIR = "pagefind"
Documents = tuple[Mapping[str, str], list[str]]
PAGE_NAME = "index.html"
NICENESS = 10


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
        reads the text of the materials' files, in the worker: (text by page URL, Danish warnings)."""
        pages = {_url(written): article for written, article in articles.items() if _is_page(written)}
        self._indexed, self._site_dir = set(pages), site_dir
        self.warnings: list[str] = []  # about documents whose text could not be read, once finish_writing is done
        self._later, worker_end = multiprocessing.Pipe()
        try:
            self._work = Background(_index, pages, dict(facts), documents, site_dir / INDEX_DIR, worker_end)
        except OSError as error:
            raise SearchIndexError(f"Søgeindekset kunne ikke bygges: {error}") from None
        finally:
            worker_end.close()  # the worker's end is the worker's

    def start_writing(self) -> None:
        """Hand over the pages in the site that were not indexed from their articles (none in most builds)."""
        later = []
        pages = glob.glob(f"**/{PAGE_NAME}", root_dir=self._site_dir, recursive=True, include_hidden=True)
        for written in sorted(page.replace(os.sep, "/") for page in pages):
            if _url(written) not in self._indexed and not written.startswith(f"{INDEX_DIR}/"):
                article = article_of((self._site_dir / written).read_text(encoding="utf-8"))
                if article is not None:
                    later.append((_url(written), article))
        with contextlib.suppress(OSError):  # a worker that stopped already has left its reason to read
            self._later.send(later)

    def finish_writing(self) -> None:
        """Wait until the index is in the site; SearchIndexError when it could not be built."""
        try:
            problem, self.warnings = self._work.result()
        except BackgroundError as error:
            problem = f"Søgeindekset kunne ikke bygges: indekseringen {error}."
        finally:
            self.close()
        if problem:
            raise SearchIndexError(problem)

    def close(self) -> None:
        """Stop the worker and its Pagefind (a build that fails half-way must not leave them running)."""
        self._work.stop()
        self._later.close()


def _index(
    pages: dict[str, str],
    facts: dict[str, PageFacts],
    documents: Callable[[], Documents],
    output: Path,
    later: Connection,
) -> tuple[str | None, list[str]]:
    """The worker's work: read the documents and build the index; (None or the Danish reason it could not be
    built, the warnings about the documents)."""
    with contextlib.suppress(AttributeError, OSError):  # os.nice is not everywhere
        os.nice(NICENESS)  # the rendering on the main thread goes first; the index has time to spare
    texts, warnings = documents()
    try:
        build_index(pages, facts, texts, output, later=later.recv)
    except EOFError:
        return None, warnings  # the build closed its end: it stopped, and nobody waits for the index
    except (PagefindError, OSError) as error:
        return f"Søgeindekset kunne ikke bygges: {error}", warnings
    return None, warnings


def _is_page(written: str) -> bool:
    return PurePosixPath(written).name == PAGE_NAME


def _url(written: str) -> str:
    """'parter/index.html' → 'parter/'; 'index.html' → ''."""
    folder = PurePosixPath(written).parent.as_posix()
    return "" if folder == "." else f"{folder}/"


def start_index(catalog: Catalog, docs_dir: Path, root: Path, site_dir: Path, articles: Mapping[str, str]) -> SiteIndex:
    """The index of a build whose pages' article HTML is `articles` (by the path each is written to), written
    into `site_dir`, with the text of the materials' files (read in the worker, cached in .cache/pdftekst)."""
    documents = partial(material_texts, catalog, docs_dir, root / ".cache" / "pdftekst")
    return SiteIndex(articles, page_facts(catalog), site_dir, documents)
