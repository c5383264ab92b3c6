"""Fixtures: a private copy of the project, the shipped catalog once per session, the shipped site built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from vidensportal.catalog import load_catalog

from .support import ROOT, copy_project, run_build


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "projekt")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped project, built once, with mkdocs run from another folder than the project (see run_build)."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = run_build(ROOT, out)
    assert result.returncode == 0, f"the shipped site does not build:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def catalog():
    """The shipped data/, read once for every test that only reads it."""
    return load_catalog(ROOT / "data")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that reads the built site builds it (once), so it is slow like the builds themselves."""
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
