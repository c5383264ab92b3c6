"""The output gate: every file about to be published, checked as a reader receives it, before it leaves."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from vidensportal import paths
from vidensportal.editor.site_files import pinned_files
from vidensportal.errors import Problem
from vidensportal.guards.clean_cache import CleanContent
from vidensportal.guards.cpr import _digits, cpr_problem, numbers_in
from vidensportal.guards.documents.kinds import kind_refusal
from vidensportal.guards.documents.outcome import UnreadableDocument
from vidensportal.guards.external_loads import external_load_message, external_loads
from vidensportal.guards.similar import THRESHOLD, words_in
from vidensportal.guards.sources import SourceTrace
from vidensportal.guards.text.contents import packed_files, texts_of
from vidensportal.guards.text.reading import as_read, words
from vidensportal.guards.withheld import Withheld, withheld_in

# A folder of the site still being written, and what to call to wait for it.
LastFolder = tuple[str, Callable[[], None]]


def published_files(site_dir: Path, last: LastFolder | None = None) -> Iterator[tuple[str, str]]:
    """(site-relative POSIX path, full path) of every file in the site, hidden ones included, links followed. With
    `last` = (folder, wait), that top folder's files come after all others, once wait() has returned. Plain
    strings, not Paths: the gate reads thousands of files in every build."""
    root = os.fspath(site_dir)
    for current, dirs, files in os.walk(root, followlinks=True):
        dirs.sort()
        if last and current == root and last[0] in dirs:
            dirs.remove(last[0])
        folder = "" if current == root else current[len(root) + 1 :].replace(os.sep, "/") + "/"
        for name in sorted(files):
            yield folder + name, os.path.join(current, name)
    if last:
        last[1]()
        yield from ((f"{last[0]}/{relative}", path) for relative, path in published_files(site_dir / last[0]))


def check_output(
    site_dir: Path,
    *,
    allow: Collection[str] = (),
    withheld: Withheld | None = None,
    sources: SourceTrace | None = None,
    shown_as: str = "site",
    own_url: str = "",
    cache_dir: Path | None = None,
    last: LastFolder | None = None,
    vendored: Mapping[str, str] | None = None,
) -> list[Problem]:
    """A Problem for every CPR number, withheld file or title, and load from another host in the files under
    `site_dir` and in their paths. Files are named as `shown_as`/path; `sources` traces a CPR number back.
    `cache_dir` remembers content found clean under the same rules, so an unchanged file is not read again;
    `last` names a folder still being written, read at the end (see published_files). `vendored` maps a path to
    the sha256 of a vendor's file pinned in the project: a file at that path with exactly those bytes holds no
    contributor's text, so only its path and its bytes are checked; any other file there is read as usual."""
    allowed = {_digits(entry) for entry in allow}
    withheld = withheld or Withheld()
    rules = [sorted(allowed), sorted(withheld.titles), sorted(withheld.hashes), sorted(withheld.paths), own_url]
    clean = CleanContent(cache_dir, rules)
    problems = _unreadable_withheld(withheld)
    for relative, path in published_files(site_dir, last):
        shown = Path(shown_as, relative)
        with open(path, "rb") as file:
            data = file.read()
        digest = hashlib.sha256(data).hexdigest()
        found = _withheld_bytes(shown, digest, withheld)
        found += _withheld_place(shown, relative, withheld)
        found += _check_path(shown, relative, allowed, sources)
        if vendored and vendored.get(relative) == digest:  # a pinned vendor's file (any kind): its path and bytes
            problems += found
            continue
        refusal = kind_refusal(relative, contributed=False)
        if refusal is not None:  # a kind not on the list is not published, whatever it holds
            refused = Problem(shown, refusal + _source_of(relative, sources))
            problems += [*found, *_withheld_packed(shown, data, withheld), refused]
            continue
        key = f"{digest} {''.join(PurePosixPath(relative.rpartition('/')[2]).suffixes[-2:]).lower()}"
        if key not in clean:
            same = {withheld.hashes[digest]} if digest in withheld.hashes else set()
            found_in_content = _check_content(shown, relative, data, allowed, withheld, sources, own_url, same)
            if not found_in_content:
                clean.add(key)
            found += found_in_content
        problems += found
    clean.save()
    return problems


def _check_path(shown: Path, relative: str, allowed: set[str], sources: SourceTrace | None) -> list[Problem]:
    """A CPR number in the published path, as written and percent-decoded."""
    numbers: dict[str, str] = {}
    for text in (relative, unquote(relative)):
        for view in as_read(text):
            for _, number in numbers_in(view):
                numbers.setdefault(_digits(number), number)
    return [
        cpr_problem(shown, None, number, sources.where(digits, relative) if sources else "")
        for digits, number in numbers.items()
        if digits not in allowed
    ]


