"""The forums' back office: the list with what waits for the user, a forum's
record and the decisions on it, proposing, setting up, editing, members."""

import datetime
import re

import pytest
from django.test import Client

from bashkesia.accounts.models import Role
from bashkesia.accounts.services import user_create
from bashkesia.core import clock
from bashkesia.partnership.models import Forum, ForumStatus, MemberRole, Membership
from bashkesia.partnership.services.forums import (
    klsp_final_decide,
    klsp_station_decide,
    membership_add,
)
from bashkesia.staff.tests.conftest import make_person, sign_in

from .forums_helpers import forum_people, kksb_in, place, propose, submit

pytestmark = pytest.mark.django_db

LANGUAGES = ["sq", "sr-latn", "sr", "en"]


@pytest.fixture
def people():
    return forum_people()


def as_user(user) -> Client:
    return sign_in(Client(), user)


def html_of(response) -> str:
    return response.content.decode()


def active(people) -> Forum:
    forum = propose(people.commander)
    klsp_final_decide(forum=forum, by=people.director, approve=True)
    forum.refresh_from_db()
    return forum


# Who gets in


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/en/staff/forums/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/staff/forums/"


def test_users_without_forums_are_refused_the_list(people):
    response = as_user(people.officer).get("/en/staff/forums/")
    assert response.status_code == 403
    nobody = user_create(username="t-nobody", email="nobody@example.org")
    assert as_user(nobody).get("/en/staff/forums/").status_code == 403


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_list_renders_in_each_language(people, language):
    forum = submit().forum
    response = as_user(people.commander).get(f"/{language}/staff/forums/")
    assert response.status_code == 200
    assert f'href="/{language}/staff/forums/{forum.pk}/"' in html_of(response)


def test_the_back_office_menu_shows_forums_to_those_who_have_them(people):
    html = html_of(as_user(people.commander).get("/en/staff/"))
    assert 'href="/en/staff/forums/"' in html
    html = html_of(as_user(people.officer).get("/en/staff/"))
    assert 'href="/en/staff/forums/"' not in html


def test_requests_wait_for_the_commander_and_proposals_for_the_director(people):
    request = submit()
    proposal = propose(people.commander, name_sq="KLSP Propozim")
    waiting = re.compile(r"data-waiting>(.*?)</section>", re.S)

    html = html_of(as_user(people.commander).get("/en/staff/forums/"))
    mine = waiting.search(html).group(1)
    assert f"/en/staff/forums/{request.forum.pk}/" in mine
    assert f"/en/staff/forums/{proposal.pk}/" not in mine

    html = html_of(as_user(people.director).get("/en/staff/forums/"))
    theirs = waiting.search(html).group(1)
    assert f"/en/staff/forums/{proposal.pk}/" in theirs
    assert f"/en/staff/forums/{request.forum.pk}/" not in theirs

    html = html_of(as_user(people.other_commander).get("/en/staff/forums/"))
    assert "data-waiting" not in html
    assert f'data-forum="{request.forum.pk}"' not in html


def test_the_list_filters_by_status_and_kind(people):
    request = submit()
    kksb = kksb_in(people, "PRZ")
    client = as_user(people.commander)
    html = html_of(client.get("/en/staff/forums/?status=requested"))
    table = html.split("<table", 1)[1]
    assert f'data-forum="{request.forum.pk}"' in table
    assert f'data-forum="{kksb.pk}"' not in table
    html = html_of(client.get("/en/staff/forums/?kind=kksb"))
    assert f'data-forum="{kksb.pk}"' in html
    response = client.get("/en/staff/forums/?status=lost")
    assert response.status_code == 400
    assert "Select a valid choice. lost is not one of the available choices." in (
        html_of(response)
    )


# A forum's record


def test_the_commander_sees_the_requesters_and_decides(people):
    request = submit()
    html = html_of(
        as_user(people.commander).get(f"/en/staff/forums/{request.forum.pk}/")
    )
    assert "Vlora Gashi" in html
    assert "arber@example.org" in html
    assert 'id="station-decision"' in html
    assert 'id="final-decision"' not in html
    assert 'id="dissolve"' not in html


