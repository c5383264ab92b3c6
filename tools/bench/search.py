"""The search measured as staff meet it: Chromium loads the home page cold and types a query into the search box."""

from __future__ import annotations

import functools
import http.server
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]
# Words of the synthetic corpus (tools/bench/corpus.py) and of the shipped pages.
FIRST_QUERY = "rekruttering"
LATER_QUERIES = ("forebyggelse", "kriminalforsorg", "folgegruppen", "boligomrade", "netvaerk")
# The page records the time of each key press and of the first result of the query it was typed for.
TIMING = """
window.__keys = [];
document.addEventListener("keydown", () => window.__keys.push(performance.now()), true);
"""
FIRST_RESULT_MS = """q => new Promise(resolve => {
  const list = document.getElementById("vp-search-results");
  const done = () => list.dataset.query === q;
  if (done()) { resolve(performance.now() - window.__keys.at(-1)); return }
  new MutationObserver((_, observer) => {
    if (done()) { observer.disconnect(); resolve(performance.now() - window.__keys.at(-1)) }
  }).observe(list, {childList: true, attributes: true});
})"""


@dataclass(frozen=True)
class SearchFigures:
    """Bytes over the wire for a cold home page plus the first search; milliseconds from the last key press to
    the first result, for that first search and (median) for later ones."""

    cold_bytes: int
    first_ms: float
    later_ms: float
    results: int


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # silence the per-request log lines
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _type(page, query: str) -> tuple[float, int]:
    box = page.locator("#vp-search-input")
    box.fill("")
    page.evaluate(f"q => {{ window.__first = ({FIRST_RESULT_MS})(q) }}", query)
    box.press_sequentially(query)
    milliseconds = page.evaluate("window.__first")
    return milliseconds, page.locator("#vp-search-results li").count()


def measure_search(site: Path) -> SearchFigures:
    """Open the home page in a fresh Chromium profile, search, and measure; needs Playwright and Chromium."""
    from playwright.sync_api import sync_playwright

    with served(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        finished: list[int] = []
        page.on("requestfinished", lambda request: finished.append(_wire_bytes(request)))
        page.add_init_script(TIMING)
        page.goto(base_url, wait_until="networkidle")
        page.keyboard.press("/")
        first_ms, results = _type(page, FIRST_QUERY)
        page.wait_for_load_state("networkidle")
        cold_bytes = sum(finished)
        later = [_type(page, query)[0] for query in LATER_QUERIES]
        context.close()
        browser.close()
    return SearchFigures(cold_bytes, first_ms, statistics.median(later), results)


def _wire_bytes(request) -> int:
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]
