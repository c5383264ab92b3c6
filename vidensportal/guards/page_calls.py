"""What a docs/ page may hold of Jinja: calls of the portal's published macros, `{{ name() }}`, and nothing else.

mkdocs-macros renders a page's whole text as Jinja, code blocks too; a page that shows `{{` as text sets
`render_macros: false` in its front matter, and then nothing of it runs. The adapter renders the pages in
Jinja's sandbox as well (macros/sandbox.py); an error there becomes one Danish line here."""

from __future__ import annotations

import re
from pathlib import Path

from vidensportal.content.macro_table import PUBLISHED
from vidensportal.data.yamlfile import front_matter
from vidensportal.errors import Problem, did_you_mean

# Where Jinja starts reading, with the delimiters the sandbox uses (Jinja's own, no line statements).
JINJA_START = re.compile(r"\{[{%#]")
_CALL = re.compile(r"\{\{\s*(\w+)\s*\(\s*\)\s*\}\}")
_SHOWN = re.compile(r"\{[{%#](?:[^\n]{0,60}?[}%#]\}|[^\n]{0,40})")  # what to quote: to its end, or a start
RENDER_SECONDS = 10.0  # a page's own Jinja, its macros' time not counted; real pages take milliseconds
RULE = (
    "en side må kun kalde portalens makroer, fx {{ seminar_oversigt() }} (se listen i 'Sådan bidrager du'). "
    "Skriv teksten uden {{ }}, {% %} og {# #}, eller sæt render_macros: false øverst i siden, "
    "hvis den skal vise dem som tekst."
)


class PageTimeout(Exception):
    """A page's Jinja ran past RENDER_SECONDS (raised by the adapter's sandbox)."""


class PageTemplateError(BaseException):
    """A page's Jinja failed (its Problem the only argument): a BaseException, so that a builder's own handler of
    Exceptions (mkdocs-macros prints a traceback and exits) lets it pass to the adapter's sandbox."""


def page_call_problems(page: Path, shown_as: Path) -> list[Problem]:
    """A Problem for every bit of Jinja in the page `page` that is not a call of a published macro."""
    try:
        source = page.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return [Problem(shown_as, "siden kan ikke læses som UTF-8-tekst. Gem den igen som UTF-8.")]
    if front_matter(source)[0].get("render_macros") is False:
        return []
    return calls_only(source, shown_as)


def calls_only(source: str, shown_as: Path) -> list[Problem]:
    """A Problem for each line of `source` (front matter too: its title is rendered) with Jinja that is not a call
    of a published macro."""
    problems, position, last_line = [], 0, 0
    while start := JINJA_START.search(source, position):
        call = _CALL.match(source, start.start())
        position = call.end() if call else start.end()
        line = source.count("\n", 0, start.start()) + 1
        if (call and call[1] in PUBLISHED) or line == last_line:
            continue
        if call:
            hint = did_you_mean(call[1], sorted(PUBLISHED)) or "."
            message = f"ukendt makro '{call[1]}'{hint} Ret navnet til en af portalens makroer (se 'Sådan bidrager du')."
        else:
            message = f"'{_SHOWN.match(source, start.start())[0].strip()}' er ikke tilladt: {RULE}"
        problems.append(Problem(shown_as, message, line))
        last_line = line
    return problems


def render_problem(error: BaseException, file: Path, first_line: int) -> Problem:
    """One Danish line for an error raised while a page's Jinja rendered, at its line in a page body that starts
    at `first_line` of `file` (Jinja names the page's own frames '<template>' in the traceback)."""
    lines, trace = [], error.__traceback__
    while trace is not None:
        lines += [trace.tb_lineno] if trace.tb_frame.f_code.co_filename == "<template>" else []
        trace = trace.tb_next
    if isinstance(error, PageTimeout):
        seconds = f"{RENDER_SECONDS:g}".replace(".", ",")
        message = f"siden blev ikke færdig på {seconds} s og er stoppet: {RULE}"
    elif {kind.__name__ for kind in type(error).__mro__} & {"SecurityError", "TemplateError", "TypeError"}:
        message = RULE  # the sandbox refused what the check above would have: the check and Jinja disagree
    else:
        message = "en makro fejlede, da siden blev bygget. Prøv igen; sker det igen, så kontakt portalens udviklere."
    line = lines[-1] if lines else getattr(error, "lineno", None)  # a syntax error has no frame of the page
    return Problem(file, message, first_line + line - 1 if line else None)


def page_location(page: str, body: str, docs_dir: str, src_uri: str) -> tuple[Path, int]:
    """A page's file as shown (docs/x.md) and the line of the file `page` where its Markdown `body` starts."""
    source = Path(page).read_text(encoding="utf-8-sig", errors="replace")
    starts = source[: len(source) - len(body)].count("\n") + 1 if source.endswith(body) else 1
    return Path(Path(docs_dir).name, src_uri), starts
