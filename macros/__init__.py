"""mkdocs-macros entry point: registers the Danish macros that contributors call from docs/."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from vidensportal.content import render, render_charts, render_events, render_followup
from vidensportal.content.abbreviations import abbreviations_table
from vidensportal.content.dates import local_day
from vidensportal.updates.news import news_items, news_list
from vidensportal.updates.review import review_table

# Where the mkdocs hooks leave the build's one Catalog, and the build's moment, for define_env to pick up.
CATALOG_KEY = "vidensportalen_catalog"
MOMENT_KEY = "vidensportalen_moment"
# Where macros/reader_hooks.py leaves the git history of data/ and docs/, and the pages with review dates.
HISTORY_KEY = "vidensportalen_history"
REVIEWS_KEY = "vidensportalen_reviews"

# Macro name as contributors write it in Markdown → the engine function behind it, called with the
# catalog and the page it is on.
MACROS = {
    "spor_oversigt": render.tracks_overview,
    "spor_liste": render.tracks_list,
    "parter_oversigt": render.parties_overview,
    "parter_resume": render.parties_summary,
    "maal_oversigt": render.goals_overview,
    "maal_resume": render.goals_summary,
    "aftalens_formaal": render.agreement_purpose,
    "aftalens_forpligtelser": render.agreement_commitments,
    "organisering": render.organisation,
    "oekonomi_og_periode": render.economy_and_period,
    "materiale_bibliotek": render_events.materials_library,
    "nyeste_materialer": render_events.newest_materials,
    "indsatser_oversigt": render_followup.initiatives_overview,
    "indsatser_pr_maal": partial(render_followup.initiatives_by_goal, heading="###"),
    "organisationsdiagram": render_charts.organisation_chart,
    "forkortelser": abbreviations_table,
}
# The same, for functions that also need the build's date (what is upcoming, what counts as held).
DATED_MACROS = {
    "seminar_oversigt": render_events.events_overview,
    "kommende_seminarer": render_events.upcoming_events,
    "foelgegruppe_moeder": render_followup.meetings_by_year,
    "aarsstatus_oversigt": render_followup.annual_index,
    "aktivitet_diagram": render_charts.activity_chart,
}


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
