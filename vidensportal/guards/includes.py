"""What a docs/ page may pull in with Jinja (include, import, extends): nothing of the materials or withheld."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from vidensportal.data.publications import MATERIALS_DIR


def include_refused(found: Path, docs_dir: Path, withheld_files: Collection[str]) -> str | None:
    """The Danish reason a page may not include the file `found` (as the template loader found it), or None."""
    try:
        relative = found.resolve().relative_to(docs_dir.resolve()).as_posix()
    except ValueError:
        return "filen ligger uden for docs/"
    if relative in withheld_files:
        return "filen er tilbageholdt og må ikke udgives"
    if relative.startswith(f"{MATERIALS_DIR}/"):
        return f"filer i docs/{MATERIALS_DIR}/ udgives kun som materialer og kan ikke sættes ind i en side"
    return None
