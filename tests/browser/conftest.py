"""The browser-test harness: the built site served on 127.0.0.1, Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..support import ROOT

CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The flags that keep a headless Chromium quiet on a machine with no network (see the README).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# One page of each kind the site has.
PAGE_KINDS = {
    "forside": "",
    "aftalen": "aftalen/",
    "parter": "parter/",
    "part": "parter/eas/",
    "spor-oversigt": "spor/",
    "spor": "spor/forebyggelse/",
    "seminarer": "seminarer/",
    "seminar": "seminarer/2026-03-12-eksempel-rekruttering/",
    "materialer": "materialer/",
    "materiale": "materialer/eksempel-oplaeg-rekruttering/",
    "maal": "maal/",
    "foelgegruppe": "foelgegruppe/",
    "indsatser": "indsatser/",
    "aarsstatus": "aarsstatus/",
    "aarsstatus-aar": "aarsstatus/2026/",
    "emner": "tags/",
    "nyt": "nyt/",
    "forkortelser": "forkortelser/",
    "gennemgang": "gennemgang/",
    "bidrag": "bidrag/",
    "tilgaengelighed": "tilgaengelighed/",
}


def require(condition: bool, why: str) -> None:
    """Skip on a developer machine without the browser tools; in CI (CI set) their absence is a failure."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{why}: CI must run the browser tests (.ci/run installs what they need)")
    pytest.skip(f"{why} (install with: apt-get install chromium && npm ci)")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # silence the per-request log lines
        pass


@pytest.fixture(scope="session")
def base_url(built_site: Path):
    """The shipped site, served from a private copy on 127.0.0.1 for the length of the session."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    require(CHROMIUM.exists() or shutil.which("chromium") is not None, "Debian's chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class Visit:
    """A browser page that records console errors and every request that leaves 127.0.0.1."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if urlsplit(url).hostname not in ("127.0.0.1", None) and not url.startswith(("data:", "blob:")):
            self.outside.append(url)
            route.abort()
        else:
            route.continue_()


@pytest.fixture
def visit(browser):
    """A fresh page in a desktop-sized window, closed after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield Visit(context.new_page())
    context.close()


@pytest.fixture
def axe_source() -> str:
    """axe-core's source, to run with page.evaluate: the site's policy blocks an added inline <script> like any
    other, and so do string predicates of wait_for_function (they are eval'd; pass an arrow function)."""
    require(AXE.is_file(), "axe-core is not installed in node_modules")
    return AXE.read_text(encoding="utf-8")
