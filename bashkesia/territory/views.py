"""Public pages of the territory: the sector finder and the sector, station,
municipality and region pages."""

from functools import cached_property

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from bashkesia.alerts.selectors import alert_list_current
from bashkesia.core import clock
from bashkesia.officers.models import SectorAssignment
from bashkesia.officers.selectors import officer_get_commander, officers_by_sector
from bashkesia.stats.community import CommunityFigures, community_figures_recent
from bashkesia.subscriptions.forms import SubscribeForm

from . import selectors
from .forms import FinderLocateForm, FinderSearchForm

SUGGESTIONS = 8


def _page_context() -> dict:
    # Fragments of these pages are cached per territory revision and day.
    return {"revision": selectors.territory_revision(), "today": clock.today()}


@require_GET
def finder_search(request: HttpRequest) -> HttpResponse:
    """Settlements by name, as a page: the finder without JavaScript."""
    form = FinderSearchForm(request.GET or None)
    results = []
    status = 200
    if form.is_bound:
        if form.is_valid():
            results = selectors.settlement_search(query=form.cleaned_data["q"])
        else:
            status = 400
    return render(
        request,
        "territory/finder_search.html",
        {"form": form, "results": results},
        status=status,
    )


@require_GET
def finder_suggest(request: HttpRequest) -> HttpResponse:
    """Suggestions as a person types (an htmx fragment of list items)."""
    form = FinderSearchForm(request.GET)
    results = []
    if form.is_valid():
        results = selectors.settlement_search(
            query=form.cleaned_data["q"], limit=SUGGESTIONS
        )
    return render(request, "territory/_suggestions.html", {"results": results})


@require_GET
def finder_locate(request: HttpRequest) -> HttpResponse:
    """Send a point (map click, "use my location") to its sector's page."""
    form = FinderLocateForm(request.GET)
    if not form.is_valid():
        return render(
            request, "territory/finder_locate.html", {"form": form}, status=400
        )
    sector_id = selectors.sector_id_at_point(
        lat=form.cleaned_data["lat"], lon=form.cleaned_data["lon"]
    )
    if sector_id is None:
        return render(
            request,
            "territory/finder_locate.html",
            {"form": form, "outside": True},
            status=404,
        )
    code = selectors.sector_list().values_list("code", flat=True).get(id=sector_id)
    return redirect("territory:sector", code=code)


@require_GET
def sector_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "territory/sector_index.html",
        {"regions": selectors.region_list_with_sectors(), **_page_context()},
    )


@require_GET
def sector_detail(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.upper():
        return redirect("territory:sector", code=code.upper(), permanent=True)
    sector = selectors.sector_get(code=code, with_boundary=True)
    return render(
        request,
        "territory/sector_detail.html",
        {
            "sector": sector,
            "page": SectorPage(sector),
            "alerts": alert_list_current(sector=sector),
            "subscribe_form": SubscribeForm(),
            **_page_context(),
        },
    )


class SectorPage:
    """What the sector page shows, computed only when its cached fragment
    is missing."""

    def __init__(self, sector) -> None:
        self.sector = sector

    @cached_property
    def assignments(self) -> list[SectorAssignment]:
        return officers_by_sector(sector_ids=[self.sector.id]).get(self.sector.id, [])

    @cached_property
    def officers(self) -> list[SectorAssignment]:
        kind = SectorAssignment.Kind.SECTOR_OFFICER
        return [a for a in self.assignments if a.kind == kind]

    @cached_property
    def leaders(self) -> list[SectorAssignment]:
        kind = SectorAssignment.Kind.SECTOR_LEADER
        return [a for a in self.assignments if a.kind == kind]

    @cached_property
    def commander(self):
        return officer_get_commander(station=self.sector.station)

    @cached_property
    def settlements(self):
        return list(selectors.settlement_list(sector_id=self.sector.id))

    @cached_property
    def neighbours(self) -> list:
        return list(selectors.sector_neighbours(sector=self.sector))

    @cached_property
    def community(self) -> CommunityFigures:
        return community_figures_recent(sector=self.sector)

    @cached_property
    def map_features(self) -> dict:
        sector = self.sector
        return {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "geometry": other.boundary,
                    "properties": {
                        "code": other.code,
                        "name": other.name,
                        "url": other.get_absolute_url(),
                        "current": other.id == sector.id,
                    },
                }
                for other in [sector, *self.neighbours]
            ],
        }


@require_GET
def station_detail(request: HttpRequest, code: str) -> HttpResponse:
    station = selectors.station_get(code=code)
    return render(
        request,
        "territory/station_detail.html",
        {
            "station": station,
            "commander": officer_get_commander(station=station),
            "sectors": selectors.sector_list(station=station.code),
            "community": community_figures_recent(station=station),
            "features_url": reverse("api-v1:sectors_geojson")
            + f"?station={station.code}",
        },
    )


@require_GET
def municipality_detail(request: HttpRequest, code: str) -> HttpResponse:
    municipality = selectors.municipality_get(code=code)
    return render(
        request,
        "territory/municipality_detail.html",
        {
            "municipality": municipality,
            "stations": selectors.station_list(municipality=municipality.code),
            "sectors": selectors.sector_list(municipality=municipality.code),
            "features_url": reverse("api-v1:sectors_geojson")
            + f"?municipality={municipality.code}",
        },
    )


@require_GET
def region_detail(request: HttpRequest, slug: str) -> HttpResponse:
    region = selectors.region_get(slug=slug)
    return render(
        request,
        "territory/region_detail.html",
        {
            "region": region,
            "municipalities": selectors.municipality_list(region=region.code),
            "stations": selectors.station_list(region=region.code),
            "features_url": reverse("api-v1:sectors_geojson")
            + f"?region={region.code}",
        },
    )
