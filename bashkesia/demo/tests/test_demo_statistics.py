"""The demo's daily statistics: three years of plausible confirmed figures,
Prizren's yesterday left for the demo clerk."""

import datetime
import time

import numpy as np
from django.db.models import Avg, Max, Min

from bashkesia.core import clock
from bashkesia.demo.statistics import (
    LEFT_FOR_THE_CLERK,
    _year_figures,
    demo_statistics_load,
    first_day,
    station_shares,
)
from bashkesia.stats import selectors
from bashkesia.stats.models import FIGURES, Correction, DailyStatistics, DailyTotal
from bashkesia.stats.services import daily_totals_rebuild
from bashkesia.territory.models import Station


def yesterday() -> datetime.date:
    return clock.today() - datetime.timedelta(days=1)


def national_days():
    last = yesterday() - datetime.timedelta(days=1)
    return DailyTotal.objects.filter(
        region__isnull=True, day__range=(last - datetime.timedelta(days=729), last)
    )


def test_every_station_has_three_years_of_days_up_to_yesterday(db):
    last = yesterday()
    first = first_day(last)
    assert 1095 <= (last - first).days + 1 <= 1097
    days = (last - first).days + 1
    stations = Station.objects.count()
    assert stations == 44
    span = DailyStatistics.objects.aggregate(first=Min("day"), last=Max("day"))
    assert span == {"first": first, "last": last}
    # Every station every day, but Prizren's yesterday.
    assert DailyStatistics.objects.count() == days * stations - 1


def test_prizren_yesterday_is_left_for_the_clerk_and_the_day_before_is_published(db):
    assert not DailyStatistics.objects.filter(
        station__code=LEFT_FOR_THE_CLERK, day=yesterday()
    ).exists()
    assert DailyStatistics.objects.filter(day=yesterday()).count() == 43
    assert selectors.published_day() == yesterday() - datetime.timedelta(days=1)


def test_every_demo_day_is_confirmed_by_the_coordinator(db):
    assert not DailyStatistics.objects.exclude(status="confirmed").exists()
    row = DailyStatistics.objects.select_related("entered_by", "confirmed_by").first()
    assert row.entered_by.username == "clerk"
    assert row.confirmed_by.username == "coordinator"
    assert row.confirmed_at >= row.entered_at


def test_national_days_are_of_the_glossary_magnitudes(db):
    averages = national_days().aggregate(**{name: Avg(name) for name in FIGURES})
    assert 0.1 <= averages["fatal_accidents"] <= 0.5  # about 100 deaths a year
    assert 6 <= averages["injury_accidents"] <= 26
    assert 17 <= averages["noninjury_accidents"] <= 42
    assert 700 <= averages["traffic_tickets"] <= 2400
    assert 3 <= averages["arrests"] <= 31
    assert 3 <= averages["in_custody"] <= 14
    assert averages["police_detention"] < averages["arrests"]
    assert averages["sent_to_serve_sentence"] < averages["arrests"]
    extremes = national_days().aggregate(
        most_fatal=Max("fatal_accidents"), fewest_tickets=Min("traffic_tickets")
    )
    assert extremes["most_fatal"] <= 4
    assert extremes["fewest_tickets"] >= 300


def test_summers_and_weekends_have_more_accidents_and_weekdays_more_tickets(db):
    rows = list(
        national_days().values_list(
            "day", "injury_accidents", "noninjury_accidents", "traffic_tickets"
        )
    )
    days = np.array([row[0].toordinal() for row in rows])
    weekday = (days - 1) % 7  # date.fromordinal(1) is a Monday
    months = np.array([row[0].month for row in rows])
    accidents = np.array([row[1] + row[2] for row in rows])
    tickets = np.array([row[3] for row in rows])
    summer = np.isin(months, [7, 8])
    winter = np.isin(months, [1, 2])
    assert accidents[summer].mean() > 1.2 * accidents[winter].mean()
    friday_saturday = np.isin(weekday, [4, 5])
    assert accidents[friday_saturday].mean() > 1.15 * accidents[~friday_saturday].mean()
    assert tickets[weekday < 5].mean() > 1.4 * tickets[weekday == 6].mean()


def test_larger_municipalities_have_larger_stations(db):
    year = DailyStatistics.objects.filter(
        day__range=(yesterday() - datetime.timedelta(days=365), yesterday())
    )

    def arrests(code: str) -> int:
        return sum(year.filter(station__code=code).values_list("arrests", flat=True))

    assert arrests("PRZ") > 3 * arrests("STR")  # Prizren, Shtërpcë
    assert arrests("PRI-QE") > 3 * arrests("NOB")  # Prishtinë, Novobërdë


