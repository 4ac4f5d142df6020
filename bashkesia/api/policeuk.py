"""The data.police.uk-compatible read API, /api/policeuk/.

Software written for https://data.police.uk/api/ works unchanged against this
base URL: the same paths, field names and value formats (coordinates as
strings, ``issue-date``/``action-date`` in priorities), and 404 for an unknown
force or neighbourhood and for a point no neighbourhood covers.

Forces are our regional police directorates (id: the region's slug, e.g.
``prizren``); neighbourhoods are our police sectors (id: the sector code, e.g.
``PRZ-03``). Names follow the Accept-Language header (sq, sr-latn, sr, en).
Officers appear only through ``public_officer``: never a private field.

Fields that data.police.uk documents as HTML (descriptions, bios) carry
escaped text, so a client that renders them as HTML shows them safely.
"""

import math
from typing import Annotated, Any

import shapely
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError

from bashkesia.core import api_errors
from bashkesia.officers.api import public_officer
from bashkesia.officers.models import Role
from bashkesia.officers.selectors import (
    officer_list_commanders,
    officer_list_for_region,
    officers_by_sector,
)
from bashkesia.territory import selectors
from bashkesia.territory.models import Region, Sector

from .v1 import Utf8JSONRenderer

# Kosovo Police's number, which plays the part of data.police.uk's "101" where
# a directorate has no number of its own.
POLICE_TELEPHONE = "192"

api = NinjaAPI(
    renderer=Utf8JSONRenderer(),
    title="data.police.uk-compatible API",
    version="policeuk",
    description=(
        "The forces and neighbourhoods part of the data.police.uk API "
        "(https://data.police.uk/docs/), for Kosovo: forces are the regional "
        "police directorates, neighbourhoods the police sectors. Point a "
        "data.police.uk client at this base URL instead of "
        "https://data.police.uk/api/. Coordinates are strings, as there. "
        "Errors are JSON objects with a `detail` message, in the language of "
        "the Accept-Language header (sq, sr-latn, sr, en)."
    ),
    urls_namespace="api-policeuk",
)
api_errors.install(api)


class Error(Schema):
    detail: str


class ForceOut(Schema):
    id: str
    name: str


class EngagementMethodOut(Schema):
    url: str
    type: str
    description: str | None
    title: str


class ForceDetailOut(ForceOut):
    description: str
    url: str
    telephone: str
    engagement_methods: list[EngagementMethodOut]


# data.police.uk lists only the contact methods a person or team has:
# any of email, telephone, mobile, fax, web, address, facebook, twitter, ...
ContactDetails = dict[str, str]


class PersonOut(Schema):
    name: str
    rank: str
    bio: str | None
    contact_details: ContactDetails


class NeighbourhoodOut(Schema):
    id: str
    name: str


class PointOut(Schema):
    latitude: str
    longitude: str


class LinkOut(Schema):
    url: str
    title: str
    description: str | None


class LocationOut(Schema):
    name: str
    type: str
    latitude: str | None
    longitude: str | None
    address: str
    postcode: str
    description: str | None


class NeighbourhoodDetailOut(NeighbourhoodOut):
    description: str
    url_force: str
    population: str
    contact_details: ContactDetails
    centre: PointOut
    links: list[LinkOut]
    locations: list[LocationOut]


class EventOut(Schema):
    title: str
    description: str | None
    type: str
    address: str | None
    start_date: str
    end_date: str | None
    contact_details: ContactDetails


class PriorityOut(Schema):
    issue: str
    issue_date: str | None = Field(None, alias="issue-date")
    action: str | None
    action_date: str | None = Field(None, alias="action-date")


class LocatedOut(Schema):
    force: str
    neighbourhood: str


NOT_FOUND = {404: Error}


def _coordinate(value: float) -> str:
    return str(float(value))


def _point(latitude: float, longitude: float) -> dict[str, str]:
    return {"latitude": _coordinate(latitude), "longitude": _coordinate(longitude)}


