"""Shared fixtures: a private copy of the project, and building it with mkdocs as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.project import ROOT, copy_project

# The Markdown extensions the site's pages go through: mkdocs.yml's, plus the three MkDocs always adds.
SITE_MARKDOWN_EXTENSIONS = ["abbr", "attr_list", "md_in_html", "admonition", "toc", "tables", "fenced_code"]


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
