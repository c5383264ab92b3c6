"""plan_site: the catalog and the files the builder found in docs/ → everything the site adds and drops.

The adapter carries the plan out; every rule about what is published and where lives here. Planning is pure: it
reads the prose it places and starts nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from vidensportal.catalog import Catalog
from vidensportal.content.dates import local_day
from vidensportal.content.ics import MISSING_SITE_URL, site_calendars
from vidensportal.content.pages import GeneratedPage, generated_pages, page_ids
from vidensportal.content.prose import generated_prose
from vidensportal.data.yamlfile import PAGE_SUFFIXES, front_matter_problems
from vidensportal.errors import DataError, Problem, did_you_mean
from vidensportal.guards.page_calls import page_call_problems
from vidensportal.paths import MATERIALS_DIR


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
    *,
    site_name: str,
    site_url: str | None,
    moment: datetime,
) -> SitePlan:
    """Every generated page and calendar, the docs/ files that are not published as they are, and the problems."""
    today = local_day(moment)
    expected = page_ids(catalog, today)
    shown_dir = Path(sources.docs_dir.name)
    removals, problems, prose = set(), [], {}
    notes = [f"ADVARSEL: {warning}" for warning in catalog.warnings]
    for src in sources.files:
        folder, _, name = src.rpartition("/")
        if name.endswith(PAGE_SUFFIXES):
            problems += front_matter_problems(sources.docs_dir / src, shown_dir / src)
        if src in catalog.withheld_files or src in catalog.withheld_pages:  # a withheld item's file or prose
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
            prose[src], found = generated_prose(sources.docs_dir / src, shown_dir / src)
            problems += found
        elif name.endswith(PAGE_SUFFIXES):
            problems += page_call_problems(sources.docs_dir / src, shown_dir / src)
    if problems:
        return SitePlan(problems=tuple(problems))
    try:
        pages = generated_pages(catalog, prose, today)
    except DataError as error:  # e.g. an unknown section in a year's written status
        return SitePlan(problems=tuple(error.problems))
    files = site_calendars(catalog, name=site_name, site_url=site_url, stamp=moment)
    # `mkdocs serve` sets site_url to its own address, so an empty one means a build, most likely to publish.
    notes += [] if site_url else [MISSING_SITE_URL]
    return SitePlan(pages, files, frozenset(removals), tuple(notes))
