"""The site stands without its examples: delete every example (as the guide tells contributors to) and the strict
build passes, no section is left empty without a sentence that says why, no counter says '0 … vises', and no
chart is drawn without data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .support import build_ok, copy_project

_HEADING = re.compile(r"<h([23])[^>]*>(.*?)</h\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def remove_examples(project: Path) -> list[str]:
    """Delete every data file marked `eksempel: true` and every example file under docs/materialer/."""
    removed = []
    for path in sorted((project / "data").rglob("*.yml")):
        if re.search(r"^eksempel: true\s*$", path.read_text(encoding="utf-8"), re.MULTILINE):
            path.unlink()
            removed.append(str(path.relative_to(project)))
    for path in sorted((project / "docs/materialer").glob("eksempel-*")):
        path.unlink()
        removed.append(str(path.relative_to(project)))
    return removed


def empty_sections(html: str) -> list[str]:
    """The h2/h3 headings of an article followed by no text before the next heading or the article's end."""
    article = html.split("<article", 1)[-1].split("</article>", 1)[0]
    found = []
    headings = list(_HEADING.finditer(article))
    for current, following in zip(headings, [*headings[1:], None], strict=False):
        between = article[current.end() : following.start() if following else len(article)]
        nested = following is not None and int(following[1]) > int(current[1])
        if not nested and not _TAG.sub("", between).replace("¶", "").strip():
            found.append(_TAG.sub("", current[2]).replace("¶", "").strip())
    return found


@pytest.fixture(scope="module")
def bare_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("uden-eksempler") / "projekt")
    assert remove_examples(project), "no example to remove: the test no longer matches the data"
    return build_ok(project)


@pytest.mark.slow
def test_every_page_stands_without_the_examples(bare_site: Path):
    """Without examples: no empty section, no '0 … vises' counter, no chart without data, nothing says Eksempel."""
    problems = []
    for page in sorted(bare_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        name = str(page.relative_to(bare_site))
        if empty := empty_sections(html):
            problems.append(f"{name}: empty sections {empty}")
        if re.search(r"\b0 [a-zæøå]+ vises", html):
            problems.append(f"{name}: a counter says 0 … vises")
        if "<svg" in html and 'class="vp-chart' in html and "<rect" not in html.split('class="vp-chart', 1)[1]:
            problems.append(f"{name}: a chart without bars")
        if "vp-badge--example" in html:
            problems.append(f"{name}: an example badge with no example left")
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_negative_control_the_shipped_site_has_examples_and_the_checks_see_an_empty_section(built_site: Path):
    """The shipped site has example badges (so removing them was a change), and the empty-section check finds a
    heading with nothing under it."""
    assert "vp-badge--example" in (built_site / "seminarer/index.html").read_text(encoding="utf-8")
    assert empty_sections("<article><h2>A</h2><h2>B</h2><p>x</p></article>") == ["A"]
