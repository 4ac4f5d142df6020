"""The demo's partnership data: forums across the country, a year of their
meetings, sector priorities, problems and community events.

The suite's demo data (conftest) is the territory, officers and sign-ins; this
module adds the partnership demo once (it takes a couple of seconds) and
removes it when done, so that no other test sees it.
"""

import collections
import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q
from django.utils import timezone

from bashkesia.accounts import permissions
from bashkesia.accounts.models import Role
from bashkesia.concerns.models import Concern
from bashkesia.core import clock
from bashkesia.demo.accounts import demo_accounts_ensure
from bashkesia.demo.concerns import demo_concerns_load
from bashkesia.demo.partnership import PartnershipSummary, demo_partnership_load
from bashkesia.officers.models import Officer
from bashkesia.partnership.models import (
    ActionItem,
    ActionItemUpdate,
    AgeBand,
    Community,
    Event,
    Forum,
    ForumKind,
    ForumRequest,
    ForumStatus,
    ForumStep,
    Gender,
    Meeting,
    MemberRole,
    Membership,
    Minutes,
    Problem,
    ProblemAction,
    Recommendation,
    SectorPriority,
    WorkPlan,
)
from bashkesia.territory.models import Municipality, Sector, Station

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(r"^01-\d{3}/\d{4}$")


def _remove_demo_partnership() -> None:
    Event.objects.filter(is_demo=True).delete()
    SectorPriority.objects.filter(is_demo=True).delete()
    Problem.objects.filter(is_demo=True).delete()
    # Approved minutes protect the meeting that approved them.
    Minutes.objects.filter(meeting__forum__is_demo=True).delete()
    Forum.objects.filter(is_demo=True).delete()


@pytest.fixture(scope="module")
def summary(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        loaded = demo_partnership_load()
    yield loaded
    with django_db_blocker.unblock():
        _remove_demo_partnership()


def _current(queryset):
    today = clock.today()
    return queryset.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today), start_date__lte=today
    )


def test_every_municipality_has_one_kksb_chaired_by_its_mayor_or_deputy(summary):
    kksbs = Forum.objects.filter(kind=ForumKind.KKSB, is_demo=True)
    assert summary.kksb == 38
    assert kksbs.count() == 38
    assert set(kksbs.values_list("municipality", flat=True)) == set(
        Municipality.objects.values_list("pk", flat=True)
    )
    for forum in kksbs.select_related("municipality", "station"):
        code = forum.municipality.code
        assert forum.status == ForumStatus.ACTIVE, code
        assert forum.origin == Forum.Origin.DIRECTORATE, code
        assert 2013 <= forum.established_on.year <= 2016, code
        assert forum.station.kind == Station.Kind.STATION, code
        assert forum.station.municipality_id == forum.municipality_id, code
        assert set(forum.sectors.values_list("pk", flat=True)) == set(
            Sector.objects.filter(municipality=forum.municipality).values_list(
                "pk", flat=True
            )
        ), code
        assert forum.purpose and forum.name_sr and forum.name_en, code
        seats = list(_current(forum.memberships.all()))
        assert 8 <= len(seats) <= 14, code
        (chair,) = [s for s in seats if s.role == MemberRole.CHAIR]
        assert chair.organisation.startswith(("Komuna e", "Opština")), code
        assert re.search("kryetar|predsedni", chair.organisation), code
        assert any(s.role == MemberRole.SECRETARY for s in seats), code
        assert all(REFERENCE.match(s.appointment_reference) for s in seats), code
        commander = Officer.objects.get(
            role=Role.STATION_COMMANDER, station=forum.station
        )
        assert commander.pk in [s.officer_id for s in seats], code


def test_kksb_names_follow_the_language_of_the_municipality(summary):
    prizren = Forum.objects.get(
        kind=ForumKind.KKSB, is_demo=True, municipality__code="PRZ"
    )
    assert prizren.name_sq == "Këshilli Komunal për Siguri në Bashkësi – Prizren"
    assert prizren.name_sr_latn == "Opštinski savet za bezbednost u zajednici – Prizren"
    assert prizren.name_sr == "Општински савет за безбедност у заједници – Призрен"
    assert prizren.name_en == "Prizren Municipal Community Safety Council"
    assert "komunën e Prizrenit" in prizren.purpose
    gracanica = Forum.objects.get(
        kind=ForumKind.KKSB, is_demo=True, municipality__code="GRA"
    )
    assert gracanica.purpose.startswith("Savet okuplja opštinu")
    assert gracanica.memberships.get(role=MemberRole.CHAIR).organisation.startswith(
        "Opština Gračanica"
    )


