"""Contributor prose for a generated page (docs/<folder>/<id>.md): what it may hold."""

from __future__ import annotations

import re
from pathlib import Path

from vidensportal.data.yamlfile import front_matter
from vidensportal.errors import Problem, did_you_mean
from vidensportal.guards.page_calls import JINJA_START
from vidensportal.reader_aids.review import KEYS, read_review

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).+?\1")


def generated_prose(path: Path, shown: Path) -> tuple[str, list[Problem]]:
    """The Markdown of a generated page's prose file without its front matter, and its problems: a macro call, a
    front matter key other than the review fields (the page's title and tags come from data/), a bad review field.
    The review fields themselves are shown on the page like on a hand-written page (reader_aids)."""
    source = path.read_text(encoding="utf-8-sig")
    meta, body = front_matter(source)
    # Blank lines in place of the front matter: a line number found in the body (an annual status's unknown
    # section) is then the file's own.
    body = "\n" * source[: len(source) - len(body)].count("\n") + body
    problems = macros_in_prose(source, shown)
    lines = source.splitlines()
    for key in meta:
        if key not in KEYS and not did_you_mean(key, list(KEYS)):  # a near miss gets "mente du" from read_review
            line = next((n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), None)
            message = (
                f"feltet '{key}' kan ikke stå øverst i tekst til en genereret side: titel og emner kommer fra data/. "
                f"Her kan kun {', '.join(KEYS)} stå. Slet linjen."
            )
            problems.append(Problem(shown, message, line))
    return body, problems + read_review(meta, source, shown)[1]


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
