"""Every path and URL of the site in one place: the folders of data/ and docs/, and where each page lives."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import quote

# Folders of data/ that hold one entry per file.
EVENTS_DATA = "seminarer"
MEETINGS_DATA = "foelgegruppe"
MATERIALS_DATA = "materialer"
INITIATIVES_DATA = "indsatser"
PARTIES_DATA = "parter"

# Folders of the site (and of docs/) that hold a generated page per entry.
PARTIES_DIR = "parter"
TRACKS_DIR = "spor"
EVENTS_DIR = "seminarer"
MATERIALS_DIR = "materialer"  # also where material files lie in docs/
ANNUAL_DIR = "aarsstatus"
GENERATED_DIRS = (PARTIES_DIR, TRACKS_DIR, EVENTS_DIR, MATERIALS_DIR, ANNUAL_DIR)

PARTIES_INDEX = f"{PARTIES_DIR}/index.md"
TRACKS_INDEX = f"{TRACKS_DIR}/index.md"
EVENTS_INDEX = f"{EVENTS_DIR}/index.md"
MATERIALS_INDEX = f"{MATERIALS_DIR}/index.md"
ANNUAL_INDEX = f"{ANNUAL_DIR}/index.md"
AGREEMENT_PAGE = "aftalen.md"
GOALS_PAGE = "maal.md"
ORGANISATION_PAGE = "organisering.md"
FOLLOWUP_PAGE = "foelgegruppe.md"
CALENDAR_FEED = f"{EVENTS_DIR}/kalender.ics"
FOLLOWUP_CALENDAR = f"{MEETINGS_DATA}/kalender.ics"
INITIATIVES_PAGE = "indsatser.md"


def party_page(party_id: str) -> str:
    return f"{PARTIES_DIR}/{party_id}.md"


def track_page(track_id: str) -> str:
    return f"{TRACKS_DIR}/{track_id}.md"


def event_page(event_id: str) -> str:
    return f"{EVENTS_DIR}/{event_id}.md"


def event_calendar_file(event_id: str) -> str:
    return f"{EVENTS_DIR}/{event_id}.ics"


def material_page(material_id: str) -> str:
    return f"{MATERIALS_DIR}/{material_id}.md"


def annual_page(year: int) -> str:
    return f"{ANNUAL_DIR}/{year}.md"


def meeting_anchor(day: date) -> str:
    """The id of a Følgegruppe meeting on the pages that list it, e.g. 'moede-2026-02-10'."""
    return f"moede-{day.isoformat()}"


def page_url(page: str) -> str:
    """The site-relative URL of a docs-relative Markdown page: 'seminarer/x.md' → 'seminarer/x/'."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return quote(f"{stem}/")


def absolute_url(site_url: str | None, page: str) -> str | None:
    """A page's full address when the site's address is known (VIDENSPORTAL_URL), else None."""
    return f"{site_url.rstrip('/')}/{page_url(page)}" if site_url else None


# Names the site gives paths of its own (the listing of a folder, the calendar feed, mkdocs' and the theme's
# files, the search index, the news feed). No id or file name in a generated folder may take one.
SITE_NAMES = frozenset({"index", "404", "sitemap", "search", "assets", "tags", "pagefind", "nyt", "feed", "rss"})
# Files and folders mkdocs, the theme and the search write at the top of the site.
SITE_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/", "pagefind/")


def reserved_names() -> frozenset[str]:
    """Every name an id or a file in a generated folder must not take."""
    own = {CALENDAR_FEED, EVENTS_INDEX, MATERIALS_INDEX, PARTIES_INDEX, TRACKS_INDEX, ANNUAL_INDEX}
    return SITE_NAMES | {path.rpartition("/")[2].rpartition(".")[0] for path in own}


# Pages and files for staff keeping up with the portal (issue 13).
NEWS_PAGE = "nyt.md"
# At the site's root: Material fetches sitemap.xml next to every <link rel="alternate"> (it takes them for
# translations of the site), and next to the root's feed that is the site's own sitemap.
NEWS_FEED = "nyt.xml"
ABBREVIATIONS_PAGE = "forkortelser.md"
REVIEW_PAGE = "gennemgang.md"
CONTRIBUTOR_GUIDE = "bidrag.md"

# Every cache of the build lies under one root in the project, one folder per cache; the build's lock too.
CACHE_ROOT = ".cache"
SOURCE_GUARD_CACHE = "kildevagt"
DATA_GUARD_CACHE = "datavagt"
GATE_CACHE = "udgangsport"
DOCUMENT_TEXT_CACHE = "pdftekst"
CALENDAR_CACHE = "kalendere"
BUILT_CACHE = "bygget"  # what each site folder last published, for --dirty builds
WITHHELD_TEXT_CACHE = "tilbageholdt"  # the words of withheld documents, by content
ACTIVE_CONTENT_CACHE = "aktivt-indhold"  # rendered pages found free of active content
BUILD_LOCK = "bygning.lock"


def cache_dir(root: Path, name: str) -> Path:
    """The folder (or file) `name` under the project's one cache root."""
    return root / CACHE_ROOT / name
