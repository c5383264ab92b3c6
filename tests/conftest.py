"""Shared fixtures: a private copy of the project, and building it with mkdocs as a user would."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.project import ROOT, copy_project

# The Markdown extensions the site's pages go through: mkdocs.yml's, plus the three MkDocs always adds.
SITE_MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "admonition", "toc", "tables", "fenced_code"]


def run_build(project: Path, site: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site`, run from another folder than the project."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    return subprocess.run(
        [*command, *extra], cwd=site.parent, env=env, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "projekt")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped project, built once for every test that only reads the result."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = run_build(ROOT, out)
    assert result.returncode == 0, f"the shipped site does not build:\n{result.stdout}\n{result.stderr}"
    return out


def build_log(project: Path, site: Path | None = None, env: dict | None = None) -> str:
    """Build `project`, fail the test with mkdocs' own output if the build fails, and return that output."""
    result = run_build(project, site or project.parent / "site", env=env)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def build_ok(project: Path, site: Path | None = None, env: dict | None = None) -> Path:
    """Build `project` (see build_log) and return the built site's folder."""
    site = site or project.parent / "site"
    build_log(project, site, env)
    return site


def build_fails(project: Path) -> str:
    """Build `project`, expect a clean failure (non-zero exit, no traceback) and return its output."""
    site = project.parent / "site"
    result = run_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed but exited 0:\n{output}"
    assert "Traceback" not in output, f"the build printed a Python traceback:\n{output}"
    return output


def search_files(site: Path) -> dict[str, bytes]:
    """Every file of the built Pagefind index (site/pagefind/), gzip unpacked, by site-relative path."""
    files = {}
    for path in (site / "pagefind").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(site).as_posix()] = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    return files


def search_records(site: Path) -> dict[str, dict]:
    """The pages in the built search index by URL ('parter/eas/'): text, title and labels as Pagefind holds them."""
    records = {}
    for name, data in search_files(site).items():
        if name.endswith(".pf_fragment"):
            record = json.loads(data.removeprefix(b"pagefind_dcd"))
            records[record["url"].lstrip("/")] = record
    return records
