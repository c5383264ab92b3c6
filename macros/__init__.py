"""mkdocs-macros entry point: the Danish macros contributors call from docs/. define_env gets the build from the
engine itself (`build_of`), so a builder that runs this module and no hooks renders the pages; the hooks share it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from vidensportal.content.macro_table import DATED_MACROS, MACROS
from vidensportal.errors import DataError
from vidensportal.load import Build, load_build
from vidensportal.macro_errors import body_location

from .template_check import check_page, guard_templates

BUILD_KEY = "vidensportalen_build"  # the one Build of this configuration, read at the first call of build_of


def build_of(conf) -> Build:
    """The Build of the configuration `conf`: loaded once per build (`mkdocs serve` makes a new conf each time)."""
    if conf.get(BUILD_KEY) is None:
        root = Path(conf["config_file_path"]).resolve().parent
        try:
            conf[BUILD_KEY] = load_build(root, Path(conf["docs_dir"]), conf["extra"], conf["use_directory_urls"])
        except DataError as error:  # the builder's own error: the message, no traceback
            raise PluginError(str(error)) from None
    return conf[BUILD_KEY]


def define_env(env) -> None:
    build = build_of(env.conf)

    def bind(function, *extra):
        return lambda: function(build.catalog, env.page.file.src_uri, *extra)

    for name, function in MACROS.items():
        env.macro(bind(function), name)
    for name, function in DATED_MACROS.items():  # the dated ones also get the build's day
        env.macro(bind(function, build.today), name)
    env.macro(lambda: build.aids.news(env.page.file.src_uri), "nyt_paa_portalen")
    env.macro(lambda: build.aids.review_list(env.page.file.src_uri), "sider_til_gennemgang")


def _page_location(env) -> tuple[Path, int]:
    source = Path(env.page.file.abs_src_path).read_text(encoding="utf-8-sig", errors="replace")
    return body_location(source, env.markdown, Path(env.conf["docs_dir"]), env.page.file.src_uri)


def on_pre_page_macros(env) -> None:
    """Stop the build with one Danish line when a page calls a macro or variable that does not exist."""
    guard_templates(env, build_of(env.conf).catalog.withheld_files, lambda: _page_location(env))
    if env.page.meta.get("render_macros") is False or not env.page.file.abs_src_path:
        return
    known = set(env.env.globals) | set(env.variables) | set(env.page.meta)
    if problems := check_page(env.markdown, env.env, known, *_page_location(env)):
        raise PluginError("\n".join(str(p) for p in problems))
