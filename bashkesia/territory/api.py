"""Territory endpoints of the JSON API (/api/v1/)."""

import datetime
import json
from typing import Annotated, Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from bashkesia.core import clock
from bashkesia.officers.api import AssignedOfficerOut
from bashkesia.officers.selectors import officers_by_sector

from . import selectors
from .locator import locator
from .models import Sector

router = Router(tags=["territory"])

Latitude = Annotated[
    float, Query(..., ge=-90, le=90, allow_inf_nan=False, description="WGS84")
]
Longitude = Annotated[
    float, Query(..., ge=-180, le=180, allow_inf_nan=False, description="WGS84")
]


class Error(Schema):
    detail: str


# A name in each language: {"sq": ..., "sr-latn": ..., "sr": ..., "en": ...}.
Names = dict[str, str]


class RegionRef(Schema):
    code: str
    slug: str
    name: str


class RegionOut(RegionRef):
    names: Names
    telephone: str


class MunicipalityRef(Schema):
    code: str
    name: str


class MunicipalityOut(MunicipalityRef):
    names: Names
    region: RegionRef


class StationRef(Schema):
    code: str
    name: str


class StationOut(StationRef):
    kind: str
    names: Names
    parent: StationRef | None
    municipality: MunicipalityRef
    region: RegionRef = Field(..., alias="municipality.region")
    address: str
    telephone: str
    email: str
    latitude: float
    longitude: float
    is_demo: bool


class Point(Schema):
    latitude: float
    longitude: float


class SectorOut(Schema):
    code: str
    url: str
    name: str
    names: Names
    station: StationRef
    municipality: MunicipalityRef
    region: RegionRef = Field(..., alias="municipality.region")
    centre: Point
    area_km2: float
    settlement_count: int
    is_demo: bool

    @staticmethod
    def resolve_url(sector: Sector, context: dict) -> str:
        return public_url(context["request"], sector)

    @staticmethod
    def resolve_centre(sector: Sector) -> dict[str, float]:
        return {
            "latitude": sector.centre_latitude,
            "longitude": sector.centre_longitude,
        }


class SettlementRef(Schema):
    geonames_id: int
    name: str
    names: Names
    latitude: float
    longitude: float


class PriorityRef(Schema):
    issue: str
    issue_date: datetime.date
    action: str
    action_date: datetime.date | None


class EventRef(Schema):
    id: int
    kind: str
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    place: str
    url: str

    @staticmethod
    def resolve_url(event: Any, context: dict) -> str:
        return public_url(context["request"], event)


class SectorDetailOut(SectorOut):
    description: str
    station: StationOut
    officers: list[AssignedOfficerOut]
    settlements: list[SettlementRef]
    priorities: list[PriorityRef]
    next_event: EventRef | None


class SettlementOut(SettlementRef):
    feature_code: str
    population: int
    municipality: MunicipalityRef
    sector: StationRef | None = None

    @staticmethod
    def resolve_sector(settlement: Any) -> dict[str, str] | None:
        sector = settlement.sector
        return {"code": sector.code, "name": sector.name} if sector else None


def public_url(request: HttpRequest, obj: Any) -> str:
    """Return the absolute address of ``obj``'s public page."""
    return request.build_absolute_uri(obj.get_absolute_url())


def sector_detail(request: HttpRequest, sector: Sector) -> dict[str, Any]:
    """Return the public detail of a sector: station, officers, settlements.

    ``sector`` comes from ``selectors.sector_list`` (with its counts).
    """
    assignments = officers_by_sector(sector_ids=[sector.id]).get(sector.id, [])
    data = SectorOut.from_orm(sector, context={"request": request}).model_dump()
    data["description"] = sector.description
    data["station"] = StationOut.from_orm(sector.station).model_dump()
    data["officers"] = [
        AssignedOfficerOut.from_assignment(assignment) for assignment in assignments
    ]
    data["settlements"] = [
        SettlementRef.from_orm(settlement).model_dump()
        for settlement in selectors.settlement_list(sector_id=sector.id)
    ]
    data.update(_community(request, sector))
    return data


def _community(request: HttpRequest, sector: Sector) -> dict[str, Any]:
    """Return the sector's current priorities and its next public event."""
    # Imported here: partnership builds on territory, not the other way.
    from bashkesia.partnership.selectors.events import event_list_next_in_sector
    from bashkesia.partnership.selectors.priorities import priority_list_current

    events = event_list_next_in_sector(sector=sector, limit=1)
    return {
        "priorities": [
            PriorityRef.from_orm(priority).model_dump(mode="json")
            for priority in priority_list_current(sector=sector)
        ],
        "next_event": (
            EventRef.from_orm(events[0], context={"request": request}).model_dump(
                mode="json"
            )
            if events
            else None
        ),
    }


# Sector boundaries derive from the municipal boundaries, which are share-alike.
BOUNDARY_ATTRIBUTION = (
    "Municipal boundaries © OpenStreetMap contributors (ODbL), via geoBoundaries "
    "(Runfola et al. 2020, CC BY-SA 2.0)"
)


