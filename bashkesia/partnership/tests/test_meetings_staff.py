"""The back office of a forum's record: its meetings, a meeting's page with
the secretary's forms, the action items, a KKSB's work plans and the staff
record as PDF.

People (demo sign-ins unless said): the forum's secretary ("t-secretary",
made here) keeps the record; "directorate" keeps any; "commander" commands
station PRZ, reads its forums and files a KKSB's security reports;
"coordinator" and "director" read; "officer" has no forums in scope.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from bashkesia.accounts.services import user_create
from bashkesia.core import clock
from bashkesia.partnership.models import (
    ActionItem,
    Event,
    ForumKind,
    Meeting,
    Minutes,
    WorkPlan,
)
from bashkesia.partnership.services import meetings as services
from bashkesia.staff.tests.conftest import sign_in

from .test_meetings_services import (
    DAY,
    HOUR,
    frozen_fixture,  # noqa: F401 (the fixture "frozen")
    held,
    make_forum,
    member,
    schedule,
    secretary_of,
    user,
)

pytestmark = pytest.mark.django_db
LANGUAGES = ["sq", "sr-latn", "sr", "en"]
READERS = ["commander", "coordinator", "director"]


def as_user(person) -> Client:
    if isinstance(person, str):
        person = get_user_model().objects.get(username=person)
    return sign_in(Client(), person)


def text(response) -> str:
    return response.content.decode()


def local(moment) -> str:
    """Return ``moment`` as a datetime-local input holds it."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture
def forum(db):
    return make_forum()


@pytest.fixture
def secretary(forum):
    return secretary_of(forum)


@pytest.fixture
def staff(secretary) -> Client:
    return as_user(secretary)


def schedule_data(**changes) -> dict:
    data = {
        "schedule-title": "Safety on the school road",
        "schedule-starts_at": local(clock.now() + 3 * DAY + 5 * HOUR),
        "schedule-ends_at": "",
        "schedule-place": "Community hall, Arbana",
        "schedule-online_link": "",
        "schedule-is_public": "on",
        "schedule-agenda": "Speeding near the school\nStreet lighting",
    }
    data.update(changes)
    return data


# A forum's meetings


def test_the_secretary_schedules_a_meeting_and_is_warned_of_short_notice(
    forum,
    staff,
    frozen,
):
    address = f"/en/staff/forums/{forum.pk}/meetings/"
    page = staff.get(address)
    assert page.status_code == 200
    assert 'id="schedule"' in text(page)
    response = staff.post(address, schedule_data())
    meeting = forum.meetings.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/staff/meetings/{meeting.pk}/"
    followed = text(staff.get(response["Location"]))
    assert "The meeting “Safety on the school road” is scheduled." in followed
    assert (
        "Public notice is given 3 days ahead; this forum&#x27;s rule is 7 days."
        in followed
    )
    assert Event.objects.filter(meeting=meeting).exists()
    listing = text(staff.get(address))
    assert f'href="/en/staff/meetings/{meeting.pk}/"' in listing


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"schedule-title": ""}, "Give the meeting a title."),
        (
            {"schedule-place": ""},
            "Say where the meeting is held, or give an online link.",
        ),
        ({"schedule-starts_at": "next tuesday"}, "Enter a valid date/time."),
        ({"schedule-online_link": "not a link"}, "Enter a valid URL."),
    ],
)
def test_a_bad_meeting_is_refused_with_400_and_why(
    forum,
    staff,
    frozen,
    changes,
    message,
):
    response = staff.post(
        f"/en/staff/forums/{forum.pk}/meetings/", schedule_data(**changes)
    )
    assert response.status_code == 400
    assert message in text(response)
    assert "The meeting was not scheduled" in text(response)
    assert not forum.meetings.exists()


@pytest.mark.parametrize("username", READERS)
def test_readers_see_the_meetings_but_cannot_schedule(forum, frozen, username):
    client = as_user(username)
    address = f"/en/staff/forums/{forum.pk}/meetings/"
    page = client.get(address)
    assert page.status_code == 200
    assert 'id="schedule"' not in text(page)
    assert client.post(address, schedule_data()).status_code == 403
    assert not forum.meetings.exists()


def test_a_forum_outside_ones_scope_is_not_found(forum, frozen):
    other_secretary = secretary_of(make_forum(name="Ortakoll"), "t-other")
    for client in (as_user("officer"), as_user(other_secretary)):
        for tail in ("meetings/", "actions/", "work-plans/"):
            response = client.get(f"/en/staff/forums/{forum.pk}/{tail}")
            assert response.status_code == 404
            assert "No forum in your scope has this number." in text(response)


