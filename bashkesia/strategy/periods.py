"""The periods indicators are measured over: calendar months, quarters and
years."""

import datetime

from django.utils import formats
from django.utils.translation import gettext as _

from .models import IndicatorFrequency

MONTHS_IN = {
    IndicatorFrequency.MONTHLY: 1,
    IndicatorFrequency.QUARTERLY: 3,
    IndicatorFrequency.YEARLY: 12,
}

Period = tuple[datetime.date, datetime.date]


def _add_months(day: datetime.date, count: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def period_containing(day: datetime.date, frequency: str) -> Period:
    """Return the period of ``frequency`` that ``day`` falls in."""
    size = MONTHS_IN[IndicatorFrequency(frequency)]
    first_month = (day.month - 1) // size * size + 1
    start = datetime.date(day.year, first_month, 1)
    end = _add_months(start, size) - datetime.timedelta(days=1)
    return start, end


def is_period(start: datetime.date, end: datetime.date, frequency: str) -> bool:
    """Return whether ``start``–``end`` is exactly one period of
    ``frequency``."""
    return period_containing(start, frequency) == (start, end)


def periods_between(
    first: datetime.date, last: datetime.date, frequency: str
) -> list[Period]:
    """Return the periods of ``frequency`` from the one holding ``first`` to
    the one holding ``last``, in order."""
    periods = []
    start, end = period_containing(first, frequency)
    while start <= last:
        periods.append((start, end))
        start, end = period_containing(end + datetime.timedelta(days=1), frequency)
    return periods


def last_complete_period(today: datetime.date, frequency: str) -> Period:
    """Return the latest period of ``frequency`` that ended before today."""
    start, _end = period_containing(today, frequency)
    return period_containing(start - datetime.timedelta(days=1), frequency)


def period_label(start: datetime.date, end: datetime.date) -> str:
    """Return a period as people write it: "2024", "Q2 2024", "March 2024",
    or the two days."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
        start.year == end.year
    ):
        return str(start.year)
    if is_period(start, end, IndicatorFrequency.QUARTERLY):
        return _("Q%(quarter)s %(year)s") % {
            "quarter": (start.month - 1) // 3 + 1,
            "year": start.year,
        }
    if is_period(start, end, IndicatorFrequency.MONTHLY):
        return formats.date_format(start, "YEAR_MONTH_FORMAT")
    return "{} – {}".format(
        formats.date_format(start, "SHORT_DATE_FORMAT"),
        formats.date_format(end, "SHORT_DATE_FORMAT"),
    )
