"""Deterministic demo data: Kosovo's real territory, made-up sectors and people.

Regions, municipalities and settlements are real (see data/README.md). The
stations' addresses, the sectors and every officer are generated and marked
as demo data (``is_demo``).
"""

import csv
import datetime
import json
import random
import zlib
from dataclasses import dataclass
from pathlib import Path

import shapely
from django.db import transaction

from bashkesia.concerns.categories import categories_seed
from bashkesia.core.text import fold
from bashkesia.officers import services as officer_services
from bashkesia.officers.models import Rank, Role, SectorAssignment
from bashkesia.territory import services as territory_services
from bashkesia.territory.geometry import to_geojson
from bashkesia.territory.models import Municipality, Region, Sector, Settlement, Station
from bashkesia.web.models import DirectorGeneral

from . import people
from .accounts import demo_accounts_ensure
from .sectors import partition
from .statistics import demo_statistics_load

DATA_DIR = Path(__file__).resolve().parent / "data"
REGIONS_CSV = DATA_DIR / "kosovo-police-regions.csv"
MUNICIPALITIES_CSV = DATA_DIR / "kosovo-municipalities.csv"
MUNICIPALITIES_GEOJSON = DATA_DIR / "kosovo-municipalities.geojson"
SETTLEMENTS_CSV = DATA_DIR / "kosovo-settlements.csv"
SEED = 2012

# Prishtinë has several stations; Prizren region has substations (GeoNames ids
# of the settlements they sit in).
PRISHTINA_STATIONS = {
    "PRI-QE": ("Qendra", "Centar", "Centre"),
    "PRI-VE": ("Veriu", "Sever", "North"),
    "PRI-JU": ("Jugu", "Jug", "South"),
}
SUBSTATIONS = {
    "PRZ-ZH": ("PRZ", 783780),
    "PRZ-SR": ("PRZ", 829511),
    "SUH-MU": ("SUH", 787760),
    "DRA-KR": ("DRA", 788960),
}


@dataclass
class DemoSummary:
    regions: int
    municipalities: int
    settlements: int
    stations: int
    sectors: int
    officers: int


