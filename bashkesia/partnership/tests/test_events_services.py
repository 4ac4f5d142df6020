"""Publishing, changing and cancelling community events; which events a
sector, a municipality and a forum have."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bashkesia.accounts.models import Role
from bashkesia.core import clock
from bashkesia.partnership.models import Event, ForumKind, ForumStatus
from bashkesia.partnership.selectors import events as selectors
from bashkesia.partnership.services.events import (
    event_cancel,
    event_create,
    event_update,
)
from bashkesia.staff.tests.conftest import make_person

from .event_factories import EventFactory, ForumFactory, in_days, sector

pytestmark = pytest.mark.django_db


def fields(**overrides):
    data = {
        "kind": Event.Kind.MEET_OFFICERS,
        "title": "Meet your sector officers",
        "description": "Bring your questions.",
        "starts_at": in_days(5),
        "ends_at": in_days(5, hour=20),
        "place": "Sheshi Shadërvan",
        "online_link": "",
        "sector": sector("PRZ-01"),
        "forum": None,
    }
    data.update(overrides)
    return data


def messages(error: ValidationError) -> dict:
    return error.value.message_dict


@pytest.fixture
def officer():
    return make_person(Role.SECTOR_OFFICER)


# Publishing --------------------------------------------------------------------


def test_a_sector_officer_publishes_an_event_in_their_sector(officer):
    event = event_create(by=officer, **fields())

    assert event.kind == Event.Kind.MEET_OFFICERS
    assert event.sector.code == "PRZ-01"
    assert event.municipality.code == "PRZ"
    assert event.created_by == officer
    assert event.sequence == 0
    assert event.is_cancelled is False
    assert event.meeting is None


def test_tags_and_surrounding_spaces_are_stripped_from_the_texts(officer):
    event = event_create(
        by=officer,
        **fields(title="  <b>Meet us</b> ", description="<script>x</script>Tea "),
    )
    assert event.title == "Meet us"
    assert event.description == "xTea"


def test_an_officer_cannot_publish_in_a_sector_they_do_not_work(officer):
    with pytest.raises(PermissionDenied) as error:
        event_create(by=officer, **fields(sector=sector("PRZ-02")))
    assert str(error.value) == (
        "You may publish events only in the sectors where you work."
    )
    assert not Event.objects.filter(title="Meet your sector officers").exists()


@pytest.mark.parametrize(
    "role", [Role.REGIONAL_COORDINATOR, Role.DIRECTOR_GENERAL, Role.STATISTICS_CLERK]
)
def test_roles_that_only_read_cannot_publish_events(role):
    with pytest.raises(PermissionDenied):
        event_create(by=make_person(role), **fields())


def test_a_station_commander_publishes_in_any_sector_of_the_station():
    commander = make_person(Role.STATION_COMMANDER)
    event = event_create(by=commander, **fields(sector=sector("PRZ-09")))
    assert event.sector.code == "PRZ-09"
    with pytest.raises(PermissionDenied):
        event_create(by=commander, **fields(sector=sector("PEJ-01")))


def test_a_forum_meeting_cannot_be_published_as_a_community_event(officer):
    with pytest.raises(ValidationError) as error:
        event_create(by=officer, **fields(kind=Event.Kind.FORUM_MEETING))
    assert messages(error) == {
        "kind": [
            "Forum meetings reach the calendar from their meeting; choose another kind."
        ]
    }


def test_every_problem_of_an_event_is_reported_at_once(officer):
    with pytest.raises(ValidationError) as error:
        event_create(
            by=officer,
            **fields(
                title=" ",
                starts_at=clock.now() - datetime.timedelta(hours=1),
                ends_at=clock.now() - datetime.timedelta(hours=2),
                place="",
            ),
        )
    assert messages(error) == {
        "title": ["Give the event a title."],
        "starts_at": ["The event cannot start in the past."],
        "ends_at": ["The event cannot end before it starts."],
        "place": ["Say where the event takes place, or give its online link."],
    }


def test_an_online_event_needs_no_place_but_a_web_address(officer):
    event = event_create(
        by=officer, **fields(place="", online_link="https://meet.example.org/prz")
    )
    assert event.online_link == "https://meet.example.org/prz"
    with pytest.raises(ValidationError) as error:
        event_create(by=officer, **fields(place="", online_link="ftp://example.org"))
    assert messages(error) == {
        "online_link": ["Give the online link as an address starting with https://."]
    }


def test_an_event_without_an_end_is_accepted(officer):
    assert event_create(by=officer, **fields(ends_at=None)).ends_at is None


def test_the_forum_of_an_event_must_be_active_and_of_the_sectors_municipality(
    officer,
):
    forum = ForumFactory()
    assert event_create(by=officer, **fields(forum=forum)).forum == forum

    elsewhere = ForumFactory(
        municipality=sector("PEJ-01").municipality, sectors=[sector("PEJ-01")]
    )
    dissolved = ForumFactory(status=ForumStatus.DISSOLVED)
    for refused in (elsewhere, dissolved):
        with pytest.raises(ValidationError) as error:
            event_create(by=officer, **fields(forum=refused))
        assert messages(error) == {
            "forum": ["Choose an active forum of the municipality the sector lies in."]
        }


# Changing and cancelling -----------------------------------------------------------


def test_a_change_bumps_the_sequence_calendars_follow(officer):
    event = event_create(by=officer, **fields())
    changed = event_update(
        event=event, by=officer, **fields(title="Meet us at the market")
    )
    assert changed.title == "Meet us at the market"
    assert changed.sequence == 1
    again = event_update(event=changed, by=officer, **fields(title="Meet us again"))
    assert again.sequence == 2


def test_an_event_that_has_started_can_still_be_described_better(officer):
    event = EventFactory(starts_at=clock.now() - datetime.timedelta(minutes=30))
    changed = event_update(
        event=event,
        by=officer,
        **fields(
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            description="Moved indoors.",
        ),
    )
    assert changed.description == "Moved indoors."


def test_an_event_cannot_be_moved_into_a_sector_the_user_does_not_work(officer):
    event = event_create(by=officer, **fields())
    with pytest.raises(PermissionDenied):
        event_update(event=event, by=officer, **fields(sector=sector("PRZ-02")))
    event.refresh_from_db()
    assert event.sector.code == "PRZ-01"
    assert event.sequence == 0


def test_forum_meetings_are_changed_through_their_meeting_only(officer):
    meeting_event = EventFactory(kind=Event.Kind.FORUM_MEETING)
    expected = ["This event is a forum meeting: change the meeting instead."]
    with pytest.raises(ValidationError) as error:
        event_update(event=meeting_event, by=officer, **fields())
    assert error.value.messages == expected
    with pytest.raises(ValidationError) as error:
        event_cancel(event=meeting_event, by=officer)
    assert error.value.messages == expected


def test_cancelling_keeps_the_event_and_bumps_its_sequence(officer):
    event = event_create(by=officer, **fields())
    cancelled = event_cancel(event=event, by=officer)
    assert cancelled.is_cancelled is True
    assert cancelled.sequence == 1
    assert Event.objects.filter(pk=event.pk).exists()


def test_a_cancelled_event_is_neither_cancelled_again_nor_changed(officer):
    event = event_cancel(event=event_create(by=officer, **fields()), by=officer)
    with pytest.raises(ValidationError) as error:
        event_cancel(event=event, by=officer)
    assert error.value.messages == ["This event is already cancelled."]
    with pytest.raises(ValidationError) as error:
        event_update(event=event, by=officer, **fields())
    assert error.value.messages == [
        "This event was cancelled; it can no longer change."
    ]


def test_an_event_that_is_over_cannot_be_cancelled(officer):
    event = EventFactory(
        starts_at=clock.now() - datetime.timedelta(days=2),
        ends_at=clock.now() - datetime.timedelta(days=2, hours=-1),
    )
    with pytest.raises(ValidationError) as error:
        event_cancel(event=event, by=officer)
    assert error.value.messages == ["This event is over; it cannot be cancelled."]


def test_only_those_who_work_the_sector_cancel_its_events():
    event = EventFactory(sector=sector("PRZ-02"))
    with pytest.raises(PermissionDenied):
        event_cancel(event=event, by=make_person(Role.SECTOR_OFFICER))
    assert event_cancel(
        event=event, by=make_person(Role.DIRECTORATE_STAFF)
    ).is_cancelled


# Which events --------------------------------------------------------------------


def titles(events) -> list[str]:
    return [event.title for event in events]


def test_a_sector_has_its_own_its_forums_and_its_municipality_wide_events():
    prz01, prz02 = sector("PRZ-01"), sector("PRZ-02")
    klsp = ForumFactory(sectors=[prz01, prz02])
    kksb = ForumFactory(kind=ForumKind.KKSB, sectors=[])
    evsb_elsewhere = ForumFactory(kind=ForumKind.EVSB, sectors=[sector("PRZ-05")])
    EventFactory(title="own", starts_at=in_days(1))
    EventFactory(title="klsp", sector=prz02, forum=klsp, starts_at=in_days(2))
    EventFactory(
        title="kksb", sector=None, municipality=prz01.municipality, forum=kksb,
        kind=Event.Kind.FORUM_MEETING, starts_at=in_days(3),
    )  # fmt: skip
    EventFactory(
        title="municipality-wide", sector=None, municipality=prz01.municipality,
        starts_at=in_days(4),
    )  # fmt: skip
    EventFactory(title="neighbour", sector=prz02, starts_at=in_days(5))
    EventFactory(
        title="evsb", sector=None, municipality=prz01.municipality,
        forum=evsb_elsewhere, starts_at=in_days(6),
    )  # fmt: skip
    EventFactory(title="pej", sector=sector("PEJ-01"), starts_at=in_days(7))

    assert titles(selectors.event_list_upcoming(sector=prz01)) == [
        "own",
        "klsp",
        "kksb",
        "municipality-wide",
    ]
    assert titles(selectors.event_list_upcoming(municipality=prz01.municipality)) == [
        "own",
        "klsp",
        "kksb",
        "municipality-wide",
        "neighbour",
        "evsb",
    ]
    assert titles(selectors.event_list_upcoming(forum=klsp)) == ["klsp"]


def test_a_forum_covering_a_village_of_the_sector_brings_its_events():
    prz01 = sector("PRZ-01")
    village = prz01.settlements.first()
    forum = ForumFactory(sectors=[])
    forum.settlements.set([village])
    EventFactory(
        title="village forum", sector=None, municipality=prz01.municipality, forum=forum
    )
    assert titles(selectors.event_list_upcoming(sector=prz01)) == ["village forum"]


def test_events_of_forums_the_public_does_not_see_are_not_public():
    requested = ForumFactory(status=ForumStatus.REQUESTED)
    event = EventFactory(forum=requested)
    assert titles(selectors.event_list_upcoming()) == []
    with pytest.raises(Exception) as error:
        selectors.event_get_public(pk=event.pk)
    assert str(error.value) == f"No public event has the number {event.pk}."


def test_upcoming_keeps_events_under_way_and_cancelled_ones_until_they_pass():
    now = clock.now()
    EventFactory(title="under way", starts_at=now - datetime.timedelta(minutes=30))
    EventFactory(title="cancelled", is_cancelled=True, starts_at=in_days(1))
    EventFactory(
        title="over",
        starts_at=now - datetime.timedelta(hours=3),
        ends_at=now - datetime.timedelta(hours=2),
    )
    EventFactory(
        title="over, cancelled",
        is_cancelled=True,
        starts_at=now - datetime.timedelta(hours=3),
        ends_at=now - datetime.timedelta(hours=2),
    )
    assert titles(selectors.event_list_upcoming()) == ["under way", "cancelled"]
    assert titles(selectors.event_list_past()) == ["over"]


def test_the_sector_page_lists_the_next_three_events_cancelled_ones_left_out():
    for day in range(1, 6):
        EventFactory(title=f"day {day}", starts_at=in_days(day))
    EventFactory(title="cancelled", starts_at=in_days(0.5), is_cancelled=True)
    assert titles(selectors.event_list_next_in_sector(sector=sector("PRZ-01"))) == [
        "day 1",
        "day 2",
        "day 3",
    ]


def test_feeds_reach_back_ninety_days():
    EventFactory(title="89 days ago", starts_at=in_days(-89))
    EventFactory(title="91 days ago", starts_at=in_days(-91))
    EventFactory(title="next week", starts_at=in_days(7), is_cancelled=True)
    assert titles(selectors.event_list_for_feed()) == ["89 days ago", "next week"]
