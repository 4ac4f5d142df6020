"""Public pages of the police's partners."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .forms import PartnerFilterForm
from .selectors import partner_get_public, partner_groups_public, partner_work


@require_GET
def partner_list(request: HttpRequest) -> HttpResponse:
    """The active partners, grouped by kind; a bad filter answers 400."""
    form = PartnerFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(
            request,
            "partners/list.html",
            {"form": form, "groups": None},
            status=400,
        )
    kind = form.cleaned_data.get("kind", "") if form.is_bound else ""
    return render(
        request,
        "partners/list.html",
        {"form": form, "groups": partner_groups_public(kind=kind or None)},
    )


@require_GET
def partner_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partner = partner_get_public(slug=slug)
    return render(
        request,
        "partners/detail.html",
        {"partner": partner, "work": partner_work(partner).values()},
    )
