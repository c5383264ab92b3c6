"""mkdocs-macros entry point: registers the Danish macros that contributors call from docs/."""

from __future__ import annotations

from pathlib import Path

from vidensportal.content.dates import local_day
from vidensportal.content.macro_table import DATED_MACROS, MACROS
from vidensportal.updates.news import news_items, news_list
from vidensportal.updates.review import review_table

# Where the mkdocs hooks leave the build's one Catalog, and the build's moment, for define_env to pick up.
CATALOG_KEY = "vidensportalen_catalog"
MOMENT_KEY = "vidensportalen_moment"
# Where macros/reader_hooks.py leaves the git history of data/ and docs/, and the pages with review dates.
HISTORY_KEY = "vidensportalen_history"
REVIEWS_KEY = "vidensportalen_reviews"


def define_env(env) -> None:
    catalog = env.conf[CATALOG_KEY]
    today = local_day(env.conf[MOMENT_KEY])

    def bind(function, *extra):
        return lambda: function(catalog, env.page.file.src_uri, *extra)

    for name, function in MACROS.items():
        env.macro(bind(function), name)
    for name, function in DATED_MACROS.items():
        env.macro(bind(function, today), name)
    # These read what the hooks found after define_env ran (the review fields are read with the files).
    moment = env.conf[MOMENT_KEY]
    env.macro(
        lambda: news_list(news_items(catalog, env.conf[HISTORY_KEY], moment), env.page.file.src_uri),
        "nyt_paa_portalen",
    )
    env.macro(lambda: str(review_table(env.conf[REVIEWS_KEY], env.page.file.src_uri, today)), "sider_til_gennemgang")


def on_pre_page_macros(env) -> None:
    """Stop the build with one Danish line when a page calls a macro or variable that does not exist."""
    from mkdocs.exceptions import PluginError

    from .template_check import check_page

    page = env.page
    if page.meta.get("render_macros") is False or not page.file.abs_src_path:
        return
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    body_starts = source[: len(source) - len(env.markdown)].count("\n") + 1 if source.endswith(env.markdown) else 1
    known = set(env.env.globals) | set(env.variables) | set(page.meta)
    problems = check_page(
        env.markdown, env.env, known, Path(env.conf["docs_dir"]).name / Path(page.file.src_uri), body_starts
    )
    if problems:
        raise PluginError("\n".join(str(p) for p in problems))
