"""Concerns in the JSON API: submit one, follow it. Never the reporter."""

import datetime
from typing import Annotated

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Header, Router, Schema, Status
from ninja.errors import HttpError

from bashkesia.core.audit import client_address
from bashkesia.core.ratelimits import allow

from . import selectors, services
from .models import DESCRIPTION_LIMIT, Category, Concern

router = Router(tags=["concerns"])


class Error(Schema):
    detail: str


class ConcernIn(Schema):
    category: str = Field(..., description="The category's code (Open311 service_code)")
    description: str = Field(..., min_length=1, max_length=DESCRIPTION_LIMIT)
    lat: float = Field(..., ge=-90, le=90, allow_inf_nan=False)
    lon: float = Field(..., ge=-180, le=180, allow_inf_nan=False)
    anonymous: bool = True
    name: str = Field("", max_length=120)
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=40)
    consent_to_contact: bool = False
    language: str = Field("sq", pattern="^(sq|sr-latn|sr|en)$")
    answers: dict[str, list[str] | str] = Field(
        default_factory=dict,
        description=(
            "Answers to the category's extra questions (the Open311 service "
            "definition's attributes): {code: [values]} or {code: value}"
        ),
    )


class SubmittedOut(Schema):
    tracking_code: str
    url: str
    sector: str
    status: str


class UpdateOut(Schema):
    at: datetime.datetime
    kind: str
    status: str | None
    text: str


class ConcernOut(Schema):
    tracking_code: str
    category: str
    status: str
    status_label: str
    sector: str
    submitted_at: datetime.datetime
    updates: list[UpdateOut]


def _submitted(request: HttpRequest, concern: Concern) -> dict:
    # The tracking page in the language the reporter chose.
    with translation.override(concern.language):
        path = concern.get_absolute_url()
    return {
        "tracking_code": concern.tracking_code,
        "url": request.build_absolute_uri(path),
        "sector": concern.sector.code,
        "status": concern.status,
    }


@router.post(
    "/concerns",
    response={200: SubmittedOut, 201: SubmittedOut, 400: Error, 422: Error, 429: Error},
    summary="Raise a concern (not for emergencies: call 192)",
)
def concern_create(
    request: HttpRequest,
    data: ConcernIn,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
):
    """Store a concern, routed to the sector at (lat, lon); 201 with its
    tracking code. Repeating a request with the same ``Idempotency-Key``
    header returns the first concern (200) instead of a second one."""
    if not allow(
        action="concern",
        address=client_address(request),
        limit=settings.BASHKESIA_CONCERNS_PER_HOUR,
    ):
        raise HttpError(429, _("Too many concerns from your connection; try later."))
    category = Category.objects.filter(code=data.category, is_active=True).first()
    if category is None:
        raise HttpError(
            400, _("Unknown category “%(code)s”.") % {"code": data.category}
        )
    try:
        concern, created = services.concern_submit(
            category=category,
            description=data.description,
            latitude=data.lat,
            longitude=data.lon,
            source=Concern.Source.API,
            is_anonymous=data.anonymous,
            reporter_name=data.name,
            reporter_email=data.email,
            reporter_phone=data.phone,
            consent_to_contact=data.consent_to_contact,
            language=data.language,
            idempotency_key=(idempotency_key or "").strip()[:100] or None,
            answers={
                code: [values] if isinstance(values, str) else values
                for code, values in data.answers.items()
            },
        )
    except ValidationError as error:
        raise HttpError(400, " ".join(error.messages)) from error
    return Status(201 if created else 200, _submitted(request, concern))


@router.get(
    "/concerns/{tracking_code}",
    response={200: ConcernOut, 404: Error},
    summary="Follow a concern by its tracking code",
)
def concern_detail(request: HttpRequest, tracking_code: str):
    concern = selectors.concern_get_by_tracking_code(tracking_code=tracking_code)
    return {
        "tracking_code": concern.tracking_code,
        "category": concern.category.code,
        "status": concern.status,
        "status_label": str(concern.get_status_display()),
        "sector": concern.sector.code,
        "submitted_at": concern.submitted_at,
        "updates": [
            {
                "at": update.at,
                "kind": update.kind,
                "status": update.to_status or None,
                "text": update.text,
            }
            for update in selectors.concern_public_updates(concern=concern)
        ],
    }
