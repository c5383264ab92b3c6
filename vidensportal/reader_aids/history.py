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


NO_GIT = "git kan ikke køres på maskinen"
NOT_A_CHECKOUT = "mappen er ikke en git-checkout"
SHALLOW = (
    "kopien har ikke hele git-historikken (en shallow clone, fx `git clone --depth 1`), så git-datoerne ville være "
    "forkerte. Hent historikken med `git fetch --unshallow` (i CI: sæt checkoutens fetch-depth til 0)"
)


@dataclass(frozen=True)
class History:
    """Each file's dates from git, or None and the Danish reason there is no history to trust."""

    files: dict[str, FileHistory] | None
    missing: str | None = None


def read_history(root: Path, folders: Iterable[str] = ("data", "docs")) -> History:
    """Every committed file under `folders` of `root` by its root-relative path ('data/parter.yml').

    No files, and the reason, when git cannot be run, `root` is not in a checkout, or the checkout is shallow (its
    oldest commits would pass for the files' creation): the caller then uses the content's own dates. One `git log`
    reads the whole history, so a thousand files cost one command, not a thousand.
    """
    git = shutil.which("git")
    if git is None:
        return History(None, NO_GIT)
    shallow = _git(git, root, "rev-parse", "--is-shallow-repository")
    if shallow is None:
        return History(None, NOT_A_CHECKOUT)
    if shallow.strip() == b"true":
        return History(None, SHALLOW)
    log = [*("log", "--relative", "--no-show-signature", "-z", "--name-only"), f"--format={_COMMIT}%at"]
    output = _git(git, root, *log, "--", *folders)
    if output is None:
        return History(None, NOT_A_CHECKOUT)  # or a repository git refuses to read
    return History(parse_log(output.decode("utf-8", errors="replace")))


def _git(git: str, root: Path, *arguments: str) -> bytes | None:
    """The output of a git command in `root`, or None when it fails."""
    try:
        result = subprocess.run(  # noqa: S603 -- fixed git commands
            [git, "-C", str(root), *arguments], capture_output=True, timeout=120, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


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