def _check_content(
    shown: Path,
    relative: str,
    data: bytes,
    allowed: set[str],
    withheld: Withheld,
    sources: SourceTrace | None,
    own_url: str,
    same: set[str],
) -> list[Problem]:
    """CPR numbers, withheld titles, text and links, and loads from another host in what the file holds for a
    reader. `same`: the withheld files this one is a copy of, named already."""
    problems: list[Problem] = []
    for packed in packed_files(data):  # a withheld file inside a published archive
        found = _withheld_bytes(shown, hashlib.sha256(packed).hexdigest(), withheld)
        same |= {withheld.hashes[hashlib.sha256(packed).hexdigest()]} if found else set()
        problems += found
    try:
        texts = texts_of(data, relative)
    except UnreadableDocument as refused:
        source = _source_of(relative, sources)
        return problems + [Problem(shown, f"{reason}{source}") for reason in refused.reasons]
    numbers: dict[str, str] = {}
    views: list[str] = []
    read_words: list[str] = []  # for the withheld documents' text, only when there are some
    for text in texts:
        text_views = as_read(text.text, markup=text.markup, css=text.css, whole_text=bool(withheld.titles))
        for view in text_views:
            views.append(view)
            for _, number in numbers_in(view):
                numbers.setdefault(_digits(number), number)
        read_words += words_in(text_views[0], markup=text.markup) if withheld.texts else []
    for digits, number in numbers.items():
        if digits not in allowed:
            problems.append(cpr_problem(shown, None, number, sources.where(digits, relative) if sources else ""))
    problems += _withheld_titles(shown, views, withheld)
    problems += _withheld_links(shown, relative, views, withheld)
    held = withheld.texts.held_in(read_words)
    problems += [_withheld_text(shown, source, share) for source, share in held if source not in same]
    for text in texts:
        for url in external_loads(text.text, relative, own_url):
            problems.append(Problem(shown, external_load_message(url, sources.where_text(url) if sources else "")))
    return problems


def _withheld_packed(shown: Path, data: bytes, withheld: Withheld) -> list[Problem]:
    """A withheld file packed inside the published one (a gzip's content, an archive's member)."""
    return [
        problem
        for packed in packed_files(data)
        for problem in _withheld_bytes(shown, hashlib.sha256(packed).hexdigest(), withheld)
    ]


def _source_of(relative: str, sources: SourceTrace | None) -> str:
    """' (kilde: docs/x.pdf)' when the published file is a copy of a file under docs/ by the same path."""
    source = sources.docs_dir / relative if sources else None
    return f" (kilde: {source.relative_to(sources.root).as_posix()})" if source and source.is_file() else ""


def _withheld_bytes(shown: Path, digest: str, withheld: Withheld) -> list[Problem]:
    source = withheld.hashes.get(digest)
    if source is None:
        return []
    return [
        Problem(shown, f"filen er den samme som {source}, der er tilbageholdt; den må ikke udgives under noget navn.")
    ]


def _withheld_place(shown: Path, relative: str, withheld: Withheld) -> list[Problem]:
    """A page or file at the place a withheld item's own would have: left by an earlier build (--dirty)."""
    what = withheld.paths.get(relative)
    if what is None:
        return []
    return [
        Problem(
            shown,
            f"her ville {what} ligge, men det er tilbageholdt: filen er fra en tidligere bygning og er nu fjernet. "
            "Byg igen.",
        )
    ]


def _withheld_text(shown: Path, source: str, share: float) -> Problem:
    return Problem(
        shown,
        f"teksten svarer til {source}, der er tilbageholdt: {round(share * 100)} % af dens tekst står også her "
        f"(grænsen er {round(THRESHOLD * 100)} %). Udgiv ikke det tilbageholdte indhold under et andet navn eller "
        "i et andet format; fjern det fra filen, eller fjern filen.",
    )


def _unreadable_withheld(withheld: Withheld) -> list[Problem]:
    return [
        Problem(
            Path(source),
            f"filen er tilbageholdt, men dens tekst kan ikke læses ({reason}), så porten kan ikke se, om den "
            "udgives under et andet navn. Gem den, så den kan læses (fx som PDF), eller fjern den fra docs/.",
        )
        for source, reason in withheld.unreadable.items()
    ]


def _withheld_links(shown: Path, relative: str, views: list[str], withheld: Withheld) -> list[Problem]:
    return [
        Problem(shown, f"linker til '{target}', der hører til {what}, som er tilbageholdt. Fjern linket, og byg igen.")
        for target, what in withheld.linked_in(views, relative).items()
    ]


def _withheld_titles(shown: Path, views: list[str], withheld: Withheld) -> list[Problem]:
    if not withheld.titles:
        return []
    folded = words(" ".join(views)).casefold()
    return [
        Problem(shown, f"teksten nævner titlen på {what}, der er tilbageholdt. Fjern titlen fra det, der udgives.")
        for title, what in withheld.titles.items()
        if title in folded
    ]


def gate_report(problems: list[Problem]) -> str:
    """The Danish report of a stopped build: a head line and one line per problem."""
    count = len(problems)
    head = (
        "Bygningen er stoppet: 1 fejl i det, der skulle udgives:"
        if count == 1
        else (f"Bygningen er stoppet: {count} fejl i det, der skulle udgives:")
    )
    return "\n".join([head, *(f"  - {p}" for p in problems)])


def withdraw(site_dir: Path, problems: list[Problem], shown_as: str = "site") -> None:
    """Delete every file a problem names from `site_dir`, so a stopped build leaves nothing of it to serve."""
    for problem in problems:
        relative = Path(problem.file).relative_to(shown_as) if Path(problem.file).is_relative_to(shown_as) else None
        if relative is not None:
            (site_dir / relative).unlink(missing_ok=True)


def output_gate(
    site_dir: Path,
    root: Path,
    docs_dir: Path,
    catalog,
    allow: Collection[str],
    site_url: str,
    last: LastFolder | None = None,
) -> str | None:
    """The gate as a build runs it on `site_dir`: None when everything may be published; else the files it names
    are withdrawn from the site and the Danish report of why the build stops is returned. `last`: see
    published_files."""
    problems = check_output(
        site_dir,
        allow=allow,
        withheld=withheld_in(catalog, docs_dir, paths.cache_dir(root, paths.WITHHELD_TEXT_CACHE)),
        sources=SourceTrace(root, docs_dir),
        own_url=site_url,
        cache_dir=paths.cache_dir(root, paths.GATE_CACHE),
        last=last,
        vendored=pinned_files(),
    )
    if not problems:
        return None
    withdraw(site_dir, problems)
    return gate_report(problems)
