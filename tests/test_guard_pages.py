"""Pages cannot run code: a docs/ page may only call the portal's published macros, checked before rendering, and
it renders in Jinja's sandbox with a time limit all the same."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.sandbox import PageSandbox
from vidensportal.content.macro_table import PUBLISHED, SHOWS
from vidensportal.content.prose import macros_in_prose
from vidensportal.guards.page_calls import PageTemplateError, calls_only, page_call_problems

from .support import ROOT, build_fails, build_ok, run_tjek

PAGE = Path("docs/aftalen.md")
HEAD = "---\ntitle: Aftalen\n---\n\n# Aftalen\n\nTekst før.\n\n"  # the Jinja under test stands on line 9

ROUTES = {
    "the __class__ chain": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "a variable: config": "{{ config.site_name }}",
    "a variable: page": "{{ page }}",
    "a variable: files": "{{ files }}",
    "an attribute of a macro": "{{ spor_oversigt.__globals__ }}",
    "a macro without its call": "{{ spor_oversigt }}",
    "a macro with an argument": "{{ spor_oversigt(1) }}",
    "a filter": "{{ spor_oversigt() | upper }}",
    "a loop": "{% for i in range(10**12) %}x{% endfor %}",
    "an if": "{% if true %}x{% endif %}",
    "a set": "{% set x = 1 %}",
    "arithmetic": "{{ 9**9**9 }}",
    "an include": '{% include "materialer/index.md" %}',
    "an import": '{% import "index.md" as m %}',
    "an extends": '{% extends "index.md" %}',
    "a comment": "{# config #}",
    "raw": "{% raw %}x{% endraw %}",
    "whitespace control": "{{- spor_oversigt() -}}",
    "a call inside a call": "{{ spor_oversigt(spor_liste()) }}",
    "an unclosed call": "{{ spor_oversigt()",
    "a dict literal": "{{{ spor_oversigt() }}",
}


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_jinja_other_than_a_macro_call_is_refused_at_its_line(route):
    """Each kind of Jinja but a published macro's call is one Danish problem naming the page and the line."""
    problems = [str(p) for p in calls_only(HEAD + ROUTES[route] + "\n\nTekst efter.\n", PAGE)]
    assert len(problems) == 1 and problems[0].startswith("docs/aftalen.md, linje 9: "), problems
    assert "portalens makroer" in problems[0], problems


def test_negative_control_every_published_macro_may_be_called():
    """Negative control: a page calling each published macro, with or without spaces, has no problem."""
    calls = "\n".join(f"{{{{ {name}() }}}} og {{{{{name}()}}}}" for name in sorted(PUBLISHED))
    assert calls_only(HEAD + calls + "\nKrøllede { parenteser } og 100 % er tekst.\n", PAGE) == []


def test_an_unknown_macro_names_the_nearest():
    """A call of a macro that does not exist names the nearest published one."""
    [problem] = calls_only(HEAD + "{{ seminaroversigt() }}\n", PAGE)
    assert problem.line == 9 and "ukendt makro 'seminaroversigt' – mente du 'seminar_oversigt'?" in problem.message


def test_jinja_in_the_front_matter_title_is_refused():
    """mkdocs-macros renders a page's title too: Jinja in the front matter is checked like the text."""
    [problem] = calls_only('---\ntitle: "{{ config }}"\n---\n\n# Side\n', PAGE)
    assert problem.line == 2, problem


def test_render_macros_false_lets_a_page_show_jinja(tmp_path):
    """A page with render_macros: false is not rendered, so it may show Jinja as text; 'false' as a string is
    not false, and that page is checked (negative control)."""
    page = tmp_path / "kode.md"
    page.write_text("---\nrender_macros: false\n---\n\n`{{ config }}` og {% for %}\n", encoding="utf-8")
    assert page_call_problems(page, PAGE) == []
    page.write_text("---\nrender_macros: 'false'\n---\n\n`{{ config }}`\n", encoding="utf-8")
    assert [p.line for p in page_call_problems(page, PAGE)] == [5]


