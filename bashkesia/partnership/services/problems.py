"""Problem-solving with SARA: a problem is scanned (what was observed, the
concerns behind it), analysed, responded to with actions (owners, partners)
and assessed (did it work, measured how), then closed.

Each step forward needs the content of the stage it leaves (see
``problem_advance``). Those who act in the problem's sector work it
(``permissions.can_work_problem``); a problem can become a public sector
priority (``problem_publish_priority``).
"""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.core import clock
from bashkesia.territory.models import Sector

from ..models import TITLE_LIMIT, Problem, ProblemAction, SectorPriority
from .checks import Errors, model_checked, text_checked
from .priorities import concerns_resolve_for_sector, priority_create

Stage = Problem.Stage
# The one step forward from each stage.
NEXT_STAGE = {
    Stage.SCANNING: Stage.ANALYSIS,
    Stage.ANALYSIS: Stage.RESPONSE,
    Stage.RESPONSE: Stage.ASSESSMENT,
    Stage.ASSESSMENT: Stage.CLOSED,
}


def _require_worker(by: User, problem: Problem) -> None:
    if not permissions.can_work_problem(by, problem):
        raise PermissionDenied(
            _("You cannot work on the problems of sector %(code)s.")
            % {"code": problem.sector.code}
        )


def _require_open(problem: Problem) -> None:
    if problem.stage == Stage.CLOSED:
        raise ValidationError(
            {NON_FIELD_ERRORS: [_("This problem is closed; it no longer changes.")]}
        )


def _locked(problem: Problem) -> Problem:
    return (
        Problem.objects.select_for_update().select_related("sector").get(pk=problem.pk)
    )


@transaction.atomic
def problem_open(
    *,
    sector: Sector,
    title: str,
    scanning: str,
    by: User,
    concerns: Iterable[str | int] = (),
) -> Problem:
    """Open a problem in ``sector`` (of the sector's station) at the scanning
    stage: a title, what was observed, and the sector's concerns behind it
    (tracking codes or ids)."""
    problem = Problem(
        station_id=sector.station_id, sector=sector, opened_by=by, stage=Stage.SCANNING
    )
    _require_worker(by, problem)
    errors: Errors = {}
    problem.title = text_checked(
        errors,
        "title",
        title,
        empty=_("Give the problem a short title."),
        limit=TITLE_LIMIT,
    )
    problem.scanning = text_checked(
        errors, "scanning", scanning, empty=_("Say what was observed.")
    )
    linked, concern_messages = concerns_resolve_for_sector(
        sector=sector, references=concerns
    )
    if concern_messages:
        errors["concerns"] = concern_messages
    model_checked(errors, problem, exclude=["station", "sector", "opened_by"])
    if errors:
        raise ValidationError(errors)
    problem.save()
    problem.concerns.set(linked)
    return problem


@transaction.atomic
def problem_update(
    *,
    problem: Problem,
    by: User,
    title: str,
    scanning: str,
    analysis: str,
    assessment: str,
    measured_how: str,
    result: str,
    concerns: Iterable[str | int] | None = None,
) -> Problem:
    """Write the SARA record of an open problem: its title, what was
    observed, the analysis, the assessment, how the result was measured and
    the result; ``concerns`` (None: unchanged) replaces its concerns."""
    _require_worker(by, problem)
    problem = _locked(problem)
    _require_open(problem)
    errors: Errors = {}
    problem.title = text_checked(
        errors,
        "title",
        title,
        empty=_("Give the problem a short title."),
        limit=TITLE_LIMIT,
    )
    problem.scanning = text_checked(
        errors, "scanning", scanning, empty=_("Say what was observed.")
    )
    problem.analysis = text_checked(errors, "analysis", analysis, empty=None)
    problem.assessment = text_checked(errors, "assessment", assessment, empty=None)
    problem.measured_how = text_checked(
        errors, "measured_how", measured_how, empty=None
    )
    if result and result not in Problem.Result.values:
        errors["result"] = [_("Choose one of the results offered.")]
    problem.result = result
    linked = None
    if concerns is not None:
        linked, concern_messages = concerns_resolve_for_sector(
            sector=problem.sector, references=concerns
        )
        if concern_messages:
            errors["concerns"] = concern_messages
    model_checked(errors, problem, exclude=["station", "sector", "opened_by"])
    if errors:
        raise ValidationError(errors)
    problem.save(
        update_fields=["title", "scanning", "analysis", "assessment",
                       "measured_how", "result", "updated_at"]
    )  # fmt: skip
    if linked is not None:
        problem.concerns.set(linked)
    return problem


