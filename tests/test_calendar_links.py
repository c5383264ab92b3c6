"""Calendar entries that lead back and say what they are: a link to the page (URL and in the text), the example
note, a functional mailbox as ORGANIZER, Følgegruppen's own feed, the Outlook guide, and the one log line of a
build without VIDENSPORTAL_URL."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import icalendar
import pytest

from vidensportal.content.ics import (
    EXAMPLE_NOTE,
    MISSING_SITE_URL,
    READ_MORE,
    Organiser,
    calendars,
    meetings_calendar,
)
from vidensportal.data.model import Event, Meeting

from .support import BUILD_ENV, ROOT, add_mailboxes, build_log, copy_project, make_event, run_build

STAMP = datetime(2026, 1, 5, 8, 30, tzinfo=UTC)
SITE = "https://vidensportal.example/"




def meeting(**changes: object) -> Meeting:
    return Meeting.model_validate({"dato": "2026-09-08", "status": "planlagt", "klassifikation": "intern", **changes})


def only_vevent(data: bytes) -> icalendar.Event:
    (vevent,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    return vevent


def single(item: Event, url: str | None, organiser: Organiser | None = None) -> icalendar.Event:
    _, singles = calendars(
        [("x", item)], name="Seminarer", url_for=lambda _: url, stamp=STAMP, organiser_for=lambda _: organiser
    )
    return only_vevent(singles["x"])


def test_an_entry_links_back_to_its_page_in_url_and_text():
    """With the page's address the entry has it as URL and as the last line of its description."""
    vevent = single(make_event(), "https://vidensportal.example/seminarer/x/")
    text = str(vevent["DESCRIPTION"])
    assert str(vevent["URL"]) == "https://vidensportal.example/seminarer/x/", vevent.get("URL")
    assert text.endswith(f"{READ_MORE} https://vidensportal.example/seminarer/x/"), text


def test_negative_control_without_an_address_no_link_is_invented():
    """Without the site's address there is neither URL nor a 'Læs mere' line."""
    vevent = single(make_event(), None)
    assert "URL" not in vevent and READ_MORE not in str(vevent["DESCRIPTION"]), vevent.to_ical()


def test_an_example_event_says_so_first_and_a_real_one_does_not():
    """An example event's description opens with the example note; a real event's has no such note."""
    example = str(single(make_event(eksempel=True), None)["DESCRIPTION"])
    real = str(single(make_event(), None)["DESCRIPTION"])
    assert example.startswith(EXAMPLE_NOTE) and EXAMPLE_NOTE not in real, (example, real)


def test_the_organiser_is_the_functional_mailbox():
    """ORGANIZER is the mailbox as a mailto address with the unit's name; without a mailbox there is none."""
    vevent = single(make_event(), None, Organiser("Sikker By", "sikkerby@enhed.example"))
    organiser = vevent["ORGANIZER"]
    assert str(organiser) == "mailto:sikkerby@enhed.example" and organiser.params["CN"] == "Sikker By", organiser
    assert "ORGANIZER" not in single(make_event(), None), "an organiser without a mailbox"


def test_a_meeting_is_an_all_day_entry_linking_to_its_place_on_the_page():
    """A Følgegruppe meeting (a day, no hours) is an all-day entry that does not block time, with its agenda,
    the example note and a link to its anchor on the Følgegruppe page."""
    data = meetings_calendar(
        [meeting(eksempel=True, dagsorden=["Status på indsatserne"])],
        name="Følgegruppen for rocker- og bandebekæmpelse",
        url_for=lambda day: f"{SITE}foelgegruppe/#moede-{day.isoformat()}",
        stamp=STAMP,
        organiser=Organiser("Følgegruppen", "sekretariat@enhed.example"),
    )
    vevent = only_vevent(data)
    text = str(vevent["DESCRIPTION"])
    problems = []
    if vevent["DTSTART"].dt != date(2026, 9, 8) or vevent["DTEND"].dt != date(2026, 9, 9):
        problems.append(f"not all-day: {vevent['DTSTART'].dt}–{vevent['DTEND'].dt}")
    if str(vevent["TRANSP"]) != "TRANSPARENT":
        problems.append("blocks time as busy")
    if str(vevent["URL"]) != f"{SITE}foelgegruppe/#moede-2026-09-08":
        problems.append(f"URL {vevent['URL']}")
    if not text.startswith(EXAMPLE_NOTE) or "1. Status på indsatserne" not in text:
        problems.append(f"description {text!r}")
    if str(vevent["UID"]) != "foelgegruppe-2026-09-08@vidensportalen":
        problems.append(f"UID {vevent['UID']}")
    assert not problems, problems


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory):
    """The shipped project with mailboxes on Sikker By and the secretariat, built with VIDENSPORTAL_URL."""
    project = copy_project(tmp_path_factory.mktemp("kalender") / "projekt")
    add_mailboxes(project)
    site = project.parent / "site"
    output = build_log(project, site, env={**BUILD_ENV, "VIDENSPORTAL_URL": SITE})
    return site, output


