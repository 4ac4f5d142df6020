"""Every read of problems worked through SARA (scanning, analysis, response,
assessment): the open problems per station, and one problem's record.

Problems are staff only: every read starts from
``permissions.problems_in_scope``.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.concerns.models import Concern
from bashkesia.territory.models import Sector, Station

from ..models import Problem, ProblemAction, SectorPriority

AnyUser = User | AnonymousUser
# The stage filter's value for "every stage but closed".
OPEN = "open"
ALL = "all"


def problem_list_for_staff(
    *,
    user: AnyUser,
    station: Station | None = None,
    sector: Sector | None = None,
    stage: str = OPEN,
) -> QuerySet[Problem]:
    """Return the problems of the user's scope, grouped by station (by its
    code), the newest first within one; ``stage`` is a ``Problem.Stage``,
    ``OPEN`` (every stage but closed) or ``ALL``."""
    problems = permissions.problems_in_scope(user)
    if station is not None:
        problems = problems.filter(station=station)
    if sector is not None:
        problems = problems.filter(sector=sector)
    if stage == OPEN:
        problems = problems.exclude(stage=Problem.Stage.CLOSED)
    elif stage != ALL:
        problems = problems.filter(stage=stage)
    return (
        problems.select_related("station", "sector")
        .defer("sector__boundary", "sector__description")
        .annotate(
            action_count=Count("actions", distinct=True),
            concern_count=Count("concerns", distinct=True),
        )
        .order_by("station__code", "-created_at", "-pk")
    )


def problem_get_for_user(*, user: AnyUser, pk: int) -> Problem:
    """Return the problem if it is in the user's scope; raise ``Http404`` when
    there is none, ``PermissionDenied`` when it is out of scope."""
    problem = (
        Problem.objects.select_related("station", "sector", "opened_by")
        .defer("sector__boundary")
        .filter(pk=pk)
        .first()
    )
    if problem is None:
        raise Http404(_("No problem has the number %(number)s.") % {"number": pk})
    if not permissions.problems_in_scope(user).filter(pk=problem.pk).exists():
        raise PermissionDenied(
            _("Problem %(number)s is outside your scope.") % {"number": problem.pk}
        )
    return problem


def problem_action_list(*, problem: Problem) -> QuerySet[ProblemAction]:
    """Return the problem's actions, the soonest due first (undated last)."""
    return problem.actions.order_by("due_date", "pk")


def problem_action_get(*, problem: Problem, pk: int) -> ProblemAction:
    action = problem.actions.filter(pk=pk).first()
    if action is None:
        raise Http404(
            _("Problem %(problem)s has no action number %(number)s.")
            % {"problem": problem.pk, "number": pk}
        )
    return action


def problem_linked_concerns(*, user: AnyUser, problem: Problem) -> QuerySet[Concern]:
    """Return the problem's concerns that the user may open."""
    return (
        permissions.concerns_in_scope(user)
        .filter(problems=problem)
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


def problem_concern_codes(*, problem: Problem) -> list[str]:
    """Return the tracking codes of the problem's concerns (for its form)."""
    return list(
        problem.concerns.order_by("submitted_at", "pk").values_list(
            "tracking_code", flat=True
        )
    )


def problem_priority_list(*, problem: Problem) -> QuerySet[SectorPriority]:
    """Return the sector priorities published from the problem."""
    return problem.priorities.order_by("-issue_date", "-pk")


def problem_station_choices(*, user: AnyUser) -> QuerySet[Station]:
    """Return the stations of the sectors the user sees."""
    station_ids = permissions.sectors_in_scope(user).values("station_id")
    return Station.objects.filter(pk__in=station_ids).order_by("code")


def problem_sector_choices(*, user: AnyUser) -> QuerySet[Sector]:
    """Return the sectors whose problems the user sees."""
    return (
        permissions.sectors_in_scope(user)
        .defer("boundary", "description")
        .order_by("code")
    )


def problem_open_sector_choices(*, user: AnyUser) -> QuerySet[Sector]:
    """Return the sectors where the user may open a problem."""
    return (
        permissions.sectors_acted_in(user)
        .defer("boundary", "description")
        .order_by("code")
    )
