"""The strategy's rules in one place: each check alone, and the services and
the importer refusing the same input with the same rule (in a file's
wording only where the file must show the value or the choice as written)."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from bashkesia.strategy import rules
from bashkesia.strategy.import_sheets import StrategyImportRejected
from bashkesia.strategy.importers import strategy_import
from bashkesia.strategy.models import Strategy
from bashkesia.strategy.services import activities as activity_services
from bashkesia.strategy.services import plan as plan_services
from bashkesia.strategy.tests.factories import (
    make_objective,
    make_strategy,
    make_sub,
)

from .import_files import partners, with_cell, xlsx


def refusal(rule, *args, in_a_file: bool = False, **kwargs) -> dict:
    with pytest.raises(ValidationError) as refused:
        rule(*args, **kwargs)
    return rules.messages_of(refused.value, in_a_file=in_a_file)


@pytest.mark.parametrize(
    ("value", "level", "ok"),
    [
        ("3", "objective", True),
        ("0", "objective", False),
        ("2.3", "sub_objective", True),
        ("2", "sub_objective", False),
        ("2.4", "activity", True),
        ("2.4.1", "activity", True),
        ("2.4.1.1", "activity", False),
        ("1-1", "activity", False),
    ],
)
def test_numbers(value, level, ok):
    if ok:
        rules.number(value, level)
    else:
        example = rules.NUMBERS[level][1]
        assert refusal(rules.number, value, level) == {
            "number": [f"Write the number as {example}."]
        }
        assert refusal(rules.number, value, level, in_a_file=True) == {
            "number": [f"“{value}” is not a number such as {example}."]
        }


def test_an_activity_begins_with_its_objective_s_number_with_one_full_stop():
    rules.activity_under("2.4", "2")
    assert refusal(rules.activity_under, "1.9", "2") == {
        "number": ["The number of an activity of objective 2 begins with “2.”."]
    }


@pytest.mark.parametrize(
    ("status", "progress", "expected"),
    [
        ("completed", 100, None),
        ("completed", 90, {"progress": ["A completed activity is at 100%."]}),
        ("not_started", 0, None),
        (
            "not_started",
            5,
            {"status": ["An activity with progress is no longer 'not started'."]},
        ),
        ("in_progress", 0, None),
    ],
)
def test_status_agrees_with_progress(status, progress, expected):
    if expected is None:
        rules.status_agrees(status, progress)
    else:
        assert refusal(rules.status_agrees, status, progress) == expected


@pytest.mark.parametrize("value", [-1, 101, "101", "abc", "", "-5"])
def test_progress_is_a_percentage(value):
    assert refusal(rules.progress, value) == {
        "progress": ["Progress is a percentage from 0 to 100."]
    }


@pytest.mark.parametrize("value", [0, 100, "0", "55"])
def test_progress_in_range(value):
    rules.progress(value)


def test_dates_and_years_in_order():
    rules.dates_in_order(datetime.date(2024, 1, 1), None)
    assert refusal(
        rules.dates_in_order, datetime.date(2024, 5, 1), datetime.date(2024, 1, 1)
    ) == {"end": ["The end comes before the start."]}
    assert refusal(rules.years_in_order, 2025, 2021) == {
        "end_year": ["The last year comes before the first."]
    }
    assert refusal(rules.year, "20x1", "start_year", in_a_file=True) == {
        "start_year": ["“20x1” is not a year from 2000 to 2100."]
    }
    assert refusal(rules.year, 1999, "start_year") == {
        "start_year": ["Give a year from 2000 to 2100."]
    }


def test_the_target_lies_in_the_indicator_s_direction():
    rules.target_in_direction("increase", Decimal(1), Decimal(2))
    rules.target_in_direction("decrease", Decimal(2), Decimal(1))
    assert refusal(rules.target_in_direction, "increase", Decimal(5), Decimal(2)) == {
        "target": [
            "The target is below the baseline: choose 'the lower the better' "
            "or check the figures."
        ]
    }
    assert refusal(
        rules.target_in_direction, "decrease", Decimal(2), Decimal(5), in_a_file=True
    ) == {
        "target": [
            "The target is above the baseline: choose 'increase' as the direction "
            "or check the figures."
        ]
    }


def test_a_measurement_period_is_whole_and_begun():
    today = datetime.date(2024, 6, 1)
    options = {"frequency": "yearly", "frequency_label": "yearly", "today": today}
    rules.measurement_period(
        datetime.date(2023, 1, 1), datetime.date(2023, 12, 31), **options
    )
    assert refusal(
        rules.measurement_period,
        datetime.date(2023, 1, 1),
        datetime.date(2023, 6, 30),
        **options,
    ) == {"period_start": ["The period must be one whole yearly period."]}
    assert refusal(
        rules.measurement_period,
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
        **options,
    ) == {"period_start": ["The period has not begun yet."]}


# The services and the importer agree


def _imported(data: dict) -> list[tuple]:
    with pytest.raises(StrategyImportRejected) as rejected:
        strategy_import(files=[("plan.xlsx", xlsx(data))], by=None)
    return [(p.column, p.message) for p in rejected.value.problems]


@pytest.mark.django_db
def test_a_reserved_short_address_is_refused_by_both():
    directorate = User.objects.get(username="directorate")
    partners()
    with pytest.raises(ValidationError) as refused:
        plan_services.strategy_save(
            by=directorate,
            slug="import",
            title_sq="Plani",
            start_year=2021,
            end_year=2025,
        )
    message = "This short address is taken by the platform's pages."
    assert refused.value.message_dict == {"slug": [message]}
    assert ("slug", message) in _imported(with_cell("strategy", 2, "slug", "import"))
    assert not Strategy.objects.filter(slug="import").exists()


@pytest.mark.django_db
def test_an_activity_under_another_objective_is_refused_alike_by_both():
    directorate = User.objects.get(username="directorate")
    partners()
    sub = make_sub(make_objective(make_strategy(), "2"), "2.1")
    message = "The number of an activity of objective 2 begins with “2.”."
    with pytest.raises(ValidationError) as refused:
        activity_services.activity_save(
            by=directorate, sub_objective=sub, number="1.9", description_sq="Diçka"
        )
    assert refused.value.message_dict == {"number": [message]}
    assert ("number", message) in _imported(with_cell("activities", 3, "number", "1.9"))
