"""The annual status: pages only for years that have begun, figures that agree, Danish counts, the written parts
(Status på indsatserne, Politifaglig vurdering) where they belong or 'Afventer', and a print stylesheet that marks
every printed page."""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from vidensportal.catalog import load_catalog
from vidensportal.content.annual import year_figures, years_with_data
from vidensportal.content.render_charts import activity_values
from vidensportal.content.render_followup import PROSE_SECTIONS, annual_prose
from vidensportal.data.model import CLASSIFICATION_ORDER
from vidensportal.errors import DataError
from vidensportal.numbers import MATERIAL, SEMINAR, STATUS_ADJECTIVES, count

from .support import BUILD_ENV, ROOT, build_fails, build_ok, copy_project

TODAY = date(2026, 11, 25)
LATE_MATERIAL = """
titel: Notat dateret i december
type: notat
dato: 2026-12-10
link: https://notater.example/december
spor: [forebyggelse]
klassifikation: intern
"""
# A count whose noun disagrees with its number: '1 vidensseminarer', '2 vidensseminar'.
WRONG_FORM = re.compile(
    r"(?<![\d.,])(?:1 (?:vidensseminarer|netværksmøder|materialer|møder|indsatser|arrangementer)"
    r"|(?:0|[2-9]|\d{2,}) (?:vidensseminar|netværksmøde|materiale|møde|indsats|arrangement)(?![a-zæøå]))\b"
)


def article_text(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    article = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", article)).replace("¶", " ").split())


@pytest.mark.parametrize(
    ("number", "noun", "expected"),
    [
        (1, SEMINAR, "1 vidensseminar"),
        (0, SEMINAR, "0 vidensseminarer"),
        (2, SEMINAR, "2 vidensseminarer"),
        (1200, MATERIAL, "1.200 materialer"),
        (1, STATUS_ADJECTIVES["afsluttet"], "1 afsluttet"),
        (3, STATUS_ADJECTIVES["planlagt"], "3 planlagte"),
    ],
)
def test_a_count_takes_the_singular_after_exactly_one(number, noun, expected):
    """count() writes Danish number agreement: the singular after 1 only, 0 and the rest in the plural."""
    assert count(number, noun) == expected


def test_the_wrong_form_pattern_finds_disagreement():
    """Negative control for the site scan below: the pattern finds '1 vidensseminarer' and '2 møde', not '1 møde'."""
    samples = ("1 vidensseminarer", "2 møde afholdt", "1 møde", "12 møder", "0 materialer")
    found = [t for t in samples if WRONG_FORM.search(t)]
    assert found == ["1 vidensseminarer", "2 møde afholdt"], found


def test_only_years_that_have_begun_get_a_status():
    """2027 has a planned event but has not begun on 25 November 2026; it has from 1 January 2027."""
    catalog = load_catalog(ROOT / "data")
    before, after = years_with_data(catalog, TODAY), years_with_data(catalog, date(2027, 1, 1))
    assert (before, after[0]) == ([2026, 2025], 2027), (before, after)


def test_a_material_counts_in_its_year_and_not_before_its_date(project):
    """A material dated 10 December 2026 is not counted on 25 November, and is from 10 December on."""
    (project / "data/materialer/2026-12-10-notat.yml").write_text(LATE_MATERIAL.lstrip(), encoding="utf-8")
    catalog = load_catalog(project / "data")
    before = year_figures(catalog, 2026, TODAY).materials_published
    after = year_figures(catalog, 2026, date(2026, 12, 10)).materials_published
    assert (before, after) == (2, 3), (before, after)


def test_the_chart_counts_what_the_annual_status_counts():
    """Per year the chart's bars add up to the events held plus the materials published in each track, and the
    meetings held: the planned 2027 event is in no bar."""
    catalog = load_catalog(ROOT / "data")
    years, series, values = activity_values(catalog, TODAY)
    figures = year_figures(catalog, 2026, TODAY)
    label = next(y for y in years if y.startswith("2026"))
    assert [y[:4] for y in years] == ["2026", "2025"], years
    assert values[(label, "Følgegruppemøder")] == figures.meetings.held, values
    # The example seminar is in two tracks, the example slides in one, the minutes in none: 2 + 1.
    assert sum(values[(label, s)] for s in series[:-1]) == 3, values


def test_written_parts_are_read_by_section_name():
    """annual_prose splits the prose at '## ' headings outside code blocks, by the agreed names, case-insensitive."""
    prose = "Indledning.\n\n## politifaglig vurdering\n\nSituationen.\n\n```\n## Ikke en overskrift\n```\n"
    intro, sections = annual_prose(prose, Path("docs/aarsstatus/2026.md"))
    assert intro == "Indledning." and list(sections) == ["Politifaglig vurdering"], (intro, sections)
    assert "## Ikke en overskrift" in sections["Politifaglig vurdering"], sections


def test_an_unknown_section_name_is_a_danish_error_with_the_nearest_name():
    """'## Politifaglig vurdring' names the file, the line and the nearest section name."""
    with pytest.raises(DataError) as caught:
        annual_prose("Tekst\n## Politifaglig vurdring\n", Path("docs/aarsstatus/2026.md"))
    [problem] = caught.value.problems
    assert str(problem).startswith("docs/aarsstatus/2026.md, linje 2: ukendt afsnit 'Politifaglig vurdring'"), problem
    assert "mente du 'Politifaglig vurdering'?" in str(problem) and all(n in str(problem) for n in PROSE_SECTIONS)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped project with the police assessment for 2026 written and the initiatives' status not."""
    project = copy_project(tmp_path_factory.mktemp("aarsstatus") / "projekt")
    (project / "docs/aarsstatus/2026.md").write_text(
        "## Politifaglig vurdering\n\nPolitiets vurdering af situationen i 2026 står her.\n", encoding="utf-8"
    )
    return build_ok(project, env=BUILD_ENV)


@pytest.mark.slow
def test_a_written_part_shows_under_its_heading_and_a_missing_one_says_afventer(written):
    """The written police assessment stands under 'Politifaglig vurdering'; the unwritten status says Afventer."""
    text = article_text(written, "aarsstatus/2026")
    assessment = text.split("Politifaglig vurdering", 1)[1].split("Følgegruppens møder", 1)[0]
    status = text.split("Status på indsatserne", 1)[1].split("Indsatser pr. spor", 1)[0]
    assert "Politiets vurdering af situationen i 2026 står her." in assessment, assessment
    assert "Afventer" in status and "Afventer" not in assessment, (status, assessment)


@pytest.mark.slow
def test_negative_control_without_prose_both_parts_say_afventer(built_site):
    """Without docs/aarsstatus/2026.md both parts say Afventer, so the test above can tell them apart."""
    text = article_text(built_site, "aarsstatus/2026")
    assert text.count("Afventer") == 2, text


@pytest.mark.slow
def test_a_misnamed_section_stops_the_build_with_one_danish_line(project):
    """A section name that is not one of the two stops the build with the file, the line and the nearest name."""
    (project / "docs/aarsstatus/2026.md").write_text("## Status på indsatsene\n\nTekst.\n", encoding="utf-8")
    output = build_fails(project)
    assert "docs/aarsstatus/2026.md, linje 1: ukendt afsnit 'Status på indsatsene'" in output, output
    assert "mente du 'Status på indsatserne'?" in output, output


@pytest.mark.slow
def test_no_count_on_the_site_disagrees_with_its_number(built_site):
    """No page of the built site shows a count whose noun disagrees with its number ('1 vidensseminarer')."""
    wrong = []
    for page in built_site.rglob("index.html"):
        text = " ".join(unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))).split())
        wrong += [f"{page.relative_to(built_site)}: {m.group()}" for m in WRONG_FORM.finditer(text)]
    assert not wrong, "counts that disagree:\n" + "\n".join(wrong)