def test_the_back_office_wants_a_signed_in_verified_staff_member(forum, frozen):
    address = f"/en/staff/forums/{forum.pk}/meetings/"
    response = Client().get(address)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")
    citizen = user_create(username="t-citizen", email="c@example.org")
    assert as_user(citizen).get(address).status_code == 403
    unverified = Client()
    unverified.force_login(user("commander"))
    response = unverified.get(address)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/second-factor/")


def test_a_forum_that_is_not_active_holds_no_meetings(staff, forum, frozen):
    forum.status = "dissolved"
    forum.save(update_fields=["status"])
    page = staff.get(f"/en/staff/forums/{forum.pk}/meetings/")
    assert 'id="schedule"' not in text(page)
    response = staff.post(f"/en/staff/forums/{forum.pk}/meetings/", schedule_data())
    assert response.status_code == 400
    assert "Only an active forum holds meetings." in text(response)


# A meeting's page


def test_the_secretary_records_a_meeting_from_start_to_approved_minutes(
    forum,
    secretary,
    staff,
    frozen,
):
    chair = member(forum, "Arben Krasniqi", role="chair")
    meeting = schedule(forum, secretary, starts_in=HOUR, title="March meeting")
    page = text(staff.get(f"/en/staff/meetings/{meeting.pk}/"))
    assert 'id="held"' not in page  # it has not started
    assert 'id="cancel"' in page and 'id="edit"' in page
    frozen(2 * HOUR)
    base = f"/en/staff/meetings/{meeting.pk}/"
    assert staff.post(base + "held/").status_code == 302
    response = staff.post(
        base + "attendance/",
        {
            "attendance-members": [chair.pk],
            "attendance-citizens_total": "9",
            "attendance-gender_female": "4",
            "attendance-gender_male": "5",
            "attendance-age_band_under_25": "2",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.citizens == {
        "total": 9,
        "gender": {"female": 4, "male": 5},
        "age_band": {"under_25": 2},
    }
    assert list(meeting.members_present.all()) == [chair]
    response = staff.post(
        base + "minutes/", {"minutes-text": "We talked about lights."}
    )
    assert response.status_code == 302
    followed = text(staff.get(base))
    assert "Version 1 of the minutes is saved as a draft." in followed
    assert "data-draft" in followed and "Arben Krasniqi" in followed
    assert 'id="approve"' not in followed  # no later meeting has started
    staff.post(base + "recommendations/", {"recommendation-text": "Light the road."})
    recommendation = meeting.recommendations.get()
    response = staff.post(
        base + "actions/",
        {
            "action-title": "Two street lights",
            "action-owner": "Municipality",
            "action-deadline": (clock.today() + 30 * DAY).isoformat(),
            "action-recommendation": recommendation.pk,
        },
    )
    assert response.status_code == 302
    item = ActionItem.objects.get(forum=forum)
    assert (item.meeting, item.recommendation) == (meeting, recommendation)

    following = held(forum, secretary, days_ago=0, title="April meeting")
    page = text(staff.get(base))
    assert 'id="approve"' in page
    response = staff.post(
        base + "minutes/approve/", {"approve-at_meeting": following.pk}
    )
    assert response.status_code == 302
    minutes = Minutes.objects.get(meeting=meeting)
    assert (minutes.status, minutes.approved_at_meeting) == ("approved", following)
    page = text(staff.get(base))
    assert "Version 1 of the minutes is approved." in page
    assert 'id="minutes"' not in page  # approved minutes are not edited
    assert 'id="correct"' in page
    response = staff.post(
        base + "minutes/correct/",
        {
            "correct-correction_note": "Adds the number of lights.",
            "correct-text": "We talked about two lights.",
        },
    )
    assert response.status_code == 302
    assert Minutes.objects.get(meeting=meeting, version=2).status == "draft"


def test_minutes_cannot_be_approved_at_their_own_meeting_through_the_page(
    forum,
    secretary,
    staff,
    frozen,
):
    meeting = held(forum, secretary, days_ago=5)
    services.minutes_draft(meeting=meeting, text="Notes.", by=secretary)
    held(forum, secretary, days_ago=0)
    response = staff.post(
        f"/en/staff/meetings/{meeting.pk}/minutes/approve/",
        {"approve-at_meeting": meeting.pk},
    )
    assert response.status_code == 400
    assert "Select a valid choice." in text(response)
    assert Minutes.objects.get(meeting=meeting).status == "draft"


def test_approved_minutes_refuse_a_rewrite_through_the_page(
    forum,
    secretary,
    staff,
    frozen,
):
    meeting = held(forum, secretary, days_ago=5)
    minutes = services.minutes_draft(meeting=meeting, text="Notes.", by=secretary)
    services.minutes_approve(
        minutes=minutes, at_meeting=held(forum, secretary, days_ago=0), by=secretary
    )
    response = staff.post(
        f"/en/staff/meetings/{meeting.pk}/minutes/", {"minutes-text": "Rewritten."}
    )
    assert response.status_code == 400
    assert (
        "The minutes of this meeting are approved and cannot change: write a "
        "correction instead." in text(response)
    )
    assert Minutes.objects.get(meeting=meeting).text == "Notes."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"attendance-citizens_total": "5", "attendance-gender_female": "6"},
            "The citizens counted by gender (6) are more than the total (5).",
        ),
        (
            {"attendance-citizens_total": "-2"},
            "The number of citizens must be a whole number, 0 or more.",
        ),
        ({"attendance-citizens_total": "many"}, "Enter a whole number."),
        ({"attendance-members": ["999999"]}, "Select a valid choice."),
    ],
)
def test_bad_attendance_is_refused_with_400_and_why(
    forum,
    secretary,
    staff,
    frozen,
    data,
    message,
):
    meeting = held(forum, secretary, days_ago=1)
    response = staff.post(f"/en/staff/meetings/{meeting.pk}/attendance/", data)
    assert response.status_code == 400
    assert message in text(response)
    meeting.refresh_from_db()
    assert meeting.citizens == {}


