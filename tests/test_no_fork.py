"""Nothing forks the Python process: a build in process counts no os.fork and starts no multiprocessing, every
thread it starts is joined, and the site is the same under the fork, spawn and forkserver start methods."""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .support import BUILD_ENV, copy_project

# Runs one in-process build (mkdocs.commands.build.build with a loaded config) under a start method, with an audit
# hook counting forks and the programs started, and prints what it counted as JSON.
WATCHED_BUILD = """
import json, multiprocessing, sys, threading
from multiprocessing import process

method, config_file, site_dir = sys.argv[1:4]
multiprocessing.set_start_method(method)
counted = {"forks": 0, "processes": 0, "programs": []}

def audit(event, args):
    if event in ("os.fork", "os.forkpty"):
        counted["forks"] += 1
    elif event in ("subprocess.Popen", "os.posix_spawn", "os.exec", "os.spawn"):
        counted["programs"].append(str(args[0]))

sys.addaudithook(audit)
start = process.BaseProcess.start

def counting_start(self):
    counted["processes"] += 1
    return start(self)

process.BaseProcess.start = counting_start

from mkdocs.commands.build import build
from mkdocs.config import load_config

build(load_config(config_file=config_file, site_dir=site_dir, strict=True))
counted["threads"] = sorted(t.name for t in threading.enumerate() if t is not threading.main_thread())
print(json.dumps(counted))
"""

METHODS = ("fork", "spawn", "forkserver")


def watched_build(project: Path, site: Path, method: str) -> dict:
    """Build `project` into `site` in a fresh interpreter under `method`; what the audit hook counted."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **BUILD_ENV}
    command = [sys.executable, "-c", WATCHED_BUILD, method, str(project / "mkdocs.yml"), str(site)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, f"the build under {method} failed:\n{result.stdout}\n{result.stderr}"
    return json.loads(result.stdout.strip().splitlines()[-1])


def differing_files(first: Path, second: Path) -> list[str]:
    """Files that are only in one of two sites or differ in their bytes."""
    names = {p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()}
    names |= {p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()}
    return sorted(n for n in names if not ((first / n).is_file() and (second / n).is_file())) + sorted(
        n
        for n in names
        if (first / n).is_file() and (second / n).is_file() and not filecmp.cmp(first / n, second / n, shallow=False)
    )


@pytest.mark.slow
def test_no_fork_and_the_same_site_under_every_start_method(tmp_path: Path):
    """Under fork, spawn and forkserver an in-process build counts no os.fork, starts no multiprocessing process,
    starts only git and Pagefind, leaves no thread running, and writes the same files byte for byte."""
    project = copy_project(tmp_path / "projekt")
    counts = {method: watched_build(project, tmp_path / method, method) for method in METHODS}
    programs = {Path(p).name for c in counts.values() for p in c["programs"]}
    assert all(c["forks"] == 0 and c["processes"] == 0 for c in counts.values()), counts
    assert programs <= {"git", "pagefind", "pagefind_extended"} and "pagefind" in programs, programs
    assert all(c["threads"] == [] for c in counts.values()), {m: c["threads"] for m, c in counts.items()}
    different = {m: found for m in METHODS[1:] if (found := differing_files(tmp_path / "fork", tmp_path / m))}
    assert (tmp_path / "fork" / "index.html").is_file() and not different, different


def test_negative_control_the_audit_hook_sees_a_fork(tmp_path: Path):
    """Negative control: the same watch counts a multiprocessing process under fork (an os.fork) and spawn."""
    script = WATCHED_BUILD.split("from mkdocs.commands.build")[0] + (
        "p = multiprocessing.Process(target=print)\np.start()\np.join()\nprint(json.dumps(counted))\n"
    )
    found = {}
    for method in ("fork", "spawn"):
        command = [sys.executable, "-c", script, method, "x", "y"]
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
        found[method] = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["fork"]["forks"] == 1 and found["fork"]["processes"] == 1, found
    assert found["spawn"]["processes"] == 1, found
