"""plan_site: the catalog, the files mkdocs found in docs/ and the settings → everything the site adds and drops.

The adapter carries the plan out; every rule about what is published and where lives here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path, PurePosixPath

from vidensportal.background import Background, BackgroundError
from vidensportal.catalog import Catalog, load_catalog
from vidensportal.content.dates import local_day
from vidensportal.content.ics import MISSING_SITE_URL, site_calendars
from vidensportal.content.pages import GeneratedPage, generated_pages, page_ids
from vidensportal.content.prose import macros_in_prose
from vidensportal.data.yamlfile import PAGE_SUFFIXES, front_matter_problems
from vidensportal.editor.site_files import editor_files
from vidensportal.errors import DataError, Problem, did_you_mean
from vidensportal.guards.cpr import text_check
from vidensportal.guards.project import check_project
from vidensportal.paths import MATERIALS_DIR
from vidensportal.settings import SiteSettings


@dataclass(frozen=True)
class SitePlan:
    """What the build adds (generated pages, generated files), what it drops from docs/, and why it cannot go on."""

    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    removals: frozenset[str] = frozenset()
    notes: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class SiteSources:
    """The files mkdocs found in docs/, docs-relative and POSIX, and where docs/ is."""

    docs_dir: Path
    files: tuple[str, ...]


def _unlisted_material_file(catalog: Catalog, src: str) -> bool:
    """Only files that a published material names leave docs/materialer/: nothing forgotten slips out."""
    published = {f.path for f in catalog.files.values()}
    return src.startswith(f"{MATERIALS_DIR}/") and not src.endswith(".md") and src not in published


def plan_site(
    catalog: Catalog,
    sources: SiteSources,
    settings: SiteSettings,
    *,
    site_name: str,
    site_url: str | None,
    moment: datetime,
) -> SitePlan:
    """Every generated page and calendar, the docs/ files that are not published as they are, and the problems.
    The calendars are made in a process of their own while the pages are."""
    today = local_day(moment)
    expected = page_ids(catalog, today)
    shown_dir = Path(sources.docs_dir.name)
    removals, problems, prose = set(), [], {}
    notes = [f"ADVARSEL: {warning}" for warning in catalog.warnings]
    for src in sources.files:
        folder, _, name = src.rpartition("/")
        if name.endswith(PAGE_SUFFIXES):
            problems += front_matter_problems(sources.docs_dir / src, shown_dir / src)
        if src in catalog.withheld_files:
            removals.add(src)
        elif _unlisted_material_file(catalog, src):
            removals.add(src)
            notes.append(f"docs/{src} hører ikke til et materiale i data/ og udgives ikke.")
        elif folder in expected and name.endswith(".md") and name != "index.md":
            removals.add(src)
            stem = PurePosixPath(name).stem
            if stem not in expected[folder]:
                hint = did_you_mean(stem, sorted(expected[folder]))
                rename = ". Giv filen samme navn som id'et på den post, teksten hører til."
                message = f"der findes ingen post med id '{stem}' at knytte teksten til{hint or rename}"
                problems.append(Problem(shown_dir / src, message))
                continue
            prose[src] = (sources.docs_dir / src).read_text(encoding="utf-8-sig")
            problems += macros_in_prose(prose[src], shown_dir / src)
    if problems:
        return SitePlan(problems=tuple(problems))
    calendars = Background(partial(site_calendars, catalog, name=site_name, site_url=site_url, stamp=moment))
    # docs/ lies in the project's folder, beside node_modules/ where the editor's bundle is installed.
    editor = editor_files(sources.docs_dir.parent, sources.docs_dir, site_name, settings.classification)
    problems += editor.problems
    notes += editor.notes
    try:
        pages = generated_pages(catalog, prose, today)
    except DataError as error:  # e.g. an unknown section in a year's written status
        problems += error.problems
    try:
        files = {**calendars.result(), **editor.files}
    except BackgroundError as error:
        problems.append(Problem(Path("kalendere"), f"kalenderfilerne kunne ikke laves: {error}."))
    if problems:
        return SitePlan(problems=tuple(problems))
    # `mkdocs serve` sets site_url to its own address, so an empty one means a build, most likely to publish.
    notes += [] if site_url else [MISSING_SITE_URL]
    return SitePlan(pages, files, frozenset(removals), tuple(notes))


def withheld_note(catalog: Catalog, settings: SiteSettings) -> str | None:
    """The build's one line on what it held back, or None when nothing was."""
    if not catalog.withheld:
        return None
    return (
        f"{len(catalog.withheld)} element(er) er over klassifikationen '{settings.classification}' og udgives ikke: "
        + ", ".join(catalog.withheld)
    )


def read_sources(root: Path, docs_dir: Path, settings: SiteSettings) -> Catalog:
    """Guard the sources and read data/ once into the catalog; raises DataError with every problem found. The
    guard reads the sources in a process of its own while the catalog is read."""
    guard = Background(check_project, root, docs_dir, settings.cpr_allowed)
    # The YAML in data/ is checked for CPR numbers as the catalog reads it.
    check = text_check(settings.cpr_allowed, root / ".cache" / "datavagt")
    try:
        catalog = load_catalog(
            root / "data",
            docs_dir=docs_dir,
            publish_up_to=settings.classification,
            max_file_bytes=settings.max_file_bytes,
            check_text=check,
        )
    except DataError as error:
        raise DataError(_guarded(guard) + error.problems) from None
    if problems := _guarded(guard):
        raise DataError(problems)
    check.save()
    return catalog


def _guarded(guard: Background[list[Problem]]) -> list[Problem]:
    try:
        return guard.result()
    except BackgroundError as error:
        return [Problem(Path("kildevagten"), f"kunne ikke læse kilderne: {error}.")]
