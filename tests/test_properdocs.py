"""The road past MkDocs 1.6.1: ProperDocs, the maintained fork, builds the same site from the same mkdocs.yml."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .support import ROOT

GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def published(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}


def differences(ours: Path, theirs: Path) -> list[str]:
    """Files only one site has, and HTML pages that differ beyond the generator tag."""
    mine, other = published(ours), published(theirs)
    found = [f"only with mkdocs: {p}" for p in sorted(mine - other)]
    found += [f"only with ProperDocs: {p}" for p in sorted(other - mine)]
    for page in sorted(p for p in mine & other if p.endswith(".html")):
        a, b = ((site / page).read_text(encoding="utf-8") for site in (ours, theirs))
        if GENERATOR.sub("", a) != GENERATOR.sub("", b):
            found.append(f"differs: {page}")
    return found


def build_with(tool: str, out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795000000"}
    command = [sys.executable, "-m", tool, "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
    result = subprocess.run(command, cwd=out.parent, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, f"{tool} build failed:\n{result.stdout}\n{result.stderr}"


@pytest.mark.slow
def test_properdocs_builds_the_same_pages_as_mkdocs(tmp_path):
    """ProperDocs publishes the same files as mkdocs, with pages equal apart from the generator tag."""
    build_with("mkdocs", tmp_path / "mkdocs")
    build_with("properdocs", tmp_path / "properdocs")
    found = differences(tmp_path / "mkdocs", tmp_path / "properdocs")
    assert not found, "\n".join(found)


def test_negative_control_a_missing_page_and_a_changed_page_are_seen(tmp_path):
    """Negative control: the comparison reports a file only one site has and a page that differs."""
    for name, body in (("a", "<p>a</p>"), ("b", "<p>b</p>")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(body, encoding="utf-8")
    (tmp_path / "a" / "extra.html").write_text("x", encoding="utf-8")
    assert differences(tmp_path / "a", tmp_path / "b") == ["only with mkdocs: extra.html", "differs: index.html"]