def test_about_forty_klsps_in_every_state_of_their_approval(summary):
    klsps = Forum.objects.filter(kind=ForumKind.KLSP, is_demo=True)
    assert summary.klsp == klsps.count()
    assert 38 <= klsps.count() <= 44
    states = collections.Counter(klsps.values_list("status", flat=True))
    assert states[ForumStatus.REQUESTED] == 2
    assert states[ForumStatus.AWAITING_APPROVAL] == 2
    assert states[ForumStatus.REJECTED] == 1
    assert states[ForumStatus.DISSOLVED] == 1
    assert states[ForumStatus.ACTIVE] == klsps.count() - 6
    for forum in klsps.prefetch_related("settlements", "sectors", "steps"):
        steps = [step.action for step in forum.steps.all()]
        assert steps[0] == (
            ForumStep.Action.REQUESTED
            if forum.origin == Forum.Origin.CITIZENS
            else ForumStep.Action.PROPOSED
        ), forum.name_sq
        times = [step.at for step in forum.steps.all()]
        assert times == sorted(times) and times[-1] < clock.now(), forum.name_sq
        sectors = list(forum.sectors.all())
        assert len(sectors) == 1 and forum.station_id == sectors[0].station_id
        for settlement in forum.settlements.all():
            assert settlement.municipality_id == forum.municipality_id
            assert settlement.sector_id == sectors[0].pk
        if forum.status in (ForumStatus.ACTIVE, ForumStatus.DISSOLVED):
            assert steps[-2:] in (
                [ForumStep.Action.APPROVED, ForumStep.Action.ESTABLISHED],
                [ForumStep.Action.ESTABLISHED, ForumStep.Action.DISSOLVED],
            ), forum.name_sq
            assert forum.established_on is not None
            assert 6 <= _current(forum.memberships.all()).count() <= 12 or (
                forum.status == ForumStatus.DISSOLVED
            )
        else:
            assert forum.established_on is None
            assert not forum.memberships.exists()
    dissolved = klsps.get(status=ForumStatus.DISSOLVED)
    assert dissolved.dissolved_on < clock.today()
    assert dissolved.status_reason.startswith("Komiteti nuk është mbledhur që nga")
    assert not _current(dissolved.memberships.all()).exists()
    rejected = klsps.get(status=ForumStatus.REJECTED)
    assert rejected.steps.last().action == ForumStep.Action.STATION_REJECTED
    assert rejected.steps.last().reason == rejected.status_reason != ""


def test_citizens_requests_carry_their_requesters_and_a_contact(summary):
    requests = ForumRequest.objects.filter(forum__is_demo=True)
    assert (
        requests.count()
        == Forum.objects.filter(is_demo=True, origin=Forum.Origin.CITIZENS).count()
    )
    assert requests.count() >= 10
    for request in requests:
        assert 3 <= len(request.requester_names) <= 7
        assert request.contact_name == request.requester_names[0]
        assert request.contact_email.endswith("@example.org")
        assert re.fullmatch(
            r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", request.tracking_code
        )
    proposals = Forum.objects.filter(
        is_demo=True, kind=ForumKind.KLSP, origin=Forum.Origin.STATION
    )
    assert all(forum.security_analysis for forum in proposals)


def test_about_thirty_evsbs_run_as_projects(summary):
    evsbs = Forum.objects.filter(kind=ForumKind.EVSB, is_demo=True)
    assert evsbs.count() == summary.evsb == 30
    finished = 0
    for forum in evsbs:
        assert forum.goal and forum.partners, forum.name_sq
        assert forum.starts_on < forum.ends_on, forum.name_sq
        assert forum.name_sq.startswith("EVSB ")
        assert forum.name_sr_latn.startswith("ATBZ ")
        assert 5 <= forum.memberships.count() <= 9, forum.name_sq
        if forum.ends_on < clock.today():
            finished += 1
            assert forum.outcome, forum.name_sq
        else:
            assert forum.outcome == "", forum.name_sq
    assert 3 <= finished <= 27
    assert evsbs.filter(municipality__code="PRZ").exists()