def _contact_details(**methods: str) -> dict[str, str]:
    return {method: value for method, value in methods.items() if value}


def _site_url(request: HttpRequest) -> str:
    # No page per directorate or sector exists yet; the platform's home page
    # (in the request's language) is the closest "force website".
    return request.build_absolute_uri(reverse("web:home"))


def _force(force: str) -> Region:
    return selectors.region_get(slug=force.lower())


def _neighbourhood(force: str, neighbourhood: str, **options: Any) -> Sector:
    return selectors.sector_get_in_region(
        region=_force(force), code=neighbourhood, **options
    )


def _person(officer: Any, *, role: str, place: str) -> dict[str, Any]:
    """Return a data.police.uk person from the officer's public fields only."""
    public = public_officer(officer)
    return {
        "name": public["name"],
        "rank": public["rank_label"],
        "bio": escape(
            _("%(role)s, %(place)s.") % {"role": capfirst(role), "place": place}
        ),
        "contact_details": _contact_details(
            email=public["email"], telephone=public["telephone"]
        ),
    }


def senior_officers(region: Region) -> list[dict[str, Any]]:
    """Return the region's coordinators, then its station commanders."""
    coordinators = officer_list_for_region(region_id=region.id).filter(
        role=Role.REGIONAL_COORDINATOR
    )
    stations = selectors.station_list(region=region.code).values_list("id", flat=True)
    commanders = officer_list_commanders(station_ids=stations).order_by(
        "station__code", "last_name", "first_name"
    )
    return [
        _person(officer, role=officer.get_role_display(), place=region.name)
        for officer in [*coordinators, *commanders]
    ]


def neighbourhood_team(sector: Sector) -> list[dict[str, Any]]:
    """Return the sector's current officers: leader and sector officers."""
    assignments = officers_by_sector(sector_ids=[sector.id]).get(sector.id, [])
    place = f"{sector.code} {sector.name}"
    return [
        _person(assignment.officer, role=assignment.get_kind_display(), place=place)
        for assignment in assignments
    ]


def neighbourhood_events(sector: Sector) -> list[dict[str, Any]]:
    """Return the sector's upcoming public events (``EventOut`` dicts), soonest
    first: its own, its forums' and its municipality-wide ones (see
    ``bashkesia.partnership.selectors.events``). Cancelled events are left
    out, as data.police.uk has no way to mark them.

    As there, dates are local times without a zone ("2026-12-01T18:00:00"),
    ``description`` is escaped text (or null) and ``type`` a plain word: a
    forum meeting is a "meeting", meeting the sector officers a "surgery"
    (the British name for it); the sector's station is the contact.
    """
    # Imported here: the partnership app builds on the territory this module
    # serves, and its events are this function's only concern.
    from django.utils import timezone

    from bashkesia.partnership.models import Event
    from bashkesia.partnership.selectors.events import event_list_upcoming

    types = {
        Event.Kind.FORUM_MEETING: "meeting",
        Event.Kind.MEET_OFFICERS: "surgery",
        Event.Kind.SCHOOL_VISIT: "school visit",
        Event.Kind.CAMPAIGN: "campaign",
        Event.Kind.OTHER: "other",
    }

    def local(moment):
        return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M:%S")

    contact = _contact_details(
        email=sector.station.email, telephone=sector.station.telephone
    )
    return [
        {
            "title": event.title,
            "description": escape(event.description) or None,
            "type": types[event.kind],
            "address": event.place or event.online_link or None,
            "start_date": local(event.starts_at),
            "end_date": local(event.ends_at) if event.ends_at else None,
            "contact_details": contact,
        }
        for event in event_list_upcoming(sector=sector).filter(is_cancelled=False)
    ]


