"""A forum's record through its services: meetings and their calendar
entries, attendance, minutes (immutable once approved), recommendations,
action items, a KKSB's work plan and security reports.

The helpers at the top are shared by the other meeting tests.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError

from bashkesia.accounts.models import Role, RoleGrant
from bashkesia.accounts.services import user_create
from bashkesia.core import clock
from bashkesia.partnership.models import (
    ActionItem,
    Event,
    Forum,
    ForumKind,
    ForumStatus,
    Meeting,
    MemberRole,
    Membership,
    Minutes,
    WorkPlan,
)
from bashkesia.partnership.services import meetings as services
from bashkesia.territory.models import Sector, Station

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


# Shared helpers


@pytest.fixture(name="frozen")
def frozen_fixture(monkeypatch):
    """Stop the clock at a whole second; ``frozen(delta)`` moves it on."""
    moment = {"now": clock.now().replace(microsecond=0)}
    monkeypatch.setattr(clock, "now", lambda: moment["now"])

    def move(delta: datetime.timedelta = datetime.timedelta(0)) -> datetime.datetime:
        moment["now"] = moment["now"] + delta
        return moment["now"]

    return move


def make_forum(
    kind: str = ForumKind.KLSP,
    *,
    name: str = "Arbana",
    status: str = ForumStatus.ACTIVE,
    sectors: tuple[str, ...] = ("PRZ-01",),
) -> Forum:
    """Return a forum of station PRZ covering ``sectors``."""
    station = Station.objects.select_related("municipality").get(code="PRZ")
    label = {ForumKind.KLSP: "KLSP", ForumKind.KKSB: "KKSB", ForumKind.EVSB: "EVSB"}
    forum = Forum.objects.create(
        kind=kind,
        status=status,
        name_sq=f"{label[kind]} {name}",
        name_sr_latn=f"{label[kind]} {name}",
        name_sr=f"{label[kind]} {name}",
        name_en=f"{label[kind]} {name}",
        municipality=station.municipality,
        station=station,
        notice_days=7,
    )
    forum.sectors.set(Sector.objects.filter(code__in=sectors))
    return forum


def member(
    forum: Forum,
    name: str,
    *,
    role: str = MemberRole.MEMBER,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    **fields,
) -> Membership:
    return Membership.objects.create(
        forum=forum,
        name=name,
        role=role,
        start_date=start or clock.today() - 400 * DAY,
        end_date=end,
        **fields,
    )


def secretary_of(forum: Forum, username: str = "t-secretary"):
    """Return a user who keeps the forum's record: the forum secretary role
    and the forum's current secretary seat."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        user = user_create(username=username, email=f"{username}@example.org")
        # Forum secretaries are appointed with the forums, not by role_grant.
        RoleGrant.objects.create(user=user, role=Role.FORUM_SECRETARY)
    member(forum, "Drita Berisha", role=MemberRole.SECRETARY, user=user)
    return user


def user(username: str):
    return get_user_model().objects.get(username=username)


def schedule(forum: Forum, by, *, starts_in=10 * DAY, **fields) -> Meeting:
    values = {
        "title": "Safety on the school road",
        "starts_at": clock.now() + starts_in,
        "place": "Community hall, Arbana",
        "agenda": "Speeding near the school\n\nStreet lighting\n",
        "is_public": True,
    }
    values.update(fields)
    meeting, _warning = services.meeting_schedule(forum=forum, by=by, **values)
    return meeting


def held(forum: Forum, by, *, days_ago: int, **fields) -> Meeting:
    """Return a meeting that started ``days_ago`` days ago, marked held."""
    meeting = schedule(forum, by, starts_in=-days_ago * DAY, **fields)
    return services.meeting_mark_held(meeting=meeting, by=by)


def refused(error: ValidationError) -> list[str]:
    return error.value.message_dict[NON_FIELD_ERRORS]


def errors(error) -> dict[str, list[str]]:
    return error.value.message_dict


@pytest.fixture
def forum(db):
    return make_forum()


@pytest.fixture
def secretary(forum):
    return secretary_of(forum)


@pytest.fixture
def kksb(db):
    return make_forum(ForumKind.KKSB, name="Prizren", sectors=("PRZ-01", "PRZ-02"))


# Scheduling and the calendar


