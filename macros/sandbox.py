"""Pages render in Jinja's sandbox: they may call the portal's macros and nothing else, within a time limit."""

from __future__ import annotations

import time

from jinja2 import StrictUndefined, Template, nodes
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from mkdocs.exceptions import PluginError

from vidensportal.guards import page_calls


class _TimedLoops(CodeGenerator):
    def visit_For(self, node: nodes.For, frame) -> None:  # each pass calls the tick, so call() sees the clock
        node.body = [nodes.ExprStmt(nodes.Call(nodes.Name("_tick", "load"), [], [], None, None)), *node.body]
        super().visit_For(node, frame)


class _PageTemplate(Template):
    def render(self, *args, **kwargs) -> str:  # the page's variables (config, page, files …) are left out
        self.environment.deadline = time.monotonic() + page_calls.RENDER_SECONDS
        return super().render()


class PageSandbox(SandboxedEnvironment):
    """Jinja for a docs/ page: it may call the `macros` and read nothing (no variable, attribute, item, operator,
    filter, test or loader). Jinja's own delimiters, which the engine's check reads, whatever mkdocs.yml's j2_
    settings say. An error is a PageTemplateError: one Danish line at the page and line `locate()` gives."""

    code_generator_class, template_class = _TimedLoops, _PageTemplate
    intercepted_binops = frozenset(SandboxedEnvironment.default_binop_table)
    intercepted_unops = frozenset(SandboxedEnvironment.default_unop_table)

    def __init__(self, macros: dict, locate) -> None:
        super().__init__(undefined=StrictUndefined)
        self.globals, self.filters, self.tests = {**macros, "_tick": self}, {}, {}
        self.macros, self.locate, self.deadline = frozenset(macros.values()), locate, float("inf")

    def call(__self, __context, __obj, *args, **kwargs):
        if time.monotonic() > __self.deadline:
            raise page_calls.PageTimeout
        if __obj is __self:
            return None  # the loops' tick
        if __obj not in __self.macros:
            raise SecurityError("a page may only call the portal's macros")
        started = time.monotonic()
        try:
            return super().call(__context, __obj, *args, **kwargs)
        finally:
            __self.deadline += time.monotonic() - started  # a macro's own time does not count

    def _refuse(self, *args) -> None:
        raise SecurityError("a page reads no attribute or item and computes nothing")

    getattr = getitem = call_binop = call_unop = _refuse

    def handle_exception(self, source: str | None = None):
        try:
            super().handle_exception(source)  # raises the error again, its traceback in the page's lines
        except Exception as error:
            raise page_calls.PageTemplateError(page_calls.render_problem(error, *self.locate())) from None


def sandbox_pages(env, names: frozenset[str]) -> None:
    """mkdocs-macros (the plugin `env`) renders pages in a PageSandbox with the macros `names` from now on; called
    before each page, as mkdocs-macros makes its Jinja environment after define_env."""
    if isinstance(env.env, PageSandbox):
        return

    def locate():  # the page being rendered when the error came
        page = env.page.file
        return page_calls.page_location(page.abs_src_path, env.markdown, env.conf["docs_dir"], page.src_uri)

    env._env = PageSandbox({name: env.macros[name] for name in names}, locate)  # env.env has no setter

    def render(*args, plugin_render=env.render, **kwargs):
        try:
            return plugin_render(*args, **kwargs)
        except page_calls.PageTemplateError as stopped:
            raise PluginError(str(stopped.args[0])) from None

    env.render = render
