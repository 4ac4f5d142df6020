"""The public page of a forum's meeting and its record as PDF: what the public
may see (approved minutes, counts of attendance), never what it may not
(drafts, names of members present, closed meetings, the security report)."""

import pytest
from django.utils import timezone, translation

from bashkesia.core import clock
from bashkesia.partnership.models import ActionItem, ForumKind, ForumStatus, Meeting
from bashkesia.partnership.services import meetings as services

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


def url(meeting: Meeting, language: str = "en", pdf: bool = False) -> str:
    tail = "record.pdf" if pdf else ""
    return f"/{language}/forums/{meeting.forum_id}/meetings/{meeting.pk}/{tail}"


@pytest.fixture
def record(frozen):
    """A KKSB's meeting held a month ago with its attendance, minutes approved
    at the next meeting, a recommendation and action items, a security
    report; the next meeting's minutes are still a draft."""
    forum = make_forum(ForumKind.KKSB, name="Prizren")
    keeper = secretary_of(forum)
    chair = member(forum, "Arben Krasniqi", role="chair")
    shy = member(forum, "Vjosa Hoxha", name_is_public=False)
    meeting = held(forum, keeper, days_ago=30, title="March council meeting")
    services.attendance_record(
        meeting=meeting,
        members_present=[chair, shy],
        citizens={
            "total": 12,
            "gender": {"female": 5, "male": 7},
            "community": {"albanian": 9, "turkish": 3},
            "age_band": {"under_25": 4, "25_64": 8},
        },
        by=keeper,
    )
    minutes = services.minutes_draft(
        meeting=meeting,
        text="Residents asked for lights on the school road.",
        by=keeper,
    )
    recommendation = services.recommendation_add(
        meeting=meeting, text="Light the school road before winter.", by=keeper
    )
    late = services.action_item_create(
        forum=forum,
        recommendation=recommendation,
        title="Two street lights on Rruga e Shkollës",
        owner="Municipality of Prizren",
        deadline=clock.today() + DAY,
        by=keeper,
    )
    ActionItem.objects.filter(pk=late.pk).update(deadline=clock.today() - 3 * DAY)
    services.action_item_create(
        forum=forum,
        meeting=meeting,
        title="Morning patrols at the school gate",
        owner="Police station Prizren",
        by=keeper,
    )
    services.security_report_file(
        meeting=meeting,
        text="Confidential: two suspects watched.",
        by=user("commander"),
    )
    following = held(forum, keeper, days_ago=1, title="April council meeting")
    services.minutes_approve(minutes=minutes, at_meeting=following, by=keeper)
    services.minutes_draft(
        meeting=following, text="Draft words nobody approved.", by=keeper
    )
    return meeting, following


def test_the_public_sees_a_meetings_record(client, record):
    meeting, following = record
    response = client.get(url(meeting))
    assert response.status_code == 200
    page = response.content.decode()
    for text in [
        "March council meeting",
        "Community hall, Arbana",
        "Speeding near the school",
        "Street lighting",
        "Residents asked for lights on the school road.",
        "Version 1, approved on",
        "at the meeting “April council meeting”",
        "Light the school road before winter.",
        "Two street lights on Rruga e Shkollës",
        "Municipality of Prizren",
        "Morning patrols at the school gate",
        f'href="/en/forums/{meeting.forum_id}/meetings/{meeting.pk}/record.pdf"',
    ]:
        assert text in page, text
    assert page.count("data-overdue") == 1
    attendance = page[page.index("data-attendance") : page.index("data-minutes")]
    assert "data-members-present>\n        2" in attendance
    assert "data-citizens-total>\n        12" in attendance


def test_names_of_members_present_and_the_security_report_stay_private(client, record):
    meeting, _following = record
    page = client.get(url(meeting)).content.decode()
    assert "Arben Krasniqi" not in page
    assert "Vjosa Hoxha" not in page
    assert "Drita Berisha" not in page  # the secretary
    assert "t-secretary" not in page
    assert "Confidential: two suspects watched." not in page


