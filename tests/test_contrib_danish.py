"""Every message a contributor can meet is Danish and says what to write instead."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import pytest
from pydantic_core.core_schema import ErrorType

from vidensportal.data.model import Event, Initiative, Material, Meeting, Party, Track
from vidensportal.data.validation import _message, validate
from vidensportal.data.yamlfile import LineDict, LineList

from .support import ROOT

# Fragments of pydantic's, PyYAML's and Python's English that must never reach a contributor.
ENGLISH = (
    " or ", "Input should", "Field required", "None", "Extra inputs", "Value error", "should be", "valid ",
    "Unable to", "Assertion failed", "expected", "found ", "could not", "not permitted", "must be", "Error",
    " is not ", " the ", "String ", "Tuple", "List ", "Dictionary", "Object has no",
)  # fmt: skip
# Words that make a message say what to write instead.
WHAT_TO_WRITE = ("Skriv", "Tilføj", "Brug", "Ret", "Slet", "ryk", "Sæt", "sæt", "mente du", "Gør", "Vælg")

EVENT = {
    "titel": "X", "type": "vidensseminar", "dato": "2026-03-12", "start": "13:00", "slut": "15:00",
    "sted": "Et sted", "status": "planlagt", "spor": ["vidensdeling"], "arrangører": ["eas"],
    "målgruppe": "Alle", "beskrivelse": "Noget", "klassifikation": "intern",
}  # fmt: skip
MEETING = {"dato": "2026-01-01", "status": "afholdt", "klassifikation": "intern"}
MATERIAL = {"titel": "M", "type": "oplæg", "dato": "2026-03-12", "fil": "materialer/m.pdf", "klassifikation": "intern"}

# One mistake per kind of pydantic error a data file can cause: literal, missing, extra, types, dates, None, lists…
MISTAKES = {
    "literal": (Event, {**EVENT, "klassifikation": "hemmelig"}),
    "literal typo": (Event, {**EVENT, "status": "planlagd"}),
    "literal None": (Event, {**EVENT, "klassifikation": None}),
    "literal as number": (Event, {**EVENT, "type": 3}),
    "missing": (Event, {k: v for k, v in EVENT.items() if k != "sted"}),
    "extra": (Event, {**EVENT, "farve": "blå"}),
    "extra misplaced": (Event, {**EVENT, "fil": "x.pdf"}),
    "text None": (Event, {**EVENT, "titel": None}),
    "text empty": (Event, {**EVENT, "titel": ""}),
    "text as bool": (Event, {**EVENT, "titel": True}),
    "text as number": (Event, {**EVENT, "titel": 2026}),
    "text as list": (Event, {**EVENT, "titel": ["a"]}),
    "text as map": (Event, {**EVENT, "titel": {"Oplæg": "x"}}),
    "date impossible": (Event, {**EVENT, "dato": "2026-02-30"}),
    "date format": (Event, {**EVENT, "dato": "12-03-2026"}),
    "date None": (Event, {**EVENT, "dato": None}),
    "date as number": (Event, {**EVENT, "dato": 20260312}),
    "time": (Event, {**EVENT, "start": "25:00"}),
    "time as text": (Event, {**EVENT, "start": "om eftermiddagen"}),
    "time as a whole number": (Event, {**EVENT, "start": 13}),
    "time None": (Event, {**EVENT, "slut": None}),
    "end before start": (Event, {**EVENT, "slut": "12:00"}),
    "list None": (Event, {**EVENT, "spor": None}),
    "list empty": (Event, {**EVENT, "spor": []}),
    "list as text": (Event, {**EVENT, "spor": "vidensdeling"}),
    "list item None": (Event, {**EVENT, "spor": [None]}),
    "list item slug": (Event, {**EVENT, "spor": ["Vidensdeling"]}),
    "list item list": (Event, {**EVENT, "spor": [["a"]]}),
    "nested model as text": (Event, {**EVENT, "program": "kl. 13"}),
    "nested model list item text": (Event, {**EVENT, "program": ["kl. 13"]}),
    "nested missing": (Event, {**EVENT, "program": [{"titel": "Velkomst"}]}),
    "document as list": (Event, ["a"]),
    "document as text": (Event, "tekst"),
    "bool as text": (Event, {**EVENT, "eksempel": "ja"}),
    "bool None": (Event, {**EVENT, "eksempel": None}),
    "int as text": (Track, {"id": "x", "nummer": "to", "navn": "X", "formål": "Y"}),
    "int float": (Track, {"id": "x", "nummer": 1.5, "navn": "X", "formål": "Y"}),
    "int too small": (Track, {"id": "x", "nummer": 0, "navn": "X", "formål": "Y"}),
    "years as text": (Initiative, {"titel": "x", "år": "2026", "spor": ["a"], "status": "i gang", "beskrivelse": "z"}),
    "period": (Party, {"id": "x", "navn": "X", "myndighed": "m", "tiltrådt": "engang"}),
    "https": (Material, {**MATERIAL, "fil": None, "link": "http://x"}),
    "file and link": (Material, {**MATERIAL, "link": "https://x.dk"}),
    "meeting minutes as text": (Meeting, {**MEETING, "referat": "x"}),
    "meeting minutes missing a field": (Meeting, {**MEETING, "referat": {"titel": "Referat", "type": "referat"}}),
}


@pytest.mark.parametrize("case", list(MISTAKES))
def test_validation_messages_are_danish_and_say_what_to_write(case):
    """pydantic's errors of every kind come out as Danish sentences that say what to write instead."""
    model, data = MISTAKES[case]
    _, problems = validate(model, data, Path("data/x.yml"), None)
    assert problems, f"{case}: the mistake was accepted"
    for problem in problems:
        message = problem.message
        assert not [w for w in ENGLISH if w in message], f"{case}: English in {message!r}"
        assert any(w in message for w in WHAT_TO_WRITE), f"{case}: does not say what to write: {message!r}"
        assert message.endswith((".", "?")), f"{case}: not a full sentence: {message!r}"