@pytest.mark.slow
def test_a_published_build_links_every_entry_and_says_nothing_about_a_missing_address(published):
    """With VIDENSPORTAL_URL every entry of both feeds links to its page, and the build prints no warning line."""
    site, output = published
    entries = [
        *icalendar.Calendar.from_ical((site / "seminarer/kalender.ics").read_bytes()).walk("VEVENT"),
        *icalendar.Calendar.from_ical((site / "foelgegruppe/kalender.ics").read_bytes()).walk("VEVENT"),
    ]
    unlinked = [str(e["UID"]) for e in entries if not str(e.get("URL", "")).startswith(SITE)]
    unlinked += [str(e["UID"]) for e in entries if f"{READ_MORE} {SITE}" not in str(e["DESCRIPTION"])]
    assert len(entries) == 8 and not unlinked and MISSING_SITE_URL not in output, (len(entries), unlinked)


@pytest.mark.slow
def test_the_mailboxes_are_the_organisers(published):
    """Sikker By's mailbox organises the events it arranges first with a mailbox; the secretariat's the meetings."""
    site, _ = published
    events = icalendar.Calendar.from_ical((site / "seminarer/kalender.ics").read_bytes()).walk("VEVENT")
    meetings = icalendar.Calendar.from_ical((site / "foelgegruppe/kalender.ics").read_bytes()).walk("VEVENT")
    organisers = {str(e["ORGANIZER"]) for e in events} | {str(m["ORGANIZER"]) for m in meetings}
    assert organisers == {"mailto:sikkerby@enhed.example", "mailto:sekretariat@enhed.example"}, organisers


@pytest.mark.slow
def test_a_build_without_the_address_says_once_that_links_will_be_missing(built_site, tmp_path):
    """Without VIDENSPORTAL_URL the strict build passes and prints the Danish line once, as INFO."""
    result = run_build(copy_project(tmp_path / "projekt"), tmp_path / "site", env={"VIDENSPORTAL_URL": ""})
    output = result.stdout + result.stderr
    lines = [line for line in output.splitlines() if MISSING_SITE_URL in line]
    assert result.returncode == 0 and len(lines) == 1 and lines[0].startswith("INFO"), output


@pytest.mark.slow
def test_folgegruppen_has_its_own_feed_with_every_meeting(built_site):
    """foelgegruppe/kalender.ics holds every shipped meeting, and no seminar."""
    calendar = icalendar.Calendar.from_ical((built_site / "foelgegruppe/kalender.ics").read_bytes())
    uids = sorted(str(e["UID"]) for e in calendar.walk("VEVENT"))
    shipped = sorted(p.stem for p in (ROOT / "data/foelgegruppe").glob("*.yml"))
    assert shipped and uids == [f"foelgegruppe-{day}@vidensportalen" for day in shipped], (uids, shipped)


@pytest.mark.slow
@pytest.mark.parametrize(("page", "feed"), [("seminarer", "kalender.ics"), ("foelgegruppe", "kalender.ics")])
def test_the_outlook_guide_points_at_the_feed_to_paste_not_a_download(built_site, page, feed):
    """The seminar and Følgegruppe pages explain subscribing in Outlook ('Tilføj kalender → Fra internettet')
    with the feed's address on a link that does not download it."""
    html = (built_site / page / "index.html").read_text(encoding="utf-8")
    guide = html.split("data-vp-subscribe", 1)[1].split("</details>", 1)[0]
    link = re.search(r'<a class="vp-subscribe__url" href="([^"]+)"([^>]*)>', guide)
    assert "Tilføj kalender" in guide and "Fra internettet" in guide, guide
    assert link and link.group(1) == feed and "download" not in link.group(2), link and link.group(0)
