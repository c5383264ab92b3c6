"""The editor at /redaktion/ as a contributor uses it: Decap CMS in Chromium, saving through its local backend
(decap-server on 127.0.0.1) into a copy of the project, which is then checked and built as usual."""

from __future__ import annotations

import functools
import http.server
import re
import socket
import threading
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from tools.make_example_pdf import write_pdf
from tools.rediger import start_backend

from ..support import ROOT, copy_project, replace_in, run_build, run_tjek
from .conftest import Visit, _QuietHandler, require

pytestmark = pytest.mark.slow  # builds the site twice and opens a browser

SERIOUS = {"serious", "critical"}
WAIT = 30_000  # ms: the bundle is large and the machine may be busy
TITLE = "Seminar om exit fra bandemiljøet"
CONFIDENTIAL_TITLE = "Fortroligt oplæg om rekruttering"


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


def _field(visit: Visit, key: str, nth: int = 0):
    """The `nth` form control of the YAML key `key`: Decap gives each control the id `<key>-field-<n>`, so the test
    does not depend on the labels the configuration gives."""
    return visit.page.locator(f'[id^="{key}-field-"]').nth(nth)


def _add_item(visit: Visit, key: str) -> None:
    """Press the add button ("Tilføj …") of the list widget of `key`."""
    _field(visit, key).get_by_role("button", name=re.compile("^Tilføj")).first.click()


def _choose(visit: Visit, key: str, option: str, nth: int = 0, within=None) -> None:
    """Pick the option labelled `option` in the select or relation widget (react-select) of `key`, the `nth` such
    field of the page or of the locator `within`."""
    scope = within if within is not None else visit.page
    scope.locator(f'[id^="{key}-field-"]:visible').nth(nth).click()  # Decap keeps hidden copies of list fields
    visit.page.get_by_role("option", name=option, exact=True).click()


def _expand(widget) -> None:
    """Open every collapsed item of the list widget `widget` (Decap shows list items collapsed)."""
    buttons = widget.get_by_test_id("expand-button")
    for n in range(buttons.count()):
        if buttons.nth(n).get_attribute("aria-label") == "Expand":
            buttons.nth(n).click()


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
        _field(visit, "titel").fill(TITLE, timeout=WAIT)
        _choose(visit, "type", "Vidensseminar")
        _field(visit, "dato").fill("2026-05-20")
        _field(visit, "start").fill("13:00")
        _field(visit, "slut").fill("15:00")
        _field(visit, "sted").fill("Eksempel: Rådhuset")
        _choose(visit, "status", "Planlagt")
        _choose(visit, "spor", "Forebyggelse")  # a relation to the tracks in data/spor.yml
        _choose(visit, "arrangører", "Sikker By")  # a relation to the parties in data/parter/
        _field(visit, "målgruppe").fill("Medarbejdere i SSP")
        _field(visit, "beskrivelse").fill("Et seminar om exit.")
        _choose(visit, "klassifikation", "Intern")
        materials = _field(visit, "materialer")
        for n, (path, name) in enumerate(((pdf, "exit-oplaeg"), (slides, "exit-dias"))):
            _add_item(visit, "materialer")
            _expand(materials)
            materials.locator('[id^="id-field-"]:visible').nth(n).fill(name)
            materials.locator('[id^="titel-field-"]:visible').nth(n).fill(f"Materiale {name}")
            _choose(visit, "type", "Oplæg", n, within=materials)
            materials.locator('[id^="dato-field-"]:visible').nth(n).fill("2026-05-20")
            _choose(visit, "klassifikation", "Intern", n, within=materials)
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


def test_editor_refuses_an_invalid_entry_in_danish(visit, editor):
    """A seminar with a required field left empty and a wrong clock time is not saved: the form says so in
    Danish, and nothing is written to data/seminarer/."""
    before = sorted((editor.project / "data" / "seminarer").iterdir())
    _open(visit, editor, "collections/seminarer/new")
    _field(visit, "titel").fill("Et seminar uden dato", timeout=WAIT)
    _field(visit, "start").fill("1300")
    visit.page.get_by_role("button", name="Publicer").first.click()
    visit.page.get_by_text("Publicer nu", exact=True).click()
    visit.page.get_by_text("Ups, du mangler et påkrævet felt").wait_for(timeout=WAIT)
    required = visit.page.get_by_text("er påkrævet.")
    assert required.count() > 0, "no field says in Danish that it is required"
    assert sorted((editor.project / "data" / "seminarer").iterdir()) == before, "an invalid seminar was saved"
    assert not visit.outside, f"requests elsewhere {visit.outside}"


