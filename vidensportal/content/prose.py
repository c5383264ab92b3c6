"""Contributor prose for a generated page (docs/<folder>/<id>.md): what it may hold."""

from __future__ import annotations

import re
from pathlib import Path

from vidensportal.errors import Problem
from vidensportal.guards.page_calls import JINJA_START

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).+?\1")


def macros_in_prose(source: str, file: Path) -> list[Problem]:
    """A Problem per line of a generated page's prose that calls a macro: mkdocs-macros does not render those
    pages, so the call would otherwise stand on the page as it was written. Code shows it as written anyway."""
    message = "makroer virker ikke i tekst til en genereret side; skriv almindelig Markdown (se 'Sådan bidrager du')."
    problems, fence = [], None
    for number, line in enumerate(source.splitlines(), 1):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
        elif fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
        elif JINJA_START.search(_CODE_SPAN.sub("", line)):
            problems.append(Problem(file, message, number))
    return problems
