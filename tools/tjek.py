"""make tjek: check data/ and docs/ as the build does — shape, references, files, classification, CPR numbers and
the pages' macro calls — without building the site or writing anything. Same messages and exit code as `make build`.

python -m tools.tjek [-f mkdocs.yml] [--junit tjek.xml]

--junit writes the same Danish lines as a JUnit report, which GitLab shows in the merge request.
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

from vidensportal.content.dates import build_moment, local_day
from vidensportal.errors import DataError, Problem
from vidensportal.load import read_sources, withheld_note
from vidensportal.plan import SiteSources, plan_site
from vidensportal.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without mkdocs: its !ENV and !!python/name tags only need to parse, not to run."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict:
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 -- a SafeLoader
    except (OSError, yaml.YAMLError) as error:
        raise DataError([Problem(config_file, f"kan ikke læses ({type(error).__name__}). Tjek filen.")]) from None
    return config if isinstance(config, dict) else {}


def check(config_file: Path) -> tuple[list[str], list[str]]:
    """(errors, warnings) as the build would report them: each a block of Danish lines. What the build holds back
    (above the site's classification) is said among the warnings, so "Alt ser fint ud" never hides it."""
    config = read_config(config_file)
    root = config_file.resolve().parent
    docs_dir = root / str(config.get("docs_dir") or "docs")
    extra = config.get("extra") or {}
    settings, problems = read_settings(extra, use_directory_urls=config.get("use_directory_urls", True) is not False)
    if problems:
        return [DataError(problems).report()], []
    try:
        catalog = read_sources(root, docs_dir, settings, local_day(build_moment()))
    except DataError as error:
        return [error.report()], []
    pages = sorted(p for p in docs_dir.rglob("*") if p.is_file() and not _excluded(p.relative_to(docs_dir)))
    sources = SiteSources(docs_dir, tuple(p.relative_to(docs_dir).as_posix() for p in pages))
    name = str(config.get("site_name") or "")
    plan = plan_site(catalog, sources, site_name=name, site_url=None, moment=build_moment())
    warnings = [f"ADVARSEL: {warning}" for warning in catalog.warnings]
    if note := withheld_note(catalog, settings):
        warnings.append(f"Holdes tilbage: {note}")
    return (["\n".join(str(problem) for problem in plan.problems)] if plan.problems else []), warnings


def _excluded(relative: Path) -> bool:
    """Files mkdocs leaves out by default: hidden ones and the templates/ folder."""
    return any(part.startswith(".") for part in relative.parts) or relative.parts[0] == "templates"


def junit_report(errors: list[str], warnings: list[str]) -> bytes:
    """The check as a JUnit report: one failed case per error line, one passed case carrying the warnings."""
    lines = [line.strip().removeprefix("- ") for block in errors for line in block.splitlines() if line.strip()]
    lines = [line for line in lines if not (line.startswith("Der er ") and line.endswith(":"))]  # a heading
    suite = ET.Element("testsuite", name="make tjek", tests=str(len(lines) + 1), failures=str(len(lines)))
    for line in lines:
        case = ET.SubElement(suite, "testcase", classname="make tjek", name=line[:200])
        ET.SubElement(case, "failure", message=line).text = line
    passed = ET.SubElement(suite, "testcase", classname="make tjek", name="advarsler")
    ET.SubElement(passed, "system-out").text = "\n".join(warnings) or "Ingen advarsler."
    return ET.tostring(ET.ElementTree(suite).getroot(), encoding="utf-8", xml_declaration=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.tjek", description="Tjek data/ og docs/ uden at bygge.")
    parser.add_argument("-f", "--config-file", type=Path, default=ROOT / "mkdocs.yml", help="stien til mkdocs.yml")
    parser.add_argument("--junit", type=Path, help="skriv også linjerne som JUnit-rapport (til GitLab)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        errors, warnings = check(args.config_file)
    except DataError as error:
        errors, warnings = [error.report()], []
    if args.junit:
        args.junit.write_bytes(junit_report(errors, warnings))
    for warning in warnings:
        print(warning)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print("Tjekket fandt fejl; ret dem, og kør make tjek igen.", file=sys.stderr)
        return 1
    seconds = f"{time.perf_counter() - started:.1f}".replace(".", ",")
    print(f"Alt ser fint ud: data/ og docs/ er tjekket på {seconds} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
