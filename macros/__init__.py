"""mkdocs-macros entry point: registers the Danish macros that contributors call from docs/."""

from __future__ import annotations

from macros.sandbox import sandbox_pages
from vidensportal.content.macro_table import DATED_MACROS, FRONT_PAGE_NEWS, MACROS, PUBLISHED

# Where the mkdocs hooks leave the build's one Catalog, and the build's moment, for define_env to pick up.
CATALOG_KEY = "vidensportalen_catalog"
MOMENT_KEY = "vidensportalen_moment"
TODAY_KEY = "vidensportalen_today"  # the build's day in Copenhagen, worked out once from the moment
AIDS_KEY = "vidensportalen_reader_aids"  # vidensportal/reader_aids' ReaderAids, made by the hooks


def define_env(env) -> None:
    catalog = env.conf[CATALOG_KEY]
    today = env.conf[TODAY_KEY]

    def bind(function, *extra):
        return lambda: function(catalog, env.page.file.src_uri, *extra)

    for name, function in MACROS.items():
        env.macro(bind(function), name)
    for name, function in DATED_MACROS.items():
        env.macro(bind(function, today), name)
    # Read when called: the hooks add the pages' review fields after define_env has run.
    env.macro(lambda: env.conf[AIDS_KEY].news(env.page.file.src_uri), "nyt_paa_portalen")
    env.macro(lambda: env.conf[AIDS_KEY].news(env.page.file.src_uri, FRONT_PAGE_NEWS), "nyeste_nyt")
    env.macro(lambda: env.conf[AIDS_KEY].review_list(env.page.file.src_uri), "sider_til_gennemgang")


def on_pre_page_macros(env) -> None:
    """Every page renders in Jinja's sandbox (the engine has checked before that it only calls macros)."""
    sandbox_pages(env, PUBLISHED)
