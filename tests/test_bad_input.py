"""Each kind of bad input stops loading with one clear Danish message naming file, line, entry and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from vidensportal.catalog import load_catalog
from vidensportal.content.prose import macros_in_prose
from vidensportal.errors import DataError

from .support import ROOT, build_fails, build_ok, line_number


@pytest.fixture
def data(project: Path) -> Path:
    """data/ of a private copy of the project (with its docs/, where material files live)."""
    return project / "data"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}; the test no longer matches the data"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalog(data)
    return [str(p) for p in caught.value.problems]


def only(problems: list[str]) -> str:
    assert len(problems) == 1, "expected exactly one message, got:\n" + "\n".join(problems)
    return problems[0]


def test_shipped_data_loads_without_problems():
    """Negative control: the shipped data loads cleanly, so each failure below is caused by its change."""
    load_catalog(ROOT / "data")


def test_yaml_syntax_error(data):
    """A YAML syntax error names the file and the line, in a Danish frame."""
    parties = data / "parter" / "osa.yml"
    replace(parties, "navn: Operativ Specialafdeling", "navn: [Operativ Specialafdeling")
    message = only(problems_of(data))
    assert message.startswith("data/parter/osa.yml, linje "), message
    assert "YAML-syntaksfejl" in message, message


def test_missing_required_field(data):
    """A missing required field names file, line, entry and field."""
    parties = data / "parter" / "osa.yml"
    replace(parties, "navn: Operativ Specialafdeling\n", "")
    message = only(problems_of(data))
    line = line_number(parties, "id: osa")
    expected = "feltet mangler. Tilføj linjen 'navn: …' med en tekst."
    assert message == f"data/parter/osa.yml, linje {line}: felt 'navn': {expected}", message


def test_wrong_type(data):
    """A value of the wrong type names the field and what was expected."""
    tracks = data / "spor.yml"
    replace(tracks, "    nummer: 2\n", "    nummer: to\n")
    message = only(problems_of(data))
    assert message == (
        f"data/spor.yml, linje {line_number(tracks, 'nummer: to')}: post 'bekaempelse': felt 'nummer': "
        "'to' er ikke et helt tal. Skriv tallet med cifre, fx 3."
    ), message


def test_unknown_reference_suggests_the_nearest_id(data):
    """A misspelt reference names the nearest valid id."""
    parties = data / "parter" / "al-capone.yml"
    replace(parties, "spor: [bekaempelse]", "spor: [bekampelse]")
    message = only(problems_of(data))
    assert message == (
        f"data/parter/al-capone.yml, linje {line_number(parties, 'bekampelse')}: post 'al-capone': "
        "felt 'spor → nr. 1': ukendt spor 'bekampelse' – mente du 'bekaempelse'?"
    ), message


def test_unknown_parent(data):
    """A parent that does not exist is an error on the 'forælder' field."""
    parties = data / "parter" / "eki.yml"
    replace(parties, "forælder: socialforvaltningen\n", "forælder: socialforvaltning\n")
    message = only(problems_of(data))
    assert "post 'eki': felt 'forælder'" in message and "mente du 'socialforvaltningen'?" in message, message
    assert f"linje {line_number(parties, 'forælder: socialforvaltning')}" in message.split("\n")[0]


def test_duplicate_id(data):
    """A party file whose id is not its file name names the file, the line and both names."""
    parties = data / "parter" / "dks.yml"
    replace(parties, "id: dks", "id: eas")
    message = only(problems_of(data))
    assert message == (
        f"data/parter/dks.yml, linje {line_number(parties, 'id: eas')}: post 'dks': felt 'id': "
        "id 'eas' skal være det samme som filnavnet ('dks'). Ret det ene."
    ), message


def test_parent_cycle(data):
    """A unit that ends up as its own ancestor is reported once, with the loop."""
    parties = data / "parter" / "naerpolitiafdelingen.yml"
    replace(parties, "myndighed: koebenhavns-politi\n", "myndighed: koebenhavns-politi\nforælder: dks\n")
    message = only(problems_of(data))
    assert "forælder-kæden går i ring" in message and "naerpolitiafdelingen → dks → naerpolitiafdelingen" in message, (
        message
    )


def test_impossible_date(data):
    """An impossible date such as 30 February is an error, not a crash."""
    parties = data / "parter" / "oc.yml"
    replace(parties, "forkortelse: OC\n", "forkortelse: OC\nudtrådt: 2024-02-30\n")
    message = only(problems_of(data))
    assert message == (
        f"data/parter/oc.yml, linje {line_number(parties, '2024-02-30')}: felt 'udtrådt': "
        "'2024-02-30' er ikke en gyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-12."
    ), message


def test_empty_file(data):
    """An empty file (or one with only comments) is named as empty."""
    (data / "spor.yml").write_text("# intet her\n", encoding="utf-8")
    assert only(problems_of(data)) == "data/spor.yml: filen er tom. Udfyld den eller slet den."


def test_file_not_utf8(data):
    """A file saved in another encoding than UTF-8 names the file and the line of the first bad byte."""
    tracks = data / "spor.yml"
    tracks.write_bytes(tracks.read_text(encoding="utf-8").encode("latin-1"))
    first_non_ascii = next(
        i for i, line in enumerate(tracks.read_bytes().splitlines(), 1) if max(line, default=0) > 127
    )
    message = only(problems_of(data))
    assert message.startswith(f"data/spor.yml, linje {first_non_ascii}: "), message
    assert "UTF-8" in message, message


def test_unknown_key_is_a_typo_not_ignored(data):
    """A misspelt key is an error that suggests the right key."""
    parties = data / "parter" / "osa.yml"
    replace(parties, "forkortelse: OSA", "forkortelsse: OSA")
    message = only(problems_of(data))
    line = line_number(parties, "forkortelsse")
    expected = f"linje {line}: felt 'forkortelsse': ukendt felt 'forkortelsse' – mente du 'forkortelse'?"
    assert expected in message, message


def test_every_problem_is_reported_at_once(data):
    """Two independent mistakes in two files are both reported in one run."""
    replace(data / "parter" / "osa.yml", "forkortelse: OSA", "forkortelsse: OSA")
    replace(data / "spor.yml", "    nummer: 2\n", "    nummer: to\n")
    problems = problems_of(data)
    files = {p.split(",")[0] for p in problems}
    assert len(problems) == 2 and files == {"data/parter/osa.yml", "data/spor.yml"}, problems


@pytest.mark.slow
def test_a_bad_input_fails_the_mkdocs_build_with_one_clear_line(project):
    """Through mkdocs, a data error exits non-zero with the Danish message and no traceback."""
    replace(project / "data" / "parter" / "al-capone.yml", "spor: [bekaempelse]", "spor: [bekampelse]")
    output = build_fails(project)
    assert "ERROR" in output and "mente du 'bekaempelse'?" in output and "data/parter/al-capone.yml, linje" in output, (
        output
    )


@pytest.mark.slow
def test_a_prose_file_for_an_unknown_party_fails_the_build(project):
    """docs/parter/<id>.md for an id that has no party is an error that names the nearest id."""
    (project / "docs" / "parter" / "eass.md").write_text("Ekstra tekst.\n", encoding="utf-8")
    output = build_fails(project)
    assert "docs/parter/eass.md" in output and "mente du 'eas'?" in output, output


@pytest.mark.slow
def test_an_undefined_macro_fails_the_build(project):
    """A call of a macro that does not exist fails the build naming page, line and the nearest macro."""
    page = project / "docs" / "aftalen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ spor_oversigten() }}\n", encoding="utf-8")
    lines = page.read_text(encoding="utf-8").splitlines()
    output = build_fails(project)
    expected = f"docs/aftalen.md, linje {len(lines)}: ukendt makro 'spor_oversigten' – mente du 'spor_oversigt'?"
    assert expected in output, output


def test_a_yaml_file_in_the_wrong_place_is_not_silently_ignored(data):
    """A .yml file in data/ that no part of the site reads is an error that says where such files belong."""
    (data / "2026-03-12-seminar.yml").write_text("titel: Et seminar\n", encoding="utf-8")
    message = only(problems_of(data))
    assert message.startswith("data/2026-03-12-seminar.yml: filen bruges ikke af portalen."), message
    assert "data/seminarer/" in message, message


def test_a_cpr_number_in_a_data_file_is_caught_as_the_catalog_reads_it(data):
    """A CPR-like number in a YAML file stops loading with file and line, masked, when the guard is given."""
    from vidensportal.guards.cpr import text_check

    event = data / "seminarer" / "2027-01-14-eksempel-netvaerksmoede.yml"
    event.write_text(event.read_text(encoding="utf-8") + "resumé: Borger 0101901234 deltog.\n", encoding="utf-8")
    line = len(event.read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataError) as caught:
        load_catalog(data, check_text=text_check([]))
    [problem] = [str(p) for p in caught.value.problems]
    assert problem.startswith(f"data/seminarer/2027-01-14-eksempel-netvaerksmoede.yml, linje {line}: "), problem
    assert "010190-****" in problem and "0101901234" not in problem, problem
    load_catalog(data, check_text=text_check(["010190-1234"]))  # negative control: allowed, it loads


@pytest.mark.slow
def test_a_macro_in_a_generated_pages_prose_fails_the_build_naming_the_line(project):
    """A macro call in docs/parter/<id>.md is an error on its line, not text left on the page as written."""
    prose = project / "docs" / "parter" / "eas.md"
    prose.write_text("## Om EAS\n\n{{ spor_liste() }}\n", encoding="utf-8")
    output = build_fails(project)
    expected = f"docs/parter/eas.md, linje {line_number(prose, 'spor_liste')}: makroer virker ikke i tekst"
    assert expected in output, output


@pytest.mark.slow
def test_negative_control_prose_without_macros_builds(project):
    """Negative control: the same file without the macro call builds."""
    prose = "## Om EAS\n\nAlmindelig tekst {med krøller}.\n"
    (project / "docs" / "parter" / "eas.md").write_text(prose, encoding="utf-8")
    build_ok(project)


def test_macro_syntax_shown_as_code_in_prose_is_not_a_macro_call():
    """`{{ x }}` in a code span or a fenced block is shown as written, so only the call in running text counts."""
    prose = "Skriv `{{ spor_liste() }}` i en side.\n\n```\n{% if x %}\n```\n\n~~~~\n{{ y }}\n~~~~\nMen {{ z }} her.\n"
    problems = macros_in_prose(prose, Path("docs/parter/eas.md"))
    call = next(number for number, line in enumerate(prose.splitlines(), 1) if line.startswith("Men {{"))
    assert [p.line for p in problems] == [call], [str(p) for p in problems]
