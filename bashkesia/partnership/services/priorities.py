"""Sector priorities: what a sector agreed with its community to tackle, and
what the police did about it ("you said, we did").

A priority is *current* until it is closed as *addressed* (an action is
recorded) or *dropped* (no longer a priority); only a current one changes.
Those who act in the sector set its priorities
(``permissions.can_manage_priorities``).
"""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.concerns.models import Concern
from bashkesia.concerns.staff_selectors import tracking_code_normalise
from bashkesia.core import clock
from bashkesia.territory.models import Sector

from ..models import Meeting, Problem, SectorPriority
from .checks import Errors, model_checked, text_checked

CLOSING_STATUSES = (SectorPriority.Status.ADDRESSED, SectorPriority.Status.DROPPED)


# Helpers the problem services share


def concerns_resolve_for_sector(
    *, sector: Sector, references: Iterable[str | int]
) -> tuple[list[Concern], list[str]]:
    """Return the concerns ``references`` name (tracking codes, in any case
    and with or without dashes, or ids) and the messages about those that do
    not exist or are not of ``sector``."""
    codes: list[str] = []
    ids: list[int] = []
    for reference in references:
        if isinstance(reference, int):
            ids.append(reference)
        elif reference.strip():
            codes.append(tracking_code_normalise(reference.strip()))
    if not codes and not ids:
        return [], []
    found = list(
        Concern.objects.filter(Q(tracking_code__in=codes) | Q(pk__in=ids)).only(
            "pk", "tracking_code", "sector_id"
        )
    )
    by_code = {concern.tracking_code: concern for concern in found}
    by_id = {concern.pk: concern for concern in found}
    linked: dict[int, Concern] = {}
    messages: list[str] = []
    named: list[tuple[Concern | None, str]] = [
        (
            by_code.get(code),
            _("No concern has the tracking code “%(code)s”.") % {"code": code},
        )
        for code in codes
    ] + [
        (by_id.get(pk), _("No concern has the number %(number)s.") % {"number": pk})
        for pk in ids
    ]
    for concern, missing in named:
        if concern is None:
            messages.append(missing)
        elif concern.sector_id != sector.pk:
            messages.append(
                _("Concern %(code)s is not of sector %(sector)s.")
                % {"code": concern.tracking_code, "sector": sector.code}
            )
        else:
            linked[concern.pk] = concern
    return list(linked.values()), list(dict.fromkeys(messages))


def _require_manager(by: User, sector: Sector) -> None:
    if not permissions.can_manage_priorities(by, sector):
        raise PermissionDenied(
            _("You cannot set the priorities of sector %(code)s.")
            % {"code": sector.code}
        )


def _locked(priority: SectorPriority) -> SectorPriority:
    return (
        SectorPriority.objects.select_for_update()
        .select_related("sector")
        .get(pk=priority.pk)
    )


def _require_current(priority: SectorPriority) -> None:
    if priority.status != SectorPriority.Status.CURRENT:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: [
                    _(
                        "This priority is closed (“%(status)s”); only a current one "
                        "changes."
                    )
                    % {"status": priority.get_status_display()}
                ]
            }
        )


def _meeting_problems(
    meeting: Meeting, *, sector: Sector, issue_date: datetime.date
) -> list[str]:
    if meeting.forum.municipality_id != sector.municipality_id:
        return [
            _(
                "Choose a meeting of a forum of %(municipality)s, the sector's "
                "municipality."
            )
            % {"municipality": sector.municipality.name}
        ]
    if meeting.status == Meeting.Status.CANCELLED:
        return [_("That meeting was cancelled: nothing was agreed at it.")]
    if timezone.localdate(meeting.starts_at) > issue_date:
        return [
            _(
                "The meeting took place after the issue date: it cannot be where "
                "the priority was agreed."
            )
        ]
    return []


# The services


