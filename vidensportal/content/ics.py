"""Seminars and Følgegruppe meetings as iCalendar (RFC 5545): one file per event for "Tilføj til kalender", the
feed with all events, and Følgegruppen's own feed. Every entry links back to its page when the site's address
is known, says when it is an example, and names a functional mailbox as organiser when data/ gives one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache, partial
from zoneinfo import ZoneInfo

import icalendar

from vidensportal.catalog import Catalog
from vidensportal.content.dates import danish_date
from vidensportal.data.model import Event, Meeting, value_label
from vidensportal.paths import (
    CALENDAR_FEED,
    FOLLOWUP_CALENDAR,
    FOLLOWUP_PAGE,
    absolute_url,
    event_calendar_file,
    event_page,
    meeting_anchor,
)

PRODID = "-//Vidensportalen//Rocker- og bandebekæmpelse//DA"
TZID = "Europe/Copenhagen"
ZONE = ZoneInfo(TZID)

_STATUS = {"planlagt": "CONFIRMED", "afholdt": "CONFIRMED", "aflyst": "CANCELLED"}


def uid(event_id: str) -> str:
    """The UID of an event: built from its id alone, so it is the same in every build."""
    return f"{event_id}@vidensportalen"


def _copenhagen() -> icalendar.Timezone:
    """VTIMEZONE for Europe/Copenhagen as yearly rules (the EU rules, in force since 1996).

    Outlook reads only DTSTART, RRULE and the offsets of a VTIMEZONE and ignores RDATE, so the
    RDATE lists that icalendar's Timezone.from_tzid() writes would put summer events an hour off.
    tests/test_calendar.py checks these rules against the tz database.
    """
    rules = (
        (icalendar.TimezoneStandard, "CET", datetime(1996, 10, 27, 3), 2, 1, 10),
        (icalendar.TimezoneDaylight, "CEST", datetime(1996, 3, 31, 2), 1, 2, 3),
    )
    timezone = icalendar.Timezone()
    timezone.add("TZID", TZID)
    for component_class, name, first, offset_from, offset_to, month in rules:
        rule = component_class()
        rule.add("TZNAME", name)
        rule.add("DTSTART", first)
        rule.add("TZOFFSETFROM", timedelta(hours=offset_from))
        rule.add("TZOFFSETTO", timedelta(hours=offset_to))
        rule.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": "-1SU"})
        timezone.add_component(rule)
    return timezone


# The one line a build without the site's address prints (info, so `mkdocs build --strict` still passes).
MISSING_SITE_URL = (
    "VIDENSPORTAL_URL er ikke sat, så aftalerne i kalenderfilerne får intet link tilbage til portalens sider. "
    "Sæt VIDENSPORTAL_URL til portalens adresse, før I bygger til udgivelse."
)
EXAMPLE_NOTE = "EKSEMPEL: Dette er ikke en rigtig aftale i kalenderen, men et eksempel på portalen."
READ_MORE = "Læs mere på Vidensportalen:"


@dataclass(frozen=True)
class Organiser:
    """Who answers for an entry: a unit's or the secretariat's functional mailbox, never a person."""

    name: str
    mailbox: str


def _description(lines: list[str], example: bool, url: str | None) -> str:
    """The entry's text, with the example note first and the link back to its page last."""
    head = [EXAMPLE_NOTE, ""] if example else []
    tail = ["", f"{READ_MORE} {url}"] if url else []
    return "\n".join([*head, *lines, *tail])


def _event_lines(event: Event) -> list[str]:
    lines = ["Arrangementet er aflyst."] if event.status == "aflyst" else []
    return [*lines, value_label(event.kind), f"Målgruppe: {event.audience}", "", event.description]


def _add_organiser(vevent: icalendar.Event, organiser: Organiser | None) -> None:
    if organiser:
        address = icalendar.vCalAddress(f"mailto:{organiser.mailbox}")
        address.params["CN"] = icalendar.vText(organiser.name)
        vevent.add("ORGANIZER", address)


def _vevent(
    event_id: str, event: Event, url: str | None, stamp: datetime, organiser: Organiser | None = None
) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("UID", uid(event_id))
    vevent.add("DTSTAMP", stamp)
    vevent.add("DTSTART", datetime.combine(event.day, event.start, tzinfo=ZONE))
    vevent.add("DTEND", datetime.combine(event.day, event.end, tzinfo=ZONE))
    vevent.add("SUMMARY", f"AFLYST: {event.title}" if event.status == "aflyst" else event.title)
    vevent.add("LOCATION", event.place)
    vevent.add("DESCRIPTION", _description(_event_lines(event), event.example, url))
    vevent.add("STATUS", _STATUS[event.status])
    vevent.add("CATEGORIES", [value_label(event.kind)])
    _add_organiser(vevent, organiser)
    if url:
        vevent.add("URL", url)
    return vevent


def _utc(stamp: datetime) -> datetime:
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise ValueError(f"stamp must be timezone-aware (UTC), got {stamp!r}")
    return stamp.astimezone(UTC)


@lru_cache(maxsize=1)
def _copenhagen_ical() -> bytes:
    # Serialising the VTIMEZONE took most of the time of a one-event calendar; it is the same in every one.
    return _copenhagen().to_ical()


_END = b"END:VCALENDAR\r\n"


