"""Every read of the general statistics: the published day, its bulletin,
and series of days for Kosovo, a region or a station.

The public sees confirmed figures only, and days up to the *published day*:
the latest day whose figures every station has confirmed. National and
regional figures are read from ``DailyTotal`` (one row a day), a station's
from its own rows.
"""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from bashkesia.territory.models import Region, Station

from .models import BULLETIN_FIGURES, FIGURES, DailyStatistics, DailyTotal


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

    def __getitem__(self, name: str) -> int:
        return self.figures[name]


def published_day() -> datetime.date | None:
    """Return the latest day whose figures every station has confirmed."""
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
        .values("day", *BULLETIN_FIGURES)
        .first()
    )
    if row is None:
        return None
    return DayFigures(
        day=day,
        figures={name: row[name] for name in BULLETIN_FIGURES},
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
    rows = DailyStatistics.objects.filter(
        day__range=(start, end), corrected_at__isnull=False
    )
    if scope.station is not None:
        rows = rows.filter(station=scope.station)
    elif scope.region is not None:
        rows = rows.filter(station__municipality__region=scope.region)
    return set(rows.values_list("day", flat=True))
