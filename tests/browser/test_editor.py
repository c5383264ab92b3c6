"""The editor at /redaktion/ as a contributor uses it: Decap CMS in Chromium, saving through its local backend
(decap-server on 127.0.0.1) into a copy of the project, which is then checked and built as usual."""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from pathlib import Path

import pytest
from pptx import Presentation

from tools.make_example_pdf import write_pdf
from tools.rediger import start_backend

from ..support import ROOT, copy_project, replace_in, run_build, run_tjek
from .conftest import Visit, _QuietHandler, require

pytestmark = pytest.mark.slow  # builds the site twice and opens a browser

SERIOUS = {"serious", "critical"}
WAIT = 30_000  # ms: the bundle is large and the machine may be busy
TITLE = "Seminar om exit fra bandemiljøet"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Editor:
    """A copy of the project with node_modules, its site served on 127.0.0.1, and Decap's local backend on it."""

    def __init__(self, base: Path):
        self.project = copy_project(base / "projekt")
        (self.project / "node_modules").symlink_to(ROOT / "node_modules")
        port = _free_port()
        replace_in(self.project / "docs" / "redaktion" / "config.yml", ":8081/", f":{port}/")
        self.site = base / "site"
        built = run_build(self.project, self.site)
        assert built.returncode == 0, f"the copy did not build:\n{built.stdout}{built.stderr}"
        handler = functools.partial(_QuietHandler, directory=str(self.site))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/redaktion/"
        self.backend = start_backend(self.project, port)

    def close(self) -> None:
        self.backend.terminate()
        self.backend.wait(timeout=10)
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    require((ROOT / "node_modules" / "decap-cms").is_dir(), "Decap CMS is not installed in node_modules")
    running = Editor(tmp_path_factory.mktemp("redaktion"))
    yield running
    running.close()


def _open(visit: Visit, editor: Editor, route: str = "") -> None:
    """The editor, logged in to the local backend, at `route` (e.g. collections/seminarer/new)."""
    visit.page.goto(editor.url)
    visit.page.get_by_role("button", name="Log ind").click(timeout=WAIT)
    if route:
        visit.page.goto(f"{editor.url}#/{route}")


def _field(visit: Visit, label: str, nth: int = 0):
    return visit.page.get_by_label(label, exact=True).nth(nth)


def _choose(visit: Visit, label: str, option: str, nth: int = 0) -> None:
    """Pick `option` in a select widget (react-select) labelled `label`."""
    _field(visit, label, nth).click()
    visit.page.get_by_text(option, exact=True).last.click()


def _publish(visit: Visit) -> None:
    """Publish the entry (the local backend writes it at once) and wait for Decap to say it is done."""
    visit.page.get_by_role("button", name="Publicer").first.click()
    visit.page.get_by_text("Publicer nu", exact=True).click()
    visit.page.get_by_text("Ændringer gemt", exact=True).wait_for(timeout=WAIT)


def test_editor_creates_a_seminar_with_two_files(visit, editor, tmp_path):
    """Through the form alone: a seminar with a PDF and a PowerPoint; the YAML lands in data/seminarer/, the files in
    docs/materialer/, make tjek passes and the built page shows the seminar and its materials."""
    pdf, slides = tmp_path / "exit-oplaeg.pdf", tmp_path / "exit-dias.pptx"
    write_pdf(pdf, "Oplæg om exit", ["Et oplæg fra seminaret."])
    deck = Presentation()
    deck.slides.add_slide(deck.slide_layouts[5]).shapes.title.text = "Dias om exit"
    deck.save(slides)
    _open(visit, editor, "collections/seminarer/new")
    page = visit.page
    try:
        _field(visit, "Titel").fill(TITLE, timeout=WAIT)
        _choose(visit, "Type", "vidensseminar")
        _field(visit, "Dato").fill("2026-05-20")
        _field(visit, "Start").fill("13:00")
        _field(visit, "Slut").fill("15:00")
        _field(visit, "Sted").fill("Rådhuset")
        _choose(visit, "Status", "planlagt")
        _choose(visit, "Spor", "forebyggelse")
        page.get_by_role("button", name="Tilføj arrangører").click()
        _field(visit, "Part").fill("sikker-by")
        _field(visit, "Målgruppe").fill("Medarbejdere i SSP")
        _field(visit, "Beskrivelse").fill("Et seminar om exit.")
        _choose(visit, "Klassifikation", "intern")
        for n, (path, name) in enumerate(((pdf, "exit-oplaeg"), (slides, "exit-dias"))):
            page.get_by_role("button", name="Tilføj Materiale").click()
            _field(visit, "Id", n).fill(name)
            _field(visit, "Titel", n + 1).fill(f"Materiale {name}")
            _choose(visit, "Type", "oplæg", n + 1)
            _field(visit, "Dato", n + 1).fill("2026-05-20")
            _choose(visit, "Klassifikation", "intern", n + 1)
            page.get_by_role("button", name="Vælg fil").first.click()
            page.locator("input[type=file]").set_input_files(path)
            page.get_by_role("button", name="Anvend valgte").click()
        _publish(visit)
    finally:
        page.screenshot(path=tmp_path / "redaktion.png", full_page=True)  # what the form showed, for a failure
    project = editor.project
    saved = [path for path in (project / "data" / "seminarer").glob("*.yml") if TITLE in path.read_text("utf-8")]
    uploaded = {path.name for path in (project / "docs" / "materialer").iterdir()}
    assert len(saved) == 1 and {"exit-oplaeg.pdf", "exit-dias.pptx"} <= uploaded, (saved, uploaded)
    assert not visit.errors and not visit.outside, f"console errors {visit.errors}, requests elsewhere {visit.outside}"
    tjek = run_tjek(project)
    assert tjek.returncode == 0, f"make tjek refused what the editor saved:\n{tjek.stdout}{tjek.stderr}"
    site = tmp_path / "site"
    built = run_build(project, site)
    assert built.returncode == 0, f"the build refused what the editor saved:\n{built.stdout}{built.stderr}"
    seminar = (site / "seminarer" / saved[0].stem / "index.html").read_text("utf-8")
    links = ["materialer/exit-oplaeg.pdf", "materialer/exit-dias.pptx"]
    assert TITLE in seminar and all(link in seminar for link in links), "the seminar's page lacks it or its files"
    assert all((site / link).is_file() for link in links), "the uploaded files were not published"
