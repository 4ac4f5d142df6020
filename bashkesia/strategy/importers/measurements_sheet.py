"""Checking the sheet "measurements": values of hand-measured indicators of
the file or the strategy, each over one whole period of the indicator's
frequency, begun already, and once."""

import datetime

from django.utils.translation import gettext as _

from .. import rules
from ..import_sheets import Sheet
from ..models import TITLE_LIMIT, IndicatorFrequency, IndicatorSource
from .cells import Row, text_of
from .plan import Planned


def plan_measurements(
    sheet: Sheet | None,
    indicators: dict[str, tuple[str, str]],
    today: datetime.date,
    problems: list,
) -> list[Planned]:
    """``indicators`` maps a code to (frequency, source)."""
    planned: list[Planned] = []
    if sheet is None:
        return planned
    seen: dict[str, int] = {}
    for line, cells in sheet.rows:
        row = Row(sheet.name, line, cells, problems)
        code = text_of(row.raw("indicator"))
        found = indicators.get(code)
        if found is None:
            row.problem(
                "indicator",
                _("There is no indicator “%(code)s”: add it to the sheet “indicators”.")
                % {"code": code[:20]},
            )
        elif found[1] == IndicatorSource.COMPUTED:
            row.problem(
                "indicator",
                _("This indicator is computed from the platform's data, not entered."),
            )
        start = row.day("period_start", required=True)
        end = row.day("period_end", required=True)
        value = row.decimal("value", required=True)
        note = row.text("note", limit=TITLE_LIMIT)
        if (
            start
            and end
            and row.check(
                rules.measurement_period,
                start,
                end,
                frequency=found[0] if found else None,
                frequency_label=IndicatorFrequency(found[0]).label if found else "",
                today=today,
            )
            and row.ok
        ):
            row.first_seen(
                seen,
                f"{code} {start.isoformat()}–{end.isoformat()}",
                "period_start",
                _("The measurement %(key)s is on row %(row)s already."),
            )
        if row.ok:
            planned.append(
                Planned(
                    line,
                    code,
                    {"value": value, "note": note},
                    extra={"start": start, "end": end},
                )
            )
    return planned
