"""make tjek: the build's checks on data/ and docs/ in about a second, with the build's messages and exit code."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .support import run_build, run_tjek


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}; the test no longer matches the project"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder of the project but the build's own cache (.cache/, ignored by git)."""
    return {
        str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.stat().st_size)
        for p in folder.rglob("*")
        if p.relative_to(folder).parts[0] != ".cache"
    }


def test_shipped_content_passes_in_about_a_second(project):
    """On the shipped content make tjek exits 0 within a generous bound, and writes nothing (but the build's cache)."""
    before = _snapshot(project)
    started = time.perf_counter()
    result = run_tjek(project)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, f"make tjek failed on the shipped content:\n{result.stdout}{result.stderr}"
    assert elapsed < 5, f"make tjek took {elapsed:.1f} s (the goal is about a second)"
    assert "Traceback" not in result.stderr, result.stderr
    assert _snapshot(project) == before, "make tjek changed or wrote files in the project"
    assert not (project / "site").exists(), "make tjek wrote site/"


BREAKAGES = {
    "data: an empty classification": (
        "data/seminarer/2027-01-14-eksempel-netvaerksmoede.yml",
        "klassifikation: intern",
        "klassifikation:",
    ),
    "data: a YAML syntax error": ("data/spor.yml", "  navn: ", "  navn "),
    "data: a material's file missing": ("data/seminarer/2026-03-12-eksempel-rekruttering.yml", "fil: ", "fil: docs/"),
    "docs: an unknown macro": ("docs/index.md", "{{ ", "{{ ukendt_makro() }} {{ "),
    "docs: a macro in prose for a generated page": ("docs/parter/eas.md", None, "Tekst {{ spor_oversigt() }}\n"),
    "docs: a CPR number in a page": ("docs/bidrag.md", None, "Kontakt 010190-1234 for mere.\n"),
    "mkdocs.yml: an unknown classification": ("mkdocs.yml", "klassifikation: intern", "klassifikation: hemmelig"),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", list(BREAKAGES))
def test_tjek_says_what_the_build_says(project, case):
    """For each kind of mistake, make tjek fails with exit 1 like the build, and every line it prints is the build's."""
    name, old, new = BREAKAGES[case]
    path = project / name
    if old is None:
        path.write_text(new, encoding="utf-8")
    else:
        replace(path, old, new)
    tjek = run_tjek(project)
    build = run_build(project, project.parent / "site")
    build_output = build.stdout + build.stderr
    lines = [line.strip().removeprefix("- ") for line in tjek.stderr.splitlines() if line.strip()]
    ours = [line for line in lines if not line.startswith(("Tjekket fandt fejl", "Der er "))]
    codes = (tjek.returncode, build.returncode)
    assert codes == (1, 1), f"exit codes (tjek, build) {codes}:\n{tjek.stderr}\n{build_output}"
    assert ours, f"make tjek printed no problem:\n{tjek.stdout}{tjek.stderr}"
    missing = [line for line in ours if line not in build_output]
    assert not missing, f"lines from make tjek that the build does not print: {missing}\nbuild:\n{build_output}"
    assert "Traceback" not in tjek.stderr + build_output


def test_negative_control_tjek_sees_a_broken_file(project):
    """Negative control: the fast check itself fails on a broken data file (without a build to compare)."""
    replace(project / "data/spor.yml", "  navn: ", "  navn ")
    result = run_tjek(project)
    assert result.returncode == 1 and "data/spor.yml, linje" in result.stderr, result.stderr


def test_placeholders_are_listed_but_do_not_fail(project):
    """Placeholder text from make ny-seminar is listed with file and line as ADVARSEL; the check still passes."""
    from tools.new_event import main as new_event

    assert new_event(["--titel", "Pladsholdere", "--dato", "2099-06-01", "--data-dir", str(project / "data")]) == 0
    result = run_tjek(project)
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stdout.splitlines() if line.startswith("ADVARSEL")]
    assert len(warned) == 3, result.stdout
    assert all("data/seminarer/2099-06-01-pladsholdere.yml, linje " in line for line in warned), warned


def test_make_tjek_says_what_it_holds_back(project):
    """A material above the site's classification is named by make tjek, as the build names it; none: no line."""
    clean = run_tjek(project)
    assert clean.returncode == 0 and "Holdes tilbage" not in clean.stdout, f"negative control:\n{clean.stdout}"
    seminar = project / "data/seminarer/2026-03-12-eksempel-rekruttering.yml"
    replace(seminar, "klassifikation: intern", "klassifikation: fortrolig")
    result = run_tjek(project)
    held = [line for line in result.stdout.splitlines() if line.startswith("Holdes tilbage: ")]
    assert result.returncode == 0 and len(held) == 1 and "udgives ikke" in held[0], result.stdout + result.stderr


def test_the_junit_report_holds_the_danish_lines():
    """Each error line is a failed case with the Danish line as its message; no errors: one passed case."""
    import xml.etree.ElementTree as ET

    from tools.tjek import junit_report

    line = "data/spor.yml, linje 3: YAML-syntaksfejl: der mangler et kolon."
    suite = ET.fromstring(junit_report([f"Der er 1 fejl i data:\n  - {line}"], ["ADVARSEL: x"]))  # noqa: S314 - our own output
    messages = [f.get("message") for f in suite.iter("failure")]
    assert messages == [line] and suite.get("failures") == "1", ET.tostring(suite, encoding="unicode")
    clean = ET.fromstring(junit_report([], []))  # noqa: S314 - our own output
    assert clean.get("failures") == "0" and not list(clean.iter("failure")), "negative control: no errors, no failure"
