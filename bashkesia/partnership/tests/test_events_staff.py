"""The back office's community events: the list of the user's sectors, and
publishing, changing and cancelling an event.

Scope (see bashkesia/staff/tests/conftest.py): the sector officer serves in
PRZ-01; the commander commands station PRZ; the coordinator and the Director
General only read; the clerk and the administrator have no sectors.
"""

import pytest
from django.test import Client

from bashkesia.accounts.models import Role
from bashkesia.partnership.models import Event
from bashkesia.staff.tests.conftest import make_person, sign_in

from .event_factories import EventFactory, ForumFactory, in_days, sector

pytestmark = pytest.mark.django_db

LIST = "/en/staff/events/"
NEW = "/en/staff/events/new/"
PUBLISHERS = [
    Role.SECTOR_OFFICER,
    Role.SECTOR_LEADER,
    Role.STATION_COMMANDER,
    Role.DIRECTORATE_STAFF,
]
READERS_ONLY = [
    Role.REGIONAL_COORDINATOR,
    Role.DIRECTOR_GENERAL,
    Role.STATISTICS_CLERK,
    Role.ADMINISTRATOR,
]
STAFF_LANGUAGES = ["sq", "sr-latn", "sr", "en"]


def staff(role: str) -> Client:
    client = Client()
    sign_in(client, make_person(role))
    return client


def form(**overrides) -> dict:
    data = {
        "sector": "PRZ-01",
        "kind": "meet_officers",
        "title": "Kafe me policinë",
        "description": "Pyetjet tuaja, përgjigjet tona.",
        "starts_at": in_days(5).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": in_days(5, hour=19).strftime("%Y-%m-%dT%H:%M"),
        "place": "Kafe Shadërvani",
        "online_link": "",
        "forum": "",
    }
    data.update(overrides)
    return data


# The list ----------------------------------------------------------------------


@pytest.mark.parametrize("role", PUBLISHERS)
def test_those_who_act_in_a_sector_see_its_events(role):
    event = EventFactory(title="Takim në lagje")
    html = staff(role).get(LIST).content.decode()
    assert "Takim në lagje" in html
    assert f'href="/en/staff/events/{event.pk}/edit/"' in html
    assert 'href="/en/staff/events/new/"' in html


@pytest.mark.parametrize("role", READERS_ONLY)
def test_those_who_act_in_no_sector_are_refused(role):
    client = staff(role)
    assert client.get(LIST).status_code == 403
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, form()).status_code == 403
    assert not Event.objects.exists()


def test_a_user_without_a_role_is_refused_and_a_stranger_sent_to_sign_in(client):
    no_role = Client()
    sign_in(no_role, make_person("no_role"))
    assert no_role.get(LIST).status_code == 403
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/staff/events/"


def test_a_session_without_the_second_factor_is_sent_to_it():
    client = Client()
    client.force_login(make_person(Role.SECTOR_OFFICER))
    response = client.get(LIST)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/second-factor/")


def test_the_list_shows_only_the_users_sectors():
    EventFactory(title="In PRZ-01")
    EventFactory(title="In PRZ-02", sector=sector("PRZ-02"))
    html = staff(Role.SECTOR_OFFICER).get(LIST).content.decode()
    assert "In PRZ-01" in html
    assert "In PRZ-02" not in html


def test_past_events_are_listed_apart():
    EventFactory(title="Yesterday", starts_at=in_days(-1))
    EventFactory(title="Tomorrow", starts_at=in_days(1))
    client = staff(Role.SECTOR_OFFICER)
    upcoming = client.get(LIST).content.decode()
    assert "Tomorrow" in upcoming
    assert "Yesterday" not in upcoming
    past = client.get(LIST + "?past=1").content.decode()
    assert "Yesterday" in past
    assert "Tomorrow" not in past


def test_forum_meetings_are_listed_but_not_changed_here():
    event = EventFactory(kind=Event.Kind.FORUM_MEETING, title="Takimi i KLSP-së")
    html = staff(Role.SECTOR_OFFICER).get(LIST).content.decode()
    assert "Takimi i KLSP-së" in html
    assert "from the forum's meeting" in html
    assert f"/en/staff/events/{event.pk}/edit/" not in html


@pytest.mark.parametrize("language", STAFF_LANGUAGES)
def test_the_back_office_pages_open_in_every_language(language):
    event = EventFactory()
    client = staff(Role.SECTOR_OFFICER)
    for path in ("events/", "events/new/", f"events/{event.pk}/edit/"):
        response = client.get(f"/{language}/staff/{path}")
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()


def test_the_back_office_menu_leads_to_the_events_of_publishers_only():
    assert (
        'href="/en/staff/events/"'
        in staff(Role.SECTOR_OFFICER).get("/en/staff/").content.decode()
    )
    assert (
        'href="/en/staff/events/"'
        not in staff(Role.DIRECTOR_GENERAL).get("/en/staff/").content.decode()
    )


# Publishing --------------------------------------------------------------------


def test_an_officer_publishes_an_event_that_reaches_the_public_calendar():
    client = staff(Role.SECTOR_OFFICER)
    assert client.get(NEW + "?sector=prz-01").status_code == 200
    response = client.post(NEW, form())
    assert response.status_code == 302
    assert response["Location"] == LIST
    event = Event.objects.get()
    assert event.sector.code == "PRZ-01"
    assert event.kind == Event.Kind.MEET_OFFICERS
    assert event.starts_at == in_days(5)
    messages = client.get(LIST).content.decode()
    assert "“Kafe me policinë” is on the public calendar." in messages
    assert "Kafe me policinë" in Client().get("/en/sectors/PRZ-01/").content.decode()


