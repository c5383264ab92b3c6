"""The macros contributors call from docs/: each Danish name → the engine function behind it."""

from __future__ import annotations

from functools import partial

from vidensportal.content import render, render_charts, render_events, render_followup
from vidensportal.reader_aids.abbreviations import abbreviations_table

# Macro name as contributors write it in Markdown → the engine function behind it, called with the
# catalog and the page it is on.
MACROS = {
    "spor_oversigt": render.tracks_overview,
    "spor_liste": render.tracks_list,
    "parter_oversigt": render.parties_overview,
    "parter_resume": render.parties_summary,
    "maal_oversigt": render.goals_overview,
    "maal_resume": render.goals_summary,
    "aftalens_titel": render.agreement_title,
    "aftalens_parter": render.agreement_key_actors,
    "aftalens_baggrund": render.agreement_background,
    "aftalens_formaal": render.agreement_purpose,
    "aftalens_forpligtelser": render.agreement_commitments,
    "organisering": render.organisation,
    "oekonomi_og_periode": render.economy_and_period,
    "materiale_bibliotek": render_events.materials_library,
    "indsatser_oversigt": render_followup.initiatives_overview,
    "indsatser_pr_maal": partial(render_followup.initiatives_by_goal, heading="###"),
    "organisationsdiagram": render_charts.organisation_chart,
    "foelgegruppe_kontakt": render_followup.followup_contact,
    "foelgegruppe_kalender": render_followup.followup_calendar,
    "forkortelser": abbreviations_table,
}
# The same, for functions that also need the build's date (what is upcoming, what counts as held).
DATED_MACROS = {
    "seminar_oversigt": render_events.events_overview,
    "kommende_seminarer": render_events.upcoming_events,
    "nyeste_materialer": render_events.newest_materials,
    "foelgegruppe_moeder": render_followup.meetings_by_year,
    "foelgegruppe_naeste_moede": render_followup.next_meeting,
    "aarsstatus_oversigt": render_followup.annual_index,
    "aktivitet_diagram": render_charts.activity_chart,
}
# Macros the adapter binds to the whole site's reader aids (the news list, the pages due for review), by name.
SITE_MACROS = ("nyt_paa_portalen", "nyeste_nyt", "sider_til_gennemgang")
FRONT_PAGE_NEWS = 5  # how many of the newest items the front page shows (nyeste_nyt)