def test_a_page_that_is_not_utf8_is_refused(tmp_path):
    """A page the check cannot read is not passed unread."""
    page = tmp_path / "side.md"
    page.write_bytes("{{ config }} æøå".encode("utf-16"))
    assert ["UTF-8" in p.message for p in page_call_problems(page, PAGE)] == [True]


def test_generated_pages_prose_refuses_jinja_comments_too():
    """A Jinja comment in a generated page's prose is refused like a macro call; plain text passes (control)."""
    assert [p.line for p in macros_in_prose("Tekst.\n{# note #}\n", Path("docs/parter/eas.md"))] == [2]
    assert macros_in_prose("Tekst { og } 100 %.\n", Path("docs/parter/eas.md")) == []


JINJA_TOKENS = {"data", "variable_begin", "variable_end", "lparen", "rparen", "whitespace"}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*"{}%#()-+ _'\"\nxa|.,=", "{{", "}}", "()", *sorted(PUBLISHED)]), max_size=30))
def test_what_the_check_passes_jinja_reads_as_text_and_macro_calls(pieces):
    """Whatever text the check passes, Jinja's own lexer finds only text and calls of published macros in it."""
    text = "".join(pieces)
    if calls_only(text, PAGE):
        return
    tokens = list(jinja2.Environment().lex(text))  # noqa: S701 -- only lexed
    odd = [(kind, value) for _, kind, value in tokens if kind not in JINJA_TOKENS and kind != "name"]
    names = {value for _, kind, value in tokens if kind == "name"}
    assert not odd and names <= PUBLISHED, (text, odd, names)


def _sandbox(**macros) -> PageSandbox:
    return PageSandbox(macros or {"spor_oversigt": lambda: "SPOR"}, lambda: (PAGE, 5))


SANDBOX_ROUTES = {
    "the __class__ chain": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "a variable mkdocs passes": "{{ config }}",
    "an attribute of a macro": "{{ spor_oversigt.__globals__ }}",
    "an item": "{{ spor_oversigt()[0] }}",
    "a filter": "{{ spor_oversigt() | upper }}",
    "arithmetic": "{{ 'x' * 9 }}",
    "a negative": "{{ -1 }}",
    "range": "{% for i in range(10**12) %}{% endfor %}",
    "an include": '{% include "index.md" %}',
    "a macro of the page": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "a global of Jinja": "{{ lipsum() }}",
}


@pytest.mark.parametrize("route", sorted(SANDBOX_ROUTES))
def test_the_sandbox_refuses_what_the_check_would(route):
    """Even if the check were bypassed, the sandbox refuses the route with one Danish line naming the page."""
    with pytest.raises(PageTemplateError) as stopped:
        _sandbox().from_string("\n" + SANDBOX_ROUTES[route]).render(config={"site_name": "x"})
    message = str(stopped.value.args[0])
    assert message.startswith("docs/aftalen.md") and "portalens makroer" in message, message


def test_negative_control_the_sandbox_renders_a_macro_call():
    """Negative control: the sandbox renders a published macro's call."""
    assert _sandbox().from_string("Før {{ spor_oversigt() }} efter").render(config={}) == "Før SPOR efter"


NESTED = "x\n" + "{% for a in 'abcdefghij' %}" * 9 + "{% endfor %}" * 9  # 10**9 passes, no call in them


def test_an_endless_loop_stops_within_the_limit(monkeypatch):
    """A loop that would run for hours stops at the time limit with a Danish line naming page and line."""
    monkeypatch.setattr(sys.modules["vidensportal.guards.page_calls"], "RENDER_SECONDS", 0.5)
    started = time.monotonic()
    with pytest.raises(PageTemplateError) as stopped:
        _sandbox().from_string(NESTED).render()
    elapsed = time.monotonic() - started
    message = str(stopped.value.args[0])
    assert elapsed < 5 and "docs/aftalen.md, linje 6: siden blev ikke færdig" in message, (elapsed, message)


def test_negative_control_a_slow_macro_does_not_count(monkeypatch):
    """Negative control: the limit is on the page's own Jinja; a macro that takes longer than it still renders."""
    monkeypatch.setattr(sys.modules["vidensportal.guards.page_calls"], "RENDER_SECONDS", 0.1)
    sandbox = _sandbox(langsom=lambda: time.sleep(0.3) or "færdig")
    assert sandbox.from_string("{{ langsom() }} {{ langsom() }}").render() == "færdig færdig"