def municipality_document() -> dict:
    """Join the boundary GeoJSON with the names CSV into importer input."""
    with open(MUNICIPALITIES_CSV, encoding="utf-8", newline="") as handle:
        by_shape = {row["boundary_shape_name"]: row for row in csv.DictReader(handle)}
    regions = {fold(region.name_sq): region.code for region in Region.objects.all()}
    with open(MUNICIPALITIES_GEOJSON, encoding="utf-8") as handle:
        source = json.load(handle)
    features = []
    for feature in source["features"]:
        shape_name = feature["properties"]["shapeName"].removeprefix("Municipality of ")
        row = by_shape[shape_name]
        region_code = next(
            code
            for name, code in regions.items()
            if name.endswith(fold(row["police_region"]))
        )
        features.append(
            {
                "type": "Feature",
                "geometry": feature["geometry"],
                "properties": {
                    "code": row["code"],
                    "name_sq": row["name_sq"],
                    "name_sr_latn": row["name_sr_latn"],
                    "name_sr": row["name_sr_cyrl"],
                    "name_en": row["name_en"],
                    "region": region_code,
                    "boundary_name": shape_name,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _seat(
    municipality: Municipality, settlements: list[Settlement]
) -> tuple[float, float, Settlement | None]:
    """Return (lon, lat, settlement) of the municipality's seat."""
    wanted = fold(municipality.name_sq)
    for settlement in settlements:
        if fold(settlement.name_sq) == wanted:
            return settlement.longitude, settlement.latitude, settlement
    towns = [s for s in settlements if s.feature_code in ("PPLA", "PPLC")]
    if towns:
        return towns[0].longitude, towns[0].latitude, towns[0]
    point = municipality.geometry.representative_point()
    return point.x, point.y, None


def _station_names(municipality: Municipality) -> dict[str, str]:
    return {
        "name_sq": f"Stacioni Policor {municipality.name_sq}",
        "name_sr_latn": f"Policijska stanica {municipality.name_sr_latn}",
        "name_sr": f"Полицијска станица {municipality.name_sr}",
        "name_en": f"{municipality.name_en} Police Station",
    }


def _load_stations(seats: dict) -> dict[str, Station]:
    stations: dict[str, Station] = {}
    for municipality in Municipality.objects.order_by("code"):
        lon, lat, seat = seats[municipality.code]
        if municipality.code == "PRI":
            for code, (sq, sr, en) in PRISHTINA_STATIONS.items():
                stations[code] = territory_services.station_upsert(
                    code=code,
                    names={
                        "name_sq": f"Stacioni Policor {sq}",
                        "name_sr_latn": f"Policijska stanica {sr}",
                        "name_sr": f"Полицијска станица {_cyrl(sr)}",
                        "name_en": f"Pristina {en} Police Station",
                    },
                    municipality=municipality,
                    latitude=lat,
                    longitude=lon,
                    address=f"{municipality.name_sq}",
                    telephone="192",
                    is_demo=True,
                )
            continue
        stations[municipality.code] = territory_services.station_upsert(
            code=municipality.code,
            names=_station_names(municipality),
            municipality=municipality,
            latitude=lat,
            longitude=lon,
            address=seat.name_sq if seat else municipality.name_sq,
            telephone="192",
            is_demo=True,
        )
    for code, (parent_code, geonames_id) in SUBSTATIONS.items():
        settlement = Settlement.objects.get(geonames_id=geonames_id)
        stations[code] = territory_services.station_upsert(
            code=code,
            names={
                "name_sq": f"Nënstacioni Policor {settlement.name_sq}",
                "name_sr_latn": f"Policijska podstanica {settlement.name_sr_latn}",
                "name_sr": f"Полицијска подстаница {settlement.name_sr}",
                "name_en": f"{settlement.name_sq} Police Substation",
            },
            municipality=stations[parent_code].municipality,
            parent=stations[parent_code],
            latitude=settlement.latitude,
            longitude=settlement.longitude,
            address=settlement.name_sq,
            telephone="192",
            is_demo=True,
        )
    return stations


def _cyrl(text: str) -> str:
    from bashkesia.core.text import latin_to_cyrillic

    return latin_to_cyrillic(text)


def sector_document(stations: dict[str, Station], seats: dict) -> dict:
    """Return the demo sectors of every municipality as importer input."""
    features = []
    substation_points = {
        code: Settlement.objects.get(geonames_id=geonames_id)
        for code, (_, geonames_id) in SUBSTATIONS.items()
    }
    for municipality in Municipality.objects.order_by("code"):
        settlements = list(municipality.settlements.order_by("geonames_id"))
        points = [(s.longitude, s.latitude) for s in settlements]
        seat_lon, seat_lat, seat = seats[municipality.code]
        seat_point = shapely.Point(seat_lon, seat_lat)
        parts = partition(
            municipality.geometry, points, seed=zlib.crc32(municipality.code.encode())
        )
        parts.sort(
            key=lambda p: (p.geometry.distance(seat_point), p.geometry.centroid.x)
        )
        for number, part in enumerate(parts, start=1):
            code = f"{municipality.code}-{number:02d}"
            members = [settlements[i] for i in part.members]
            station = _sector_station(
                municipality,
                stations,
                part.geometry,
                number,
                seat_point,
                substation_points,
            )
            features.append(
                {
                    "type": "Feature",
                    "geometry": to_geojson(part.geometry),
                    "properties": {
                        "code": code,
                        "station": station.code,
                        "is_demo": True,
                        **_sector_names(municipality, members, seat, number),
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}


def _sector_station(
    municipality, stations, geometry, number, seat_point, substations
) -> Station:
    for code, settlement in substations.items():
        if stations[code].municipality_id == municipality.id and geometry.intersects(
            shapely.Point(settlement.longitude, settlement.latitude)
        ):
            return stations[code]
    if municipality.code != "PRI":
        return stations[municipality.code]
    if number <= 3:
        return stations["PRI-QE"]
    return stations["PRI-VE" if geometry.centroid.y >= seat_point.y else "PRI-JU"]


def _sector_names(municipality, members, seat, number) -> dict[str, str]:
    if not members:
        return {
            "name_sq": f"{municipality.name_sq} {number}",
            "name_sr_latn": f"{municipality.name_sr_latn} {number}",
            "name_sr": f"{municipality.name_sr} {number}",
            "name_en": f"{municipality.name_en} {number}",
        }
    rank = {"PPLC": 0, "PPLA": 1, "PPL": 2}
    main = (
        seat
        if seat in members
        else min(
            members,
            key=lambda s: (rank.get(s.feature_code, 3), -s.population, s.geonames_id),
        )
    )
    return {
        "name_sq": main.name_sq,
        "name_sr_latn": main.name_sr_latn,
        "name_sr": main.name_sr,
        "name_en": main.name_sq,
    }


class _Badges:
    def __init__(self) -> None:
        self.next = 10001

    def take(self) -> str:
        badge = f"KP{self.next}"
        self.next += 1
        return badge


def _contact(badge: str, name: dict[str, str]) -> dict[str, str]:
    local = fold(f"{name['first_name']}.{name['last_name']}").replace(" ", "")
    return {
        "public_phone": f"+383 00 {badge[2:4]} {badge[4:]}",
        "public_email": f"{local}.{badge[2:].lower()}@demo.kosovopolice.invalid",
    }


def _start_date(rng: random.Random) -> datetime.date:
    return datetime.date(2016, 1, 1) + datetime.timedelta(days=rng.randrange(3400))


def _load_officers(stations: dict[str, Station]) -> int:
    rng = random.Random(SEED)
    badges = _Badges()
    count = 0

    def create(*, municipality_code: str, **fields):
        nonlocal count
        badge = badges.take()
        name = people.person(rng, municipality_code)
        count += 1
        return officer_services.officer_upsert(
            badge_number=badge, is_demo=True, **name, **_contact(badge, name), **fields
        )

    directorate = (Rank.LIEUTENANT_COLONEL, Rank.MAJOR, Rank.CAPTAIN, Rank.LIEUTENANT)
    for rank in directorate:
        create(municipality_code="PRI", rank=rank, role=Role.DIRECTORATE_STAFF)
    for region in Region.objects.order_by("code"):
        code = region.municipalities.order_by("code").first().code
        create(
            municipality_code=code,
            rank=Rank.LIEUTENANT,
            role=Role.REGIONAL_COORDINATOR,
            region=region,
        )

    for station in sorted(stations.values(), key=lambda s: s.code):
        municipality_code = station.municipality.code
        sectors = list(station.sectors.order_by("code"))
        big = len(sectors) > 8 or municipality_code == "PRI"
        create(
            municipality_code=municipality_code,
            rank=Rank.MAJOR if big else Rank.CAPTAIN,
            role=Role.STATION_COMMANDER,
            station=station,
        )
        first_officers: list = []
        for sector in sectors:
            urban = sector.settlements.filter(
                feature_code__in=("PPLA", "PPLC")
            ).exists()
            size = rng.randint(3, 6) if urban else rng.randint(2, 4)
            officers = []
            for _ in range(size):
                officer = create(
                    municipality_code=municipality_code,
                    rank=Rank.SERGEANT if rng.random() < 0.1 else Rank.OFFICER,
                    role=Role.SECTOR_OFFICER,
                    station=station,
                )
                start = _start_date(rng)
                officer_services.assignment_start(
                    officer=officer, sector=sector, start_date=start
                )
                officers.append((officer, start))
            first_officers.append(officers[0])
        # History: every fifth sector's first officer used to work the next one.
        for i in range(0, len(sectors) - 1, 5):
            officer, start = first_officers[i]
            officer_services.assignment_start(
                officer=officer,
                sector=sectors[i + 1],
                start_date=start - datetime.timedelta(days=3 * 365),
                end_date=start - datetime.timedelta(days=1),
            )
        # A sector leader (sergeant) over each run of 3 to 6 sectors.
        for group in _groups(sectors):
            leader = create(
                municipality_code=municipality_code,
                rank=Rank.SERGEANT,
                role=Role.SECTOR_LEADER,
                station=station,
            )
            start = _start_date(rng)
            for sector in group:
                officer_services.assignment_start(
                    officer=leader,
                    sector=sector,
                    kind=SectorAssignment.Kind.SECTOR_LEADER,
                    start_date=start,
                )
    return count


def _groups(sectors: list[Sector], size: int = 4) -> list[list[Sector]]:
    """Split sectors into runs of ``size``; a short tail joins the last run."""
    groups = [sectors[i : i + size] for i in range(0, len(sectors), size)]
    if len(groups) > 1 and len(groups[-1]) < 3:
        groups[-2].extend(groups.pop())
    return groups


def _ensure_director_general() -> None:
    if DirectorGeneral.objects.filter(is_demo=True).exists():
        return
    director = DirectorGeneral(
        name="Agim Berisha",
        name_cyrl="Агим Бериша",
        in_office=datetime.date(2024, 1, 15),
        biography_sq=(
            "Të dhëna demonstruese. Drejtori i Përgjithshëm i Policisë udhëheq "
            "Policinë e Kosovës. Këtu shfaqet biografia e tij, e cila "
            "ndryshohet në panelin e administrimit."
        ),
        biography_sr_latn=(
            "Demo podaci. Generalni direktor policije rukovodi Policijom "
            "Kosova. Ovde se prikazuje njegova biografija, koja se menja u "
            "administraciji."
        ),
        biography_sr=(
            "Демо подаци. Генерални директор полиције руководи Полицијом "
            "Косова. Овде се приказује његова биографија, која се мења у "
            "администрацији."
        ),
        biography_en=(
            "Demonstration data. The Director General of Police leads Kosovo "
            "Police. This is where the biography is shown; it is edited in the "
            "admin."
        ),
        is_demo=True,
    )
    director.full_clean()
    director.save()


@transaction.atomic
def demo_load() -> DemoSummary:
    """Load (or reload in place) the whole demo data set."""
    regions = territory_services.regions_import(path=REGIONS_CSV)
    municipalities = territory_services.municipalities_import(
        document=municipality_document()
    )
    settlements = territory_services.settlements_import(path=SETTLEMENTS_CSV)
    seats = {
        municipality.code: _seat(
            municipality, list(municipality.settlements.order_by("geonames_id"))
        )
        for municipality in Municipality.objects.all()
    }
    stations = _load_stations(seats)
    sectors = territory_services.sectors_import(
        document=sector_document(stations, seats)
    )
    officers = _load_officers(stations)
    demo_accounts_ensure()
    categories_seed()
    _ensure_director_general()
    demo_statistics_load()
    return DemoSummary(
        regions=regions,
        municipalities=municipalities,
        settlements=settlements,
        stations=len(stations),
        sectors=sectors,
        officers=officers,
    )
