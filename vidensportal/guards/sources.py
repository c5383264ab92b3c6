"""The source guard: CPR numbers in what contributors write, found early with file and line, in every file
under docs/ (whatever its encoding), data/, overrides/ and mkdocs.yml; a file under docs/ of a kind the site does
not publish, and a document that cannot be read completely, refused the same way the output gate refuses them."""

from __future__ import annotations

import hashlib
import html
import os
from collections.abc import Collection, Iterable, Iterator
from functools import cached_property
from pathlib import Path

from vidensportal.errors import Problem
from vidensportal.guards.clean_cache import CleanContent
from vidensportal.guards.cpr import _digits, find_cpr_numbers, unallowed_problems
from vidensportal.guards.documents.kinds import kind_refusal
from vidensportal.guards.documents.outcome import UnreadableDocument
from vidensportal.guards.text.contents import texts_of
from vidensportal.guards.text.yaml_values import yaml_scalars

Hit = tuple[int | None, str]  # (line or None, the number as found)


def source_files(root: Path, docs_dir: Path) -> Iterator[tuple[Path, Path]]:
    """(path as shown, path) of every source a page can be made from: docs/ as mkdocs reads it (links followed,
    hidden files left out), overrides/, mkdocs.yml and data/."""
    config = root / "mkdocs.yml"
    if config.is_file():
        yield Path("mkdocs.yml"), config
    for folder in (docs_dir, root / "overrides", root / "data"):
        for current, dirs, files in os.walk(folder, followlinks=True):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                path = Path(current) / name
                yield _shown(path, root), path


def _shown(path: Path, root: Path) -> Path:
    try:
        return path.relative_to(root)
    except ValueError:
        return path


def hits_in_file(path: Path, shown: Path) -> list[Hit]:
    """Every CPR number in the file's name and content; lines where the content is the file's own text, and
    YAML files also value by value as YAML reads them."""
    hits: list[Hit] = [(None, found) for _, found in find_cpr_numbers(shown.as_posix())]
    try:
        data = path.read_bytes()
    except OSError:
        return hits  # a dangling link or unreadable file: the project-boundary check names it
    for text in texts_of(data, path.name):
        found = find_cpr_numbers(text.text, markup=text.markup, css=text.css)
        hits += [(line if text.lined else None, number) for line, number in found]
        if text.lined and path.suffix.lower() in (".yml", ".yaml"):
            for line, value in yaml_scalars(text.text):
                hits += [(line, number) for _, number in find_cpr_numbers(value)]
    return hits


def check_sources(
    root: Path, docs_dir: Path, allow: Collection[str], *, skip: Collection[Path] = (), cache_dir: Path | None = None
) -> list[Problem]:
    """A Problem per CPR number in the sources (one per number and file), except allowed ones and files in
    `skip` (checked elsewhere, as data/'s YAML is when the catalog reads it)."""
    skipped = {path.resolve() for path in skip}
    files = [(shown, path) for shown, path in source_files(root, docs_dir) if path.resolve() not in skipped]
    refused = kind_problems(files, docs_dir)
    named = {problem.file for problem in refused}  # a kind that is not published is not read either
    return refused + check_files([(s, p) for s, p in files if s not in named], allow, cache_dir)


def kind_problems(files: Iterable[tuple[Path, Path]], docs_dir: Path) -> list[Problem]:
    """A Problem for each file under docs/ of a kind the site does not publish (see documents.kinds)."""
    problems = []
    for shown, path in files:
        if path.is_relative_to(docs_dir) and (refusal := kind_refusal(path.name, contributed=True)) is not None:
            problems.append(Problem(shown, refusal))
    return problems


def check_files(
    files: Iterable[tuple[Path, Path]], allow: Collection[str], cache_dir: Path | None = None
) -> list[Problem]:
    """A Problem per CPR number in each (path as shown, path), once per number and file, in order of lines.
    `cache_dir` remembers files found clean, by content and name, so an unchanged file is not read again."""
    allowed = {_digits(entry) for entry in allow}
    clean = CleanContent(cache_dir, [sorted(allowed)])
    problems = []
    for shown, path in files:
        key = _content_key(path, shown)
        if key is not None and key in clean:
            continue
        try:
            hits = sorted(hits_in_file(path, shown), key=lambda hit: (hit[0] is None, hit[0] or 0))
        except UnreadableDocument as refused:
            problems += [Problem(shown, reason) for reason in refused.reasons]
            continue
        found = unallowed_problems(shown, hits, allowed)
        if key is not None and not found:
            clean.add(key)
        problems += found
    clean.save()
    return problems


def _content_key(path: Path, shown: Path) -> str | None:
    """The file's content hash and its name as shown (the name is checked too), or None when unreadable."""
    try:
        return f"{hashlib.sha256(path.read_bytes()).hexdigest()} {shown.as_posix()}"
    except OSError:
        return None


class SourceTrace:
    """Where a number found in the output was written, when it can be traced to one source file."""

    def __init__(self, root: Path, docs_dir: Path) -> None:
        self.root, self.docs_dir = root, docs_dir

    @cached_property
    def _hits(self) -> list[tuple[Path, int | None, str]]:
        hits = []
        for shown, path in source_files(self.root, self.docs_dir):
            try:
                hits += [(shown, line, _digits(number)) for line, number in hits_in_file(path, shown)]
            except UnreadableDocument:
                continue  # refused by the source guard and the gate on its own
        return hits

    def where(self, digits: str, published: str = "") -> str:
        """' (kilde: docs/x.md, linje 3)' for the first source holding the number; else, for a page, the source
        it is made from (' (siden laves af docs/x.md)'); else ''."""
        for shown, line, found in self._hits:
            if found == digits:
                return f" (kilde: {shown}, linje {line})" if line else f" (kilde: {shown})"
        page = self.page_source(published)
        return f" (siden laves af {page})" if page else ""

    def page_source(self, published: str) -> str | None:
        """The docs/ page or data/ file a published page ('aftalen/index.html') is made from, when one exists."""
        if not published.endswith(".html"):
            return None
        stem = published.removesuffix("index.html").removesuffix(".html").rstrip("/") or "index"
        candidates = [self.docs_dir / f"{stem}{suffix}" for suffix in (".md", ".markdown", "/index.md")]
        candidates.append(self.root / "data" / f"{stem}.yml")
        for candidate in candidates:
            if candidate.is_file():
                return _shown(candidate, self.root).as_posix()
        return None

    @cached_property
    def _lines(self) -> list[tuple[Path, list[str]]]:
        texts = []
        for shown, path in source_files(self.root, self.docs_dir):
            try:
                read = texts_of(path.read_bytes(), path.name)
                texts += [(shown, text.text.splitlines()) for text in read if text.lined]
            except (OSError, UnreadableDocument):
                continue
        return texts

    def where_text(self, needle: str) -> str:
        """' (kilde: docs/x.md, linje 3)' for the first source line holding `needle` as written, or ''."""
        for shown, lines in self._lines:
            for number, line in enumerate(lines, 1):
                if needle in line or needle in html.unescape(line):
                    return f" (kilde: {shown}, linje {number})"
        return ""
