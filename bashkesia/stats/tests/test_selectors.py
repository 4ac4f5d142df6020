import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bashkesia.stats import selectors
from bashkesia.stats.models import FIGURES, DailyStatistics
from bashkesia.stats.selectors import NATIONAL, Scope
from bashkesia.stats.services import (
    daily_statistics_confirm,
    daily_statistics_correct,
    daily_totals_rebuild,
)
from bashkesia.territory.models import Region, Settlement, Station

from .public_figures import clear_statistics, days, publish

D = datetime.date


@pytest.fixture(autouse=True)
def _no_statistics(db):
    clear_statistics()


@pytest.fixture
def prizren():
    return Region.objects.get(code="PZ")


@pytest.fixture
def directorate():
    return get_user_model().objects.get(username="directorate")


def by_station(station, day):
    """A figure per station that tells stations apart: its id."""
    return {name: station.pk for name in FIGURES}


def by_day(station, day):
    """Each station's figures are the day of the month."""
    return {name: day.day for name in FIGURES}


def test_regional_and_national_sums_add_up_the_stations(prizren):
    publish(days(D(2025, 3, 1), D(2025, 3, 3)), by_station)
    stations = list(Station.objects.select_related("municipality"))
    in_prizren = [s for s in stations if s.municipality.region_id == prizren.pk]
    station = in_prizren[0]
    start, end = D(2025, 3, 1), D(2025, 3, 3)

    national = selectors.totals(scope=NATIONAL, start=start, end=end)
    regional = selectors.totals(scope=Scope(region=prizren), start=start, end=end)
    own = selectors.totals(
        scope=Scope(region=prizren, station=station), start=start, end=end
    )

    assert national == dict.fromkeys(FIGURES, 3 * sum(s.pk for s in stations))
    assert regional == dict.fromkeys(FIGURES, 3 * sum(s.pk for s in in_prizren))
    assert own == dict.fromkeys(FIGURES, 3 * station.pk)
    regions = selectors.regions_compared(start=start, end=end)
    assert sum(r.figures["arrests"] for r in regions) == national["arrests"]
    compared = selectors.stations_compared(region=prizren, start=start, end=end)
    assert [s.code for s in compared] == sorted(s.code for s in in_prizren)
    assert sum(s.figures["arrests"] for s in compared) == regional["arrests"]


def test_the_seven_day_average_reads_the_six_days_before_the_range():
    publish(days(D(2025, 3, 1), D(2025, 3, 14)), by_day)
    stations = Station.objects.count()

    series = selectors.series_averaged(
        scope=NATIONAL, start=D(2025, 3, 8), end=D(2025, 3, 10)
    )

    assert [row.day for row in series] == days(D(2025, 3, 8), D(2025, 3, 10))
    # 8 March: the mean of 2 to 8 March, each day's figure × the stations.
    assert series[0].averages["arrests"] == pytest.approx(5 * stations)
    assert series[2].averages["arrests"] == pytest.approx(7 * stations)
    assert series[0].figures["arrests"] == 8 * stations


def test_the_average_is_left_out_while_a_day_of_its_week_has_no_figures():
    publish([D(2025, 3, 1), *days(D(2025, 3, 3), D(2025, 3, 10))], by_day)

    series = selectors.series_averaged(
        scope=NATIONAL, start=D(2025, 3, 3), end=D(2025, 3, 10)
    )

    averages = {row.day: row.averages["fatal_accidents"] for row in series}
    assert averages[D(2025, 3, 8)] is None  # 2 March is missing
    assert averages[D(2025, 3, 9)] == pytest.approx(6 * Station.objects.count())


def test_month_by_month_sums_the_days_of_the_range_in_each_month(prizren):
    publish(days(D(2025, 1, 29), D(2025, 2, 3)), by_day)
    stations = Station.objects.count()

    months = selectors.series_monthly(
        scope=NATIONAL, start=D(2025, 1, 30), end=D(2025, 2, 2)
    )

    assert [(m.month, m.days) for m in months] == [
        (D(2025, 1, 1), 2),
        (D(2025, 2, 1), 2),
    ]
    assert months[0].figures["arrests"] == (30 + 31) * stations
    assert months[1].figures["traffic_tickets"] == (1 + 2) * stations
    regional = selectors.series_monthly(
        scope=Scope(region=prizren), start=D(2025, 1, 30), end=D(2025, 2, 2)
    )
    in_prizren = Station.objects.filter(municipality__region=prizren).count()
    assert regional[1].figures["arrests"] == 3 * in_prizren


