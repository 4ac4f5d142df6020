"""Every read of a forum's record: meetings, attendance, minutes,
recommendations, action items and work plans, in public and in the back
office."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.accounts.permissions import AnyUser
from bashkesia.core import clock

from ..models import (
    ActionItem,
    ActionItemUpdate,
    AgeBand,
    Community,
    Event,
    Forum,
    ForumStatus,
    Gender,
    Meeting,
    Membership,
    Minutes,
    Recommendation,
    WorkPlan,
)

PUBLIC_FORUM_STATUSES = (ForumStatus.ACTIVE, ForumStatus.DISSOLVED)


def _meetings() -> QuerySet[Meeting]:
    return Meeting.objects.select_related(
        "forum__municipality", "forum__station"
    ).defer("forum__municipality__boundary")


def _with_overdue(items: list[ActionItem], day: datetime.date) -> list[ActionItem]:
    """Mark each item ``overdue`` on ``day`` (templates cannot call
    ``is_overdue(day)``)."""
    for item in items:
        item.overdue = item.is_overdue(day)  # type: ignore[attr-defined]
    return items


# Public


def meeting_get_public(*, forum_pk: int, pk: int) -> Meeting:
    """Return a public meeting of a public forum, or raise ``Http404``."""
    meeting = (
        _meetings()
        .filter(
            pk=pk,
            forum_id=forum_pk,
            is_public=True,
            forum__status__in=PUBLIC_FORUM_STATUSES,
        )
        .first()
    )
    if meeting is None:
        raise Http404(_("No public meeting of this forum has this number."))
    return meeting


def meeting_event(*, meeting: Meeting) -> Event | None:
    """Return the public calendar's entry of the meeting, if it has one."""
    return Event.objects.filter(meeting=meeting).first()


@dataclass(frozen=True)
class Breakdown:
    """The citizens at a meeting counted by one trait: (label, count) rows."""

    title: str
    rows: list[tuple[str, int]]


@dataclass
class MeetingRecord:
    """What a meeting's record shows: the public one, or the staff one with
    the members present by name, the draft minutes and the security report."""

    meeting: Meeting
    forum: Forum
    staff: bool
    today: datetime.date
    members_present_count: int
    citizens_total: int
    breakdowns: list[Breakdown]
    # The latest approved version of the minutes, and the earlier ones.
    minutes: Minutes | None
    earlier_minutes: list[Minutes]
    recommendations: list[Recommendation]
    # Items agreed at the meeting on no particular recommendation.
    other_items: list[ActionItem]
    # Staff only.
    members_present: list[Membership] = field(default_factory=list)
    draft: Minutes | None = None

    @property
    def attendance_recorded(self) -> bool:
        return bool(self.members_present_count or self.meeting.citizens)


def _breakdowns(citizens: dict) -> list[Breakdown]:
    traits = [
        (_("By gender"), "gender", Gender),
        (_("By community"), "community", Community),
        (_("By age"), "age_band", AgeBand),
    ]
    breakdowns = []
    for title, key, choices in traits:
        counts = citizens.get(key) or {}
        rows = [
            (str(label), counts[value])
            for value, label in choices.choices
            if counts.get(value)
        ]
        if rows:
            breakdowns.append(Breakdown(title=title, rows=rows))
    return breakdowns


def meeting_record(*, meeting: Meeting, staff: bool = False) -> MeetingRecord:
    """Return the record of ``meeting``; ``staff`` adds what only the forum's
    people see (the caller checked they may)."""
    today = clock.today()
    versions = list(
        Minutes.objects.filter(meeting=meeting)
        .select_related("approved_at_meeting")
        .order_by("-version")
    )
    approved = [m for m in versions if m.status == Minutes.Status.APPROVED]
    draft = next((m for m in versions if m.status == Minutes.Status.DRAFT), None)
    items = ActionItem.objects.order_by("deadline", "pk")
    recommendations = list(
        Recommendation.objects.filter(meeting=meeting)
        .prefetch_related(Prefetch("action_items", queryset=items))
        .order_by("order", "pk")
    )
    for recommendation in recommendations:
        _with_overdue(list(recommendation.action_items.all()), today)
    other_items = _with_overdue(
        list(items.filter(meeting=meeting, recommendation__isnull=True)), today
    )
    members = list(
        meeting.members_present.order_by("role", "name", "pk")
        if staff
        else Membership.objects.none()
    )
    return MeetingRecord(
        meeting=meeting,
        forum=meeting.forum,
        staff=staff,
        today=today,
        members_present_count=(
            len(members) if staff else meeting.members_present.count()
        ),
        citizens_total=int((meeting.citizens or {}).get("total", 0)),
        breakdowns=_breakdowns(meeting.citizens or {}),
        minutes=approved[0] if approved else None,
        earlier_minutes=approved[1:],
        recommendations=recommendations,
        other_items=other_items,
        members_present=members,
        draft=draft if staff else None,
    )


# The back office