def test_forums_outside_the_users_scope_are_not_found(people):
    forum = submit().forum
    for user in (people.other_commander, people.officer):
        response = as_user(user).get(f"/en/staff/forums/{forum.pk}/")
        assert response.status_code == 404
        assert "No forum in your scope has this number." in html_of(response)
    response = as_user(people.other_commander).post(
        f"/en/staff/forums/{forum.pk}/station-decision/",
        {"station-decision": "approve"},
    )
    assert response.status_code == 404


def test_the_regional_coordinator_reads_but_does_not_decide(people):
    forum = submit().forum
    html = html_of(as_user(people.coordinator).get(f"/en/staff/forums/{forum.pk}/"))
    assert "Vlora Gashi" in html
    assert 'id="station-decision"' not in html
    response = as_user(people.coordinator).post(
        f"/en/staff/forums/{forum.pk}/station-decision/",
        {"station-decision": "approve"},
    )
    assert response.status_code == 403


def test_the_commander_approves_a_request_by_the_form(people):
    forum = submit().forum
    client = as_user(people.commander)
    response = client.post(
        f"/en/staff/forums/{forum.pk}/station-decision/",
        {"station-decision": "approve", "station-reason": ""},
        follow=True,
    )
    assert response.redirect_chain == [(f"/en/staff/forums/{forum.pk}/", 302)]
    assert "The request is approved and goes to the Director General." in (
        html_of(response)
    )
    assert Forum.objects.get(pk=forum.pk).status == ForumStatus.AWAITING_APPROVAL
    html = html_of(response)
    assert 'id="station-decision"' not in html
    assert re.search(
        r'data-step="station_approved">.*?data-by="t-station_commander"', html, re.S
    )


def test_a_rejection_without_a_reason_answers_400(people):
    forum = submit().forum
    response = as_user(people.commander).post(
        f"/en/staff/forums/{forum.pk}/station-decision/",
        {"station-decision": "reject", "station-reason": ""},
    )
    assert response.status_code == 400
    assert "Give the reason the requesters will read." in html_of(response)
    assert Forum.objects.get(pk=forum.pk).status == ForumStatus.REQUESTED


def test_a_decision_the_chain_refuses_answers_400_with_the_reason(people):
    forum = submit().forum
    klsp_station_decide(forum=forum, by=people.commander, approve=True)
    response = as_user(people.commander).post(
        f"/en/staff/forums/{forum.pk}/station-decision/",
        {"station-decision": "approve"},
    )
    assert response.status_code == 400
    assert (
        "Only a request awaiting the station commander can be approved by the "
        "station." in html_of(response)
    )


def test_a_decision_without_a_choice_answers_400(people):
    forum = submit().forum
    response = as_user(people.commander).post(
        f"/en/staff/forums/{forum.pk}/station-decision/", {}
    )
    assert response.status_code == 400
    assert "This field is required." in html_of(response)


def test_the_director_general_gives_final_approval_by_the_form(people):
    forum = propose(people.commander)
    client = as_user(people.director)
    html = html_of(client.get(f"/en/staff/forums/{forum.pk}/"))
    assert 'id="final-decision"' in html
    assert 'id="station-decision"' not in html
    assert "Eleven burglaries" in html
    response = client.post(
        f"/en/staff/forums/{forum.pk}/final-decision/",
        {"final-decision": "approve"},
        follow=True,
    )
    assert "The committee is established and shown on the public site." in (
        html_of(response)
    )
    forum.refresh_from_db()
    assert (forum.status, forum.established_on) == ("active", clock.today())


def test_only_the_director_general_posts_the_final_decision(people):
    forum = propose(people.commander)
    for user in (people.commander, people.directorate, people.coordinator):
        response = as_user(user).post(
            f"/en/staff/forums/{forum.pk}/final-decision/",
            {"final-decision": "approve"},
        )
        assert response.status_code == 403
    response = as_user(people.director).post(
        f"/en/staff/forums/{forum.pk}/station-decision/",
        {"station-decision": "approve"},
    )
    assert response.status_code == 403
    assert Forum.objects.get(pk=forum.pk).status == ForumStatus.AWAITING_APPROVAL


