"""The calendar files: right local times, a VTIMEZONE Outlook understands, stable UIDs, cancelled events kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from vidensportal.content.ics import calendars
from vidensportal.data.model import Event

from .support import make_event

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
STAMP = datetime(2026, 1, 5, 8, 30, tzinfo=UTC)
FEED_NAME = "Vidensseminarer og netværksmøder"
LONG_TITLE = "Rockere, bander og rekruttering af unge på Nørrebro, Østerbro og i Ålholm – erfaringer fra SSP+"




WINTER = make_event()
SUMMER = make_event(titel="Netværksmøde om forebyggelse", type="netværksmøde", dato="2026-06-11", slut="15:00")


def url_for(event_id: str) -> str:
    return f"https://vidensportal.example/seminarer/{event_id}/"


def calendar_feed(events, *, name: str, url_for, stamp: datetime) -> bytes:
    return calendars(events, name=name, url_for=url_for, stamp=stamp)[0]


def event_calendar(event_id: str, event: Event, *, url: str | None, stamp: datetime) -> bytes:
    """The one-event calendar of "Tilføj til kalender", from a build with only that event."""
    return calendars([(event_id, event)], name=FEED_NAME, url_for=lambda _: url, stamp=stamp)[1][event_id]


def feed(events: list[tuple[str, Event]], *, stamp: datetime = STAMP) -> bytes:
    return calendar_feed(events, name=FEED_NAME, url_for=url_for, stamp=stamp)


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def vevents(data: bytes) -> dict[str, icalendar.Event]:
    """The VEVENTs of a calendar by UID."""
    return {str(vevent["UID"]): vevent for vevent in parse(data).walk("VEVENT")}


def only_vevent(data: bytes) -> icalendar.Event:
    (vevent,) = parse(data).walk("VEVENT")
    return vevent


def copenhagen_vtimezone(data: bytes) -> icalendar.Timezone:
    zones = [zone for zone in parse(data).walk("VTIMEZONE") if str(zone["TZID"]) == "Europe/Copenhagen"]
    assert len(zones) == 1, f"expected one VTIMEZONE with TZID Europe/Copenhagen, found {len(zones)}"
    return zones[0]


def test_winter_event_is_one_hour_ahead_of_utc():
    """13:00–15:30 in Copenhagen on 12 March 2026 (winter time) is 12:00–14:30 UTC."""
    vevent = vevents(feed([("2026-03-12", WINTER)]))["2026-03-12@vidensportalen"]
    start, end = vevent["DTSTART"].dt, vevent["DTEND"].dt
    assert start.astimezone(UTC) == datetime(2026, 3, 12, 12, 0, tzinfo=UTC), f"winter start in UTC is {start}"
    assert end.astimezone(UTC) == datetime(2026, 3, 12, 14, 30, tzinfo=UTC), f"winter end in UTC is {end}"


def test_summer_event_is_two_hours_ahead_of_utc():
    """13:00 in Copenhagen on 11 June 2026 (summer time) is 11:00 UTC."""
    vevent = vevents(feed([("2026-06-11", SUMMER)]))["2026-06-11@vidensportalen"]
    start = vevent["DTSTART"].dt
    assert start.astimezone(UTC) == datetime(2026, 6, 11, 11, 0, tzinfo=UTC), f"summer start in UTC is {start}"


def test_times_are_local_times_with_the_copenhagen_tzid():
    """DTSTART and DTEND are Copenhagen wall-clock times tagged TZID=Europe/Copenhagen, not UTC."""
    data = feed([("2026-03-12", WINTER), ("2026-06-11", SUMMER)])
    for line in (
        b"DTSTART;TZID=Europe/Copenhagen:20260312T130000",
        b"DTEND;TZID=Europe/Copenhagen:20260312T153000",
        b"DTSTART;TZID=Europe/Copenhagen:20260611T130000",
    ):
        assert line in data, f"{line.decode()} is missing from the feed"
    for vevent in parse(data).walk("VEVENT"):
        for key in ("DTSTART", "DTEND"):
            tzid = vevent[key].params.get("TZID")
            assert tzid == "Europe/Copenhagen", f"{key} of {vevent['UID']} has TZID {tzid!r}"


def test_vtimezone_has_standard_and_daylight():
    """Both files carry a VTIMEZONE for Europe/Copenhagen with a STANDARD and a DAYLIGHT part."""
    for data in (feed([("2026-03-12", WINTER)]), event_calendar("2026-03-12", WINTER, url=None, stamp=STAMP)):
        zone = copenhagen_vtimezone(data)
        assert zone.standard, "the VTIMEZONE has no STANDARD sub-component"
        assert zone.daylight, "the VTIMEZONE has no DAYLIGHT sub-component"
        assert data.index(b"BEGIN:VTIMEZONE") < data.index(b"BEGIN:VEVENT"), "VTIMEZONE must come before VEVENTs"


def test_vtimezone_uses_yearly_rules_not_rdate_lists():
    """Every STANDARD/DAYLIGHT part has an RRULE and no RDATE, since Outlook ignores RDATE in a VTIMEZONE."""
    zone = copenhagen_vtimezone(feed([("2026-03-12", WINTER)]))
    for part in [*zone.standard, *zone.daylight]:
        assert "RRULE" in part, f"{part.name} of the VTIMEZONE has no RRULE"
        assert "RDATE" not in part, f"{part.name} of the VTIMEZONE lists RDATEs, which Outlook ignores"


def test_vtimezone_agrees_with_the_tz_database():
    """The VTIMEZONE, read on its own, gives the tz database's UTC offset around every change 2026–2037."""
    zone = copenhagen_vtimezone(feed([("2026-03-12", WINTER)])).to_tz(lookup_tzid=False)
    wrong = []
    for year in range(2026, 2038):
        for month in (3, 10):
            first = datetime(year, month, 23, tzinfo=UTC)  # the last Sunday is among the last 9 days
            for hour in range(9 * 24):
                instant = first + timedelta(hours=hour)
                if instant.astimezone(zone).utcoffset() != instant.astimezone(COPENHAGEN).utcoffset():
                    wrong.append(instant.isoformat())
    assert not wrong, f"the VTIMEZONE disagrees with the tz database at {wrong[:5]} ({len(wrong)} hours in all)"