def test_a_member_who_left_before_the_meeting_is_not_offered(
    forum,
    secretary,
    staff,
    frozen,
):
    gone = member(forum, "Gone Before", end=clock.today() - 10 * DAY)
    meeting = held(forum, secretary, days_ago=1)
    page = text(staff.get(f"/en/staff/meetings/{meeting.pk}/"))
    assert "Drita Berisha · secretary" in page
    assert "Gone Before" not in page
    response = staff.post(
        f"/en/staff/meetings/{meeting.pk}/attendance/",
        {"attendance-members": [gone.pk]},
    )
    assert response.status_code == 400


def test_editing_cancelling_and_the_cancelled_meeting(
    forum,
    secretary,
    staff,
    frozen,
):
    meeting = schedule(forum, secretary)
    base = f"/en/staff/meetings/{meeting.pk}/"
    response = staff.post(
        base + "edit/",
        {
            "edit-title": "Safety on the school road (moved)",
            "edit-starts_at": local(clock.now() + 2 * DAY + HOUR),
            "edit-place": "School gym",
            "edit-is_public": "on",
            "edit-agenda": "Speeding",
        },
    )
    assert response.status_code == 302
    page = text(staff.get(base))
    assert "The meeting is saved." in page
    assert "Public notice is given 2 days ahead" in page
    event = Event.objects.get(meeting=meeting)
    assert (event.title, event.place, event.sequence) == (
        "Safety on the school road (moved)",
        "School gym",
        1,
    )
    response = staff.post(base + "cancel/", {"cancel-reason": ""})
    assert response.status_code == 400
    assert "Say why the meeting is cancelled." in text(response)
    response = staff.post(base + "cancel/", {"cancel-reason": "The school is closed."})
    assert response.status_code == 302
    page = text(staff.get(base))
    assert "The meeting is cancelled." in page
    assert 'id="edit"' not in page and 'id="cancel"' not in page
    response = staff.post(base + "held/")
    assert response.status_code == 400
    assert "A cancelled meeting cannot be marked as held." in text(response)


def test_marking_held_before_the_start_is_refused(forum, secretary, staff, frozen):
    meeting = schedule(forum, secretary, starts_in=DAY)
    response = staff.post(f"/en/staff/meetings/{meeting.pk}/held/")
    assert response.status_code == 400
    assert "A meeting cannot be marked as held before it starts." in text(response)


@pytest.mark.parametrize("username", READERS)
def test_readers_see_a_meeting_but_may_not_keep_its_record(
    forum,
    secretary,
    frozen,
    username,
):
    meeting = held(forum, secretary, days_ago=1)
    client = as_user(username)
    page = client.get(f"/en/staff/meetings/{meeting.pk}/")
    assert page.status_code == 200
    assert "Keep the record" not in text(page)
    base = f"/en/staff/meetings/{meeting.pk}/"
    for tail, data in [
        ("minutes/", {"minutes-text": "Mine."}),
        ("recommendations/", {"recommendation-text": "Mine."}),
        ("attendance/", {"attendance-citizens_total": "3"}),
        ("edit/", {"edit-title": "Mine"}),
        ("cancel/", {"cancel-reason": "Mine."}),
    ]:
        assert client.post(base + tail, data).status_code == 403
    assert not Minutes.objects.filter(meeting=meeting).exists()