def test_the_guide_lists_every_macro_a_page_may_call():
    """Each published macro has a Danish description for the guide's list, and the guide shows that list."""
    assert set(SHOWS) == PUBLISHED, f"differ: {set(SHOWS) ^ PUBLISHED}"
    assert "{{ portalens_makroer() }}" in (ROOT / "docs/bidrag.md").read_text(encoding="utf-8")


def append(page: Path, text: str) -> int:
    """Add `text` as the last lines of `page`; the line number of its first line."""
    before = page.read_text(encoding="utf-8").rstrip("\n")
    page.write_text(before + "\n\n" + text + "\n", encoding="utf-8")
    return before.count("\n") + 3


@pytest.mark.slow
def test_a_page_that_reaches_python_stops_make_tjek_and_the_build(project):
    """The __class__ route and an endless loop in a page stop make tjek and the build before rendering, with one
    Danish line each naming page and line, exit 1, within seconds."""
    page = project / "docs/aftalen.md"
    line = append(page, ROUTES["the __class__ chain"] + "\n\n" + ROUTES["a loop"])
    tjek = run_tjek(project)
    started = time.monotonic()
    output = build_fails(project)
    elapsed = time.monotonic() - started
    for found in (tjek.stderr, output):
        assert f"docs/aftalen.md, linje {line}: '{{{{ ''.__class__" in found, found
        assert f"docs/aftalen.md, linje {line + 2}: '{{% for i in range(10**12) %}}'" in found, found
    assert tjek.returncode == 1 and elapsed < 120, (tjek.returncode, elapsed)


@pytest.mark.slow
def test_negative_control_macro_calls_and_shown_jinja_build(project):
    """Negative control: a page calling a real macro builds with its output, a page with render_macros: false shows
    Jinja as text without running it, and the guide lists every macro."""
    append(project / "docs/aftalen.md", "{{ spor_liste() }}")
    shown = "---\nrender_macros: false\n---\n\n# Kode\n\n`{{ ''.__class__ }}`\n"
    (project / "docs/kode.md").write_text(shown, encoding="utf-8")
    site = build_ok(project)
    assert "Vidensdeling" in (site / "aftalen/index.html").read_text(encoding="utf-8")
    assert "{{ ''.__class__ }}" in (site / "kode/index.html").read_text(encoding="utf-8").replace("&#39;", "'")
    guide = (site / "bidrag/index.html").read_text(encoding="utf-8")
    assert not [name for name in PUBLISHED if f"{{{{ {name}() }}}}" not in guide], "macros missing from the guide"


# The build with the engine's check switched off: what stops the page is the sandbox in the real build.
UNCHECKED = "import vidensportal.plan as p, vidensportal.guards.page_calls as g; p.page_call_problems = lambda *a: []; "


@pytest.mark.slow
@pytest.mark.parametrize("route", ["the __class__ chain", "an endless loop"])
def test_the_real_build_renders_in_the_sandbox(project, route):
    """With the static check bypassed, the real build still refuses the route in its sandbox: a Danish line
    naming the page, exit 1, no traceback, within seconds."""
    source = ROUTES["the __class__ chain"] if route == "the __class__ chain" else NESTED
    line = append(project / "docs/aftalen.md", source) + (route == "an endless loop")
    script = UNCHECKED + "g.RENDER_SECONDS = 1; from mkdocs.__main__ import cli; cli()"
    command = [sys.executable, "-c", script, "build", "--strict", "-f", str(project / "mkdocs.yml")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.monotonic()
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)
    output, elapsed = result.stdout + result.stderr, time.monotonic() - started
    assert result.returncode == 1 and "Traceback" not in output, output
    expected = "siden blev ikke færdig på 1 s" if route == "an endless loop" else "en side må kun kalde portalens"
    assert f"docs/aftalen.md, linje {line}: {expected}" in output, output
    assert elapsed < 120, elapsed
