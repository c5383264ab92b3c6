"""The macros contributors call from docs/: each Danish name → the engine function behind it, and what it shows.

These are the only things a page may call (vidensportal/guards/page_calls.py); the guide lists them."""

from __future__ import annotations

from functools import partial

from markupsafe import Markup

from vidensportal.catalog import Catalog
from vidensportal.content import render, render_charts, render_events, render_followup
from vidensportal.content.html import table
from vidensportal.reader_aids.abbreviations import abbreviations_table


def macros_guide(catalog: Catalog, here: str) -> str:
    """The guide's table of every macro a page may call and what it shows, from SHOWS."""
    rows = [[Markup("<code>{}</code>").format(f"{{{{ {name}() }}}}"), shows] for name, shows in sorted(SHOWS.items())]
    return str(table(["Skriv", "Det viser"], rows))


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
    "portalens_makroer": macros_guide,
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
# What each macro shows, in Danish, for the guide's list (macros_guide); a page may call these and nothing else.
SHOWS = {
    "spor_oversigt": "Aftalens spor som kort med nummer, navn og formål.",
    "spor_liste": "Sporene som en liste med formål, hvert linket til sin side.",
    "parter_oversigt": "Alle parter, ordnet efter myndighed og forvaltning eller afdeling.",
    "parter_resume": "Hvem parterne er, med aftalens ord, og et link til oversigten.",
    "maal_oversigt": "Sikker By-målene med delmål, og hvorfor aftalen følger dem.",
    "maal_resume": "Én sætning om de Sikker By-mål, aftalen sigter efter, og et link til dem.",
    "aftalens_titel": "Aftalens titel, de to myndigheder, året og hvornår den er indgået.",
    "aftalens_parter": "Aftalens ord om parterne, hvad de bidrager med, og hvem der kan komme med.",
    "aftalens_formaal": "Aftalens formål.",
    "aftalens_forpligtelser": "Hvad parterne forpligter sig til.",
    "organisering": "Følgegruppen: hvem der mødes, hvor ofte og hvem der planlægger.",
    "oekonomi_og_periode": "Aftalens økonomi og periode.",
    "materiale_bibliotek": "Alle materialer efter år, med filtre for type, part, spor og år.",
    "indsatser_oversigt": "Hvert års indsatser efter spor, nyeste år først.",
    "indsatser_pr_maal": "Indsatserne under hvert Sikker By-mål og delmål.",
    "organisationsdiagram": "Organisationsdiagrammet: myndighed, forvaltning eller afdeling og enhed.",
    "foelgegruppe_kontakt": "Kontakt: sekretariatet (EAS og Sikker By) med links og deres funktionspostkasser.",
    "foelgegruppe_kalender": "Sådan abonnerer man på Følgegruppens kalender.",
    "forkortelser": "Alle forkortelser, hvad de står for, og hvor de hører til.",
    "portalens_makroer": "Denne liste over makroer.",
    "seminar_oversigt": "Kommende seminarer og tidligere seminarer efter år, med filtre.",
    "kommende_seminarer": "De næste seminarer og et link til dem alle.",
    "nyeste_materialer": "De nyeste materialer og et link til biblioteket.",
    "foelgegruppe_moeder": "Følgegruppens møder efter år.",
    "aarsstatus_oversigt": "En linje pr. år med årsstatus, nyeste år først.",
    "aktivitet_diagram": "Et diagram over seminarer, møder og materialer pr. år og spor.",
    "nyt_paa_portalen": "Det seneste nye og ændrede på portalen af alle slags, under månedsoverskrifter.",
    "nyeste_nyt": "De fem nyeste nyheder, til forsiden.",
    "foelgegruppe_naeste_moede": "Boksen med Følgegruppens næste møde, med tid og sted, når de er angivet.",
    "aftalens_baggrund": "Aftalens baggrund: samarbejdet siden 2013, som aftalen bygger på.",
    "sider_til_gennemgang": "Siderne med ejer og dato for gennemgang, og hvornår de skal gennemgås igen.",
}
# The one list of what a page may call: every name above.
PUBLISHED = frozenset({*MACROS, *DATED_MACROS, *SITE_MACROS})
