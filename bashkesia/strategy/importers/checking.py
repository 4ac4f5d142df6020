"""Checking a whole upload: every sheet read in the order of the format,
each row checked against the rows above it and what the strategy already
has; the problems sorted by sheet and row."""

import datetime

from django.utils.translation import gettext as _

from ..import_sheets import SHEETS, ImportProblem, Sheet
from ..models import Strategy
from .activities_sheet import plan_activities
from .indicators_sheet import plan_indicators
from .measurements_sheet import plan_measurements
from .plan import Plan, known
from .strategy_sheet import plan_strategy
from .tree_sheets import plan_numbered


def checked_plan(
    sheets: dict[str, Sheet], chosen: Strategy | None, today: datetime.date
) -> tuple[Plan, list[ImportProblem]]:
    """Return what the upload would write, and every problem found in it."""
    problems: list[ImportProblem] = []
    plan = Plan()
    plan_strategy(sheets, chosen, plan, problems)
    existing = known(plan.existing)
    plan.objectives = plan_numbered(
        sheets.get("objectives"),
        level="objective",
        duplicate=_("Objective %(key)s is on row %(row)s already."),
        title_required=_("Give the objective a title."),
        parents=None,
        problems=problems,
    )
    objectives = existing.objectives | {item.key for item in plan.objectives}
    plan.sub_objectives = plan_numbered(
        sheets.get("sub_objectives"),
        level="sub_objective",
        duplicate=_("Sub-objective %(key)s is on row %(row)s already."),
        title_required=_("Give the sub-objective a title."),
        parents=objectives,
        problems=problems,
    )
    subs = existing.sub_objectives | {item.key for item in plan.sub_objectives}
    plan.activities = plan_activities(
        sheets.get("activities"), subs, existing, problems
    )
    owners = {
        "objective": objectives,
        "sub_objective": subs,
        "activity": set(existing.activities) | {item.key for item in plan.activities},
    }
    plan.indicators = plan_indicators(sheets.get("indicators"), owners, problems)
    frequencies = {
        code: (indicator.frequency, indicator.source)
        for code, indicator in existing.indicators.items()
    } | {
        item.key: (item.values["frequency"], item.values["source"])
        for item in plan.indicators
    }
    plan.measurements = plan_measurements(
        sheets.get("measurements"), frequencies, today, problems
    )
    # Sheet by sheet, in the order of the format, row by row.
    order = {"": -1} | {name: index for index, name in enumerate(SHEETS)}
    problems.sort(key=lambda p: (order.get(p.sheet, 99), p.row or 0))
    return plan, problems
