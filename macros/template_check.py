"""Check a page's Jinja before mkdocs-macros renders it, so a mistake is a Danish message, not a traceback."""

from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.meta
from jinja2.loaders import split_template_path
from mkdocs.exceptions import PluginError

from vidensportal.errors import Problem
from vidensportal.guards.includes import include_refused, template_error
from vidensportal.macro_errors import syntax_message, unknown_names

PARSER = jinja2.Environment()  # noqa: S701 -- for make tjek, which only parses pages and never renders them


def check_page(source: str, environment: jinja2.Environment, known: set[str], file: Path, first_line: int) -> list:
    """Problems in `source` (a page body that starts at line `first_line` of `file`), or []."""
    try:
        tree = environment.parse(source)
    except jinja2.TemplateSyntaxError as error:
        return [Problem(file, syntax_message(error.message or ""), first_line + error.lineno - 1)]
    return unknown_names(source, jinja2.meta.find_undeclared_variables(tree) - known, known, file, first_line)


class GuardedLoader(jinja2.FileSystemLoader):
    """The macros' file loader, refusing what the engine says a page may not pull in (include, import …)."""

    def __init__(self, docs_dir: Path, withheld_files: frozenset[str]) -> None:
        super().__init__(str(docs_dir))
        self.docs_dir, self.withheld_files = docs_dir, withheld_files

    def get_source(self, environment: jinja2.Environment, template: str):
        found = self.docs_dir.joinpath(*split_template_path(template))
        if found.exists() and (refused := include_refused(template, found, self.docs_dir, self.withheld_files)):
            raise jinja2.TemplateNotFound(template, refused)
        return super().get_source(environment, template)


class PageTemplateError(BaseException):
    """A page's Jinja failed: a BaseException, so mkdocs-macros' own handler (traceback, exit) lets it pass."""


def guard_templates(env, withheld_files: frozenset[str], locate) -> None:
    """Jinja in a page pulls in nothing of the materials or withheld, and an error while it renders is one Danish
    line at the page and line `locate()` gives. Set up on the first page: the Jinja environment comes later."""
    if isinstance(env.env.loader, GuardedLoader):
        return
    env.env.loader = GuardedLoader(Path(env.conf["docs_dir"]), withheld_files)

    class GuardedTemplate(jinja2.Template):
        def render(self, *args, **kwargs):
            try:
                return super().render(*args, **kwargs)
            except Exception as error:
                raise PageTemplateError(template_error(error, *locate())) from None

    def render(*args, plugin_render=env.render, **kwargs):
        try:
            return plugin_render(*args, **kwargs)
        except PageTemplateError as stopped:
            raise PluginError(str(stopped.args[0])) from None

    env.env.template_class, env.render = GuardedTemplate, render
