"""When a page last changed: the newest commit of the files it is made from, or the build's moment."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime

from markupsafe import Markup

from vidensportal.catalog import Catalog
from vidensportal.content.annual import years_with_data
from vidensportal.content.dates import danish_date
from vidensportal.data.publications import EVENTS_DIR, MATERIALS_DIR, MEETINGS_DIR
from vidensportal.paths import annual_page, event_page, material_page, party_page, track_page
from vidensportal.reader_aids.history import FileHistory

PARTIES_FOLDER = "data/parter/"
TRACKS_FILE = "data/spor.yml"


def event_file(event_id: str) -> str:
    return f"data/{EVENTS_DIR}/{event_id}.yml"


def meeting_file(meeting_id: str) -> str:
    return f"data/{MEETINGS_DIR}/{meeting_id}.yml"


def material_sources(catalog: Catalog, material_id: str) -> tuple[str, ...]:
    """The YAML file that describes a material (its event's, its meeting's or its own) and its file in docs/."""
    event_id = catalog.material_event.get(material_id)
    meeting_id = catalog.material_meeting.get(material_id)
    if event_id:
        described = event_file(event_id)
    elif meeting_id:
        described = meeting_file(meeting_id)
    else:
        described = f"data/{MATERIALS_DIR}/{material_id}.yml"
    file = catalog.files.get(material_id)
    return (described, f"docs/{file.path}") if file else (described,)


def _year_sources(catalog: Catalog, year: int) -> list[str]:
    sources = [event_file(key) for key, event in catalog.events.items() if event.day.year == year]
    sources += [meeting_file(key) for key, meeting in catalog.meetings.items() if meeting.day.year == year]
    for key, material in catalog.materials.items():
        if material.published.year == year:
            sources += material_sources(catalog, key)
    sources += [f"data/indsatser/{key}.yml" for key, i in catalog.initiatives.items() if year in i.years]
    return sources


def generated_page_sources(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """For each generated page (docs path), the project files its content comes from, its own prose included."""
    sources: dict[str, list[str]] = {}
    for party_id in catalog.parties:
        sources[party_page(party_id)] = [f"{PARTIES_FOLDER}{party_id}.yml"]
    for track_id in catalog.tracks:
        sources[track_page(track_id)] = [TRACKS_FILE]
    for event_id in catalog.events:
        sources[event_page(event_id)] = [event_file(event_id)]
    for material_id in catalog.materials:
        sources[material_page(material_id)] = list(material_sources(catalog, material_id))
    for year in years_with_data(catalog, date.max):  # every year with data; a year without a page is never asked
        sources[annual_page(year)] = _year_sources(catalog, year)
    # Text a contributor places on a generated page lives in docs/ under the page's own path.
    return {path: (*files, f"docs/{path}") for path, files in sources.items()}


_ORGANISATION = (PARTIES_FOLDER, "data/organisation.yml")
_ACTIVITY = ("data/seminarer/", "data/foelgegruppe/", "data/materialer/", "data/indsatser/")
# The data a Markdown page shows through a macro; a folder ends in '/'. A macro not named here counts as all of data/.
MACRO_SOURCES: dict[str, tuple[str, ...]] = {
    "spor_oversigt": ("data/spor.yml",),
    "spor_liste": ("data/spor.yml",),
    "parter_oversigt": _ORGANISATION,
    "parter_resume": _ORGANISATION,
    "organisationsdiagram": _ORGANISATION,
    "forkortelser": _ORGANISATION,
    "organisering": ("data/aftale.yml", *_ORGANISATION),
    "maal_oversigt": ("data/sikker-by.yml",),
    "maal_resume": ("data/sikker-by.yml",),
    "aftalens_titel": ("data/aftale.yml",),
    "aftalens_parter": ("data/aftale.yml", *_ORGANISATION),
    "aftalens_baggrund": ("data/aftale.yml",),
    "aftalens_formaal": ("data/aftale.yml",),
    "aftalens_forpligtelser": ("data/aftale.yml",),
    "oekonomi_og_periode": ("data/aftale.yml",),
    "materiale_bibliotek": _ACTIVITY[:3],
    "nyeste_materialer": _ACTIVITY[:3],
    "seminar_oversigt": ("data/seminarer/",),
    "kommende_seminarer": ("data/seminarer/",),
    "foelgegruppe_moeder": ("data/foelgegruppe/",),
    "foelgegruppe_naeste_moede": ("data/foelgegruppe/",),
    "foelgegruppe_kalender": ("data/foelgegruppe/",),
    "foelgegruppe_kontakt": ("data/aftale.yml", PARTIES_FOLDER),
    "indsatser_oversigt": ("data/indsatser/", "data/sikker-by.yml"),
    "indsatser_pr_maal": ("data/indsatser/", "data/sikker-by.yml"),
    "aarsstatus_oversigt": _ACTIVITY,
    "aktivitet_diagram": _ACTIVITY,
    "nyt_paa_portalen": ("data/", "docs/"),
    "nyeste_nyt": ("data/", "docs/"),
    "portalens_makroer": (),  # the guide's list of macros shows no data
}
_MACRO_CALL = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)\s*\(")


def markdown_page_sources(path: str, markdown: str) -> tuple[str, ...]:
    """A Markdown page's own file and the data its macro calls show."""
    called = dict.fromkeys(_MACRO_CALL.findall(markdown))
    return (f"docs/{path}", *dict.fromkeys(s for name in called for s in MACRO_SOURCES.get(name, ("data/",))))


def newest_commit(sources: Iterable[str], history: Mapping[str, FileHistory] | None) -> datetime | None:
    """The newest commit among `sources` (files, or folders ending in '/'), or None when none is committed."""
    if not history:
        return None
    wanted = tuple(sources)
    folders = tuple(s for s in wanted if s.endswith("/"))
    dates = [history[s].changed for s in wanted if s in history]
    dates += [h.changed for name, h in history.items() if folders and name.startswith(folders)]
    return max(dates, default=None)


def day_html(day: date) -> Markup:
    """A day in Danish, as a page's 'Sidst ændret' shows it."""
    return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), danish_date(day))