def test_an_active_forum_is_dissolved_by_the_form(people):
    forum = active(people)
    client = as_user(people.commander)
    assert 'id="dissolve"' in html_of(client.get(f"/en/staff/forums/{forum.pk}/"))
    response = client.post(f"/en/staff/forums/{forum.pk}/dissolve/", {})
    assert response.status_code == 400
    assert "Give the reason the forum is dissolved." in html_of(response)
    response = client.post(
        f"/en/staff/forums/{forum.pk}/dissolve/",
        {"dissolve-reason": "Merged with Atmagjë."},
    )
    assert response.status_code == 302
    assert Forum.objects.get(pk=forum.pk).status == ForumStatus.DISSOLVED
    response = as_user(people.coordinator).post(
        f"/en/staff/forums/{forum.pk}/dissolve/", {"dissolve-reason": "X"}
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("language", "warning"),
    [
        ("sq", "Takimet e tij të ardhshme anulohen"),
        ("sr-latn", "Njegovi predstojeći sastanci se otkazuju"),
        ("sr", "Његови предстојећи састанци се отказују"),
        ("en", "Its meetings still to come are cancelled"),
    ],
)
def test_the_dissolve_form_says_the_meetings_to_come_are_cancelled(
    people, language, warning
):
    forum = active(people)
    html = html_of(
        as_user(people.commander).get(f"/{language}/staff/forums/{forum.pk}/")
    )
    form = re.search(r'<form[^>]*id="dissolve">(.*?)</form>', html, re.S)[1]
    assert warning in form


def test_the_record_links_the_forums_meetings_and_work(people):
    forum = kksb_in(people, "PRZ")
    html = html_of(as_user(people.directorate).get(f"/en/staff/forums/{forum.pk}/"))
    for path in ("meetings", "actions", "work-plans"):
        assert f'href="/en/staff/forums/{forum.pk}/{path}/"' in html
    assert f'href="/en/forums/{forum.pk}/"' in html


# Proposing, setting up, editing


def test_the_commander_proposes_a_klsp_by_the_form(people):
    client = as_user(people.commander)
    html = html_of(client.get("/en/staff/forums/propose/"))
    assert f'value="{place("Billushë").pk}"' in html
    assert f'value="{place("Dobrushtë").pk}"' in html
    response = client.post(
        "/en/staff/forums/propose/",
        {
            "station": "PRZ",
            "name_sq": "KLSP Billushë",
            "purpose": "Monthly meetings on the village's safety.",
            "security_analysis": "Burglaries doubled in a year.",
            "settlements": [place("Billushë").pk],
            "notice_days": "7",
        },
    )
    forum = Forum.objects.get(name_sq="KLSP Billushë")
    assert response.status_code == 302
    assert response["Location"] == f"/en/staff/forums/{forum.pk}/"
    assert forum.status == ForumStatus.AWAITING_APPROVAL


def test_a_proposal_with_problems_answers_400(people):
    response = as_user(people.commander).post(
        "/en/staff/forums/propose/", {"station": "PRZ", "notice_days": "7"}
    )
    assert response.status_code == 400
    html = html_of(response)
    assert "Give the security analysis behind the proposal." in html
    assert "Say what the committee is for." in html


def test_only_commanders_propose(people):
    for user in (people.directorate, people.director, people.officer):
        assert as_user(user).get("/en/staff/forums/propose/").status_code == 403


def test_directorate_staff_set_up_a_kksb_in_two_steps(people):
    Forum.objects.filter(kind="kksb", municipality__code="MAM").update(
        status=ForumStatus.DISSOLVED
    )
    client = as_user(people.directorate)
    assert client.get("/en/staff/forums/new/").status_code == 200
    url = "/en/staff/forums/new/?kind=kksb&municipality=MAM"
    html = html_of(client.get(url))
    assert "The municipality&#x27;s main station" in html
    response = client.post(
        url,
        {
            "name_sq": "KKSB Mamushë",
            "name_sr_latn": "OSBZ Mamuša",
            "purpose": "The municipal community safety council.",
            "notice_days": "7",
        },
    )
    forum = Forum.objects.get(name_sq="KKSB Mamushë", status="active")
    assert response["Location"] == f"/en/staff/forums/{forum.pk}/"
    assert forum.station.code == "MAM"
    response = client.post(url, {"name_sq": "KKSB 2", "notice_days": "7"})
    assert response.status_code == 400
    assert (
        "Mamusha already has a municipal community safety council (KKSB): there "
        "is one per municipality." in html_of(response)
    )


