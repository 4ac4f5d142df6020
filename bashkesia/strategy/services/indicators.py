"""Every write to a strategy's indicators: adding and changing one, the
measurements entered by hand, and the recalculation of the computed ones
from the platform's data.

Refusals are ``ValidationError`` (bad input, every problem at once) or
``PermissionDenied``.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bashkesia.core import clock
from bashkesia.core.text import clean_text

from .. import permissions, rules
from ..indicators import FORMULAS
from ..models import (
    TITLE_LIMIT,
    Activity,
    Indicator,
    IndicatorDirection,
    IndicatorFrequency,
    IndicatorSource,
    Measurement,
    Objective,
    SubObjective,
)
from ..periods import last_complete_period, periods_between
from .common import (
    Errors,
    apply,
    checked,
    only_editors,
    pks,
    raise_if,
    texts,
    too_long,
)


@transaction.atomic
def indicator_save(
    *,
    by: User,
    owner: Objective | SubObjective | Activity,
    indicator: Indicator | None = None,
    code: str,
    name_sq: str,
    name_sr_latn: str = "",
    name_en: str = "",
    unit: str = "",
    baseline: Decimal,
    baseline_year: int,
    target: Decimal,
    target_year: int,
    direction: str = IndicatorDirection.INCREASE,
    frequency: str = IndicatorFrequency.YEARLY,
    source: str = IndicatorSource.MANUAL,
    formula: str = "",
) -> Indicator:
    """Add an indicator to an objective, a sub-objective or an activity
    (``owner``), or change ``indicator``. A computed indicator names one of
    the formulas of ``indicators.FORMULAS``; the target lies from the
    baseline in the indicator's direction."""
    only_editors(by)
    if isinstance(owner, Objective):
        strategy = owner.strategy
        links: dict[str, Objective | SubObjective | Activity] = {"objective": owner}
    elif isinstance(owner, SubObjective):
        strategy, links = owner.objective.strategy, {"sub_objective": owner}
    else:
        strategy, links = owner.strategy, {"activity": owner}
    errors: Errors = {}
    code = code.strip()
    if (
        checked(errors, rules.indicator_code, code)
        and Indicator.objects.filter(strategy=strategy, code=code)
        .exclude(pk__in=pks(indicator))
        .exists()
    ):
        errors["code"] = [
            _("The strategy already has an indicator %(code)s.") % {"code": code}
        ]
    values = texts(
        errors,
        "name",
        sq=name_sq,
        sr_latn=name_sr_latn,
        en=name_en,
        limit=TITLE_LIMIT,
        required=_("Give the indicator a name."),
    )
    unit = clean_text(unit)[:40]
    if direction not in IndicatorDirection.values:
        errors["direction"] = [_("Choose a direction from the list.")]
    if frequency not in IndicatorFrequency.values:
        errors["frequency"] = [_("Choose a frequency from the list.")]
    if source not in IndicatorSource.values:
        errors["source"] = [_("Choose a source from the list.")]
    checked(errors, rules.formula, source, formula)
    if source == IndicatorSource.MANUAL:
        formula = ""
    years = checked(errors, rules.year, baseline_year, "baseline_year")
    years &= checked(errors, rules.year, target_year, "target_year")
    if years:
        checked(errors, rules.target_year_in_order, baseline_year, target_year)
    checked(errors, rules.target_in_direction, direction, baseline, target)
    raise_if(errors)
    if indicator is None:
        indicator = Indicator(strategy=strategy, **links)
    apply(
        indicator,
        values
        | {
            "code": code,
            "unit": unit,
            "baseline": baseline,
            "baseline_year": baseline_year,
            "target": target,
            "target_year": target_year,
            "direction": direction,
            "frequency": frequency,
            "source": source,
            "formula": formula,
        },
    )
    indicator.save()
    if indicator.is_computed:
        from ..tasks import strategy_indicators_recalculate

        transaction.on_commit(strategy_indicators_recalculate.enqueue)
    return indicator


# Measurements


@transaction.atomic
def measurement_record(
    *,
    by: User,
    indicator: Indicator,
    period_start: datetime.date,
    period_end: datetime.date,
    value: Decimal,
    note: str = "",
) -> Measurement:
    """Record the value of a hand-measured indicator over one period of its
    frequency, once: a period already measured is refused."""
    if not permissions.measures(by, indicator):
        raise PermissionDenied(
            _(
                "Only the directorate and the reporters of the indicator's "
                "activity enter its measurements."
            )
        )
    errors: Errors = {}
    if indicator.source == IndicatorSource.COMPUTED:
        raise ValidationError(
            _("This indicator is computed from the platform's data, not entered.")
        )
    if checked(
        errors,
        rules.measurement_period,
        period_start,
        period_end,
        frequency=indicator.frequency,
        frequency_label=indicator.get_frequency_display(),
        today=clock.today(),
    ) and (
        indicator.measurements.filter(
            period_start=period_start, period_end=period_end
        ).exists()
    ):
        errors["period_start"] = [_("This period has been measured already.")]
    if abs(value) >= rules.LARGEST_VALUE:
        errors["value"] = [_("The value is too large.")]
    note = clean_text(note)
    too_long(errors, "note", note, TITLE_LIMIT)
    raise_if(errors)
    return Measurement.objects.create(
        indicator=indicator,
        period_start=period_start,
        period_end=period_end,
        value=value.quantize(Decimal("0.01")),
        note=note,
        entered_by=by,
        computed=False,
        at=clock.now(),
    )


@transaction.atomic
def measurement_delete(*, by: User, measurement: Measurement) -> None:
    """Remove a measurement entered by mistake (editors only)."""
    only_editors(by)
    measurement.delete()


@dataclass(frozen=True)
class Recalculation:
    created: int
    updated: int
    unchanged: int
    skipped: int  # periods without data


def indicators_recalculate(
    *, today: datetime.date | None = None, indicators: list[Indicator] | None = None
) -> Recalculation:
    """Compute every period of each computed indicator's frequency, from the
    strategy's first year up to the last complete period (and no later than
    the strategy's last year); write new values, update changed ones.
    Idempotent. A period whose formula has no data writes nothing."""
    from ..selectors import indicator_list_computed

    today = today or clock.today()
    created = updated = unchanged = skipped = 0
    targets = indicators if indicators is not None else list(indicator_list_computed())
    for indicator in targets:
        formula = FORMULAS.get(indicator.formula)
        if indicator.source != IndicatorSource.COMPUTED or formula is None:
            continue
        first = datetime.date(indicator.strategy.start_year, 1, 1)
        _start, last_end = last_complete_period(today, indicator.frequency)
        last = min(last_end, datetime.date(indicator.strategy.end_year, 12, 31))
        if last < first:
            continue
        existing = {
            (m.period_start, m.period_end): m for m in indicator.measurements.all()
        }
        now = clock.now()
        with transaction.atomic():
            for start, end in periods_between(first, last, indicator.frequency):
                if end > last:
                    break
                value = formula.compute(start, end)
                if value is None:
                    skipped += 1
                    continue
                value = value.quantize(Decimal("0.01"))
                found = existing.get((start, end))
                if found is None:
                    Measurement.objects.create(
                        indicator=indicator,
                        period_start=start,
                        period_end=end,
                        value=value,
                        computed=True,
                        at=now,
                    )
                    created += 1
                elif found.value != value or not found.computed:
                    found.value, found.computed, found.at = value, True, now
                    found.entered_by = None
                    found.save(update_fields=["value", "computed", "at", "entered_by"])
                    updated += 1
                else:
                    unchanged += 1
    return Recalculation(created, updated, unchanged, skipped)
