"""The search index is fed page by page while the site is rendered, and Pagefind's failures are Danish errors."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import pytest

from vidensportal.search.indexer import SearchIndexError, SiteIndex
from vidensportal.search.page_facts import PageFacts
from vidensportal.search.pagefind_service import PagefindError, PagefindService

ARTICLE = (
    '<html><body><article class="md-content__inner md-typeset"><h1>{title}</h1><p>{text}</p></article></body></html>'
)
FACTS = {"a/": PageFacts(kind="Part", names=("Alfa",))}


def _page(title: str, text: str = "Rekrutteringsmønstre i bandemiljøet.") -> str:
    return ARTICLE.format(title=title, text=text)


def _indexed(site: Path) -> dict[str, dict]:
    """Pagefind's fragment records of `site`, by URL."""
    records = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        record = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        records[record["url"]] = record
    return records


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
    records = _indexed(tmp_path)
    assert sorted(records) == ["/a/", "/b/"], sorted(records)
    assert records["/a/"]["meta"]["kind"] == "Part" and records["/a/"]["meta"]["title"] == "Alfa", records["/a/"]
    assert "monstre" in records["/b/"]["content"], records["/b/"]["content"]  # the spellings came along
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