def _missing_for(problem: Problem, leaving: str) -> Errors:
    """Return what the stage ``leaving`` still lacks, by field."""
    if leaving == Stage.SCANNING and not problem.scanning:
        return {
            "scanning": [_("Say what was observed before moving on to the analysis.")]
        }
    if leaving == Stage.ANALYSIS and not problem.analysis:
        return {"analysis": [_("Write the analysis before moving on to the response.")]}
    if leaving == Stage.RESPONSE and not problem.actions.exists():
        return {
            "actions": [
                _("Add at least one action before moving on to the assessment.")
            ]
        }
    if leaving == Stage.ASSESSMENT:
        missing: Errors = {}
        if not problem.assessment:
            missing["assessment"] = [
                _("Write the assessment (did it work?) before closing the problem.")
            ]
        if not problem.measured_how:
            missing["measured_how"] = [
                _("Say how the result was measured before closing the problem.")
            ]
        if not problem.result:
            missing["result"] = [_("Choose the result before closing the problem.")]
        return missing
    return {}


@transaction.atomic
def problem_advance(*, problem: Problem, to: str, by: User) -> Problem:
    """Move the problem one stage forward, to ``to`` (scanning → analysis →
    response → assessment → closed), once the stage it leaves has its
    content: what was observed, the analysis, at least one action, and the
    assessment with its result and how it was measured."""
    _require_worker(by, problem)
    problem = _locked(problem)
    _require_open(problem)
    expected = NEXT_STAGE[Stage(problem.stage)]
    if to != expected:
        raise ValidationError(
            {
                "to": [
                    _("A problem at the “%(stage)s” stage moves on to “%(next)s” only.")
                    % {"stage": problem.get_stage_display(), "next": expected.label}
                ]
            }
        )
    missing = _missing_for(problem, problem.stage)
    if missing:
        raise ValidationError(missing)
    problem.stage = expected
    fields = ["stage", "updated_at"]
    if expected == Stage.CLOSED:
        problem.closed_on = clock.today()
        fields.append("closed_on")
    problem.save(update_fields=fields)
    return problem


def _action_fields(
    errors: Errors,
    action: ProblemAction,
    *,
    description: str,
    owner: str,
    partner: str,
    due_date: datetime.date | None,
    status: str,
) -> None:
    action.description = text_checked(
        errors,
        "description",
        description,
        empty=_("Say what is to be done."),
        limit=TITLE_LIMIT,
    )
    action.owner = text_checked(
        errors, "owner", owner, empty=_("Say who answers for it."), limit=TITLE_LIMIT
    )
    action.partner = text_checked(
        errors, "partner", partner, empty=None, limit=TITLE_LIMIT
    )
    action.due_date = due_date
    if status not in ProblemAction.Status.values:
        errors["status"] = [_("Choose one of the statuses offered.")]
    action.status = status
    model_checked(errors, action, exclude=["problem"])


@transaction.atomic
def problem_action_add(
    *,
    problem: Problem,
    by: User,
    description: str,
    owner: str,
    partner: str = "",
    due_date: datetime.date | None = None,
    status: str = ProblemAction.Status.PLANNED,
) -> ProblemAction:
    """Add an action to an open problem's response: what, who answers for it,
    with which partner, by when, and how it stands."""
    _require_worker(by, problem)
    problem = _locked(problem)
    _require_open(problem)
    errors: Errors = {}
    action = ProblemAction(problem=problem)
    _action_fields(
        errors,
        action,
        description=description,
        owner=owner,
        partner=partner,
        due_date=due_date,
        status=status,
    )
    if errors:
        raise ValidationError(errors)
    action.save()
    return action


@transaction.atomic
def problem_action_update(
    *,
    action: ProblemAction,
    by: User,
    description: str,
    owner: str,
    partner: str,
    due_date: datetime.date | None,
    status: str,
) -> ProblemAction:
    """Change an action of an open problem (most often its status)."""
    problem = action.problem
    _require_worker(by, problem)
    problem = _locked(problem)
    _require_open(problem)
    action = ProblemAction.objects.select_for_update().get(pk=action.pk)
    errors: Errors = {}
    _action_fields(
        errors,
        action,
        description=description,
        owner=owner,
        partner=partner,
        due_date=due_date,
        status=status,
    )
    if errors:
        raise ValidationError(errors)
    action.save(
        update_fields=["description", "owner", "partner", "due_date", "status",
                       "updated_at"]
    )  # fmt: skip
    return action


@transaction.atomic
def problem_publish_priority(
    *, problem: Problem, by: User, issue: str, issue_date: datetime.date
) -> SectorPriority:
    """Make an open problem a current priority of its sector, in words fit
    for the public (``issue``), linked to the problem and its concerns."""
    _require_worker(by, problem)
    problem = _locked(problem)
    if problem.stage == Stage.CLOSED:
        raise ValidationError(
            {NON_FIELD_ERRORS: [_("A closed problem cannot become a new priority.")]}
        )
    if problem.priorities.filter(status=SectorPriority.Status.CURRENT).exists():
        raise ValidationError(
            {
                NON_FIELD_ERRORS: [
                    _("This problem is already a current priority of sector %(code)s.")
                    % {"code": problem.sector.code}
                ]
            }
        )
    return priority_create(
        sector=problem.sector,
        issue=issue,
        issue_date=issue_date,
        by=by,
        concerns=list(problem.concerns.values_list("pk", flat=True)),
        problem=problem,
    )
