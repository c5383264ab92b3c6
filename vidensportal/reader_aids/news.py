"""'Nyt på portalen': what is new and what changed for a reader, of every kind, newest first.

An item is dated by its own date where it has one (a meeting's or a material's date, a party's `udtrådt`) and
that date has come; otherwise by the commit that made the change. A commit is a change only when it changed what
a reader sees (revisions.py), and the item says which fields changed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from itertools import groupby

from babel.dates import format_date
from markupsafe import Markup

from vidensportal.catalog import Catalog
from vidensportal.content import html
from vidensportal.content.dates import danish_date, danish_period, danish_when, local_day
from vidensportal.content.render_events import EXAMPLE_BADGE
from vidensportal.content.render_followup import join_and
from vidensportal.data.model import value_label
from vidensportal.paths import FOLLOWUP_PAGE, INITIATIVES_PAGE, annual_page, event_page, material_page, party_page
from vidensportal.reader_aids.changes import event_file, material_sources, meeting_file
from vidensportal.reader_aids.revisions import Change, ContentHistory, View, markdown_view, yaml_view

# How many items the page and the feed show: a reader wants the latest, the listings hold the rest.
NEWEST = 30
NEW, CHANGED, LEFT = "Nyt", "Ændret", "Udtrådt"
_ANNUAL_TEXT = re.compile(r"^aarsstatus/(\d{4})\.md$")


@dataclass(frozen=True)
class NewsItem:
    """One thing new or changed on the portal, and when."""

    key: str  # unique and stable: 'seminarer/2026-03-12-rekruttering', 'parter/cuku/udtraadt'
    kind: str  # 'Vidensseminar', 'Oplæg', 'Part', 'Side' …
    title: str
    page: str  # the docs path of the page that shows it
    summary: str
    published: datetime
    updated: datetime
    example: bool
    state: str = NEW
    fields: tuple[str, ...] = ()  # what changed, for an item whose state is CHANGED

    @property
    def changed(self) -> bool:
        return self.state == CHANGED


@dataclass(frozen=True)
class _Source:
    """Where an item's content lives: a file and the view of it a reader sees."""

    path: str
    view: View
    record: str | None = None


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


def _items(
    base: NewsItem, sources: Iterable[_Source], history: ContentHistory | None, own: date | None, moment: datetime
) -> list[NewsItem]:
    """`base` as new (its own date when that has come, else its first commit) and, when a reader-visible change
    came after that, as changed. Without history an item without a date of its own is left out."""
    changes: list[Change] = []
    for source in sources:
        changes += history.changes(source.path, source.view, source.record) if history else []
    first = min((c.moment for c in changes), default=None)
    if own is not None and _noon(own) <= moment:
        published = _noon(own)
    elif first is not None:
        published = first
    elif own is not None:
        published = moment  # announced, with no history to say when: never dated after the build
    else:
        return []
    later = sorted((c for c in changes if c.fields and c.moment > published), key=lambda c: c.moment)
    items = [_with(base, published=published, updated=published)]
    if later:
        fields = tuple(dict.fromkeys(f for c in later for f in c.fields))
        items = [_with(base, published=published, updated=later[-1].moment, state=CHANGED, fields=fields)]
    return items


def _with(item: NewsItem, **changes: object) -> NewsItem:
    return NewsItem(**{**item.__dict__, **changes})


def _material_source(catalog: Catalog, material_id: str) -> list[_Source]:
    described, *files = material_sources(catalog, material_id)
    if material_id in catalog.material_event:
        view = _entry_view("materialer", material_id)
    elif material_id in catalog.material_meeting:
        view = _entry_view("referat", None)
    else:
        view = yaml_view()
    return [_Source(described, view, material_id), *(_Source(f, _file_view) for f in files)]


def _entry_view(key: str, entry_id: str | None) -> View:
    """The entry of a file's `key`: the list item with `entry_id`, or the mapping itself."""
    whole = yaml_view()

    def view(data: bytes):
        found = (whole(data) or {}).get(key)
        if entry_id is not None:
            found = next((e for e in found or [] if isinstance(e, dict) and e.get("id") == entry_id), None)
        return found if isinstance(found, dict) else None

    return view


def _file_view(data: bytes):
    """A published file (PDF, slides …): a reader sees a new version whenever its bytes change."""
    return {"filen": data}


def _party_source(history: ContentHistory | None, party_id: str) -> _Source:
    own = f"data/parter/{party_id}.yml"
    if history is not None and history.has(own):
        return _Source(own, yaml_view())
    return _Source("data/parter.yml", yaml_view(party_id), party_id)


_PERIOD_DAY = {"primo": (1, 1), "medio": (7, 1), "ultimo": (12, 31), "": (1, 1)}


