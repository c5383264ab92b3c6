"""When each source file was first and last committed, read from git in one pass over the history."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

# A byte git never writes in a path or a timestamp: it starts each commit in the log below.
_COMMIT = "\x01"


@dataclass(frozen=True)
class FileHistory:
    """The author dates of the first and the last commit that touched a file."""

    created: datetime
    changed: datetime


def read_history(root: Path, folders: Iterable[str] = ("data", "docs")) -> dict[str, FileHistory] | None:
    """Every committed file under `folders` of `root` by its root-relative path ('data/spor.yml').

    None when `root` is not inside a git checkout or git cannot be run: the caller then falls back to
    other dates. One `git log` reads the whole history, so a thousand files cost one command, not a thousand.
    """
    git = shutil.which("git")
    if git is None:
        return None
    command = [git, "-C", str(root), "log", "--relative", "--no-show-signature", "-z", "--name-only"]
    command += [f"--format={_COMMIT}%at", "--", *folders]
    try:
        result = subprocess.run(command, capture_output=True, timeout=120, check=False)  # noqa: S603 -- fixed git command
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None  # not a git checkout, or a repository git refuses to read
    return parse_log(result.stdout.decode("utf-8", errors="replace"))


def parse_log(output: str) -> dict[str, FileHistory]:
    """The output of read_history's `git log` (newest commit first) as the history of each file."""
    history: dict[str, FileHistory] = {}
    for commit in output.split(_COMMIT)[1:]:
        stamp, *names = commit.split("\0")
        moment = datetime.fromtimestamp(int(stamp.strip()), UTC)
        for name in (n.strip("\n") for n in names):
            if not name:
                continue
            seen = history.get(name)
            # Newest first: the first commit met is the last change, the last one met is the creation.
            history[name] = FileHistory(created=moment, changed=seen.changed if seen else moment)
    return history