def test_a_commander_sets_up_forums_only_in_their_municipality(people):
    client = as_user(people.commander)
    response = client.get("/en/staff/forums/new/?kind=evsb&municipality=SUH")
    assert response.status_code == 400
    assert (
        "Select a valid choice. That choice is not one of the available choices."
        in (html_of(response))
    )
    url = "/en/staff/forums/new/?kind=evsb&municipality=PRZ"
    response = client.post(
        url,
        {
            "station": "PRZ",
            "name_sq": "EVSB Shkollat",
            "notice_days": "7",
            "starts_on": "2026-03-01",
            "ends_on": "2026-02-01",
        },
    )
    assert response.status_code == 400
    html = html_of(response)
    assert "Say what the action team sets out to do." in html
    assert "The project cannot end before it starts." in html
    assert as_user(people.officer).get("/en/staff/forums/new/").status_code == 403


def test_a_forums_record_is_edited(people):
    forum = active(people)
    client = as_user(people.commander)
    assert client.get(f"/en/staff/forums/{forum.pk}/edit/").status_code == 200
    response = client.post(
        f"/en/staff/forums/{forum.pk}/edit/",
        {
            "name_sq": "KLSP Billushë e Re",
            "purpose": "New purpose.",
            "settlements": [place("Billushë").pk, place("Atmagjë").pk],
            "notice_days": "10",
            "security_analysis": "Updated.",
        },
    )
    assert response.status_code == 302
    forum.refresh_from_db()
    assert (forum.name_sq, forum.notice_days) == ("KLSP Billushë e Re", 10)
    response = client.post(
        f"/en/staff/forums/{forum.pk}/edit/",
        {"name_sq": "", "notice_days": "10"},
    )
    assert response.status_code == 400
    assert "Give the forum a name." in html_of(response)
    assert (
        as_user(people.director).get(f"/en/staff/forums/{forum.pk}/edit/").status_code
        == 403
    )


# Members


def member_form(**changes) -> dict:
    data = {
        "name": "Besa Morina",
        "role": MemberRole.MEMBER,
        "gender": "female",
        "community": "albanian",
        "age_band": "under_25",
        "language": "sq",
        "start_date": "2026-01-01",
        "appointment_reference": "01-016/26",
    }
    data.update(changes)
    return data


