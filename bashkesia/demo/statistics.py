"""Made-up daily statistics: three years of every station's figures, up to
yesterday, confirmed by the region, so that the widget, the statistics page
and the API have something to show.

The figures are drawn (Poisson, seeded per year, so a day's figures are the
same whenever they are drawn) around Kosovo's typical day (GLOSSARY.md:
0–2 fatal accidents, 6–26 with injuries, 17–42 without, 700–2,400 tickets,
3–31 arrests, 3–14 in custody), shared among the stations by their
municipality's population, with more accidents in summer and on Fridays and
Saturdays, and tickets written mostly on weekdays.

Every station's day is confirmed except yesterday's of Prizren (PRZ), left
for the demo clerk to enter: the published day is the day before yesterday.
A few confirmed days carry a correction made after publication. Re-loading
adds the days missing up to yesterday and changes nothing else.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Count, Q, Sum

from bashkesia.core import clock
from bashkesia.stats.models import FIGURES, Correction, DailyStatistics
from bashkesia.stats.services import daily_totals_rebuild
from bashkesia.territory.models import Settlement, Station

SEED = 2007
YEARS = 3
# The station whose yesterday is left for the demo clerk to enter.
LEFT_FOR_THE_CLERK = "PRZ"
# Kosovo's mean day, before the weekday and seasonal patterns.
NATIONAL_MEAN = {
    "fatal_accidents": 0.25,
    "injury_accidents": 15.0,
    "noninjury_accidents": 28.0,
    "traffic_tickets": 1500.0,
    "arrests": 15.0,
    "in_custody": 7.5,
    "police_detention": 2.5,
    "sent_to_serve_sentence": 1.5,
}
# Monday first.
ACCIDENTS_BY_WEEKDAY = (0.92, 0.9, 0.92, 0.96, 1.18, 1.2, 0.92)
TICKETS_BY_WEEKDAY = (1.15, 1.18, 1.18, 1.15, 1.1, 0.72, 0.52)
ARRESTS_BY_WEEKDAY = (0.95, 0.95, 0.95, 1.0, 1.1, 1.15, 0.9)
WEEKDAY_PATTERN = {
    "fatal_accidents": ACCIDENTS_BY_WEEKDAY,
    "injury_accidents": ACCIDENTS_BY_WEEKDAY,
    "noninjury_accidents": ACCIDENTS_BY_WEEKDAY,
    "traffic_tickets": TICKETS_BY_WEEKDAY,
    "arrests": ARRESTS_BY_WEEKDAY,
    "in_custody": ARRESTS_BY_WEEKDAY,
    "police_detention": ARRESTS_BY_WEEKDAY,
    "sent_to_serve_sentence": (1.1, 1.1, 1.1, 1.1, 1.1, 0.8, 0.7),
}
# How much the summer (peak in late July) adds, and the winter takes away.
SEASON = {
    "fatal_accidents": 0.3,
    "injury_accidents": 0.25,
    "noninjury_accidents": 0.15,
    "traffic_tickets": 0.1,
    "arrests": 0.05,
    "in_custody": 0.05,
    "police_detention": 0.05,
    "sent_to_serve_sentence": 0.0,
}
# A substation's share of its municipality, against its station's 1.
SUBSTATION_WEIGHT = 0.4
# People in a settlement whose population the place data does not give,
# and the fewest a municipality counts.
VILLAGE_POPULATION = 400
SMALLEST_MUNICIPALITY = 5000
# Corrections after publication (figure, how much was first entered more,
# the reason in Albanian, as a clerk writes it), on the first load.
CORRECTIONS = [
    ("injury_accidents", 1, "Një aksident u regjistrua dy herë."),
    ("noninjury_accidents", -2, "Dy raporte të patrullës së natës erdhën me vonesë."),
    ("arrests", 1, "Një person u numërua edhe te stacioni tjetër."),
    ("traffic_tickets", -35, "Tiketat e njësisë së trafikut nuk ishin përfshirë."),
    ("in_custody", 1, "Gabim shtypi në raportin ditor."),
]


@dataclass(frozen=True)
class StatisticsSummary:
    days: int
    rows: int
    corrections: int

    def __str__(self) -> str:
        return (
            f"{self.rows} station-days of statistics over {self.days} days, "
            f"{self.corrections} corrections"
        )


def first_day(last: datetime.date) -> datetime.date:
    """Return the first day of the ``YEARS`` years that end on ``last``."""
    # The day after ``last`` three years earlier (a 29 February: 1 March).
    day_after = last + datetime.timedelta(days=1)
    try:
        return day_after.replace(year=day_after.year - YEARS)
    except ValueError:
        return datetime.date(day_after.year - YEARS, 3, 1)


def station_shares(stations: list[Station]) -> np.ndarray:
    """Return each station's share of Kosovo's figures (summing to 1): its
    municipality's population shared among the municipality's stations (a
    substation counting ``SUBSTATION_WEIGHT`` of a station).

    The place data gives the population of towns only: each settlement
    without one counts ``VILLAGE_POPULATION`` people.
    """
    population = {
        row["municipality_id"]: row["people"] + VILLAGE_POPULATION * row["villages"]
        for row in Settlement.objects.values("municipality_id")
        .annotate(
            people=Sum("population"),
            villages=Count("pk", filter=Q(population=0)),
        )
        .order_by()
    }
    weights = [
        SUBSTATION_WEIGHT if station.kind == Station.Kind.SUBSTATION else 1.0
        for station in stations
    ]
    per_municipality: dict[int, float] = {}
    for station, weight in zip(stations, weights, strict=True):
        per_municipality[station.municipality_id] = (
            per_municipality.get(station.municipality_id, 0.0) + weight
        )
    shares = np.array(
        [
            max(population.get(station.municipality_id, 0), SMALLEST_MUNICIPALITY)
            * weight
            / per_municipality[station.municipality_id]
            for station, weight in zip(stations, weights, strict=True)
        ]
    )
    return shares / shares.sum()


def _year_figures(year: int, shares: np.ndarray) -> dict[str, np.ndarray]:
    """Return every station's figures of every day of ``year``: for each
    figure an array (day of the year, station)."""
    first = datetime.date(year, 1, 1)
    days = (datetime.date(year + 1, 1, 1) - first).days
    rng = np.random.default_rng([SEED, year])
    day_numbers = np.arange(days)
    weekdays = (first.weekday() + day_numbers) % 7
    season = np.cos(2 * np.pi * (day_numbers - 205) / 365.25)
    figures = {}
    for name in FIGURES:
        pattern = np.asarray(WEEKDAY_PATTERN[name])[weekdays] * (
            1 + SEASON[name] * season
        )
        # Some days are busier than others everywhere at once.
        busy = rng.lognormal(0.0, 0.12, size=days)
        mean = NATIONAL_MEAN[name] * np.outer(pattern * busy, shares)
        figures[name] = rng.poisson(mean)
    return figures


def _moment(day: datetime.date, hour: int, minute: int) -> datetime.datetime:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time(hour, minute), tzinfo=zone
    )


# The columns written, in this order, by ``_insert``.
COLUMNS = (
    "station_id",
    "day",
    "status",
    "entered_at",
    "entered_by_id",
    "confirmed_at",
    "confirmed_by_id",
    "corrected_at",
    "is_demo",
    *FIGURES,
)
CORRECTED_AT = COLUMNS.index("corrected_at")


@transaction.atomic
def demo_statistics_load() -> StatisticsSummary:
    """Add every station's confirmed figures of the days missing from three
    years ago to yesterday (but Prizren's yesterday); return what was added.

    The first load also corrects a few published days (``CORRECTIONS``).
    """
    last = clock.today() - datetime.timedelta(days=1)
    first = first_day(last)
    stations = list(Station.objects.order_by("code"))
    if not stations:
        return StatisticsSummary(days=0, rows=0, corrections=0)
    entered = set(
        DailyStatistics.objects.filter(day__range=(first, last)).values_list(
            "station_id", "day"
        )
    )
    first_load = not DailyStatistics.objects.exists()
    users = get_user_model().objects.in_bulk(
        ["clerk", "coordinator"], field_name="username"
    )
    clerk, coordinator = users.get("clerk"), users.get("coordinator")
    clerk_id = clerk.pk if clerk else None
    coordinator_id = coordinator.pk if coordinator else None
    now = clock.now()
    shares = station_shares(stations)
    left_out = next((s.pk for s in stations if s.code == LEFT_FOR_THE_CLERK), None)
    rows: list[list] = []
    for year in range(first.year, last.year + 1):
        figures = _year_figures(year, shares)
        new_year = datetime.date(year, 1, 1)
        start = max(first, new_year)
        end = min(last, datetime.date(year, 12, 31))
        for offset in range((start - new_year).days, (end - new_year).days + 1):
            day = new_year + datetime.timedelta(days=offset)
            entered_at = min(_moment(day, 8, 30), now)
            confirmed_at = min(_moment(day, 11, 0), now)
            values = np.stack([figures[name][offset] for name in FIGURES], axis=1)
            for station, station_values in zip(stations, values.tolist(), strict=True):
                if (station.pk, day) in entered or (
                    day == last and station.pk == left_out
                ):
                    continue
                rows.append(
                    [
                        station.pk,
                        day,
                        DailyStatistics.Status.CONFIRMED.value,
                        entered_at,
                        clerk_id,
                        confirmed_at,
                        coordinator_id,
                        None,
                        True,
                        *station_values,
                    ]
                )
    if not rows:
        return StatisticsSummary(days=0, rows=0, corrections=0)
    corrected = _corrected(rows, last=last, now=now) if first_load else []
    days = (rows[0][1], rows[-1][1])
    day_count = len({row[1] for row in rows})
    _insert(rows)
    if corrected:
        saved = {
            (station_id, day): pk
            for pk, station_id, day in DailyStatistics.objects.filter(
                day__in={key[1] for key, _fields in corrected}
            ).values_list("pk", "station_id", "day")
        }
        Correction.objects.bulk_create(
            Correction(
                statistics_id=saved[key],
                corrected_by=clerk,
                public=True,
                **fields,
            )
            for key, fields in corrected
        )
    daily_totals_rebuild(days=days)
    return StatisticsSummary(days=day_count, rows=len(rows), corrections=len(corrected))


def _insert(rows: list[list]) -> None:
    """Insert ``rows`` (values of ``COLUMNS``) into the daily statistics.

    Straight ``executemany``: ``bulk_create`` spends seconds preparing the
    800,000 values of three years one by one, which ``load_demo`` (and the
    test suite's start) cannot afford.
    """
    operations = connection.ops
    dates: dict = {}
    moments: dict = {}
    for row in rows:
        day = row[1]
        if day not in dates:
            dates[day] = operations.adapt_datefield_value(day)
        row[1] = dates[day]
        for position in (3, 5, CORRECTED_AT):
            moment = row[position]
            if moment is not None:
                if moment not in moments:
                    moments[moment] = operations.adapt_datetimefield_value(moment)
                row[position] = moments[moment]
    table = connection.ops.quote_name(DailyStatistics._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(column) for column in COLUMNS)
    marks = ", ".join(["%s"] * len(COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
            rows,
        )


def _corrected(
    rows: list[list], *, last: datetime.date, now: datetime.datetime
) -> list[tuple[tuple[int, datetime.date], dict]]:
    """Correct a few of ``rows`` (not saved yet) after publication: change
    the figure, set the row's ``corrected_at``, and return each row's
    (station, day) with its correction's fields."""
    rng = np.random.default_rng(SEED)
    # Days of the last two years but the last week.
    since = last - datetime.timedelta(days=730)
    until = last - datetime.timedelta(days=7)
    candidates = [row for row in rows if since <= row[1] <= until]
    if len(candidates) < len(CORRECTIONS):
        return []
    picks = sorted(
        rng.choice(len(candidates), size=len(CORRECTIONS), replace=False).tolist()
    )
    corrected = []
    for index, (figure, entered_more, reason) in zip(picks, CORRECTIONS, strict=True):
        row = candidates[index]
        position = COLUMNS.index(figure)
        new = row[position]
        old = new + entered_more
        if old < 0:
            old, new = new, new - entered_more
            row[position] = new
        at = min(row[5] + datetime.timedelta(days=2, hours=3), now)
        row[CORRECTED_AT] = at
        corrected.append(
            (
                (row[0], row[1]),
                {
                    "figure": figure,
                    "old_value": old,
                    "new_value": new,
                    "reason": reason,
                    "corrected_at": at,
                },
            )
        )
    return corrected
