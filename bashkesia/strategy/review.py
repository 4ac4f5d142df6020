"""The yearly review: the document the directorate and its partners go
through each year, for one strategy and one year.

Progress and statuses are taken as they stood at the end of the year (or
today, for the year under way), from each activity's dated timeline: the
last update made by then, else the state before the first update after it,
else the activity as it is now. Progress then rolls up as everywhere
(``progress.roll_up``), a cancelled activity leaving the average.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from bashkesia.partners.models import Partner
from bashkesia.stats.community.months import local_midnight

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
from .periods import period_label
from .progress import Node, achievement, roll_up

DONE = {ActivityStatus.COMPLETED, ActivityStatus.CANCELLED}


@dataclass
class ReviewActivity:
    activity: Activity
    status: str
    progress: int
    overdue: bool

    @property
    def status_label(self) -> str:
        return str(ActivityStatus(self.status).label)


@dataclass
class ReviewSubObjective:
    sub_objective: SubObjective
    progress: Decimal | None


@dataclass
class ReviewObjective:
    objective: Objective
    progress: Decimal | None
    sub_objectives: list[ReviewSubObjective] = field(default_factory=list)


@dataclass
class ReviewIndicator:
    indicator: Indicator
    owner: str  # the number of what it measures
    measurement: Measurement | None
    achievement: Decimal | None

    @property
    def value(self) -> Decimal | None:
        return self.measurement.value if self.measurement else None

    @property
    def period(self) -> str:
        if self.measurement is None:
            return ""
        return period_label(self.measurement.period_start, self.measurement.period_end)


@dataclass
class ReviewPartner:
    partner: Partner
    activities: list[str]


@dataclass
class YearReview:
    strategy: Strategy
    year: int
    as_of: datetime.date
    progress: Decimal | None
    objectives: list[ReviewObjective]
    status_counts: list[tuple[str, str, int]]
    due: list[ReviewActivity]
    indicators: list[ReviewIndicator]
    timeline: list[ActivityUpdate]
    partners: list[ReviewPartner]

    @property
    def due_completed(self) -> int:
        return sum(1 for item in self.due if item.status == ActivityStatus.COMPLETED)

    @property
    def due_overdue(self) -> int:
        return sum(1 for item in self.due if item.overdue)

    @property
    def indicators_measured(self) -> int:
        return sum(1 for item in self.indicators if item.measurement is not None)

    @property
    def indicators_on_target(self) -> int:
        return sum(1 for item in self.indicators if item.achievement == 100)

    @property
    def activity_count(self) -> int:
        return sum(count for _status, _label, count in self.status_counts)

    @property
    def year_over(self) -> bool:
        return self.as_of == datetime.date(self.year, 12, 31)


def review_years(strategy: Strategy) -> list[int]:
    return list(range(strategy.start_year, strategy.end_year + 1))


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split(".") if part.isdigit())


def _state_at(
    activity: Activity, updates: list[ActivityUpdate], cut: datetime.datetime
) -> tuple[str, int]:
    """Return the activity's (status, progress) before ``cut``; ``updates``
    are its own, oldest first."""
    before = [update for update in updates if update.at < cut]
    if before:
        return before[-1].new_status, before[-1].new_progress
    if updates:
        return updates[0].old_status, updates[0].old_progress
    return activity.status, activity.progress


def year_review(*, strategy: Strategy, year: int, today: datetime.date) -> YearReview:
    """Return the review of ``strategy`` for ``year``; 404 for a year outside
    the strategy's period. A fixed handful of queries whatever its size."""
    if not strategy.start_year <= year <= strategy.end_year:
        raise Http404(
            _("The strategy runs from %(first)s to %(last)s.")
            % {"first": strategy.start_year, "last": strategy.end_year}
        )
    first_day = datetime.date(year, 1, 1)
    as_of = min(datetime.date(year, 12, 31), today)
    cut = local_midnight(as_of + datetime.timedelta(days=1))
    objectives = list(strategy.objectives.order_by("position", "number"))
    subs = list(
        SubObjective.objects.filter(objective__strategy=strategy).order_by(
            "position", "number"
        )
    )
    activities = list(
        Activity.objects.filter(strategy=strategy)
        .select_related("sub_objective")
        .prefetch_related("partners")
        .order_by("position", "number")
    )
    updates: dict[int, list[ActivityUpdate]] = {}
    for update in (
        ActivityUpdate.objects.filter(activity__strategy=strategy)
        .select_related("activity")
        .order_by("at", "id")
    ):
        updates.setdefault(update.activity_id, []).append(update)

    states = {
        activity.pk: _state_at(activity, updates.get(activity.pk, []), cut)
        for activity in activities
    }
    root = Node(key="s")
    objective_nodes = {o.pk: Node(key=("o", o.pk), weight=o.weight) for o in objectives}
    sub_nodes = {s.pk: Node(key=("so", s.pk), weight=s.weight) for s in subs}
    root.children = list(objective_nodes.values())
    for sub in subs:
        objective_nodes[sub.objective_id].children.append(sub_nodes[sub.pk])
    counts = dict.fromkeys(ActivityStatus.values, 0)
    for activity in activities:
        status, progress = states[activity.pk]
        counts[status] += 1
        sub_nodes[activity.sub_objective_id].children.append(
            Node(
                key=("a", activity.pk),
                weight=activity.weight,
                value=None if status == ActivityStatus.CANCELLED else Decimal(progress),
            )
        )
    rolled = roll_up(root)

    review_objectives = []
    for objective in objectives:
        node = ReviewObjective(objective, rolled[("o", objective.pk)])
        node.sub_objectives = [
            ReviewSubObjective(sub, rolled[("so", sub.pk)])
            for sub in subs
            if sub.objective_id == objective.pk
        ]
        review_objectives.append(node)

    # At the end of the year, an activity due on its last day is late too.
    late_before = (
        as_of + datetime.timedelta(days=1)
        if as_of.month == 12 and (as_of.day == 31)
        else as_of
    )
    due = []
    for activity in activities:
        if activity.end is None or activity.end.year != year:
            continue
        status, progress = states[activity.pk]
        due.append(
            ReviewActivity(
                activity,
                status,
                progress,
                overdue=status not in DONE and activity.end < late_before,
            )
        )
    due.sort(key=lambda item: _number_key(item.activity.number))

    return YearReview(
        strategy=strategy,
        year=year,
        as_of=as_of,
        progress=rolled["s"],
        objectives=review_objectives,
        status_counts=[
            (status, str(ActivityStatus(status).label), counts[status])
            for status in ActivityStatus.values
        ],
        due=due,
        indicators=_indicators(strategy, first_day, as_of),
        timeline=[
            update
            for activity_updates in updates.values()
            for update in activity_updates
            if local_midnight(first_day) <= update.at < cut
        ],
        partners=_partners(activities, first_day, datetime.date(year, 12, 31)),
    )