def _calendar(name: str, vevents: Iterable[bytes]) -> bytes:
    """The calendar's properties, the time zone, then the serialised events: what Calendar.to_ical() writes."""
    calendar = icalendar.Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    calendar.add("X-WR-CALNAME", name)
    calendar.add("X-WR-TIMEZONE", TZID)
    head = calendar.to_ical().removesuffix(_END)
    return head + _copenhagen_ical() + b"".join(vevents) + _END


def calendars(
    events: Iterable[tuple[str, Event]],
    *,
    name: str,
    url_for: Callable[[str], str | None],
    stamp: datetime,
    organiser_for: Callable[[Event], Organiser | None] = lambda _: None,
) -> tuple[bytes, dict[str, bytes]]:
    """The feed with every event, cancelled ones included, and each event's own calendar by its id.

    The feed is ordered by (day, start, id) so builds agree; each event is serialised once for both.
    """
    stamp = _utc(stamp)
    ordered = sorted(events, key=lambda item: (item[1].day, item[1].start, item[0]))
    duplicates = sorted(event_id for event_id, count in Counter(key for key, _ in ordered).items() if count > 1)
    if duplicates:
        raise ValueError(f"event ids must be unique in a feed, repeated: {', '.join(duplicates)}")
    serialised = {
        event_id: _vevent(event_id, event, url_for(event_id), stamp, organiser_for(event)).to_ical()
        for event_id, event in ordered
    }
    feed = _calendar(name, serialised.values())
    return feed, {event_id: _calendar(event.title, [serialised[event_id]]) for event_id, event in ordered}


def meeting_uid(meeting: Meeting) -> str:
    return f"foelgegruppe-{meeting.day.isoformat()}@vidensportalen"


def meeting_title(meeting: Meeting, name: str) -> str:
    """A meeting's calendar title: which meeting it is, and that it is an example or cancelled when it is."""
    title = f"{name}: møde {danish_date(meeting.day)}"
    if meeting.example:
        title = f"EKSEMPEL: {title}"
    return f"AFLYST: {title}" if meeting.status == "aflyst" else title


def _meeting_vevent(
    meeting: Meeting, name: str, url: str | None, stamp: datetime, organiser: Organiser | None
) -> icalendar.Event:
    """A meeting with its hours blocks the time as busy; without them it is an all-day entry marked free, as its
    file gives no hours to block."""
    lines = ["Mødet er aflyst."] if meeting.status == "aflyst" else []
    if meeting.agenda:
        lines += ["Dagsorden:", *(f"{number}. {item}" for number, item in enumerate(meeting.agenda, start=1))]
    vevent = icalendar.Event()
    vevent.add("UID", meeting_uid(meeting))
    vevent.add("DTSTAMP", stamp)
    if meeting.start is not None:
        start = datetime.combine(meeting.day, meeting.start, tzinfo=ZONE)
        end = datetime.combine(meeting.day, meeting.end, tzinfo=ZONE) if meeting.end else start + timedelta(hours=2)
        vevent.add("DTSTART", start)
        vevent.add("DTEND", end)
        vevent.add("TRANSP", "OPAQUE")
    else:
        vevent.add("DTSTART", meeting.day)
        vevent.add("DTEND", meeting.day + timedelta(days=1))
        vevent.add("TRANSP", "TRANSPARENT")
    vevent.add("SUMMARY", meeting_title(meeting, name))
    if meeting.place:
        vevent.add("LOCATION", meeting.place)
    vevent.add("DESCRIPTION", _description(lines, meeting.example, url))
    vevent.add("STATUS", _STATUS[meeting.status])
    _add_organiser(vevent, organiser)
    if url:
        vevent.add("URL", url)
    return vevent


def meetings_calendar(
    meetings: Iterable[Meeting],
    *,
    name: str,
    url_for: Callable[[date], str | None],
    stamp: datetime,
    organiser: Organiser | None = None,
) -> bytes:
    """Følgegruppen's meetings, oldest first, as a calendar of their own."""
    stamp = _utc(stamp)
    ordered = sorted(meetings, key=lambda m: m.day)
    return _calendar(name, [_meeting_vevent(m, name, url_for(m.day), stamp, organiser).to_ical() for m in ordered])


def _organiser(catalog: Catalog, event: Event) -> Organiser | None:
    """The first organising unit that has a functional mailbox."""
    for party in (catalog.parties[p] for p in event.organisers):
        if party.mailbox:
            return Organiser(party.label, party.mailbox)
    return None


def site_calendars(catalog: Catalog, *, name: str, site_url: str | None, stamp: datetime) -> dict[str, bytes]:
    """Every calendar file of the site by its path: the events' feed, each event's own, Følgegruppen's feed.

    Without `site_url` (VIDENSPORTAL_URL) the entries cannot link back to their pages."""

    def event_url(event_id: str) -> str | None:
        return absolute_url(site_url, event_page(event_id))

    def meeting_url(day: date) -> str | None:
        page = absolute_url(site_url, FOLLOWUP_PAGE)
        return f"{page}#{meeting_anchor(day)}" if page else None

    feed, singles = calendars(
        catalog.events.items(), name=name, url_for=event_url, stamp=stamp, organiser_for=partial(_organiser, catalog)
    )
    group = catalog.agreement.follow_up_group
    files = {CALENDAR_FEED: feed, **{event_calendar_file(key): single for key, single in singles.items()}}
    files[FOLLOWUP_CALENDAR] = meetings_calendar(
        catalog.meetings.values(),
        name=group.name,
        url_for=meeting_url,
        stamp=stamp,
        organiser=Organiser(group.name, group.mailbox) if group.mailbox else None,
    )
    return files