def test_a_public_meeting_is_announced_now_and_enters_the_calendar(
    forum, secretary, frozen
):
    now = frozen()
    meeting, warning = services.meeting_schedule(
        forum=forum,
        title="Safety on the school road",
        starts_at=now + 10 * DAY,
        ends_at=now + 10 * DAY + 2 * HOUR,
        place="Community hall, Arbana",
        agenda="Speeding near the school\n\n  Street lighting  \n",
        is_public=True,
        by=secretary,
    )
    assert warning is None
    assert meeting.status == Meeting.Status.SCHEDULED
    assert meeting.notice_given_at == now
    assert meeting.agenda_items == ["Speeding near the school", "Street lighting"]
    event = Event.objects.get(meeting=meeting)
    assert event.kind == Event.Kind.FORUM_MEETING
    assert event.forum == forum
    assert event.municipality == forum.municipality
    assert event.sector.code == "PRZ-01"
    assert event.title == "Safety on the school road"
    assert (event.starts_at, event.ends_at) == (meeting.starts_at, meeting.ends_at)
    assert event.place == "Community hall, Arbana"
    assert event.description == "Speeding near the school\nStreet lighting"
    assert (event.is_cancelled, event.sequence) == (False, 0)
    assert event.created_by == secretary


def test_a_forum_of_several_sectors_puts_its_meetings_in_no_sector(kksb, frozen):
    meeting = schedule(kksb, user("directorate"))
    event = Event.objects.get(meeting=meeting)
    assert event.sector is None
    assert event.municipality == kksb.municipality


def test_a_closed_meeting_gives_no_notice_and_stays_out_of_the_calendar(
    forum, secretary, frozen
):
    meeting, warning = services.meeting_schedule(
        forum=forum,
        title="Closed session",
        starts_at=clock.now() + DAY,
        place="Police station",
        is_public=False,
        by=secretary,
    )
    assert warning is None
    assert meeting.notice_given_at is None
    assert not Event.objects.filter(meeting=meeting).exists()


@pytest.mark.parametrize(
    ("starts_in", "warning"),
    [
        (
            3 * DAY + 5 * HOUR,
            "Public notice is given 3 days ahead; this forum's rule is 7 days.",
        ),
        (
            DAY + HOUR,
            "Public notice is given 1 day ahead; this forum's rule is 7 days.",
        ),
        (
            2 * HOUR,
            "Public notice is given 0 days ahead; this forum's rule is 7 days.",
        ),
        (
            -HOUR,
            "This meeting has already started: the public had no notice ahead of "
            "it (this forum's rule is 7 days).",
        ),
        (7 * DAY, None),
    ],
)
def test_notice_later_than_the_forums_rule_is_a_warning_not_a_refusal(
    forum, secretary, frozen, starts_in, warning
):
    meeting, given = services.meeting_schedule(
        forum=forum,
        title="Short notice",
        starts_at=frozen() + starts_in,
        place="Hall",
        by=secretary,
    )
    assert given == warning
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_moving_a_public_meeting_warns_again_and_bumps_the_calendar_entry(
    forum, secretary, frozen
):
    meeting = schedule(forum, secretary, starts_in=10 * DAY)
    frozen(HOUR)
    meeting, warning = services.meeting_update(
        meeting=meeting,
        title="Safety on the school road",
        starts_at=clock.now() + 2 * DAY,
        place="Community hall, Arbana",
        agenda="Speeding near the school",
        is_public=True,
        by=secretary,
    )
    assert (
        warning == "Public notice is given 2 days ahead; this forum's rule is 7 days."
    )
    assert meeting.notice_given_at == clock.now()
    event = Event.objects.get(meeting=meeting)
    assert event.starts_at == clock.now() + 2 * DAY
    assert event.description == "Speeding near the school"
    assert event.sequence == 1


def test_an_update_that_changes_nothing_leaves_the_calendar_entry_alone(
    forum, secretary, frozen
):
    meeting = schedule(forum, secretary)
    _meeting, warning = services.meeting_update(
        meeting=meeting,
        title=meeting.title,
        starts_at=meeting.starts_at,
        place=meeting.place,
        agenda=meeting.agenda,
        is_public=True,
        by=secretary,
    )
    assert warning is None
    assert Event.objects.get(meeting=meeting).sequence == 0


