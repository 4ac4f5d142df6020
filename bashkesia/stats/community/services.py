"""Writes of the community-policing rollup: ``CommunityMonth``, recomputed a
month at a time from concerns, forum meetings and sector priorities."""

import dataclasses
import datetime
import functools
import logging
import operator
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max, Min, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from bashkesia.concerns.models import Category, Concern, Status
from bashkesia.core import clock
from bashkesia.partnership.models import Meeting, SectorPriority
from bashkesia.territory.models import Region, Sector, Station

from ..models import CommunityMonth
from .histogram import DAYS_EDGES, HOURS_EDGES, histogram_add, histogram_from_cumulative
from .months import in_months, month_add, month_start, months_between

logger = logging.getLogger(__name__)

Level = CommunityMonth.Level


@dataclasses.dataclass
class Tally:
    """The figures of one scope and month, as they are added up."""

    received: int = 0
    acknowledged: int = 0
    resolved: int = 0
    resolved_within_target: int = 0
    hours_to_acknowledge: list[int] = dataclasses.field(default_factory=list)
    days_to_resolve: list[int] = dataclasses.field(default_factory=list)
    meetings_held: int = 0
    priorities_set: int = 0
    priorities_acted_on: int = 0

    def add_concerns_and_priorities(self, other: "Tally") -> None:
        """Add what sums up the levels; meetings do not (a forum covers
        several sectors), they are counted at each level."""
        self.received += other.received
        self.acknowledged += other.acknowledged
        self.resolved += other.resolved
        self.resolved_within_target += other.resolved_within_target
        histogram_add(self.hours_to_acknowledge, other.hours_to_acknowledge)
        histogram_add(self.days_to_resolve, other.days_to_resolve)
        self.priorities_set += other.priorities_set
        self.priorities_acted_on += other.priorities_acted_on


def resolved_within_target_condition() -> Q:
    """Return the condition "resolved within its category's target".

    The SQL form of ``concerns.staff_selectors.concern_targets``: resolved,
    and not ``closed_late`` (closed at most ``resolve_within_days`` after
    submission). One term per distinct target, as ``overdue_conditions``
    builds them.
    """
    by_days: dict[int, list[int]] = defaultdict(list)
    for pk, days in Category.objects.values_list("pk", "resolve_within_days"):
        by_days[days].append(pk)
    terms = [
        Q(
            category_id__in=ids,
            closed_at__lte=F("submitted_at") + datetime.timedelta(days=days),
        )
        for days, ids in sorted(by_days.items())
    ]
    if not terms:
        return Q(pk__in=[])
    return Q(status=Status.RESOLVED) & functools.reduce(operator.or_, terms)


def _month(value: datetime.date | datetime.datetime) -> datetime.date:
    # TruncMonth of a DateTimeField is a datetime in the site's time zone.
    return value.date() if isinstance(value, datetime.datetime) else value


def _concern_tallies(months: list[datetime.date]) -> dict[tuple, Tally]:
    """Return the concern figures per (sector id, month): one GROUP BY."""
    resolved = Q(status=Status.RESOLVED, closed_at__isnull=False)
    aggregates = {
        "received": Count("pk"),
        "acknowledged": Count("pk", filter=Q(acknowledged_at__isnull=False)),
        "resolved": Count("pk", filter=Q(status=Status.RESOLVED)),
        "within": Count("pk", filter=resolved_within_target_condition()),
        "timed": Count("pk", filter=resolved),
    }
    for index, hours in enumerate(HOURS_EDGES[1:]):
        limit = F("submitted_at") + datetime.timedelta(hours=hours)
        aggregates[f"ack_{index}"] = Count("pk", filter=Q(acknowledged_at__lt=limit))
    for index, days in enumerate(DAYS_EDGES[1:]):
        limit = F("submitted_at") + datetime.timedelta(days=days)
        aggregates[f"res_{index}"] = Count(
            "pk", filter=resolved & Q(closed_at__lt=limit)
        )
    rows = (
        Concern.objects.filter(in_months("submitted_at", months, moment=True))
        .annotate(month=TruncMonth("submitted_at"))
        .values("sector_id", "month")
        .annotate(**aggregates)
        .order_by()
    )
    tallies = {}
    for row in rows:
        ack_below = [row[f"ack_{i}"] for i in range(len(HOURS_EDGES) - 1)]
        res_below = [row[f"res_{i}"] for i in range(len(DAYS_EDGES) - 1)]
        tallies[row["sector_id"], _month(row["month"])] = Tally(
            received=row["received"],
            acknowledged=row["acknowledged"],
            resolved=row["resolved"],
            resolved_within_target=row["within"],
            hours_to_acknowledge=histogram_from_cumulative(
                ack_below, row["acknowledged"]
            ),
            days_to_resolve=histogram_from_cumulative(res_below, row["timed"]),
        )
    return tallies


def _counts(rows: Iterable[dict], key: str) -> dict[tuple, int]:
    return {
        (row[key], _month(row["month"])): row["count"]
        for row in rows
        if row[key] is not None
    }


