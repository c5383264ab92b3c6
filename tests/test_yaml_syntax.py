"""YAML syntax errors are wholly Danish, name the line a person must fix, and give the usual cause as a hint."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vidensportal.catalog import load_catalog
from vidensportal.data.yamlfile import read_yaml
from vidensportal.errors import DataError

from .support import ROOT, SYNTAX, line_number, replace_in

# Words of PyYAML's and libyaml's own messages: none may reach a contributor.
ENGLISH = ("could not", "found", "expected", "while ", "scanning", "mapping", "allowed", "character", "token", "stream")

# (YAML text, the line to fix, words the hint must contain)
CASES = {
    "missing colon, comment below": ("titel: X\ntype vidensseminar\n# en kommentar\ndato: 2026-03-12\n", 2, "kolon"),
    "missing colon, last line": ("titel: X\ndato 2026-03-12\n", 2, "'dato: 2026-03-12'"),
    "missing colon in a list item": ("- id: eas\n  navn Efterretning\n\n  myndighed: x\n", 2, "'navn: Efterretning'"),
    "missing colon before a list": ("titel: x\nspor\n  - a\n", 2, "'spor:'"),
    "missing colon, nested, comments": ("program:\n  - tid: '13:00'\n    titel Velkomst\n# a\n# b\n", 3, "kolon"),
    "tab in indentation": ("titel: X\n\ttype: y\n", 2, "tabulator"),
    "tab after spaces": ("- id: a\n  navn: x\n \t myndighed: y\n", 3, "tabulator"),
    "indented too far": ("- id: eas\n  navn: X\n   myndighed: y\n", 3, "rykket længere ind"),
    "indented too little": ("- id: eas\n  navn: X\n myndighed: y\n", 3, "indrykningen"),
    "nested key indented too little": ("følgegruppe:\n  navn: x\n mødes: y\n", 3, "indrykningen"),
    "top key indented": ("titel: X\n  type: vidensseminar\n", 2, "rykket længere ind"),
    "colon in a value": ("titel: Oplæg: rekruttering\n", 1, 'titel: "Oplæg: rekruttering"'),
    "colon in a list value": ("dagsorden:\n  - x\n  - Punkt: status: godt\n", 3, "anførselstegn"),
    "unclosed double quote": ('titel: "Oplæg\ntype: x\ndato: y\n', 1, "lukket"),
    "unclosed single quote": ("titel: 'Oplæg\ntype: x\n", 1, "lukket"),
    "unclosed quote closed later": ('titel: "Oplæg\ntype: x\nsted: "Lokale 3"\n', 1, "lukket"),
    "unclosed bracket": ("spor: [a, b\ndato: x\n", 1, "']'"),
    "unclosed brace": ("x: {a: 1\ndato: x\n", 1, "'}'"),
    "value starting with @": ("titel: @rekruttering\n", 1, 'titel: "@rekruttering"'),
    "value starting with backtick": ("titel: `kode`\n", 1, "anførselstegn"),
    "value starting with *": ("titel: *vigtigt* oplæg\n", 1, "anførselstegn"),
    "value starting with %": ("titel: x\n%vigtigt\n", 2, "'%'"),
    "value starting with |": ("titel: | del 1\n", 1, "anførselstegn"),
    "value starting with [ and going on": ("titel: [Udkast] Oplæg\n", 1, 'titel: "[Udkast] Oplæg"'),
    "value starting with a quote and going on": ('titel: "Del 1" og 2\n', 1, "anførselstegn"),
    "backslash in double quotes": ('fil: "C:\\mapper\\fil.pdf"\n', 1, "\\\\"),
    "list item where a key belongs": ("titel: x\n- a\n", 2, "'- '"),
    "list after a colon": ("spor: - a\n", 1, "'- '"),
    "colon without a key": ("titel: x\n: y\n", 2, "feltnavn"),
    "missing colon before a folded text": ("titel: x\nbeskrivelse >-\n  lang tekst\nsted: y\n", 2, "'beskrivelse: >-'"),
    "missing colon in a nested map": ("følgegruppe:\n  navn: x\n  mødes hvert kvartal\n  deltagere: y\n", 3, "kolon"),
    "missing colon, Windows line ends": ("titel: x\r\ntype vidensseminar\r\ndato: y\r\n", 2, "'type: vidensseminar'"),
    "no space after the colon": ("titel:Oplæg\ntype: y\n", 1, "'titel: Oplæg'"),
    "unclosed quote in a list item": ('dagsorden:\n  - "Punkt: et\n  - "Punkt: to"\nstatus: x\n', 2, "lukket"),
    "list item indented too far": ("spor:\n  - a\n   - b\n", 3, "'- ' flugter"),
    "apostrophe inside single quotes": ("titel: 'Sikker By's oplæg'\n", 1, '"Sikker By\'s oplæg"'),
    "a new list item without its dash": ("- id: a\n  navn: b\n\n  id: c\n  navn: d\n", 4, "'- ' foran"),
    "a '#' that would cut a value": ("titel: Netværksmøde #3\ntype: x\n", 1, "i feltet 'titel'"),
    "a '#' that would empty a value": ("titel: x\nsted: #12 Rådhuset\n", 2, '"#12 Rådhuset"'),
    "a '#' that would cut a list item": ("dagsorden:\n  - Punkt #1\n  - Punkt 2\n", 2, '"Punkt #1"'),
    "quotes inside double quotes": ('titel: "Oplæg om "ny" viden"\n', 1, "'Oplæg om \"ny\" viden'"),
}


def _problem(tmp_path: Path, text: str):
    path = tmp_path / "fil.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_yaml(path, Path("data/fil.yml"))
    assert len(caught.value.problems) == 1, [str(p) for p in caught.value.problems]
    return caught.value.problems[0]


@pytest.mark.parametrize("case", list(CASES))
def test_syntax_error_names_the_line_to_fix_with_a_danish_hint(tmp_path, case):
    """Each usual mistake gives one Danish line at the line to change, with the cause and what to write."""
    text, line, hint = CASES[case]
    problem = _problem(tmp_path, text)
    message = str(problem)
    assert problem.line == line, f"{case}: reported on line {problem.line}, the mistake is on line {line}: {message}"
    assert hint in problem.message, f"{case}: the hint {hint!r} is missing: {message}"
    assert not [w for w in ENGLISH if w in problem.message.lower()], f"{case}: English in {message}"
    assert problem.message.rstrip().endswith((".", "?")), f"{case}: not a full sentence: {message}"


def test_negative_control_correct_yaml_loads(tmp_path):
    """Negative control: the same shapes written correctly load without a problem."""
    path = tmp_path / "fil.yml"
    text = 'titel: "Oplæg: rekruttering"\ntype: vidensseminar # kommentar\nspor: [a, b]\nfil: "C:\\\\x"\n'
    text += 'sted: "Lokale #3"\nnote: farve#3\n'
    path.write_text(text, encoding="utf-8")
    assert read_yaml(path, Path("data/fil.yml")) == {
        "titel": "Oplæg: rekruttering", "type": "vidensseminar", "spor": ["a", "b"], "fil": "C:\\x",
        "sted": "Lokale #3", "note": "farve#3",
    }  # fmt: skip


def test_missing_colon_in_a_seminar_is_reported_on_its_own_line(project):
    """In a real seminar file, a forgotten colon is reported on that line, not on the comment after it."""
    seminar = project / "data/seminarer/2027-01-14-eksempel-netvaerksmoede.yml"
    replace_in(seminar, "status: planlagt", "status planlagt\n# en kommentar")
    with pytest.raises(DataError) as caught:
        load_catalog(project / "data")
    messages = [str(p) for p in caught.value.problems]
    expected = f"{seminar.relative_to(project)}, linje {line_number(seminar, 'status planlagt')}: YAML-syntaksfejl"
    assert len(messages) == 1 and messages[0].startswith(expected), messages
    assert "'status: planlagt'" in messages[0], messages


MUTATIONS = st.lists(
    st.tuples(st.integers(0, 10_000), st.sampled_from(["delete", "insert"]), st.sampled_from(SYNTAX + "\t")),
    min_size=1,
    max_size=4,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(["parter/eas.yml", "spor.yml", "seminarer/2026-03-12-eksempel-rekruttering.yml", "aftale.yml"]),
    MUTATIONS,
)
def test_randomly_broken_files_only_ever_get_danish_messages(tmp_path, name, mutations):
    """However a data file is broken, every message is Danish: no word of the YAML parser's English."""
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    for position, action, char in mutations:
        at = position % (len(text) + 1)
        text = text[:at] + text[at + 1 :] if action == "delete" else text[:at] + char + text[at:]
    path = tmp_path / "fil.yml"
    path.write_text(text, encoding="utf-8")
    try:
        read_yaml(path, Path("data/fil.yml"))
    except DataError as error:
        english = [str(p) for p in error.problems if any(w in p.message.lower() for w in ENGLISH)]
        assert not english, english
