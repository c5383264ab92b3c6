"""The search index is built beside the rendering (a joined thread feeding Pagefind), and its failures are Danish."""

from __future__ import annotations

import gzip
import json
import time
import urllib.request

import pytest

from vidensportal.finish.index import SearchIndexError, SiteIndex
from vidensportal.search import pagefind_index
from vidensportal.search.page_facts import PageFacts
from vidensportal.search.pagefind_index import build_index
from vidensportal.search.pagefind_service import PagefindError, PagefindService
from vidensportal.search.stable_index import _decode

from .support import ROOT, http_get, search_records, serving

ARTICLE = '<h1>{title}</h1><p>{text}</p>'
PAGE = '<html><body><article class="md-content__inner md-typeset">{article}</article></body></html>'
FACTS = {"a/": PageFacts(kind="Part", names=("Alfa",))}


def _article(title: str, text: str = "Rekrutteringsmønstre i bandemiljøet.") -> str:
    return ARTICLE.format(title=title, text=text)


def _page(title: str) -> str:
    return PAGE.format(article=_article(title))


def test_articles_and_pages_only_on_disk_are_both_indexed(tmp_path):
    """A page's article handed over before rendering and a page another plugin left on disk are both found; other
    files, pages without an article and Pagefind's own interfaces are not."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text(_page("Beta"), encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "index.html").write_text("<html><body>Omdirigering</body></html>", encoding="utf-8")
    (tmp_path / "c" / "side.html").write_text(_page("Gamma"), encoding="utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(_page("Alfa på disken"), encoding="utf-8")  # indexed as handed over
    index = SiteIndex({"a/index.html": _article("Alfa"), "kalender.ics": "BEGIN:VCALENDAR"}, FACTS, tmp_path)
    index.start_writing()
    index.finish_writing()
    records = search_records(tmp_path)
    assert sorted(records) == ["a/", "b/"], sorted(records)
    assert records["a/"]["meta"]["kind"] == "Part" and records["a/"]["meta"]["title"] == "Alfa", records["a/"]
    assert "monstre" in records["b/"]["content"], records["b/"]["content"]  # the spellings came along
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    assert not (tmp_path / "pagefind" / "pagefind-ui.js").exists(), "the ready-made interface was kept"


def test_a_stopped_pagefind_is_a_danish_error_not_a_hang(tmp_path, monkeypatch):
    """Pagefind that stops half-way gives a Danish error within seconds, never an index that waits for ever."""

    def stopped(config: dict[str, object]) -> PagefindService:
        service = PagefindService(config)
        service._process.kill()
        return service

    monkeypatch.setattr(pagefind_index, "PagefindService", stopped)
    pages = {f"p{number}/": _article(f"Side {number}") for number in range(50)}
    start = time.monotonic()
    with pytest.raises(PagefindError, match="Pagefind stoppede uventet"):
        build_index(pages, {}, {}, tmp_path / "pagefind", later=list)
    assert time.monotonic() - start < 10


def test_an_error_in_the_indexing_thread_is_a_danish_error_not_a_hang(tmp_path):
    """An unforeseen error in the indexing thread reaches the build as a Danish error when it waits, at once."""

    def broken() -> tuple[dict, list]:
        raise ValueError("ødelagt")

    index = SiteIndex({"a/index.html": _article("Alfa")}, FACTS, tmp_path, broken)
    start = time.monotonic()
    index.start_writing()
    with pytest.raises(SearchIndexError, match="Søgeindekset kunne ikke bygges: ValueError: ødelagt"):
        index.finish_writing()
    assert time.monotonic() - start < 10


def test_an_index_that_cannot_be_written_is_a_danish_error(tmp_path):
    """A site folder where the index cannot be written (a file named pagefind) is the build's Danish error."""
    (tmp_path / "pagefind").write_text("ikke en mappe", encoding="utf-8")
    index = SiteIndex({"a/index.html": _article("Alfa")}, FACTS, tmp_path)
    index.start_writing()
    with pytest.raises(SearchIndexError, match=r"Søgeindekset kunne ikke bygges: .*pagefind"):
        index.finish_writing()


def test_negative_control_a_request_pagefind_refuses_is_reported_in_danish():
    """Negative control for the happy path: a request Pagefind refuses (an unknown index) is an error, named."""
    service = PagefindService({"force_language": "da"})
    try:
        service._index = 999
        service.add_page("/x/", _page("X"))
        with pytest.raises(PagefindError, match="Pagefind afviste"):
            service.files()
    finally:
        service.close()


def test_close_stops_the_worker_and_can_be_called_twice(tmp_path):
    """A build stopped half-way stops its indexing: its thread is joined, nothing written; closing twice is safe."""
    index = SiteIndex({"a/index.html": _article("Alfa")}, FACTS, tmp_path)
    index.close()
    index.close()
    assert not index._worker.is_alive(), "the indexing thread still runs after close()"
    assert not (tmp_path / "pagefind").exists(), "a stopped index was written all the same"


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


def test_finish_site_indexes_and_gates_a_site_any_builder_wrote(built_site, tmp_path):
    """finish_site needs nothing from mkdocs: given a written site without an index, it indexes the pages on disk
    and gates the site; a page with a CPR number written into it stops it (control)."""
    import shutil

    from vidensportal.finish import finish_site
    from vidensportal.load import load_build

    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    build = load_build(ROOT, ROOT / "docs", {"klassifikation": "intern"})
    report, _ = finish_site(site, build, "")
    assert report is None and "aftalen/" in search_records(site), report
    (site / "aftalen" / "index.html").write_text("<p>010190-1234</p>", encoding="utf-8")
    report, _ = finish_site(site, build, "")
    assert report and "aftalen/index.html" in report, report
