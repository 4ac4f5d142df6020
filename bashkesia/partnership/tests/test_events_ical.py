"""The iCalendar (RFC 5545) feeds: every one read back with a standard
parser."""

import datetime

import pytest
from icalendar import Calendar

from bashkesia.core import clock
from bashkesia.partnership.models import Event, ForumKind, ForumStatus
from bashkesia.partnership.services.forums import forum_dissolve

from .event_factories import EventFactory, ForumFactory, in_days, sector
from .forums_helpers import forum_people, kksb_in, meeting_in

pytestmark = pytest.mark.django_db

UID_DOMAIN = "127.0.0.1"  # the host of BASHKESIA_SITE_URL in tests


def feed(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


def uids(calendar):
    return [str(vevent["UID"]) for vevent in vevents(calendar)]


@pytest.fixture
def events():
    """Two events of PRZ-01, one of them cancelled, a forum's meeting in
    PRZ-02 and an event of Pejë."""
    forum = ForumFactory()
    return {
        "meet": EventFactory(title="Takim me policët e sektorit", starts_at=in_days(2)),
        "cancelled": EventFactory(
            title="Vizitë në shkollë",
            kind=Event.Kind.SCHOOL_VISIT,
            starts_at=in_days(4),
            is_cancelled=True,
            sequence=1,
        ),
        "meeting": EventFactory(
            title="Takimi i KLSP-së",
            kind=Event.Kind.FORUM_MEETING,
            sector=sector("PRZ-02"),
            forum=forum,
            starts_at=in_days(6),
            place="Shtëpia e Kulturës",
        ),
        "pej": EventFactory(title="Fushata", sector=sector("PEJ-01")),
        "forum": forum,
    }


def test_the_feed_of_every_event_is_a_valid_calendar(client, events):
    calendar = feed(client, "/events.ics")
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == (
        "-//Kosovo Police//Bashkesia community events//EN"
    )
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert uids(calendar) == [
        f"event-{events['meet'].pk}@{UID_DOMAIN}",
        f"event-{events['pej'].pk}@{UID_DOMAIN}",
        f"event-{events['cancelled'].pk}@{UID_DOMAIN}",
        f"event-{events['meeting'].pk}@{UID_DOMAIN}",
    ]


def test_each_event_carries_what_calendars_need(client, events):
    event = events["meet"]
    (vevent,) = [
        v
        for v in vevents(feed(client, "/events.ics?lang=en"))
        if str(v["UID"]) == f"event-{event.pk}@{UID_DOMAIN}"
    ]
    assert vevent["DTSTART"].dt == event.starts_at
    assert vevent["DTSTART"].dt.tzname() == "UTC"
    assert vevent["DTEND"].dt == event.ends_at
    assert vevent["DTSTAMP"].dt.tzname() == "UTC"
    assert str(vevent["SUMMARY"]) == "Takim me policët e sektorit"
    assert str(vevent["DESCRIPTION"]) == (
        "Meet your sector officers\n\n"
        "Coffee and questions with the officers of your sector."
    )
    assert str(vevent["LOCATION"]) == "Shkolla Fillore Lidhja e Prizrenit"
    assert str(vevent["URL"]) == f"http://testserver/en/events/{event.pk}/"
    assert vevent["SEQUENCE"] == 0
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert vevent["LAST-MODIFIED"].dt == event.updated_at.replace(microsecond=0)


def test_a_cancelled_event_stays_in_the_feed_as_cancelled(client, events):
    event = events["cancelled"]
    (vevent,) = [
        v
        for v in vevents(feed(client, "/events.ics?lang=en"))
        if str(v["UID"]) == f"event-{event.pk}@{UID_DOMAIN}"
    ]
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert vevent["SEQUENCE"] == 1
    assert str(vevent["SUMMARY"]) == "Cancelled: Vizitë në shkollë"


def test_the_feed_reaches_back_ninety_days_only(client):
    old = EventFactory(starts_at=in_days(-89))
    EventFactory(starts_at=in_days(-91))
    assert uids(feed(client, "/events.ics")) == [f"event-{old.pk}@{UID_DOMAIN}"]


def test_the_feeds_are_named_in_albanian_unless_asked_otherwise(client, events):
    assert str(feed(client, "/events.ics")["X-WR-CALNAME"]) == str(
        feed(client, "/events.ics?lang=sq")["X-WR-CALNAME"]
    )
    english = feed(client, "/events.ics?lang=en")
    assert str(english["X-WR-CALNAME"]) == "Kosovo Police community events"
    for language in ("sq", "sr-latn", "sr", "en"):
        calendar = feed(client, f"/events.ics?lang={language}")
        urls = [str(v["URL"]) for v in vevents(calendar)]
        assert all(f"/{language}/events/" in url for url in urls)


def test_an_unknown_language_is_refused(client):
    response = client.get("/events.ics?lang=de", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.content.decode() == (
        "Unknown language “de”: use sq, sr-latn, sr or en."
    )


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("sr", "Непознат језик „de”: користите sq, sr-latn, sr или en."),
        ("sr-latn", "Nepoznat jezik „de”: koristite sq, sr-latn, sr ili en."),
        ("sq", "Gjuhë e panjohur “de”: përdorni sq, sr-latn, sr ose en."),
    ],
)
def test_the_language_codes_stay_as_they_are_typed(client, language, message):
    response = client.get("/events.ics?lang=de", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert response.content.decode() == message


def test_the_municipality_feed_holds_its_events_only(client, events):
    calendar = feed(client, "/events/municipality/PRZ.ics?lang=en")
    assert str(calendar["X-WR-CALNAME"]) == "Community events in Prizren"
    assert uids(calendar) == [
        f"event-{events[name].pk}@{UID_DOMAIN}"
        for name in ("meet", "cancelled", "meeting")
    ]


def test_the_sector_feed_holds_its_events_and_its_forums(client, events):
    calendar = feed(client, "/events/sector/prz-02.ics?lang=en")
    assert str(calendar["X-WR-CALNAME"]).startswith(
        "Community events in police sector PRZ-02 "
    )
    assert uids(calendar) == [f"event-{events['meeting'].pk}@{UID_DOMAIN}"]
    (vevent,) = vevents(calendar)
    assert str(vevent["DESCRIPTION"]).startswith(
        f"Forum meeting\nSafety forum: {events['forum'].name_en}"
    )


def test_the_forum_feed_holds_its_meetings(client, events):
    forum = events["forum"]
    calendar = feed(client, f"/events/forum/{forum.pk}.ics?lang=en")
    assert str(calendar["X-WR-CALNAME"]) == f"Meetings and events of {forum.name_en}"
    assert uids(calendar) == [f"event-{events['meeting'].pk}@{UID_DOMAIN}"]


def test_one_event_downloads_as_a_calendar_of_its_own(client, events):
    event = events["meet"]
    response = client.get(f"/events/{event.pk}.ics")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="event-{event.pk}.ics"'
    )
    calendar = Calendar.from_ical(response.content)
    assert uids(calendar) == [f"event-{event.pk}@{UID_DOMAIN}"]
    assert str(calendar["X-WR-CALNAME"]) == "Takim me policët e sektorit"


