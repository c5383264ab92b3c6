"""The guide (docs/bidrag.md) covers every kind of content with an example to copy, and every example is valid."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest

from vidensportal.catalog import load_catalog
from vidensportal.data.model import CLASSIFICATION_ORDER, Material
from vidensportal.data.schema import DATA_KINDS
from vidensportal.errors import DataError

from .support import ROOT, run_tjek

GUIDE = ROOT / "docs" / "bidrag.md"
_BLOCK = re.compile(r"^```yaml\n(# (data/\S+)[^\n]*\n.*?)^```", re.DOTALL | re.MULTILINE)


def examples() -> list[tuple[str, str]]:
    """(data path, YAML text) of every example in the guide that names the file it belongs in."""
    return [(match.group(2), match.group(1)) for match in _BLOCK.finditer(GUIDE.read_text(encoding="utf-8"))]


def test_every_example_in_the_guide_loads(project):
    """Copied into the files they name, the guide's examples load without a problem and appear in the catalog."""
    for name, text in examples():
        path = project / name
        if path.name == "organisation.yml":  # additions at the end of an existing file
            path.write_text(path.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")
        else:
            path.write_text(text, encoding="utf-8")
        for file in re.findall(r"^\s*fil: (\S+)", text, re.MULTILINE):
            (project / "docs" / file).write_bytes(b"%PDF-1.4\n%%EOF\n")
    catalog = load_catalog(project / "data", docs_dir=project / "docs")
    stems = {Path(name).stem for name, _ in examples()}
    missing = [
        stem
        for stem in stems - {"buf-ungeenheden", "organisation"}
        if stem not in {**catalog.events, **catalog.meetings, **catalog.initiatives, **catalog.materials}
    ]
    assert not missing, f"examples that did not reach the catalog: {missing}"
    assert "buf-ungeenheden" in catalog.parties and "boerne-og-ungdomsforvaltningen" in catalog.departments
    assert catalog.meetings["2026-09-08"].minutes is not None, "the Følgegruppe example has its minutes"


def test_the_guide_has_an_example_for_every_kind_of_content():
    """Seminar, network meeting, material file and link, Følgegruppe meeting with minutes, initiative, party and
    forvaltning each have an example naming its file."""
    names = [name for name, _ in examples()]
    texts = "\n".join(text for _, text in examples())
    wanted = {
        "vidensseminar": "type: vidensseminar" in texts,
        "netværksmøde": "type: netværksmøde" in texts,
        "material with a file": "data/materialer/" in " ".join(names) and "fil: materialer/" in texts,
        "material as a link": "link: https://" in texts,
        "minutes": "referat:" in texts and "type: referat" in texts,
        "initiative": any(n.startswith("data/indsatser/") for n in names),
        "meeting": any(n.startswith("data/foelgegruppe/") for n in names),
        "party": any(n.startswith("data/parter/") for n in names),
        "forvaltning": "data/organisation.yml" in names,
    }
    assert all(wanted.values()), f"kinds of content without an example: {[k for k, v in wanted.items() if not v]}"


def test_the_guide_names_every_value_and_step_a_contributor_needs():
    """Every material type, classification, the tiltrådt/udtrådt formats, the editor schemas, make tjek, git and
    make build are in the guide."""
    guide = GUIDE.read_text(encoding="utf-8")
    kinds = typing.get_args(Material.model_fields["kind"].annotation)
    needed = [
        *(f"`{kind}`" for kind in kinds),
        *(f"`{level}`" for level in CLASSIFICATION_ORDER),
        "`tiltrådt`", "`udtrådt`", "ultimo 2026", "yaml-language-server", "make tjek", "git commit", "git push",
        "make build", "make serve", "make ny-seminar", "Portalen kan ikke bygges", "ADVARSEL",
        *(f"data/{kind.pattern.split('/')[0]}" for kind in DATA_KINDS if "/" in kind.pattern),
        "/redaktion/", "make rediger", "Windows", "git clone", "postkasse:", "docs/aarsstatus/<år>.md",
        "## Status på indsatserne", "## Politifaglig vurdering", "ejer:", "senest_gennemgået:", "gennemgå_igen_om:",
        "eksempel: true", "Holdes tilbage",
    ]  # fmt: skip
    missing = [word for word in needed if word not in guide]
    assert not missing, f"the guide does not mention: {missing}"


def test_the_guide_starts_from_the_editor():
    """The first section is the editor in the browser, before any terminal command or file."""
    guide = GUIDE.read_text(encoding="utf-8")
    first = guide.index("\n## 1. ")
    assert "Rediger i browseren" in guide[first : first + 40] and first < guide.index("make serve"), guide[:first]


def listed_example_files() -> set[str]:
    """The files section 'Fjern eksemplerne' tells contributors to delete."""
    guide = GUIDE.read_text(encoding="utf-8")
    block = guide[guide.index("<!-- eksempelfiler: start -->") : guide.index("<!-- eksempelfiler: slut -->")]
    return set(re.findall(r"`((?:data|docs)/[^`]+)`", block))


def test_the_guide_lists_exactly_the_example_files():
    """Every data file with 'eksempel: true' (but the initiatives, which are corrected) and every file its
    materials name is in the list; nothing else is."""
    examples_in_data = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "data").rglob("*.yml")
        if "\neksempel: true" in path.read_text(encoding="utf-8") and path.parent.name != "indsatser"
    }
    files = set(re.findall(r"fil: (materialer/\S+)", "".join((ROOT / p).read_text("utf-8") for p in examples_in_data)))
    wanted = examples_in_data | {f"docs/{file}" for file in files}
    listed = listed_example_files()
    assert listed == wanted, f"listed but not examples: {listed - wanted}; examples not listed: {wanted - listed}"


def test_removing_the_examples_as_the_guide_says_leaves_a_project_that_passes(project):
    """Delete the listed files and the initiatives' 'eksempel: true': make tjek passes and nothing is an example."""
    for name in listed_example_files():
        (project / name).unlink()
    for path in (project / "data" / "indsatser").glob("*.yml"):
        path.write_text(path.read_text(encoding="utf-8").replace("eksempel: true\n", ""), encoding="utf-8")
    result = run_tjek(project)
    assert result.returncode == 0, result.stdout + result.stderr
    catalog = load_catalog(project / "data", docs_dir=project / "docs")
    left = [key for key, item in {**catalog.events, **catalog.meetings, **catalog.initiatives}.items() if item.example]
    assert not left and not [m for m in catalog.materials.values() if m.example], left


def test_negative_control_the_example_check_sees_a_broken_example(project):
    """Negative control: an example with a wrong value would not load."""
    name, text = next((n, t) for n, t in examples() if n.startswith("data/seminarer/"))
    (project / name).write_text(text.replace("klassifikation: intern", "klassifikation: hemmelig", 1), "utf-8")
    with pytest.raises(DataError, match="hemmelig"):
        load_catalog(project / "data", docs_dir=project / "docs")