def neighbourhood_priorities(sector: Sector) -> list[dict[str, Any]]:
    """Return the sector's priorities (``PriorityOut`` dicts, keyed
    ``issue-date``/``action-date`` as data.police.uk does).

    Like data.police.uk: current and past priorities, the newest issue first;
    dates as midnight timestamps ("2024-03-01T00:00:00"); ``action`` and
    ``action-date`` null until an action is recorded; the texts (HTML there)
    escaped. Which concerns a priority answers is never given.
    """
    import datetime

    from bashkesia.partnership.selectors.priorities import priority_list_policeuk

    def timestamp(day: datetime.date | None) -> str | None:
        return None if day is None else f"{day.isoformat()}T00:00:00"

    return [
        {
            "issue": escape(priority.issue),
            "issue-date": timestamp(priority.issue_date),
            "action": escape(priority.action) if priority.action else None,
            "action-date": timestamp(priority.action_date),
        }
        for priority in priority_list_policeuk(sector=sector)
    ]


def neighbourhood_detail(request: HttpRequest, sector: Sector) -> dict[str, Any]:
    station = sector.station
    description = sector.description
    if sector.is_demo:
        description = (
            _("Demo data. %(description)s") % {"description": description}
            if description
            else _("Demo data.")
        )
    return {
        "id": sector.code,
        "name": sector.name,
        "description": escape(description),
        "url_force": _site_url(request),
        # data.police.uk sends "0" where it has no estimate, as we have none.
        "population": "0",
        "contact_details": _contact_details(
            email=station.email, telephone=station.telephone
        ),
        "centre": _point(sector.centre_latitude, sector.centre_longitude),
        "links": [],
        "locations": [
            {
                "name": station.name,
                "type": "station",
                **_point(station.latitude, station.longitude),
                "address": station.address,
                "postcode": "",
                "description": str(station.get_kind_display()),
            }
        ],
    }


def boundary_ring(geometry: shapely.Geometry) -> list[dict[str, str]]:
    """Return the exterior ring of a (Multi)Polygon as latitude/longitude.

    data.police.uk gives a neighbourhood one ring; a sector in several parts
    (a MultiPolygon) gives the exterior ring of its largest part, and holes are
    left out.
    """
    if isinstance(geometry, shapely.MultiPolygon):
        geometry = max(geometry.geoms, key=lambda part: part.area)
    return [_point(lat, lon) for lon, lat, *_z in geometry.exterior.coords]


def parse_point(q: str | None) -> tuple[float, float]:
    """Return (latitude, longitude) from ``q`` = "lat,lng" or raise a 400."""
    if not q or not q.strip():
        raise HttpError(
            400, _("Give a point as q=latitude,longitude, e.g. q=42.2139,20.7397.")
        )
    parts = q.split(",")
    try:
        if len(parts) != 2:
            raise ValueError(q)
        latitude, longitude = float(parts[0]), float(parts[1])
    except ValueError:
        raise HttpError(
            400,
            _(
                "“%(q)s” is not a point; give q=latitude,longitude, e.g. "
                "q=42.2139,20.7397."
            )
            % {"q": Truncator(q).chars(40)},
        ) from None
    if not (
        math.isfinite(latitude)
        and math.isfinite(longitude)
        and -90 <= latitude <= 90
        and -180 <= longitude <= 180
    ):
        raise HttpError(
            400,
            _(
                "The latitude must lie between -90 and 90 and the longitude "
                "between -180 and 180."
            ),
        )
    return latitude, longitude


# Paths are matched in the order they are declared: the fixed ones ("forces",
# "locate-neighbourhood", "{force}/neighbourhoods") come before the
# "{force}/{neighbourhood}" patterns that would otherwise swallow them.


@api.get("/forces", response=list[ForceOut], summary="List of forces")
def forces(request: HttpRequest):
    """Every regional police directorate: id and name."""
    return [
        {"id": region.slug, "name": region.name} for region in selectors.region_list()
    ]