def test_members_are_a_believable_mix(summary):
    seats = _current(
        Membership.objects.filter(forum__is_demo=True, forum__status=ForumStatus.ACTIVE)
    )
    total = seats.count()
    women = seats.filter(gender=Gender.FEMALE).count() / total
    youth = seats.filter(age_band=AgeBand.YOUTH).count() / total
    assert 0.25 <= women <= 0.36
    assert 0.09 <= youth <= 0.16
    civilians = seats.exclude(role__in=[MemberRole.POLICE, MemberRole.MUNICIPAL])
    public = civilians.filter(name_is_public=True).count() / civilians.count()
    assert 0.58 <= public <= 0.75
    prizren = _current(
        Membership.objects.filter(
            forum__kind=ForumKind.KKSB,
            forum__is_demo=True,
            forum__municipality__code="PRZ",
        )
    )
    communities = set(prizren.values_list("community", flat=True))
    assert {Community.ALBANIAN, Community.BOSNIAK, Community.TURKISH} <= communities
    gracanica = Membership.objects.filter(
        forum__kind=ForumKind.KKSB, forum__is_demo=True, forum__municipality__code="GRA"
    )
    assert {Community.SERB, Community.ALBANIAN} <= set(
        gracanica.values_list("community", flat=True)
    )
    police = Membership.objects.filter(forum__is_demo=True, role=MemberRole.POLICE)
    assert not police.filter(officer__isnull=True).exists()


def test_a_year_of_meetings_held_and_the_next_quarter_scheduled(summary):
    now = clock.now()
    meetings = Meeting.objects.filter(forum__is_demo=True)
    assert meetings.count() == summary.meetings
    assert not meetings.filter(status=Meeting.Status.HELD, ends_at__gt=now).exists()
    assert not meetings.filter(
        status=Meeting.Status.SCHEDULED, starts_at__lt=now
    ).exists()
    assert not meetings.filter(
        starts_at__lt=now - datetime.timedelta(days=366)
    ).exists()
    assert not meetings.filter(starts_at__gt=now + datetime.timedelta(days=93)).exists()
    assert not meetings.filter(place="", online_link="").exists()
    kksbs = Forum.objects.filter(kind=ForumKind.KKSB, is_demo=True).annotate(
        held=Count("meetings", filter=Q(meetings__status=Meeting.Status.HELD)),
        coming=Count("meetings", filter=Q(meetings__status=Meeting.Status.SCHEDULED)),
    )
    for forum in kksbs:
        # Monthly but in August, over a year; the next quarter's three or so.
        assert 8 <= forum.held <= 12, forum.name_sq
        assert 2 <= forum.coming <= 4, forum.name_sq
    active_klsps = Forum.objects.filter(
        kind=ForumKind.KLSP, is_demo=True, status=ForumStatus.ACTIVE
    )
    assert all(forum.meetings.exists() for forum in active_klsps)
    assert not Meeting.objects.filter(
        forum__status__in=[
            ForumStatus.REQUESTED,
            ForumStatus.AWAITING_APPROVAL,
            ForumStatus.REJECTED,
        ]
    ).exists()
    scheduled = meetings.filter(status=Meeting.Status.SCHEDULED)
    assert scheduled.filter(is_public=True).count() > scheduled.count() / 2
    assert not scheduled.filter(notice_given_at__isnull=True).exists()
    assert (
        meetings.filter(status=Meeting.Status.CANCELLED)
        .exclude(cancelled_reason="")
        .count()
        == meetings.filter(status=Meeting.Status.CANCELLED).count()
    )


def test_held_meetings_record_who_attended(summary):
    held = Meeting.objects.filter(
        forum__is_demo=True, status=Meeting.Status.HELD
    ).prefetch_related("members_present")
    keys = {
        "gender": set(Gender.values),
        "community": set(Community.values),
        "age_band": set(AgeBand.values),
    }
    for meeting in held:
        day = timezone.localdate(meeting.starts_at)
        members = list(meeting.members_present.all())
        assert members, meeting.title
        assert all(
            m.forum_id == meeting.forum_id and m.is_current(day) for m in members
        ), meeting.title
        citizens = meeting.citizens
        assert set(citizens) <= {"total", *keys}
        for breakdown, allowed in keys.items():
            counts = citizens.get(breakdown, {})
            assert set(counts) <= allowed, meeting.title
            assert all(value > 0 for value in counts.values())
            assert sum(counts.values()) <= citizens["total"], meeting.title
        if not meeting.is_public:
            assert citizens == {"total": 0}


