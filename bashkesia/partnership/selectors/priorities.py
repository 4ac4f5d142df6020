"""Every read of sector priorities: the public "you said, we did" of a sector,
data.police.uk's list, and the back office's lists and records.

The public sees a priority's issue and action with their dates, its status
and how many concerns it answers; never which concerns (their codes, text or
reporters).
"""

import datetime

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.concerns.models import Concern
from bashkesia.core import clock
from bashkesia.territory.models import Sector

from ..models import Meeting, Problem, SectorPriority

AnyUser = User | AnonymousUser
PAST = [SectorPriority.Status.ADDRESSED, SectorPriority.Status.DROPPED]
# How far back the meetings offered as "agreed at" go.
MEETINGS_WINDOW = datetime.timedelta(days=400)


def _with_concern_count(
    priorities: QuerySet[SectorPriority],
) -> QuerySet[SectorPriority]:
    return priorities.annotate(concern_count=Count("concerns", distinct=True))


# Public


def priority_list_current(*, sector: Sector) -> QuerySet[SectorPriority]:
    """Return the sector's current priorities, the newest issue first, each
    with ``concern_count`` and its meeting (and forum) loaded."""
    return _with_concern_count(
        SectorPriority.objects.filter(
            sector=sector, status=SectorPriority.Status.CURRENT
        ).select_related("meeting__forum")
    ).order_by("-issue_date", "-pk")


def priority_list_past(*, sector: Sector) -> QuerySet[SectorPriority]:
    """Return the sector's addressed and dropped priorities, the newest issue
    first, each with ``concern_count``."""
    return _with_concern_count(
        SectorPriority.objects.filter(sector=sector, status__in=PAST).select_related(
            "meeting__forum"
        )
    ).order_by("-issue_date", "-pk")


def priority_list_policeuk(*, sector: Sector) -> QuerySet[SectorPriority]:
    """Return every priority of the sector, current and past, as
    data.police.uk lists them: the newest issue first."""
    return (
        SectorPriority.objects.filter(sector=sector)
        .only("issue", "issue_date", "action", "action_date")
        .order_by("-issue_date", "-pk")
    )


# Back office


def priority_list_for_staff(
    *, user: AnyUser, sector: Sector | None = None, status: str = ""
) -> QuerySet[SectorPriority]:
    """Return the priorities of the sectors the user sees, current first, then
    the newest issue first; ``sector`` and ``status`` narrow the list."""
    priorities = SectorPriority.objects.filter(
        sector__in=permissions.sectors_in_scope(user)
    )
    if sector is not None:
        priorities = priorities.filter(sector=sector)
    if status:
        priorities = priorities.filter(status=status)
    return (
        _with_concern_count(priorities)
        .select_related("sector", "problem")
        .defer("sector__boundary", "sector__description")
        .annotate(
            is_past=Case(
                When(status=SectorPriority.Status.CURRENT, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("is_past", "-issue_date", "-pk")
    )


def priority_get_for_user(*, user: AnyUser, pk: int) -> SectorPriority:
    """Return the priority if its sector is in the user's scope; raise
    ``Http404`` when there is none, ``PermissionDenied`` when out of scope."""
    priority = (
        SectorPriority.objects.select_related(
            "sector__station", "meeting__forum", "problem", "created_by"
        )
        .defer("sector__boundary")
        .filter(pk=pk)
        .first()
    )
    if priority is None:
        raise Http404(
            _("No sector priority has the number %(number)s.") % {"number": pk}
        )
    if not permissions.can_view_sector(user, priority.sector):
        raise PermissionDenied(
            _("The priorities of sector %(code)s are outside your scope.")
            % {"code": priority.sector.code}
        )
    return priority


def priority_linked_concerns(
    *, user: AnyUser, priority: SectorPriority
) -> QuerySet[Concern]:
    """Return the priority's concerns that the user may open."""
    return (
        permissions.concerns_in_scope(user)
        .filter(priorities=priority)
        .select_related("category")
        .only(
            "tracking_code",
            "status",
            "submitted_at",
            "category__name_sq",
            "category__name_sr_latn",
            "category__name_sr",
            "category__name_en",
        )
        .order_by("submitted_at", "pk")
    )


def priority_concern_codes(*, priority: SectorPriority) -> list[str]:
    """Return the tracking codes of the priority's concerns (for its form)."""
    return list(
        priority.concerns.order_by("submitted_at", "pk").values_list(
            "tracking_code", flat=True
        )
    )


def priority_sector_choices(*, user: AnyUser) -> QuerySet[Sector]:
    """Return the sectors whose priorities the user sets."""
    return (
        permissions.sectors_acted_in(user)
        .defer("boundary", "description")
        .order_by("code")
    )


def priority_filter_sector_choices(*, user: AnyUser) -> QuerySet[Sector]:
    """Return the sectors whose priorities the user sees."""
    return (
        permissions.sectors_in_scope(user)
        .defer("boundary", "description")
        .order_by("code")
    )


def priority_meeting_choices(*, user: AnyUser) -> QuerySet[Meeting]:
    """Return the meetings a priority of the user's sectors may have been
    agreed at: held (not cancelled, not to come) in the last months by a
    forum of the municipality of one of those sectors."""
    now = clock.now()
    municipalities = permissions.sectors_acted_in(user).values("municipality_id")
    return (
        Meeting.objects.filter(
            forum__municipality_id__in=municipalities,
            starts_at__lte=now,
            starts_at__gte=now - MEETINGS_WINDOW,
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("forum")
        .order_by("-starts_at", "-pk")
    )


def priority_problem_choices(*, user: AnyUser) -> QuerySet[Problem]:
    """Return the open problems of the sectors whose priorities the user
    sets."""
    return (
        Problem.objects.filter(sector__in=permissions.sectors_acted_in(user))
        .exclude(stage=Problem.Stage.CLOSED)
        .select_related("sector")
        .defer("sector__boundary", "sector__description")
        .order_by("sector__code", "-created_at", "-pk")
    )
