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


# Pages and files for staff keeping up with the portal (issue 13).
NEWS_PAGE = "nyt.md"
# At the site's root: Material fetches sitemap.xml next to every <link rel="alternate"> (it takes them for
# translations of the site), and next to the root's feed that is the site's own sitemap.
NEWS_FEED = "nyt.xml"
ABBREVIATIONS_PAGE = "forkortelser.md"
REVIEW_PAGE = "gennemgang.md"