def test_a_meeting_outside_ones_scope_is_not_found(forum, secretary, frozen):
    meeting = held(forum, secretary, days_ago=1)
    for address in (
        f"/en/staff/meetings/{meeting.pk}/",
        f"/en/staff/meetings/{meeting.pk}/record.pdf",
    ):
        response = as_user("officer").get(address)
        assert response.status_code == 404
        assert "No meeting of the forums in your scope has this number." in text(
            response
        )
    response = as_user("officer").post(
        f"/en/staff/meetings/{meeting.pk}/minutes/", {"minutes-text": "x"}
    )
    assert response.status_code == 404


def test_the_commander_files_a_kksb_security_report(frozen):
    kksb = make_forum(ForumKind.KKSB, name="Prizren")
    keeper = secretary_of(kksb)
    meeting = schedule(kksb, keeper)
    address = f"/en/staff/meetings/{meeting.pk}/security-report/"
    commander = as_user("commander")
    assert 'id="report"' in text(commander.get(f"/en/staff/meetings/{meeting.pk}/"))
    response = commander.post(address, {"report-text": ""})
    assert response.status_code == 400
    assert "Write the security report." in text(response)
    response = commander.post(address, {"report-text": "Thefts fell in March."})
    assert response.status_code == 302
    page = text(commander.get(f"/en/staff/meetings/{meeting.pk}/"))
    assert "The security report is filed." in page
    assert "Thefts fell in March." in page
    secretary = as_user(keeper)
    assert 'id="report"' not in text(secretary.get(f"/en/staff/meetings/{meeting.pk}/"))
    assert secretary.post(address, {"report-text": "Mine."}).status_code == 403


def test_a_klsp_meeting_has_no_security_report(forum, secretary, frozen):
    meeting = schedule(forum, secretary)
    commander = as_user("commander")
    page = text(commander.get(f"/en/staff/meetings/{meeting.pk}/"))
    assert "security report" not in page
    response = commander.post(
        f"/en/staff/meetings/{meeting.pk}/security-report/", {"report-text": "R."}
    )
    assert response.status_code == 403


def test_the_staff_record_downloads_with_names_and_the_draft(
    forum,
    secretary,
    staff,
    frozen,
):
    meeting = held(forum, secretary, days_ago=1)
    services.minutes_draft(meeting=meeting, text="Draft notes.", by=secretary)
    response = staff.get(f"/en/staff/meetings/{meeting.pk}/record.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="klsp-meeting-'
    )
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF-")
    assert (
        as_user("coordinator")
        .get(f"/en/staff/meetings/{meeting.pk}/record.pdf")
        .status_code
        == 200
    )


# Action items


@pytest.fixture
def items(forum, secretary, frozen):
    meeting = held(forum, secretary, days_ago=20, title="March meeting")
    late = services.action_item_create(
        forum=forum,
        meeting=meeting,
        title="Two street lights",
        owner="Municipality",
        deadline=clock.today() + DAY,
        by=secretary,
    )
    ActionItem.objects.filter(pk=late.pk).update(deadline=clock.today() - 5 * DAY)
    on_time = services.action_item_create(
        forum=forum,
        meeting=meeting,
        title="Morning patrols",
        owner="Police",
        deadline=clock.today() + 10 * DAY,
        by=secretary,
    )
    return late, on_time


def test_the_forums_action_items_show_what_is_overdue(forum, staff, items):
    late, on_time = items
    page = text(staff.get(f"/en/staff/forums/{forum.pk}/actions/"))
    assert page.count("data-overdue") == 1
    assert page.index("Two street lights") < page.index("Morning patrols")
    assert "2 open" in page and "1 overdue" in page
    assert f'id="item-{late.pk}"' in page