def test_a_meeting_closed_to_the_public_leaves_the_calendar_and_may_return(
    forum, secretary, frozen
):
    meeting = schedule(forum, secretary)
    values = {
        "title": meeting.title,
        "starts_at": meeting.starts_at,
        "place": meeting.place,
        "agenda": meeting.agenda,
    }
    meeting, _ = services.meeting_update(
        meeting=meeting, is_public=False, by=secretary, **values
    )
    assert meeting.notice_given_at is None
    assert not Event.objects.filter(meeting=meeting).exists()
    meeting, warning = services.meeting_update(
        meeting=meeting, is_public=True, by=secretary, **values
    )
    assert warning is None  # still ten days ahead
    assert Event.objects.get(meeting=meeting).sequence == 0


def test_cancelling_marks_the_calendar_entry_cancelled(forum, secretary, frozen):
    meeting = schedule(forum, secretary)
    meeting = services.meeting_cancel(
        meeting=meeting, reason="  The hall is flooded.  ", by=secretary
    )
    assert meeting.status == Meeting.Status.CANCELLED
    assert meeting.cancelled_reason == "The hall is flooded."
    event = Event.objects.get(meeting=meeting)
    assert (event.is_cancelled, event.sequence) == (True, 1)


def test_a_cancellation_needs_a_reason_and_happens_once(forum, secretary, frozen):
    meeting = schedule(forum, secretary)
    with pytest.raises(ValidationError) as error:
        services.meeting_cancel(meeting=meeting, reason="  ", by=secretary)
    assert errors(error) == {"reason": ["Say why the meeting is cancelled."]}
    services.meeting_cancel(meeting=meeting, reason="Flooded.", by=secretary)
    with pytest.raises(ValidationError) as error:
        services.meeting_cancel(meeting=meeting, reason="Again.", by=secretary)
    assert refused(error) == ["The meeting is already cancelled."]
    with pytest.raises(ValidationError) as error:
        services.meeting_update(
            meeting=meeting,
            title="New",
            starts_at=meeting.starts_at,
            place="Hall",
            by=secretary,
        )
    assert refused(error) == ["A cancelled meeting cannot be changed."]
    with pytest.raises(ValidationError) as error:
        services.meeting_mark_held(meeting=meeting, by=secretary)
    assert refused(error) == ["A cancelled meeting cannot be marked as held."]


def test_a_meeting_that_was_held_cannot_be_cancelled(forum, secretary, frozen):
    meeting = held(forum, secretary, days_ago=1)
    with pytest.raises(ValidationError) as error:
        services.meeting_cancel(meeting=meeting, reason="Too late.", by=secretary)
    assert refused(error) == ["A meeting that was held cannot be cancelled."]


def test_a_meeting_is_marked_held_only_once_it_has_started(forum, secretary, frozen):
    meeting = schedule(forum, secretary, starts_in=2 * HOUR)
    with pytest.raises(ValidationError) as error:
        services.meeting_mark_held(meeting=meeting, by=secretary)
    assert refused(error) == ["A meeting cannot be marked as held before it starts."]
    frozen(2 * HOUR)
    meeting = services.meeting_mark_held(meeting=meeting, by=secretary)
    assert meeting.status == Meeting.Status.HELD
    with pytest.raises(ValidationError) as error:
        services.meeting_mark_held(meeting=meeting, by=secretary)
    assert refused(error) == ["The meeting is already marked as held."]


def test_a_meeting_that_was_held_cannot_move_into_the_future(forum, secretary, frozen):
    meeting = held(forum, secretary, days_ago=1)
    with pytest.raises(ValidationError) as error:
        services.meeting_update(
            meeting=meeting,
            title=meeting.title,
            starts_at=clock.now() + DAY,
            place=meeting.place,
            by=secretary,
        )
    assert errors(error) == {
        "starts_at": ["The meeting was held: it cannot start in the future."]
    }


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"title": "  "}, {"title": ["Give the meeting a title."]}),
        (
            {"place": "", "online_link": ""},
            {"place": ["Say where the meeting is held, or give an online link."]},
        ),
        (
            {"ends_at": "before"},
            {"ends_at": ["The meeting cannot end before it starts."]},
        ),
        (
            {"place": "", "online_link": "not a link"},
            {"online_link": ["Enter a valid URL."]},
        ),
        (
            {"title": "x" * 201},
            {"title": ["Write at most 200 characters (this has 201)."]},
        ),
    ],
)
def test_a_meeting_needs_a_title_a_place_and_its_times_in_order(
    forum, secretary, frozen, fields, expected
):
    if fields.get("ends_at") == "before":
        fields["ends_at"] = clock.now() + 9 * DAY
    with pytest.raises(ValidationError) as error:
        schedule(forum, secretary, **fields)
    assert errors(error) == expected
    assert not forum.meetings.exists()


