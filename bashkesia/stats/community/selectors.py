"""Reads of the community-policing figures: a scope's months of the rollup
added up, and its active forums counted live (the forum table is small)."""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q

from bashkesia.core import clock
from bashkesia.partnership.models import Forum, ForumStatus
from bashkesia.territory.models import Region, Sector, Station

from ..models import CommunityMonth
from .histogram import DAYS_EDGES, HOURS_EDGES, histogram_add, histogram_median
from .months import month_add, month_end, month_start

# How old the current month's rollup may be before a read has it refreshed.
FRESH_FOR = datetime.timedelta(minutes=10)
REFRESH_ENQUEUED = "stats:community:refresh-enqueued"

Level = CommunityMonth.Level
SUMMED = (
    "received",
    "acknowledged",
    "resolved",
    "resolved_within_target",
    "meetings_held",
    "priorities_set",
    "priorities_acted_on",
)


@dataclass(frozen=True)
class CommunityFigures:
    """A scope's community-policing figures over whole months.

    Concerns are those submitted from ``start`` to ``end``; "resolved" are
    those of them resolved by now, and ``share_within_target`` is the share
    of these resolved within their category's target. Medians are estimated
    from histograms (within a bucket: "about"). ``active_forums`` counts the
    forums active on ``end``.
    """

    start: datetime.date  # the first day of the first month
    end: datetime.date  # the last day of the last month, or today if sooner
    concerns_received: int
    concerns_resolved: int
    median_hours_to_acknowledge: float | None
    median_days_to_resolve: float | None
    share_within_target: float | None
    meetings_held: int
    active_forums: int
    priorities_set: int
    priorities_acted_on: int

    @property
    def percent_within_target(self) -> int | None:
        if self.share_within_target is None:
            return None
        return round(self.share_within_target * 100)


def _rows_condition(
    *, region: Region | None, station: Station | None, sector: Sector | None
) -> Q:
    if sector is not None:
        return Q(level=Level.SECTOR, sector=sector)
    if station is not None:
        # A station's figures take in its substations'.
        family = Station.objects.filter(Q(pk=station.pk) | Q(parent=station))
        return Q(level=Level.STATION, station__in=family.values("pk"))
    if region is not None:
        return Q(level=Level.REGION, region=region)
    return Q(level=Level.KOSOVO)


def _active_forums(
    *,
    region: Region | None,
    station: Station | None,
    sector: Sector | None,
    day: datetime.date,
) -> int:
    """Return how many forums of the scope were active on ``day``: a sector's
    are those covering it; a station's, those it (or a substation) looks
    after; a region's, those of its stations."""
    forums = Forum.objects.filter(
        Q(status=ForumStatus.ACTIVE)
        | Q(status=ForumStatus.DISSOLVED, dissolved_on__gt=day),
        Q(established_on__isnull=True) | Q(established_on__lte=day),
    )
    if sector is not None:
        forums = forums.filter(sectors=sector)
    elif station is not None:
        forums = forums.filter(Q(station=station) | Q(station__parent=station))
    elif region is not None:
        forums = forums.filter(station__municipality__region=region)
    return forums.count()


def _refresh_soon() -> None:
    """Have the background worker refresh the rollup; at most once per
    ``FRESH_FOR`` from this process."""
    if cache.add(REFRESH_ENQUEUED, True, timeout=FRESH_FOR.total_seconds()):
        from ..tasks import community_figures_refresh

        transaction.on_commit(community_figures_refresh.enqueue)


def community_figures(
    *,
    region: Region | None = None,
    station: Station | None = None,
    sector: Sector | None = None,
    start: datetime.date,
    end: datetime.date,
) -> CommunityFigures:
    """Return the figures of a sector, a station (with its substations), a
    region or, given none, Kosovo, over the whole months from ``start``'s to
    ``end``'s.

    Two queries: the scope's rows of the rollup (a few dozen), and the
    active forums. When the range takes in the current month and its rollup
    is missing or older than ``FRESH_FOR``, a refresh is enqueued; the
    answer is the rollup as it stands.
    """
    if sum(scope is not None for scope in (region, station, sector)) > 1:
        raise ValueError("Give at most one of region, station and sector.")
    first, last = month_start(start), month_start(end)
    if last < first:
        raise ValueError("The range ends before it starts.")
    today = clock.today()
    period_end = month_end(last)
    if first <= today < period_end:
        period_end = today
    rows = (
        CommunityMonth.objects.filter(
            _rows_condition(region=region, station=station, sector=sector),
            month__gte=first,
            month__lte=last,
        )
        .values(
            *SUMMED, "month", "refreshed_at", "hours_to_acknowledge", "days_to_resolve"
        )
        .order_by()
    )
    totals = dict.fromkeys(SUMMED, 0)
    hours: list[int] = []
    days: list[int] = []
    current = month_start(today)
    current_refreshed: list[datetime.datetime] = []
    for row in rows:
        for name in SUMMED:
            totals[name] += row[name]
        histogram_add(hours, row["hours_to_acknowledge"])
        histogram_add(days, row["days_to_resolve"])
        if row["month"] == current:
            current_refreshed.append(row["refreshed_at"])
    if first <= current <= last and (
        not current_refreshed or min(current_refreshed) < clock.now() - FRESH_FOR
    ):
        _refresh_soon()
    resolved = totals["resolved"]
    return CommunityFigures(
        start=first,
        end=period_end,
        concerns_received=totals["received"],
        concerns_resolved=resolved,
        median_hours_to_acknowledge=histogram_median(hours, HOURS_EDGES),
        median_days_to_resolve=histogram_median(days, DAYS_EDGES),
        share_within_target=(
            totals["resolved_within_target"] / resolved if resolved else None
        ),
        meetings_held=totals["meetings_held"],
        active_forums=_active_forums(
            region=region, station=station, sector=sector, day=period_end
        ),
        priorities_set=totals["priorities_set"],
        priorities_acted_on=totals["priorities_acted_on"],
    )


def community_figures_recent(
    *,
    region: Region | None = None,
    station: Station | None = None,
    sector: Sector | None = None,
    months: int = 12,
) -> CommunityFigures:
    """Return the figures of the last ``months`` months, the current one
    (so far) included."""
    today = clock.today()
    return community_figures(
        region=region,
        station=station,
        sector=sector,
        start=month_add(month_start(today), 1 - months),
        end=today,
    )
