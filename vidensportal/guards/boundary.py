"""The project's own boundary: nothing reached through a link from outside it, no name the site uses itself,
no file name a URL cannot carry, no YAML file left unread for its spelling."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from vidensportal.errors import Problem
from vidensportal.paths import GENERATED_DIRS, SITE_FILES, reserved_names

# Characters that end or change a URL's path: a file named with one would be published under a broken link.
URL_BREAKING = frozenset('#?%\\"<>|^`{}[]')


def links_leaving(root: Path, *folders: Path, guarded: Path | None = None) -> list[Problem]:
    """A Problem for each symbolic link under `folders` that points outside `root`, or at nothing, or from
    outside the `guarded` folder (docs/materialer) into it, where it would publish what no material names."""
    inside = root.resolve()
    guarded_dir = guarded.resolve() if guarded is not None else None
    problems = []
    for folder in folders:
        for current, dirs, files in os.walk(folder, followlinks=True):
            for name in sorted([*dirs, *files]):
                path = Path(current) / name
                if not path.is_symlink():
                    continue
                target = path.resolve()
                shown = _shown(path, root)
                if not target.exists():
                    problems.append(Problem(shown, "linket peger på noget, der ikke findes. Slet linket."))
                elif (
                    guarded_dir is not None
                    and target.is_relative_to(guarded_dir)
                    and not path.parent.resolve().is_relative_to(guarded_dir)
                ):
                    problems.append(
                        Problem(shown, "linket peger ind i docs/materialer/. Materialets fil udgives kun via data/.")
                    )
                elif not target.is_relative_to(inside):
                    problems.append(
                        Problem(
                            shown,
                            f"linket peger uden for projektet ({target}). Kopiér filen ind i projektet i stedet "
                            "for at linke til den.",
                        )
                    )
            # Never walk on into a folder outside the project.
            dirs[:] = [d for d in dirs if (Path(current) / d).resolve().is_relative_to(inside)]
    return problems


def _shown(path: Path, root: Path) -> Path:
    try:
        return path.relative_to(root)
    except ValueError:
        return path


def reserved_file_names(docs_dir: Path, shown_docs: str = "docs") -> list[Problem]:
    """A Problem for each file in docs/ that takes a path the site writes itself, or whose name breaks a URL."""
    reserved, folders = reserved_names(), frozenset(GENERATED_DIRS)
    problems = []
    for current, dirs, files in os.walk(docs_dir, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            relative = PurePosixPath((Path(current) / name).relative_to(docs_dir).as_posix())
            shown = Path(shown_docs, relative)
            if set(relative.as_posix()) & URL_BREAKING or " " in relative.as_posix():
                problems.append(
                    Problem(
                        shown,
                        "filnavnet indeholder tegn, der ikke kan stå i en adresse (#, ?, %, "
                        "mellemrum …). Omdøb filen til små bogstaver, tal og bindestreger.",
                    )
                )
            elif _takes_site_path(relative, reserved, folders):
                problems.append(Problem(shown, f"navnet '{relative.stem}' bruger sitet selv. Giv filen et andet navn."))
    return problems


def _takes_site_path(relative: PurePosixPath, reserved: frozenset[str], folders: frozenset[str]) -> bool:
    top = relative.parts[0]
    if len(relative.parts) == 1 or top + "/" in SITE_FILES:
        return relative.as_posix() in SITE_FILES or top + "/" in SITE_FILES
    if top in folders and len(relative.parts) == 2:
        return relative.stem.lower() in reserved and relative.name != "index.md"
    return False


def reserved_id(identifier: str) -> str | None:
    """The Danish reason an id cannot be used because the site uses the name itself, or None."""
    if identifier.lower() in reserved_names():
        return f"id '{identifier}' bruger sitet selv til en side eller fil. Vælg et andet id."
    return None


def misspelt_yaml(data_dir: Path) -> list[Problem]:
    """A Problem for each YAML file in data/ whose suffix is not exactly '.yml' (and not '.yaml', which the
    reader names itself): upper case suffixes would otherwise be skipped without a word."""
    problems = []
    for current, dirs, files in os.walk(data_dir, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            suffix = PurePosixPath(name).suffix
            if suffix.lower() in (".yml", ".yaml") and suffix not in (".yml", ".yaml"):
                shown = _shown(Path(current) / name, data_dir.parent)
                problems.append(Problem(shown, f"filen skal hedde .yml med små bogstaver, ikke {suffix}. Omdøb den."))
    return problems
