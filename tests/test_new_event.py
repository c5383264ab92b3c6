"""tools/new_event.py: the scaffolded event file is named from date and title, loads, builds, and errors are clean."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tools.new_event import MAX_SLUG, slugify
from vidensportal.catalog import load_catalog

from .support import ROOT, build_ok

TITLE = "Rekruttering til bandemiljøet: hvad virker?"
DAY = "2026-03-12"
STEM = "2026-03-12-rekruttering-til-bandemiljoeet-hvad-virker"


def scaffold(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    """Run the tool as `make ny-seminar` does, from the repository, writing into `data_dir`."""
    command = [sys.executable, "-m", "tools.new_event", *args, "--data-dir", str(data_dir)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)


def assert_clean_error(result: subprocess.CompletedProcess, *words: str) -> None:
    """Exit 2, one Danish line on stderr naming `words`, nothing on stdout and no traceback."""
    shown = f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    assert result.returncode == 2, f"expected exit code 2:\n{shown}"
    assert "Traceback" not in result.stderr, f"the tool printed a traceback:\n{shown}"
    assert len(result.stderr.strip().splitlines()) == 1, f"expected exactly one line on stderr:\n{shown}"
    assert result.stderr.startswith("Fejl: "), f"the message is not the Danish 'Fejl: …' line:\n{shown}"
    assert all(w in result.stderr for w in words), f"the message does not mention {words}:\n{shown}"
    assert not result.stdout, f"nothing should be printed on stdout on an error:\n{shown}"


def event_files(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((project / "data" / "seminarer").glob("*.yml"))}


@pytest.fixture
def scaffolded(project: Path) -> Path:
    """The project copy with the example title scaffolded into it; returns the new file."""
    result = scaffold(project / "data", "--titel", TITLE, "--dato", DAY)
    assert result.returncode == 0, f"scaffolding failed with exit {result.returncode}:\n{result.stderr}"
    path = project / "data" / "seminarer" / f"{STEM}.yml"
    assert path.is_file(), f"{path.name} was not written; the folder holds {sorted(event_files(project))}"
    assert path.name in result.stdout, f"the written path is not printed:\n{result.stdout}"
    assert "make serve" in result.stdout, f"the next-step hint is missing:\n{result.stdout}"
    return path


def test_scaffolded_file_is_named_from_date_and_title_and_loads(scaffolded: Path, project: Path):
    """The file is <dato>-<slug>.yml, and the catalog accepts it with the title unchanged."""
    assert slugify(TITLE) == STEM.removeprefix(f"{DAY}-"), f"slug of {TITLE!r} is {slugify(TITLE)!r}"
    catalog = load_catalog(project / "data")
    assert STEM in catalog.events, f"the catalog has no event {STEM!r}; it has {sorted(catalog.events)}"
    event = catalog.events[STEM]
    assert event.title == TITLE, f"the title changed on the way through YAML: {event.title!r}"
    assert (event.day.isoformat(), event.kind, event.status, event.classification) == (
        DAY,
        "vidensseminar",
        "planlagt",
        "intern",
    ), f"unexpected defaults: {event.day}, {event.kind}, {event.status}, {event.classification}"


@pytest.mark.slow
def test_scaffolded_file_builds_into_its_own_page(scaffolded: Path, project: Path):
    """A strict mkdocs build with the new file succeeds and gives seminarer/<stem>/ with the title."""
    site = build_ok(project)
    page = site / "seminarer" / STEM / "index.html"
    assert page.is_file(), f"{page.relative_to(site)} was not built"
    assert TITLE in page.read_text(encoding="utf-8"), f"the title {TITLE!r} is not on {page.relative_to(site)}"


@pytest.mark.parametrize(
    "title",
    ['Oplæg: "Hvad virker?" #2', "It's a 'quote' – og: kolon", "- [liste] & {mængde} *stjerne* ! % @ `"],
)
def test_title_with_yaml_syntax_survives(project: Path, title: str):
    """A title with ':', quotes, '#' or other YAML syntax is written so it loads back unchanged."""
    result = scaffold(project / "data", "--titel", title, "--dato", DAY, "--type", "netværksmøde")
    assert result.returncode == 0, f"scaffolding {title!r} failed:\n{result.stderr}"
    stem = f"{DAY}-{slugify(title)}"
    event = load_catalog(project / "data").events.get(stem)
    assert event is not None, f"no event {stem!r} in the catalog after scaffolding {title!r}"
    assert (event.title, event.kind) == (title, "netværksmøde"), f"loaded back as {event.title!r}, {event.kind!r}"


@pytest.mark.parametrize(("day", "words"), [("2026-02-30", ("2026-02-30",)), ("12-03-2026", ("ÅÅÅÅ-MM-DD",))])
def test_bad_date_is_a_clean_error(project: Path, day: str, words: tuple[str, ...]):
    """A date that is not a real YYYY-MM-DD day exits 2 with one Danish line and writes nothing."""
    before = event_files(project)
    assert_clean_error(scaffold(project / "data", "--titel", TITLE, "--dato", day), *words)
    assert event_files(project) == before, "a file was written although the date was bad"


def test_existing_file_is_never_overwritten(scaffolded: Path, project: Path):
    """Scaffolding the same date and title again exits 2 and leaves the filled-in file as it was."""
    scaffolded.write_text(scaffolded.read_text(encoding="utf-8") + "# udfyldt af en bidragyder\n", encoding="utf-8")
    before = scaffolded.read_bytes()
    assert_clean_error(scaffold(project / "data", "--titel", TITLE, "--dato", DAY), "findes allerede")
    assert scaffolded.read_bytes() == before, "the existing file was changed"


@pytest.mark.parametrize("title", ["", "   "])
def test_empty_title_is_a_clean_error(project: Path, title: str):
    """An empty title (as `make ny-seminar` passes when TITEL is unset) exits 2 and writes nothing."""
    before = event_files(project)
    assert_clean_error(scaffold(project / "data", "--titel", title, "--dato", DAY), "titlen mangler")
    assert event_files(project) == before, "a file was written although the title was empty"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--titel", TITLE, "--dato", DAY, "--type", "fest"), ("fest",)),
        (("--titel", "?!", "--dato", DAY), ("filnavn",)),
        (("--titel", TITLE), ("datoen mangler",)),
        (("--titel", TITLE, "--dato", DAY, "--ukendt"), ("--ukendt",)),
    ],
)
@pytest.mark.slow
def test_other_bad_input_is_a_clean_error(project: Path, args: tuple[str, ...], words: tuple[str, ...]):
    """An unknown type, a title without letters, a missing date or an unknown option exits 2 cleanly."""
    before = event_files(project)
    assert_clean_error(scaffold(project / "data", *args), *words)
    assert event_files(project) == before, f"a file was written for {args}"


def test_negative_control_slug_transliterates_danish_letters():
    """Negative control: æ, ø and å (also uppercase) become ae, oe and aa, and punctuation goes."""
    assert slugify("Æble Øl Å!") == "aeble-oel-aa", f"slug is {slugify('Æble Øl Å!')!r}"


def test_long_title_is_cut_at_a_word_boundary():
    """A long title gives a slug of at most MAX_SLUG characters, cut between words."""
    title = "Vidensseminar om forebyggelse af rekruttering blandt unge i udsatte boligområder"
    uncut = "vidensseminar-om-forebyggelse-af-rekruttering-blandt-unge-i-udsatte-boligomraader"
    slug = slugify(title)
    assert 0 < len(slug) <= MAX_SLUG, f"slug {slug!r} is {len(slug)} characters long"
    assert uncut.startswith(f"{slug}-"), f"slug {slug!r} is not the title's slug cut between two words"


def test_tool_does_not_import_mkdocs():
    """The tool runs without loading mkdocs, mkdocs-macros or Material."""
    code = "import json, sys, tools.new_event; print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = {"mkdocs", "mkdocs_macros", "material"} & set(json.loads(result.stdout))
    assert not loaded, f"importing tools.new_event loads {sorted(loaded)}"
