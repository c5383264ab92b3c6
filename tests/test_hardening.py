"""Hardening: generated hostile text never comes out as markup, broken YAML only gives clear errors,
builds are reproducible, and publishing never leaves a half-built site."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vidensportal.catalog import load_catalog
from vidensportal.content import render, render_events, render_followup
from vidensportal.content.pages import generated_pages
from vidensportal.content.text import md
from vidensportal.errors import DataError

from .support import (
    HOSTILE,
    ROOT,
    SITE_MARKDOWN_EXTENSIONS,
    SYNTAX,
    copy_project,
    hostile_catalog,
    replace_in,
    run_build,
)

EXTENSIONS = SITE_MARKDOWN_EXTENSIONS
TODAY = date(2026, 11, 25)


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(HOSTILE)
def test_any_text_through_md_is_one_plain_paragraph(value):
    """For any text, md() rendered by Markdown gives one paragraph holding exactly that text (whitespace folded)."""
    html = markdown.markdown(md(value), extensions=EXTENSIONS)
    folded = " ".join(value.split())
    elements = parse(html)
    if folded:
        assert elements.tags == ["p"], f"{value!r} became {html!r}"
    assert "".join(elements.text) == folded, f"{value!r} came out as {''.join(elements.text)!r}"




def _markdown(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def _all_html(catalog) -> dict[str, str]:
    """Every generated page and every listing macro, as the HTML the site would show."""
    pages = {
        path: "\n".join([page.head, _markdown(page.body), page.tail])
        for path, page in generated_pages(catalog, {}, TODAY).items()
    }
    here = "index.md"
    pages["macros"] = render_events.put_in_listings(_markdown(
        "\n\n".join(
            [
                render.parties_overview(catalog, here),
                render.tracks_overview(catalog, here),
                render.goals_overview(catalog, here),
                render.organisation(catalog, here),
                render_events.events_overview(catalog, here, TODAY),
                render_events.materials_library(catalog, here),
                render_followup.meetings_by_year(catalog, here, TODAY),
                render_followup.initiatives_overview(catalog, here),
                render_followup.initiatives_by_goal(catalog, here),
            ]
        )
    ), catalog, here, TODAY)
    return pages


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE)
def test_hostile_text_in_every_data_field_never_becomes_markup(catalog, value):
    """Text with a <u> tag in every rendered data field adds no element and no event handler to any page."""
    hostile = f"<u onclick=x>{value}</u>{value}"
    problems = []
    plain = _all_html(hostile_catalog(catalog, "tekst"))
    for path, page in _all_html(hostile_catalog(catalog, hostile)).items():
        html, baseline = parse(page), parse(plain[path])
        if "u" in html.tags or html.handlers or sorted(set(html.tags)) != sorted(set(baseline.tags)):
            problems.append(f"{path}: {sorted(set(html.tags) ^ set(baseline.tags))} {html.handlers}")
    assert not problems, f"markup from data with {value!r}:\n" + "\n".join(problems)


def test_negative_control_html_text_without_escaping_is_caught(monkeypatch, catalog):
    """Negative control: if the generated pages' html.text() stopped escaping, the check above would fail."""
    from markupsafe import Markup

    from vidensportal.content import html as builders

    monkeypatch.setattr(builders, "text", lambda value: Markup(str(value)))  # noqa: S704 -- the unsafe case on purpose
    pages = _all_html(hostile_catalog(catalog, "<u onclick=x>tekst</u>"))
    leaked = [path for path, page in pages.items() if "u" in parse(page).tags]
    assert any(path.startswith("seminarer/") for path in leaked), f"not caught: {sorted(leaked)[:5]}"


MUTATIONS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=10_000),
        st.sampled_from(["delete", "insert"]),
        st.sampled_from(SYNTAX + "\t"),
    ),
    min_size=1,
    max_size=4,
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("yaml") / "projekt")


@pytest.mark.slow
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["parter/eas.yml", "spor.yml", "seminarer/2026-03-12-eksempel-rekruttering.yml"]), MUTATIONS)
def test_broken_yaml_only_ever_gives_clear_danish_errors(scratch, name, mutations):
    """Randomly broken data files load or fail with DataError naming the file, never with another exception."""
    path = scratch / "data" / name
    original = (ROOT / "data" / name).read_text(encoding="utf-8")
    text = original
    for position, action, char in mutations:
        at = position % (len(text) + 1)
        text = text[:at] + text[at + 1 :] if action == "delete" else text[:at] + char + text[at:]
    path.write_text(text, encoding="utf-8")
    problems = None
    try:
        load_catalog(scratch / "data")
    except DataError as error:  # the one exception allowed; anything else fails the test
        problems = error.problems
    finally:
        path.write_text(original, encoding="utf-8")
    if problems is not None:
        assert problems, "a DataError without problems"
        assert all(str(p).startswith("data/") for p in problems), [str(p) for p in problems]


@pytest.mark.slow
def test_two_builds_with_source_date_epoch_are_byte_identical(tmp_path):
    """Built twice with the same SOURCE_DATE_EPOCH, every file of the site is byte for byte the same."""
    env = {"SOURCE_DATE_EPOCH": "1795000000"}
    first, second = tmp_path / "a" / "site", tmp_path / "b" / "site"
    for out in (first, second):
        out.parent.mkdir()
        result = run_build(ROOT, out, env=env)
        assert result.returncode == 0, result.stderr
    comparison = filecmp.dircmp(first, second)
    differing = []

    def walk(cmp: filecmp.dircmp, prefix: str = "") -> None:
        differing.extend(prefix + name for name in cmp.diff_files + cmp.left_only + cmp.right_only)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(comparison)
    # dircmp compares shallowly (size and mtime first); compare every file's bytes as well.
    files = [p.relative_to(first) for p in first.rglob("*") if p.is_file()]
    differing += [str(f) for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert files, "nothing was built"
    assert not differing, f"files that differ between two builds: {sorted(set(differing))}"


def _build_site(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "tools.build_site"]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.slow
def test_a_failed_build_leaves_the_published_site_untouched(project):
    """make build replaces site/ only after a successful build; a failed one leaves the old site/ as it was."""
    shutil.copytree(ROOT / "tools", project / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    first = _build_site(project)
    assert first.returncode == 0, first.stderr
    home = project / "site" / "index.html"
    before = home.read_bytes()
    parties = project / "data" / "parter" / "al-capone.yml"
    replace_in(parties, "spor: [bekaempelse]", "spor: [bekampelse]")
    (project / "docs" / "index.md").write_text("# Ændret forside\n", encoding="utf-8")
    second = _build_site(project)
    assert second.returncode != 0, "the broken build did not fail"
    assert "site/ er ikke ændret" in second.stderr, second.stderr
    assert home.read_bytes() == before, "the failed build changed the published site"
    leftovers = [p.name for p in project.rglob(".site-*") if p.name != ".site-udgaver"]
    releases = list((project / ".site-udgaver").iterdir())
    assert not leftovers and releases == [home.parent.resolve()], f"left behind: {leftovers}, releases {releases}"
