"""Back office: problem-solving (SARA).

The open problems of the user's scope per station; a problem's record with
its four sections (scanning, analysis, response, assessment), its actions and
concerns; and the steps on it, each posted to its own address and done by one
service. A refusal answers 400 with the service's own words.
"""

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bashkesia.accounts import permissions
from bashkesia.accounts.decorators import staff_view
from bashkesia.core import clock
from bashkesia.partnership.models import Problem, SectorPriority
from bashkesia.partnership.priority_forms import (
    ProblemActionForm,
    ProblemAdvanceForm,
    ProblemEditForm,
    ProblemFilterForm,
    ProblemOpenForm,
    ProblemPublishForm,
)
from bashkesia.partnership.selectors import problems as selectors
from bashkesia.partnership.selectors.problems import OPEN
from bashkesia.partnership.services import problems as services

from .common import form_errors_from, paginate


@staff_view
@require_GET
def problem_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not permissions.sectors_in_scope(user).exists():
        raise PermissionDenied(_("You have no sectors, so no problems to see."))
    form = ProblemFilterForm(
        request.GET,
        stations=selectors.problem_station_choices(user=user),
        sectors=selectors.problem_sector_choices(user=user),
    )
    filters: dict = {}
    if form.is_valid():
        filters = {
            "station": form.cleaned_data["station"],
            "sector": form.cleaned_data["sector"],
            "stage": form.cleaned_data["stage"] or OPEN,
        }
    problems = selectors.problem_list_for_staff(user=user, **filters)
    context = {
        "form": form,
        "page_obj": paginate(request, problems),
        "can_open": permissions.sectors_acted_in(user).exists(),
    }
    status = 200 if form.is_valid() else 400
    return render(request, "staff/problems/list.html", context, status=status)


@staff_view
@require_http_methods(["GET", "POST"])
def problem_create(request: HttpRequest) -> HttpResponse:
    sectors = selectors.problem_open_sector_choices(user=request.user)
    if not sectors.exists():
        raise PermissionDenied(_("You do not work the problems of any sector."))
    form = ProblemOpenForm(
        request.POST if request.method == "POST" else None,
        sectors=sectors,
        initial={"sector": request.GET.get("sector", "").upper() or None},
    )
    context = {"form": form}
    if request.method == "GET":
        return render(request, "staff/problems/create.html", context)
    if form.is_valid():
        try:
            problem = services.problem_open(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request,
                _("Problem %(number)s is open, at the scanning stage.")
                % {"number": problem.pk},
            )
            return redirect("staff:problem-detail", pk=problem.pk)
    return render(request, "staff/problems/create.html", context, status=400)


# One problem


def _edit_form(problem: Problem, data=None) -> ProblemEditForm:
    return ProblemEditForm(
        data,
        prefix="edit",
        initial={
            "title": problem.title,
            "scanning": problem.scanning,
            "concerns": selectors.problem_concern_codes(problem=problem),
            "analysis": problem.analysis,
            "assessment": problem.assessment,
            "measured_how": problem.measured_how,
            "result": problem.result,
        },
    )


def _advance_form(problem: Problem, data=None) -> ProblemAdvanceForm | None:
    following = services.NEXT_STAGE.get(Problem.Stage(problem.stage))
    if following is None:
        return None
    return ProblemAdvanceForm(data, prefix="advance", initial={"to": following})


def _action_edit_form(action, data=None) -> ProblemActionForm:
    return ProblemActionForm(
        data,
        prefix=f"action-{action.pk}",
        initial={
            "description": action.description,
            "owner": action.owner,
            "partner": action.partner,
            "due_date": action.due_date,
            "status": action.status,
        },
    )


def _publish_form(problem: Problem, data=None) -> ProblemPublishForm:
    return ProblemPublishForm(
        data,
        prefix="publish",
        initial={"issue": problem.title, "issue_date": clock.today()},
    )


