"""A site folder that an earlier build wrote is built into again (mkdocs build --dirty, mkdocs serve --dirty) only
while nothing that build published has since been withheld or left the site; else it is emptied first, as a
clean build empties it.

mkdocs --dirty writes a docs/ page or file again only when its source is newer than what the site holds, and
deletes nothing: the page and file of an item withheld since, and a listing of it on a page whose macro lists the
seminars, would stay in the site. So each build records, per site folder in the project's cache, what it
published and a fingerprint of what it withheld; the output gate refuses such leftovers as well (see withheld.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Collection
from pathlib import Path

from vidensportal.errors import DataError, Problem


def withheld_fingerprint(catalog) -> str:
    """One line that changes when anything withheld does: what, its files, the places of its pages, its titles."""
    lines = [*catalog.withheld, *sorted(catalog.withheld_files), *sorted(catalog.withheld_pages)]
    lines += sorted(catalog.withheld_titles)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def prepare_site(site_dir: Path, cache_dir: Path, withheld: str, published: Collection[str]) -> bool:
    """Empty `site_dir` unless the build that last wrote it withheld the same (`withheld`, see
    withheld_fingerprint) and published nothing that is not in `published` (docs-relative sources) now; then record
    this build. True when it was emptied. A record that is missing or unreadable empties the folder."""
    record = cache_dir / f"{hashlib.sha256(os.fsencode(site_dir.resolve())).hexdigest()[:32]}.txt"
    try:
        earlier = record.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        earlier = []
    reused = bool(earlier) and earlier[0] == withheld and set(earlier[1:]) <= set(published)
    if not reused:
        _empty(site_dir)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write("\n".join([withheld, *sorted(published)]))
        os.replace(temporary, record)
    except OSError:
        with contextlib.suppress(OSError):
            record.unlink(missing_ok=True)  # no record: the next build empties the folder
    return not reused


def _empty(site_dir: Path) -> None:
    """Everything in the folder but hidden entries, as mkdocs' clean build leaves them (a deployment's .git)."""
    try:
        entries = list(os.scandir(site_dir))
    except FileNotFoundError:
        return
    except OSError as error:
        raise DataError([Problem(site_dir, f"mappen kan ikke læses, så den kan ikke tømmes: {error}.")]) from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
        except OSError as error:
            message = f"'{entry.name}' fra en tidligere bygning kan ikke slettes: {error}. Slet mappen, og byg igen."
            raise DataError([Problem(site_dir, message)]) from None