def test_negative_control_the_english_check_sees_pydantics_own_words():
    """Negative control: pydantic's own message for an empty classification would be caught."""
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as caught:
        Event.model_validate({**EVENT, "klassifikation": None})
    assert [w for w in ENGLISH if w in caught.value.errors()[0]["msg"]], caught.value.errors()[0]["msg"]


def test_every_pydantic_error_type_has_a_danish_message():
    """Whatever error type pydantic may raise, the contributor's message never falls back on pydantic's English."""
    ctx = {"ge": 1, "gt": 0, "le": 9, "lt": 10, "max_length": 3, "min_length": 1, "expected": "'a' or 'b'"}
    english = {}
    for kind in typing.get_args(ErrorType):
        if kind == "value_error":
            continue  # carries our own validators' Danish text
        for value in (None, "tekst", 3):
            error = {"type": kind, "loc": ("titel",), "msg": "Input should be valid", "input": value, "ctx": ctx}
            message = _message(error, Event)
            if [w for w in ENGLISH if w in message] or not message.endswith((".", "?")):
                english[kind] = message
    assert not english, english


def test_message_strings_in_the_code_are_wholly_danish():
    """No message string in vidensportal/, macros/ or tools/ mixes English into Danish text ("… or 'fortrolig'")."""
    danish = ("skal", "Skriv", "filen", "feltet", " er ", "ikke", "findes", "mente du", "linje")
    english = (" or ", " and ", " the ", " should ")
    mixed = []
    for folder in ("vidensportal", "macros", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = {id(node.body[0].value) for node in ast.walk(tree) if _has_docstring(node)}
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                    text = node.value
                    if any(w in text for w in danish) and any(w in text for w in english):
                        mixed.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}")
    assert not mixed, "message strings mixing English into Danish:\n" + "\n".join(mixed)


def _has_docstring(node: ast.AST) -> bool:
    body = getattr(node, "body", None)
    return (
        isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and bool(body)
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    )


def test_line_aware_data_is_what_the_validator_sees():
    """Negative control for the line numbers: a LineDict/LineList from the reader validates like plain data."""
    data = LineDict(EVENT)
    data.line, data.lines = 1, dict.fromkeys(EVENT, 1)
    spor = LineList(["vidensdeling"])
    spor.line, spor.lines = 1, [1]
    data["spor"] = spor
    instance, problems = validate(Event, data, Path("data/x.yml"), None)
    assert instance is not None and not problems, [str(p) for p in problems]


@pytest.mark.parametrize("written", ["15:00", "15.00", 15.0, "15:00:00"])
def test_a_danish_clock_time_is_read_as_that_time(written):
    """'15.00', as Danes write it (and as YAML makes a number of it), is 15:00, not 15 seconds past midnight."""
    event, problems = validate(Event, {**EVENT, "slut": written}, Path("data/x.yml"), None)
    assert not problems and event.end.isoformat() == "15:00:00" and event.end.tzinfo is None, (event, problems)


JINJA_MISTAKES = [
    "{{ x }",
    "{% foo %}",
    "{% if x %}a",
    "{% for x in y %}a",
    "{{ x y }}",
    "{{ 'a }}",
    "{% for x in %}{% endfor %}",
    "{{ }}",
    "{% endif %}",
    "{% include %}",
    "{{ x(1,) ) }}",
]


@pytest.mark.parametrize("source", [*JINJA_MISTAKES, "{{ ukendt() }}", "{{ config.site_name }}"])
def test_jinja_in_a_page_becomes_a_danish_sentence(source):
    """Jinja a page may not hold gives a Danish sentence that says what to write, none of Jinja's English."""
    from vidensportal.guards.page_calls import calls_only

    messages = [p.message for p in calls_only(f"# Side\n\n{source}\n", Path("docs/x.md"))]
    assert len(messages) == 1, messages
    assert not [w for w in (*ENGLISH, "unexpected", "Encountered", "token") if w in messages[0]], messages
    assert any(w in messages[0] for w in WHAT_TO_WRITE) and messages[0].endswith("."), messages


def test_errors_while_a_page_renders_become_danish_sentences():
    """A timeout, a refusal of the sandbox and a macro's failure while a page renders are Danish sentences."""
    from vidensportal.guards.page_calls import PageTimeout, render_problem

    errors = [PageTimeout(), type("SecurityError", (Exception,), {})("access to attribute"), ZeroDivisionError()]
    messages = [render_problem(error, Path("docs/x.md"), 3).message for error in errors]
    english = [m for m in messages if [w for w in (*ENGLISH, "attribute", "division") if w in m]]
    assert not english and all(m.endswith(".") for m in messages), messages
