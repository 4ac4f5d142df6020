"""Entering, correcting and confirming a station's day; the sums across
station, region and Kosovo; who may do what."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bashkesia.accounts import permissions
from bashkesia.accounts.models import Role
from bashkesia.stats import selectors
from bashkesia.stats.models import FIGURES, Correction, DailyStatistics, DailyTotal
from bashkesia.stats.services import (
    daily_statistics_confirm,
    daily_statistics_confirm_many,
    daily_statistics_correct,
    daily_statistics_enter,
    daily_totals_rebuild,
)
from bashkesia.territory.models import Station

from .entry_people import demo_user, figures, other_coordinator, person, yesterday

pytestmark = pytest.mark.django_db


def station(code: str) -> Station:
    return Station.objects.select_related("municipality").get(code=code)


def national(day: datetime.date) -> DailyTotal:
    return DailyTotal.objects.get(region__isnull=True, day=day)


def regional(code: str, day: datetime.date) -> DailyTotal:
    return DailyTotal.objects.get(region__code=code, day=day)


def enter_prz(**changes) -> DailyStatistics:
    return daily_statistics_enter(
        station=station("PRZ"),
        day=yesterday(),
        figures=figures(**changes),
        by=demo_user("clerk"),
    )


def refusal(call) -> dict[str, list[str]] | list[str]:
    """Return what the ``ValidationError`` raised by ``call`` says, by field
    (or a list when it names none)."""
    with pytest.raises(ValidationError) as raised:
        call()
    error = raised.value
    return error.message_dict if hasattr(error, "error_dict") else error.messages


def totals_rows() -> list[tuple]:
    return list(
        DailyTotal.objects.order_by("day", "region_id").values_list(
            "region_id", "day", "stations", *FIGURES
        )
    )


# Entering


def test_a_clerk_enters_their_station_s_day_provisional_and_unpublished():
    before = national(yesterday()).figures()
    statistics = enter_prz()
    assert statistics.status == DailyStatistics.Status.PROVISIONAL
    assert statistics.entered_by.username == "clerk"
    assert statistics.confirmed_at is None
    assert statistics.figures() == figures()
    # Not public: the sums and the published day do not move.
    assert national(yesterday()).figures() == before
    assert national(yesterday()).stations == 43
    assert selectors.published_day() == yesterday() - datetime.timedelta(days=1)


def test_a_day_entered_twice_is_refused():
    enter_prz()
    assert refusal(enter_prz) == {
        "day": [
            f"The figures of Prizren Police Station for {yesterday().isoformat()} "
            "are entered already: correct them instead."
        ]
    }


def test_a_negative_figure_is_refused():
    assert refusal(lambda: enter_prz(arrests=-1)) == {
        "arrests": ["The number of arrests cannot be negative."]
    }


def test_an_impossible_figure_is_refused():
    assert refusal(lambda: enter_prz(fatal_accidents=31, traffic_tickets=10_001)) == {
        "fatal_accidents": [
            "31 fatal accidents in one station in one day is not possible (at "
            "most 30): check the number."
        ],
        "traffic_tickets": [
            "10001 traffic tickets issued in one station in one day is not "
            "possible (at most 10000): check the number."
        ],
    }


def test_a_figure_that_is_not_a_whole_number_or_missing_is_refused():
    values = figures(injury_accidents="2.5", arrests="many")
    del values["in_custody"]
    assert refusal(
        lambda: daily_statistics_enter(
            station=station("PRZ"),
            day=yesterday(),
            figures=values,
            by=demo_user("clerk"),
        )
    ) == {
        "injury_accidents": ["“2.5” is not a whole number."],
        "arrests": ["“many” is not a whole number."],
        "in_custody": ["Give the number of in custody."],
    }


def test_today_and_the_future_are_refused():
    for day in (yesterday() + datetime.timedelta(days=1), datetime.date(2099, 1, 1)):
        assert refusal(
            lambda day=day: daily_statistics_enter(
                station=station("PRZ"),
                day=day,
                figures=figures(),
                by=demo_user("clerk"),
            )
        ) == {"day": ["Figures are entered for a day that is over."]}


def test_days_before_2008_are_refused():
    assert refusal(
        lambda: daily_statistics_enter(
            station=station("PRZ"),
            day=datetime.date(2007, 12, 31),
            figures=figures(),
            by=demo_user("clerk"),
        )
    ) == {"day": ["Figures are taken from 2008-01-01 on."]}


def test_the_system_enters_for_any_station_as_nobody():
    DailyStatistics.objects.filter(station__code="PEJ", day=yesterday()).delete()
    statistics = daily_statistics_enter(
        station=station("PEJ"), day=yesterday(), figures=figures(), by=None
    )
    assert statistics.entered_by is None


# Confirming


def test_the_coordinator_confirms_and_the_day_is_published_and_summed():
    statistics = enter_prz()
    before_national = national(yesterday()).figures()
    before_region = regional("PZ", yesterday()).figures()
    confirmed = daily_statistics_confirm(
        statistics=statistics, by=demo_user("coordinator")
    )
    assert confirmed.status == DailyStatistics.Status.CONFIRMED
    assert confirmed.confirmed_by.username == "coordinator"
    assert confirmed.confirmed_at is not None
    for name in FIGURES:
        assert national(yesterday()).figures()[name] == (
            before_national[name] + figures()[name]
        )
        assert regional("PZ", yesterday()).figures()[name] == (
            before_region[name] + figures()[name]
        )
    assert national(yesterday()).stations == 44
    assert selectors.published_day() == yesterday()


def test_a_clerk_cannot_confirm_their_own_station():
    statistics = enter_prz()
    with pytest.raises(PermissionDenied) as raised:
        daily_statistics_confirm(statistics=statistics, by=demo_user("clerk"))
    assert str(raised.value) == (
        "Only the regional directorate confirms the figures of Prizren Police Station."
    )
    statistics.refresh_from_db()
    assert statistics.status == DailyStatistics.Status.PROVISIONAL


def test_another_region_s_coordinator_cannot_confirm():
    statistics = enter_prz()
    with pytest.raises(PermissionDenied):
        daily_statistics_confirm(statistics=statistics, by=other_coordinator())


def test_a_confirmed_day_is_not_confirmed_twice():
    statistics = enter_prz()
    daily_statistics_confirm(statistics=statistics, by=demo_user("coordinator"))
    assert refusal(
        lambda: daily_statistics_confirm(
            statistics=statistics, by=demo_user("coordinator")
        )
    ) == [
        f"The figures of Prizren Police Station for {yesterday().isoformat()} "
        "are confirmed already."
    ]


def test_confirming_several_days_is_all_or_none():
    prz = enter_prz()
    DailyStatistics.objects.filter(station__code="PEJ", day=yesterday()).delete()
    pej = daily_statistics_enter(
        station=station("PEJ"), day=yesterday(), figures=figures(), by=None
    )
    with pytest.raises(PermissionDenied):
        daily_statistics_confirm_many(
            statistics=[prz, pej], by=demo_user("coordinator")
        )
    prz.refresh_from_db()
    assert prz.status == DailyStatistics.Status.PROVISIONAL
    assert (
        daily_statistics_confirm_many(
            statistics=[prz, pej], by=demo_user("directorate")
        )
        == 2
    )


# Correcting


def test_a_provisional_day_is_corrected_without_a_reason_and_kept_in_history():
    statistics = enter_prz()
    corrections = daily_statistics_correct(
        statistics=statistics,
        figures={"arrests": 5, "in_custody": 1},
        reason="",
        by=demo_user("clerk"),
    )
    assert [(c.figure, c.old_value, c.new_value, c.public) for c in corrections] == [
        ("arrests", 2, 5, False)
    ]
    statistics.refresh_from_db()
    assert statistics.arrests == 5
    assert statistics.corrected_at is None
    assert national(yesterday()).stations == 43


def test_nothing_changed_is_no_correction():
    statistics = enter_prz()
    assert (
        daily_statistics_correct(
            statistics=statistics, figures=figures(), reason="", by=demo_user("clerk")
        )
        == []
    )
    assert not statistics.corrections.exists()


def test_a_confirmed_day_needs_a_reason_to_change():
    statistics = enter_prz()
    daily_statistics_confirm(statistics=statistics, by=demo_user("coordinator"))
    assert refusal(
        lambda: daily_statistics_correct(
            statistics=statistics,
            figures={"arrests": 4},
            reason="  ",
            by=demo_user("clerk"),
        )
    ) == {
        "reason": ["Say why published figures change: the public sees the correction."]
    }


def test_a_confirmed_day_is_corrected_publicly_with_history_and_the_sums_move():
    statistics = enter_prz()
    daily_statistics_confirm(statistics=statistics, by=demo_user("coordinator"))
    before = national(yesterday()).figures()
    before_region = regional("PZ", yesterday()).figures()
    corrections = daily_statistics_correct(
        statistics=statistics,
        figures={"injury_accidents": 3, "noninjury_accidents": 1},
        reason="Two reports were counted twice.",
        by=demo_user("clerk"),
    )
    assert sorted(
        (
            c.figure,
            c.old_value,
            c.new_value,
            c.reason,
            c.public,
            c.corrected_by.username,
        )
        for c in corrections
    ) == [
        ("injury_accidents", 2, 3, "Two reports were counted twice.", True, "clerk"),
        ("noninjury_accidents", 3, 1, "Two reports were counted twice.", True, "clerk"),
    ]
    statistics.refresh_from_db()
    assert statistics.corrected_at == corrections[0].corrected_at
    after = national(yesterday()).figures()
    assert after["injury_accidents"] == before["injury_accidents"] + 1
    assert after["noninjury_accidents"] == before["noninjury_accidents"] - 2
    assert after["arrests"] == before["arrests"]
    assert (
        regional("PZ", yesterday()).figures()["noninjury_accidents"]
        == before_region["noninjury_accidents"] - 2
    )
    assert selectors.bulletin_for_day(day=yesterday()).corrected is True
    assert Correction.objects.filter(statistics=statistics).count() == 2


def test_a_clerk_does_not_correct_another_station():
    pej = DailyStatistics.objects.get(station__code="PEJ", day=yesterday())
    with pytest.raises(PermissionDenied) as raised:
        daily_statistics_correct(
            statistics=pej, figures={"arrests": 1}, reason="x", by=demo_user("clerk")
        )
    assert str(raised.value) == (
        f"You do not correct the figures of {pej.station.name}."
    )


# Sums


def test_the_running_sums_equal_a_fresh_rebuild():
    statistics = enter_prz()
    daily_statistics_confirm(statistics=statistics, by=demo_user("coordinator"))
    daily_statistics_correct(
        statistics=statistics,
        figures={"traffic_tickets": 200},
        reason="Late tickets.",
        by=demo_user("clerk"),
    )
    older = DailyStatistics.objects.get(
        station__code="SUH", day=yesterday() - datetime.timedelta(days=3)
    )
    daily_statistics_correct(
        statistics=older,
        figures={"arrests": older.arrests + 3},
        reason="An arrest report came late.",
        by=demo_user("directorate"),
    )
    running = totals_rows()
    daily_totals_rebuild()
    assert totals_rows() == running


def test_station_region_and_kosovo_sums_agree():
    day = yesterday() - datetime.timedelta(days=5)
    rows = DailyStatistics.objects.filter(day=day).select_related(
        "station__municipality"
    )
    by_region: dict[int, dict[str, int]] = {}
    for row in rows:
        sums = by_region.setdefault(
            row.station.municipality.region_id, dict.fromkeys(FIGURES, 0)
        )
        for name in FIGURES:
            sums[name] += getattr(row, name)
    regions = DailyTotal.objects.filter(day=day, region__isnull=False)
    assert regions.count() == 8
    for total in regions:
        assert total.figures() == by_region[total.region_id]
    kosovo = national(day)
    assert kosovo.stations == 44
    assert kosovo.figures() == {
        name: sum(total.figures()[name] for total in regions) for name in FIGURES
    }


# Who enters and who confirms


def test_a_station_clerk_enters_only_their_station_and_its_substations():
    clerk = demo_user("clerk")
    codes = set(
        permissions.stations_for_statistics_entry(clerk).values_list("code", flat=True)
    )
    assert codes == {"PRZ", "PRZ-ZH", "PRZ-SR"}
    assert not permissions.stations_for_statistics_confirmation(clerk).exists()
    assert permissions.uses_statistics_back_office(clerk)
    with pytest.raises(PermissionDenied) as raised:
        daily_statistics_enter(
            station=station("PEJ"),
            day=yesterday() + datetime.timedelta(days=-1),
            figures=figures(),
            by=clerk,
        )
    assert str(raised.value) == (
        f"You do not enter the figures of {station('PEJ').name}."
    )


def test_a_regional_clerk_enters_and_confirms_their_region():
    clerk = person(Role.STATISTICS_CLERK, region="PZ")
    entry = set(
        permissions.stations_for_statistics_entry(clerk).values_list("code", flat=True)
    )
    assert entry == {"PRZ", "PRZ-ZH", "PRZ-SR", "SUH", "SUH-MU", "DRA", "DRA-KR", "MAM"}
    assert (
        set(
            permissions.stations_for_statistics_confirmation(clerk).values_list(
                "code", flat=True
            )
        )
        == entry
    )
    statistics = daily_statistics_enter(
        station=station("PRZ"), day=yesterday(), figures=figures(), by=clerk
    )
    daily_statistics_confirm(statistics=statistics, by=clerk)
    assert not permissions.can_enter_statistics(clerk, station("PEJ"))


def test_the_coordinator_confirms_their_region_but_enters_nothing():
    coordinator = demo_user("coordinator")
    assert not permissions.stations_for_statistics_entry(coordinator).exists()
    assert permissions.can_confirm_statistics(coordinator, station("SUH"))
    assert not permissions.can_confirm_statistics(coordinator, station("PEJ"))
    with pytest.raises(PermissionDenied):
        enter_prz_as(coordinator)


def enter_prz_as(user):
    return daily_statistics_enter(
        station=station("PRZ"), day=yesterday(), figures=figures(), by=user
    )


def test_directorate_staff_enter_and_confirm_everywhere():
    directorate = demo_user("directorate")
    assert permissions.stations_for_statistics_entry(directorate).count() == 44
    assert permissions.stations_for_statistics_confirmation(directorate).count() == 44
    daily_statistics_confirm(statistics=enter_prz_as(directorate), by=directorate)


def test_other_roles_have_no_statistics_back_office():
    assert not permissions.uses_statistics_back_office(demo_user("commander"))
    assert not permissions.uses_statistics_back_office(demo_user("director"))
    assert not permissions.stations_for_statistics_entry(
        demo_user("commander")
    ).exists()