def test_an_event_can_be_held_with_an_active_forum_of_the_municipality():
    forum = ForumFactory()
    response = staff(Role.SECTOR_OFFICER).post(NEW, form(forum=str(forum.pk)))
    assert response.status_code == 302
    assert Event.objects.get().forum == forum


def test_a_sector_outside_the_users_scope_is_bad_input():
    response = staff(Role.SECTOR_OFFICER).post(NEW, form(sector="PRZ-02"))
    assert response.status_code == 400
    assert (
        "Select a valid choice. That choice is not one of the available choices."
        in response.content.decode()
    )
    assert not Event.objects.exists()


def test_a_forum_meeting_cannot_be_chosen_as_the_kind():
    response = staff(Role.SECTOR_OFFICER).post(NEW, form(kind="forum_meeting"))
    assert response.status_code == 400
    assert not Event.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "This field is required."),
        ({"starts_at": "tomorrow"}, "Enter a valid date/time."),
        ({"starts_at": in_days(-1).strftime("%Y-%m-%dT%H:%M")}, None),
        ({"ends_at": in_days(4).strftime("%Y-%m-%dT%H:%M")}, None),
        ({"place": "", "online_link": ""}, None),
        ({"online_link": "not a link"}, "Enter a valid URL."),
    ],
)
def test_bad_input_is_refused_with_its_message(changes, message):
    expected = (
        message
        or {
            "starts_at": "The event cannot start in the past.",
            "ends_at": "The event cannot end before it starts.",
            "place": "Say where the event takes place, or give its online link.",
        }[next(iter(changes))]
    )
    response = staff(Role.SECTOR_OFFICER).post(NEW, form(**changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<span class="field-error">{expected}</span>' in html
    assert "The event was not published" in html
    assert not Event.objects.exists()


# Changing and cancelling ---------------------------------------------------------


def test_an_officer_changes_an_event_and_its_sequence_moves_on():
    event = EventFactory()
    client = staff(Role.SECTOR_OFFICER)
    html = client.get(f"/en/staff/events/{event.pk}/edit/").content.decode()
    assert f'value="{event.title}"' in html
    response = client.post(
        f"/en/staff/events/{event.pk}/edit/", form(title="Kafe e zhvendosur")
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Kafe e zhvendosur"
    assert event.sequence == 1


def test_a_change_with_bad_input_is_refused():
    event = EventFactory()
    response = staff(Role.SECTOR_OFFICER).post(
        f"/en/staff/events/{event.pk}/edit/", form(place="")
    )
    assert response.status_code == 400
    assert "The event was not changed" in response.content.decode()
    event.refresh_from_db()
    assert event.sequence == 0


def test_events_of_other_sectors_are_not_found():
    event = EventFactory(sector=sector("PRZ-02"))
    client = staff(Role.SECTOR_OFFICER)
    assert client.get(f"/en/staff/events/{event.pk}/edit/").status_code == 404
    assert client.post(f"/en/staff/events/{event.pk}/cancel/").status_code == 404
    event.refresh_from_db()
    assert not event.is_cancelled


def test_a_forum_meeting_is_not_changed_in_the_events_pages():
    event = EventFactory(kind=Event.Kind.FORUM_MEETING)
    client = staff(Role.SECTOR_OFFICER)
    html = client.get(f"/en/staff/events/{event.pk}/edit/").content.decode()
    assert "This event is a forum meeting: change the meeting instead." in html
    response = client.post(f"/en/staff/events/{event.pk}/edit/", form())
    assert response.status_code == 400
    response = client.post(f"/en/staff/events/{event.pk}/cancel/")
    assert response.status_code == 400
    event.refresh_from_db()
    assert event.sequence == 0
    assert not event.is_cancelled


def test_an_officer_cancels_an_event_that_stays_marked_on_the_calendar():
    event = EventFactory(title="Vizita në shkollë")
    client = staff(Role.SECTOR_OFFICER)
    assert client.get(f"/en/staff/events/{event.pk}/cancel/").status_code == 200
    response = client.post(f"/en/staff/events/{event.pk}/cancel/")
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.is_cancelled
    assert event.sequence == 1
    public = Client().get("/en/events/").content.decode()
    assert "<s>Vizita në shkollë</s>" in public


def test_an_event_that_is_over_cannot_be_cancelled():
    event = EventFactory(starts_at=in_days(-2))
    response = staff(Role.SECTOR_OFFICER).post(f"/en/staff/events/{event.pk}/cancel/")
    assert response.status_code == 400
    assert "This event is over; it cannot be cancelled." in response.content.decode()


def test_a_cancelled_event_can_be_neither_changed_nor_cancelled_again():
    event = EventFactory(is_cancelled=True)
    client = staff(Role.SECTOR_OFFICER)
    message = "This event was cancelled; it can no longer change."
    assert message in client.get(f"/en/staff/events/{event.pk}/edit/").content.decode()
    response = client.post(f"/en/staff/events/{event.pk}/cancel/")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_cancelling_takes_a_post():
    event = EventFactory()
    client = staff(Role.SECTOR_OFFICER)
    assert client.put(f"/en/staff/events/{event.pk}/cancel/").status_code == 405
