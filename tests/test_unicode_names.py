"""Files under docs/ may have æ, ø and å in their names: the guards' caches remember them like any other."""

from __future__ import annotations

import shutil

import pytest

from tools.project import ROOT
from vidensportal.guards.clean_cache import CleanContent
from vidensportal.guards.sources import check_files


def test_the_clean_cache_keeps_danish_file_names(tmp_path):
    """A key naming 'Oplæg.pdf' is saved and found again by the next build (UTF-8, not ASCII)."""
    first = CleanContent(tmp_path, ["regler"])
    first.add("abc materialer/plain.pdf")  # negative control: an ASCII name
    first.add("def materialer/Oplæg.pdf")
    first.save()
    again = CleanContent(tmp_path, ["regler"])
    found = [key for key in ("abc materialer/plain.pdf", "def materialer/Oplæg.pdf") if key in again]
    assert len(found) == 2, f"keys not remembered across builds: {found}"


def test_the_source_guard_reads_a_danish_file_name(tmp_path):
    """check_files on docs/Oplæg.pdf (twice, the second from the cache) finds nothing and raises nothing."""
    pdf = tmp_path / "Oplæg.pdf"
    shutil.copy(ROOT / "docs/materialer/eksempel-oplaeg-rekruttering.pdf", pdf)
    files = [(pdf.relative_to(tmp_path), pdf)]
    for round_ in ("first", "cached"):
        problems = check_files(files, (), tmp_path / "cache")
        assert problems == [], f"{round_}: {problems}"


@pytest.mark.slow
def test_a_file_with_a_danish_name_under_docs_builds(project):
    """docs/Oplæg.pdf, used by no material, no longer stops the build (twice: the second from the cache)."""
    from .support import build_log

    shutil.copy(ROOT / "docs/materialer/eksempel-oplaeg-rekruttering.pdf", project / "docs" / "Oplæg.pdf")
    for _ in range(2):
        output = build_log(project)
        assert "UnicodeEncodeError" not in output and "kildevagten" not in output, output