def test_an_online_meeting_needs_no_place(forum, secretary, frozen):
    meeting = schedule(
        forum, secretary, place="", online_link="https://meet.example.org/k"
    )
    assert (
        Event.objects.get(meeting=meeting).online_link == "https://meet.example.org/k"
    )


@pytest.mark.parametrize(
    "status",
    [ForumStatus.REQUESTED, ForumStatus.AWAITING_APPROVAL, ForumStatus.DISSOLVED],
)
def test_only_an_active_forum_holds_meetings(secretary, forum, frozen, status):
    Forum.objects.filter(pk=forum.pk).update(status=status)
    forum.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        schedule(forum, secretary)
    assert refused(error) == ["Only an active forum holds meetings."]


@pytest.mark.parametrize(
    "username", ["commander", "coordinator", "officer", "director"]
)
def test_only_who_keeps_the_record_schedules_meetings(forum, frozen, username):
    with pytest.raises(PermissionDenied) as error:
        schedule(forum, user(username))
    assert str(error.value) == "You do not keep the record of this forum."


def test_the_secretary_of_another_forum_keeps_not_this_one(forum, frozen):
    other = make_forum(name="Ortakoll")
    stranger = secretary_of(other, "t-other-secretary")
    with pytest.raises(PermissionDenied):
        schedule(forum, stranger)


def test_a_secretary_whose_seat_ended_keeps_the_record_no_more(forum, frozen):
    keeper = secretary_of(forum)
    Membership.objects.filter(user=keeper).update(end_date=clock.today() - DAY)
    keeper = user("t-secretary")  # a fresh object: the permissions memoise
    with pytest.raises(PermissionDenied):
        schedule(forum, keeper)


def test_directorate_staff_keep_any_forums_record(forum, frozen):
    assert schedule(forum, user("directorate")).created_by.username == "directorate"


# Attendance


def test_attendance_records_the_members_present_and_the_citizens_counted(
    forum, secretary, frozen
):
    meeting = held(forum, secretary, days_ago=1)
    chair = member(forum, "Arben Krasniqi", role=MemberRole.CHAIR)
    youth = member(forum, "Elira Gashi")
    meeting = services.attendance_record(
        meeting=meeting,
        members_present=[chair, youth, chair],
        citizens={
            "total": 14,
            "gender": {"female": 6, "male": 7, "undisclosed": 0},
            "community": {"albanian": 10, "turkish": 3},
            "age_band": {"under_25": 4},
        },
        by=secretary,
    )
    assert set(meeting.members_present.all()) == {chair, youth}
    assert meeting.citizens == {
        "total": 14,
        "gender": {"female": 6, "male": 7},
        "community": {"albanian": 10, "turkish": 3},
        "age_band": {"under_25": 4},
    }


def test_only_seats_held_on_the_meetings_day_count_as_present(forum, secretary, frozen):
    meeting = held(forum, secretary, days_ago=10)
    day = clock.today()
    left = member(forum, "Left Early", end=day - 20 * DAY)
    joined = member(forum, "Joined Later", start=day - 5 * DAY)
    elsewhere = member(make_forum(name="Ortakoll"), "Other Forum")
    with pytest.raises(ValidationError) as error:
        services.attendance_record(
            meeting=meeting,
            members_present=[left, joined, elsewhere],
            citizens={},
            by=secretary,
        )
    assert errors(error) == {
        "members_present": [
            "Left Early was not a member of this forum on the day of the meeting.",
            "Joined Later was not a member of this forum on the day of the meeting.",
            "Other Forum was not a member of this forum on the day of the meeting.",
        ]
    }


@pytest.mark.parametrize(
    ("citizens", "message"),
    [
        ({"total": -1}, "The number of citizens must be a whole number, 0 or more."),
        ({"total": 2.5}, "The number of citizens must be a whole number, 0 or more."),
        ({"total": True}, "The number of citizens must be a whole number, 0 or more."),
        (
            {"total": 5, "gender": {"female": 4, "male": 2}},
            "The citizens counted by gender (6) are more than the total (5).",
        ),
        (
            {"total": 5, "age_band": {"under_25": 6}},
            "The citizens counted by age (6) are more than the total (5).",
        ),
        (
            {"total": 5, "community": {"albanian": -2}},
            "Each number of citizens by community must be a whole number, 0 or more.",
        ),
        (
            {"total": 5, "community": {"martian": 1}},
            "“martian” is not a group of citizens by community.",
        ),
        (
            {"total": 5, "gender": [1, 2]},
            "The citizens by gender must be counts by group.",
        ),
        ({"total": 5, "pets": {"dogs": 2}}, "Unknown groups of citizens: pets."),
    ],
)
def test_citizens_are_whole_counts_whose_breakdowns_fit_the_total(
    forum, secretary, frozen, citizens, message
):
    meeting = held(forum, secretary, days_ago=1)
    with pytest.raises(ValidationError) as error:
        services.attendance_record(
            meeting=meeting, members_present=[], citizens=citizens, by=secretary
        )
    assert errors(error) == {"citizens": [message]}
    meeting.refresh_from_db()
    assert meeting.citizens == {}


