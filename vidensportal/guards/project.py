"""The guards that run before anything is built: the project's boundary and CPR numbers in its sources."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from vidensportal.errors import Problem
from vidensportal.guards.boundary import links_leaving, misspelt_yaml, reserved_file_names
from vidensportal.guards.sources import check_sources
from vidensportal.paths import MATERIALS_DIR


def check_project(root: Path, docs_dir: Path, allow: Collection[str]) -> list[Problem]:
    """Every problem with the project's boundary and every CPR number in its sources. data/'s .yml files are
    left to the catalog, which checks each value as it reads it."""
    data = root / "data"
    problems = links_leaving(root, docs_dir, data, guarded=docs_dir / MATERIALS_DIR)
    problems += reserved_file_names(docs_dir) + misspelt_yaml(data)
    read_by_catalog = list(data.rglob("*.yml")) if data.is_dir() else []
    return problems + check_sources(root, docs_dir, allow, skip=read_by_catalog)
