"""Checking the sheet "activities": each number once and under its
sub-objective's objective, dates in order, partners by short address, and a
status that agrees with the progress (a blank one keeps the activity's)."""

import re

from django.utils.translation import gettext as _

from bashkesia.partners.models import Partner

from .. import rules
from ..import_sheets import Sheet
from ..models import TEXT_LIMIT, TITLE_LIMIT, Activity, ActivityStatus
from .cells import Row, text_of
from .plan import Known, Planned


def plan_activities(
    sheet: Sheet | None, sub_objectives: set[str], known: Known, problems: list
) -> list[Planned]:
    planned: list[Planned] = []
    if sheet is None:
        return planned
    partners = {partner.slug: partner for partner in Partner.objects.all()}
    seen: dict[str, int] = {}
    for line, cells in sheet.rows:
        row = Row(sheet.name, line, cells, problems)
        number = row.number("activity")
        if row.ok:
            row.first_seen(
                seen,
                number,
                "number",
                _("Activity %(key)s is on row %(row)s already."),
            )
        named = row.ok
        parent = text_of(row.raw("sub_objective"))
        if parent not in sub_objectives:
            row.problem(
                "sub_objective",
                _(
                    "There is no sub-objective “%(number)s”: add it to the sheet "
                    "“sub_objectives”."
                )
                % {"number": parent[:20]},
            )
        elif row.ok:
            row.check(rules.activity_under, number, parent.split(".")[0])
        values = row.texts(
            "description", limit=TEXT_LIMIT, required=_("Describe the activity.")
        )
        if row.has("responsible_unit"):
            values["responsible_unit"] = row.text("responsible_unit", limit=TITLE_LIMIT)
        for column in ("start", "end"):
            if row.has(column):
                values[column] = row.day(column)
        existing = known.activities.get(number)
        row.check(
            rules.dates_in_order,
            values.get("start", existing.start if existing else None),
            values.get("end", existing.end if existing else None),
        )
        row.weight(values)
        extra: dict = {}
        if row.has("partners"):
            extra["partners"] = _partners(row, partners)
        _activity_state(row, existing, extra)
        if named:
            planned.append(
                Planned(
                    line,
                    number,
                    values | {"position": rules.position(number)},
                    parent,
                    extra,
                )
            )
    return planned


def _partners(row: Row, partners: dict[str, Partner]) -> list[Partner]:
    chosen = []
    for slug in re.split(r"[,;\s]+", text_of(row.raw("partners")).lower()):
        if not slug:
            continue
        if slug not in partners:
            row.problem(
                "partners",
                _("No partner has the short address “%(slug)s”.") % {"slug": slug[:60]},
            )
        else:
            chosen.append(partners[slug])
    return chosen


def _activity_state(row: Row, existing: Activity | None, extra: dict) -> None:
    """Read status and progress (blank: kept) and check they agree, as the
    activity's reporters must."""
    status = progress = None
    if text_of(row.raw("status")):
        status = row.choice("status", list(ActivityStatus.values), "")
    written = text_of(row.raw("progress"))
    if written:
        written = written.rstrip("%").strip()
        if row.check(rules.progress, written):
            progress = int(written)
    if not row.ok:
        return
    final_status = status or (
        existing.status if existing else ActivityStatus.NOT_STARTED
    )
    final_progress = (
        progress if progress is not None else (existing.progress if existing else 0)
    )
    row.check(rules.status_agrees, final_status, final_progress)
    extra["status"], extra["progress"] = final_status, final_progress