def test_minutes_are_approved_at_the_next_meeting_of_the_same_forum(summary):
    minutes = Minutes.objects.filter(meeting__forum__is_demo=True).select_related(
        "meeting", "approved_at_meeting"
    )
    assert minutes.count() == summary.minutes
    held = Meeting.objects.filter(forum__is_demo=True, status=Meeting.Status.HELD)
    assert minutes.count() == held.count()
    assert not minutes.exclude(version=1).exists()
    next_held: dict[int, int | None] = {}
    by_forum: dict[int, list[Meeting]] = collections.defaultdict(list)
    for meeting in held.order_by("starts_at"):
        by_forum[meeting.forum_id].append(meeting)
    for meetings in by_forum.values():
        for index, meeting in enumerate(meetings):
            later = meetings[index + 1] if index + 1 < len(meetings) else None
            next_held[meeting.pk] = later.pk if later else None
    for record in minutes:
        meeting = record.meeting
        assert record.drafted_at >= meeting.ends_at
        if record.status == Minutes.Status.APPROVED:
            approving = record.approved_at_meeting
            assert approving.pk == next_held[meeting.pk]
            assert approving.forum_id == meeting.forum_id
            assert approving.starts_at > meeting.starts_at
            assert approving.starts_at <= record.approved_at <= approving.ends_at
            assert record.drafted_at < approving.starts_at
        else:
            # Only the forum's latest held meeting waits for approval.
            assert next_held[meeting.pk] is None
            assert record.approved_at is None and record.approved_at_meeting is None
    assert minutes.filter(status=Minutes.Status.DRAFT).count() == len(by_forum)
    sample = minutes.filter(meeting__forum__municipality__code="PRZ").first()
    assert sample.text.startswith("PROCESVERBAL\n")
    serbian = minutes.filter(meeting__forum__municipality__code="ZVE").first()
    assert serbian.text.startswith("ZAPISNIK\n")


def test_kksb_meetings_hear_the_commanders_report_and_end_with_recommendations(
    summary,
):
    held = Meeting.objects.filter(
        forum__is_demo=True, forum__kind=ForumKind.KKSB, status=Meeting.Status.HELD
    )
    assert not held.filter(security_report="").exists()
    prizren = held.filter(forum__municipality__code="PRZ").first()
    commander = get_user_model().objects.get(username="commander")
    assert prizren.security_report_by == commander
    assert prizren.security_report.startswith(
        "Raporti i komandantit të stacionit për gjendjen e sigurisë – "
        "Stacioni Policor Prizren"
    )
    assert (
        not Meeting.objects.filter(forum__is_demo=True, status=Meeting.Status.HELD)
        .filter(recommendations__isnull=True)
        .exists()
    )
    assert (
        not Meeting.objects.filter(forum__is_demo=True)
        .exclude(status=Meeting.Status.HELD)
        .filter(recommendations__isnull=False)
        .exists()
    )
    assert (
        Recommendation.objects.filter(meeting__forum__is_demo=True).count()
        == (
            ActionItem.objects.filter(forum__is_demo=True, recommendation__isnull=False)
        ).count()
    )


def test_action_items_are_followed_up_some_overdue(summary):
    today = clock.today()
    items = ActionItem.objects.filter(forum__is_demo=True)
    assert items.count() == summary.action_items
    statuses = collections.Counter(items.values_list("status", flat=True))
    assert set(statuses) == set(ActionItem.Status.values)
    closed = items.filter(
        status__in=[ActionItem.Status.DONE, ActionItem.Status.DROPPED]
    )
    assert not closed.filter(closed_on__isnull=True).exists()
    assert not closed.filter(closed_on__gt=today).exists()
    assert not items.filter(
        status__in=[ActionItem.Status.OPEN, ActionItem.Status.IN_PROGRESS],
        closed_on__isnull=False,
    ).exists()
    overdue = [item for item in items if item.is_overdue(today)]
    assert 20 <= len(overdue) <= items.count() / 4
    updates = ActionItemUpdate.objects.filter(item__forum__is_demo=True)
    assert updates.count() > 200
    assert not updates.filter(at__gt=clock.now()).exists()
    for update in updates.select_related("item")[:200]:
        assert update.status == update.item.status


