"""Checking the sheet "indicators": each code once, owned by an objective,
a sub-objective or an activity of the file or the strategy, years and
target in order, a computed one with its formula."""

from django.utils.translation import gettext as _

from .. import rules
from ..import_sheets import Sheet
from ..models import (
    TITLE_LIMIT,
    IndicatorDirection,
    IndicatorFrequency,
    IndicatorSource,
)
from .cells import Row, text_of
from .plan import Planned


def plan_indicators(
    sheet: Sheet | None, owners: dict[str, set[str]], problems: list
) -> list[Planned]:
    planned: list[Planned] = []
    if sheet is None:
        return planned
    seen: dict[str, int] = {}
    for line, cells in sheet.rows:
        row = Row(sheet.name, line, cells, problems)
        code = text_of(row.raw("code"))
        if row.check(rules.indicator_code, code):
            row.first_seen(
                seen,
                code,
                "code",
                _("Indicator %(key)s is on row %(row)s already."),
            )
        named = row.ok
        level = row.choice("level", list(owners), "")
        number = text_of(row.raw("number"))
        if level and number not in owners[level]:
            row.problem(
                "number",
                _("There is no %(level)s “%(number)s” in the file or the strategy.")
                % {"level": level, "number": number[:20]},
            )
        values = row.texts("name", limit=TITLE_LIMIT, required=_("Give a name."))
        if row.has("unit"):
            values["unit"] = row.text("unit", limit=40)
        baseline = row.decimal("baseline", required=True)
        target = row.decimal("target", required=True)
        baseline_year, target_year = row.year("baseline_year"), row.year("target_year")
        if baseline_year and target_year:
            row.check(rules.target_year_in_order, baseline_year, target_year)
        direction = row.choice(
            "direction", list(IndicatorDirection.values), IndicatorDirection.INCREASE
        )
        frequency = row.choice(
            "frequency", list(IndicatorFrequency.values), IndicatorFrequency.YEARLY
        )
        source = row.choice(
            "source", list(IndicatorSource.values), IndicatorSource.MANUAL
        )
        formula = text_of(row.raw("formula"))
        row.check(rules.formula, source, formula)
        if source == IndicatorSource.MANUAL:
            formula = ""
        if baseline is not None and target is not None:
            row.check(rules.target_in_direction, direction, baseline, target)
        if named:
            values |= {
                "baseline": baseline,
                "baseline_year": baseline_year,
                "target": target,
                "target_year": target_year,
                "direction": direction,
                "frequency": frequency,
                "source": source,
                "formula": formula,
            }
            planned.append(Planned(line, code, values, number, {"level": level}))
    return planned
