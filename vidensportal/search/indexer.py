"""The site's search index: Pagefind's chunked index of the built pages and the text of their documents."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from vidensportal.catalog import Catalog
from vidensportal.search.documents import material_texts
from vidensportal.search.page_facts import PageFacts, facts_for, page_facts
from vidensportal.search.searchable import IGNORED_SELECTORS, page_text, searchable_html
from vidensportal.search.spellings import Spellings, vocabulary_of
from vidensportal.search.stable_index import stable_filters

INDEX_DIR = "pagefind"
# What the search box loads; Pagefind also writes its ready-made interfaces, which the site does not use.
KEPT = ("pagefind.js", "pagefind-entry.json", "pagefind-worker.js", "wasm.da.pagefind", "wasm.unknown.pagefind")


class SearchIndexError(Exception):
    """Pagefind could not index the site; the message is Danish."""


def index_site(site_dir: Path, catalog: Catalog, docs_dir: Path, cache_dir: Path) -> list[str]:
    """Index the built site with its published documents' text; return Danish warnings about unreadable files."""
    documents, warnings = material_texts(catalog, docs_dir, cache_dir)
    build_search_index(site_dir, page_facts(catalog), documents)
    return warnings


def build_search_index(site_dir: Path, facts: Mapping[str, PageFacts], documents: Mapping[str, str]) -> None:
    """Index every page of `site_dir` into site_dir/pagefind; `documents` is file text by page URL
    ('materialer/x/')."""
    pages = {_url(site_dir, path): path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("index.html"))}
    spellings = Spellings(vocabulary_of(page_text(page) for page in pages.values()))
    with tempfile.TemporaryDirectory(prefix="vidensportal-search-", dir=_memory_folder()) as folder:
        staged = Path(folder)
        for url, page in pages.items():
            searchable = searchable_html(page, facts_for(facts, url), documents.get(url, ""), spellings)
            if searchable is None:
                continue
            target = staged / url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(searchable, encoding="utf-8")
        output = site_dir / INDEX_DIR
        shutil.rmtree(output, ignore_errors=True)
        _run_pagefind(staged, output)
    stable_filters(output)
    for path in output.iterdir():
        if path.is_file() and path.name not in KEPT and not path.name.endswith(".pf_meta"):
            path.unlink()


def _run_pagefind(staged: Path, output: Path) -> None:
    """Pagefind's own program from the pagefind[bin] package. Its Python API would do the same, but it reads
    each answer of its background process after a 0.1 s pause: 0.4 s of every build, for four requests."""
    from pagefind_bin import get_executable

    ignored = [argument for selector in IGNORED_SELECTORS for argument in ("--exclude-selectors", selector)]
    command = [str(get_executable()), "--site", str(staged), "--output-path", str(output.resolve()), "--silent"]
    result = subprocess.run(  # noqa: S603 -- the packaged binary with fixed arguments
        [*command, "--force-language", "da", *ignored], cwd=staged, capture_output=True, text=True, check=False
    )
    if result.returncode != 0 or not (output / "pagefind.js").is_file():
        tail = " ".join((result.stderr or result.stdout).split())[-400:]
        code = result.returncode
        raise SearchIndexError(f"Søgeindekset kunne ikke bygges (Pagefind sluttede med kode {code}): {tail}")


def _memory_folder() -> str | None:
    """A folder in memory (Linux's /dev/shm) for the staged pages, written and deleted on every build: on a
    busy disk, a thousand small files there take 0.1 s instead of several seconds. Elsewhere the default."""
    memory = Path("/dev/shm")  # noqa: S108 -- a private TemporaryDirectory is made inside it
    return str(memory) if memory.is_dir() and os.access(memory, os.W_OK) else None


def _url(site_dir: Path, page: Path) -> str:
    folder = page.parent.relative_to(site_dir).as_posix()
    return "" if folder == "." else f"{folder}/"
