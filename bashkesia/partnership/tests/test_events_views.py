"""The public calendar: the list, an event's page, the sector page's next
events, in the four languages."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from bashkesia.accounts.models import Role
from bashkesia.core import clock
from bashkesia.partnership.models import Event, ForumStatus, Meeting
from bashkesia.staff.tests.conftest import make_person

from .event_factories import EventFactory, ForumFactory, in_days, sector

pytestmark = pytest.mark.django_db

LANGUAGES = ["sq", "sr-latn", "sr", "en"]


@pytest.fixture(autouse=True)
def _no_cached_fragments():
    cache.clear()


def page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, response.content[:500]
    return response.content.decode()


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_calendar_opens_in_every_language(client, language):
    event = EventFactory()
    html = page(client, f"/{language}/events/")
    assert f'<html lang="{language}">' in html
    assert event.title in html
    assert f'href="/{language}/events/{event.pk}/"' in html
    assert f"http://testserver/events.ics?lang={language}" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_event_page_opens_in_every_language(client, language):
    event = EventFactory()
    html = page(client, f"/{language}/events/{event.pk}/")
    assert f'<html lang="{language}">' in html
    assert f"<h1>{event.title}</h1>" in html
    assert f'href="/events/{event.pk}.ics?lang={language}"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_forum_meeting_links_its_forums_page(client, language):
    forum = ForumFactory()
    EventFactory(kind=Event.Kind.FORUM_MEETING, forum=forum, sector=sector("PRZ-02"))
    link = f'<a href="/{language}/forums/{forum.pk}/">{forum.name_in(language)}</a>'
    assert link in page(client, f"/{language}/events/")
    assert link in page(client, f"/{language}/events/?forum={forum.pk}")
    sector_page = page(client, f"/{language}/sectors/PRZ-02/")
    next_events = re.search(r'class="sector-events">(.*?)</section>', sector_page, re.S)
    assert link in next_events[1]


def test_the_site_navigation_leads_to_the_calendar(client):
    assert 'href="/en/events/">Events</a>' in page(client, "/en/")


def test_upcoming_events_come_soonest_first_grouped_by_day(client):
    later = EventFactory(title="Later", starts_at=in_days(3, hour=18))
    EventFactory(title="Sooner", starts_at=in_days(3, hour=10))
    EventFactory(title="Next day", starts_at=in_days(4))
    html = page(client, "/en/events/")
    assert html.index("Sooner") < html.index("Later") < html.index("Next day")
    day = timezone.localdate(later.starts_at)
    assert html.count(f'<time datetime="{day.isoformat()}">') == 1
    assert f"{day:%A}, " in text_of(html)


def test_a_cancelled_event_is_marked_until_it_passes(client):
    EventFactory(title="Called off", is_cancelled=True)
    html = page(client, "/en/events/")
    assert "<s>Called off</s>" in html
    assert '<span class="badge badge-cancelled">cancelled</span>' in html


def test_past_events_are_listed_latest_first_without_cancelled_ones(client):
    now = clock.now()
    EventFactory(title="Last month", starts_at=now - datetime.timedelta(days=30))
    EventFactory(title="Last week", starts_at=now - datetime.timedelta(days=7))
    EventFactory(
        title="Never held",
        starts_at=now - datetime.timedelta(days=3),
        is_cancelled=True,
    )
    EventFactory(title="Tomorrow", starts_at=in_days(1))
    html = page(client, "/en/events/?past=on")
    assert re.search(r"<h1>\s*Past events\s*</h1>", html)
    assert html.index("Last week") < html.index("Last month")
    assert "Never held" not in html
    assert "Tomorrow" not in html
    assert 'href="?">Upcoming events</a>' in html
    assert "Tomorrow" in page(client, "/en/events/")


def test_the_sector_filter_shows_its_events_and_its_feed(client):
    EventFactory(title="In PRZ-01")
    EventFactory(title="In PRZ-02", sector=sector("PRZ-02"))
    html = page(client, "/en/events/?sector=PRZ-01")
    assert "In PRZ-01" in html
    assert "In PRZ-02" not in html
    assert "http://testserver/events/sector/PRZ-01.ics?lang=en" in html
    assert "Events of police sector PRZ-01" in html


def test_the_municipality_and_forum_filters(client):
    forum = ForumFactory()
    EventFactory(title="Forum meeting", forum=forum, sector=sector("PRZ-02"))
    EventFactory(title="In Pejë", sector=sector("PEJ-01"))
    html = page(client, "/en/events/?municipality=PRZ")
    assert "Forum meeting" in html
    assert "In Pejë" not in html
    assert "http://testserver/events/municipality/PRZ.ics?lang=en" in html
    html = page(client, f"/en/events/?forum={forum.pk}")
    assert "Forum meeting" in html
    assert "In Pejë" not in html
    assert f"http://testserver/events/forum/{forum.pk}.ics?lang=en" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("municipality=XXX", "No municipality has this code."),
        ("sector=NOPE-01", "No police sector has this code."),
        ("forum=999999", "No public forum has this number."),
        ("forum=abc", "No public forum has this number."),
    ],
)
def test_a_filter_that_names_nothing_is_bad_input(client, query, message):
    html = page(client, f"/en/events/?{query}", status=400)
    assert f'<span class="field-error">{message}</span>' in html


def test_a_forum_the_public_does_not_see_is_no_filter(client):
    hidden = ForumFactory(status=ForumStatus.REQUESTED)
    html = page(client, f"/en/events/?forum={hidden.pk}", status=400)
    assert "No public forum has this number." in html


def test_the_calendar_is_paginated(client):
    for hour in range(21):
        EventFactory(title=f"Event {hour:02d}", starts_at=in_days(2 + hour))
    first = page(client, "/en/events/")
    assert "Event 19" in first
    assert "Event 20" not in first
    assert "Page 1 of 2" in first
    assert "Event 20" in page(client, "/en/events/?page=2")


def test_an_event_page_shows_where_and_when(client):
    event = EventFactory(online_link="https://meet.example.org/prz")
    html = page(client, f"/en/events/{event.pk}/")
    text = text_of(html)
    assert "Meet your sector officers" in text
    assert "Shkolla Fillore Lidhja e Prizrenit" in text
    assert 'href="https://meet.example.org/prz"' in html
    assert 'href="/en/sectors/PRZ-01/"' in html
    assert "Add to my calendar" in html
    assert "Coffee and questions with the officers of your sector." in html


def test_an_event_page_never_names_who_published_it(client):
    officer = make_person(Role.SECTOR_OFFICER, username="arben.publisher")
    officer.first_name, officer.last_name = "Arben", "Publikuesi"
    officer.save()
    event = EventFactory(created_by=officer)
    for path in (f"/en/events/{event.pk}/", "/en/events/"):
        html = page(client, path)
        assert "Publikuesi" not in html
        assert "arben.publisher" not in html


def test_a_cancelled_or_past_event_cannot_be_added_to_a_calendar(client):
    cancelled = EventFactory(is_cancelled=True)
    html = page(client, f"/en/events/{cancelled.pk}/")
    assert "This event is cancelled: it will not take place." in html
    assert "Add to my calendar" not in html
    past = EventFactory(starts_at=clock.now() - datetime.timedelta(days=1))
    html = page(client, f"/en/events/{past.pk}/")
    assert "This event is over." in html
    assert "Add to my calendar" not in html


def test_a_forum_meeting_links_to_its_forum_and_meeting(client):
    forum = ForumFactory()
    meeting = Meeting.objects.create(
        forum=forum, title="Takimi i marsit", starts_at=in_days(5), place="Shkolla"
    )
    event = EventFactory(
        kind=Event.Kind.FORUM_MEETING,
        title=meeting.title,
        forum=forum,
        meeting=meeting,
        sector=sector("PRZ-02"),
    )
    html = page(client, f"/en/events/{event.pk}/")
    assert f'href="/en/forums/{forum.pk}/"' in html
    assert f'href="/en/forums/{forum.pk}/meetings/{meeting.pk}/"' in html


@pytest.mark.parametrize("status", [ForumStatus.REQUESTED, ForumStatus.REJECTED])
def test_events_of_forums_the_public_does_not_see_are_not_found(client, status):
    event = EventFactory(forum=ForumFactory(status=status))
    html = page(client, f"/en/events/{event.pk}/", status=404)
    assert "No public event has the number" in html
    assert event.title not in page(client, "/en/events/")


def test_a_closed_meeting_never_shows_on_the_calendar(client):
    forum = ForumFactory()
    closed = Meeting.objects.create(
        forum=forum, title="Closed session", starts_at=in_days(5), is_public=False
    )
    event = EventFactory(
        kind=Event.Kind.FORUM_MEETING, title="Closed session", meeting=closed
    )
    page(client, f"/en/events/{event.pk}/", status=404)


def test_an_unknown_event_is_not_found(client):
    page(client, "/en/events/999999/", status=404)


def test_the_pages_only_answer_get(client):
    assert client.post("/en/events/").status_code == 405


# The sector page ---------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sector_page_shows_its_next_three_events(client, language):
    for day in range(1, 5):
        EventFactory(title=f"Event on day {day}", starts_at=in_days(day))
    html = page(client, f"/{language}/sectors/PRZ-01/")
    assert "Event on day 1" in html
    assert "Event on day 3" in html
    assert "Event on day 4" not in html
    assert f'href="/{language}/events/?sector=PRZ-01"' in html
    assert f'href="/events/sector/PRZ-01.ics?lang={language}"' in html


def test_a_new_event_shows_on_the_sector_page_at_once(client):
    page(client, "/en/sectors/PRZ-01/")  # the cached fragments are filled
    EventFactory(title="Just published")
    assert "Just published" in page(client, "/en/sectors/PRZ-01/")


def test_the_sector_page_says_when_no_event_is_planned(client):
    html = page(client, "/en/sectors/PRZ-01/")
    assert "No event is planned in this sector at the moment." in html
