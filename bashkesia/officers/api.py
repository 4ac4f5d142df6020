"""Officers in the JSON API: public shapes (only ``Officer.PUBLIC_FIELDS``)
and the back office's writes (profile, assignments), which need a staff
session and stay within the user's scope."""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from bashkesia.accounts import permissions
from bashkesia.accounts.api_auth import staff_session
from bashkesia.territory.selectors import sector_get

from . import services
from .models import Officer, SectorAssignment

router = Router(tags=["officers"])


class PublicOfficerOut(Schema):
    badge_number: str
    name: str
    rank: str
    rank_label: str
    role: str
    role_label: str
    photo_url: str | None
    telephone: str
    email: str
    is_demo: bool


class AssignedOfficerOut(PublicOfficerOut):
    assignment: str
    since: str

    @classmethod
    def from_assignment(cls, assignment: SectorAssignment) -> dict[str, Any]:
        data = public_officer(assignment.officer)
        data["assignment"] = assignment.kind
        data["since"] = assignment.start_date.isoformat()
        return data


def public_officer(officer) -> dict[str, Any]:
    """Return the public fields of ``officer``, named for the API."""
    return {
        "badge_number": officer.badge_number,
        "name": officer.display_name,
        "rank": officer.rank,
        "rank_label": str(officer.get_rank_display()),
        "role": officer.role,
        "role_label": str(officer.get_role_display()),
        "photo_url": officer.photo.url if officer.photo else None,
        "telephone": officer.public_phone,
        "email": officer.public_email,
        "is_demo": officer.is_demo,
    }


class Error(Schema):
    detail: str


class ProfileIn(Schema):
    telephone: str = Field("", max_length=40)
    email: str = Field("", max_length=254)
    bio_sq: str = Field("", max_length=300)
    bio_sr_latn: str = Field("", max_length=300)
    bio_sr: str = Field("", max_length=300)
    bio_en: str = Field("", max_length=300)


class AssignmentIn(Schema):
    badge_number: str
    kind: SectorAssignment.Kind = SectorAssignment.Kind.SECTOR_OFFICER
    start_date: datetime.date | None = None


class AssignmentEndIn(Schema):
    end_date: datetime.date | None = None


class AssignmentOut(Schema):
    id: int
    badge_number: str = Field(..., alias="officer.badge_number")
    sector: str = Field(..., alias="sector.code")
    kind: str
    start_date: datetime.date
    end_date: datetime.date | None


WRITE_ERRORS = {400: Error, 401: Error, 403: Error, 404: Error, 422: Error}


def _officer(badge_number: str) -> Officer:
    return get_object_or_404(Officer, badge_number=badge_number)


@router.patch(
    "/officers/{badge_number}",
    auth=staff_session,
    response={200: PublicOfficerOut, **WRITE_ERRORS},
    summary="Update an officer's public profile (staff)",
)
def officer_profile_update(request: HttpRequest, badge_number: str, data: ProfileIn):
    officer = _officer(badge_number)
    if not permissions.can_edit_officer_profile(request.auth, officer):
        raise PermissionDenied(_("You may not change this officer's profile."))
    services.officer_profile_update(
        officer=officer,
        phone=data.telephone,
        email=data.email,
        bio_sq=data.bio_sq,
        bio_sr_latn=data.bio_sr_latn,
        bio_sr=data.bio_sr,
        bio_en=data.bio_en,
    )
    return public_officer(officer)


@router.post(
    "/sectors/{code}/assignments",
    auth=staff_session,
    response={201: AssignmentOut, **WRITE_ERRORS},
    summary="Assign an officer to a sector (staff)",
)
def assignment_create(request: HttpRequest, code: str, data: AssignmentIn):
    sector = sector_get(code=code)
    if not permissions.can_assign_in_sector(request.auth, sector):
        raise PermissionDenied(_("You may not assign officers in this sector."))
    officer = _officer(data.badge_number)
    if not permissions.can_view_officer(request.auth, officer):
        raise PermissionDenied(_("This officer is outside your scope."))
    assignment = services.assignment_start(
        officer=officer, sector=sector, kind=data.kind, start_date=data.start_date
    )
    return Status(201, assignment)


@router.post(
    "/assignments/{assignment_id}/end",
    auth=staff_session,
    response={200: AssignmentOut, **WRITE_ERRORS},
    summary="End an assignment; it stays as history (staff)",
)
def assignment_end(request: HttpRequest, assignment_id: int, data: AssignmentEndIn):
    assignment = get_object_or_404(
        SectorAssignment.objects.select_related("officer", "sector"), pk=assignment_id
    )
    if not permissions.can_assign_in_sector(request.auth, assignment.sector):
        raise PermissionDenied(_("You may not assign officers in this sector."))
    return services.assignment_end(assignment=assignment, end_date=data.end_date)
