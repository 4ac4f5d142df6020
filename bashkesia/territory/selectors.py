"""Every read of the territory."""

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.core.text import fold

from .locator import locator
from .models import Municipality, Region, Sector, Settlement, Station


def region_list() -> QuerySet[Region]:
    return Region.objects.order_by("code")


def region_get(*, slug: str) -> Region:
    region = Region.objects.filter(slug=slug).first()
    if region is None:
        raise Http404(
            _("No regional directorate is called “%(slug)s”.") % {"slug": slug}
        )
    return region


def municipality_list(
    *, region: str | None = None, with_boundary: bool = False
) -> QuerySet[Municipality]:
    municipalities = Municipality.objects.select_related("region")
    if not with_boundary:
        municipalities = municipalities.defer("boundary")
    if region:
        municipalities = municipalities.filter(region__code=region.upper())
    return municipalities.order_by("name_sq")


def station_list(
    *, municipality: str | None = None, region: str | None = None
) -> QuerySet[Station]:
    stations = Station.objects.select_related("municipality__region", "parent").defer(
        "municipality__boundary"
    )
    if municipality:
        stations = stations.filter(municipality__code=municipality.upper())
    if region:
        stations = stations.filter(municipality__region__code=region.upper())
    return stations.order_by("code")


def sector_list(
    *,
    station: str | None = None,
    municipality: str | None = None,
    region: str | None = None,
    with_boundary: bool = False,
) -> QuerySet[Sector]:
    sectors = Sector.objects.select_related(
        "station__parent", "station__municipality__region", "municipality__region"
    ).defer("municipality__boundary", "station__municipality__boundary")
    if not with_boundary:
        sectors = sectors.defer("boundary")
    if station:
        sectors = sectors.filter(station__code=station.upper())
    if municipality:
        sectors = sectors.filter(municipality__code=municipality.upper())
    if region:
        sectors = sectors.filter(municipality__region__code=region.upper())
    return sectors.annotate(settlement_count=Count("settlements")).order_by("code")


def sector_get(*, code: str, with_boundary: bool = False) -> Sector:
    """Return the sector with ``code`` (any case) or raise ``Http404``."""
    sector = sector_list(with_boundary=with_boundary).filter(code=code.upper()).first()
    if sector is None:
        raise Http404(_("No police sector has the code “%(code)s”.") % {"code": code})
    return sector


def sector_id_at_point(*, lat: float, lon: float) -> int | None:
    """Return the id of the sector covering the point (None outside Kosovo)."""
    return locator.index().locate(lon, lat)


def sector_get_at_point(*, lat: float, lon: float) -> Sector | None:
    """Return the sector covering the point, or None outside every sector."""
    sector_id = sector_id_at_point(lat=lat, lon=lon)
    if sector_id is None:
        return None
    return sector_list().filter(id=sector_id).first()


def settlement_list(*, sector_id: int) -> QuerySet[Settlement]:
    return Settlement.objects.filter(sector_id=sector_id).order_by("name_sq")


def settlement_search(*, query: str, limit: int = 20) -> list[Settlement]:
    """Return settlements whose names match ``query``, best first.

    Matching ignores case, accents and script, in Albanian and Serbian names:
    every word of the query must begin a word of a name. Ranked: whole name
    equal, then name beginning with the query, then towns before villages,
    then by population and name.
    """
    words = fold(query).split()
    if not words:
        return []
    settlements = Settlement.objects.select_related(
        "municipality", "sector__station"
    ).defer("municipality__boundary", "sector__boundary")
    for word in words:
        settlements = settlements.filter(search_text__contains=" " + word)
    folded = " ".join(words)

    def rank(settlement: Settlement) -> tuple:
        names = [
            fold(name)
            for name in (
                settlement.name_sq,
                settlement.name_sr_latn,
                settlement.name_sr,
            )
        ]
        return (
            0 if folded in names else 1,
            0 if any(name.startswith(folded) for name in names) else 1,
            0 if settlement.feature_code in ("PPLC", "PPLA") else 1,
            -settlement.population,
            settlement.name_sq,
        )

    return sorted(settlements, key=rank)[:limit]


def sector_get_in_region(
    *, region: Region, code: str, with_boundary: bool = False
) -> Sector:
    """Return the sector with ``code`` (any case) in ``region``.

    A sector belongs to the regional directorate of its municipality. Raise
    ``Http404`` when no sector has the code or it lies in another region.
    """
    sector = sector_get(code=code, with_boundary=with_boundary)
    if sector.municipality.region_id != region.id:
        raise Http404(
            _("Police sector %(code)s is not in %(region)s.")
            % {"code": sector.code, "region": region.name}
        )
    return sector


def territory_revision() -> str:
    """Return the revision of the territory this process serves (for caches)."""
    return locator.index().revision


def sector_neighbours(*, sector: Sector) -> QuerySet[Sector]:
    """Return the sectors sharing a border (or more) with ``sector``."""
    index = locator.index()
    hits = index.tree.query(sector.geometry, predicate="intersects")
    ids = [int(index.ids[i]) for i in hits if int(index.ids[i]) != sector.id]
    return sector_list(with_boundary=True).filter(id__in=ids)


def region_list_with_sectors() -> QuerySet[Region]:
    """Return regions with their municipalities and sectors, for an index."""
    sectors = Sector.objects.defer("boundary").order_by("code")
    municipalities = (
        Municipality.objects.defer("boundary")
        .order_by("name_sq")
        .prefetch_related(Prefetch("sectors", queryset=sectors))
    )
    return Region.objects.order_by("code").prefetch_related(
        Prefetch("municipalities", queryset=municipalities)
    )


def station_get(*, code: str) -> Station:
    station = station_list().filter(code=code.upper()).first()
    if station is None:
        raise Http404(_("No police station has the code “%(code)s”.") % {"code": code})
    return station


def municipality_get(*, code: str) -> Municipality:
    municipality = (
        Municipality.objects.select_related("region")
        .defer("boundary")
        .filter(code=code.upper())
        .first()
    )
    if municipality is None:
        raise Http404(_("No municipality has the code “%(code)s”.") % {"code": code})
    return municipality