def test_the_same_period_last_year_gives_each_figures_change():
    def this_year(station, day):
        values = dict.fromkeys(FIGURES, 2)
        values["fatal_accidents"] = 0
        values["in_custody"] = 1
        return values

    def last_year(station, day):
        values = dict.fromkeys(FIGURES, 1)
        values["fatal_accidents"] = 0
        values["arrests"] = 0
        return values

    publish(days(D(2024, 3, 1), D(2024, 3, 2)), last_year)
    publish(days(D(2025, 3, 1), D(2025, 3, 2)), this_year)
    stations = Station.objects.count()

    compared = selectors.same_period_last_year(
        scope=NATIONAL, start=D(2025, 3, 1), end=D(2025, 3, 31)
    )

    # Cut at the published day, 2 March, and compared with 1–2 March 2024.
    assert (compared.start, compared.end) == (D(2025, 3, 1), D(2025, 3, 2))
    assert (compared.previous_start, compared.previous_end) == (
        D(2024, 3, 1),
        D(2024, 3, 2),
    )
    tickets = compared.changes["traffic_tickets"]
    assert (tickets.current, tickets.previous) == (4 * stations, 2 * stations)
    assert tickets.difference == 2 * stations
    assert tickets.percent == pytest.approx(100.0)
    assert compared.changes["in_custody"].percent == pytest.approx(0.0)
    assert compared.changes["arrests"].percent is None  # none the year before
    assert compared.changes["fatal_accidents"].difference == 0


def test_the_year_before_29_february_is_28_february():
    assert selectors.year_before(D(2024, 2, 29)) == D(2023, 2, 28)
    assert selectors.year_before(D(2025, 3, 1)) == D(2024, 3, 1)


def test_regions_are_compared_per_10000_residents(prizren):
    publish([D(2025, 3, 1)])
    peja = Region.objects.get(code="PE")
    Settlement.objects.filter(municipality__region=peja).update(population=0)
    Settlement.objects.filter(municipality__region=prizren).update(population=0)
    first = Settlement.objects.filter(municipality__region=prizren).first()
    Settlement.objects.filter(pk=first.pk).update(population=20_000)
    in_prizren = Station.objects.filter(municipality__region=prizren).count()

    regions = {
        r.code: r
        for r in selectors.regions_compared(start=D(2025, 3, 1), end=D(2025, 3, 1))
    }

    assert list(regions) == sorted(regions)
    assert regions["PZ"].population == 20_000
    assert regions["PZ"].figures["arrests"] == in_prizren
    assert regions["PZ"].per_10k["arrests"] == pytest.approx(in_prizren / 2)
    assert regions["PZ"].per_10k["traffic_tickets"] == pytest.approx(in_prizren * 5)
    assert regions["PE"].population == 0
    assert regions["PE"].per_10k is None  # no population known


def test_nothing_after_the_published_day_is_public(prizren):
    publish(days(D(2025, 3, 1), D(2025, 3, 2)))
    station = Station.objects.filter(municipality__region=prizren).first()
    # One station confirmed 3 March: the day is not published yet.
    publish([D(2025, 3, 3)], stations=[station])
    own = Scope(region=prizren, station=station)
    start, end = D(2025, 3, 1), D(2025, 3, 31)

    assert selectors.published_day() == D(2025, 3, 2)
    assert selectors.public_end(end) == D(2025, 3, 2)
    assert [
        row.day for row in selectors.series_averaged(scope=own, start=start, end=end)
    ] == [
        D(2025, 3, 1),
        D(2025, 3, 2),
    ]
    assert selectors.totals(scope=own, start=start, end=end)["arrests"] == 2
    assert selectors.series_monthly(scope=own, start=start, end=end)[0].days == 2
    compared = selectors.stations_compared(region=prizren, start=start, end=end)
    assert {s.code: s.figures["arrests"] for s in compared}[station.code] == 2
    regions = selectors.regions_compared(start=start, end=end)
    assert {r.code: r.figures["arrests"] for r in regions}["PZ"] == 2 * len(compared)
    assert selectors.totals(scope=NATIONAL, start=D(2025, 3, 3), end=end) == (
        dict.fromkeys(FIGURES, 0)
    )
    assert (
        selectors.same_period_last_year(scope=NATIONAL, start=D(2025, 3, 3), end=end)
        is None
    )