def test_a_few_days_carry_a_public_correction(db):
    corrections = Correction.objects.select_related("statistics")
    assert corrections.count() == 5
    for correction in corrections:
        assert correction.public
        assert correction.reason
        assert correction.statistics.corrected_at == correction.corrected_at
        assert correction.new_value == getattr(correction.statistics, correction.figure)
        assert correction.old_value != correction.new_value


def test_the_totals_are_the_sums_of_the_confirmed_days(db):
    last = yesterday()
    window = (last - datetime.timedelta(days=40), last)
    before = list(
        DailyTotal.objects.filter(day__range=window)
        .order_by("day", "region_id")
        .values_list("region_id", "day", "stations", *FIGURES)
    )
    daily_totals_rebuild(days=window)
    after = list(
        DailyTotal.objects.filter(day__range=window)
        .order_by("day", "region_id")
        .values_list("region_id", "day", "stations", *FIGURES)
    )
    assert before == after


def test_the_figures_are_deterministic(db):
    """Drawn again, a day's figures are those loaded (seeded per year)."""
    day = yesterday() - datetime.timedelta(days=100)
    stations = list(Station.objects.order_by("code"))
    drawn = _year_figures(day.year, station_shares(stations))
    offset = (day - datetime.date(day.year, 1, 1)).days
    loaded = {
        row[0]: row[1:]
        for row in DailyStatistics.objects.filter(
            day=day, corrected_at__isnull=True
        ).values_list("station_id", *FIGURES)
    }
    assert len(loaded) >= 40
    for index, station in enumerate(stations):
        if station.pk in loaded:
            assert loaded[station.pk] == tuple(
                drawn[name][offset, index] for name in FIGURES
            )
    again = _year_figures(day.year, station_shares(stations))
    assert all(np.array_equal(drawn[name], again[name]) for name in FIGURES)


def test_station_shares_follow_the_population(db):
    stations = list(Station.objects.order_by("code"))
    shares = dict(
        zip((s.code for s in stations), station_shares(stations), strict=True)
    )
    assert abs(sum(shares.values()) - 1) < 1e-9
    # Prishtinë's three stations share the capital evenly; a substation
    # takes less than its station.
    assert shares["PRI-QE"] == shares["PRI-VE"] == shares["PRI-JU"]
    assert shares["PRZ-ZH"] < shares["PRZ"]


def test_reloading_adds_only_the_missing_days_and_keeps_prizren_yesterday_open(db):
    before = DailyStatistics.objects.count()
    DailyStatistics.objects.filter(day=yesterday()).delete()
    started = time.monotonic()
    summary = demo_statistics_load()
    assert time.monotonic() - started < 3
    assert summary.rows == 43
    assert summary.corrections == 0
    assert DailyStatistics.objects.count() == before
    assert not DailyStatistics.objects.filter(
        station__code=LEFT_FOR_THE_CLERK, day=yesterday()
    ).exists()
    assert demo_statistics_load().rows == 0
    assert Correction.objects.count() == 5


def test_reloading_keeps_a_day_the_clerk_entered(db):
    from bashkesia.stats.services import daily_statistics_enter

    station = Station.objects.get(code=LEFT_FOR_THE_CLERK)
    entered = daily_statistics_enter(
        station=station,
        day=yesterday(),
        figures=dict.fromkeys(FIGURES, 1),
        by=None,
    )
    assert demo_statistics_load().rows == 0
    entered.refresh_from_db()
    assert entered.status == "provisional"
    assert entered.figures() == dict.fromkeys(FIGURES, 1)


def test_a_later_day_fills_prizren_old_yesterday(db, today):
    before = DailyStatistics.objects.count()
    today(clock.today() + datetime.timedelta(days=1))
    summary = demo_statistics_load()
    # Yesterday of every station but Prizren's, and Prizren's day before.
    assert summary.rows == 43 + 1
    assert DailyStatistics.objects.count() == before + 44


def test_three_years_start_the_day_after_three_years_back():
    assert first_day(datetime.date(2026, 12, 4)) == datetime.date(2023, 12, 5)
    assert first_day(datetime.date(2028, 2, 28)) == datetime.date(2025, 3, 1)
    assert first_day(datetime.date(2027, 2, 28)) == datetime.date(2024, 3, 1)


def test_the_demo_figures_are_marked_made_up(db):
    assert not DailyStatistics.objects.filter(is_demo=False).exists()
    assert not DailyTotal.objects.filter(is_demo=False).exists()