def test_calendar_properties():
    """The feed has the PRODID, version, scale, method, name and time zone that clients expect."""
    calendar = parse(feed([("2026-03-12", WINTER)]))
    expected = {
        "PRODID": "-//Vidensportalen//Rocker- og bandebekæmpelse//DA",
        "VERSION": "2.0",
        "CALSCALE": "GREGORIAN",
        "METHOD": "PUBLISH",
        "X-WR-CALNAME": FEED_NAME,
        "X-WR-TIMEZONE": "Europe/Copenhagen",
    }
    actual = {key: str(calendar.get(key)) for key in expected}
    assert actual == expected, f"calendar properties differ: {actual}"


def test_same_input_gives_identical_bytes():
    """Two builds from the same events and stamp give byte-identical files."""
    events = [("2026-03-12", WINTER), ("2026-06-11", SUMMER)]
    assert feed(events) == feed(events), "the feed differs between two identical calls"
    first = event_calendar("2026-03-12", WINTER, url=url_for("2026-03-12"), stamp=STAMP)
    second = event_calendar("2026-03-12", WINTER, url=url_for("2026-03-12"), stamp=STAMP)
    assert first == second, "the per-event calendar differs between two identical calls"


def test_feed_does_not_depend_on_input_order():
    """Events are written by (day, start, id), so the order they are given in does not matter."""
    later_same_day = make_event(titel="Eftermiddag", start="16:00", slut="17:00")
    events = [("2026-06-11", SUMMER), ("2026-03-12-b", later_same_day), ("2026-03-12", WINTER)]
    data = feed(events)
    assert data == feed(list(reversed(events))), "the feed changes with the order of its input"
    uids = [str(vevent["UID"]) for vevent in parse(data).walk("VEVENT")]
    expected = ["2026-03-12@vidensportalen", "2026-03-12-b@vidensportalen", "2026-06-11@vidensportalen"]
    assert uids == expected, f"events are not ordered by day, start and id: {uids}"