def test_draft_minutes_are_never_public(client, record):
    _meeting, following = record
    page = client.get(url(following)).content.decode()
    assert "Draft words nobody approved." not in page
    assert "The minutes are not approved yet." in page


def test_a_correction_is_public_once_approved_and_the_earlier_version_stays_listed(
    client,
    record,
    frozen,
):
    meeting, following = record
    keeper = user("t-secretary")
    minutes = meeting.minutes.get()
    services.minutes_correct(
        minutes=minutes,
        text="Residents of Arbana asked for lights on the school road.",
        correction_note="Names the village.",
        by=keeper,
    )
    page = client.get(url(meeting)).content.decode()
    assert "Residents asked for lights on the school road." in page
    assert "Residents of Arbana asked" not in page
    later = services.meeting_mark_held(
        meeting=schedule(meeting.forum, keeper, starts_in=-HOUR, title="May meeting"),
        by=keeper,
    )
    services.minutes_approve(
        minutes=meeting.minutes.get(version=2), at_meeting=later, by=keeper
    )
    page = client.get(url(meeting)).content.decode()
    assert "Residents of Arbana asked for lights on the school road." in page
    assert "What the correction changes: Names the village." in page
    assert "Earlier approved versions" in page
    assert 'data-minutes-version="2"' in page


def test_a_cancelled_meeting_says_why(client, frozen):
    forum = make_forum()
    keeper = secretary_of(forum)
    meeting = schedule(forum, keeper)
    services.meeting_cancel(meeting=meeting, reason="The hall is flooded.", by=keeper)
    page = client.get(url(meeting)).content.decode()
    assert "This meeting is cancelled." in page
    assert "The hall is flooded." in page


def test_a_meeting_closed_to_the_public_is_not_found(client, frozen):
    forum = make_forum()
    meeting = schedule(forum, secretary_of(forum), is_public=False)
    for address in (url(meeting), url(meeting, pdf=True)):
        response = client.get(address)
        assert response.status_code == 404
        assert "No public meeting of this forum has this number." in (
            response.content.decode()
        )


@pytest.mark.parametrize(
    "status",
    [ForumStatus.REQUESTED, ForumStatus.AWAITING_APPROVAL, ForumStatus.REJECTED],
)
def test_meetings_of_a_forum_that_is_not_public_are_not_found(
    client,
    frozen,
    status,
):
    forum = make_forum()
    meeting = schedule(forum, secretary_of(forum))
    forum.status = status
    forum.save(update_fields=["status"])
    assert client.get(url(meeting)).status_code == 404
    assert client.get(url(meeting, pdf=True)).status_code == 404


def test_a_meeting_is_found_only_under_its_own_forum(client, frozen):
    forum = make_forum()
    meeting = schedule(forum, secretary_of(forum))
    other = make_forum(name="Ortakoll")
    assert (
        client.get(f"/en/forums/{other.pk}/meetings/{meeting.pk}/").status_code == 404
    )
    assert client.get(f"/en/forums/{forum.pk}/meetings/999999/").status_code == 404


def test_the_meeting_page_accepts_only_reading(client, frozen):
    forum = make_forum()
    meeting = schedule(forum, secretary_of(forum))
    assert client.post(url(meeting)).status_code == 405
    assert client.post(url(meeting, pdf=True)).status_code == 405


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_meeting_page_speaks_each_language(client, record, language):
    meeting, _following = record
    response = client.get(url(meeting, language))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    with translation.override(language):
        assert meeting.forum.name in page
        assert translation.gettext("Find your sector") in page
    assert (
        f"/{language}/forums/{meeting.forum_id}/meetings/{meeting.pk}/record.pdf"
        in page
    )


def test_the_record_downloads_as_a_pdf_never_cached(client, record):
    meeting, _following = record
    day = timezone.localdate(meeting.starts_at).isoformat()
    response = client.get(url(meeting, "sq", pdf=True))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="kksb-meeting-{day}-{meeting.pk}.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF-")
