"""Seminars as iCalendar (RFC 5545): one file per event for "Tilføj til kalender", and the feed with all of them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar

from vidensportal.data.model import Event, value_label

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


def _description(event: Event) -> str:
    lines = ["Arrangementet er aflyst."] if event.status == "aflyst" else []
    lines += [value_label(event.kind), f"Målgruppe: {event.audience}", "", event.description]
    return "\n".join(lines)


def _vevent(event_id: str, event: Event, url: str | None, stamp: datetime) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("UID", uid(event_id))
    vevent.add("DTSTAMP", stamp)
    vevent.add("DTSTART", datetime.combine(event.day, event.start, tzinfo=ZONE))
    vevent.add("DTEND", datetime.combine(event.day, event.end, tzinfo=ZONE))
    vevent.add("SUMMARY", f"AFLYST: {event.title}" if event.status == "aflyst" else event.title)
    vevent.add("LOCATION", event.place)
    vevent.add("DESCRIPTION", _description(event))
    vevent.add("STATUS", _STATUS[event.status])
    vevent.add("CATEGORIES", [value_label(event.kind)])
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
    events: Iterable[tuple[str, Event]], *, name: str, url_for: Callable[[str], str | None], stamp: datetime
) -> tuple[bytes, dict[str, bytes]]:
    """The feed with every event, cancelled ones included, and each event's own calendar by its id.

    The feed is ordered by (day, start, id) so builds agree; each event is serialised once for both.
    """
    stamp = _utc(stamp)
    ordered = sorted(events, key=lambda item: (item[1].day, item[1].start, item[0]))
    duplicates = sorted(event_id for event_id, count in Counter(key for key, _ in ordered).items() if count > 1)
    if duplicates:
        raise ValueError(f"event ids must be unique in a feed, repeated: {', '.join(duplicates)}")
    serialised = {event_id: _vevent(event_id, event, url_for(event_id), stamp).to_ical() for event_id, event in ordered}
    feed = _calendar(name, serialised.values())
    return feed, {event_id: _calendar(event.title, [serialised[event_id]]) for event_id, event in ordered}
