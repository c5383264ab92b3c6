"""The source guard and the project boundary: every source file read as mkdocs and the catalog read it, links
out of the project, names the site uses itself, and file names a URL cannot carry."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vidensportal.guards.boundary import links_leaving, misspelt_yaml, reserved_file_names, reserved_id
from vidensportal.guards.cpr import text_check
from vidensportal.guards.project import check_project
from vidensportal.guards.sources import SourceTrace
from vidensportal.paths import reserved_names


def project(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    root = tmp_path / "projekt"
    for name in ("docs", "data", "overrides"):
        (root / name).mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def named(problems) -> list[str]:
    return sorted(f"{p.file.as_posix()}:{p.line}" for p in problems)


SOURCES = {
    ".markdown page": ("docs/side.markdown", "# Side\n\nring 010190-1234\n", 3),
    "svg": ("docs/assets/a.svg", "<svg>\n<text>0101<tspan>90</tspan>-1234</text></svg>", 2),
    "javascript": ("docs/assets/a.js", 'let a = 1;\nlet b = "\\u0030101901234";\n', 2),
    "html": ("docs/assets/a.html", "<p>\n010190&ndash;1234</p>", 2),
    "yaml under docs": ("docs/x.yaml", 'a: "0101\\\n  901234"\n', 1),
    "latin-1": ("docs/gammel.txt", ("Søren\n010190-1234", "latin-1"), 2),
    "utf-16": ("docs/ny.md", ("Søren\n010190-1234", "utf-16"), 2),
    "line break in the number": ("docs/a.md", "ring 010190\n1234 i dag\n", 2),
    "mkdocs.yml": ("mkdocs.yml", "site_name: x\ncopyright: 010190-1234\n", 2),
    "overrides": ("overrides/main.html", "{% extends 'base.html' %}\n<p>0101901234</p>\n", 2),
    "data text file": ("data/noter.txt", "0101901234", 1),
    "pdf under docs": ("docs/materialer/x.pdf", None, None),
}


@pytest.mark.parametrize("route", sorted(SOURCES))
def test_every_source_kind_is_read(tmp_path: Path, route: str):
    """A CPR number in any source file is found early with the file and, where the file is text, its line."""
    name, content, line = SOURCES[route]

    def build(day: str) -> bytes:
        if content is None:
            from tools.make_example_pdf import render_pdf

            return render_pdf("Referat", [f"Borgeren {day}0190-1234 deltog."])
        text, encoding = content if isinstance(content, tuple) else (content, "utf-8")
        return text.replace("0101", day + "01").encode(encoding)

    root = project(tmp_path, {name: build("01")})
    assert named(check_project(root, root / "docs", [])) == [f"{name}:{line}"], route
    control = project(tmp_path / "ok", {name: build("32")})
    assert check_project(control, control / "docs", []) == [], f"{route}: control with day 32 was reported"


def test_a_yaml_value_is_checked_as_yaml_reads_it():
    """A number that exists only once YAML has parsed the file (an escape, a continued line) is found on its line."""
    check = text_check([])
    for text in ('titel: x\nnote: "\\x30101901234"\n', 'titel: x\nnote: "010190\\\n  -1234"\n'):
        problems = check(text, Path("data/seminarer/x.yml"))
        assert [(p.file.as_posix(), p.line) for p in problems] == [("data/seminarer/x.yml", 2)], text
    assert check('titel: x\nnote: "\\x33201901234"\n', Path("data/x.yml")) == [], "control: day 32"


def test_an_alias_bomb_is_checked_in_linear_time():
    """The value walk visits each node once, so a YAML alias bomb costs no more than its text."""
    levels = ["a: &a ['010190-123x']"] + [
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(9)
    ]
    assert text_check([])("\n".join(levels) + "\n", Path("data/x.yml")) == []


def test_a_link_out_of_the_project_is_refused_and_one_inside_is_not(tmp_path: Path):
    """A symbolic link under docs/ or data/ to a file or folder outside the project stops the build naming it;
    a link that stays inside is allowed (negative control)."""
    outside = tmp_path / "ude"
    outside.mkdir()
    (outside / "hemmelig.md").write_text("x")
    root = project(tmp_path, {"docs/a.md": "ok", "data/x.txt": "ok"})
    os.symlink(outside / "hemmelig.md", root / "docs" / "fil.md")
    os.symlink(outside, root / "data" / "mappe")
    os.symlink(root / "docs" / "a.md", root / "docs" / "inde.md")
    problems = links_leaving(root, root / "docs", root / "data")
    assert named(problems) == ["data/mappe:None", "docs/fil.md:None"], [str(p) for p in problems]
    assert all("uden for projektet" in p.message for p in problems), [str(p) for p in problems]


def test_a_file_that_takes_a_path_of_the_site_is_refused(tmp_path: Path):
    """A docs/ file named like the site's own paths (index, kalender, search … in a generated folder, sitemap,
    404 at the top) is an error naming it; ordinary names and a folder's own index.md are not (control)."""
    bad = ["docs/seminarer/kalender.ics", "docs/materialer/search.md", "docs/sitemap.xml", "docs/parter/tags.md"]
    good = ["docs/seminarer/index.md", "docs/seminarer/2026-03-12-x.md", "docs/assets/site.css", "docs/index.md"]
    root = project(tmp_path, dict.fromkeys(bad + good, "x"))
    assert named(reserved_file_names(root / "docs")) == sorted(f"{name}:None" for name in bad)