def test_every_kksb_has_this_years_work_plan_adopted(summary):
    year = clock.today().year
    plans = WorkPlan.objects.filter(forum__is_demo=True)
    assert plans.count() == 38
    for plan in plans.annotate(items_count=Count("items")):
        assert plan.forum.kind == ForumKind.KKSB
        assert plan.year == year
        assert plan.adopted_on < clock.today()
        assert REFERENCE.match(plan.assembly_reference)
        assert 5 <= plan.items_count <= 8
        assert not plan.items.exclude(forum=plan.forum).exists()
        assert all(item.deadline.year == year for item in plan.items.all())


def test_every_public_meeting_has_its_calendar_event(summary):
    meetings = Meeting.objects.filter(forum__is_demo=True).select_related("forum")
    events = {
        event.meeting_id: event
        for event in Event.objects.filter(kind=Event.Kind.FORUM_MEETING, is_demo=True)
    }
    assert len(events) == meetings.filter(is_public=True).count()
    for meeting in meetings.prefetch_related("forum__sectors"):
        event = events.get(meeting.pk)
        if not meeting.is_public:
            assert event is None, meeting.title
            continue
        sectors = list(meeting.forum.sectors.all())
        assert (
            event.title,
            event.starts_at,
            event.ends_at,
            event.place,
            event.online_link,
            event.forum_id,
            event.municipality_id,
            event.sector_id,
            event.description,
            event.is_cancelled,
        ) == (
            meeting.title,
            meeting.starts_at,
            meeting.ends_at,
            meeting.place,
            meeting.online_link,
            meeting.forum_id,
            meeting.forum.municipality_id,
            sectors[0].pk if len(sectors) == 1 else None,
            "\n".join(meeting.agenda_items),
            meeting.status == Meeting.Status.CANCELLED,
        )


def test_community_events_fill_the_next_quarter(summary):
    now = clock.now()
    coming = Event.objects.filter(
        is_demo=True, starts_at__gt=now, starts_at__lt=now + datetime.timedelta(days=95)
    )
    meet = coming.filter(kind=Event.Kind.MEET_OFFICERS)
    assert 55 <= meet.count() <= 60
    assert meet.filter(sector__code="PRZ-01").exists()
    assert meet.filter(title__startswith="Takoni policët e sektorit tuaj – ").exists()
    assert meet.filter(title__startswith="Upoznajte policajce svog sektora – ").exists()
    assert coming.filter(kind=Event.Kind.SCHOOL_VISIT).count() == 24
    assert coming.filter(kind=Event.Kind.CAMPAIGN).count() >= 6
    assert not coming.filter(
        kind=Event.Kind.MEET_OFFICERS, sector__isnull=True
    ).exists()
    assert not Event.objects.filter(is_demo=True, ends_at__lt=F("starts_at")).exists()


def test_every_sector_has_two_to_four_priorities_with_their_history(summary):
    counts = Sector.objects.annotate(
        demo=Count("priorities", filter=Q(priorities__is_demo=True))
    ).values_list("demo", flat=True)
    assert set(counts) <= {2, 3, 4}
    assert len(counts) == Sector.objects.count() == 290
    priorities = SectorPriority.objects.filter(is_demo=True)
    assert priorities.count() == summary.priorities
    statuses = collections.Counter(priorities.values_list("status", flat=True))
    assert (
        statuses[SectorPriority.Status.CURRENT]
        > statuses[SectorPriority.Status.ADDRESSED]
        > statuses[SectorPriority.Status.DROPPED]
        > 0
    )
    acted = priorities.exclude(action="")
    assert 0.4 <= acted.count() / priorities.count() <= 0.75
    assert not acted.filter(action_date__isnull=True).exists()
    assert not priorities.filter(action="", action_date__isnull=False).exists()
    assert not priorities.filter(
        status=SectorPriority.Status.ADDRESSED, action=""
    ).exists()
    assert not priorities.filter(issue_date__gt=clock.today()).exists()
    agreed = priorities.filter(meeting__isnull=False).select_related("meeting")
    assert agreed.count() > 100
    for priority in agreed[:100]:
        assert priority.issue_date == timezone.localdate(priority.meeting.starts_at)
        assert priority.meeting.status == Meeting.Status.HELD
    serbian = priorities.filter(sector__municipality__code="LEP")
    assert not [p.issue for p in serbian if re.search("[ëçË]", p.issue)]
    assert (
        priorities.filter(sector__code="PRZ-01")
        .filter(Q(issue__contains="Prizren") | Q(issue__contains="“"))
        .exists()
    )