def test_members_are_added_edited_and_ended(people):
    forum = kksb_in(people, "PRZ")
    client = as_user(people.commander)
    assert client.get(f"/en/staff/forums/{forum.pk}/members/new/").status_code == 200
    response = client.post(f"/en/staff/forums/{forum.pk}/members/new/", member_form())
    assert response.status_code == 302
    membership = Membership.objects.get(forum=forum, name="Besa Morina")
    url = f"/en/staff/forums/{forum.pk}/members/{membership.pk}/"
    assert client.get(url + "edit/").status_code == 200
    response = client.post(
        url + "edit/", member_form(role=MemberRole.DEPUTY, name_is_public="on")
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.name_is_public) == ("deputy", True)
    assert membership.language == "sq"
    response = client.post(url + "end/", {"end_date": "2025-12-01"})
    assert response.status_code == 400
    assert "A seat cannot end before it starts." in html_of(response)
    response = client.post(url + "end/", {"end_date": "2026-06-30"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.end_date == datetime.date(2026, 6, 30)


def test_a_kksb_member_without_the_assemblys_decision_answers_400(people):
    forum = kksb_in(people, "PRZ")
    response = as_user(people.commander).post(
        f"/en/staff/forums/{forum.pk}/members/new/",
        member_form(appointment_reference=""),
    )
    assert response.status_code == 400
    assert (
        "A KKSB member is appointed by the municipal assembly: give the "
        "decision&#x27;s reference." in html_of(response)
    )


def test_an_unknown_account_answers_400(people):
    forum = kksb_in(people, "PRZ")
    response = as_user(people.commander).post(
        f"/en/staff/forums/{forum.pk}/members/new/",
        member_form(role=MemberRole.SECRETARY, account="nobody-here"),
    )
    assert response.status_code == 400
    assert "No active account has the username or e-mail “nobody-here”." in (
        html_of(response)
    )


def test_those_who_may_not_manage_members_are_refused(people):
    forum = kksb_in(people, "PRZ")
    seat = membership_add(
        forum=forum,
        by=people.directorate,
        name="Besa",
        role="member",
        start_date=datetime.date(2026, 1, 1),
        appointment_reference="1",
    )
    for user in (people.director, people.coordinator):
        client = as_user(user)
        assert (
            client.get(f"/en/staff/forums/{forum.pk}/members/new/").status_code == 403
        )
        url = f"/en/staff/forums/{forum.pk}/members/{seat.pk}/"
        assert client.post(url + "end/", {"end_date": "2026-06-30"}).status_code == 403
    response = as_user(people.other_commander).get(
        f"/en/staff/forums/{forum.pk}/members/new/"
    )
    assert response.status_code == 404


def test_a_secretary_given_an_account_keeps_the_forums_record(people, today):
    today(datetime.date(2026, 2, 1))
    forum = kksb_in(people, "PRZ")
    secretary = user_create(username="t-sekretarja", email="sekretarja@example.org")
    response = as_user(people.commander).post(
        f"/en/staff/forums/{forum.pk}/members/new/",
        member_form(role=MemberRole.SECRETARY, account="sekretarja@example.org"),
    )
    assert response.status_code == 302
    assert secretary.role_grants.get().role == Role.FORUM_SECRETARY
    client = as_user(secretary)
    html = html_of(client.get("/en/staff/forums/"))
    assert f'data-forum="{forum.pk}"' in html
    html = html_of(client.get(f"/en/staff/forums/{forum.pk}/"))
    assert f'href="/en/staff/forums/{forum.pk}/members/new/"' in html
    other = submit().forum
    assert client.get(f"/en/staff/forums/{other.pk}/").status_code == 404


def test_the_record_of_a_forum_renders_in_each_language(people):
    forum = kksb_in(people, "PRZ")
    make_person(Role.SECTOR_LEADER)
    for language in LANGUAGES:
        response = as_user(people.directorate).get(
            f"/{language}/staff/forums/{forum.pk}/"
        )
        assert response.status_code == 200
        assert forum.name_in(language) in html_of(response)


def test_a_final_rejection_without_a_reason_answers_400(people):
    forum = propose(people.commander)
    response = as_user(people.director).post(
        f"/en/staff/forums/{forum.pk}/final-decision/",
        {"final-decision": "reject", "final-reason": " "},
    )
    assert response.status_code == 400
    assert "Give the reason the station and the requesters will read." in (
        html_of(response)
    )
    assert Forum.objects.get(pk=forum.pk).status == ForumStatus.AWAITING_APPROVAL


def test_a_seat_edited_with_problems_answers_400(people):
    forum = propose(people.commander)
    client = as_user(people.commander)
    client.post(f"/en/staff/forums/{forum.pk}/members/new/", member_form(role="chair"))
    client.post(
        f"/en/staff/forums/{forum.pk}/members/new/",
        member_form(name="Ilir Berisha", start_date="2026-02-01"),
    )
    seat = Membership.objects.get(forum=forum, name="Ilir Berisha")
    response = client.post(
        f"/en/staff/forums/{forum.pk}/members/{seat.pk}/edit/",
        member_form(name="Ilir Berisha", role="chair", end_date="2025-01-01"),
    )
    assert response.status_code == 400
    assert "A seat cannot end before it starts." in html_of(response)
    response = client.post(
        f"/en/staff/forums/{forum.pk}/members/{seat.pk}/edit/",
        member_form(name="Ilir Berisha", role="chair"),
    )
    assert response.status_code == 400
    assert (
        "The forum already has a chair in that period: end their seat first."
        in html_of(response)
    )
    response = client.get(f"/en/staff/forums/{forum.pk}/members/999999/edit/")
    assert response.status_code == 404


def test_a_member_s_language_is_kept_for_their_certificates(people):
    forum = kksb_in(people, "PRZ")
    client = as_user(people.commander)
    page = html_of(client.get(f"/sr-latn/staff/forums/{forum.pk}/members/new/"))
    assert '<option value="sr-latn" selected>' in page  # the page's language
    response = client.post(
        f"/en/staff/forums/{forum.pk}/members/new/",
        member_form(name="Milica Jovanović", language="sr"),
    )
    assert response.status_code == 302
    membership = Membership.objects.get(forum=forum, name="Milica Jovanović")
    assert membership.language == "sr"
    response = client.post(
        f"/en/staff/forums/{forum.pk}/members/new/", member_form(language="xx")
    )
    assert response.status_code == 400
    assert "Select a valid choice. xx is not one of the available choices." in (
        html_of(response)
    )
