"""Campaigns in the open API, /api/v1/: published campaigns only."""

import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from bashkesia.territory.api import RegionRef, public_url
from bashkesia.territory.models import Region

from .models import Campaign
from .selectors import (
    campaign_events_public,
    campaign_get_public,
    campaign_list_api,
    campaign_reach_totals,
)

router = Router(tags=["campaigns"])


class Error(Schema):
    detail: str


class PartnerRef(Schema):
    slug: str
    name: str


class CampaignOut(Schema):
    slug: str
    title: str
    status: str
    starts_on: datetime.date
    ends_on: datetime.date
    regions: list[RegionRef]
    target_groups: list[str]
    channels: list[str]
    partners: list[PartnerRef]
    url: str


class MaterialOut(Schema):
    title: str
    kind: str
    content_type: str
    size: int
    url: str


class ReachTotal(Schema):
    measure: str
    label: str
    total: int


class EventRef(Schema):
    id: int
    title: str
    starts_at: datetime.datetime
    url: str


class CampaignDetailOut(CampaignOut):
    description: str
    target_group_labels: list[str]
    channel_labels: list[str]
    materials: list[MaterialOut]
    reach: list[ReachTotal]
    events: list[EventRef]


def _campaign(request: HttpRequest, campaign: Campaign) -> dict[str, Any]:
    return {
        "slug": campaign.slug,
        "title": campaign.title,
        "status": campaign.status,
        "starts_on": campaign.starts_on,
        "ends_on": campaign.ends_on,
        "regions": [
            {"code": r.code, "slug": r.slug, "name": r.name}
            for r in campaign.regions.all()
        ],
        "target_groups": campaign.target_groups,
        "channels": campaign.channels,
        "partners": [{"slug": p.slug, "name": p.name} for p in campaign.partners.all()],
        "url": public_url(request, campaign),
    }


def _region(code: str | None) -> Region | None:
    if not code:
        return None
    region = Region.objects.filter(code=code.upper()).first()
    if region is None:
        raise HttpError(
            400,
            _("No regional directorate has the code “%(code)s”.") % {"code": code[:20]},
        )
    return region


@router.get(
    "/campaigns",
    response={200: list[CampaignOut], 400: Error, 422: Error},
    summary="Published awareness campaigns",
)
def campaigns(
    request: HttpRequest, current: bool | None = None, region: str | None = None
):
    """Published campaigns, the latest first; ``current=true`` those running
    today (``false`` the others); ``region`` (a regional directorate's code,
    such as PZ) its campaigns and the national ones."""
    found = campaign_list_api(current=current, region=_region(region))
    return [_campaign(request, campaign) for campaign in found]


@router.get(
    "/campaigns/{slug}",
    response={200: CampaignDetailOut, 404: Error},
    summary="A published campaign: materials, reach totals, events",
)
def campaign(request: HttpRequest, slug: str):
    found = campaign_get_public(slug=slug)
    data = _campaign(request, found)
    data.update(
        {
            "description": found.description,
            "target_group_labels": found.target_group_labels,
            "channel_labels": found.channel_labels,
            "materials": [
                {
                    "title": m.title,
                    "kind": m.kind,
                    "content_type": m.content_type,
                    "size": m.size,
                    "url": public_url(request, m),
                }
                for m in found.materials.all()
            ],
            "reach": [
                {"measure": measure, "label": label, "total": total}
                for measure, label, total in campaign_reach_totals(campaign=found)
            ],
            "events": [
                {
                    "id": e.pk,
                    "title": e.title,
                    "starts_at": e.starts_at,
                    "url": public_url(request, e),
                }
                for e in campaign_events_public(campaign=found)
            ],
        }
    )
    return data