def _geojson(data: dict[str, Any]) -> HttpResponse:
    """Return GeoJSON (RFC 7946) with the boundaries' attribution."""
    return _json(
        {**data, "attribution": BOUNDARY_ATTRIBUTION},
        content_type="application/geo+json",
    )


def _json(
    data: Any, status: int = 200, content_type: str = "application/json"
) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        content_type=content_type,
        status=status,
    )


@router.get(
    "/locate",
    response={200: SectorDetailOut, 404: Error, 422: Error},
    summary="The police sector at a point, with its officers",
)
def locate(request: HttpRequest, lat: Latitude, lon: Longitude) -> HttpResponse:
    """Return the sector covering (lat, lon): station, municipality, region,
    public officers and settlements. 404 outside Kosovo."""
    index = locator.index()
    sector_id = index.locate(lon, lat)
    if sector_id is None:
        raise Http404(_("No police sector covers this point; it is outside Kosovo."))
    # The detail of a sector changes only with the territory revision (which
    # also follows officers), the community revision (priorities, events; see
    # ``locator.MEMO_SOURCES``) and the hour (the next event passes); memoise
    # the serialised body.
    hour = clock.now().replace(minute=0, second=0, microsecond=0)
    key = ("locate", sector_id, get_language(), hour, request.get_host())
    body = index.memo.get(key)
    if body is None:
        sector = selectors.sector_list().get(id=sector_id)
        body = json.dumps(
            sector_detail(request, sector), ensure_ascii=False, separators=(",", ":")
        ).encode()
        index.memo[key] = body
    return HttpResponse(body, content_type="application/json")


@router.get("/regions", response=list[RegionOut], summary="Regional directorates")
def regions(request: HttpRequest):
    return selectors.region_list()


@router.get("/municipalities", response=list[MunicipalityOut])
def municipalities(request: HttpRequest, region: str | None = None):
    """The 38 municipalities, optionally of one regional directorate (code)."""
    return selectors.municipality_list(region=region)


@router.get("/stations", response=list[StationOut])
def stations(
    request: HttpRequest, municipality: str | None = None, region: str | None = None
):
    """Police stations and substations."""
    return selectors.station_list(municipality=municipality, region=region)


@router.get("/sectors", response=list[SectorOut])
def sectors(
    request: HttpRequest,
    station: str | None = None,
    municipality: str | None = None,
    region: str | None = None,
):
    """Police sectors, filtered by station, municipality or region code."""
    return selectors.sector_list(
        station=station, municipality=municipality, region=region
    )


@router.get(
    "/sectors.geojson",
    summary="Every sector boundary as a GeoJSON FeatureCollection",
    response={200: dict[str, Any]},
)
def sectors_geojson(
    request: HttpRequest,
    station: str | None = None,
    municipality: str | None = None,
    region: str | None = None,
) -> HttpResponse:
    features = [
        sector_feature(sector)
        for sector in selectors.sector_list(
            station=station,
            municipality=municipality,
            region=region,
            with_boundary=True,
        )
    ]
    return _geojson({"type": "FeatureCollection", "features": features})


def sector_feature(sector: Sector) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": sector.code,
        "geometry": sector.boundary,
        "properties": {
            "code": sector.code,
            "name": sector.name,
            "names": sector.names,
            "station": sector.station.code,
            "municipality": sector.municipality.code,
            "region": sector.municipality.region.code,
            "is_demo": sector.is_demo,
        },
    }


@router.get(
    "/municipalities.geojson",
    summary="Every municipality's boundary as a GeoJSON FeatureCollection",
    response={200: dict[str, Any]},
)
def municipalities_geojson(request: HttpRequest, region: str | None = None):
    features = [
        {
            "type": "Feature",
            "id": municipality.code,
            "geometry": municipality.boundary,
            "properties": {
                "code": municipality.code,
                "name": municipality.name,
                "names": municipality.names,
                "region": municipality.region.code,
            },
        }
        for municipality in selectors.municipality_list(
            region=region, with_boundary=True
        )
    ]
    return _geojson({"type": "FeatureCollection", "features": features})


@router.get("/sectors/{code}", response={200: SectorDetailOut, 404: Error})
def sector(request: HttpRequest, code: str):
    """One sector with its station, current public officers and settlements."""
    return _json(sector_detail(request, selectors.sector_get(code=code)))


@router.get(
    "/sectors/{code}/boundary",
    response={200: dict[str, Any], 404: Error},
    summary="A sector's boundary as a GeoJSON Feature",
)
def sector_boundary(request: HttpRequest, code: str) -> HttpResponse:
    sector = selectors.sector_get(code=code, with_boundary=True)
    return _geojson(sector_feature(sector))


@router.get("/search", response={200: list[SettlementOut], 422: Error})
def search(
    request: HttpRequest,
    q: Annotated[str, Query(..., min_length=1, max_length=100)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
):
    """Settlements by name, in Albanian or Serbian, either script, any accents."""
    return selectors.settlement_search(query=q, limit=limit)
