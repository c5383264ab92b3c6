"""What the output must never hold of withheld material: its files' bytes, under any name, and its titles."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from vidensportal.guards.text.reading import fold, words

MIN_TITLE_WORDS = 3  # shorter titles ("Møde", "Status 2026") are ordinary words on any page


@dataclass(frozen=True)
class Withheld:
    """sha256 of each withheld file → the file as shown; folded title → what it is the title of."""

    hashes: Mapping[str, str] = field(default_factory=dict)
    titles: Mapping[str, str] = field(default_factory=dict)


def folded_title(title: str) -> str:
    """A title as the gate compares it: folded like published text, case ignored."""
    return words(fold(title)).casefold()


def withheld_items(
    docs_dir: Path, files: Collection[str], titles: Mapping[str, str], published_titles: Collection[str] = ()
) -> Withheld:
    """The hashes of the withheld `files` (docs-relative) and the `titles` (title → what) worth looking for: three
    words or more, and not also the title of something published."""
    hashes = {}
    for relative in sorted(files):
        path = docs_dir / relative
        if path.is_file():
            hashes[hashlib.sha256(path.read_bytes()).hexdigest()] = f"docs/{relative}"
    public = {folded_title(title) for title in published_titles}
    wanted = {
        folded_title(title): what
        for title, what in titles.items()
        if len(title.split()) >= MIN_TITLE_WORDS and folded_title(title) not in public
    }
    return Withheld(hashes, wanted)


def withheld_in(catalog, docs_dir: Path) -> Withheld:
    """What of the catalog's withheld material the output must not hold."""
    published = [event.title for event in catalog.events.values()]
    published += [material.title for material in catalog.materials.values()]
    return withheld_items(docs_dir, catalog.withheld_files, catalog.withheld_titles, published)
