"""mkdocs-macros entry point: registers the Danish macros that contributors call from docs/."""

from __future__ import annotations

from . import render

# Where the mkdocs hooks leave the build's one Catalog for define_env to pick up.
CATALOG_KEY = "vidensportalen_catalog"

# Macro name as contributors write it in Markdown → the engine function behind it.
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
}


def define_env(env) -> None:
    catalog = env.conf[CATALOG_KEY]

    def bind(function):
        return lambda: function(catalog, env.page.file.src_uri)

    for name, function in MACROS.items():
        env.macro(bind(function), name)
