"""Partners in the open API, /api/v1/: the active partners and, for each,
what they do with the police (only what the public pages show)."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from bashkesia.territory.api import public_url

from .models import Partner
from .selectors import partner_get_public, partner_list_public, partner_work

router = Router(tags=["partners"])


class Error(Schema):
    detail: str


class Names(Schema):
    sq: str
    sr_latn: str
    sr: str
    en: str


class PartnerOut(Schema):
    slug: str
    name: str
    names: Names
    acronym: str
    kind: str
    kind_label: str
    website: str
    active: bool
    url: str


class WorkItem(Schema):
    name: str
    url: str


class PartnerDetailOut(PartnerOut):
    description: str
    work: dict[str, list[WorkItem]]


def _partner(request: HttpRequest, partner: Partner) -> dict[str, Any]:
    return {
        "slug": partner.slug,
        "name": partner.name,
        "names": {
            "sq": partner.name_sq,
            "sr_latn": partner.name_sr_latn,
            "sr": partner.name_sr,
            "en": partner.name_en,
        },
        "acronym": partner.acronym,
        "kind": partner.kind,
        "kind_label": str(partner.get_kind_display()),
        "website": partner.website,
        "active": partner.is_active,
        "url": public_url(request, partner),
    }


@router.get(
    "/partners",
    response={200: list[PartnerOut], 400: Error},
    summary="The police's active partners",
)
def partners(request: HttpRequest, kind: str | None = None):
    """Active partners, by kind and name; ``kind`` one of governmental,
    municipal, non_governmental, international."""
    if kind and kind not in Partner.Kind.values:
        raise HttpError(
            400,
            # The values stay as they are typed, in every language.
            _("Unknown kind “%(kind)s”: use %(kinds)s.")
            % {"kind": kind[:40], "kinds": ", ".join(Partner.Kind.values)},
        )
    return [_partner(request, p) for p in partner_list_public(kind=kind or None)]


@router.get(
    "/partners/{slug}",
    response={200: PartnerDetailOut, 404: Error},
    summary="A partner and what it does with the police",
)
def partner(request: HttpRequest, slug: str):
    """One partner (an inactive one too: its history stays public), with its
    public work by kind: campaigns, safety forums..."""
    found = partner_get_public(slug=slug)
    data = _partner(request, found)
    data["description"] = found.description
    data["work"] = {
        key: [
            {"name": section.name(item), "url": public_url(request, item)}
            for item in section.items
        ]
        for key, section in partner_work(found).items()
    }
    return data