@pytest.mark.parametrize("name", ["a b.pdf", "a#b.pdf", "a?b.md", "a%20b.pdf"])
def test_a_file_name_that_breaks_a_url_is_refused(tmp_path: Path, name: str):
    """A file name with #, ?, % or a space is refused with a message saying how to rename it."""
    root = project(tmp_path, {f"docs/materialer/{name}": "x", "docs/materialer/a-b.pdf": "x"})
    problems = reserved_file_names(root / "docs")
    assert named(problems) == [f"docs/materialer/{name}:None"] and "Omdøb" in problems[0].message


def test_reserved_ids_come_from_the_paths_module():
    """Every name the site uses itself is refused as an id, in any case; an ordinary id is not (control)."""
    for name in ["index", "kalender", "tags", "search", "assets", "404", "sitemap", "pagefind", "nyt", "feed"]:
        assert name in reserved_names() and reserved_id(name.upper()), name
    assert reserved_id("rekruttering") is None


def test_an_upper_case_yaml_suffix_is_refused(tmp_path: Path):
    """.YML and .Yaml files in data/ are refused, not skipped; .yml is read (control)."""
    root = project(tmp_path, {"data/seminarer/a.YML": "x: 1", "data/b.Yaml": "x: 1", "data/c.yml": "x: 1"})
    assert named(misspelt_yaml(root / "data")) == ["data/b.Yaml:None", "data/seminarer/a.YML:None"]


def test_the_trace_finds_the_source_file_and_line(tmp_path: Path):
    """A number found in the output is traced to the first source file and line holding it; a number no source
    holds (made while rendering) names the page's own source."""
    root = project(tmp_path, {"docs/a.md": "x\ny\nz 0101&#57;01234\n", "docs/b.md": "intet"})
    trace = SourceTrace(root, root / "docs")
    assert trace.where("0101901234") == " (kilde: docs/a.md, linje 3)"
    assert trace.where("0202905678") == "", "control: a number in no source"
    assert trace.where("0202905678", "b/index.html") == " (siden laves af docs/b.md)", "a page names its source"


def test_a_link_into_the_materials_folder_is_refused(tmp_path: Path):
    """A link elsewhere in docs/ to a file or folder in docs/materialer/ would publish what no material names."""
    from tools.make_example_pdf import render_pdf

    root = project(tmp_path, {"docs/materialer/notat.pdf": render_pdf("Notat", ["x"]), "docs/a.md": "x"})
    os.symlink(root / "docs/materialer", root / "docs/genvej")
    os.symlink(root / "docs/materialer/notat.pdf", root / "docs/kopi.pdf")
    problems = check_project(root, root / "docs", [])
    assert named(problems) == ["docs/genvej:None", "docs/kopi.pdf:None"], [str(p) for p in problems]


def test_a_cpr_number_in_the_name_of_a_data_file_is_caught(tmp_path: Path):
    """A data/ file's name becomes an id and an address: a CPR number in it is found before the build."""
    root = project(tmp_path, {"data/seminarer/2026-03-12-0101901234.yml": "titel: x\n", "data/seminarer/b.yml": "x"})
    assert named(check_project(root, root / "docs", [])) == ["data/seminarer/2026-03-12-0101901234.yml:None"]


def test_a_folder_reached_through_a_link_is_read(tmp_path: Path):
    """A folder linked into docs/ from elsewhere in the project is read as mkdocs reads it, through the link."""
    root = project(tmp_path, {"andet/noter/a.md": "ring 010190-1234", "docs/index.md": "x"})
    os.symlink(root / "andet/noter", root / "docs/noter")
    assert named(check_project(root, root / "docs", [])) == ["docs/noter/a.md:1"]