def test_attendance_waits_until_the_meeting_is_marked_held(forum, secretary, frozen):
    meeting = schedule(forum, secretary, starts_in=-HOUR)
    with pytest.raises(ValidationError) as error:
        services.attendance_record(
            meeting=meeting, members_present=[], citizens={"total": 3}, by=secretary
        )
    assert refused(error) == [
        "Record the attendance once the meeting is marked as held."
    ]


# Minutes


def test_minutes_are_drafted_for_a_meeting_that_was_held(forum, secretary, frozen):
    upcoming = schedule(forum, secretary)
    with pytest.raises(ValidationError) as error:
        services.minutes_draft(meeting=upcoming, text="Notes", by=secretary)
    assert refused(error) == ["Minutes are written for a meeting that was held."]
    meeting = held(forum, secretary, days_ago=3)
    with pytest.raises(ValidationError) as error:
        services.minutes_draft(meeting=meeting, text=" ", by=secretary)
    assert errors(error) == {"text": ["Write the minutes."]}


def test_the_secretary_rewrites_one_draft(forum, secretary, frozen):
    meeting = held(forum, secretary, days_ago=3)
    first = services.minutes_draft(meeting=meeting, text="First notes.", by=secretary)
    frozen(HOUR)
    again = services.minutes_draft(meeting=meeting, text="Better notes.", by=secretary)
    assert again.pk == first.pk
    assert (again.version, again.status, again.text) == (
        1,
        Minutes.Status.DRAFT,
        "Better notes.",
    )
    assert again.drafted_at == clock.now()
    assert Minutes.objects.filter(meeting=meeting).count() == 1


@pytest.fixture
def two_meetings(forum, secretary, frozen):
    """A meeting with draft minutes, and the next meeting that has started."""
    first = held(forum, secretary, days_ago=30, title="March meeting")
    minutes = services.minutes_draft(
        meeting=first, text="The council heard the residents.", by=secretary
    )
    second = schedule(forum, secretary, starts_in=-HOUR, title="April meeting")
    return first, second, minutes


def test_minutes_are_approved_at_the_next_meeting(two_meetings, secretary):
    first, second, minutes = two_meetings
    approved = services.minutes_approve(
        minutes=minutes, at_meeting=second, by=secretary
    )
    assert approved.status == Minutes.Status.APPROVED
    assert approved.approved_at == clock.now()
    assert approved.approved_at_meeting == second


def test_minutes_are_not_approved_at_their_own_or_an_earlier_meeting(
    two_meetings, forum, secretary
):
    first, second, minutes = two_meetings
    earlier = held(forum, secretary, days_ago=60, title="February meeting")
    for meeting in (first, earlier):
        with pytest.raises(ValidationError) as error:
            services.minutes_approve(minutes=minutes, at_meeting=meeting, by=secretary)
        assert refused(error) == [
            "Minutes are approved at a later meeting than the one they record."
        ]
    assert Minutes.objects.get(pk=minutes.pk).status == Minutes.Status.DRAFT


def test_minutes_are_approved_at_a_meeting_of_the_same_forum(two_meetings, secretary):
    _first, _second, minutes = two_meetings
    other = make_forum(name="Ortakoll")
    elsewhere = schedule(other, user("directorate"), starts_in=-HOUR)
    with pytest.raises(ValidationError) as error:
        services.minutes_approve(minutes=minutes, at_meeting=elsewhere, by=secretary)
    assert refused(error) == ["Minutes are approved at a meeting of the same forum."]


def test_minutes_wait_for_the_approving_meeting_to_start(
    two_meetings, forum, secretary
):
    _first, _second, minutes = two_meetings
    future = schedule(forum, secretary, starts_in=DAY)
    with pytest.raises(ValidationError) as error:
        services.minutes_approve(minutes=minutes, at_meeting=future, by=secretary)
    assert refused(error) == [
        "The meeting that approves the minutes has not started yet."
    ]


