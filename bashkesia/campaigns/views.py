"""Public pages of campaigns: the list, a campaign, its materials."""

from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from .forms import CampaignFilterForm
from .selectors import (
    campaign_events_public,
    campaign_get_public,
    campaign_list_public,
    campaign_reach_totals,
    material_get_public,
)

PER_PAGE = 20


@require_GET
def campaign_list(request: HttpRequest) -> HttpResponse:
    """Published campaigns, filtered by theme, period, region and target
    group; a bad filter answers 400 with the form's messages."""
    form = CampaignFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(
            request, "campaigns/list.html", {"form": form, "page_obj": None}, status=400
        )
    filters = form.cleaned_data if form.is_bound else {}
    campaigns = campaign_list_public(
        theme=filters.get("theme", ""),
        period=filters.get("period", ""),
        region=filters.get("region"),
        target_group=filters.get("target_group", ""),
    )
    page_obj = Paginator(campaigns, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "campaigns/list.html", {"form": form, "page_obj": page_obj})


@require_GET
def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = campaign_get_public(slug=slug)
    return render(
        request,
        "campaigns/detail.html",
        {
            "campaign": campaign,
            "events": campaign_events_public(campaign=campaign),
            "totals": campaign_reach_totals(campaign=campaign),
        },
    )


@require_GET
def material_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """A published campaign's material, as a download (the type the app
    itself decided when it stored the file)."""
    material = material_get_public(slug=slug, pk=pk)
    filename = f"{slugify(material.title) or 'material'}.{material.extension}"
    response = FileResponse(
        material.file.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type=material.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
