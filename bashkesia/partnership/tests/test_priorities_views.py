"""Sector priorities on pages: "you said, we did" on the sector's page and
its history page, in four languages and without any concern's code or
reporter; and the back office's list, form and record of a priority."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation
from django.utils.formats import date_format

from bashkesia.concerns.categories import categories_seed
from bashkesia.core import clock
from bashkesia.partnership.models import SectorPriority
from bashkesia.partnership.services.priorities import (
    priority_close,
    priority_create,
    priority_record_action,
)
from bashkesia.staff.tests.conftest import make_person, sign_in

from .test_priorities_services import meeting, raise_concern, sector, user

pytestmark = pytest.mark.django_db

LANGUAGES = ["sq", "sr-latn", "sr", "en"]
LIST = "/en/staff/priorities/"
NEW = "/en/staff/priorities/new/"


@pytest.fixture(autouse=True)
def _fresh(db):
    categories_seed()
    SectorPriority.objects.all().delete()


def day(days_ago: int) -> datetime.date:
    return clock.today() - datetime.timedelta(days=days_ago)


def create(issue="Speeding past the primary school.", code="PRZ-01", **fields):
    fields.setdefault("issue_date", day(10))
    fields.setdefault("by", user("officer" if code == "PRZ-01" else "directorate"))
    return priority_create(sector=sector(code), issue=issue, **fields)


def done(priority, action="Speed checks at school time, twice a week."):
    return priority_record_action(
        priority=priority, by=user("directorate"), action=action, action_date=day(2)
    )


def as_user(username: str) -> Client:
    return sign_in(Client(), user(username))


def html(response) -> str:
    return response.content.decode()


def detail(priority) -> str:
    return f"/en/staff/priorities/{priority.pk}/"


# The public pages


def test_the_sector_page_says_what_was_asked_and_what_was_done(client):
    done(create())
    page = html(client.get("/en/sectors/PRZ-01/"))
    assert "Priorities: you said, we did" in page
    assert "Speeding past the primary school." in page
    assert "Speed checks at school time, twice a week." in page
    assert f"Agreed on {date_format(day(10), 'DATE_FORMAT')}" in page
    assert f"Done on {date_format(day(2), 'DATE_FORMAT')}" in page
    assert 'href="/en/sectors/PRZ-01/priorities/"' in page
    assert "Speeding past" not in html(client.get("/en/sectors/PRZ-02/"))


def test_a_priority_without_an_action_says_the_officers_are_on_it(client):
    create()
    page = html(client.get("/en/sectors/PRZ-01/"))
    assert (
        "The sector's officers are working on it; what they do will be told here."
        in page
    )


def test_closed_priorities_leave_the_sector_page_for_the_history(client):
    addressed = done(create("Burglaries in the old town."))
    priority_close(priority=addressed, by=user("officer"), status="addressed")
    dropped = create("Noise from the market.")
    priority_close(priority=dropped, by=user("officer"), status="dropped")
    create("Speeding past the primary school.")

    page = html(client.get("/en/sectors/PRZ-01/"))
    assert "Speeding past the primary school." in page
    assert "Burglaries in the old town." not in page
    assert "Noise from the market." not in page

    history = client.get("/en/sectors/PRZ-01/priorities/")
    assert history.status_code == 200
    text = html(history)
    current, past = text.split('id="past-heading"')
    assert "Speeding past the primary school." in current
    assert "Burglaries in the old town." in past
    assert "Noise from the market." in past
    assert 'data-status="addressed"' in past
    assert 'data-status="dropped"' in past


def test_an_empty_sector_says_it_has_no_priority(client):
    assert "The sector has no current priority." in html(
        client.get("/en/sectors/PRZ-01/")
    )
    page = html(client.get("/en/sectors/prz-01/priorities/"))
    assert "The sector has no current priority." in page
    assert "No priority of the sector was closed yet." in page


def test_an_unknown_sector_has_no_priorities_page(client):
    response = client.get("/en/sectors/PRZ-99/priorities/")
    assert response.status_code == 404
    assert "No police sector has the code “PRZ-99”." in html(response)


def test_the_priorities_page_takes_only_get(client):
    assert client.post("/en/sectors/PRZ-01/priorities/").status_code == 405


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_show_priorities_in_each_language(client, language):
    done(create())
    with translation.override(language):
        agreed_on = date_format(day(10), "DATE_FORMAT")
    sector_page = client.get(f"/{language}/sectors/PRZ-01/")
    history = client.get(f"/{language}/sectors/PRZ-01/priorities/")
    for response in (sector_page, history):
        assert response.status_code == 200
        page = html(response)
        assert f'lang="{language}"' in page
        assert "Speeding past the primary school." in page
        assert "Speed checks at school time, twice a week." in page
        assert agreed_on in page
    assert f'href="/{language}/sectors/PRZ-01/priorities/"' in html(sector_page)


def test_public_pages_count_concerns_but_never_show_them(client):
    named = raise_concern(
        description="A grey van parks at the gate of Rruga e Shkollës 4.",
        is_anonymous=False,
        reporter_name="Drita Berisha",
        reporter_email="drita.berisha@example.org",
        reporter_phone="+383 44 987 654",
        consent_to_contact=True,
    )
    anonymous = raise_concern(description="Racing at night near the mosque.")
    done(create(concerns=[named.pk, anonymous.pk]))
    for path in ("/en/sectors/PRZ-01/", "/en/sectors/PRZ-01/priorities/"):
        page = html(client.get(path))
        assert "raised in 2 concerns" in page
        for private in (
            named.tracking_code,
            anonymous.tracking_code,
            "Drita Berisha",
            "drita.berisha@example.org",
            "+383 44 987 654",
            "grey van",
            "Racing at night",
        ):
            assert private not in page


def test_only_a_public_meeting_of_a_public_forum_is_named(client):
    create(meeting=meeting(days_ago=12, forum_name="Safer school roads team"))
    create(
        "Drugs sold behind the sports hall.",
        meeting=meeting(days_ago=12, is_public=False, forum_name="Closed session team"),
    )
    page = html(client.get("/en/sectors/PRZ-01/"))
    assert "at a meeting of Safer school roads team" in page
    assert "Closed session team" not in page


# The back office: who may come in


def test_anonymous_visitors_are_sent_to_sign_in():
    priority = create()
    for path in (LIST, NEW, detail(priority)):
        response = Client().get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")


@pytest.mark.parametrize("username", ["clerk", "admin"])
def test_users_without_sectors_are_refused(username):
    priority = create()
    client = as_user(username)
    assert client.get(LIST).status_code == 403
    assert client.get(NEW).status_code == 403
    assert client.get(detail(priority)).status_code == 403


def test_a_user_without_a_role_is_refused():
    client = sign_in(Client(), make_person("no_role"))
    assert client.get(LIST).status_code == 403


def test_the_list_shows_exactly_the_priorities_of_the_users_scope():
    create()
    create("Theft from cars at the bus station.", code="PEJ-01")
    officer = html(as_user("officer").get(LIST))
    assert "Speeding past the primary school." in officer
    assert "Theft from cars" not in officer
    directorate = html(as_user("directorate").get(LIST))
    assert "Speeding past the primary school." in directorate
    assert "Theft from cars" in directorate


def test_the_list_filters_by_sector_and_status():
    create()
    priority_close(priority=create("Noise."), by=user("officer"), status="dropped")
    client = as_user("leader")
    page = html(client.get(LIST + "?status=dropped"))
    assert "Noise." in page and "Speeding past" not in page
    page = html(client.get(LIST + "?sector=PRZ-02"))
    assert "Noise." not in page and "Speeding past" not in page
    assert "No priority matches." in page


def test_a_filter_outside_the_scope_is_400():
    response = as_user("officer").get(LIST + "?sector=PEJ-01")
    assert response.status_code == 400
    assert (
        "Select a valid choice. That choice is not one of the available choices."
        in html(response)
    )


def test_readers_see_priorities_but_no_form():
    priority = create()
    client = as_user("coordinator")
    page = html(client.get(LIST))
    assert "Speeding past the primary school." in page
    assert 'id="create"' not in page
    assert client.get(NEW).status_code == 403
    page = html(client.get(detail(priority)))
    assert "Speeding past the primary school." in page
    assert 'id="action"' not in page and 'id="close"' not in page


def test_a_priority_outside_the_scope_is_403_and_an_unknown_one_404():
    elsewhere = create("Theft from cars at the bus station.", code="PEJ-01")
    response = as_user("officer").get(detail(elsewhere))
    assert response.status_code == 403
    response = as_user("officer").get("/en/staff/priorities/999999/")
    assert response.status_code == 404
    assert "No sector priority has the number 999999." in html(response)


# The back office: setting and working a priority


def test_an_officer_sets_a_priority_with_the_form():
    concern = raise_concern()
    client = as_user("officer")
    assert client.get(NEW + "?sector=prz-01").status_code == 200
    response = client.post(
        NEW,
        {
            "sector": "PRZ-01",
            "issue": "Speeding past the primary school.",
            "issue_date": day(3).isoformat(),
            "concerns": concern.tracking_code.lower(),
        },
    )
    priority = SectorPriority.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail(priority)
    assert list(priority.concerns.all()) == [concern]
    page = html(client.get(response["Location"]))
    assert "The priority is on the public page of sector PRZ-01." in page
    assert f'href="/en/staff/concerns/{concern.tracking_code}/"' in page


def test_bad_input_is_400_with_the_services_words():
    elsewhere = raise_concern("PRZ-02")
    response = as_user("officer").post(
        NEW,
        {
            "sector": "PRZ-01",
            "issue": "",
            "issue_date": (clock.today() + datetime.timedelta(days=1)).isoformat(),
            "concerns": elsewhere.tracking_code,
        },
    )
    assert response.status_code == 400
    page = html(response)
    assert "Say what the community asked the police to tackle." in page
    assert "The issue date cannot be in the future." in page
    assert f"Concern {elsewhere.tracking_code} is not of sector PRZ-01." in page
    assert not SectorPriority.objects.exists()


def test_a_sector_one_does_not_act_in_is_not_offered():
    response = as_user("officer").post(
        NEW, {"sector": "PRZ-02", "issue": "x", "issue_date": day(1).isoformat()}
    )
    assert response.status_code == 400
    assert (
        "Select a valid choice. That choice is not one of the available choices."
        in html(response)
    )
    assert not SectorPriority.objects.exists()


def test_the_list_offers_the_form_to_those_who_set_priorities():
    page = html(as_user("officer").get(LIST))
    assert 'id="create"' in page
    assert 'action="/en/staff/priorities/new/"' in page


def test_recording_the_action_rewording_and_closing():
    concern = raise_concern()
    priority = create()
    client = as_user("officer")
    response = client.post(
        detail(priority) + "action/",
        {"action-action": "Speed checks.", "action-action_date": day(1).isoformat()},
    )
    assert response.status_code == 302
    response = client.post(
        detail(priority) + "edit/",
        {
            "edit-issue": "Speeding at school time.",
            "edit-concerns": concern.tracking_code,
        },
    )
    assert response.status_code == 302
    response = client.post(detail(priority) + "close/", {"close-status": "addressed"})
    assert response.status_code == 302
    priority.refresh_from_db()
    assert priority.action == "Speed checks."
    assert priority.action_date == day(1)
    assert priority.issue == "Speeding at school time."
    assert list(priority.concerns.all()) == [concern]
    assert priority.status == "addressed"
    page = html(client.get(detail(priority)))
    assert "The priority is closed as “addressed”." in page
    assert 'id="action"' not in page


def test_refusals_on_a_priority_are_400_with_the_message():
    priority = create()
    client = as_user("officer")
    response = client.post(
        detail(priority) + "action/",
        {"action-action": "Patrols.", "action-action_date": day(11).isoformat()},
    )
    assert response.status_code == 400
    assert (
        f"The action date cannot be before the issue date, {day(10).isoformat()}."
        in html(response)
    )
    response = client.post(detail(priority) + "close/", {"close-status": "addressed"})
    assert response.status_code == 400
    assert "Record what the police did before marking the priority addressed." in html(
        response
    )
    response = client.post(detail(priority) + "close/", {"close-status": "current"})
    assert response.status_code == 400
    assert "Select a valid choice. current is not one of the available choices." in (
        html(response)
    )


def test_a_closed_priority_refuses_changes_with_the_reason():
    priority = create()
    priority_close(priority=priority, by=user("officer"), status="dropped")
    response = as_user("officer").post(
        detail(priority) + "edit/", {"edit-issue": "Other.", "edit-concerns": ""}
    )
    assert response.status_code == 400
    assert (
        "This priority is closed (“no longer a priority”); only a current one "
        "changes." in html(response)
    )


@pytest.mark.parametrize("action", ["edit", "action", "close"])
def test_only_those_who_act_in_the_sector_change_a_priority(action):
    priority = create()
    for username, status in (("coordinator", 403), ("director", 403)):
        response = as_user(username).post(detail(priority) + f"{action}/", {})
        assert response.status_code == status
    elsewhere = create("Theft from cars.", code="PEJ-01")
    response = as_user("officer").post(detail(elsewhere) + f"{action}/", {})
    assert response.status_code == 403


@pytest.mark.parametrize("action", ["edit", "action", "close"])
def test_changes_take_only_posts(action):
    priority = create()
    assert as_user("officer").get(detail(priority) + f"{action}/").status_code == 405


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_back_office_pages_open_in_each_language(language):
    priority = create()
    client = as_user("officer")
    for path in (
        f"/{language}/staff/priorities/",
        f"/{language}/staff/priorities/new/",
        f"/{language}/staff/priorities/{priority.pk}/",
    ):
        response = client.get(path)
        assert response.status_code == 200
        assert f'lang="{language}"' in html(response)


def test_the_priority_record_names_who_set_it():
    priority = create()
    officer = get_user_model().objects.get(username="officer")
    page = html(as_user("leader").get(detail(priority)))
    assert (officer.get_full_name() or officer.get_username()) in page


def test_the_navigation_offers_priorities_and_problems_to_users_with_sectors():
    for username in ("officer", "coordinator", "director"):
        page = html(as_user(username).get("/en/staff/"))
        assert 'href="/en/staff/priorities/"' in page
        assert 'href="/en/staff/problems/"' in page
    page = html(as_user("clerk").get("/en/staff/"))
    assert 'href="/en/staff/priorities/"' not in page
    assert 'href="/en/staff/problems/"' not in page
