"""Every write to a strategy's activities: adding and changing one, and the
reports that move its status and progress (each a step in its timeline).

Refusals are ``ValidationError`` (bad input, every problem at once) or
``PermissionDenied``.
"""

import datetime
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from bashkesia.core import clock
from bashkesia.core.text import clean_text
from bashkesia.partners.models import Partner

from .. import permissions, rules
from ..models import (
    TEXT_LIMIT,
    TITLE_LIMIT,
    Activity,
    ActivityStatus,
    ActivityUpdate,
    SubObjective,
)
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
def activity_save(
    *,
    by: User,
    sub_objective: SubObjective,
    activity: Activity | None = None,
    number: str,
    description_sq: str,
    description_sr_latn: str = "",
    description_en: str = "",
    responsible_unit: str = "",
    partners: list[Partner] | None = None,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
    weight: Decimal | None = None,
    reporters: list[User] | None = None,
) -> Activity:
    """Add an activity to ``sub_objective``, or change ``activity``. Its
    number ("2.4" or "2.4.1") is unique within the strategy; its status and
    progress change only through ``activity_report``."""
    only_editors(by)
    errors: Errors = {}
    strategy = sub_objective.objective.strategy
    number = number.strip()
    if (
        checked(errors, rules.number, number, "activity")
        and checked(
            errors, rules.activity_under, number, sub_objective.objective.number
        )
        and Activity.objects.filter(strategy=strategy, number=number)
        .exclude(pk__in=pks(activity))
        .exists()
    ):
        errors["number"] = [
            _("The strategy already has an activity %(number)s.") % {"number": number}
        ]
    values = texts(
        errors,
        "description",
        sq=description_sq,
        sr_latn=description_sr_latn,
        en=description_en,
        limit=TEXT_LIMIT,
        required=_("Describe the activity."),
    )
    responsible_unit = clean_text(responsible_unit)
    too_long(errors, "responsible_unit", responsible_unit, TITLE_LIMIT)
    checked(errors, rules.dates_in_order, start, end)
    checked(errors, rules.weight, weight)
    reporters = list(reporters or [])
    from ..selectors import strategy_staff_users

    staff_ids = set(
        strategy_staff_users()
        .filter(pk__in=[user.pk for user in reporters])
        .values_list("pk", flat=True)
    )
    outsiders = [user.get_username() for user in reporters if user.pk not in staff_ids]
    if outsiders:
        errors["reporters"] = [
            _("Only staff members report on activities; not: %(names)s.")
            % {"names": ", ".join(outsiders)}
        ]
    raise_if(errors)
    activity = activity or Activity(sub_objective=sub_objective, strategy=strategy)
    apply(
        activity,
        values
        | {
            "number": number,
            "responsible_unit": responsible_unit,
            "start": start,
            "end": end,
            "weight": weight,
            "position": rules.position(number),
        },
    )
    activity.save()
    activity.partners.set(partners or [])
    activity.reporters.set(reporters)
    return activity


@transaction.atomic
def activity_report(
    *,
    by: User,
    activity: Activity,
    status: str,
    progress: int,
    note: str = "",
    at: datetime.datetime | None = None,
) -> ActivityUpdate:
    """Move the activity's status and progress, recording the step in its
    timeline. Its reporters and the editors may.

    A completed activity is at 100%; one not started, at 0%. An update that
    changes nothing needs a note.
    """
    if not permissions.reports_on(by, activity):
        raise PermissionDenied(
            _("Only the activity's reporters and the directorate update it.")
        )
    errors: Errors = {}
    if status not in ActivityStatus.values:
        errors["status"] = [_("Choose a status from the list.")]
    checked(errors, rules.progress, progress)
    note = clean_text(note)
    too_long(errors, "note", note, TEXT_LIMIT)
    if not errors and (
        checked(errors, rules.status_agrees, status, progress)
        and status == activity.status
        and progress == activity.progress
        and not note
    ):
        errors["note"] = [
            _("Nothing changed: give a new status or progress, or a note.")
        ]
    raise_if(errors)
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    update = ActivityUpdate.objects.create(
        activity=activity,
        at=at or clock.now(),
        by=by,
        old_progress=activity.progress,
        new_progress=progress,
        old_status=activity.status,
        new_status=status,
        note=note,
    )
    activity.status = status
    activity.progress = progress
    activity.save(update_fields=["status", "progress", "updated_at"])
    return update
