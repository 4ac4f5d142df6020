"""Training in the open API, /api/v1/: the courses, the sessions to come,
and the verification of a certificate by its code (limited per address, as
on the public page)."""

import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from bashkesia.core import clock
from bashkesia.territory.api import public_url

from . import selectors
from .limits import lookups_allowed
from .models import Certificate, Course, TrainingSession

router = Router(tags=["training"])


class Error(Schema):
    detail: str


class CourseOut(Schema):
    code: str
    title: str
    curriculum: list[str]
    hours: int
    audience: str
    audience_label: str
    url: str


class PartnerRef(Schema):
    slug: str
    name: str


class SessionOut(Schema):
    id: int
    course: str
    course_title: str
    starts_on: datetime.date
    ends_on: datetime.date
    place: str
    trainers: str
    capacity: int
    free_places: int
    partners: list[PartnerRef]


class CertificateOut(Schema):
    code: str
    valid: bool
    revoked: bool
    revoked_on: datetime.date | None
    holder: str
    course: str
    course_title: str
    hours: int
    starts_on: datetime.date
    ends_on: datetime.date
    issued_on: datetime.date
    url: str


def _course(request: HttpRequest, course: Course) -> dict[str, Any]:
    return {
        "code": course.code,
        "title": course.title,
        "curriculum": course.curriculum_items,
        "hours": course.hours,
        "audience": course.audience,
        "audience_label": str(course.get_audience_display()),
        "url": public_url(request, course),
    }


def _session(session: TrainingSession) -> dict[str, Any]:
    return {
        "id": session.pk,
        "course": session.course.code,
        "course_title": session.course.title,
        "starts_on": session.starts_on,
        "ends_on": session.ends_on,
        "place": session.place_label,
        "trainers": session.trainers,
        "capacity": session.capacity,
        "free_places": max(session.free, 0),
        "partners": [
            {"slug": partner.slug, "name": partner.name}
            for partner in session.partners.all()
        ],
    }


def _certificate(request: HttpRequest, certificate: Certificate) -> dict[str, Any]:
    revoked_on = (
        timezone.localdate(certificate.revoked_at) if certificate.revoked_at else None
    )
    return {
        "code": certificate.code,
        "valid": not certificate.is_revoked,
        "revoked": certificate.is_revoked,
        "revoked_on": revoked_on,
        "holder": certificate.holder_name,
        "course": certificate.course_code,
        "course_title": certificate.course_title,
        "hours": certificate.hours,
        "starts_on": certificate.starts_on,
        "ends_on": certificate.ends_on,
        "issued_on": timezone.localdate(certificate.issued_at),
        "url": public_url(request, certificate),
    }


@router.get(
    "/training/courses",
    response=list[CourseOut],
    summary="Courses of the Community Safety Coordination Office",
)
def courses(request: HttpRequest):
    """The courses offered, by code."""
    return [_course(request, course) for course in selectors.course_list_public()]


@router.get(
    "/training/sessions",
    response={200: list[SessionOut], 400: Error, 422: Error},
    summary="Training sessions to come",
)
def sessions(
    request: HttpRequest,
    from_: Annotated[
        datetime.date | None,
        Query(alias="from", description="First day (YYYY-MM-DD); today if left out"),
    ] = None,
    to: Annotated[
        datetime.date | None, Query(description="Last day (YYYY-MM-DD), included")
    ] = None,
):
    """Planned sessions not over by ``from`` and beginning by ``to``,
    soonest first."""
    start = from_ or clock.today()
    if to is not None and to < start:
        raise HttpError(400, _("The last day cannot come before the first day."))
    found = selectors.session_list_upcoming(start=start, end=to)
    return [_session(session) for session in found]


@router.get(
    "/training/certificates/{code}",
    response={200: CertificateOut, 404: Error, 429: Error},
    summary="Verify a certificate by its code",
)
def certificate(request: HttpRequest, code: str):
    """The certificate with this code (any case, with or without dashes):
    whom it was issued to, for which course, and whether it was revoked."""
    if not lookups_allowed(request):
        raise HttpError(
            429, _("Too many look-ups from your connection; try again later.")
        )
    found = selectors.certificate_get_by_code(code=code)
    return _certificate(request, found)
