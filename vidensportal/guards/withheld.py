"""What the output must never hold of withheld material: its files' bytes under any name, their text under any
bytes, the pages and files its items would have had (and links to them), and its titles."""

from __future__ import annotations

import contextlib
import hashlib
import os
import posixpath
import re
import tempfile
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from vidensportal.guards.clean_cache import guard_code
from vidensportal.guards.similar import WithheldTexts, document_words, fingerprint
from vidensportal.guards.text.contents import texts_of
from vidensportal.guards.text.reading import fold, words
from vidensportal.paths import page_url

MIN_TITLE_WORDS = 3  # shorter titles ("Møde", "Status 2026") are ordinary words on any page
# A run of characters a URL can be written with, between quotes, brackets, spaces and tags.
_URL_RUN = re.compile(r"[^\s\"'<>()\[\]{}`,;|\\]+")


@dataclass(frozen=True)
class Withheld:
    """sha256 of each withheld file → the file as shown; folded title → what it is the title of; the withheld
    documents' shingles; each site path a withheld item's page or file would have (and each way a link names
    it) → what it belongs to; withheld files whose text could not be read → why."""

    hashes: Mapping[str, str] = field(default_factory=dict)
    titles: Mapping[str, str] = field(default_factory=dict)
    texts: WithheldTexts = field(default_factory=WithheldTexts)
    paths: Mapping[str, str] = field(default_factory=dict)
    links: Mapping[str, str] = field(default_factory=dict)
    unreadable: Mapping[str, str] = field(default_factory=dict)

    def linked_in(self, views: Iterable[str], relative: str) -> dict[str, str]:
        """The withheld pages and files (→ what) that links and URLs in `views` of the site file `relative` lead
        to: a listing or page that an earlier build wrote and mkdocs --dirty did not write again, the search
        index, the sitemap."""
        found: dict[str, str] = {}
        if not self.links:
            return found
        folder = relative.rpartition("/")[0]
        for view in views:
            if self._named_in(view):
                for run in _URL_RUN.findall(view):
                    if self._named_in(f"/{run}") and (target := _link_target(run, folder, self.links)):
                        found.setdefault(target, self.links[target])
        return found

    @cached_property
    def _link_names(self) -> tuple[list[str], re.Pattern[str]]:
        """The last name of every link to a withheld page or file ('2026-10-01-moede', 'notat.pdf'), and the
        pattern of one after a slash, a quote or an equals sign, not running on."""
        names = sorted({posixpath.basename(target.removesuffix("index.html").rstrip("/")) for target in self.links})
        return names, re.compile(rf"""[/"'=](?:{"|".join(map(re.escape, names))})(?![\w-])""")

    def _named_in(self, text: str) -> bool:
        names, pattern = self._link_names
        return any(name in text for name in names) and pattern.search(text) is not None  # plain strings first


def _link_target(url: str, folder: str, links: Mapping[str, str]) -> str | None:
    """The withheld page or file that `url`, written in a site file in `folder`, leads to, or None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    path = unquote(parts.path)
    if parts.scheme or parts.netloc or path.startswith("/"):
        # From the host's root: the site may lie in any folder of it, so the path's end names the target.
        return next((target for target in links if path.endswith(f"/{target}")), None)
    resolved = posixpath.normpath(posixpath.join(folder, path)) + ("/" if path.endswith("/") else "")
    return resolved if resolved in links else None


def folded_title(title: str) -> str:
    """A title as the gate compares it: folded like published text, case ignored."""
    return words(fold(title)).casefold()


def site_paths(pages: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """For docs paths of pages and files (→ what they belong to): the site paths they are written to, with or
    without directory URLs, and every site-relative form a link to them takes."""
    paths, links = {}, {}
    for page, what in pages.items():
        if page.endswith(".md"):
            stem = page.removesuffix(".md")
            paths |= {f"{stem}/index.html": what, f"{stem}.html": what}
            links |= {stem: what, page_url(page): what, f"{stem}/index.html": what, f"{stem}.html": what}
        else:
            paths[page] = links[page] = what
    return paths, links


def withheld_items(
    docs_dir: Path,
    files: Collection[str],
    titles: Mapping[str, str],
    published_titles: Collection[str] = (),
    pages: Mapping[str, str] | None = None,
    cache_dir: Path | None = None,
) -> Withheld:
    """What the output must not hold of the withheld `files` (docs-relative), `titles` (title → what: those of
    three words or more, and not also the title of something published) and `pages` (see site_paths). The words
    of each file are remembered in `cache_dir` by its content: reading a long PDF takes half a second."""
    hashes, fingerprints, unreadable = {}, [], {}
    words_cache = _WordsCache(cache_dir)
    for relative in sorted(files):
        path = docs_dir / relative
        if not path.is_file():
            continue
        data = path.read_bytes()
        shown = f"docs/{relative}"
        hashes[hashlib.sha256(data).hexdigest()] = shown
        try:
            document = fingerprint(shown, words_cache.words(data, relative))
        # Whatever stops the reader: the gate could not tell this document's text under other bytes.
        except Exception as error:
            unreadable[shown] = str(error) or type(error).__name__
            continue
        if document is not None:
            fingerprints.append(document)
    words_cache.save()
    public = {folded_title(title) for title in published_titles}
    wanted = {
        folded_title(title): what
        for title, what in titles.items()
        if len(title.split()) >= MIN_TITLE_WORDS and folded_title(title) not in public
    }
    paths, links = site_paths({**{relative: f"docs/{relative}" for relative in files}, **(pages or {})})
    return Withheld(hashes, wanted, WithheldTexts(fingerprints), paths, links, unreadable)


class _WordsCache:
    """A withheld document's words by its sha256, kind and the guards' code, one file each; `save()` drops those
    not used in this build."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir, self.used = cache_dir, set()

    def words(self, data: bytes, name: str) -> list[str]:
        if self.cache_dir is None:
            return document_words(data, texts_of(data, name))
        key = hashlib.sha256(data + PurePosixPath(name).suffix.lower().encode() + guard_code()).hexdigest()[:32]
        path = self.cache_dir / f"{key}.txt"
        self.used.add(path.name)
        try:
            return path.read_text(encoding="utf-8").split()
        except (OSError, UnicodeDecodeError):
            pass
        found = document_words(data, texts_of(data, name))
        with contextlib.suppress(OSError):  # a cache that cannot be written is only a slower next build
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.cache_dir, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write("\n".join(found))
            os.replace(temporary, path)
        return found

    def save(self) -> None:
        if self.cache_dir is None or not self.cache_dir.is_dir():
            return
        for old in self.cache_dir.iterdir():
            if old.name not in self.used:
                with contextlib.suppress(OSError):
                    old.unlink()


def withheld_in(catalog, docs_dir: Path, cache_dir: Path | None = None) -> Withheld:
    """What of the catalog's withheld material the output must not hold; the prose written for a withheld item's
    page (docs/seminarer/<id>.md) is withheld text like its files."""
    published = [event.title for event in catalog.events.values()]
    published += [material.title for material in catalog.materials.values()]
    prose = {page for page in catalog.withheld_pages if page.endswith(".md")}
    files = catalog.withheld_files | prose
    return withheld_items(docs_dir, files, catalog.withheld_titles, published, catalog.withheld_pages, cache_dir)
