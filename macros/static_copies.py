"""Adapter: the site's static files (PDFs, calendars, theme assets) are copied by a thread while pages render.

mkdocs copies every static file before it renders the first page. Creating files and folders releases the GIL,
so one thread does it on the other core: some 650 PDFs and calendar files and 1,080 page folders in the benchmark.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

# One thread for the whole process, so drain() can wait for everything queued before it.
_COPIER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vidensportalen-kopier")


def drain() -> None:
    """Return when every copy queued so far is done, also one of a build that failed half-way (under
    `mkdocs serve`, the next build empties site/ and must not have old copies land after that)."""
    _COPIER.submit(lambda: None).result()


def _copy(folders: Sequence[str], files: Sequence[File], dirty: bool) -> None:
    for folder in folders:
        os.makedirs(folder, exist_ok=True)
    for file in files:
        file.copy_file(dirty)


class BackgroundCopies(Files):
    """Files whose static files are copied in the background; `wait()` before the built site is used.

    A static file at a path mkdocs itself writes after the pages (`written_later`: 404.html, sitemap.xml) is
    copied at once, so that mkdocs' own file still replaces it, as in a build without this class.
    """

    def __init__(self, files: Files, written_later: Collection[str] = ()) -> None:
        super().__init__(list(files))
        self._written_later = frozenset(written_later)
        self._copying: Future[None] | None = None

    def copy_static_files(
        self, dirty: bool = False, *, inclusion: Callable[[InclusionLevel], bool] = InclusionLevel.is_included
    ) -> None:
        pages = self.documentation_pages(inclusion=inclusion)
        folders = sorted({os.path.dirname(file.abs_dest_path) for file in pages})
        static = [file for file in self if not file.is_documentation_page() and inclusion(file.inclusion)]
        for file in static:
            if file.dest_uri in self._written_later:
                file.copy_file(dirty)
        later = [file for file in static if file.dest_uri not in self._written_later]
        self._copying = _COPIER.submit(_copy, folders, later, dirty)

    def wait(self) -> None:
        """Return when every static file is in place; a Danish PluginError when a file could not be copied."""
        copying, self._copying = self._copying, None
        try:
            if copying is not None:
                copying.result()
        except OSError as error:
            raise PluginError(f"En fil kunne ikke kopieres til sitet: {error}") from None