def test_the_secretary_follows_an_action_item(forum, staff, items):
    late, _on_time = items
    address = f"/en/staff/actions/{late.pk}/update/"
    response = staff.post(
        address,
        {f"item-{late.pk}-status": "done", f"item-{late.pk}-text": "Installed."},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/en/staff/forums/{forum.pk}/actions/"
    page = text(staff.get(response["Location"]))
    assert "The action item “Two street lights” is updated." in page
    assert "Installed." in page
    assert "data-overdue" not in page
    response = staff.post(
        address, {f"item-{late.pk}-status": "open", f"item-{late.pk}-text": "Broke."}
    )
    assert response.status_code == 400
    assert "A closed action item is reopened as in progress." in text(response)
    response = staff.post(
        address, {f"item-{late.pk}-status": "in_progress", f"item-{late.pk}-text": ""}
    )
    assert response.status_code == 400
    assert "Say what happened." in text(response)


def test_readers_see_action_items_but_cannot_update_them(forum, items):
    late, _on_time = items
    commander = as_user("commander")
    page = commander.get(f"/en/staff/forums/{forum.pk}/actions/")
    assert page.status_code == 200
    assert f'id="item-{late.pk}"' not in text(page)
    response = commander.post(
        f"/en/staff/actions/{late.pk}/update/",
        {f"item-{late.pk}-status": "done", f"item-{late.pk}-text": "Mine."},
    )
    assert response.status_code == 403
    response = as_user("officer").post(
        f"/en/staff/actions/{late.pk}/update/",
        {f"item-{late.pk}-status": "done", f"item-{late.pk}-text": "Mine."},
    )
    assert response.status_code == 404


# Work plans


def test_a_kksb_secretary_makes_and_records_the_adoption_of_the_work_plan(frozen):
    kksb = make_forum(ForumKind.KKSB, name="Prizren")
    staff = as_user(secretary_of(kksb))
    address = f"/en/staff/forums/{kksb.pk}/work-plans/"
    year = clock.today().year
    assert 'id="create"' in text(staff.get(address))
    response = staff.post(address, {"create-year": str(year + 3)})
    assert response.status_code == 400
    assert "A work plan is made for last year, this year or next year." in text(
        response
    )
    assert staff.post(address, {"create-year": str(year)}).status_code == 302
    plan = WorkPlan.objects.get(forum=kksb)
    response = staff.post(
        f"/en/staff/work-plans/{plan.pk}/adopt/",
        {
            f"adopt-{plan.pk}-assembly_reference": "01-016/24",
            f"adopt-{plan.pk}-adopted_on": clock.today().isoformat(),
        },
    )
    assert response.status_code == 400
    assert "Add the plan&#x27;s items before it is adopted." in text(response)
    response = staff.post(
        f"/en/staff/work-plans/{plan.pk}/items/",
        {
            f"item-{plan.pk}-title": "A safety walk in every neighbourhood",
            f"item-{plan.pk}-owner": "KKSB secretariat",
            f"item-{plan.pk}-deadline": (clock.today() + 60 * DAY).isoformat(),
        },
    )
    assert response.status_code == 302
    response = staff.post(
        f"/en/staff/work-plans/{plan.pk}/adopt/",
        {
            f"adopt-{plan.pk}-assembly_reference": "01-016/24",
            f"adopt-{plan.pk}-adopted_on": clock.today().isoformat(),
        },
    )
    assert response.status_code == 302
    page = text(staff.get(address))
    assert f"The adoption of the work plan for {year} is recorded." in page
    assert "decision 01-016/24" in page
    assert "A safety walk in every neighbourhood" in page
    assert f'id="item-{plan.pk}"' not in page  # an adopted plan is fixed
    actions = text(staff.get(f"/en/staff/forums/{kksb.pk}/actions/"))
    assert f"work plan {year}" in actions


def test_a_klsp_has_no_work_plan(forum, staff, frozen):
    page = staff.get(f"/en/staff/forums/{forum.pk}/work-plans/")
    assert page.status_code == 200
    assert "Only a KKSB has an annual work plan." in text(page)
    response = staff.post(
        f"/en/staff/forums/{forum.pk}/work-plans/",
        {"create-year": str(clock.today().year)},
    )
    assert response.status_code == 400
    assert "Only a KKSB has an annual work plan." in text(response)


def test_readers_cannot_make_a_work_plan(frozen):
    kksb = make_forum(ForumKind.KKSB, name="Prizren")
    commander = as_user("commander")
    address = f"/en/staff/forums/{kksb.pk}/work-plans/"
    assert 'id="create"' not in text(commander.get(address))
    response = commander.post(address, {"create-year": str(clock.today().year)})
    assert response.status_code == 403


# Languages


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_back_office_pages_speak_each_language(
    forum, secretary, staff, items, language
):
    meeting = Meeting.objects.get(forum=forum)
    for address in (
        f"/{language}/staff/forums/{forum.pk}/meetings/",
        f"/{language}/staff/meetings/{meeting.pk}/",
        f"/{language}/staff/forums/{forum.pk}/actions/",
        f"/{language}/staff/forums/{forum.pk}/work-plans/",
    ):
        response = staff.get(address)
        assert response.status_code == 200, address
        assert f'<html lang="{language}">' in text(response)
