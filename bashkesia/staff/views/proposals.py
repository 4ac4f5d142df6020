"""Sector change proposals: the directorate reads and decides them (commanders
send them from a sector's workspace, ``views/sectors.py``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bashkesia.accounts import permissions
from bashkesia.accounts.decorators import staff_view

from .. import selectors, services
from ..forms import ProposalFilterForm, SectorChangeDecisionForm
from ..models import SectorChangeProposal
from .common import form_errors_from, paginate


def _check(request: HttpRequest) -> None:
    if not permissions.can_review_sector_proposals(request.user):
        raise PermissionDenied(_("Only the directorate decides sector proposals."))


def _list(
    request: HttpRequest,
    *,
    bound: tuple[int, SectorChangeDecisionForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the proposals; ``bound`` keeps a posted decision with its errors."""
    data = request.GET.copy()
    data.setdefault("status", SectorChangeProposal.Status.OPEN)  # what is to do
    form = ProposalFilterForm(data)
    wanted = form.cleaned_data["status"] if form.is_valid() else ""
    page_obj = paginate(request, selectors.proposal_list(status=wanted))
    decision_forms = {
        proposal.pk: SectorChangeDecisionForm(prefix=f"p{proposal.pk}")
        for proposal in page_obj
        if proposal.status == SectorChangeProposal.Status.OPEN
    }
    # A posted decision's errors show with its proposal, or above the list
    # when the proposal is not among those shown (decided meanwhile).
    errors: list[str] = []
    if bound and bound[0] in decision_forms:
        decision_forms[bound[0]] = bound[1]
    elif bound:
        errors = [str(error) for error in bound[1].non_field_errors()]
    context = {
        "form": form,
        "page_obj": page_obj,
        # Each proposal with its decision form (the open ones).
        "items": [(proposal, decision_forms.get(proposal.pk)) for proposal in page_obj],
        "errors": errors,
    }
    if not form.is_valid():
        status = 400
    return render(request, "staff/proposal_list.html", context, status=status)


@staff_view
@require_GET
def proposal_list(request: HttpRequest) -> HttpResponse:
    _check(request)
    return _list(request)


@staff_view
@require_POST
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    _check(request)
    proposal = selectors.proposal_get(pk=pk)
    form = SectorChangeDecisionForm(request.POST, prefix=f"p{proposal.pk}")
    if form.is_valid():
        try:
            services.sector_change_decide(
                proposal=proposal,
                decided_by=request.user,
                accepted=form.cleaned_data["decision"] == "accept",
                response=form.cleaned_data["response"],
            )
        except ValidationError as error:
            form_errors_from(form, error)
            if getattr(error, "code", None) == "decided":
                return _list(request, bound=(proposal.pk, form), status=409)
        else:
            messages.success(
                request,
                _("Sector %(sector)s: decided, and its commander is told.")
                % {"sector": proposal.sector.code},
            )
            return redirect("staff:proposal-list")
    return _list(request, bound=(proposal.pk, form), status=400)