def test_an_online_event_gives_its_link_as_location():
    from django.test import Client

    event = EventFactory(place="", online_link="https://meet.example.org/x")
    (vevent,) = vevents(feed(Client(), f"/events/{event.pk}.ics?lang=en"))
    assert str(vevent["LOCATION"]) == "https://meet.example.org/x"
    assert "Online: https://meet.example.org/x" in str(vevent["DESCRIPTION"])


@pytest.mark.parametrize(
    "path",
    [
        "/events/municipality/XXX.ics",
        "/events/sector/NOPE-99.ics",
        "/events/forum/999999.ics",
        "/events/999999.ics",
    ],
)
def test_an_unknown_municipality_sector_forum_or_event_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_forums_and_events_the_public_does_not_see_have_no_feed(client):
    hidden = ForumFactory(status=ForumStatus.AWAITING_APPROVAL)
    event = EventFactory(forum=hidden)
    assert client.get(f"/events/forum/{hidden.pk}.ics").status_code == 404
    assert client.get(f"/events/{event.pk}.ics").status_code == 404
    assert uids(feed(client, "/events.ics")) == []


def test_a_kksb_meeting_reaches_every_sector_of_the_municipality(client):
    kksb = ForumFactory(kind=ForumKind.KKSB, sectors=[])
    event = EventFactory(
        kind=Event.Kind.FORUM_MEETING,
        sector=None,
        municipality=sector("PRZ-07").municipality,
        forum=kksb,
    )
    for code in ("PRZ-01", "PRZ-07"):
        calendar = feed(client, f"/events/sector/{code}.ics")
        assert uids(calendar) == [f"event-{event.pk}@{UID_DOMAIN}"]


def test_times_are_sent_in_utc(client):
    moment = datetime.datetime(2030, 7, 1, 18, 0, tzinfo=datetime.UTC)
    event = EventFactory(starts_at=moment, ends_at=None)
    body = client.get(f"/events/{event.pk}.ics").content.decode()
    assert "DTSTART:20300701T180000Z" in body
    assert "DTEND" not in body
    assert clock.now() < moment


def test_a_dissolved_forums_meetings_to_come_are_cancelled_in_its_feed(client):
    people = forum_people()
    forum = kksb_in(people, "PRZ")
    meeting = meeting_in(forum, people.directorate, days=10, title="Takimi i majit")
    path = f"/events/forum/{forum.pk}.ics?lang=en"
    (before,) = vevents(feed(client, path))
    assert (str(before["STATUS"]), before["SEQUENCE"]) == ("CONFIRMED", 0)
    assert "Takimi i majit" in client.get("/en/sectors/PRZ-05/").content.decode()

    forum_dissolve(forum=forum, by=people.commander, reason="A new assembly.")

    (after,) = vevents(feed(client, path))
    assert str(after["UID"]) == f"event-{meeting.event.pk}@{UID_DOMAIN}"
    assert str(after["STATUS"]) == "CANCELLED"
    assert after["SEQUENCE"] == 1
    assert str(after["SUMMARY"]) == "Cancelled: Takimi i majit"
    # The sector's feed says so too; its page lists it no more.
    (in_sector,) = vevents(feed(client, "/events/sector/PRZ-05.ics?lang=en"))
    assert str(in_sector["STATUS"]) == "CANCELLED"
    assert "Takimi i majit" not in client.get("/en/sectors/PRZ-05/").content.decode()
