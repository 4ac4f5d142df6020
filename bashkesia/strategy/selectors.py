"""Reads of the strategy: the published ones, the whole tree with its
progress and indicators (a fixed handful of queries whatever its size), the
timeline, and the permission-checked fetches of the back office."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.accounts.models import RoleGrant
from bashkesia.accounts.permissions import AnyUser

from . import permissions
from .indicators import FORMULAS, Formula
from .models import (
    Activity,
    ActivityStatus,
    ActivityUpdate,
    Indicator,
    IndicatorDirection,
    Measurement,
    Objective,
    Strategy,
    SubObjective,
)
from .progress import Node, achievement, roll_up

# Tree node keys for ``progress.roll_up``.
STRATEGY, OBJECTIVE, SUB_OBJECTIVE, ACTIVITY = "s", "o", "so", "a"


@dataclass
class IndicatorFigures:
    """An indicator with its measurements, the latest and how far it has
    come."""

    indicator: Indicator
    measurements: list[Measurement]
    latest: Measurement | None
    achievement: Decimal | None
    formula: Formula | None


@dataclass
class ActivityNode:
    activity: Activity
    progress: Decimal | None
    indicators: list[IndicatorFigures] = field(default_factory=list)


@dataclass
class SubObjectiveNode:
    sub_objective: SubObjective
    progress: Decimal | None
    activities: list[ActivityNode] = field(default_factory=list)
    indicators: list[IndicatorFigures] = field(default_factory=list)


@dataclass
class ObjectiveNode:
    objective: Objective
    progress: Decimal | None
    sub_objectives: list[SubObjectiveNode] = field(default_factory=list)
    indicators: list[IndicatorFigures] = field(default_factory=list)

    @property
    def activity_count(self) -> int:
        return sum(len(sub.activities) for sub in self.sub_objectives)

    @property
    def all_indicators(self) -> list[IndicatorFigures]:
        """Return the indicators of the objective and of everything in it."""
        found = list(self.indicators)
        for sub in self.sub_objectives:
            found.extend(sub.indicators)
            for activity in sub.activities:
                found.extend(activity.indicators)
        return found


@dataclass
class StrategyTree:
    strategy: Strategy
    progress: Decimal | None
    objectives: list[ObjectiveNode]

    @property
    def activity_count(self) -> int:
        return sum(objective.activity_count for objective in self.objectives)

    def status_counts(self) -> list[tuple[str, str, int]]:
        """Return (status, label, how many activities) for every status."""
        counts = dict.fromkeys(ActivityStatus.values, 0)
        for objective in self.objectives:
            for sub in objective.sub_objectives:
                for node in sub.activities:
                    counts[node.activity.status] += 1
        return [
            (status, str(ActivityStatus(status).label), counts[status])
            for status in ActivityStatus.values
        ]

    def objective(self, number: str) -> ObjectiveNode:
        for node in self.objectives:
            if node.objective.number == number:
                return node
        raise Http404(
            _("The strategy has no objective %(number)s.") % {"number": number}
        )


# Published strategies


def strategy_list_published() -> QuerySet[Strategy]:
    return Strategy.objects.filter(published=True).order_by("-start_year", "slug")


def strategy_current(*, today: datetime.date) -> Strategy | None:
    """Return the published strategy running this year (the latest begun
    when several are), else the latest published one; None without any."""
    published = strategy_list_published()
    running = published.filter(start_year__lte=today.year, end_year__gte=today.year)
    return running.first() or published.first()


def strategy_get_published(*, slug: str) -> Strategy:
    """Return the published strategy ``slug``; 404 for any other."""
    strategy = strategy_list_published().filter(slug=slug).first()
    if strategy is None:
        raise Http404(_("There is no published strategy %(slug)s.") % {"slug": slug})
    return strategy


# The tree


def _indicator_figures(indicator: Indicator) -> IndicatorFigures:
    measurements = list(indicator.measurements.all())
    latest = measurements[-1] if measurements else None
    return IndicatorFigures(
        indicator=indicator,
        measurements=measurements,
        latest=latest,
        achievement=achievement(
            baseline=indicator.baseline,
            target=indicator.target,
            value=latest.value if latest else None,
            increase=indicator.direction == IndicatorDirection.INCREASE,
        ),
        formula=FORMULAS.get(indicator.formula) if indicator.formula else None,
    )


def _activity_value(activity: Activity) -> Decimal | None:
    # A cancelled activity leaves the average.
    if activity.status == ActivityStatus.CANCELLED:
        return None
    return Decimal(activity.progress)


def strategy_tree(*, strategy: Strategy) -> StrategyTree:
    """Return the strategy's objectives, sub-objectives, activities (with
    their partners) and indicators (with their measurements, oldest first),
    every level with its progress: six queries whatever the size."""
    objectives = list(
        strategy.objectives.prefetch_related(
            Prefetch(
                "sub_objectives",
                queryset=SubObjective.objects.order_by("position", "number"),
            ),
            Prefetch(
                "sub_objectives__activities",
                queryset=Activity.objects.order_by("position", "number"),
            ),
            "sub_objectives__activities__partners",
        ).order_by("position", "number")
    )
    indicators = (
        Indicator.objects.filter(strategy=strategy)
        .prefetch_related(
            Prefetch(
                "measurements",
                queryset=Measurement.objects.order_by("period_start", "period_end"),
            )
        )
        .order_by("code")
    )
    by_owner: dict[tuple[str, int], list[IndicatorFigures]] = {}
    for indicator in indicators:
        if indicator.objective_id:
            owner = (OBJECTIVE, indicator.objective_id)
        elif indicator.sub_objective_id:
            owner = (SUB_OBJECTIVE, indicator.sub_objective_id)
        else:
            owner = (ACTIVITY, indicator.activity_id or 0)
        by_owner.setdefault(owner, []).append(_indicator_figures(indicator))

    root = Node(key=(STRATEGY, strategy.pk))
    for objective in objectives:
        objective_node = Node(key=(OBJECTIVE, objective.pk), weight=objective.weight)
        root.children.append(objective_node)
        for sub in objective.sub_objectives.all():
            sub_node = Node(key=(SUB_OBJECTIVE, sub.pk), weight=sub.weight)
            objective_node.children.append(sub_node)
            for activity in sub.activities.all():
                sub_node.children.append(
                    Node(
                        key=(ACTIVITY, activity.pk),
                        weight=activity.weight,
                        value=_activity_value(activity),
                    )
                )
    progress = roll_up(root)
    # A node without children is a leaf to ``roll_up``: its value is its own
    # (None for an objective or sub-objective), which is "no data".

    tree = StrategyTree(strategy=strategy, progress=progress[root.key], objectives=[])
    for objective in objectives:
        objective_view = ObjectiveNode(
            objective=objective,
            progress=progress[(OBJECTIVE, objective.pk)],
            indicators=by_owner.get((OBJECTIVE, objective.pk), []),
        )
        tree.objectives.append(objective_view)
        for sub in objective.sub_objectives.all():
            sub_view = SubObjectiveNode(
                sub_objective=sub,
                progress=progress[(SUB_OBJECTIVE, sub.pk)],
                indicators=by_owner.get((SUB_OBJECTIVE, sub.pk), []),
            )
            objective_view.sub_objectives.append(sub_view)
            for activity in sub.activities.all():
                sub_view.activities.append(
                    ActivityNode(
                        activity=activity,
                        progress=progress[(ACTIVITY, activity.pk)],
                        indicators=by_owner.get((ACTIVITY, activity.pk), []),
                    )
                )
    return tree


def strategy_timeline(
    *, strategy: Strategy, objective: Objective | None = None, limit: int = 30
) -> list[ActivityUpdate]:
    """Return the latest updates of the strategy's (or one objective's)
    activities, newest first."""
    updates = ActivityUpdate.objects.filter(activity__strategy=strategy)
    if objective is not None:
        updates = updates.filter(activity__sub_objective__objective=objective)
    return list(updates.select_related("activity").order_by("-at", "-id")[:limit])


def activity_timeline(*, activity: Activity) -> QuerySet[ActivityUpdate]:
    return activity.updates.select_related("by").order_by("-at", "-id")


# The back office


def strategy_list_all() -> QuerySet[Strategy]:
    return Strategy.objects.order_by("-start_year", "slug")


def strategy_get_for_editing(*, user: AnyUser, slug: str) -> Strategy:
    """Return strategy ``slug`` for an editor; 403 for anyone else, 404
    when there is none."""
    if not permissions.edits_strategy(user):
        raise PermissionDenied
    strategy = Strategy.objects.filter(slug=slug).first()
    if strategy is None:
        raise Http404(_("There is no strategy %(slug)s.") % {"slug": slug})
    return strategy


def _editable(user: AnyUser, queryset: QuerySet, pk: int, missing: str):
    if not permissions.edits_strategy(user):
        raise PermissionDenied
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404(missing)
    return found


def objective_get_for_editing(*, user: AnyUser, pk: int) -> Objective:
    return _editable(
        user,
        Objective.objects.select_related("strategy"),
        pk,
        _("There is no such objective."),
    )


def sub_objective_get_for_editing(*, user: AnyUser, pk: int) -> SubObjective:
    return _editable(
        user,
        SubObjective.objects.select_related("objective__strategy"),
        pk,
        _("There is no such sub-objective."),
    )


def activity_get_for_editing(*, user: AnyUser, pk: int) -> Activity:
    return _editable(
        user,
        Activity.objects.select_related("sub_objective__objective", "strategy"),
        pk,
        _("There is no such activity."),
    )


def indicator_get_for_editing(*, user: AnyUser, pk: int) -> Indicator:
    return _editable(
        user,
        Indicator.objects.select_related("strategy"),
        pk,
        _("There is no such indicator."),
    )


def measurement_get_for_editing(*, user: AnyUser, pk: int) -> Measurement:
    return _editable(
        user,
        Measurement.objects.select_related("indicator"),
        pk,
        _("There is no such measurement."),
    )


def activity_get_for_reporting(*, user: AnyUser, pk: int) -> Activity:
    """Return the activity for its reporters and the editors; 403 for
    anyone else, 404 when there is none."""
    activity = (
        Activity.objects.select_related("sub_objective__objective", "strategy")
        .filter(pk=pk)
        .first()
    )
    if activity is None:
        raise Http404(_("There is no such activity."))
    if not permissions.reports_on(user, activity):
        raise PermissionDenied
    return activity


def indicator_get_for_measuring(*, user: AnyUser, pk: int) -> Indicator:
    """Return the indicator for those who enter its measurements; 403 for
    anyone else, 404 when there is none."""
    indicator = (
        Indicator.objects.select_related("strategy", "activity").filter(pk=pk).first()
    )
    if indicator is None:
        raise Http404(_("There is no such indicator."))
    if not permissions.measures(user, indicator):
        raise PermissionDenied
    return indicator


def activity_list_reported_by(*, user: User) -> QuerySet[Activity]:
    """Return the activities the user reports on, with their indicators."""
    return (
        Activity.objects.filter(reporters=user)
        .select_related("strategy", "sub_objective__objective")
        .prefetch_related("indicators")
        .order_by("strategy__slug", "number")
    )


def indicator_measurements(*, indicator: Indicator) -> QuerySet[Measurement]:
    return indicator.measurements.select_related("entered_by").order_by("-period_start")


def indicator_list_computed() -> QuerySet[Indicator]:
    return Indicator.objects.filter(source="computed").select_related("strategy")


def strategy_staff_users() -> QuerySet[User]:
    """Return the users who hold a role: those who may be named reporters."""
    granted = RoleGrant.objects.filter(revoked_at__isnull=True).values("user_id")
    return User.objects.filter(is_active=True, pk__in=granted).order_by(
        "last_name", "first_name", "username"
    )