def test_a_cancelled_meeting_approves_no_minutes(two_meetings, secretary):
    _first, second, minutes = two_meetings
    # Cancelled before it could be marked held (it has started already).
    services.meeting_cancel(meeting=second, reason="No quorum.", by=secretary)
    second.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.minutes_approve(minutes=minutes, at_meeting=second, by=secretary)
    assert refused(error) == ["A cancelled meeting cannot approve minutes."]


def test_approved_minutes_never_change(two_meetings, secretary):
    first, second, minutes = two_meetings
    services.minutes_approve(minutes=minutes, at_meeting=second, by=secretary)
    with pytest.raises(ValidationError) as error:
        services.minutes_draft(meeting=first, text="Rewritten history.", by=secretary)
    assert refused(error) == [
        "The minutes of this meeting are approved and cannot change: write a "
        "correction instead."
    ]
    with pytest.raises(ValidationError) as error:
        services.minutes_approve(minutes=minutes, at_meeting=second, by=secretary)
    assert refused(error) == [
        "Version 1 of these minutes is approved: approved minutes cannot change."
    ]
    unchanged = Minutes.objects.get(pk=minutes.pk)
    assert unchanged.text == "The council heard the residents."
    assert unchanged.approved_at_meeting == second


def test_a_correction_is_a_new_version_approved_in_turn(
    two_meetings, forum, secretary, frozen
):
    first, second, minutes = two_meetings
    services.minutes_approve(minutes=minutes, at_meeting=second, by=secretary)
    correction = services.minutes_correct(
        minutes=minutes,
        text="The council heard the residents of Arbana.",
        correction_note="Names the village.",
        by=secretary,
    )
    assert (correction.version, correction.status) == (2, Minutes.Status.DRAFT)
    assert correction.correction_note == "Names the village."
    # The correction may be rewritten while it is a draft.
    correction = services.minutes_draft(
        meeting=first,
        text="The council heard the residents of Arbana, 20 of them.",
        by=secretary,
    )
    assert correction.version == 2
    with pytest.raises(ValidationError) as error:
        services.minutes_correct(
            minutes=minutes, text="Third.", correction_note="More.", by=secretary
        )
    assert refused(error) == [
        "A correction of these minutes is already a draft: change it instead."
    ]
    third = schedule(forum, secretary, starts_in=-HOUR / 2, title="May meeting")
    services.minutes_approve(minutes=correction, at_meeting=third, by=secretary)
    versions = list(Minutes.objects.filter(meeting=first).order_by("version"))
    assert [(m.version, m.status, m.approved_at_meeting) for m in versions] == [
        (1, Minutes.Status.APPROVED, second),
        (2, Minutes.Status.APPROVED, third),
    ]
    assert versions[0].text == "The council heard the residents."
    with pytest.raises(ValidationError) as error:
        services.minutes_correct(
            minutes=versions[0], text="Other.", correction_note="Old.", by=secretary
        )
    assert refused(error) == ["Correct the latest version of the minutes (version 2)."]


def test_draft_minutes_are_changed_not_corrected(two_meetings, secretary):
    _first, _second, minutes = two_meetings
    with pytest.raises(ValidationError) as error:
        services.minutes_correct(
            minutes=minutes, text="Other.", correction_note="Note.", by=secretary
        )
    assert refused(error) == [
        "Only approved minutes are corrected; change the draft instead."
    ]


def test_a_correction_says_what_it_changes_and_changes_something(
    two_meetings, secretary
):
    _first, second, minutes = two_meetings
    services.minutes_approve(minutes=minutes, at_meeting=second, by=secretary)
    with pytest.raises(ValidationError) as error:
        services.minutes_correct(
            minutes=minutes, text="", correction_note=" ", by=secretary
        )
    assert errors(error) == {
        "text": ["Write the minutes."],
        "correction_note": ["Say what the correction changes."],
    }
    with pytest.raises(ValidationError) as error:
        services.minutes_correct(
            minutes=minutes,
            text="The council heard the residents.",
            correction_note="Nothing.",
            by=secretary,
        )
    assert errors(error) == {
        "text": ["The corrected text is the same as the approved one."]
    }


def test_only_who_keeps_the_record_drafts_and_approves_minutes(two_meetings):
    first, second, minutes = two_meetings
    commander = user("commander")
    with pytest.raises(PermissionDenied):
        services.minutes_draft(meeting=first, text="Mine.", by=commander)
    with pytest.raises(PermissionDenied):
        services.minutes_approve(minutes=minutes, at_meeting=second, by=commander)