def _detail(
    request: HttpRequest,
    problem: Problem,
    *,
    bound: tuple[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the problem's record (already permission-checked), with the
    forms when the user works it; ``bound`` keeps a posted form (named
    "edit", "advance", "add", "publish" or "action-<id>") with its errors."""
    can_work = permissions.can_work_problem(request.user, problem)
    is_open = problem.stage != Problem.Stage.CLOSED
    actions = list(selectors.problem_action_list(problem=problem))
    priorities = list(selectors.problem_priority_list(problem=problem))
    context: dict = {
        "problem": problem,
        "concerns": selectors.problem_linked_concerns(
            user=request.user, problem=problem
        ),
        "concern_count": problem.concerns.count(),
        "priorities": priorities,
        "can_work": can_work and is_open,
        "next_stage": services.NEXT_STAGE.get(Problem.Stage(problem.stage)),
        "stages": [
            (stage, stage.label) for stage in Problem.Stage if stage != "closed"
        ],
    }
    bound_name, bound_form = bound if bound else (None, None)

    def pick(name: str, make: Callable[[], forms.Form | None]) -> forms.Form | None:
        return bound_form if bound_name == name else make()

    if can_work and is_open:
        context["edit_form"] = pick("edit", lambda: _edit_form(problem))
        context["advance_form"] = pick("advance", lambda: _advance_form(problem))
        context["add_form"] = pick("add", lambda: ProblemActionForm(prefix="add"))
        has_current = any(
            priority.status == SectorPriority.Status.CURRENT for priority in priorities
        )
        if not has_current or bound_name == "publish":
            context["publish_form"] = pick("publish", lambda: _publish_form(problem))
        context["actions"] = [
            (action, pick(f"action-{action.pk}", lambda a=action: _action_edit_form(a)))
            for action in actions
        ]
    else:
        context["actions"] = [(action, None) for action in actions]
    return render(request, "staff/problems/detail.html", context, status=status)


@staff_view
@require_GET
def problem_detail(request: HttpRequest, pk: int) -> HttpResponse:
    problem = selectors.problem_get_for_user(user=request.user, pk=pk)
    return _detail(request, problem)


def _act(
    request: HttpRequest,
    pk: int,
    name: str,
    make_form: Callable[[Problem], forms.Form],
    perform: Callable[[Problem, dict], str],
) -> HttpResponse:
    """Check the user works the problem, validate the posted form (made by
    ``make_form``) and call ``perform``, which calls one service and returns
    the message of success."""
    problem = selectors.problem_get_for_user(user=request.user, pk=pk)
    if not permissions.can_work_problem(request.user, problem):
        raise PermissionDenied(
            _("You cannot work on the problems of sector %(code)s.")
            % {"code": problem.sector.code}
        )
    form = make_form(problem)
    if form.is_valid():
        try:
            message = perform(problem, form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, message)
            return redirect("staff:problem-detail", pk=problem.pk)
    if problem.stage == Problem.Stage.CLOSED and form.non_field_errors():
        # A closed problem's page has no forms: say there why nothing changed.
        messages.error(request, " ".join(form.non_field_errors()))
    return _detail(request, problem, bound=(name, form), status=400)


@staff_view
@require_POST
def problem_edit(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(problem: Problem, data: dict) -> str:
        services.problem_update(problem=problem, by=request.user, **data)
        return _("The problem's record is saved.")

    return _act(
        request, pk, "edit", lambda problem: _edit_form(problem, request.POST), perform
    )


@staff_view
@require_POST
def problem_advance(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(problem: Problem, data: dict) -> str:
        moved = services.problem_advance(
            problem=problem, to=data["to"], by=request.user
        )
        if moved.stage == Problem.Stage.CLOSED:
            return _("The problem is closed.")
        return _("The problem moved on to the “%(stage)s” stage.") % {
            "stage": moved.get_stage_display()
        }

    return _act(
        request,
        pk,
        "advance",
        lambda problem: ProblemAdvanceForm(request.POST, prefix="advance"),
        perform,
    )


@staff_view
@require_POST
def problem_action_add(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(problem: Problem, data: dict) -> str:
        services.problem_action_add(problem=problem, by=request.user, **data)
        return _("The action is added to the response.")

    return _act(
        request,
        pk,
        "add",
        lambda problem: ProblemActionForm(request.POST, prefix="add"),
        perform,
    )


@staff_view
@require_POST
def problem_action_edit(request: HttpRequest, pk: int, action_id: int) -> HttpResponse:
    problem = selectors.problem_get_for_user(user=request.user, pk=pk)
    action = selectors.problem_action_get(problem=problem, pk=action_id)

    def perform(problem: Problem, data: dict) -> str:
        services.problem_action_update(action=action, by=request.user, **data)
        return _("The action is saved.")

    return _act(
        request,
        pk,
        f"action-{action.pk}",
        lambda problem: _action_edit_form(action, request.POST),
        perform,
    )


@staff_view
@require_POST
def problem_publish(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(problem: Problem, data: dict) -> str:
        priority = services.problem_publish_priority(
            problem=problem,
            by=request.user,
            issue=data["issue"],
            issue_date=data["issue_date"],
        )
        return _(
            "The problem is now a priority on the public page of sector %(code)s."
        ) % {"code": priority.sector.code}

    return _act(
        request,
        pk,
        "publish",
        lambda problem: _publish_form(problem, request.POST),
        perform,
    )
