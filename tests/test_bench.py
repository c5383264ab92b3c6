"""`make bench` runs end to end on a tiny corpus and prints every figure the issue asks for (no timing checked)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .support import ROOT

FIGURES = [
    "build time:",
    "pages per second",
    "largest page:",
    "search index:",
    "wall time ratio ours/plain",
    "CPU time ratio ours/plain",
    "CPU seconds by stage",
    "search text",
    "calendars",
    "scaling ratio",
    "search bytes:",
    "search time:",
    "search bytes ratio (4× / 1×)",
    "search time to first result, 4× minus 1×",
]


@pytest.mark.slow
def test_bench_runs_and_prints_its_figures(tmp_path):
    """The benchmark exits 0 on a tiny corpus and prints both builds' figures, the ratio, the scaling, and the
    search's bytes and times at 1× and 4× measured in Chromium."""
    command = [sys.executable, "-m", "tools.bench", "--size", "0.02", "--runs", "1", "--work", str(tmp_path)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    output = result.stdout + result.stderr
    missing = [figure for figure in FIGURES if figure not in output]
    assert result.returncode == 0 and not missing, f"exit {result.returncode}, missing {missing}:\n{output[-3000:]}"
    assert "Traceback" not in output, output[-3000:]


@pytest.mark.slow
def test_negative_control_a_failing_build_is_reported_not_hidden(tmp_path):
    """Negative control: a corpus that cannot build makes the benchmark exit non-zero with mkdocs' message."""
    from tools.bench.corpus import make_corpus
    from tools.bench.measure import BuildFailed, build

    project = tmp_path / "projekt"
    make_corpus(project, 0.01)
    (project / "data" / "spor.yml").write_text("- id: [\n", encoding="utf-8")
    with pytest.raises(BuildFailed, match=r"spor\.yml"):
        build(project / "mkdocs.yml", tmp_path / "site")