def test_provisional_figures_are_not_public(prizren, directorate):
    publish([D(2025, 3, 1)])
    station = Station.objects.filter(municipality__region=prizren).first()
    DailyStatistics.objects.filter(station=station).update(
        status=DailyStatistics.Status.PROVISIONAL, confirmed_at=None
    )
    own = Scope(region=prizren, station=station)
    day = D(2025, 3, 1)

    assert selectors.totals(scope=own, start=day, end=day)["arrests"] == 0
    assert selectors.series_daily(scope=own, start=day, end=day) == []
    compared = selectors.stations_compared(region=prizren, start=day, end=day)
    assert {s.code: s.figures["arrests"] for s in compared}[station.code] == 0


def test_corrections_after_publication_flag_the_day_and_are_listed(
    prizren, directorate
):
    rows = publish(days(D(2025, 3, 1), D(2025, 3, 2)))
    station = next(
        row.station for row in rows if row.station.municipality.region_id == prizren.pk
    )
    row = DailyStatistics.objects.get(station=station, day=D(2025, 3, 2))
    daily_statistics_correct(
        statistics=row,
        figures={"arrests": 4},
        reason="Two arrests typed twice.",
        by=directorate,
    )
    # A correction before confirmation is no public one.
    other = Station.objects.exclude(municipality__region=prizren).first()
    draft = DailyStatistics.objects.get(station=other, day=D(2025, 3, 1))
    DailyStatistics.objects.filter(pk=draft.pk).update(
        status=DailyStatistics.Status.PROVISIONAL, confirmed_at=None
    )
    daily_totals_rebuild(days=(D(2025, 3, 1), D(2025, 3, 1)))
    draft.refresh_from_db()
    daily_statistics_correct(
        statistics=draft, figures={"arrests": 3}, reason="", by=directorate
    )
    daily_statistics_confirm(statistics=draft, by=directorate)
    start, end = D(2025, 3, 1), D(2025, 3, 2)
    stations = Station.objects.count()

    series = selectors.series_averaged(scope=NATIONAL, start=start, end=end)
    assert [(r.day, r.corrected) for r in series] == [
        (D(2025, 3, 1), False),
        (D(2025, 3, 2), True),
    ]
    assert series[1].figures["arrests"] == stations - 1 + 4
    assert series[0].figures["arrests"] == stations - 1 + 3
    listed = selectors.corrections_public(scope=NATIONAL, start=start, end=end)
    assert [
        (c.statistics.station, c.figure, c.old_value, c.new_value) for c in listed
    ] == [(station, "arrests", 1, 4)]
    assert listed[0].reason == "Two arrests typed twice."
    assert (
        selectors.corrections_public(
            scope=Scope(region=prizren, station=station), start=start, end=end
        )
        == listed
    )
    assert (
        selectors.corrections_public(
            scope=Scope(region=other.municipality.region), start=start, end=end
        )
        == []
    )
    assert (
        selectors.corrections_public(scope=NATIONAL, start=start, end=D(2025, 3, 1))
        == []
    )


def test_national_and_regional_figures_are_read_from_the_daily_sums(prizren):
    publish(days(D(2025, 1, 1), D(2025, 2, 28)))

    def read(scope, start, end):
        with CaptureQueriesContext(connection) as queries:
            selectors.totals(scope=scope, start=start, end=end)
            selectors.series_monthly(scope=scope, start=start, end=end)
            selectors.same_period_last_year(scope=scope, start=start, end=end)
            selectors.regions_compared(start=start, end=end)
        return [query["sql"] for query in queries.captured_queries]

    for scope in (NATIONAL, Scope(region=prizren)):
        ten_years = read(scope, D(2015, 3, 1), D(2025, 2, 28))
        # No query per day, month or region: ten years cost what a week does.
        assert len(ten_years) == len(read(scope, D(2025, 2, 1), D(2025, 2, 7)))
        assert not [sql for sql in ten_years if "stats_dailystatistics" in sql]


def test_a_page_reads_the_published_day_once(prizren):
    publish(days(D(2025, 3, 1), D(2025, 3, 2)))
    start, end = D(2025, 3, 1), D(2025, 3, 31)

    with (
        selectors.published_day_held() as published,
        CaptureQueriesContext(connection) as read,
    ):
        assert selectors.published_day() == published == D(2025, 3, 2)
        selectors.totals(scope=NATIONAL, start=start, end=end)
        selectors.series_monthly(scope=NATIONAL, start=start, end=end)
    publish([D(2025, 3, 3)])

    assert not [q for q in read.captured_queries if "territory_station" in q["sql"]]
    assert len(read.captured_queries) == 2
    assert selectors.published_day() == D(2025, 3, 3)  # read again outside