def test_problems_are_worked_through_every_stage_of_sara(summary):
    problems = Problem.objects.filter(is_demo=True).select_related("station", "sector")
    assert problems.count() == summary.problems == 25
    assert problems.filter(station__code="PRZ").count() >= 3
    assert set(problems.values_list("stage", flat=True)) == set(Problem.Stage.values)
    officer = get_user_model().objects.get(username="officer")
    assert problems.filter(sector__code="PRZ-01", opened_by=officer).count() == 2
    for problem in problems:
        assert problem.station_id == problem.sector.station_id
        assert problem.scanning
        stage = list(Problem.Stage).index(problem.stage)
        assert bool(problem.analysis) == (stage >= 1), problem.title
        assert problem.actions.exists() == (stage >= 2), problem.title
        assert bool(problem.assessment) == (stage >= 3), problem.title
        assert (problem.closed_on is not None) == (stage == 4), problem.title
        assert bool(problem.result) == (stage == 4), problem.title
    assert (
        not ProblemAction.objects.filter(
            problem__stage__in=[Problem.Stage.ASSESSMENT, Problem.Stage.CLOSED]
        )
        .exclude(status=ProblemAction.Status.DONE)
        .exists()
    )
    assert SectorPriority.objects.filter(problem__is_demo=True).count() >= 5


def test_loading_again_adds_nothing(summary):
    before = (
        Forum.objects.count(),
        Meeting.objects.count(),
        Event.objects.count(),
        SectorPriority.objects.count(),
        Problem.objects.count(),
    )
    assert demo_partnership_load() == PartnershipSummary()
    assert str(PartnershipSummary()).startswith("0 KKSBs, 0 KLSPs, 0 EVSBs")
    assert (
        Forum.objects.count(),
        Meeting.objects.count(),
        Event.objects.count(),
        SectorPriority.objects.count(),
        Problem.objects.count(),
    ) == before


def test_the_same_seed_loads_the_same_demo(summary):
    def snapshot():
        return (
            list(Forum.objects.filter(is_demo=True).values_list("name_sq", "status")),
            list(
                Membership.objects.filter(forum__is_demo=True)
                .order_by("pk")
                .values_list("name", "role", "gender")
            )[:200],
            list(SectorPriority.objects.order_by("pk").values_list("issue"))[:200],
        )

    before = snapshot()
    _remove_demo_partnership()
    demo_partnership_load()
    assert snapshot() == before


def test_the_demo_secretary_keeps_the_record_of_the_kksb_of_prizren(summary):
    user = get_user_model().objects.get(username="secretary")
    kksb = Forum.objects.get(
        kind=ForumKind.KKSB, is_demo=True, municipality__code="PRZ"
    )
    seat = _current(kksb.memberships.filter(role=MemberRole.SECRETARY)).get()
    assert seat.user == user
    assert permissions.roles(user) == {Role.FORUM_SECRETARY}
    assert permissions.can_keep_forum_record(user, kksb)
    assert list(permissions.forums_in_scope(user)) == [kksb]
    # The minutes of the council's meetings are the secretary's drafts.
    assert Minutes.objects.filter(meeting__forum=kksb, drafted_by=user).exists()


def test_the_secretary_seat_is_linked_whichever_is_loaded_first(summary):
    kksb = Forum.objects.get(
        kind=ForumKind.KKSB, is_demo=True, municipality__code="PRZ"
    )
    seat = _current(kksb.memberships.filter(role=MemberRole.SECRETARY)).get()
    # The account comes after the forums: the accounts link the seat.
    get_user_model().objects.filter(username="secretary").delete()
    seat.refresh_from_db()
    assert seat.user is None
    demo_accounts_ensure()
    user = get_user_model().objects.get(username="secretary")
    seat.refresh_from_db()
    assert seat.user == user
    assert permissions.roles(user) == {Role.FORUM_SECRETARY}
    # The forums come after the account: loading them links the seat.
    Membership.objects.filter(pk=seat.pk).update(user=None)
    assert demo_partnership_load() == PartnershipSummary()
    seat.refresh_from_db()
    assert seat.user == user