def _period_day(value: str) -> date:
    """The day a Period points at, for ordering: '2019-12-18' itself, 'ultimo 2019' the year's last day, 'medio'
    its middle, 'primo' or a bare year its first: a party that joined with the agreement is old news."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        word, _, year = value.rpartition(" ")
        return date(int(year), *_PERIOD_DAY.get(word, (1, 1)))


def news_items(
    catalog: Catalog,
    history: ContentHistory | None,
    moment: datetime,
    pages: Iterable[tuple[str, str]] = (),
    count: int = NEWEST,
) -> list[NewsItem]:
    """The `count` newest items of every kind the site publishes, newest first. `pages` are the hand-written
    Markdown pages as (docs path, title)."""
    items: list[NewsItem] = []

    def add(base: NewsItem, sources: list[_Source], own: date | None) -> None:
        items.extend(_items(base, sources, history, own, moment))
    for event_id, event in catalog.events.items():
        summary = f"{value_label(event.kind)} {danish_when(event.day, event.start, event.end)}, {event.place}."
        base = NewsItem(f"seminarer/{event_id}", value_label(event.kind), event.title, event_page(event_id),
                        f"{summary} {event.description}", moment, moment, event.example)  # fmt: skip
        add(base, [_Source(event_file(event_id), yaml_view())], event.day)
    for material_id, material in catalog.materials.items():
        summary = f"{value_label(material.kind)} fra {danish_date(material.published)}."
        base = NewsItem(f"materialer/{material_id}", value_label(material.kind), material.title,
                        material_page(material_id), summary, moment, moment, material.example)  # fmt: skip
        add(base, _material_source(catalog, material_id), material.published)
    for meeting_id, meeting in catalog.meetings.items():
        agenda = f" Dagsorden: {'; '.join(meeting.agenda)}." if meeting.agenda else ""
        title = f"Følgegruppens møde {danish_date(meeting.day)}"
        base = NewsItem(f"foelgegruppe/{meeting_id}", "Møde i Følgegruppen", title, FOLLOWUP_PAGE,
                        f"{value_label(meeting.status)}.{agenda}", moment, moment, meeting.example)  # fmt: skip
        add(base, [_Source(meeting_file(meeting_id), yaml_view())], meeting.day)
    for party_id, party in catalog.parties.items():
        joined = f"{party.label} er part i samarbejdet fra {danish_period(party.joined)}."
        base = NewsItem(f"parter/{party_id}", "Part", party.label, party_page(party_id), joined, moment, moment, False)
        add(base, [_party_source(history, party_id)], _period_day(party.joined))
        if party.left and _noon(party.left) <= moment:
            left = f"{party.label} er udtrådt af samarbejdet {danish_date(party.left)}."
            items.append(_with(base, key=f"parter/{party_id}/udtraadt", summary=left, state=LEFT,
                               published=_noon(party.left), updated=_noon(party.left)))  # fmt: skip
    for initiative_id, initiative in catalog.initiatives.items():
        years = ", ".join(str(y) for y in sorted(initiative.years))
        base = NewsItem(f"indsatser/{initiative_id}", "Indsats", initiative.title, INITIATIVES_PAGE,
                        f"Indsats {years}: {initiative.description}", moment, moment, initiative.example)  # fmt: skip
        add(base, [_Source(f"data/indsatser/{initiative_id}.yml", yaml_view())], None)
    for path, title in pages:
        annual = _ANNUAL_TEXT.match(path)
        if annual:
            year = int(annual[1])
            base = NewsItem(f"aarsstatus/{year}", "Årsstatus", f"Årsstatus {year}", annual_page(year),
                            f"Sekretariatets tekst til årsstatus {year}.", moment, moment, False)  # fmt: skip
            add(base, [_Source(f"docs/{path}", markdown_view)], None)
        else:  # the portal's own pages came with it: an edit of one is news, its first version is not
            base = NewsItem(f"sider/{path}", "Side", title, path, f"Siden '{title}'.", moment, moment, False)
            items.extend(i for i in _items(base, [_Source(f"docs/{path}", markdown_view)], history, None, moment)
                         if i.changed)  # fmt: skip
    items.sort(key=lambda item: (item.updated, item.key), reverse=True)
    return items[:count]


def what_changed(item: NewsItem) -> str:
    """'Ændret: sted og program' for a changed item; '' otherwise."""
    if not item.fields:
        return ""
    return "Ændret: " + join_and(list(item.fields))


def shown_title(item: NewsItem) -> str:
    """The title as the feed shows it: marked as an example when it is one and does not say so itself."""
    if item.example and not item.title.casefold().startswith("eksempel"):
        return f"{item.title} (eksempel)"
    return item.title


def _month(day: date) -> str:
    return format_date(day, "LLLL y", locale="da_DK").capitalize()


def news_list(items: list[NewsItem], here: str, headings: bool = True) -> str:
    """The list under month headings (or, with `headings` off, one list, as on the front page): date, state, kind,
    a link to the item's page and what changed. Each item carries its day, so the page can show what is new since
    the reader's last visit (vidensportal.js)."""
    if not items:
        return str(html.empty_note("Der er endnu intet nyt på portalen."))
    parts = []
    for month, group in groupby(items, key=lambda item: _month(local_day(item.updated))):
        lines = [_line(item, here) for item in group]
        kind = "vp-news vp-news--page" if headings else "vp-news"
        listing = Markup('<ul class="%s">\n') % kind + Markup("\n").join(lines) + Markup("\n</ul>")
        parts.append(f"### {month}\n\n{listing}" if headings else str(listing))
    return "\n\n".join(parts) if headings else "\n".join(parts)


def _line(item: NewsItem, here: str) -> Markup:
    day = local_day(item.updated)
    facts = Markup(" · ").join([Markup("<strong>%s</strong>") % danish_date(day), item.state, item.kind])
    line = facts + Markup(": ") + html.link(here, item.page, item.title)
    if item.example:
        line += Markup(" ") + EXAMPLE_BADGE
    if item.fields:
        line += Markup(' <span class="vp-news__what">%s</span>') % what_changed(item)
    return Markup('<li class="vp-news__item" data-vp-day="%s">%s</li>') % (day.isoformat(), line)

