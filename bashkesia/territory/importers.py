"""Read and validate territory files before anything is written.

Each ``read_*`` function checks a whole file and returns clean records, or
raises ``ImportRejected`` listing every problem found, each naming the feature
or line. Writing is left to the services, which call these first.
"""

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely

from bashkesia.core.text import fold, latin_to_cyrillic

from .geometry import GeometryProblem, area_km2, parse_boundary
from .models import SECTOR_CODE_RE

# Area two neighbouring polygons may share, or a sector may stick out of its
# municipality, before it counts as an overlap: float noise and simplified
# borders, not a real disagreement.
OVERLAP_TOLERANCE_KM2 = 0.01
MUNICIPALITY_CODE_RE = re.compile(r"^[A-Z]{3}$")
SETTLEMENT_COLUMNS = (
    "name",
    "alt_name_sr",
    "lat",
    "lon",
    "feature_code",
    "population",
    "geonames_id",
    "municipality",
)


class ImportRejected(Exception):
    """The file has problems; nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class MunicipalityRecord:
    code: str
    names: dict[str, str]
    region_code: str
    boundary_name: str
    geometry: shapely.Geometry


@dataclass
class SettlementRecord:
    geonames_id: int
    name_sq: str
    name_sr_latn: str
    name_sr: str
    feature_code: str
    population: int
    latitude: float
    longitude: float
    municipality_key: str


@dataclass
class SectorRecord:
    code: str
    station_code: str
    names: dict[str, str]
    description: str
    is_demo: bool
    geometry: shapely.Geometry
    properties: dict[str, Any] = field(default_factory=dict)


def load_json(path: Path | str) -> Any:
    """Return the parsed JSON file or raise ``ImportRejected``."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except OSError as exc:
        raise ImportRejected([f"{path}: cannot be read: {exc.strerror}"]) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportRejected([f"{path}: is not valid JSON: {exc}"]) from exc


def _features(document: Any) -> list[dict]:
    if (
        not isinstance(document, dict)
        or document.get("type") != "FeatureCollection"
        or not isinstance(document.get("features"), list)
    ):
        raise ImportRejected(["the file is not a GeoJSON FeatureCollection"])
    return document["features"]


def _label(index: int, properties: dict, key: str = "code") -> str:
    code = properties.get(key)
    return f"feature {index + 1}" + (f" ({code})" if code else "")


def _names(properties: dict, fallback: str) -> dict[str, str]:
    name_sq = str(properties.get("name_sq") or fallback).strip()
    name_sr_latn = str(properties.get("name_sr_latn") or name_sq).strip()
    return {
        "name_sq": name_sq,
        "name_sr_latn": name_sr_latn,
        "name_sr": str(
            properties.get("name_sr") or latin_to_cyrillic(name_sr_latn)
        ).strip(),
        "name_en": str(properties.get("name_en") or name_sq).strip(),
    }


def _overlaps(
    labelled: list[tuple[str, shapely.Geometry]], noun: str, *, checked: int
) -> list[str]:
    """Return a problem for each pair sharing real area.

    Only pairs involving one of the first ``checked`` geometries are reported.
    """
    geometries = [geometry for _, geometry in labelled]
    tree = shapely.STRtree(geometries)
    left, right = tree.query(geometries, predicate="intersects")
    problems = []
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        if i >= j or i >= checked:
            continue
        shared = area_km2(geometries[i].intersection(geometries[j]))
        if shared > OVERLAP_TOLERANCE_KM2:
            problems.append(
                f"{labelled[i][0]}: overlaps {noun} {labelled[j][0]} "
                f"by {shared:.3f} km²"
            )
    return problems


def read_municipalities(
    document: Any, *, region_codes: set[str]
) -> list[MunicipalityRecord]:
    """Validate a municipalities FeatureCollection.

    Each feature's properties: ``code`` (three capitals), ``name_sq`` and the
    other names, ``region`` (a regional directorate code); optional
    ``boundary_name``. Geometry: a valid Polygon or MultiPolygon.
    """
    problems: list[str] = []
    records: list[MunicipalityRecord] = []
    seen: dict[str, str] = {}
    for index, feature in enumerate(_features(document)):
        properties = (feature or {}).get("properties") or {}
        label = _label(index, properties)
        code = str(properties.get("code") or "").strip()
        if not MUNICIPALITY_CODE_RE.match(code):
            problems.append(f"{label}: code must be three capital letters like PRZ")
            continue
        if code in seen:
            problems.append(f"{label}: duplicate code {code}, also {seen[code]}")
            continue
        seen[code] = label
        if not properties.get("name_sq"):
            problems.append(f"{label}: name_sq is missing")
        region = str(properties.get("region") or "").strip()
        if region not in region_codes:
            problems.append(f"{label}: unknown regional directorate {region!r}")
        try:
            geometry = parse_boundary(feature.get("geometry"))
        except GeometryProblem as exc:
            problems.append(f"{label}: {exc}")
            continue
        records.append(
            MunicipalityRecord(
                code=code,
                names=_names(properties, code),
                region_code=region,
                boundary_name=str(properties.get("boundary_name") or ""),
                geometry=geometry,
            )
        )
    if not problems and records:
        problems += _overlaps(
            [(r.code, r.geometry) for r in records],
            "municipality",
            checked=len(records),
        )
    if problems:
        raise ImportRejected(problems)
    return records


