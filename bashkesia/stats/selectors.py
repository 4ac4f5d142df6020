"""Every read of the general statistics: the published day, its bulletin,
and series of days for Kosovo, a region or a station.

The public sees confirmed figures only, and days up to the *published day*:
the latest day whose figures every station has confirmed. National and
regional figures are read from ``DailyTotal`` (one row a day), a station's
from its own rows.
"""

import datetime
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncMonth

from bashkesia.territory.models import Region, Settlement, Station

from .models import BULLETIN_FIGURES, FIGURES, Correction, DailyStatistics, DailyTotal


@dataclass(frozen=True)
class Scope:
    """Where figures are summed: Kosovo (``region`` and ``station`` None), a
    regional directorate or a station."""

    region: Region | None = None
    station: Station | None = None

    @property
    def level(self) -> str:
        if self.station is not None:
            return "station"
        return "region" if self.region is not None else "national"

    @property
    def code(self) -> str:
        if self.station is not None:
            return self.station.code
        return self.region.code if self.region is not None else ""

    @property
    def name(self) -> str:
        place = self.station or self.region
        return place.name if place is not None else ""


NATIONAL = Scope()


@dataclass(frozen=True)
class DayFigures:
    """The figures of one day in a scope; ``corrected`` when a published
    figure of the day was corrected after confirmation."""

    day: datetime.date
    figures: dict[str, int]
    corrected: bool = False
    is_demo: bool = False

    def __getitem__(self, name: str) -> int:
        return self.figures[name]


# The published day as read once for a whole page (see ``published_day_held``).
_held_published_day: ContextVar[tuple[datetime.date | None] | None] = ContextVar(
    "held_published_day", default=None
)


def published_day() -> datetime.date | None:
    """Return the latest day whose figures every station has confirmed."""
    held = _held_published_day.get()
    if held is not None:
        return held[0]
    stations = Station.objects.count()
    if not stations:
        return None
    return (
        DailyTotal.objects.filter(region__isnull=True, stations__gte=stations)
        .order_by("-day")
        .values_list("day", flat=True)
        .first()
    )


def bulletin_for_day(*, day: datetime.date) -> DayFigures | None:
    """Return Kosovo's six bulletin figures of ``day`` (None if nothing is
    confirmed that day)."""
    row = (
        DailyTotal.objects.filter(region__isnull=True, day=day)
        .values("day", "is_demo", *BULLETIN_FIGURES)
        .first()
    )
    if row is None:
        return None
    return DayFigures(
        day=day,
        figures={name: row[name] for name in BULLETIN_FIGURES},
        is_demo=row["is_demo"],
        corrected=DailyStatistics.objects.filter(
            day=day, corrected_at__isnull=False
        ).exists(),
    )


def series_daily(
    *, scope: Scope, start: datetime.date, end: datetime.date
) -> list[DayFigures]:
    """Return the confirmed figures of each day from ``start`` to ``end``
    (inclusive) in ``scope``, oldest first; a day without confirmed figures
    is left out. Days after the published day are left out."""
    published = published_day()
    if published is None:
        return []
    end = min(end, published)
    if end < start:
        return []
    corrected_days = _corrected_days(scope=scope, start=start, end=end)
    rows: QuerySet
    if scope.station is not None:
        rows = DailyStatistics.objects.filter(
            station=scope.station,
            status=DailyStatistics.Status.CONFIRMED,
            day__range=(start, end),
        )
    else:
        rows = DailyTotal.objects.filter(region=scope.region, day__range=(start, end))
    return [
        DayFigures(
            day=row[0],
            figures=dict(zip(FIGURES, row[1:], strict=True)),
            corrected=row[0] in corrected_days,
        )
        for row in rows.order_by("day").values_list("day", *FIGURES)
    ]


def _corrected_days(
    *, scope: Scope, start: datetime.date, end: datetime.date
) -> set[datetime.date]:
    # Read from the (few) corrections made after publication, not from ten
    # years of station rows: a station's day has ``corrected_at`` exactly
    # when it has such a correction.
    rows = Correction.objects.filter(public=True, statistics__day__range=(start, end))
    if scope.station is not None:
        rows = rows.filter(statistics__station=scope.station)
    elif scope.region is not None:
        rows = rows.filter(statistics__station__municipality__region=scope.region)
    return set(rows.values_list("statistics__day", flat=True).distinct())


# The statistics page: averages, months, last year, regions and stations.