def meeting_list_for_forum(*, forum: Forum) -> QuerySet[Meeting]:
    """Return every meeting of the forum, the latest first, with how many
    versions of their minutes are approved and drafted."""
    return forum.meetings.annotate(
        approved_versions=Count(
            "minutes", filter=Q(minutes__status=Minutes.Status.APPROVED)
        ),
        draft_versions=Count("minutes", filter=Q(minutes__status=Minutes.Status.DRAFT)),
    ).order_by("-starts_at", "-pk")


def meeting_get_for_user(*, user: AnyUser, pk: int) -> Meeting:
    """Return the meeting if its forum is in the user's scope, or raise
    ``Http404``."""
    meeting = (
        _meetings()
        .filter(pk=pk, forum__in=permissions.forums_in_scope(user))
        .select_related("security_report_by")
        .first()
    )
    if meeting is None:
        raise Http404(_("No meeting of the forums in your scope has this number."))
    return meeting


def minutes_list(*, meeting: Meeting) -> list[Minutes]:
    """Return every version of the meeting's minutes, the latest first."""
    return list(
        Minutes.objects.filter(meeting=meeting)
        .select_related("approved_at_meeting", "drafted_by")
        .order_by("-version")
    )


def minutes_draft_of(*, meeting: Meeting) -> Minutes | None:
    """Return the meeting's draft minutes (there is one at most)."""
    return Minutes.objects.filter(meeting=meeting, status=Minutes.Status.DRAFT).first()


def minutes_latest_approved(*, meeting: Meeting) -> Minutes | None:
    return (
        Minutes.objects.filter(meeting=meeting, status=Minutes.Status.APPROVED)
        .order_by("-version")
        .first()
    )


def meeting_list_for_approval(*, meeting: Meeting) -> QuerySet[Meeting]:
    """Return the meetings that may approve the minutes of ``meeting``: later
    ones of the same forum that have started and were not cancelled."""
    return (
        Meeting.objects.filter(
            forum_id=meeting.forum_id,
            starts_at__gt=meeting.starts_at,
            starts_at__lte=clock.now(),
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at", "pk")
    )


def membership_list_for_attendance(*, meeting: Meeting) -> QuerySet[Membership]:
    """Return the seats of the meeting's forum held on the meeting's day."""
    day = timezone.localdate(meeting.starts_at)
    return (
        Membership.objects.filter(forum_id=meeting.forum_id, start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .order_by("role", "name", "pk")
    )


def recommendation_list(*, meeting: Meeting) -> QuerySet[Recommendation]:
    return Recommendation.objects.filter(meeting=meeting).order_by("order", "pk")


def _items() -> QuerySet[ActionItem]:
    updates = ActionItemUpdate.objects.select_related("by").order_by("at", "pk")
    return ActionItem.objects.select_related(
        "meeting", "recommendation", "work_plan"
    ).prefetch_related(Prefetch("updates", queryset=updates))


def action_item_list_for_forum(*, forum: Forum, day: datetime.date) -> list[ActionItem]:
    """Return every action item of the forum, the open ones first (by
    deadline), each marked ``overdue`` on ``day``."""
    items = _items().filter(forum=forum)
    open_first = sorted(
        items,
        key=lambda item: (
            not item.is_open,
            item.deadline is None,
            item.deadline or day,
            item.pk,
        ),
    )
    return _with_overdue(open_first, day)


def action_item_list_for_meeting(
    *, meeting: Meeting, day: datetime.date
) -> list[ActionItem]:
    return _with_overdue(
        list(_items().filter(meeting=meeting).order_by("deadline", "pk")), day
    )


def action_item_get_for_user(*, user: AnyUser, pk: int) -> ActionItem:
    """Return the action item if its forum is in the user's scope, or raise
    ``Http404``."""
    item = (
        ActionItem.objects.select_related("forum")
        .filter(pk=pk, forum__in=permissions.forums_in_scope(user))
        .first()
    )
    if item is None:
        raise Http404(_("No action item of the forums in your scope has this number."))
    return item


def work_plan_list_for_forum(*, forum: Forum, day: datetime.date) -> list[WorkPlan]:
    """Return the forum's work plans, the latest year first, with their items
    (each marked ``overdue`` on ``day``)."""
    plans = list(
        WorkPlan.objects.filter(forum=forum)
        .prefetch_related(
            Prefetch("items", queryset=_items().order_by("deadline", "pk"))
        )
        .order_by("-year")
    )
    for plan in plans:
        _with_overdue(list(plan.items.all()), day)
    return plans


def work_plan_get_for_user(*, user: AnyUser, pk: int) -> WorkPlan:
    """Return the work plan if its forum is in the user's scope, or raise
    ``Http404``."""
    plan = (
        WorkPlan.objects.select_related("forum")
        .filter(pk=pk, forum__in=permissions.forums_in_scope(user))
        .first()
    )
    if plan is None:
        raise Http404(_("No work plan of the forums in your scope has this number."))
    return plan
