"""Round trip through the editor: every file in data/ and every page in docs/, loaded and saved by Decap CMS's own
formats (decap-cms-core, run in Node), gives the same catalog and the same built pages."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest

from tools.rediger import node
from vidensportal.catalog import load_catalog

from .support import BUILD_ENV, ROOT, build_ok, copy_project

pytestmark = pytest.mark.slow  # builds the site twice

ROUNDTRIP = ROOT / "tests" / "editor_roundtrip.mjs"
FORMATS = ROOT / "node_modules" / "decap-cms-core" / "dist" / "esm" / "formats"


def _through_the_editor(project: Path) -> list[str]:
    """Load and save every data file and Markdown page of `project` with Decap's formats; the files touched."""
    files = sorted(p.relative_to(project).as_posix() for p in (project / "data").rglob("*.yml"))
    files += sorted(p.relative_to(project).as_posix() for p in (project / "docs").rglob("*.md"))
    result = subprocess.run(
        [node(), ROUNDTRIP, project, *files], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, f"Decap's formats failed:\n{result.stderr}"
    return files


def _differences(one, other) -> list[str]:
    """The catalog fields that differ (warnings by their text: their line numbers follow the file's layout)."""
    differ = []
    for field in dataclasses.fields(one):
        a, b = getattr(one, field.name), getattr(other, field.name)
        if field.name == "warnings":
            a, b = [w.message for w in a], [w.message for w in b]
        if a != b:
            differ.append(field.name)
    return differ


@pytest.fixture(scope="module")
def projects(tmp_path_factory):
    if not FORMATS.is_dir() or not node().is_file():
        pytest.skip("Decap CMS or Node is not installed (make test installs them)")
    original = copy_project(tmp_path_factory.mktemp("original") / "projekt")
    saved = copy_project(tmp_path_factory.mktemp("gemt") / "projekt")
    files = _through_the_editor(saved)
    return original, saved, files


def test_round_trip_keeps_every_record(projects):
    """The catalog read from the files as the editor saves them equals the catalog read from the files as written."""
    original, saved, files = projects
    assert any(f.startswith("data/seminarer/") for f in files) and any(f.endswith(".md") for f in files), files
    changed = [f for f in files if (original / f).read_bytes() != (saved / f).read_bytes()]
    assert changed, "the editor's formats changed no file: the round trip proves nothing"  # comments are dropped
    before = load_catalog(original / "data", docs_dir=original / "docs")
    after = load_catalog(saved / "data", docs_dir=saved / "docs")
    assert not _differences(before, after), f"records changed by the round trip: {_differences(before, after)}"


def test_round_trip_keeps_every_page_and_its_markdown(projects):
    """Every Markdown page (macro calls, admonitions, attribute lists included) comes back byte for byte, and the
    two builds give the same HTML on every page."""
    original, saved, files = projects
    pages = [f for f in files if f.endswith(".md")]
    altered = [f for f in pages if (original / f).read_bytes() != (saved / f).read_bytes()]
    assert not altered, f"pages changed by the editor's format: {altered}"
    sites = [build_ok(project, env=BUILD_ENV) for project in (original, saved)]
    html = [{p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")} for site in sites]
    differ = sorted(name for name in html[0].keys() | html[1].keys() if html[0].get(name) != html[1].get(name))
    assert not differ, f"pages built differently after the round trip: {differ}"
