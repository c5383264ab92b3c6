"""What to write instead of a material's file path that names no file in docs/."""

from __future__ import annotations

from difflib import get_close_matches
from pathlib import Path, PurePosixPath

_EXAMPLE = "fx 'materialer/2026-03-12-oplaeg.pdf'"


def bad_path_hint(written: str) -> str | None:
    """A Danish sentence when `written` is not a path inside docs/ at all, else None."""
    if "\\" in written:
        return f"skriv stien med / i stedet for \\, {_EXAMPLE}."
    relative = PurePosixPath(written)
    if relative.parts[:1] == ("docs",):
        return f"skriv stien uden docs/ foran: '{PurePosixPath(*relative.parts[1:])}'."
    if relative.is_absolute():
        inside = str(relative).lstrip("/").removeprefix("docs/")
        return f"stien skal regnes fra mappen docs/ og må ikke begynde med /. Skriv '{inside}'."
    if ".." in relative.parts:
        return f"stien skal pege på en fil inde i mappen docs/ og må ikke indeholde '..', {_EXAMPLE}."
    return None


def missing_file_hint(written: str, docs_dir: Path) -> str:
    """A Danish sentence for a path inside docs/ that names no file: the nearest file, or where to put it."""
    relative = PurePosixPath(written)
    files = sorted(
        str(PurePosixPath(*path.relative_to(docs_dir).parts))
        for path in docs_dir.rglob(f"*{relative.suffix}" if relative.suffix else "*")
        if path.is_file()
    )
    same_name = [f for f in files if PurePosixPath(f).name.lower() == relative.name.lower()]
    near = same_name or get_close_matches(str(relative), files, n=1, cutoff=0.75)
    if near:
        return f"Mente du '{near[0]}'?"
    return (
        f"Læg filen i docs/{relative.parent if str(relative.parent) != '.' else 'materialer'}/, eller ret stien; "
        f"den regnes fra mappen docs/, {_EXAMPLE}."
    )
