"""Partners in the back office: directorate staff and the Director General
list, create, change, deactivate and reactivate them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bashkesia.accounts.decorators import staff_view
from bashkesia.partners import selectors, services
from bashkesia.partners.forms import PartnerForm
from bashkesia.partners.permissions import can_manage_partners

from .common import form_errors_from, paginate


def _check(request: HttpRequest) -> None:
    if not can_manage_partners(request.user):
        raise PermissionDenied


@staff_view
@require_GET
def partner_list(request: HttpRequest) -> HttpResponse:
    _check(request)
    shown = request.GET.get("show", "")
    active = {"active": True, "inactive": False}.get(shown)
    partners = selectors.partner_list_for_staff(active=active)
    return render(
        request,
        "staff/partners/list.html",
        {"page_obj": paginate(request, partners), "shown": shown},
    )


@staff_view
@require_http_methods(["GET", "POST"])
def partner_create(request: HttpRequest) -> HttpResponse:
    _check(request)
    form = PartnerForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "partner": None}
    if request.method == "GET":
        return render(request, "staff/partners/form.html", context)
    if not form.is_valid():
        return render(request, "staff/partners/form.html", context, status=400)
    try:
        partner = services.partner_create(by=request.user, **form.cleaned_data)
    except ValidationError as error:
        form_errors_from(form, error)
        return render(request, "staff/partners/form.html", context, status=400)
    messages.success(
        request, _("“%(name)s” is on the list of partners.") % {"name": partner.name}
    )
    return redirect("staff:partner-list")


@staff_view
@require_http_methods(["GET", "POST"])
def partner_edit(request: HttpRequest, slug: str) -> HttpResponse:
    _check(request)
    partner = selectors.partner_get_for_staff(slug=slug)
    form = PartnerForm(
        request.POST if request.method == "POST" else None,
        initial=PartnerForm.initial_from(partner),
    )
    context = {"form": form, "partner": partner}
    if request.method == "GET":
        return render(request, "staff/partners/form.html", context)
    if not form.is_valid():
        return render(request, "staff/partners/form.html", context, status=400)
    try:
        partner = services.partner_update(
            partner=partner, by=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        form_errors_from(form, error)
        return render(request, "staff/partners/form.html", context, status=400)
    messages.success(request, _("“%(name)s” is saved.") % {"name": partner.name})
    return redirect("staff:partner-list")


def _switch(request: HttpRequest, slug: str, *, activate: bool) -> HttpResponse:
    _check(request)
    partner = selectors.partner_get_for_staff(slug=slug)
    service = services.partner_reactivate if activate else services.partner_deactivate
    try:
        service(partner=partner, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("staff:partner-list")
    if activate:
        text = _("“%(name)s” is on the public list again.")
    else:
        text = _("“%(name)s” is inactive: off the public list, its history kept.")
    messages.success(request, text % {"name": partner.name})
    return redirect("staff:partner-list")


@staff_view
@require_POST
def partner_deactivate(request: HttpRequest, slug: str) -> HttpResponse:
    return _switch(request, slug, activate=False)


@staff_view
@require_POST
def partner_reactivate(request: HttpRequest, slug: str) -> HttpResponse:
    return _switch(request, slug, activate=True)