def test_uid_is_stable_across_builds():
    """The UID comes from the event id alone: a build at another time gives the same UID."""
    later = datetime(2026, 9, 1, tzinfo=UTC)
    first = set(vevents(feed([("2026-03-12", WINTER)])))
    second = set(vevents(feed([("2026-03-12", WINTER)], stamp=later)))
    assert first == second == {"2026-03-12@vidensportalen"}, f"UIDs change between builds: {first} vs {second}"
    single = str(only_vevent(event_calendar("2026-03-12", WINTER, url=None, stamp=later))["UID"])
    assert single == "2026-03-12@vidensportalen", f"the per-event file has UID {single}, not the feed's"


def test_different_ids_give_different_uids():
    """Two events with different ids get different UIDs, even when everything else is the same."""
    uids = vevents(feed([("2026-03-12", WINTER), ("2026-03-12-gentaget", WINTER)]))
    assert len(uids) == 2, f"two event ids gave the UIDs {sorted(uids)}"


def test_duplicate_ids_are_refused():
    """A feed with the same event id twice is an error, since the UIDs would clash."""
    with pytest.raises(ValueError, match="2026-03-12"):
        feed([("2026-03-12", WINTER), ("2026-03-12", SUMMER)])


def test_dtstamp_is_the_given_stamp_in_utc():
    """DTSTAMP is the caller's stamp in UTC, so a build can be reproduced."""
    copenhagen_stamp = datetime(2026, 1, 5, 9, 30, tzinfo=COPENHAGEN)
    data = feed([("2026-03-12", WINTER)], stamp=copenhagen_stamp)
    assert b"DTSTAMP:20260105T083000Z" in data, "DTSTAMP is not the given stamp written in UTC"


def test_naive_stamp_is_refused():
    """A stamp without a time zone is an error rather than a guess."""
    with pytest.raises(ValueError, match="stamp"):
        feed([("2026-03-12", WINTER)], stamp=datetime(2026, 1, 5, 8, 30))


def test_cancelled_event_stays_in_the_feed_as_cancelled():
    """A cancelled event is kept with STATUS:CANCELLED and 'AFLYST: ' before its title."""
    cancelled = make_event(status="aflyst")
    vevent = vevents(feed([("2026-03-12", cancelled)])).get("2026-03-12@vidensportalen")
    assert vevent is not None, "the cancelled event is missing from the feed"
    assert str(vevent["STATUS"]) == "CANCELLED", f"a cancelled event has STATUS {vevent['STATUS']}"
    assert str(vevent["SUMMARY"]) == "AFLYST: Vidensseminar om exit", f"cancelled SUMMARY is {vevent['SUMMARY']}"


@pytest.mark.parametrize("status", ["planlagt", "afholdt"])
def test_planned_and_held_events_are_confirmed(status: str):
    """A planned or held event has STATUS:CONFIRMED and its title unchanged."""
    vevent = only_vevent(feed([("2026-03-12", make_event(status=status))]))
    assert str(vevent["STATUS"]) == "CONFIRMED", f"a {status} event has STATUS {vevent['STATUS']}"
    assert str(vevent["SUMMARY"]) == "Vidensseminar om exit", f"a {status} event has SUMMARY {vevent['SUMMARY']}"


def test_danish_characters_survive_the_round_trip():
    """æ, ø and å in title, place, audience and description read back unchanged."""
    event = make_event(
        titel=LONG_TITLE,
        sted="Rådhuspladsen 1, Københavns Rådhus, Æblesalen",
        målgruppe="Støttekontakter, gadeplansmedarbejdere og SSP-konsulenter",
        beskrivelse="Vi ser på, hvordan unge i Ørestad og på Amager bliver trukket ind; og hvad vi gør ved det.",
    )
    vevent = only_vevent(feed([("2026-03-12", event)]))
    assert str(vevent["SUMMARY"]) == LONG_TITLE, f"SUMMARY came back as {vevent['SUMMARY']!r}"
    assert str(vevent["LOCATION"]) == event.place, f"LOCATION came back as {vevent['LOCATION']!r}"
    description = str(vevent["DESCRIPTION"])
    for part in ("Vidensseminar", f"Målgruppe: {event.audience}", event.description):
        assert part in description, f"DESCRIPTION lacks {part!r}: {description!r}"


