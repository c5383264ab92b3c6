"""The parts of the project a build reads, and a way to copy them elsewhere (tests, benchmark)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "data", "docs", "macros", "vidensportal", "overrides")


def copy_project(target: Path) -> Path:
    """Copy what a build reads into `target`, so it can be changed without touching the repo."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        else:
            shutil.copy2(source, target / part)
    return target
