"""Build the site into a temporary folder and put it in place of site/ only when the build succeeded."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(target: Path = ROOT / "site") -> int:
    # The temporary folder sits beside site/, so the final rename stays on one file system.
    fresh = Path(tempfile.mkdtemp(prefix=".site-new-", dir=target.parent))
    try:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
        result = subprocess.run([*command, "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(fresh)])
        if result.returncode != 0:
            print(f"Bygningen fejlede; {target.name}/ er ikke ændret.", file=sys.stderr)
            return result.returncode
        old = target.with_name(f".{target.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        fresh.rename(target)
        shutil.rmtree(old, ignore_errors=True)
        print(f"Sitet er bygget i {target}/")
        return 0
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(build())