@contextmanager
def published_day_held() -> Iterator[datetime.date | None]:
    """Read the published day once and answer it to every selector called
    inside the block (a page calls a dozen; each would read it again)."""
    token = _held_published_day.set((published_day(),))
    try:
        yield _held_published_day.get()[0]  # type: ignore[index]
    finally:
        _held_published_day.reset(token)


AVERAGE_DAYS = 7


class AveragedDay(NamedTuple):
    """A day's figures and, per figure averaged, the mean of the seven days
    ending with it (None unless all seven have figures). A tuple: ten years
    of them are made fast."""

    day: datetime.date
    figures: dict[str, int]
    averages: dict[str, float | None]
    corrected: bool = False


@dataclass(frozen=True)
class MonthFigures:
    """The sums of a month's days within a range (``month`` is its first
    day) and how many days they count."""

    month: datetime.date
    figures: dict[str, int]
    days: int


@dataclass(frozen=True)
class Change:
    """A figure now and a year before: the difference, and as a percentage
    of the year before (None when that was 0)."""

    current: int
    previous: int

    @property
    def difference(self) -> int:
        return self.current - self.previous

    @property
    def percent(self) -> float | None:
        if not self.previous:
            return None
        return 100 * self.difference / self.previous


@dataclass(frozen=True)
class YearOnYear:
    """A range's sums beside those of the same days a year before."""

    start: datetime.date
    end: datetime.date
    previous_start: datetime.date
    previous_end: datetime.date
    changes: dict[str, Change]


@dataclass(frozen=True)
class PlaceFigures:
    """A region's or a station's sums over a range; per 10,000 residents
    where its population is known (else None)."""

    code: str
    name: str
    figures: dict[str, int]
    population: int = 0

    @property
    def per_10k(self) -> dict[str, float] | None:
        if not self.population:
            return None
        return {
            name: value * 10_000 / self.population
            for name, value in self.figures.items()
        }


def public_end(end: datetime.date) -> datetime.date | None:
    """Return ``end``, or the published day when ``end`` is later (None when
    nothing is published)."""
    published = published_day()
    return None if published is None else min(end, published)


def series_averaged(
    *,
    scope: Scope,
    start: datetime.date,
    end: datetime.date,
    figures: Sequence[str] = FIGURES,
) -> list[AveragedDay]:
    """Return ``series_daily`` from ``start`` to ``end`` with the seven-day
    average of each of ``figures`` (the day and the six before it, read for
    the first days of the range too)."""
    first = start - datetime.timedelta(days=AVERAGE_DAYS - 1)
    series = series_daily(scope=scope, start=first, end=end)
    if not series:
        return []
    # Running sums over the calendar days: a window's sum is a difference.
    length = (series[-1].day - first).days + 1
    counts = [0] * (length + 1)
    sums = {name: [0] * (length + 1) for name in figures}
    for row in series:
        index = (row.day - first).days + 1
        counts[index] = 1
        for name in figures:
            sums[name][index] = row.figures[name]
    counts = list(accumulate(counts))
    sums = {name: list(accumulate(values)) for name, values in sums.items()}
    averaged = []
    for row in series:
        if row.day < start:
            continue
        index = (row.day - first).days + 1
        low = index - AVERAGE_DAYS
        if counts[index] - counts[low] == AVERAGE_DAYS:
            averages: dict[str, float | None] = {
                name: (sums[name][index] - sums[name][low]) / AVERAGE_DAYS
                for name in figures
            }
        else:
            averages = dict.fromkeys(figures)
        averaged.append(AveragedDay(row.day, row.figures, averages, row.corrected))
    return averaged


def _public_rows(
    *, scope: Scope, start: datetime.date, end: datetime.date
) -> QuerySet | None:
    """Return the rows summed for ``scope`` from ``start`` to ``end``, cut at
    the published day: ``DailyTotal`` for Kosovo and a region, the station's
    confirmed rows for a station (None when no day of the range is
    public)."""
    last = public_end(end)
    if last is None or last < start:
        return None
    if scope.station is not None:
        return DailyStatistics.objects.filter(
            station=scope.station,
            status=DailyStatistics.Status.CONFIRMED,
            day__range=(start, last),
        )
    return DailyTotal.objects.filter(region=scope.region, day__range=(start, last))


def _sums() -> dict[str, Sum]:
    return {name: Sum(name) for name in FIGURES}


def _figures(row: dict) -> dict[str, int]:
    """Return the figures of an aggregate row (0 for a sum of no rows)."""
    return {name: row.get(name) or 0 for name in FIGURES}


