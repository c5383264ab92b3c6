"""'Nyt på portalen': new and changed seminars, materials and Følgegruppe meetings, newest first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from vidensportal.catalog import Catalog
from vidensportal.content.dates import danish_date, danish_when, local_day
from vidensportal.content.render_events import EXAMPLE_BADGE
from vidensportal.content.text import bullets, link, md
from vidensportal.data.model import value_label
from vidensportal.paths import FOLLOWUP_PAGE, event_page, material_page
from vidensportal.reader_aids.changes import event_file, material_sources, meeting_file
from vidensportal.reader_aids.history import FileHistory

# How many items the page and the feed show: a reader wants the latest, the listings hold the rest.
NEWEST = 30


@dataclass(frozen=True)
class NewsItem:
    """One seminar, material or meeting, with when it first appeared and when it last changed."""

    key: str  # unique and stable: 'seminarer/2026-03-12-rekruttering'
    kind: str  # 'Vidensseminar', 'Oplæg', 'Møde i Følgegruppen' …
    title: str
    page: str  # the docs path of the page that shows it
    summary: str
    published: datetime
    updated: datetime
    example: bool

    @property
    def changed(self) -> bool:
        """True when the item changed after it first appeared."""
        return self.updated > self.published


def _dated(
    sources: tuple[str, ...], history: Mapping[str, FileHistory] | None, own_date: date, moment: datetime
) -> tuple[datetime, datetime]:
    """(first appeared, last changed) from git; without git history, the item's own date, never after the build."""
    known = [history[s] for s in sources if history and s in history]
    if known:
        return min(h.created for h in known), max(h.changed for h in known)
    fallback = min(datetime.combine(own_date, time(12), UTC), moment)
    return fallback, fallback


def news_items(
    catalog: Catalog, history: Mapping[str, FileHistory] | None, moment: datetime, count: int = NEWEST
) -> list[NewsItem]:
    """The `count` most recently changed seminars, materials and meetings that the site publishes, newest first."""
    items = []
    for event_id, event in catalog.events.items():
        published, updated = _dated((event_file(event_id),), history, event.day, moment)
        when = danish_when(event.day, event.start, event.end)
        summary = f"{value_label(event.kind)} {when}, {event.place}. {event.description}"
        items.append(
            NewsItem(
                f"seminarer/{event_id}", value_label(event.kind), event.title, event_page(event_id),
                summary, published, updated, event.example,
            )
        )
    for material_id, material in catalog.materials.items():
        published, updated = _dated(material_sources(catalog, material_id), history, material.published, moment)
        summary = f"{value_label(material.kind)} fra {danish_date(material.published)}."
        items.append(
            NewsItem(
                f"materialer/{material_id}", value_label(material.kind), material.title, material_page(material_id),
                summary, published, updated, material.example,
            )
        )
    for meeting_id, meeting in catalog.meetings.items():
        published, updated = _dated((meeting_file(meeting_id),), history, meeting.day, moment)
        agenda = f" Dagsorden: {'; '.join(meeting.agenda)}." if meeting.agenda else ""
        items.append(
            NewsItem(
                f"foelgegruppe/{meeting_id}", "Møde i Følgegruppen", f"Følgegruppens møde {danish_date(meeting.day)}",
                FOLLOWUP_PAGE, f"{value_label(meeting.status)}.{agenda}", published, updated, meeting.example,
            )
        )
    items.sort(key=lambda item: (item.updated, item.key), reverse=True)
    return items[:count]


def shown_title(item: NewsItem) -> str:
    """The title as the feed shows it: marked as an example when it is one and does not say so itself."""
    if item.example and not item.title.casefold().startswith("eksempel"):
        return f"{item.title} (eksempel)"
    return item.title


def news_list(items: list[NewsItem], here: str) -> str:
    """The page's list: date, new or changed, kind and a link to the item's page, as Markdown; an example
    carries the listings' example badge."""
    lines = []
    for item in items:
        state = "Ændret" if item.changed else "Nyt"
        day = danish_date(local_day(item.updated))
        badge = f" {EXAMPLE_BADGE}" if item.example else ""
        # The date is ours (digits and a month's name); md() would encode its '25.' as if it began a line.
        lines.append(f"**{day}** · {state} · {md(item.kind)}: {link(here, item.page, item.title)}{badge}")
    return bullets(lines, "Der er endnu intet nyt på portalen.")