def test_a_material_marked_fortrolig_in_the_editor_is_withheld(visit, editor, tmp_path):
    """The example seminar's material set to 'fortrolig' in the form is held back by the build: no page, no file."""
    _open(visit, editor, "collections/seminarer/entries/2026-03-12-eksempel-rekruttering")
    materials = _field(visit, "materialer")
    materials.wait_for(timeout=WAIT)
    try:
        _expand(materials)
        # The example's title is also a programme item's, which is published: the material gets another.
        materials.locator('[id^="titel-field-"]:visible').first.fill(CONFIDENTIAL_TITLE)
        _choose(visit, "klassifikation", "Fortrolig", 0, within=materials)
        _publish(visit)
    finally:
        visit.page.screenshot(path=tmp_path / "redaktion.png", full_page=True)
    saved = (editor.project / "data" / "seminarer" / "2026-03-12-eksempel-rekruttering.yml").read_text("utf-8")
    assert "klassifikation: fortrolig" in saved and CONFIDENTIAL_TITLE in saved, saved
    site = tmp_path / "site"
    built = run_build(editor.project, site)
    assert built.returncode == 0, f"the build failed:\n{built.stdout}{built.stderr}"
    leaked = [
        p
        for p in ("materialer/eksempel-oplaeg-rekruttering/index.html", "materialer/eksempel-oplaeg-rekruttering.pdf")
        if (site / p).exists()
    ]
    leaked += [p.name for p in site.rglob("*.html") if CONFIDENTIAL_TITLE in p.read_text("utf-8")]
    assert not leaked and "udgives ikke" in built.stderr, f"published though fortrolig: {leaked}\n{built.stderr}"
    assert not visit.errors and not visit.outside, f"console errors {visit.errors}, requests elsewhere {visit.outside}"


def test_editor_edits_a_party(visit, editor, tmp_path):
    """A party's role changed in the form is saved in its own file and shown on the party's page."""
    config = yaml.safe_load((editor.project / "docs" / "redaktion" / "config.yml").read_text("utf-8"))
    parties = [c["name"] for c in config["collections"] if c.get("folder") == "data/parter"]
    if not (editor.project / "data" / "parter").is_dir() or not parties:
        pytest.skip("the parties are not yet one file each in data/parter/")
    role = "Sekretariat for vidensdeling i samarbejdet"
    _open(visit, editor, f"collections/{parties[0]}/entries/eas")
    _field(visit, "rolle").fill(role, timeout=WAIT)
    _publish(visit)
    assert role in (editor.project / "data" / "parter" / "eas.yml").read_text("utf-8"), "the role was not saved"
    site = tmp_path / "site"
    built = run_build(editor.project, site)
    assert built.returncode == 0, f"the build failed:\n{built.stdout}{built.stderr}"
    assert role in (site / "parter" / "eas" / "index.html").read_text("utf-8"), "the party's page lacks the role"


# Decap's own list widget (its drag handle and its unnamed collapse and remove icons) is not the project's to name;
# everything the configuration, the page and redaktion.css make is checked.
DECAP_INTERNALS = ['[aria-roledescription="sortable"]', '[class*="TopBarButton"]']


def _serious(page) -> list[str]:
    script = "exclude => axe.run({exclude: exclude.map(selector => [selector])}, {resultTypes: ['violations']})"
    result = page.evaluate(script, DECAP_INTERNALS)
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node['any'][0].get('data') if node['any'] else ''}"
        for v in result["violations"]
        if v["impact"] in SERIOUS
        for node in v["nodes"]
    ]


def test_editor_pages_have_no_serious_accessibility_problem(browser, editor, axe_source):
    """axe finds nothing serious or critical on the editor's page: its login, its collection list and a form."""
    # axe is injected as an inline script, which the editor's policy forbids: this context alone sets it aside.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    visit = Visit(context.new_page())
    page = visit.page
    page.goto(editor.url)
    login = page.get_by_role("button", name="Log ind")
    login.wait_for(timeout=WAIT)
    page.add_script_tag(content=axe_source)
    found = {"login": _serious(page)}
    login.click()
    for route, ready in (
        ("collections/seminarer", "[href*='entries/']"),
        ("collections/seminarer/new", "[id^='titel-']"),
    ):
        page.goto(f"{editor.url}#/{route}")
        page.locator(ready).first.wait_for(timeout=WAIT)
        found[route] = _serious(page)
    context.close()
    assert not any(found.values()), f"serious accessibility problems: {found}"