def read_settlements_csv(text: str) -> list[SettlementRecord]:
    """Validate settlements CSV text (the columns of ``SETTLEMENT_COLUMNS``).

    ``alt_name_sr_cyrl`` is optional; a missing Cyrillic name is transliterated
    from the Serbian Latin one. Line numbers count the header as line 1.
    """
    reader = csv.DictReader(io.StringIO(text))
    columns = reader.fieldnames or []
    missing = [column for column in SETTLEMENT_COLUMNS if column not in columns]
    if missing:
        raise ImportRejected([f"line 1: missing columns: {', '.join(missing)}"])
    problems: list[str] = []
    records: list[SettlementRecord] = []
    seen: dict[int, int] = {}
    for line, row in enumerate(reader, start=2):
        if None in row or any(value is None for value in row.values()):
            problems.append(f"line {line}: wrong number of fields")
            continue
        name = row["name"].strip()
        if not name:
            problems.append(f"line {line}: name is empty")
        try:
            latitude, longitude = float(row["lat"]), float(row["lon"])
        except ValueError:
            problems.append(f"line {line}: lat/lon are not numbers")
            continue
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            problems.append(f"line {line}: lat/lon are out of range")
            continue
        try:
            geonames_id = int(row["geonames_id"])
            population = int(row["population"] or 0)
        except ValueError:
            problems.append(f"line {line}: geonames_id/population are not integers")
            continue
        if geonames_id in seen:
            problems.append(
                f"line {line}: duplicate geonames_id {geonames_id}, "
                f"also on line {seen[geonames_id]}"
            )
            continue
        seen[geonames_id] = line
        name_sr_latn = row["alt_name_sr"].strip() or name
        records.append(
            SettlementRecord(
                geonames_id=geonames_id,
                name_sq=name,
                name_sr_latn=name_sr_latn,
                name_sr=(row.get("alt_name_sr_cyrl") or "").strip()
                or latin_to_cyrillic(name_sr_latn),
                feature_code=row["feature_code"].strip(),
                population=max(population, 0),
                latitude=latitude,
                longitude=longitude,
                municipality_key=fold(row["municipality"]),
            )
        )
    if problems:
        raise ImportRejected(problems)
    return records


def read_settlements(path: Path | str) -> list[SettlementRecord]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except OSError as exc:
        raise ImportRejected([f"{path}: cannot be read: {exc.strerror}"]) from exc
    except UnicodeDecodeError as exc:
        raise ImportRejected([f"{path}: is not UTF-8 text: {exc}"]) from exc
    try:
        return read_settlements_csv(text)
    except csv.Error as exc:
        raise ImportRejected([f"{path}: is not valid CSV: {exc}"]) from exc


def read_sectors(
    document: Any,
    *,
    station_municipalities: dict[str, tuple[str, shapely.Geometry]],
    other_sectors: list[tuple[str, shapely.Geometry]],
) -> list[SectorRecord]:
    """Validate a sectors FeatureCollection.

    Properties: ``code`` (like PRZ-03), ``station`` (a station code), names
    (``name_sq``...), optional ``description`` and ``is_demo``. A sector must
    lie inside its station's municipality and overlap neither another sector
    of the file nor one of ``other_sectors`` (those already stored and not
    replaced by this file).
    """
    problems: list[str] = []
    records: list[SectorRecord] = []
    seen: dict[str, str] = {}
    for index, feature in enumerate(_features(document)):
        properties = (feature or {}).get("properties") or {}
        label = _label(index, properties)
        code = str(properties.get("code") or "").strip()
        if not re.match(SECTOR_CODE_RE, code):
            problems.append(f"{label}: code must look like PRZ-03")
            continue
        if code in seen:
            problems.append(f"{label}: duplicate code {code}, also {seen[code]}")
            continue
        seen[code] = label
        station_code = str(properties.get("station") or "").strip()
        station = station_municipalities.get(station_code)
        if station is None:
            problems.append(f"{label}: unknown station {station_code!r}")
        try:
            geometry = parse_boundary(feature.get("geometry"))
        except GeometryProblem as exc:
            problems.append(f"{label}: {exc}")
            continue
        if station is not None:
            municipality_code, municipality = station
            outside = area_km2(geometry.difference(municipality))
            if outside > OVERLAP_TOLERANCE_KM2:
                problems.append(
                    f"{label}: lies {outside:.3f} km² outside its municipality "
                    f"{municipality_code}"
                )
        records.append(
            SectorRecord(
                code=code,
                station_code=station_code,
                names=_names(properties, code),
                description=str(properties.get("description") or ""),
                is_demo=bool(properties.get("is_demo", False)),
                geometry=geometry,
                properties=properties,
            )
        )
    if not problems and records:
        problems += _overlaps(
            [(r.code, r.geometry) for r in records] + other_sectors,
            "sector",
            checked=len(records),
        )
    if problems:
        raise ImportRejected(problems)
    return records