@api.get(
    "/forces/{force}",
    response={200: ForceDetailOut, **NOT_FOUND},
    summary="Specific force",
)
def force_detail(request: HttpRequest, force: str):
    """One regional police directorate with its contact details."""
    region = _force(force)
    municipalities = ", ".join(
        municipality.name
        for municipality in selectors.municipality_list(region=region.code)
    )
    return {
        "id": region.slug,
        "name": region.name,
        "description": escape(
            _("%(force)s polices the municipalities of %(municipalities)s.")
            % {"force": region.name, "municipalities": municipalities}
        ),
        "url": _site_url(request),
        "telephone": region.telephone or POLICE_TELEPHONE,
        "engagement_methods": [],
    }


@api.get(
    "/forces/{force}/people",
    response={200: list[PersonOut], **NOT_FOUND},
    summary="Senior officers",
)
def force_people(request: HttpRequest, force: str):
    """The directorate's regional coordinators and station commanders."""
    return senior_officers(_force(force))


@api.get(
    "/locate-neighbourhood",
    response={200: LocatedOut, 400: Error, **NOT_FOUND},
    summary="Locate a neighbourhood",
)
def locate_neighbourhood(
    request: HttpRequest,
    q: Annotated[
        str | None, Query(description="latitude,longitude, e.g. 42.2139,20.7397")
    ] = None,
):
    """The force and neighbourhood covering q=latitude,longitude; 404 where
    none does (outside Kosovo)."""
    latitude, longitude = parse_point(q)
    sector = selectors.sector_get_at_point(lat=latitude, lon=longitude)
    if sector is None:
        raise HttpError(
            404, _("No neighbourhood covers this point; it is outside Kosovo.")
        )
    return {"force": sector.municipality.region.slug, "neighbourhood": sector.code}


@api.get(
    "/{force}/neighbourhoods",
    response={200: list[NeighbourhoodOut], **NOT_FOUND},
    summary="Neighbourhoods",
)
def neighbourhoods(request: HttpRequest, force: str):
    """Every police sector of the directorate: id and name."""
    region = _force(force)
    return [
        {"id": sector.code, "name": sector.name}
        for sector in selectors.sector_list(region=region.code)
    ]


@api.get(
    "/{force}/{neighbourhood}",
    response={200: NeighbourhoodDetailOut, **NOT_FOUND},
    summary="Specific neighbourhood",
)
def neighbourhood(request: HttpRequest, force: str, neighbourhood: str):
    """One police sector: description, contact details, centre, station."""
    return neighbourhood_detail(request, _neighbourhood(force, neighbourhood))


@api.get(
    "/{force}/{neighbourhood}/boundary",
    response={200: list[PointOut], **NOT_FOUND},
    summary="Neighbourhood boundary",
)
def neighbourhood_boundary(request: HttpRequest, force: str, neighbourhood: str):
    """The latitude/longitude points of the sector's boundary."""
    sector = _neighbourhood(force, neighbourhood, with_boundary=True)
    return boundary_ring(sector.geometry)


@api.get(
    "/{force}/{neighbourhood}/people",
    response={200: list[PersonOut], **NOT_FOUND},
    summary="Neighbourhood team",
)
def neighbourhood_people(request: HttpRequest, force: str, neighbourhood: str):
    """The sector's current officers, public details only."""
    return neighbourhood_team(_neighbourhood(force, neighbourhood))


@api.get(
    "/{force}/{neighbourhood}/events",
    response={200: list[EventOut], **NOT_FOUND},
    summary="Neighbourhood events",
)
def neighbourhood_events_list(request: HttpRequest, force: str, neighbourhood: str):
    """Public events in the sector."""
    return neighbourhood_events(_neighbourhood(force, neighbourhood))


@api.get(
    "/{force}/{neighbourhood}/priorities",
    response={200: list[PriorityOut], **NOT_FOUND},
    by_alias=True,
    summary="Neighbourhood priorities",
)
def neighbourhood_priorities_list(request: HttpRequest, force: str, neighbourhood: str):
    """The sector's priorities: issue, issue-date, action, action-date."""
    return neighbourhood_priorities(_neighbourhood(force, neighbourhood))