def test_the_demo_commander_has_a_request_waiting(summary):
    commander = get_user_model().objects.get(username="commander")
    waiting = permissions.forums_in_scope(commander).filter(
        status=ForumStatus.REQUESTED
    )
    assert waiting.count() >= 1
    forum = waiting.first()
    assert forum.station.code == "PRZ"
    assert permissions.can_review_klsp_request(commander, forum)
    director = get_user_model().objects.get(username="director")
    awaiting = Forum.objects.filter(is_demo=True, status=ForumStatus.AWAITING_APPROVAL)
    assert awaiting.count() == 2
    assert permissions.can_give_final_approval(director)


def test_the_commander_sees_the_waiting_request_in_the_back_office(summary, sign_in):
    forum = Forum.objects.get(
        is_demo=True, status=ForumStatus.REQUESTED, station__code="PRZ"
    )
    client = sign_in("commander")
    response = client.get(f"/sq/staff/forums/{forum.pk}/")
    assert response.status_code == 200
    assert forum.name_sq in response.content.decode()
    assert client.get(f"/sq/staff/forums/{forum.pk + 100000}/").status_code == 404


def test_public_forum_pages_never_show_requesters_or_private_members(client, summary):
    forum = (
        Forum.objects.filter(
            is_demo=True,
            kind=ForumKind.KLSP,
            status=ForumStatus.ACTIVE,
            origin=Forum.Origin.CITIZENS,
        )
        .filter(memberships__name_is_public=False, memberships__role=MemberRole.MEMBER)
        .first()
    )
    for language in ("sq", "sr", "en"):
        response = client.get(f"/{language}/forums/{forum.pk}/")
        assert response.status_code == 200
        page = response.content.decode()
        assert forum.name_in(language) in page
        for name in forum.request.requester_names:
            # A requester may share a member's made-up name.
            if not forum.memberships.filter(name=name, name_is_public=True).exists():
                assert name not in page
        assert forum.request.contact_email not in page
        assert forum.request.contact_phone not in page
        for member in forum.memberships.filter(name_is_public=False).exclude(
            role__in=[MemberRole.POLICE, MemberRole.MUNICIPAL]
        ):
            if not forum.memberships.filter(
                name=member.name, name_is_public=True
            ).exists():
                assert member.name not in page
    waiting = Forum.objects.filter(is_demo=True, status=ForumStatus.REQUESTED).first()
    assert client.get(f"/sq/forums/{waiting.pk}/").status_code == 404


def test_demo_concerns_are_linked_to_priorities_and_problems(summary):
    # The suite's demo has no concerns: add them, then the partnership demo
    # again (all rolled back with the test).
    _remove_demo_partnership()
    assert demo_concerns_load() > 200
    demo_partnership_load()
    linked = SectorPriority.objects.filter(is_demo=True, concerns__isnull=False)
    assert linked.distinct().count() > 30
    for priority in linked.distinct()[:30]:
        for concern in priority.concerns.all():
            assert concern.sector_id == priority.sector_id
            assert not concern.category.is_sensitive
    assert Problem.objects.filter(is_demo=True, concerns__isnull=False).exists()
    assert Concern.objects.filter(problems__isnull=False).count() > 0


def test_no_placeholder_is_left_unfilled(summary):
    texts = {
        Forum: ["name_sq", "name_sr_latn", "name_sr", "name_en", "purpose",
                "security_analysis", "status_reason", "goal", "outcome"],
        ForumRequest: ["reasons"],
        Membership: ["organisation"],
        Meeting: ["title", "place", "agenda", "security_report"],
        Minutes: ["text"],
        ActionItem: ["title", "owner"],
        Event: ["title", "description", "place"],
        SectorPriority: ["issue", "action"],
        Problem: ["title", "scanning", "analysis", "assessment"],
    }  # fmt: skip
    for model, fields in texts.items():
        for field in fields:
            braces = Q(**{f"{field}__contains": "{"}) | Q(**{f"{field}__contains": "}"})
            assert not model.objects.filter(braces).exists(), (model, field)


def test_a_sample_of_every_kind_of_demo_row_is_valid(summary):
    models = [
        Forum,
        ForumRequest,
        ForumStep,
        Membership,
        WorkPlan,
        Meeting,
        Minutes,
        Recommendation,
        ActionItem,
        ActionItemUpdate,
        Event,
        Problem,
        ProblemAction,
        SectorPriority,
    ]
    for model in models:
        rows = list(model.objects.order_by("?")[:25])
        assert rows, model.__name__
        for row in rows:
            row.full_clean()