# Recommendations and action items


def test_recommendations_come_in_order_from_a_meeting_that_was_held(
    forum, secretary, frozen
):
    upcoming = schedule(forum, secretary)
    with pytest.raises(ValidationError) as error:
        services.recommendation_add(meeting=upcoming, text="Light it.", by=secretary)
    assert refused(error) == ["Recommendations come from a meeting that was held."]
    meeting = held(forum, secretary, days_ago=2)
    first = services.recommendation_add(
        meeting=meeting, text="Light the school road.", by=secretary
    )
    second = services.recommendation_add(
        meeting=meeting, text="Patrol at 8:00.", by=secretary
    )
    assert (first.order, second.order) == (0, 1)
    with pytest.raises(ValidationError) as error:
        services.recommendation_add(meeting=meeting, text="", by=secretary)
    assert errors(error) == {"text": ["Write the recommendation."]}


def test_an_action_item_on_a_recommendation_belongs_to_its_meeting(
    forum, secretary, frozen
):
    meeting = held(forum, secretary, days_ago=2)
    recommendation = services.recommendation_add(
        meeting=meeting, text="Light the school road.", by=secretary
    )
    item = services.action_item_create(
        forum=forum,
        recommendation=recommendation,
        title="Ask the municipality for two street lights",
        owner="Municipal representative",
        deadline=clock.today() + 30 * DAY,
        by=secretary,
    )
    assert item.meeting == meeting
    assert (item.status, item.closed_on) == (ActionItem.Status.OPEN, None)
    assert not item.is_overdue(clock.today())
    assert item.is_overdue(clock.today() + 31 * DAY)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"title": "", "owner": ""},
            {"title": ["Say what is to be done."], "owner": ["Say who does it."]},
        ),
        (
            {"deadline": "yesterday"},
            {"deadline": ["The deadline cannot be in the past."]},
        ),
    ],
)
def test_an_action_item_says_what_who_and_a_deadline_to_come(
    forum, secretary, frozen, fields, expected
):
    values = {"title": "Lights", "owner": "Municipality"}
    values.update(fields)
    if values.get("deadline") == "yesterday":
        values["deadline"] = clock.today() - DAY
    with pytest.raises(ValidationError) as error:
        services.action_item_create(forum=forum, by=secretary, **values)
    assert errors(error) == expected


def test_an_action_item_comes_from_a_meeting_of_its_forum(forum, secretary, frozen):
    other = make_forum(name="Ortakoll")
    elsewhere = held(other, user("directorate"), days_ago=1)
    with pytest.raises(ValidationError) as error:
        services.action_item_create(
            forum=forum, meeting=elsewhere, title="X", owner="Y", by=secretary
        )
    assert refused(error) == ["The meeting is not one of this forum's."]
    upcoming = schedule(forum, secretary)
    with pytest.raises(ValidationError) as error:
        services.action_item_create(
            forum=forum, meeting=upcoming, title="X", owner="Y", by=secretary
        )
    assert refused(error) == ["Action items are agreed at a meeting that was held."]


def test_following_an_action_item_through_to_done_and_reopening_it(
    forum, secretary, frozen
):
    item = services.action_item_create(
        forum=forum, title="Lights", owner="Municipality", by=secretary
    )
    services.action_item_update(
        item=item, text="Asked the municipality.", status="in_progress", by=secretary
    )
    with pytest.raises(ValidationError) as error:
        services.action_item_update(item=item, text="Hm.", status="open", by=secretary)
    assert errors(error) == {
        "status": ["An action item in progress cannot go back to open."]
    }
    update = services.action_item_update(
        item=item, text="Two lights installed.", status="done", by=secretary
    )
    item.refresh_from_db()
    assert (item.status, item.closed_on) == (ActionItem.Status.DONE, clock.today())
    assert (update.status, update.text, update.by, update.at) == (
        "done",
        "Two lights installed.",
        secretary,
        clock.now(),
    )
    with pytest.raises(ValidationError) as error:
        services.action_item_update(
            item=item, text="Again.", status="open", by=secretary
        )
    assert errors(error) == {
        "status": ["A closed action item is reopened as in progress."]
    }
    services.action_item_update(
        item=item, text="One light broke.", status="in_progress", by=secretary
    )
    item.refresh_from_db()
    assert (item.status, item.closed_on) == (ActionItem.Status.IN_PROGRESS, None)
    assert [u.status for u in item.updates.all()] == [
        "in_progress",
        "done",
        "in_progress",
    ]
    with pytest.raises(ValidationError) as error:
        services.action_item_update(item=item, text="", status="bogus", by=secretary)
    assert errors(error) == {
        "text": ["Say what happened."],
        "status": ["Choose a status."],
    }