def _meetings_held(months: list[datetime.date], *, by: str) -> dict[tuple, int]:
    """Return the meetings held per (``by``, month): ``by`` is the forum's
    station or, through the sectors it covers, a sector."""
    rows = (
        Meeting.objects.filter(
            in_months("starts_at", months, moment=True), status=Meeting.Status.HELD
        )
        .annotate(month=TruncMonth("starts_at"))
        .values(by, "month")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return _counts(rows, by)


def _priorities(months: list[datetime.date], *, on: str) -> dict[tuple, int]:
    """Return the sector priorities per (sector id, month of ``on``)."""
    rows = (
        SectorPriority.objects.filter(in_months(on, months, moment=False))
        .annotate(month=TruncMonth(on))
        .values("sector_id", "month")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return _counts(rows, "sector_id")


def _row(
    level: str,
    scope: dict[str, int],
    month: datetime.date,
    tally: Tally,
    now: datetime.datetime,
) -> CommunityMonth:
    return CommunityMonth(
        level=level, month=month, refreshed_at=now, **scope, **vars(tally)
    )


def community_months_refresh(*, months: list[datetime.date] | None = None) -> int:
    """Recompute the rollup of ``months`` (any day of each; by default the
    current and the previous month) for every sector, station, region and
    Kosovo; return how many rows were written.

    Five GROUP BY queries whatever the number of sectors and months
    (concerns; meetings by station and by sector; priorities set and acted
    on) and four small reads (sectors, stations, regions, categories); then
    every scope's row of each month is replaced, zeros included: a row's
    ``refreshed_at`` says how fresh its month is. Should another refresh
    write the same months at the same time, this one gives way.
    """
    if months is None:
        current = month_start(clock.today())
        months = [month_add(current, -1), current]
    months = sorted({month_start(month) for month in months})
    if not months:
        return 0
    now = clock.now()
    station_of = dict(Sector.objects.values_list("pk", "station_id"))
    region_of = dict(Station.objects.values_list("pk", "municipality__region_id"))
    regions = list(Region.objects.values_list("pk", flat=True))
    concerns = _concern_tallies(months)
    held_by_station = _meetings_held(months, by="forum__station_id")
    held_by_sector = _meetings_held(months, by="forum__sectors")
    priorities_set = _priorities(months, on="issue_date")
    priorities_acted_on = _priorities(months, on="action_date")
    rows = []
    for month in months:
        kosovo = Tally()
        by_station = {pk: Tally() for pk in region_of}
        by_region = {pk: Tally() for pk in regions}
        for sector_id, station_id in station_of.items():
            key = (sector_id, month)
            tally = concerns.get(key) or Tally()
            tally.meetings_held = held_by_sector.get(key, 0)
            tally.priorities_set = priorities_set.get(key, 0)
            tally.priorities_acted_on = priorities_acted_on.get(key, 0)
            rows.append(_row(Level.SECTOR, {"sector_id": sector_id}, month, tally, now))
            for total in (
                by_station[station_id],
                by_region[region_of[station_id]],
                kosovo,
            ):
                total.add_concerns_and_priorities(tally)
        for station_id, tally in by_station.items():
            held = held_by_station.get((station_id, month), 0)
            tally.meetings_held = held
            by_region[region_of[station_id]].meetings_held += held
            kosovo.meetings_held += held
            rows.append(
                _row(Level.STATION, {"station_id": station_id}, month, tally, now)
            )
        for region_id, tally in by_region.items():
            rows.append(_row(Level.REGION, {"region_id": region_id}, month, tally, now))
        rows.append(_row(Level.KOSOVO, {}, month, kosovo, now))
    try:
        with transaction.atomic():
            CommunityMonth.objects.filter(month__in=months).delete()
            CommunityMonth.objects.bulk_create(rows, batch_size=1000)
    except IntegrityError:
        logger.info("Community figures of %s refreshed meanwhile elsewhere", months)
        return 0
    return len(rows)


def community_months_all() -> list[datetime.date]:
    """Return every month from the first with a concern, a meeting held or a
    priority to the current one."""
    today = clock.today()
    firsts = [
        Concern.objects.aggregate(first=Min("submitted_at"))["first"],
        Meeting.objects.filter(status=Meeting.Status.HELD).aggregate(
            first=Min("starts_at")
        )["first"],
        SectorPriority.objects.aggregate(first=Min("issue_date"))["first"],
    ]
    days = [
        timezone.localdate(value) if isinstance(value, datetime.datetime) else value
        for value in firsts
        if value is not None
    ]
    return months_between(min([*days, today]), today)


def community_months_changed() -> list[datetime.date]:
    """Return the months, up to the current one, whose rollup is missing or
    older than the last change to one of their concerns, meetings or
    priorities (its ``updated_at``).

    A grouped scan of each table (about half a second over a million
    concerns in PostgreSQL): for the daily command and the background task,
    not for a request. Deletions and a meeting moved to another month leave
    the month it left as it was: ``refresh_community_figures --all`` sets
    those right.
    """
    refreshed = dict(
        CommunityMonth.objects.filter(level=Level.KOSOVO).values_list(
            "month", "refreshed_at"
        )
    )
    current = month_start(clock.today())
    sources: list[tuple[QuerySet[Any], str]] = [
        (Concern.objects.all(), "submitted_at"),
        (Meeting.objects.all(), "starts_at"),
        (SectorPriority.objects.all(), "issue_date"),
        (SectorPriority.objects.filter(action_date__isnull=False), "action_date"),
    ]
    changed = set()
    for source, field in sources:
        latest = (
            source.annotate(month=TruncMonth(field))
            .values("month")
            .annotate(changed=Max("updated_at"))
            .values_list("month", "changed")
            .order_by()
        )
        for value, changed_at in latest:
            month = _month(value)
            seen = refreshed.get(month)
            if month <= current and (seen is None or changed_at >= seen):
                changed.add(month)
    return sorted(changed)


def community_months_due() -> list[datetime.date]:
    """Return the months a routine refresh recomputes: the current and the
    previous one, and those changed since they were computed."""
    current = month_start(clock.today())
    return sorted({month_add(current, -1), current, *community_months_changed()})