def _css_blocks(css: str) -> str:
    return re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)


def test_print_marks_every_page_with_the_sites_classification():
    """print.css has a named page per classification whose top margin box repeats main.html's marking sentence,
    and chooses it by the marking's data-klassifikation."""
    css = _css_blocks((ROOT / "docs/assets/print.css").read_text(encoding="utf-8"))
    template = (ROOT / "overrides/main.html").read_text(encoding="utf-8")
    sentence = " ".join(re.search(r"</strong>(.*?)</p>", template, re.S).group(1).split())
    problems = []
    for level in CLASSIFICATION_ORDER:
        page = re.search(rf"@page vp-{level}\s*\{{\s*@top-center\s*\{{\s*content:\s*\"([^\"]*)\"", css)
        if not page or page.group(1) != f"{level.capitalize()} {sentence}":
            problems.append(f"{level}: {page.group(1) if page else 'no named page'}")
        if not re.search(rf'\.vp-marking\[data-klassifikation="{level}"\]\)\s*\{{\s*page: vp-{level};', css):
            problems.append(f"{level}: not chosen by the marking")
    if 'data-klassifikation="{{ site.klassifikation' not in template:
        problems.append("main.html's marking has no data-klassifikation")
    assert not problems, problems


def test_print_keeps_links_black_charts_with_headings_and_no_lone_lines():
    """In print, links are black and not underlined, a chart is not split, and paragraphs keep 3 lines together."""
    block = _css_blocks((ROOT / "docs/assets/print.css").read_text(encoding="utf-8")).split("@media print", 1)[1]
    wanted = {
        "links black": r"\.md-typeset a[^{]*\{\s*color: #000 !important;\s*text-decoration: none !important;",
        "chart kept whole": r"\.vp-keep,\s*\.vp-chart-frame,[^{]*\{\s*break-inside: avoid;",
        "headings kept with what follows": r"\.md-typeset h2,[^{]*\{\s*break-after: avoid;",
        "orphans and widows": r"orphans: 3;\s*widows: 3;",
    }
    missing = [name for name, pattern in wanted.items() if not re.search(pattern, block)]
    assert not missing, f"print.css lacks: {missing}"
