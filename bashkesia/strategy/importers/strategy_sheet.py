"""Checking the sheet "strategy": its one row, or the strategy chosen on
the upload page when the file has no such sheet."""

from django.utils.translation import gettext as _

from .. import rules
from ..import_sheets import ImportProblem, Sheet
from ..models import TEXT_LIMIT, TITLE_LIMIT, Strategy
from .cells import Row, text_of
from .plan import Plan


def plan_strategy(
    sheets: dict[str, Sheet], chosen: Strategy | None, plan: Plan, problems: list
) -> None:
    sheet = sheets.get("strategy")
    if sheet is None:
        if chosen is None:
            problems.append(
                ImportProblem(
                    "",
                    None,
                    "",
                    _(
                        "The file has no sheet “strategy”: add it, or choose the "
                        "strategy the file updates."
                    ),
                )
            )
        plan.existing = chosen
        plan.slug = chosen.slug if chosen else ""
        return
    if len(sheet.rows) != 1:
        problems.append(
            ImportProblem(
                "strategy",
                sheet.rows[1][0] if len(sheet.rows) > 1 else 2,
                "",
                _("The sheet “strategy” has one row under its header."),
            )
        )
        return
    line, cells = sheet.rows[0]
    row = Row("strategy", line, cells, problems)
    slug = text_of(row.raw("slug")).lower()
    if (
        row.check(rules.strategy_slug, slug)
        and chosen is not None
        and (chosen.slug != slug)
    ):
        row.problem(
            "slug",
            _("The file is for the strategy %(file)s, not %(chosen)s.")
            % {"file": slug, "chosen": chosen.slug},
        )
    values = row.texts("title", limit=TITLE_LIMIT, required=_("Give a title."))
    values |= row.texts("description", limit=TEXT_LIMIT, required=None)
    start, end = row.year("start_year"), row.year("end_year")
    if start is not None and end is not None:
        row.check(rules.years_in_order, start, end)
    values |= {"start_year": start, "end_year": end}
    if row.has("illustrative"):
        values["is_illustrative"] = row.boolean("illustrative")
    if row.has("published"):
        values["published"] = row.boolean("published")
    plan.slug, plan.strategy_values, plan.strategy_line = slug, values, line
    plan.existing = Strategy.objects.filter(slug=slug).first() if slug else None
