"""mkdocs-macros entry point: the Danish macros contributors call from docs/. define_env gets the build from the
engine itself (`build_of`), so a builder that runs this module and no hooks renders the pages; the hooks share it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.sandbox import sandbox_pages
from vidensportal.content.macro_table import PUBLISHED
from vidensportal.errors import DataError
from vidensportal.load import Build, load_build

BUILD_KEY = "vidensportalen_build"  # the one Build of this configuration, read at the first call of build_of


def build_of(conf) -> Build:
    """The Build of the configuration `conf`: loaded once per build (`mkdocs serve` makes a new conf each time)."""
    if conf.get(BUILD_KEY) is None:
        # A builder other than mkdocs may give fewer keys: the project is then the folder it runs in.
        root = Path(conf.get("config_file_path") or "mkdocs.yml").resolve().parent
        docs, extra = Path(conf.get("docs_dir") or root / "docs"), conf.get("extra") or {}
        try:
            conf[BUILD_KEY] = load_build(root, docs, extra, conf.get("use_directory_urls", True))
        except DataError as error:  # the builder's own error: the message, no traceback
            raise PluginError(str(error)) from None
    return conf[BUILD_KEY]


def define_env(env) -> None:
    for name, function in build_of(env.conf).macros().items():  # each takes the page it is on
        env.macro(lambda function=function: function(env.page.file.src_uri), name)


def on_pre_page_macros(env) -> None:
    """Every page renders in Jinja's sandbox (the engine has checked before that it only calls macros)."""
    sandbox_pages(env, PUBLISHED)
