"""`make build`: run the builder into a fresh folder and publish it as site/ only when the build succeeded.

Publishing is the engine's (vidensportal/finish/publish.py): one build at a time per checkout, `site` a link
swapped in one step to a complete release, folders 755 and files 644, and what a killed build left repaired by
the next one.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from vidensportal.finish.publish import build_lock, failure_reason, new_build_folder, publish, recover

ROOT = Path(__file__).resolve().parent.parent
TRACEBACK_START = "Traceback (most recent call last):"


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


def build(target: Path = ROOT / "site", make_site: Callable[[Path], int] = run_mkdocs) -> int:
    """Build with `make_site` into a fresh folder and publish it as `target`, one build at a time; 0 on success."""
    with build_lock(target.parent, lambda line: print(line, file=sys.stderr, flush=True)):
        try:
            recover(target)
            fresh = new_build_folder(target)
        except OSError as error:
            print(f"Sitet kunne ikke bygges: {failure_reason(error, target)}.", file=sys.stderr)
            return 1
        try:
            code = make_site(fresh)
            if code != 0:
                print(f"Bygningen fejlede; {target.name}/ er ikke ændret.", file=sys.stderr)
                return code
            publish(fresh, target)
        except OSError as error:
            reason = failure_reason(error, target)
            print(f"Sitet kunne ikke udgives: {reason}. {target.name}/ er ikke ændret.", file=sys.stderr)
            return 1
        finally:
            shutil.rmtree(fresh, ignore_errors=True)
    print(f"Sitet er bygget i {target}/")
    return 0


if __name__ == "__main__":
    sys.exit(build())
