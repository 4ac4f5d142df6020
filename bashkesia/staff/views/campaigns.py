"""Campaigns in the back office.

Directorate staff and the Director General manage every campaign; a
regional coordinator those of their region, and records reach figures of
national ones (``bashkesia.campaigns.permissions``). Campaigns outside the
user's scope answer 404; actions the user may not take, 403.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bashkesia.accounts.decorators import staff_view
from bashkesia.campaigns import permissions, selectors, services
from bashkesia.campaigns.forms import CampaignForm, MaterialForm, ReachForm
from bashkesia.campaigns.models import Campaign, CampaignStatus
from bashkesia.core import clock

from .common import form_errors_from, paginate

STATUS_FILTERS = ["draft", "published", *CampaignStatus.values]


def _check(request: HttpRequest) -> None:
    if not permissions.uses_campaigns_back_office(request.user):
        raise PermissionDenied


def _managed(request: HttpRequest, slug: str) -> Campaign:
    campaign = selectors.campaign_get_for_staff(user=request.user, slug=slug)
    if not permissions.can_manage_campaign(request.user, campaign):
        raise PermissionDenied
    return campaign


@staff_view
@require_GET
def campaign_list(request: HttpRequest) -> HttpResponse:
    _check(request)
    status = request.GET.get("status", "")
    if status not in STATUS_FILTERS:
        status = ""
    campaigns = selectors.campaign_list_for_staff(user=request.user, status=status)
    return render(
        request,
        "staff/campaigns/list.html",
        {
            "page_obj": paginate(request, campaigns),
            "status": status,
            "statuses": [
                ("draft", _("drafts")),
                ("published", _("published")),
                *CampaignStatus.choices,
            ],
        },
    )


def _form_page(request, form, campaign, status: int = 200) -> HttpResponse:
    return render(
        request,
        "staff/campaigns/form.html",
        {"form": form, "campaign": campaign},
        status=status,
    )


@staff_view
@require_http_methods(["GET", "POST"])
def campaign_create(request: HttpRequest) -> HttpResponse:
    _check(request)
    regions = permissions.regions_for_campaigns(request.user)
    form = CampaignForm(
        request.POST if request.method == "POST" else None, regions=regions
    )
    if request.method == "GET":
        return _form_page(request, form, None)
    if not form.is_valid():
        return _form_page(request, form, None, 400)
    try:
        campaign = services.campaign_create(by=request.user, **form.cleaned_data)
    except ValidationError as error:
        form_errors_from(form, error)
        return _form_page(request, form, None, 400)
    messages.success(
        request,
        _("“%(title)s” is saved as a draft: add its materials, then publish it.")
        % {"title": campaign.title},
    )
    return redirect("staff:campaign-detail", slug=campaign.slug)


@staff_view
@require_http_methods(["GET", "POST"])
def campaign_edit(request: HttpRequest, slug: str) -> HttpResponse:
    _check(request)
    campaign = _managed(request, slug)
    form = CampaignForm(
        request.POST if request.method == "POST" else None,
        regions=permissions.regions_for_campaigns(request.user),
        campaign=campaign,
        initial=CampaignForm.initial_from(campaign),
    )
    if request.method == "GET":
        return _form_page(request, form, campaign)
    if not form.is_valid():
        return _form_page(request, form, campaign, 400)
    try:
        campaign = services.campaign_update(
            campaign=campaign, by=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        form_errors_from(form, error)
        return _form_page(request, form, campaign, 400)
    messages.success(request, _("“%(title)s” is saved.") % {"title": campaign.title})
    return redirect("staff:campaign-detail", slug=campaign.slug)


def _detail_page(
    request: HttpRequest,
    campaign: Campaign,
    *,
    material_form: MaterialForm | None = None,
    reach_form: ReachForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    return render(
        request,
        "staff/campaigns/detail.html",
        {
            "campaign": campaign,
            "can_manage": permissions.can_manage_campaign(user, campaign),
            "can_add_reach": permissions.can_add_reach(user, campaign),
            "material_form": material_form or MaterialForm(),
            "reach_form": reach_form
            or ReachForm(initial={"date": min(clock.today(), campaign.ends_on)}),
            "reach": selectors.reach_list(campaign=campaign),
            "totals": selectors.campaign_reach_totals(campaign=campaign),
        },
        status=status,
    )


@staff_view
@require_GET
def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    _check(request)
    campaign = selectors.campaign_get_for_staff(user=request.user, slug=slug)
    return _detail_page(request, campaign)


def _publication(request: HttpRequest, slug: str, *, publish: bool) -> HttpResponse:
    _check(request)
    campaign = _managed(request, slug)
    service = services.campaign_publish if publish else services.campaign_unpublish
    try:
        service(campaign=campaign, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _detail_page(request, campaign, status=400)
    if publish:
        text = _("“%(title)s” is published.")
    else:
        text = _("“%(title)s” is a draft again: off the public pages.")
    messages.success(request, text % {"title": campaign.title})
    return redirect("staff:campaign-detail", slug=campaign.slug)


@staff_view
@require_POST
def campaign_publish(request: HttpRequest, slug: str) -> HttpResponse:
    return _publication(request, slug, publish=True)


@staff_view
@require_POST
def campaign_unpublish(request: HttpRequest, slug: str) -> HttpResponse:
    return _publication(request, slug, publish=False)


@staff_view
@require_POST
def material_add(request: HttpRequest, slug: str) -> HttpResponse:
    _check(request)
    campaign = _managed(request, slug)
    form = MaterialForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail_page(request, campaign, material_form=form, status=400)
    try:
        material = services.material_add(
            campaign=campaign,
            by=request.user,
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
        )
    except ValidationError as error:
        form_errors_from(form, error)
        return _detail_page(request, campaign, material_form=form, status=400)
    messages.success(request, _("“%(title)s” is added.") % {"title": material.title})
    return redirect("staff:campaign-detail", slug=campaign.slug)


@staff_view
@require_POST
def material_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    _check(request)
    campaign = _managed(request, slug)
    material = get_object_or_404(campaign.materials, pk=pk)
    services.material_remove(material=material, by=request.user)
    messages.success(request, _("“%(title)s” is removed.") % {"title": material.title})
    return redirect("staff:campaign-detail", slug=campaign.slug)


@staff_view
@require_POST
def reach_add(request: HttpRequest, slug: str) -> HttpResponse:
    _check(request)
    campaign = selectors.campaign_get_for_staff(user=request.user, slug=slug)
    if not permissions.can_add_reach(request.user, campaign):
        raise PermissionDenied
    form = ReachForm(request.POST)
    if not form.is_valid():
        return _detail_page(request, campaign, reach_form=form, status=400)
    try:
        services.reach_add(campaign=campaign, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        form_errors_from(form, error)
        return _detail_page(request, campaign, reach_form=form, status=400)
    messages.success(request, _("The reach figure is recorded."))
    return redirect("staff:campaign-detail", slug=campaign.slug)


@staff_view
@require_POST
def reach_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    _check(request)
    campaign = selectors.campaign_get_for_staff(user=request.user, slug=slug)
    entry = get_object_or_404(campaign.reach, pk=pk)
    services.reach_remove(entry=entry, by=request.user)
    messages.success(request, _("The reach figure is removed."))
    return redirect("staff:campaign-detail", slug=campaign.slug)
