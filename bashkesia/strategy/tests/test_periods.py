import datetime

from bashkesia.strategy.periods import (
    is_period,
    last_complete_period,
    period_containing,
    period_label,
    periods_between,
)

d = datetime.date


def test_period_containing_each_frequency():
    assert period_containing(d(2024, 5, 17), "monthly") == (
        d(2024, 5, 1),
        d(2024, 5, 31),
    )
    assert period_containing(d(2024, 5, 17), "quarterly") == (
        d(2024, 4, 1),
        d(2024, 6, 30),
    )
    assert period_containing(d(2024, 5, 17), "yearly") == (
        d(2024, 1, 1),
        d(2024, 12, 31),
    )
    assert period_containing(d(2024, 2, 3), "monthly")[1] == d(2024, 2, 29)


def test_is_period():
    assert is_period(d(2024, 10, 1), d(2024, 12, 31), "quarterly")
    assert not is_period(d(2024, 10, 1), d(2024, 12, 30), "quarterly")
    assert not is_period(d(2024, 1, 1), d(2024, 3, 31), "yearly")


def test_periods_between_and_last_complete():
    quarters = periods_between(d(2024, 2, 1), d(2024, 12, 31), "quarterly")
    assert [start.month for start, _end in quarters] == [1, 4, 7, 10]
    assert last_complete_period(d(2025, 1, 1), "yearly") == (
        d(2024, 1, 1),
        d(2024, 12, 31),
    )
    assert last_complete_period(d(2025, 5, 10), "quarterly") == (
        d(2025, 1, 1),
        d(2025, 3, 31),
    )


def test_period_labels():
    assert period_label(d(2024, 1, 1), d(2024, 12, 31)) == "2024"
    assert period_label(d(2024, 4, 1), d(2024, 6, 30)) == "Q2 2024"
