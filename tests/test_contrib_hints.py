"""Hints where the fix is elsewhere: a path with docs/ in front, a new forvaltning, a key at the wrong indentation."""

from __future__ import annotations

from pathlib import Path

import pytest

from vidensportal.catalog import load_catalog
from vidensportal.errors import DataError

from .support import ROOT, line_number, run_tjek

SEMINAR = "data/seminarer/2026-03-12-eksempel-rekruttering.yml"
MEETING = "data/foelgegruppe/2026-02-10.yml"
PDF = "materialer/eksempel-oplaeg-rekruttering.pdf"
PRESENTERS = "    oplægsholdere:\n      - rolle: Analytiker\n        part: eas"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}; the test no longer matches the data"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def only_problem(project: Path) -> str:
    with pytest.raises(DataError) as caught:
        load_catalog(project / "data", docs_dir=project / "docs")
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 1, "expected exactly one message, got:\n" + "\n".join(messages)
    assert messages[0].endswith((".", "?")), f"not a full sentence: {messages[0]}"
    return messages[0]


def test_negative_control_shipped_data_loads():
    """Negative control: the shipped data loads, so each message below comes from its change."""
    load_catalog(ROOT / "data", docs_dir=ROOT / "docs")


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        (f"docs/{PDF}", f"skriv stien uden docs/ foran: '{PDF}'"),
        (f"/{PDF}", f"må ikke begynde med /. Skriv '{PDF}'"),
        (f"/docs/{PDF}", f"Skriv '{PDF}'"),
        (PDF.replace("/", "\\"), "skriv stien med / i stedet for \\"),
        (f"../docs/{PDF}", "må ikke indeholde '..'"),
        ("eksempel-oplaeg-rekruttering.pdf", f"Mente du '{PDF}'?"),
        (PDF.replace("eksempel", "Eksempel"), f"Mente du '{PDF}'?"),
        (PDF.replace("rekruttering", "rekrutering"), f"Mente du '{PDF}'?"),
        ("materialer/noget-helt-andet.pdf", "Læg filen i docs/materialer/"),
    ],
)
def test_a_wrong_material_path_says_what_to_write(project, written, hint):
    """A material's path that names no file in docs/ says what to write instead, on the 'fil' line."""
    seminar = project / SEMINAR
    replace(seminar, f"fil: {PDF}", f"fil: '{written}'")
    message = only_problem(project)
    assert message.startswith(f"{SEMINAR}, linje {line_number(seminar, 'fil: ')}:"), message
    assert hint in message, message


@pytest.mark.parametrize("parent", ["boerne-og-ungdomsforvaltningen", "kultur-og-fritid", "xyz"])
def test_an_unknown_parent_points_to_a_new_forvaltning_in_organisation_yml(project, parent):
    """A parent that is neither a forvaltning nor a party says that a new forvaltning goes in organisation.yml."""
    replace(project / "data/parter/eki.yml", "forælder: socialforvaltningen", f"forælder: {parent}")
    message = only_problem(project)
    assert f"ukendt forælder '{parent}'" in message and "felt 'forælder'" in message, message
    assert "data/organisation.yml" in message and "forvaltninger:" in message, message


def test_an_unknown_party_without_a_near_id_says_where_the_ids_are(project):
    """An unknown party id with no near match names the file that lists the valid ids."""
    replace(project / SEMINAR, "arrangører: [", "arrangører: [helt-ukendt, ")
    message = only_problem(project)
    assert "ukendt part 'helt-ukendt'. Skriv et id fra data/parter/" in message, message


@pytest.mark.parametrize(
    ("file", "old", "new", "hint"),
    [
        # A material's field written at the event's level: it belongs further in, under 'materialer'.
        (SEMINAR, "klassifikation: intern\n", "klassifikation: intern\nsprog: engelsk\n", "under 'materialer'"),
        # A field of the minutes written at the meeting's level: it belongs under 'referat'.
        (MEETING, "status: afholdt\n", "status: afholdt\nsprog: engelsk\n", "under 'referat'"),
        # An event's field indented into its material: it belongs further out, at the top level.
        (SEMINAR, f"    fil: {PDF}\n", f"    fil: {PDF}\n    resumé: Godt møde.\n", "på øverste niveau"),
        # A presenter's party written at the programme item's level.
        (SEMINAR, PRESENTERS, "    part: eas", "'oplægsholdere'"),
    ],
)
def test_a_key_at_the_wrong_indentation_says_where_it_belongs(project, file, old, new, hint):
    """An unknown key that is valid at another indentation says where it belongs and which way to move it."""
    replace(project / file, old, new)
    message = only_problem(project)
    assert "hører ikke til her" in message and hint in message and "ryk linjen" in message, message


def test_prose_for_a_page_that_does_not_exist_says_what_to_name_it(project):
    """Prose in docs/parter/ named after no party says to name the file after the entry's id, as a full sentence."""
    (project / "docs/parter/helt-ukendt-enhed.md").write_text("Tekst.\n", encoding="utf-8")
    result = run_tjek(project)
    assert result.returncode == 1, result.stderr
    assert "docs/parter/helt-ukendt-enhed.md: der findes ingen post med id 'helt-ukendt-enhed'" in result.stderr
    assert "Giv filen samme navn som id'et" in result.stderr, result.stderr
