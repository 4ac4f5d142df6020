"""Safety forums and the events calendar in the JSON API (/api/v1/).

Only what the public pages show: forums the public sees (active and
dissolved), their public meetings, and public events. A civilian member's
name appears only with their consent (``Membership.public_name``); requests,
requesters and the security analysis never do.
"""

import datetime
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from bashkesia.core import clock
from bashkesia.territory.api import MunicipalityRef, StationRef, public_url
from bashkesia.territory.models import Municipality
from bashkesia.territory.selectors import municipality_get, sector_get

from .models import Event, Forum, ForumKind, ForumStatus, Membership
from .selectors import events as event_selectors
from .selectors import forums as forum_selectors
from .selectors.events import API_LIMIT

router = Router(tags=["partnership"])

FORUM_STATUSES = (ForumStatus.ACTIVE, ForumStatus.DISSOLVED)
T = TypeVar("T")


class Error(Schema):
    detail: str


class SectorRef(Schema):
    code: str
    name: str


class SettlementRef(Schema):
    geonames_id: int
    name: str


class ForumOut(Schema):
    id: int
    type: str
    type_label: str
    name: str
    municipality: MunicipalityRef
    status: str
    established_on: datetime.date | None
    dissolved_on: datetime.date | None
    url: str


class MemberOut(Schema):
    name: str | None
    role: str
    role_label: str


class ProjectOut(Schema):
    goal: str
    partners: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    outcome: str


class ForumDetailOut(ForumOut):
    purpose: str
    area: str
    station: StationRef
    sectors: list[SectorRef]
    settlements: list[SettlementRef]
    members: list[MemberOut]
    upcoming_meetings: int
    project: ProjectOut | None


class MeetingOut(Schema):
    id: int
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    place: str
    online_link: str
    status: str
    url: str
    has_approved_minutes: bool


class EventOut(Schema):
    id: int
    kind: str
    kind_label: str
    title: str
    description: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    place: str
    online_link: str
    municipality: MunicipalityRef
    sector: SectorRef | None
    forum: int | None
    cancelled: bool
    url: str


def _known(fetch: Callable[[], T]) -> T:
    """Return what ``fetch`` finds; an unknown code or number in a filter is
    bad input (400, with the fetch's message), not a missing resource."""
    try:
        return fetch()
    except Http404 as error:
        raise HttpError(400, str(error)) from error


def _municipality(code: str | None) -> Municipality | None:
    return _known(lambda: municipality_get(code=code)) if code else None


def _forum(request: HttpRequest, forum: Forum) -> dict[str, Any]:
    return {
        "id": forum.pk,
        "type": forum.kind.upper(),
        "type_label": str(forum.get_kind_display()),
        "name": forum.name,
        "municipality": {
            "code": forum.municipality.code,
            "name": forum.municipality.name,
        },
        "status": forum.status,
        "established_on": forum.established_on,
        "dissolved_on": forum.dissolved_on,
        "url": public_url(request, forum),
    }


def _member(membership: Membership) -> dict[str, Any]:
    return {
        "name": membership.public_name or None,
        "role": membership.role,
        "role_label": str(membership.get_role_display()),
    }


@router.get(
    "/forums",
    response={200: list[ForumOut], 400: Error},
    summary="Safety forums (KLSP, KKSB, EVSB) the public sees",
)
def forums(
    request: HttpRequest,
    municipality: str | None = None,
    type: str | None = None,
    status: str | None = None,
):
    """Active and dissolved forums, filtered by municipality (code), type
    (klsp, kksb, evsb) and status (active, dissolved)."""
    kind = (type or "").lower()
    if kind and kind not in ForumKind.values:
        raise HttpError(
            400,
            # The values stay as they are typed, in every language.
            _("Unknown forum type “%(type)s”: use %(klsp)s, %(kksb)s or %(evsb)s.")
            % {"type": type, **{value: value for value in ForumKind.values}},
        )
    if status and status not in FORUM_STATUSES:
        raise HttpError(
            400,
            _("Unknown status “%(status)s”: use %(active)s or %(dissolved)s.")
            % {"status": status, **{value: value for value in FORUM_STATUSES}},
        )
    found = forum_selectors.forum_list_public(
        municipality=_municipality(municipality), kind=kind, include_dissolved=True
    )
    if status:
        found = found.filter(status=status)
    return [_forum(request, forum) for forum in found]


