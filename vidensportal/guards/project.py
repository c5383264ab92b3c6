"""The guards that run before anything is built: the project's boundary and CPR numbers in its sources."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from vidensportal.errors import Problem
from vidensportal.guards.boundary import links_leaving, misspelt_yaml, reserved_file_names
from vidensportal.guards.cpr import _digits, cpr_problem, find_cpr_numbers
from vidensportal.guards.sources import check_sources
from vidensportal.paths import MATERIALS_DIR, SOURCE_GUARD_CACHE, cache_dir


def check_project(root: Path, docs_dir: Path, allow: Collection[str]) -> list[Problem]:
    """Every problem with the project's boundary and every CPR number in its sources. data/'s .yml files are
    left to the catalog, which checks each value as it reads it."""
    data = root / "data"
    problems = links_leaving(root, docs_dir, data, guarded=docs_dir / MATERIALS_DIR)
    problems += reserved_file_names(docs_dir) + misspelt_yaml(data)
    read_by_catalog = list(data.rglob("*.yml")) if data.is_dir() else []
    allowed = {_digits(entry) for entry in allow}
    for path in read_by_catalog:  # their names become ids and addresses, so the names are checked here
        shown = path.relative_to(root)
        problems += [
            cpr_problem(shown, None, found)
            for _, found in find_cpr_numbers(shown.as_posix())
            if _digits(found) not in allowed
        ]
    return problems + check_sources(
        root, docs_dir, allow, skip=read_by_catalog, cache_dir=cache_dir(root, SOURCE_GUARD_CACHE)
    )
