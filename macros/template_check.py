"""Check a page's Jinja before mkdocs-macros renders it, so a mistake is a Danish message, not a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import jinja2.meta

from vidensportal.errors import Problem, did_you_mean


def check_page(
    source: str, environment: jinja2.Environment, known: set[str], file: Path, first_line: int
) -> list[Problem]:
    """Problems in `source` (a page body that starts at line `first_line` of `file`), or []."""
    try:
        tree = environment.parse(source)
    except jinja2.TemplateSyntaxError as error:
        return [
            Problem(
                file,
                f"fejl i makro-syntaksen ({error.message}). Tjek {{{{ … }}}} og {{% … %}}.",
                first_line + error.lineno - 1,
            )
        ]
    problems = []
    for name in sorted(jinja2.meta.find_undeclared_variables(tree) - known):
        hint = did_you_mean(name, sorted(n for n in known if not n.startswith("_")))
        problems.append(
            Problem(file, f"ukendt makro eller variabel '{name}'{hint}", first_line + _line_of(source, name) - 1)
        )
    return problems


def _line_of(source: str, name: str) -> int:
    match = re.search(r"\{[{%][^}]*\b" + re.escape(name) + r"\b", source)
    return source.count("\n", 0, match.start()) + 1 if match else 1
