"""Daily figures for the tests of the public statistics, made here and never
taken from the demo data (which the tests clear first)."""

import datetime
from collections.abc import Callable, Iterable

from django.db import connection
from django.utils import timezone

from bashkesia.stats.models import (
    FIGURES,
    Correction,
    DailyStatistics,
    DailyTotal,
)
from bashkesia.stats.services import daily_totals_rebuild
from bashkesia.territory.models import Station

Values = Callable[[Station, datetime.date], dict[str, int]]


def clear_statistics() -> None:
    """Delete every daily figure, correction and sum (in the test's rolled-
    back transaction), whatever the demo data loaded."""
    with connection.cursor() as cursor:
        for model in (Correction, DailyTotal, DailyStatistics):
            cursor.execute(f"DELETE FROM {model._meta.db_table}")  # noqa: S608


def days(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    return [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]


def ones(station: Station, day: datetime.date) -> dict[str, int]:
    """One of each figure per station and day, tickets ten times as many."""
    return {name: 10 if name == "traffic_tickets" else 1 for name in FIGURES}


def publish(
    on: Iterable[datetime.date],
    values: Values = ones,
    *,
    stations: Iterable[Station] | None = None,
) -> list[DailyStatistics]:
    """Write every station's (or ``stations``') confirmed figures of the
    days ``on`` and rebuild the sums; return the rows."""
    on = list(on)
    stations = list(
        Station.objects.select_related("municipality") if stations is None else stations
    )
    now = timezone.now()
    rows = DailyStatistics.objects.bulk_create(
        DailyStatistics(
            station=station,
            day=day,
            status=DailyStatistics.Status.CONFIRMED,
            entered_at=now,
            confirmed_at=now,
            **values(station, day),
        )
        for day in on
        for station in stations
    )
    daily_totals_rebuild(days=(min(on), max(on)))
    return rows
