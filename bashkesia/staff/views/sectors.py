"""Sectors: the list in scope and a sector's workspace (its officers, their
assignments, and proposals to change it)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bashkesia.accounts import permissions
from bashkesia.accounts.decorators import staff_view
from bashkesia.accounts.permissions import officers_assignable
from bashkesia.core import clock
from bashkesia.officers import services as officer_services
from bashkesia.officers.forms import AssignmentEndForm, AssignmentStartForm
from bashkesia.officers.selectors import assignment_list_current
from bashkesia.territory.models import Sector

from .. import selectors, services
from ..forms import SectorChangeProposalForm, SectorFilterForm
from .common import form_errors_from, paginate


@staff_view
@require_GET
def sector_list(request: HttpRequest) -> HttpResponse:
    form = SectorFilterForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    sectors = selectors.sector_list_for_user(user=request.user, query=query)
    return render(
        request,
        "staff/sector_list.html",
        {"form": form, "page_obj": paginate(request, sectors, per_page=50)},
        status=200 if form.is_valid() else 400,
    )


def _assign_form(request: HttpRequest, data=None) -> AssignmentStartForm:
    return AssignmentStartForm(data, officers=officers_assignable(request.user))


def _workspace(
    request: HttpRequest,
    sector: Sector,
    *,
    assign_form: AssignmentStartForm | None = None,
    end_forms: dict[int, AssignmentEndForm] | None = None,
    proposal_form: SectorChangeProposalForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the workspace of ``sector`` (already permission-checked),
    with the forms the user may use, bound ones kept with their errors."""
    user = request.user
    can_assign = permissions.can_assign_in_sector(user, sector)
    can_propose = permissions.can_propose_sector_change(user, sector)
    current = list(assignment_list_current(sector_ids=[sector.id]))
    end_forms = end_forms or {}
    context = {
        "sector": sector,
        # An assignment that is no longer current has no form to show it on.
        "end_errors": [
            error for form in end_forms.values() for error in form.non_field_errors()
        ],
        "current": [
            (
                assignment,
                end_forms.get(assignment.pk)
                or AssignmentEndForm(prefix=f"end-{assignment.pk}"),
            )
            for assignment in current
        ],
        "history": selectors.sector_assignment_history(sector=sector),
        "can_assign": can_assign,
        "can_propose": can_propose,
        "can_publish_alert": permissions.can_publish_alert(user, sector),
    }
    if can_assign:
        context["assign_form"] = assign_form or _assign_form(request)
        context["suggestions"] = selectors.officer_list_near_sector(
            officers=officers_assignable(user), sector=sector
        )
    if can_propose:
        context["proposal_form"] = proposal_form or SectorChangeProposalForm()
        context["proposals"] = selectors.proposal_list_for_sector(sector=sector)
    return render(request, "staff/sector_workspace.html", context, status=status)


@staff_view
@require_GET
def sector_workspace(request: HttpRequest, code: str) -> HttpResponse:
    sector = selectors.sector_get_for_user(user=request.user, code=code)
    return _workspace(request, sector)


def _sector_to_assign_in(request: HttpRequest, code: str) -> Sector:
    sector = selectors.sector_get_for_user(user=request.user, code=code)
    if not permissions.can_assign_in_sector(request.user, sector):
        raise PermissionDenied(
            _("You cannot assign officers in sector %(code)s.") % {"code": sector.code}
        )
    return sector


@staff_view
@require_POST
def sector_assign(request: HttpRequest, code: str) -> HttpResponse:
    sector = _sector_to_assign_in(request, code)
    form = _assign_form(request, request.POST)
    if form.is_valid():
        try:
            assignment = officer_services.assignment_start(
                sector=sector, **form.cleaned_data
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request,
                _("%(officer)s is assigned to sector %(code)s from %(date)s.")
                % {
                    "officer": assignment.officer.full_name,
                    "code": sector.code,
                    "date": date_format(assignment.start_date),
                },
            )
            return redirect("staff:sector-workspace", code=sector.code)
    return _workspace(request, sector, assign_form=form, status=400)


@staff_view
@require_POST
def assignment_end(request: HttpRequest, code: str, assignment_id: int) -> HttpResponse:
    sector = _sector_to_assign_in(request, code)
    assignment = selectors.sector_assignment_get(
        sector=sector, assignment_id=assignment_id
    )
    form = AssignmentEndForm(request.POST, prefix=f"end-{assignment.pk}")
    if form.is_valid() and assignment.end_date and assignment.end_date < clock.today():
        form.add_error(None, _("This assignment has ended already."))
    if form.is_valid():
        try:
            officer_services.assignment_end(
                assignment=assignment, end_date=form.cleaned_data["end_date"]
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request,
                _("The assignment of %(officer)s to sector %(code)s ends on %(date)s.")
                % {
                    "officer": assignment.officer.full_name,
                    "code": sector.code,
                    "date": date_format(assignment.end_date),
                },
            )
            return redirect("staff:sector-workspace", code=sector.code)
    return _workspace(request, sector, end_forms={assignment.pk: form}, status=400)


@staff_view
@require_POST
def sector_propose(request: HttpRequest, code: str) -> HttpResponse:
    user = request.user
    sector = selectors.sector_get_for_user(user=user, code=code)
    if not permissions.can_propose_sector_change(user, sector):
        raise PermissionDenied(
            _("You cannot propose changes to sector %(code)s.") % {"code": sector.code}
        )
    form = SectorChangeProposalForm(request.POST)
    if form.is_valid():
        try:
            services.sector_change_propose(
                sector=sector, proposed_by=user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Your proposal was sent to the directorate."))
            return redirect("staff:sector-workspace", code=sector.code)
    return _workspace(request, sector, proposal_form=form, status=400)