@transaction.atomic
def priority_create(
    *,
    sector: Sector,
    issue: str,
    issue_date: datetime.date,
    by: User,
    concerns: Iterable[str | int] = (),
    meeting: Meeting | None = None,
    problem: Problem | None = None,
) -> SectorPriority:
    """Set a current priority of ``sector``: the issue the community raised,
    the day it was agreed, optionally the sector's concerns it answers
    (tracking codes or ids), the meeting where it was agreed (of a forum of
    the sector's municipality) and the problem of the sector it comes from.
    """
    _require_manager(by, sector)
    errors: Errors = {}
    issue = text_checked(
        errors,
        "issue",
        issue,
        empty=_("Say what the community asked the police to tackle."),
    )
    if issue_date > clock.today():
        errors["issue_date"] = [_("The issue date cannot be in the future.")]
    linked, concern_messages = concerns_resolve_for_sector(
        sector=sector, references=concerns
    )
    if concern_messages:
        errors["concerns"] = concern_messages
    if meeting is not None:
        meeting_messages = _meeting_problems(
            meeting, sector=sector, issue_date=issue_date
        )
        if meeting_messages:
            errors["meeting"] = meeting_messages
    if problem is not None and problem.sector_id != sector.pk:
        errors["problem"] = [
            _("That problem is of sector %(other)s, not %(sector)s.")
            % {"other": problem.sector.code, "sector": sector.code}
        ]
    priority = SectorPriority(
        sector=sector,
        issue=issue,
        issue_date=issue_date,
        meeting=meeting,
        problem=problem,
        created_by=by,
    )
    model_checked(
        errors, priority, exclude=["sector", "meeting", "problem", "created_by"]
    )
    if errors:
        raise ValidationError(errors)
    priority.save()
    priority.concerns.set(linked)
    return priority


@transaction.atomic
def priority_update(
    *, priority: SectorPriority, by: User, issue: str, concerns: Iterable[str | int]
) -> SectorPriority:
    """Reword a current priority's issue and change the concerns it answers
    (tracking codes or ids of the sector's concerns)."""
    _require_manager(by, priority.sector)
    priority = _locked(priority)
    _require_current(priority)
    errors: Errors = {}
    issue = text_checked(
        errors,
        "issue",
        issue,
        empty=_("Say what the community asked the police to tackle."),
    )
    linked, concern_messages = concerns_resolve_for_sector(
        sector=priority.sector, references=concerns
    )
    if concern_messages:
        errors["concerns"] = concern_messages
    if errors:
        raise ValidationError(errors)
    priority.issue = issue
    priority.save(update_fields=["issue", "updated_at"])
    priority.concerns.set(linked)
    return priority


@transaction.atomic
def priority_record_action(
    *, priority: SectorPriority, by: User, action: str, action_date: datetime.date
) -> SectorPriority:
    """Record what the police did about a current priority, and when (on or
    after the issue date, not in the future); a later action replaces it."""
    _require_manager(by, priority.sector)
    priority = _locked(priority)
    _require_current(priority)
    errors: Errors = {}
    action = text_checked(
        errors, "action", action, empty=_("Say what the police did about it.")
    )
    if action_date > clock.today():
        errors["action_date"] = [_("The action date cannot be in the future.")]
    elif action_date < priority.issue_date:
        errors["action_date"] = [
            _("The action date cannot be before the issue date, %(date)s.")
            % {"date": priority.issue_date.isoformat()}
        ]
    if errors:
        raise ValidationError(errors)
    priority.action = action
    priority.action_date = action_date
    priority.save(update_fields=["action", "action_date", "updated_at"])
    return priority


@transaction.atomic
def priority_close(
    *, priority: SectorPriority, by: User, status: str
) -> SectorPriority:
    """Close a current priority as addressed (an action must be recorded) or
    dropped (no longer a priority)."""
    _require_manager(by, priority.sector)
    priority = _locked(priority)
    _require_current(priority)
    if status not in CLOSING_STATUSES:
        raise ValidationError(
            {"status": [_("Choose “addressed” or “no longer a priority”.")]}
        )
    if status == SectorPriority.Status.ADDRESSED and not priority.action:
        raise ValidationError(
            {
                "status": [
                    _(
                        "Record what the police did before marking the priority "
                        "addressed."
                    )
                ]
            }
        )
    priority.status = status
    priority.save(update_fields=["status", "updated_at"])
    return priority