def totals(*, scope: Scope, start: datetime.date, end: datetime.date) -> dict[str, int]:
    """Return each figure's sum over the public days from ``start`` to
    ``end`` in ``scope`` (zeros when none is public)."""
    rows = _public_rows(scope=scope, start=start, end=end)
    if rows is None:
        return dict.fromkeys(FIGURES, 0)
    return _figures(rows.aggregate(**_sums()))


def series_monthly(
    *, scope: Scope, start: datetime.date, end: datetime.date
) -> list[MonthFigures]:
    """Return the sums of each month's public days from ``start`` to ``end``
    (a month cut by the range counts only its days in it), oldest first."""
    rows = _public_rows(scope=scope, start=start, end=end)
    if rows is None:
        return []
    grouped = (
        rows.annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(count=Count("pk"), **_sums())
        .order_by("month")
    )
    return [
        MonthFigures(month=row["month"], figures=_figures(row), days=row["count"])
        for row in grouped
    ]


def year_before(day: datetime.date) -> datetime.date:
    """Return the same day a year before (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def same_period_last_year(
    *, scope: Scope, start: datetime.date, end: datetime.date
) -> YearOnYear | None:
    """Return the sums from ``start`` to ``end`` (cut at the published day)
    beside those of the same days a year before, per figure (None when no
    day of the range is public)."""
    last = public_end(end)
    if last is None or last < start:
        return None
    current = totals(scope=scope, start=start, end=last)
    previous_start, previous_end = year_before(start), year_before(last)
    previous = totals(scope=scope, start=previous_start, end=previous_end)
    return YearOnYear(
        start=start,
        end=last,
        previous_start=previous_start,
        previous_end=previous_end,
        changes={
            name: Change(current=current[name], previous=previous[name])
            for name in FIGURES
        },
    )


def population_by_region() -> dict[int, int]:
    """Return each region's residents: the population of the settlements of
    its municipalities (0 where none is known)."""
    return dict(
        Settlement.objects.values("municipality__region_id")
        .annotate(residents=Sum("population"))
        .order_by()
        .values_list("municipality__region_id", "residents")
    )


def regions_compared(*, start: datetime.date, end: datetime.date) -> list[PlaceFigures]:
    """Return every region's sums over the public days from ``start`` to
    ``end`` (from ``DailyTotal``), with its population, in code order."""
    last = public_end(end)
    sums: dict[int, dict] = {}
    if last is not None and last >= start:
        sums = {
            row["region_id"]: row
            for row in DailyTotal.objects.filter(
                region__isnull=False, day__range=(start, last)
            )
            .values("region_id")
            .annotate(**_sums())
            .order_by()
        }
    population = population_by_region()
    return [
        PlaceFigures(
            code=region.code,
            name=region.name,
            figures=_figures(sums.get(region.pk, {})),
            population=population.get(region.pk) or 0,
        )
        for region in Region.objects.order_by("code")
    ]


def stations_compared(
    *, region: Region, start: datetime.date, end: datetime.date
) -> list[PlaceFigures]:
    """Return the sums of each station of ``region`` over the public days
    from ``start`` to ``end`` (confirmed figures), in code order."""
    stations = list(
        Station.objects.filter(municipality__region=region).order_by("code")
    )
    last = public_end(end)
    sums: dict[int, dict] = {}
    if stations and last is not None and last >= start:
        sums = {
            row["station_id"]: row
            for row in DailyStatistics.objects.filter(
                station_id__in=[station.pk for station in stations],
                status=DailyStatistics.Status.CONFIRMED,
                day__range=(start, last),
            )
            .values("station_id")
            .annotate(**_sums())
            .order_by()
        }
    return [
        PlaceFigures(
            code=station.code,
            name=station.name,
            figures=_figures(sums.get(station.pk, {})),
        )
        for station in stations
    ]


def corrections_public(
    *, scope: Scope, start: datetime.date, end: datetime.date
) -> list[Correction]:
    """Return the corrections made after publication to the public days from
    ``start`` to ``end`` in ``scope``, by day then newest first."""
    last = public_end(end)
    if last is None or last < start:
        return []
    rows = Correction.objects.filter(
        public=True, statistics__day__range=(start, last)
    ).select_related("statistics__station")
    if scope.station is not None:
        rows = rows.filter(statistics__station=scope.station)
    elif scope.region is not None:
        rows = rows.filter(statistics__station__municipality__region=scope.region)
    return list(rows.order_by("statistics__day", "-corrected_at", "-pk"))


def demo_figures_exist() -> bool:
    """Return whether any published sum holds made-up demo figures."""
    return DailyTotal.objects.filter(is_demo=True).exists()
