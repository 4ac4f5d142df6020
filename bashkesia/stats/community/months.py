"""Calendar months: a month is the date of its first day."""

import datetime
import functools
import operator

from django.db.models import Q
from django.utils import timezone


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_add(month: datetime.date, count: int) -> datetime.date:
    """Return the first day of the month ``count`` months from ``month``'s."""
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_end(month: datetime.date) -> datetime.date:
    """Return the last day of ``month``'s month."""
    return month_add(month_start(month), 1) - datetime.timedelta(days=1)


def months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Return the months from ``first``'s to ``last``'s, both included."""
    months, month = [], month_start(first)
    while month <= last:
        months.append(month)
        month = month_add(month, 1)
    return months


def runs(months: list[datetime.date]) -> list[tuple[datetime.date, datetime.date]]:
    """Return the months as runs of consecutive months: ``(first day, first
    day after)`` each."""
    spans: list[tuple[datetime.date, datetime.date]] = []
    for month in sorted(set(months)):
        if spans and spans[-1][1] == month:
            spans[-1] = (spans[-1][0], month_add(month, 1))
        else:
            spans.append((month, month_add(month, 1)))
    return spans


def local_midnight(day: datetime.date) -> datetime.datetime:
    """Return the start of ``day`` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def in_months(field: str, months: list[datetime.date], *, moment: bool) -> Q:
    """Return the condition "``field`` falls in one of ``months``" (not
    empty); a moment (a DateTimeField) by the site's time zone."""
    conditions = []
    for first, after in runs(months):
        low, high = (
            (local_midnight(first), local_midnight(after)) if moment else (first, after)
        )
        conditions.append(Q(**{f"{field}__gte": low, f"{field}__lt": high}))
    return functools.reduce(operator.or_, conditions)