# A KKSB's work plan and security reports


def test_a_kksb_adopts_one_work_plan_a_year(kksb, frozen):
    keeper = secretary_of(kksb)
    year = clock.today().year
    plan = services.work_plan_create(forum=kksb, year=year, by=keeper)
    with pytest.raises(ValidationError) as error:
        services.work_plan_create(forum=kksb, year=year, by=keeper)
    assert errors(error) == {
        "year": [f"This forum already has a work plan for {year}."]
    }
    with pytest.raises(ValidationError) as error:
        services.work_plan_create(forum=kksb, year=year + 5, by=keeper)
    assert errors(error) == {
        "year": ["A work plan is made for last year, this year or next year."]
    }
    with pytest.raises(ValidationError) as error:
        services.work_plan_adopt(
            work_plan=plan,
            assembly_reference="",
            adopted_on=clock.today() + DAY,
            by=keeper,
        )
    assert errors(error) == {
        "assembly_reference": ["Give the reference of the assembly's decision."],
        "adopted_on": ["The assembly cannot have adopted it in the future."],
        NON_FIELD_ERRORS: ["Add the plan's items before it is adopted."],
    }
    item = services.action_item_create(
        forum=kksb,
        work_plan=plan,
        title="Safety walk in every neighbourhood",
        owner="KKSB secretariat",
        deadline=clock.today() + 60 * DAY,
        by=keeper,
    )
    plan = services.work_plan_adopt(
        work_plan=plan,
        assembly_reference="01-016/24",
        adopted_on=clock.today(),
        by=keeper,
    )
    assert (plan.assembly_reference, plan.adopted_on) == ("01-016/24", clock.today())
    assert list(plan.items.all()) == [item]
    with pytest.raises(ValidationError) as error:
        services.action_item_create(
            forum=kksb, work_plan=plan, title="Late", owner="Someone", by=keeper
        )
    assert refused(error) == [
        "The work plan is adopted by the assembly: its items are fixed."
    ]
    with pytest.raises(ValidationError) as error:
        services.work_plan_adopt(
            work_plan=plan, assembly_reference="02", adopted_on=clock.today(), by=keeper
        )
    assert refused(error) == ["This work plan is already adopted."]


def test_only_a_kksb_has_a_work_plan(forum, secretary, frozen):
    with pytest.raises(ValidationError) as error:
        services.work_plan_create(forum=forum, year=clock.today().year, by=secretary)
    assert refused(error) == ["Only a KKSB has an annual work plan."]
    assert not WorkPlan.objects.filter(forum=forum).exists()


def test_the_station_commander_reports_on_security_to_a_kksb_meeting(kksb, frozen):
    keeper = secretary_of(kksb)
    meeting = schedule(kksb, keeper, starts_in=3 * DAY)
    commander = user("commander")
    meeting = services.security_report_file(
        meeting=meeting, text="Burglaries fell by a third in March.", by=commander
    )
    assert meeting.security_report == "Burglaries fell by a third in March."
    assert meeting.security_report_by == commander
    with pytest.raises(PermissionDenied) as error:
        services.security_report_file(meeting=meeting, text="Mine.", by=keeper)
    assert str(error.value) == (
        "Only the commander of this forum's station files its security report."
    )
    with pytest.raises(ValidationError) as error:
        services.security_report_file(meeting=meeting, text=" ", by=commander)
    assert errors(error) == {"text": ["Write the security report."]}
    services.meeting_cancel(meeting=meeting, reason="Moved.", by=keeper)
    with pytest.raises(ValidationError) as error:
        services.security_report_file(meeting=meeting, text="Late.", by=commander)
    assert refused(error) == ["A cancelled meeting hears no security report."]


def test_security_reports_are_for_kksb_meetings_only(forum, secretary, frozen):
    meeting = schedule(forum, secretary)
    with pytest.raises(ValidationError) as error:
        services.security_report_file(
            meeting=meeting, text="Report.", by=user("commander")
        )
    assert refused(error) == ["Security reports are filed for KKSB meetings only."]
