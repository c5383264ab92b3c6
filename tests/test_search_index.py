"""The search index is fed page by page while the site is rendered, and Pagefind's failures are Danish errors."""

from __future__ import annotations

import gzip
import json
import time
import urllib.request
from pathlib import Path

import pytest

from vidensportal.search.indexer import SearchIndexError, SiteIndex
from vidensportal.search.page_facts import PageFacts
from vidensportal.search.pagefind_service import PagefindError, PagefindService
from vidensportal.search.stable_index import _decode

from .support import http_get, search_records, serving

ARTICLE = (
    '<html><body><article class="md-content__inner md-typeset"><h1>{title}</h1><p>{text}</p></article></body></html>'
)
FACTS = {"a/": PageFacts(kind="Part", names=("Alfa",))}


def _page(title: str, text: str = "Rekrutteringsmønstre i bandemiljøet.") -> str:
    return ARTICLE.format(title=title, text=text)


def test_pages_handed_over_and_pages_only_on_disk_are_both_indexed(tmp_path):
    """A page handed over as it is written and a page another plugin left on disk are both found; other files,
    pages without an article and Pagefind's own folder are not."""
    index = SiteIndex(FACTS, {}, {"rekruttering", "mønstre"})
    index.add("a/index.html", _page("Alfa"))
    index.add("a/index.html", _page("Alfa igen"))  # written twice (mkdocs serve): indexed once
    index.add("kalender.ics", "BEGIN:VCALENDAR")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text(_page("Beta"), encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "index.html").write_text("<html><body>Omdirigering</body></html>", encoding="utf-8")
    (tmp_path / "c" / "side.html").write_text(_page("Gamma"), encoding="utf-8")
    index.start_writing(tmp_path)
    index.finish_writing()
    records = search_records(tmp_path)
    assert sorted(records) == ["a/", "b/"], sorted(records)
    assert records["a/"]["meta"]["kind"] == "Part" and records["a/"]["meta"]["title"] == "Alfa", records["a/"]
    assert "monstre" in records["b/"]["content"], records["b/"]["content"]  # the spellings came along
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    assert not (tmp_path / "pagefind" / "pagefind-ui.js").exists(), "the ready-made interface was kept"


def test_a_stopped_pagefind_is_a_danish_error_not_a_hang(tmp_path):
    """Pagefind that stops half-way gives a Danish error within seconds, never a build that waits for ever."""
    index = SiteIndex({}, {}, set())
    index._service._process.kill()
    start = time.monotonic()

    def build() -> None:
        for number in range(50):  # the pipe may take a few pages before it reports the broken program
            index.add(f"p{number}/index.html", _page(f"Side {number}"))
        index.start_writing(tmp_path)
        index.finish_writing()

    with pytest.raises(SearchIndexError, match="Søgeindekset kunne ikke bygges: Pagefind stoppede uventet"):
        build()
    assert time.monotonic() - start < 10


def test_negative_control_a_request_pagefind_refuses_is_reported_in_danish():
    """Negative control for the happy path: a request Pagefind refuses (an unknown index) is an error, named."""
    service = PagefindService({"force_language": "da"})
    try:
        service._index = 999
        service.add_page("/x/", _page("X"))
        with pytest.raises(PagefindError, match="Pagefind afviste"):
            service.write(Path("unused"))
    finally:
        service.close()


def test_close_stops_pagefind_and_can_be_called_twice():
    """A build that fails half-way stops its Pagefind: no program is left running, and closing again is harmless."""
    index = SiteIndex({}, {}, set())
    process = index._service._process
    index.close()
    index.close()
    assert process.poll() is not None, "Pagefind still runs after close()"


def _served_index_text(base: str) -> str:
    """The text of every page in the search index `mkdocs serve` serves at `base`, read as the search box reads it."""

    def fetched(path: str) -> bytes:
        with urllib.request.urlopen(base + path, timeout=15) as answer:  # noqa: S310 -- our own local test server
            return answer.read()

    entry = json.loads(fetched("/pagefind/pagefind-entry.json"))
    language, facts = next(iter(entry["languages"].items()))
    meta, _ = _decode(gzip.decompress(fetched(f"/pagefind/pagefind.{facts['hash']}.pf_meta")), len(b"pagefind_dcd"))
    pages = [gzip.decompress(fetched(f"/pagefind/fragment/{page[0]}.pf_fragment")) for page in meta[1]]
    assert language == "da" and pages, f"no pages in the served index: {entry}"
    return " ".join(json.loads(page.removeprefix(b"pagefind_dcd"))["content"] for page in pages)


@pytest.mark.slow
def test_mkdocs_serve_keeps_the_search_index_current(project):
    """Under mkdocs serve, a word added to a page is found in the served index once the page shows it; the word is
    not in the index before the edit (control)."""
    word = "Zebrafinkeøvelsen"
    with serving(project) as base:
        assert word not in _served_index_text(base)
        page = project / "docs" / "aftalen.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n\n{word} er et ord til testen.\n", encoding="utf-8")
        deadline, text = time.monotonic() + 120, ""
        while word not in text and time.monotonic() < deadline:
            time.sleep(0.5)
            try:  # while the site is rebuilt, the index may be half written
                text = _served_index_text(base) if word in http_get(base + "/aftalen/")[1] else ""
            except (OSError, ValueError, AssertionError):
                text = ""
    assert word in text, "the served search index does not hold the word the page now shows"


def test_waiting_for_an_index_never_asked_for_is_an_error_not_a_hang():
    """wait() before write() gives a Danish error at once instead of waiting for an answer that never comes."""
    service = PagefindService({"force_language": "da"})
    try:
        with pytest.raises(PagefindError, match="aldrig bedt skrevet"):
            service.wait()
    finally:
        service.close()
