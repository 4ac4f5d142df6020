"""The rules of a strategy's parts, in one place: the services (a form's
input) and the importer (a spreadsheet's rows) both check them here, so
that the two can never disagree.

Each check is a pure function of the values it is given: it returns
nothing, or raises a ``ValidationError`` keyed by the field (the file's
column) at fault, with a code. Where a file has to say it differently (it
shows the value written, or names a choice as the file spells it),
``FILE_WORDING`` holds the file's wording of the same refusal, by code.
"""

import datetime
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .indicators import FORMULAS
from .models import ActivityStatus, IndicatorDirection, IndicatorSource
from .periods import is_period

OBJECTIVE_NUMBER = re.compile(r"^[1-9][0-9]?$")
SUB_OBJECTIVE_NUMBER = re.compile(r"^[1-9][0-9]?\.[1-9][0-9]?$")
ACTIVITY_NUMBER = re.compile(r"^[1-9][0-9]?(\.[1-9][0-9]?){1,2}$")
NUMBERS = {
    "objective": (OBJECTIVE_NUMBER, "3"),
    "sub_objective": (SUB_OBJECTIVE_NUMBER, "2.3"),
    "activity": (ACTIVITY_NUMBER, "2.4"),
}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SLUG_LIMIT = 60
# The back office's addresses under /staff/strategy/.
RESERVED_SLUGS = {
    "new",
    "import",
    "objectives",
    "sub-objectives",
    "activities",
    "indicators",
    "measurements",
}
CODE_LIMIT = 20
FIRST_YEAR, LAST_YEAR = 2000, 2100
LARGEST_VALUE = Decimal("1e12")

FILE_WORDING = {
    "number_format": _("“%(value)s” is not a number such as %(example)s."),
    "year_range": _("“%(value)s” is not a year from 2000 to 2100."),
    "target_below_baseline": _(
        "The target is below the baseline: choose 'decrease' as "
        "the direction or check the figures."
    ),
    "target_above_baseline": _(
        "The target is above the baseline: choose 'increase' as "
        "the direction or check the figures."
    ),
    "formula_missing": _(
        "A computed indicator needs one of the formulas %(formulas)s."
    ),
}


def _refuse(field: str, message, code: str, **params) -> None:
    raise ValidationError(
        {field: ValidationError(message, code=code, params=params or None)}
    )


# The plan's parts


def strategy_slug(slug: str) -> None:
    """A short address of lowercase letters, digits and hyphens that is not
    one of the back office's own."""
    if not SLUG.match(slug) or len(slug) > SLUG_LIMIT:
        _refuse(
            "slug",
            _("Use lowercase letters, digits and hyphens, such as strategy-2021-2025."),
            "slug_format",
        )
    if slug in RESERVED_SLUGS:
        _refuse(
            "slug",
            _("This short address is taken by the platform's pages."),
            "slug_reserved",
        )


def year(value: int | str, field: str) -> None:
    """A year from 2000 to 2100, as a number or written in four digits."""
    if isinstance(value, str):
        number = int(value) if re.fullmatch(r"\d{4}", value) else None
    else:
        number = value
    if number is None or not FIRST_YEAR <= number <= LAST_YEAR:
        _refuse(
            field,
            _("Give a year from 2000 to 2100."),
            "year_range",
            value=str(value)[:40],
        )


def years_in_order(first: int, last: int) -> None:
    if last < first:
        _refuse("end_year", _("The last year comes before the first."), "years_order")


def number(value: str, level: str) -> None:
    """The number of an objective ("3"), a sub-objective ("2.3") or an
    activity ("2.4" or "2.4.1"); ``level`` is one of ``NUMBERS``."""
    pattern, example = NUMBERS[level]
    if not pattern.match(value):
        _refuse(
            "number",
            _("Write the number as %(example)s."),
            "number_format",
            value=value[:20],
            example=example,
        )


def position(value: str) -> int:
    """The place of a numbered part among its siblings ("2.4" → 4)."""
    return int(value.rsplit(".", 1)[-1])


def sub_objective_under(value: str, objective: str) -> None:
    """A sub-objective's number begins with its objective's ("2.3" under 2)."""
    if value.split(".")[0] != objective:
        _refuse(
            "number",
            _("A sub-objective of objective %(objective)s is numbered %(example)s."),
            "sub_objective_prefix",
            objective=objective,
            example=f"{objective}.1",
        )


