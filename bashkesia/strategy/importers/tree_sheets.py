"""Checking the sheets "objectives" and "sub_objectives": numbered rows,
each number once, a sub-objective under an objective of the file or the
strategy."""

from django.utils.translation import gettext as _

from .. import rules
from ..import_sheets import Sheet
from ..models import TITLE_LIMIT
from .cells import Row
from .plan import Planned


def plan_numbered(
    sheet: Sheet | None,
    *,
    level: str,
    duplicate: str,
    title_required: str,
    parents: set[str] | None,
    problems: list,
) -> list[Planned]:
    """Read objectives (``parents`` None) or sub-objectives (whose parent
    objective is the first part of their number); ``level`` is the rules'
    name of the numbering."""
    planned: list[Planned] = []
    if sheet is None:
        return planned
    seen: dict[str, int] = {}
    for line, cells in sheet.rows:
        row = Row(sheet.name, line, cells, problems)
        number = row.number(level)
        if row.ok:
            row.first_seen(seen, number, "number", duplicate)
        parent = number.split(".")[0]
        named = row.ok
        if row.ok and parents is not None and parent not in parents:
            row.problem(
                "number",
                _("There is no objective %(number)s: add it to the sheet “objectives”.")
                % {"number": parent},
            )
        values = row.texts("title", limit=TITLE_LIMIT, required=title_required)
        row.weight(values)
        if named:
            values["position"] = rules.position(number)
            planned.append(Planned(line, number, values, parent))
    return planned
