"""Every write to the territory: regions, municipalities, settlements, sectors."""

import csv
from pathlib import Path

from django.db import transaction

from bashkesia.core.text import fold

from . import importers
from .geometry import area_km2, to_geojson
from .locator import SectorIndex
from .models import Municipality, Region, Sector, Settlement, Station


@transaction.atomic
def regions_import(*, path: Path | str) -> int:
    """Create or update regional directorates from a CSV file.

    Columns: code, slug (optional: derived from the Albanian name), name_sq,
    name_sr_latn, name_sr_cyrl, name_en. Return the number of rows.
    """
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise importers.ImportRejected([f"{path}: cannot be read: {exc}"]) from exc
    required = {"code", "name_sq", "name_sr_latn", "name_sr_cyrl", "name_en"}
    missing = required - set(rows[0].keys() if rows else required)
    if missing:
        raise importers.ImportRejected(
            [f"line 1: missing columns: {', '.join(sorted(missing))}"]
        )
    for row in rows:
        slug = row.get("slug") or fold(
            row["name_sq"].replace("Drejtoria Rajonale e Policisë", "")
        ).replace(" ", "-")
        region = Region.objects.filter(code=row["code"]).first() or Region(
            code=row["code"]
        )
        region.slug = slug
        region.name_sq = row["name_sq"]
        region.name_sr_latn = row["name_sr_latn"]
        region.name_sr = row["name_sr_cyrl"]
        region.name_en = row["name_en"]
        region.full_clean()
        region.save()
    return len(rows)


@transaction.atomic
def municipalities_import(*, document: object) -> int:
    """Create or update municipalities from a validated FeatureCollection."""
    regions = {region.code: region for region in Region.objects.all()}
    records = importers.read_municipalities(document, region_codes=set(regions))
    existing = {m.code: m for m in Municipality.objects.all()}
    for record in records:
        municipality = existing.get(record.code) or Municipality(code=record.code)
        for field, value in record.names.items():
            setattr(municipality, field, value)
        municipality.region = regions[record.region_code]
        municipality.boundary_name = record.boundary_name
        municipality.boundary = to_geojson(record.geometry)
        municipality.full_clean()
        municipality.save()
    return len(records)


def _municipality_lookup() -> dict[str, Municipality]:
    lookup: dict[str, Municipality] = {}
    for municipality in Municipality.objects.all():
        for key in (
            municipality.code,
            municipality.name_sq,
            municipality.name_sr_latn,
            municipality.name_en,
            municipality.boundary_name,
        ):
            if key:
                lookup.setdefault(fold(key), municipality)
    return lookup


SETTLEMENT_FIELDS = [
    "name_sq",
    "name_sr_latn",
    "name_sr",
    "feature_code",
    "population",
    "latitude",
    "longitude",
    "municipality",
]


