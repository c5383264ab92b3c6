"""Where each generated page lives in the site, as a docs-relative Markdown path."""

PARTIES_INDEX = "parter/index.md"
TRACKS_INDEX = "spor/index.md"
GOALS_PAGE = "maal.md"
ORGANISATION_PAGE = "organisering.md"
ANNUAL_INDEX = "aarsstatus/index.md"
FOLLOWUP_PAGE = "foelgegruppe.md"


def party_page(party_id: str) -> str:
    return f"parter/{party_id}.md"


def track_page(track_id: str) -> str:
    return f"spor/{track_id}.md"


EVENTS_INDEX = "seminarer/index.md"
MATERIALS_INDEX = "materialer/index.md"
CALENDAR_FEED = "seminarer/kalender.ics"


def event_page(event_id: str) -> str:
    return f"seminarer/{event_id}.md"


def event_calendar_file(event_id: str) -> str:
    return f"seminarer/{event_id}.ics"


def material_page(material_id: str) -> str:
    return f"materialer/{material_id}.md"


def annual_page(year: int) -> str:
    return f"aarsstatus/{year}.md"


# Names the site gives paths of its own (the listing of a folder, the calendar feed, mkdocs' and the theme's
# files, the search index, the news feed). No id or file name in a generated folder may take one.
SITE_NAMES = frozenset({"index", "404", "sitemap", "search", "assets", "tags", "pagefind", "nyt", "feed", "rss"})
# Files mkdocs, the theme and the search write at the top of the site.
SITE_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/", "pagefind/")


def reserved_names() -> frozenset[str]:
    """Every name an id or a file in a generated folder must not take."""
    own = {CALENDAR_FEED, EVENTS_INDEX, MATERIALS_INDEX, PARTIES_INDEX, TRACKS_INDEX, ANNUAL_INDEX}
    return SITE_NAMES | {path.rpartition("/")[2].rpartition(".")[0] for path in own}


def generated_folders() -> frozenset[str]:
    """The folders whose pages the site makes from data/, one per id."""
    pages = (party_page, track_page, event_page, material_page, event_calendar_file)
    return frozenset({page("id").partition("/")[0] for page in pages} | {annual_page(2000).partition("/")[0]})
