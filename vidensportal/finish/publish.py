"""The publish stage: one build at a time per checkout, and `site` swapped to a finished release in one step.

`site` is a symbolic link to a release folder. A build writes into a hidden folder beside the releases, renames it
to a release when it is complete, and replaces the link with os.replace of a new link, so a reader meets either
the old site or the new one, never a half of either. Everything is done under a lock on a file in the cache
root: a second build waits for the first. A build killed at any point leaves the last good site; the next one
clears what was left and never touches the release the link points at.

The first build of a checkout whose `site/` is a plain folder exchanges it with the link in one step where the
system can (Linux's renameat2), else in two renames; a kill between them is repaired by the next build.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from vidensportal.paths import BUILD_LOCK, cache_dir

FOLDER_MODE, FILE_MODE = 0o755, 0o644
RELEASE = ".release-"
RELEASES = ".site-udgaver"  # where releases lie when `site` is not a link to a web root made by hand
NEW = ".site-new-"
LINK_NEW = ".site-link-new"
LEGACY_OLD = ".site-old"  # what an earlier version of this code left when killed between its two renames
WAITING = "En anden bygning af sitet kører i denne mappe; denne venter, til den er færdig."


class PublishError(Exception):
    """The site could not be published; the message is Danish and the last good site is still in place."""


@contextmanager
def build_lock(root: Path, waiting: Callable[[str], None]) -> Iterator[None]:
    """Hold the checkout's build lock; when another build holds it, say so through `waiting` and wait for it.
    The system releases the lock when its process ends, however it ends."""
    path = cache_dir(root, BUILD_LOCK)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting(WAITING)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def releases_of(target: Path) -> tuple[Path, str]:
    """(folder the releases lie in, the start of their names). Beside the link's target when `site` is a link
    to a folder outside our scheme (a web root), so the final rename stays on one file system."""
    if target.is_symlink() and target.resolve().is_dir():
        current = target.resolve()
        return current.parent, current.name.split(RELEASE)[0]
    return target.parent / RELEASES, target.name


def recover(target: Path) -> None:
    """Repair what an interrupted build left, keeping the release `target` points at: put back a site that an
    earlier version left as .site-old, point a missing or dangling link at the newest release, and remove
    unfinished build folders, a half-made link and releases nothing points at."""
    legacy = target.with_name(LEGACY_OLD)
    if not os.path.lexists(target) and legacy.is_dir():
        legacy.rename(target)
    folder, base = releases_of(target)
    releases = sorted(folder.glob(f"{base}{RELEASE}*"), key=lambda p: p.name) if folder.is_dir() else []
    if not target.exists() and releases:  # missing, or a link whose release is gone
        _link(target, releases[-1])
    live = target.resolve() if target.is_symlink() else None
    leftovers = [*target.parent.glob(f"{NEW}*"), target.with_name(LINK_NEW), legacy]
    leftovers += [*folder.glob(f"{NEW}*")] if folder.is_dir() else []
    leftovers += [release for release in releases if release != live]
    for leftover in leftovers:
        _remove(leftover)


def new_build_folder(target: Path) -> Path:
    """An empty hidden folder beside the releases for a build to write into."""
    folder, _ = releases_of(target)
    folder.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=NEW, dir=folder))


def publish(fresh: Path, target: Path) -> None:
    """Make the complete build in `fresh` the site: a release of its own, and `target` pointed at it in one step.
    The previous release of ours is removed; a web root made by hand is kept. Raises OSError."""
    make_servable(fresh)
    folder, base = releases_of(target)
    previous = target.resolve() if target.is_symlink() else None
    release = folder / f"{base}{RELEASE}{time.time_ns()}"
    fresh.rename(release)
    if target.is_dir() and not target.is_symlink():
        _replace_folder_with_link(target, release, folder / f"{base}{RELEASE}0-tidligere")
    else:
        _link(target, release)
    if previous is not None and previous != release and RELEASE in previous.name:
        _remove(previous)


def _link(target: Path, release: Path) -> None:
    """Point `target` at `release` with one os.replace of a new link (relative, so the checkout can move)."""
    link = target.with_name(LINK_NEW)
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(release, target.parent))
    os.replace(link, target)


def _replace_folder_with_link(target: Path, release: Path, old_home: Path) -> None:
    """The first build: the plain `target` folder gives way to a link to `release`. The old folder is moved to
    `old_home` and removed."""
    link = target.with_name(LINK_NEW)
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(release, target.parent))
    if _exchange(link, target):
        link.rename(old_home)  # `link` now names the old folder
    else:
        target.rename(old_home)
        os.replace(link, target)  # a kill just before this is repaired by recover(): no release is lost
    _remove(old_home)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_cwd, exchange = -100, 2
    return renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), exchange) == 0


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path, ignore_errors=True)


def make_servable(folder: Path) -> None:
    """Folders 755 and files 644, whatever the umask the build ran with; links are left as they are."""
    os.chmod(folder, FOLDER_MODE)
    for current, dirs, files in os.walk(folder):
        for name in dirs:
            if not os.path.islink(os.path.join(current, name)):
                os.chmod(os.path.join(current, name), FOLDER_MODE)
        for name in files:
            if not os.path.islink(os.path.join(current, name)):
                os.chmod(os.path.join(current, name), FILE_MODE)


def failure_reason(error: OSError, target: Path) -> str:
    """A publishing error in Danish."""
    if error.errno == errno.ENOSPC:
        return "der er ikke mere plads på disken"
    return f"{error.strerror or error} ({error.filename or target})"