@router.get(
    "/forums/{forum_id}",
    response={200: ForumDetailOut, 404: Error},
    summary="A safety forum: its area, members and upcoming meetings",
)
def forum(request: HttpRequest, forum_id: int):
    """One forum the public sees. Members are the current ones; a civilian
    member's name is null unless they agreed to it being public."""
    found = forum_selectors.forum_get_public(pk=forum_id)
    members = forum_selectors.membership_list_current(forum=found, day=clock.today())
    data = _forum(request, found)
    data.update(
        {
            "purpose": found.purpose,
            "area": found.area_description,
            "station": {"code": found.station.code, "name": found.station.name},
            "sectors": [
                {"code": sector.code, "name": sector.name}
                for sector in forum_selectors.forum_sector_list(forum=found)
            ],
            "settlements": [
                {"geonames_id": settlement.geonames_id, "name": settlement.name}
                for settlement in forum_selectors.forum_settlement_list(forum=found)
            ],
            "members": [_member(membership) for membership in members],
            "upcoming_meetings": forum_selectors.meeting_list_upcoming_public(
                forum=found, now=clock.now()
            ).count(),
            "project": (
                {
                    "goal": found.goal,
                    "partners": found.partners,
                    "starts_on": found.starts_on,
                    "ends_on": found.ends_on,
                    "outcome": found.outcome,
                }
                if found.kind == ForumKind.EVSB
                else None
            ),
        }
    )
    return data


@router.get(
    "/forums/{forum_id}/meetings",
    response={200: list[MeetingOut], 404: Error},
    summary="A forum's public meetings",
)
def forum_meetings(request: HttpRequest, forum_id: int):
    """The forum's meetings open to the public, the latest first."""
    found = forum_selectors.forum_get_public(pk=forum_id)
    return [
        {
            "id": meeting.pk,
            "title": meeting.title,
            "starts_at": meeting.starts_at,
            "ends_at": meeting.ends_at,
            "place": meeting.place,
            "online_link": meeting.online_link,
            "status": meeting.status,
            "url": public_url(request, meeting),
            "has_approved_minutes": meeting.has_approved_minutes,
        }
        for meeting in event_selectors.meeting_list_public_of_forum(forum=found)
    ]


def _event(request: HttpRequest, event: Event) -> dict[str, Any]:
    return {
        "id": event.pk,
        "kind": event.kind,
        "kind_label": str(event.get_kind_display()),
        "title": event.title,
        "description": event.description,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "place": event.place,
        "online_link": event.online_link,
        "municipality": {
            "code": event.municipality.code,
            "name": event.municipality.name,
        },
        "sector": (
            {"code": event.sector.code, "name": event.sector.name}
            if event.sector
            else None
        ),
        "forum": event.forum_id,
        "cancelled": event.is_cancelled,
        "url": public_url(request, event),
    }


def _day_start(day: datetime.date) -> datetime.datetime:
    """Return the first moment of ``day`` in Kosovo."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@router.get(
    "/events",
    response={200: list[EventOut], 400: Error, 422: Error},
    summary="Public events: forum meetings and community events",
)
def events(
    request: HttpRequest,
    municipality: str | None = None,
    sector: str | None = None,
    forum: int | None = None,
    from_: Annotated[
        datetime.date | None,
        Query(alias="from", description="First day (YYYY-MM-DD); now if left out"),
    ] = None,
    to: Annotated[
        datetime.date | None, Query(description="Last day (YYYY-MM-DD), included")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=API_LIMIT)] = 100,
):
    """Events not over by ``from`` (by now when left out) and starting by the
    end of ``to``, soonest first, filtered by municipality (code), sector
    (code: its own events, those of the forums covering it and the
    municipality-wide ones) and forum (id). Cancelled events are included,
    marked ``cancelled``."""
    if from_ is not None and to is not None and to < from_:
        raise HttpError(400, _("The last day cannot come before the first day."))
    chosen_sector = _known(lambda: sector_get(code=sector)) if sector else None
    chosen_forum = (
        _known(lambda: event_selectors.forum_get_for_calendar(pk=forum))
        if forum is not None
        else None
    )
    found = event_selectors.event_list_upcoming(
        municipality=_municipality(municipality),
        sector=chosen_sector,
        forum=chosen_forum,
        start=_day_start(from_) if from_ else None,
        end=_day_start(to + datetime.timedelta(days=1)) if to else None,
    )
    return [_event(request, event) for event in found[:limit]]
