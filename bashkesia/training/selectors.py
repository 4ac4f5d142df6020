"""Every read of the training of forum members: the public offer and
figures, certificates to verify, and the back office's lists."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.accounts.permissions import AnyUser
from bashkesia.partnership.models import Forum, ForumStatus, Membership
from bashkesia.territory.models import Municipality

from . import permissions
from .codes import code_normalise
from .models import Certificate, Course, Enrolment, TrainingSession

COMPLETED = Enrolment.Status.COMPLETED
PUBLIC_FORUM_STATUSES = (ForumStatus.ACTIVE, ForumStatus.DISSOLVED)


# The public offer


def course_list_public() -> QuerySet[Course]:
    """Return the courses offered, with their number of held sessions."""
    return Course.objects.filter(is_active=True).annotate(
        sessions_held=Count(
            "sessions", filter=Q(sessions__status=TrainingSession.Status.HELD)
        )
    )


def course_get_public(*, code: str) -> Course:
    course = Course.objects.filter(code=code.upper()).first()
    if course is None:
        raise Http404(_("There is no course with the code %(code)s.") % {"code": code})
    return course


def session_list_upcoming(
    *,
    start: datetime.date,
    end: datetime.date | None = None,
    course: Course | None = None,
) -> QuerySet[TrainingSession]:
    """Return the planned sessions not over by ``start`` (and beginning by
    ``end``), soonest first, with their course, partners and free places."""
    sessions = TrainingSession.objects.filter(
        status=TrainingSession.Status.PLANNED, ends_on__gte=start
    )
    if end is not None:
        sessions = sessions.filter(starts_on__lte=end)
    if course is not None:
        sessions = sessions.filter(course=course)
    return (
        sessions.select_related("course")
        .prefetch_related("partners")
        .annotate(
            taken=Count(
                "enrolments",
                filter=~Q(enrolments__status=Enrolment.Status.WITHDRAWN),
            )
        )
        .annotate(free=F("capacity") - F("taken"))
        .order_by("starts_on", "pk")
    )


def session_list_held(*, course: Course) -> QuerySet[TrainingSession]:
    """Return the course's held sessions, the latest first, with the number
    of members who completed each."""
    return (
        TrainingSession.objects.filter(
            course=course, status=TrainingSession.Status.HELD
        )
        .annotate(completed=Count("enrolments", filter=Q(enrolments__status=COMPLETED)))
        .order_by("-starts_on", "-pk")
    )


# The figures (counts only, never names)


def forum_members_trained(*, start: datetime.date, end: datetime.date) -> int:
    """Return how many distinct forum members (``Membership`` seats)
    completed a training session ending from ``start`` to ``end``
    inclusive."""
    return (
        Enrolment.objects.filter(
            status=COMPLETED,
            session__ends_on__gte=start,
            session__ends_on__lte=end,
        )
        .values("membership_id")
        .distinct()
        .count()
    )


@dataclass(frozen=True)
class TrainedCount:
    """A municipality's or a forum's trained members."""

    name: str
    kind: str
    members: int
    url: str


def _trained_memberships() -> QuerySet[Membership]:
    return Membership.objects.filter(
        training_enrolments__status=COMPLETED,
        forum__status__in=PUBLIC_FORUM_STATUSES,
    )


def trained_by_municipality() -> list[TrainedCount]:
    """Return, per municipality, the forum members of its public forums who
    completed a course (each counted once), most first."""
    rows = (
        _trained_memberships()
        .values("forum__municipality__code")
        .annotate(members=Count("pk", distinct=True))
    )
    names = {
        municipality.code: municipality
        for municipality in Municipality.objects.filter(
            code__in=[row["forum__municipality__code"] for row in rows]
        )
    }
    counts = [
        TrainedCount(
            name=names[row["forum__municipality__code"]].name,
            kind="",
            members=row["members"],
            url="",
        )
        for row in rows
    ]
    return sorted(counts, key=lambda count: (-count.members, count.name))


def trained_by_forum() -> list[TrainedCount]:
    """Return, per public forum, its members who completed a course, most
    first."""
    forums = (
        Forum.objects.filter(
            status__in=PUBLIC_FORUM_STATUSES,
            memberships__training_enrolments__status=COMPLETED,
        )
        .annotate(
            trained=Count(
                "memberships",
                filter=Q(memberships__training_enrolments__status=COMPLETED),
                distinct=True,
            )
        )
        .select_related("municipality")
    )
    counts = [
        TrainedCount(
            name=forum.name,
            kind=forum.kind.upper(),
            members=forum.trained,
            url=forum.get_absolute_url(),
        )
        for forum in forums
    ]
    return sorted(counts, key=lambda count: (-count.members, count.name))


def trained_total() -> int:
    return _trained_memberships().values("pk").distinct().count()


# Certificates


def certificate_get_by_code(*, code: str) -> Certificate:
    """Return the certificate a typed code names (any case, dashes or not),
    or raise ``Http404``."""
    normalised = code_normalise(code)
    certificate = (
        Certificate.objects.filter(code=normalised).first() if normalised else None
    )
    if certificate is None:
        raise Http404(_("No certificate has the code %(code)s.") % {"code": code})
    return certificate


# The back office


def course_list_for_staff() -> QuerySet[Course]:
    return Course.objects.annotate(sessions_count=Count("sessions")).order_by("code")


def course_get_for_user(*, user: AnyUser, code: str) -> Course:
    if not permissions.can_manage_training(user):
        raise Http404
    return course_get_public(code=code)


def session_list_for_staff(
    *, upcoming: bool, today: datetime.date
) -> QuerySet[TrainingSession]:
    """Return the sessions not over (``upcoming``) or over, with counts of
    enrolled and completed members."""
    sessions = TrainingSession.objects.select_related("course").annotate(
        taken=Count(
            "enrolments", filter=~Q(enrolments__status=Enrolment.Status.WITHDRAWN)
        ),
        completed=Count("enrolments", filter=Q(enrolments__status=COMPLETED)),
    )
    if upcoming:
        return sessions.filter(ends_on__gte=today).order_by("starts_on", "pk")
    return sessions.filter(ends_on__lt=today).order_by("-starts_on", "-pk")


def session_get_for_user(*, user: AnyUser, pk: int) -> TrainingSession:
    """Return a session for those who run the training (else 404)."""
    if not permissions.can_manage_training(user):
        raise Http404
    session = (
        TrainingSession.objects.select_related("course")
        .prefetch_related("partners")
        .filter(pk=pk)
        .first()
    )
    if session is None:
        raise Http404(_("There is no such training session."))
    return session


def enrolment_list_for_session(*, session: TrainingSession) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(session=session)
        .select_related("membership__forum__municipality", "certificate")
        .order_by("membership__name", "pk")
    )


def enrolment_get_for_user(*, user: AnyUser, pk: int) -> Enrolment:
    if not permissions.can_manage_training(user):
        raise Http404
    enrolment = (
        Enrolment.objects.select_related("session__course", "membership")
        .filter(pk=pk)
        .first()
    )
    if enrolment is None:
        raise Http404(_("There is no such enrolment."))
    return enrolment


def enrolment_list_for_user(*, user: AnyUser) -> QuerySet[Enrolment]:
    """Return the enrolments of the forums whose training the user reads,
    the latest session first."""
    return (
        Enrolment.objects.filter(
            membership__forum__in=Forum.objects.filter(permissions.forum_scope(user))
        )
        .select_related("session__course", "membership__forum", "certificate")
        .order_by("-session__starts_on", "membership__forum__name_sq", "pk")
    )


def forum_list_for_enrolment() -> QuerySet[Forum]:
    return Forum.objects.filter(status=ForumStatus.ACTIVE).select_related(
        "municipality"
    )


def membership_list_current(
    *, forum: Forum, day: datetime.date
) -> QuerySet[Membership]:
    """Return the forum's members holding a seat on ``day``."""
    return (
        Membership.objects.filter(forum=forum, start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .order_by("name", "pk")
    )


def certificate_get_for_user(*, user: AnyUser, code: str) -> Certificate:
    if not permissions.can_manage_training(user):
        raise Http404
    certificate = certificate_get_by_code(code=code)
    return Certificate.objects.select_related(
        "enrolment__membership__forum", "enrolment__session"
    ).get(pk=certificate.pk)


def certificate_list_for_staff() -> QuerySet[Certificate]:
    return Certificate.objects.select_related("enrolment__membership__forum")


def completed_by_membership(*, membership_ids: list[int]) -> dict[int, list[Enrolment]]:
    """Return the completed enrolments of these forum members, oldest first,
    by membership id (one query; each with its course and certificate)."""
    enrolments = (
        Enrolment.objects.filter(membership_id__in=membership_ids, status=COMPLETED)
        .select_related("session__course", "certificate")
        .order_by("completed_at", "pk")
    )
    found: dict[int, list[Enrolment]] = {}
    for enrolment in enrolments:
        found.setdefault(enrolment.membership_id, []).append(enrolment)
    return found