def test_long_lines_are_folded_at_75_octets():
    """Every physical line is at most 75 octets, folded between whole UTF-8 characters."""
    event = make_event(titel=LONG_TITLE, beskrivelse="Æøå " * 60)
    data = feed([("2026-03-12", event)])
    lines = data.split(b"\r\n")
    too_long = [line for line in lines if len(line) > 75]
    assert not too_long, f"{len(too_long)} lines are longer than 75 octets, e.g. {too_long[0]!r}"
    assert any(line.startswith(b" ") for line in lines), "nothing was folded, so the test proves nothing"
    for line in lines:
        line.decode("utf-8")  # raises if a fold split a multi-byte character


def test_event_calendar_has_one_event_with_its_url():
    """The per-event file holds exactly one VEVENT, with the URL it was given."""
    url = url_for("2026-03-12")
    calendar = parse(event_calendar("2026-03-12", WINTER, url=url, stamp=STAMP))
    found = calendar.walk("VEVENT")
    assert len(found) == 1, f"the per-event calendar has {len(found)} VEVENTs"
    assert str(found[0].get("URL")) == url, f"URL is {found[0].get('URL')!r}, not {url}"
    assert str(calendar["X-WR-CALNAME"]) == WINTER.title, "the per-event calendar is not named after the event"


def test_event_calendar_without_url_has_no_url():
    """Without a URL the per-event file has no URL property rather than an empty one."""
    vevent = only_vevent(event_calendar("2026-03-12", WINTER, url=None, stamp=STAMP))
    assert "URL" not in vevent, f"URL is {vevent.get('URL')!r} although none was given"


def test_feed_urls_come_from_url_for():
    """Each event in the feed gets the URL url_for gives its id, and none when url_for gives None."""
    data = calendar_feed(
        [("2026-03-12", WINTER), ("2026-06-11", SUMMER)],
        name=FEED_NAME,
        url_for=lambda event_id: url_for(event_id) if event_id == "2026-03-12" else None,
        stamp=STAMP,
    )
    found = vevents(data)
    assert str(found["2026-03-12@vidensportalen"].get("URL")) == url_for("2026-03-12"), "the feed lost the URL"
    assert "URL" not in found["2026-06-11@vidensportalen"], "an event without a page got a URL"


def test_categories_is_the_kind():
    """CATEGORIES names the kind of event."""
    found = vevents(feed([("2026-03-12", WINTER), ("2026-06-11", SUMMER)]))
    kinds = {uid: vevent["CATEGORIES"].cats for uid, vevent in found.items()}
    expected = {"2026-03-12@vidensportalen": ["Vidensseminar"], "2026-06-11@vidensportalen": ["Netværksmøde"]}
    assert kinds == expected, f"CATEGORIES are {kinds}"


def test_each_event_calendar_holds_the_feeds_own_vevent():
    """An event's own calendar has the very VEVENT the feed has for it, under the event's title as its name."""
    events = [("2026-03-12", WINTER), ("2026-08-20", SUMMER)]
    whole, singles = calendars(events, name=FEED_NAME, url_for=url_for, stamp=STAMP)
    in_feed = {str(e["UID"]): e.to_ical() for e in parse(whole).walk("VEVENT")}
    wrong = []
    for event_id, event in events:
        calendar = parse(singles[event_id])
        (vevent,) = calendar.walk("VEVENT")
        if vevent.to_ical() != in_feed[str(vevent["UID"])] or str(calendar["X-WR-CALNAME"]) != event.title:
            wrong.append(event_id)
    assert sorted(singles) == sorted(dict(events)) and not wrong, f"differs from the feed: {wrong}"
