"""Back office: sector priorities ("you said, we did").

The list shows the priorities of the sectors the user sees; those who act in
a sector set its priorities, reword them, record what was done and close
them. Every change posts to its own address and calls one service; a refusal
answers 400 with the service's own words.
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
from bashkesia.partnership.models import SectorPriority
from bashkesia.partnership.priority_forms import (
    PriorityActionForm,
    PriorityCloseForm,
    PriorityCreateForm,
    PriorityEditForm,
    PriorityFilterForm,
)
from bashkesia.partnership.selectors import priorities as selectors
from bashkesia.partnership.services import priorities as services

from .common import form_errors_from, paginate


def _create_form(request: HttpRequest, data=None) -> PriorityCreateForm:
    user = request.user
    initial = {
        "issue_date": clock.today(),
        "sector": request.GET.get("sector", "").upper() or None,
    }
    return PriorityCreateForm(
        data,
        sectors=selectors.priority_sector_choices(user=user),
        meetings=selectors.priority_meeting_choices(user=user),
        problems=selectors.priority_problem_choices(user=user),
        initial=initial,
    )


@staff_view
@require_GET
def priority_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not permissions.sectors_in_scope(user).exists():
        raise PermissionDenied(_("You have no sectors, so no priorities to see."))
    form = PriorityFilterForm(
        request.GET, sectors=selectors.priority_filter_sector_choices(user=user)
    )
    filters = {}
    if form.is_valid():
        filters = {
            "sector": form.cleaned_data["sector"],
            "status": form.cleaned_data["status"],
        }
    priorities = selectors.priority_list_for_staff(user=user, **filters)
    can_set = permissions.sectors_acted_in(user).exists()
    context = {
        "form": form,
        "page_obj": paginate(request, priorities),
        "create_form": _create_form(request) if can_set else None,
    }
    status = 200 if form.is_valid() else 400
    return render(request, "staff/priorities/list.html", context, status=status)


@staff_view
@require_http_methods(["GET", "POST"])
def priority_create(request: HttpRequest) -> HttpResponse:
    if not permissions.sectors_acted_in(request.user).exists():
        raise PermissionDenied(_("You do not set the priorities of any sector."))
    form = _create_form(request, request.POST if request.method == "POST" else None)
    context = {"form": form}
    if request.method == "GET":
        return render(request, "staff/priorities/create.html", context)
    if form.is_valid():
        try:
            priority = services.priority_create(**form.cleaned_data, by=request.user)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request,
                _("The priority is on the public page of sector %(code)s.")
                % {"code": priority.sector.code},
            )
            return redirect("staff:priority-detail", pk=priority.pk)
    return render(request, "staff/priorities/create.html", context, status=400)


# One priority

ACTION_FORMS: dict[str, type[forms.Form]] = {
    "edit": PriorityEditForm,
    "action": PriorityActionForm,
    "close": PriorityCloseForm,
}


def _action_form(priority: SectorPriority, action: str, data=None) -> forms.Form:
    initial: dict = {}
    if action == "edit":
        initial = {
            "issue": priority.issue,
            "concerns": selectors.priority_concern_codes(priority=priority),
        }
    elif action == "action":
        initial = {
            "action": priority.action,
            "action_date": priority.action_date or clock.today(),
        }
    return ACTION_FORMS[action](data, prefix=action, initial=initial)


def _detail(
    request: HttpRequest,
    priority: SectorPriority,
    *,
    bound: tuple[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    can_manage = permissions.can_manage_priorities(request.user, priority.sector)
    is_current = priority.status == SectorPriority.Status.CURRENT
    context = {
        "priority": priority,
        "concerns": selectors.priority_linked_concerns(
            user=request.user, priority=priority
        ),
        "concern_count": priority.concerns.count(),
        "can_manage": can_manage and is_current,
    }
    if can_manage and is_current:
        action_forms = {
            action: _action_form(priority, action) for action in ACTION_FORMS
        }
        if bound:
            action_forms[bound[0]] = bound[1]
        context["forms"] = action_forms
    return render(request, "staff/priorities/detail.html", context, status=status)


@staff_view
@require_GET
def priority_detail(request: HttpRequest, pk: int) -> HttpResponse:
    priority = selectors.priority_get_for_user(user=request.user, pk=pk)
    return _detail(request, priority)


def _act(
    request: HttpRequest,
    pk: int,
    action: str,
    perform: Callable[[SectorPriority, dict], str],
) -> HttpResponse:
    """Check the user sets the priority's sector's priorities, validate the
    action's form and call ``perform``, which calls one service and returns
    the message of success."""
    priority = selectors.priority_get_for_user(user=request.user, pk=pk)
    if not permissions.can_manage_priorities(request.user, priority.sector):
        raise PermissionDenied(
            _("You cannot set the priorities of sector %(code)s.")
            % {"code": priority.sector.code}
        )
    form = _action_form(priority, action, request.POST)
    if form.is_valid():
        try:
            message = perform(priority, form.cleaned_data)
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, message)
            return redirect("staff:priority-detail", pk=priority.pk)
    if priority.status != SectorPriority.Status.CURRENT and form.non_field_errors():
        # A closed priority's page has no forms: say there why nothing changed.
        messages.error(request, " ".join(form.non_field_errors()))
    return _detail(request, priority, bound=(action, form), status=400)


@staff_view
@require_POST
def priority_edit(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(priority: SectorPriority, data: dict) -> str:
        services.priority_update(
            priority=priority,
            by=request.user,
            issue=data["issue"],
            concerns=data["concerns"],
        )
        return _("The priority is saved.")

    return _act(request, pk, "edit", perform)


@staff_view
@require_POST
def priority_record_action(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(priority: SectorPriority, data: dict) -> str:
        services.priority_record_action(
            priority=priority,
            by=request.user,
            action=data["action"],
            action_date=data["action_date"],
        )
        return _("What the police did is on the sector's page.")

    return _act(request, pk, "action", perform)


@staff_view
@require_POST
def priority_close(request: HttpRequest, pk: int) -> HttpResponse:
    def perform(priority: SectorPriority, data: dict) -> str:
        closed = services.priority_close(
            priority=priority, by=request.user, status=data["status"]
        )
        return _("The priority is closed as “%(status)s”.") % {
            "status": closed.get_status_display()
        }

    return _act(request, pk, "close", perform)
