"""Build the site into a fresh folder and publish it in place of site/ only when the build succeeded.

The published folders are 755 and files 644 whatever the umask, so a web server running as another user can
serve them. When site/ is a symbolic link to the web root, the build is published into a new release folder
beside the link's target and the link is swapped in one step; the previous release stays until the next run.
Leftovers of an interrupted run (.site-new-*, .site-old) are removed by the next one.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER_MODE, FILE_MODE = 0o755, 0o644
TRACEBACK_START = "Traceback (most recent call last):"
RELEASE = ".release-"


def run_mkdocs(site_dir: Path) -> int:
    """`mkdocs build --strict` into `site_dir`; its output is passed on, but a Python traceback is replaced by
    one Danish line, so a crash (a full disk …) reads like any other error."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml")]
    process = subprocess.Popen(
        [*command, "--site-dir", str(site_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    )
    traceback: list[str] = []
    for line in process.stdout or ():
        if traceback or line.startswith(TRACEBACK_START):
            traceback.append(line.rstrip("\n"))
        else:
            print(line, end="", file=sys.stderr)
    code = process.wait()
    if traceback:
        print(f"Bygningen stoppede med en fejl: {_crash_reason(traceback)}", file=sys.stderr)
        return code or 1
    return code


def _crash_reason(traceback: list[str]) -> str:
    last = next((line for line in reversed(traceback) if line.strip()), "ukendt fejl")
    if "No space left on device" in last or "ENOSPC" in last:
        return "der er ikke mere plads på disken. Gør plads, og byg igen."
    return last.strip()


def _release_folder(target: Path) -> tuple[Path, Path]:
    """(folder that the new site is published into, folder where its build happens). For a plain site/ both
    lie beside it; for a link, beside the link's target, so the final rename stays on one file system."""
    if target.is_symlink():
        current = target.resolve()
        return current.parent / f"{_release_base(current)}{RELEASE}{time.time_ns()}", current.parent
    return target, target.parent


def _release_base(folder: Path) -> str:
    return folder.name.split(RELEASE)[0]


def clean_leftovers(target: Path, work: Path) -> None:
    """Remove what an interrupted build left: .site-new-* build folders, .site-old, a half-made link, and a
    release folder the link never came to point at."""
    leftovers = []
    for folder in {target.parent, work}:
        leftovers += [*folder.glob(".site-new-*"), folder / ".site-old", folder / ".site-link-new"]
    if target.is_symlink():
        current = target.resolve()
        leftovers += [path for path in work.glob(f"{_release_base(current)}{RELEASE}*") if path != current]
    for leftover in leftovers:
        if leftover.is_symlink() or leftover.is_file():
            leftover.unlink()
        elif leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)


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


def publish(fresh: Path, target: Path, release: Path) -> None:
    """Put the built `fresh` folder in place: rename it over a plain site/, or into `release` and swap the
    link `target` to it atomically."""
    if target.is_symlink():
        previous = target.resolve()
        fresh.rename(release)
        link = target.with_name(".site-link-new")
        link.unlink(missing_ok=True)
        link.symlink_to(release)
        os.replace(link, target)
        if previous != release and RELEASE in previous.name:
            shutil.rmtree(previous, ignore_errors=True)  # our own previous release; a web root made by hand stays
        return
    old = target.with_name(".site-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    try:
        fresh.rename(target)
    except OSError:
        if old.exists() and not target.exists():
            old.rename(target)  # put the previous site back
        raise
    shutil.rmtree(old, ignore_errors=True)


def build(target: Path = ROOT / "site", make_site: Callable[[Path], int] = run_mkdocs) -> int:
    """Build with `make_site` into a fresh folder and publish it as `target`; 0 on success."""
    if target.is_symlink() and not target.resolve().is_dir():
        print(f"{target} er et link til {target.resolve()}, der ikke er en mappe. Ret linket.", file=sys.stderr)
        return 1
    release, work = _release_folder(target)
    clean_leftovers(target, work)
    fresh = Path(tempfile.mkdtemp(prefix=".site-new-", dir=work))
    try:
        code = make_site(fresh)
        if code != 0:
            print(f"Bygningen fejlede; {target.name}/ er ikke ændret.", file=sys.stderr)
            return code
        make_servable(fresh)
        publish(fresh, target, release)
    except OSError as error:
        reason = (
            "der er ikke mere plads på disken"
            if error.errno == errno.ENOSPC
            else f"{error.strerror or error} ({error.filename or target})"
        )
        print(f"Sitet kunne ikke udgives: {reason}. {target.name}/ er ikke ændret.", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    print(f"Sitet er bygget i {target}/")
    return 0


if __name__ == "__main__":
    sys.exit(build())