def activity_under(value: str, objective: str) -> None:
    """An activity's number begins with its objective's ("2.4" under 2)."""
    if value.split(".")[0] != objective:
        _refuse(
            "number",
            _(
                "The number of an activity of objective %(objective)s begins "
                "with “%(prefix)s”."
            ),
            "activity_prefix",
            objective=objective,
            prefix=f"{objective}.",
        )


def weight(value: Decimal | None) -> None:
    if value is not None and value < 0:
        _refuse("weight", _("A weight cannot be negative."), "weight_negative")


# Activities


def dates_in_order(start: datetime.date | None, end: datetime.date | None) -> None:
    if start and end and end < start:
        _refuse("end", _("The end comes before the start."), "dates_order")


def progress(value: int | str) -> None:
    """A percentage from 0 to 100, as a number or written in digits."""
    if isinstance(value, str):
        number = int(value) if re.fullmatch(r"\d{1,3}", value) else None
    else:
        number = value
    if number is None or not 0 <= number <= 100:
        _refuse(
            "progress", _("Progress is a percentage from 0 to 100."), "progress_range"
        )


def status_agrees(status: str, value: int) -> None:
    """A completed activity is at 100%; one not started, at 0%."""
    if status == ActivityStatus.COMPLETED and value != 100:
        _refuse("progress", _("A completed activity is at 100%."), "completed")
    if status == ActivityStatus.NOT_STARTED and value != 0:
        _refuse(
            "status",
            _("An activity with progress is no longer 'not started'."),
            "not_started",
        )


# Indicators and measurements


def indicator_code(code: str) -> None:
    if not code or len(code) > CODE_LIMIT:
        _refuse(
            "code",
            _("Give a code of at most 20 characters, such as I-2.1."),
            "code_format",
        )


def target_year_in_order(baseline_year: int, target_year: int) -> None:
    if target_year < baseline_year:
        _refuse(
            "target_year",
            _("The target year comes before the baseline's."),
            "target_year_order",
        )


def target_in_direction(direction: str, baseline: Decimal, target: Decimal) -> None:
    """The target lies from the baseline in the indicator's direction."""
    if direction == IndicatorDirection.INCREASE and target < baseline:
        _refuse(
            "target",
            _(
                "The target is below the baseline: choose 'the lower the better' "
                "or check the figures."
            ),
            "target_below_baseline",
        )
    if direction == IndicatorDirection.DECREASE and target > baseline:
        _refuse(
            "target",
            _(
                "The target is above the baseline: choose 'the higher the better' "
                "or check the figures."
            ),
            "target_above_baseline",
        )


def formula(source: str, name: str) -> None:
    """A computed indicator names one of ``indicators.FORMULAS``."""
    if source == IndicatorSource.COMPUTED and name not in FORMULAS:
        _refuse(
            "formula",
            _("A computed indicator needs a formula from the list."),
            "formula_missing",
            formulas=", ".join(FORMULAS),
        )


def measurement_period(
    start: datetime.date,
    end: datetime.date,
    *,
    frequency: str | None,
    frequency_label: str,
    today: datetime.date,
) -> None:
    """One whole period of the indicator's frequency (None: not known yet),
    begun by ``today``."""
    if end < start:
        _refuse("period_end", _("The period ends before it starts."), "period_order")
    if frequency is not None and not is_period(start, end, frequency):
        _refuse(
            "period_start",
            _("The period must be one whole %(frequency)s period."),
            "period_whole",
            frequency=frequency_label,
        )
    if start > today:
        _refuse("period_start", _("The period has not begun yet."), "period_future")


def messages_of(
    error: ValidationError, *, in_a_file: bool = False
) -> dict[str, list[str]]:
    """Return {field: [message, ...]} of a refusal, in the file's wording
    where it has its own."""
    found: dict[str, list[str]] = {}
    for field, errors in error.error_dict.items():
        for each in errors:
            wording = FILE_WORDING.get(each.code or "") if in_a_file else None
            message = str(wording or each.message)
            if each.params:
                message %= each.params
            found.setdefault(field, []).append(message)
    return found