def _indicators(
    strategy: Strategy, first_day: datetime.date, as_of: datetime.date
) -> list[ReviewIndicator]:
    """Each indicator with its last measurement of a period ending within the
    year (by ``as_of``)."""
    indicators = Indicator.objects.filter(strategy=strategy).select_related(
        "objective", "sub_objective", "activity"
    )
    latest: dict[int, Measurement] = {}
    for measured in Measurement.objects.filter(
        indicator__strategy=strategy,
        period_end__gte=first_day,
        period_end__lte=as_of,
    ).order_by("period_end", "period_start"):
        latest[measured.indicator_id] = measured
    found = []
    for indicator in indicators:
        owner = indicator.objective or indicator.sub_objective or indicator.activity
        measurement = latest.get(indicator.pk)
        found.append(
            ReviewIndicator(
                indicator=indicator,
                owner=owner.number if owner else "",
                measurement=measurement,
                achievement=achievement(
                    baseline=indicator.baseline,
                    target=indicator.target,
                    value=measurement.value if measurement else None,
                    increase=indicator.direction == IndicatorDirection.INCREASE,
                ),
            )
        )
    found.sort(key=lambda item: (_number_key(item.owner), item.indicator.code))
    return found


def _partners(
    activities: list[Activity], first_day: datetime.date, last_day: datetime.date
) -> list[ReviewPartner]:
    """The partners of the activities running in the year, with their
    numbers."""
    by_partner: dict[int, ReviewPartner] = {}
    for activity in sorted(activities, key=lambda a: _number_key(a.number)):
        if activity.start and activity.start > last_day:
            continue
        if activity.end and activity.end < first_day:
            continue
        for partner in activity.partners.all():
            entry = by_partner.setdefault(partner.pk, ReviewPartner(partner, []))
            entry.activities.append(activity.number)
    return sorted(by_partner.values(), key=lambda entry: str(entry.partner.name))


def when(update: ActivityUpdate) -> datetime.date:
    return timezone.localdate(update.at)
