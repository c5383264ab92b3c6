"""Check a page's Jinja before mkdocs-macros renders it, so a mistake is a Danish message, not a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import jinja2.meta
from jinja2.loaders import split_template_path

from vidensportal.errors import Problem, did_you_mean
from vidensportal.guards.includes import include_refused


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


class GuardedLoader(jinja2.FileSystemLoader):
    """The macros' file loader, refusing what the engine says a page may not pull in (include, import …)."""

    def __init__(self, docs_dir: Path, withheld_files: frozenset[str]) -> None:
        super().__init__(str(docs_dir))
        self.docs_dir, self.withheld_files = docs_dir, withheld_files

    def get_source(self, environment: jinja2.Environment, template: str):
        found = self.docs_dir.joinpath(*split_template_path(template))
        reason = include_refused(found, self.docs_dir, self.withheld_files) if found.exists() else None
        if reason:
            raise jinja2.TemplateNotFound(template, f"'{template}' kan ikke sættes ind: {reason}")
        return super().get_source(environment, template)


class PageTemplateError(BaseException):
    """A page's Jinja failed while rendering; a BaseException so mkdocs-macros' own handler, which prints a
    traceback and exits, lets it pass to the adapter, which turns it into a Danish PluginError."""


def render_error(error: Exception, file: Path, first_line: int) -> Problem:
    """One Danish line for an error raised while a page's Jinja rendered, at its line in `file`."""
    line = None
    trace = error.__traceback__
    while trace is not None:
        if trace.tb_frame.f_code.co_filename == "<template>":
            line = trace.tb_lineno
        trace = trace.tb_next
    if isinstance(error, jinja2.TemplateNotFound):
        what = (
            error.message
            if error.message and "kan ikke" in error.message
            else f"filen '{error.name}' findes ikke i docs/"
        )
        message = f"{what}. Ret navnet i {{% include %}} eller {{% import %}}."
    elif isinstance(error, jinja2.UndefinedError):
        message = f"ukendt navn i en makro ({error.message}). Ret stavningen, eller fjern kaldet."
    elif isinstance(error, TypeError):
        message = (
            f"en makro er kaldt med forkerte argumenter ({error}). Se 'Sådan bidrager du' for, hvordan den kaldes."
        )
    else:
        message = f"en makro fejlede ({type(error).__name__}: {error}). Ret udtrykket i {{{{ … }}}} eller {{% … %}}."
    return Problem(file, message, first_line + line - 1 if line else None)