@transaction.atomic
def settlements_import(*, path: Path | str) -> int:
    """Create or update settlements (keyed by GeoNames id) from a CSV file."""
    records = importers.read_settlements(path)
    lookup = _municipality_lookup()
    problems = [
        f"GeoNames id {record.geonames_id} ({record.name_sq}): unknown "
        f"municipality {record.municipality_key!r}"
        for record in records
        if record.municipality_key not in lookup
    ]
    if problems:
        raise importers.ImportRejected(problems)
    existing = {s.geonames_id: s for s in Settlement.objects.all()}
    to_create, to_update = [], []
    for record in records:
        settlement = existing.get(record.geonames_id)
        values = {
            "name_sq": record.name_sq,
            "name_sr_latn": record.name_sr_latn,
            "name_sr": record.name_sr,
            "feature_code": record.feature_code,
            "population": record.population,
            "latitude": record.latitude,
            "longitude": record.longitude,
            "municipality_id": lookup[record.municipality_key].id,
        }
        if settlement is None:
            settlement = Settlement(geonames_id=record.geonames_id, **values)
            to_create.append(settlement)
        elif any(getattr(settlement, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(settlement, key, value)
            to_update.append(settlement)
        else:
            continue
        settlement.search_text = settlement_search_text(settlement)
        # The municipality was resolved above; skip a query per row for it.
        settlement.full_clean(exclude=["geonames_id", "municipality", "sector"])
    Settlement.objects.bulk_create(to_create, batch_size=500)
    Settlement.objects.bulk_update(
        to_update, [*SETTLEMENT_FIELDS, "search_text"], batch_size=200
    )
    settlements_assign_sectors()
    return len(records)


def settlement_search_text(settlement: Settlement) -> str:
    """Return the folded names a search matches, each word after a space."""
    words: list[str] = []
    for name in (settlement.name_sq, settlement.name_sr_latn, settlement.name_sr):
        for word in fold(name).split():
            if word not in words:
                words.append(word)
    return " " + " ".join(words) + " "


@transaction.atomic
def sectors_import(*, document: object) -> int:
    """Create or update sectors from a validated FeatureCollection.

    Then give every settlement the sector its point lies in.
    """
    stations = {
        station.code: station
        for station in Station.objects.select_related("municipality")
    }
    incoming = (
        {
            str(((feature or {}).get("properties") or {}).get("code") or "")
            for feature in (document.get("features") or [])
            if isinstance(feature, dict)
        }
        if isinstance(document, dict)
        else set()
    )
    kept = [
        (sector.code, sector.geometry)
        for sector in Sector.objects.exclude(code__in=incoming)
    ]
    records = importers.read_sectors(
        document,
        station_municipalities={
            code: (station.municipality.code, station.municipality.geometry)
            for code, station in stations.items()
        },
        other_sectors=kept,
    )
    existing = {sector.code: sector for sector in Sector.objects.all()}
    for record in records:
        station = stations[record.station_code]
        sector = existing.get(record.code) or Sector(code=record.code)
        for field, value in record.names.items():
            setattr(sector, field, value)
        sector.station = station
        sector.municipality = station.municipality
        sector.boundary = to_geojson(record.geometry)
        centre = record.geometry.point_on_surface()
        sector.centre_latitude = round(centre.y, 6)
        sector.centre_longitude = round(centre.x, 6)
        sector.area_km2 = round(area_km2(record.geometry), 3)
        sector.description = record.description
        sector.is_demo = record.is_demo
        sector.full_clean()
        sector.save()
    settlements_assign_sectors()
    return len(records)


def settlements_assign_sectors() -> int:
    """Give every settlement the sector covering its point; return changes."""
    index = SectorIndex.build(Sector.objects.values_list("id", "code", "boundary"))
    settlements = list(Settlement.objects.only("id", "latitude", "longitude", "sector"))
    if not settlements:
        return 0
    sector_ids = index.locate_many(
        [s.longitude for s in settlements], [s.latitude for s in settlements]
    )
    changed = []
    for settlement, sector_id in zip(settlements, sector_ids.tolist(), strict=True):
        new = sector_id if sector_id >= 0 else None
        if settlement.sector_id != new:
            settlement.sector_id = new
            changed.append(settlement)
    Settlement.objects.bulk_update(changed, ["sector"], batch_size=500)
    return len(changed)


@transaction.atomic
def station_upsert(
    *,
    code: str,
    names: dict[str, str],
    municipality: Municipality,
    latitude: float,
    longitude: float,
    parent: Station | None = None,
    address: str = "",
    telephone: str = "",
    email: str = "",
    is_demo: bool = False,
) -> Station:
    """Create the station with ``code``, or update it in place."""
    station = Station.objects.filter(code=code).first() or Station(code=code)
    for field, value in names.items():
        setattr(station, field, value)
    station.kind = Station.Kind.SUBSTATION if parent else Station.Kind.STATION
    station.municipality = municipality
    station.parent = parent
    station.latitude = latitude
    station.longitude = longitude
    station.address = address
    station.telephone = telephone
    station.email = email
    station.is_demo = is_demo
    station.full_clean()
    station.save()
    return station
