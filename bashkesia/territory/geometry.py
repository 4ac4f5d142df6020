"""Geometry helpers: GeoJSON in and out, areas, validity messages."""

import math
from typing import Any

import shapely
from shapely.validation import explain_validity

KM_PER_DEGREE = 111.32


class GeometryProblem(ValueError):
    """A GeoJSON geometry that cannot serve as a boundary."""


def parse_boundary(geojson: Any) -> shapely.Geometry:
    """Return a valid (Multi)Polygon from a GeoJSON geometry or raise.

    Raise ``GeometryProblem`` with a sentence saying what is wrong: not a
    polygon, unreadable coordinates, outside lon/lat ranges, or invalid
    (self-intersecting rings and the like).
    """
    if not isinstance(geojson, dict) or "type" not in geojson:
        raise GeometryProblem("has no geometry")
    if geojson["type"] not in ("Polygon", "MultiPolygon"):
        raise GeometryProblem(
            f"geometry is a {geojson['type']}, expected Polygon or MultiPolygon"
        )
    try:
        geometry = shapely.geometry.shape(geojson)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError) as exc:
        raise GeometryProblem(f"geometry cannot be read: {exc}") from exc
    if geometry.is_empty:
        raise GeometryProblem("geometry is empty")
    min_lon, min_lat, max_lon, max_lat = geometry.bounds
    if min_lon < -180 or max_lon > 180 or min_lat < -90 or max_lat > 90:
        raise GeometryProblem("coordinates are outside longitude/latitude ranges")
    if not geometry.is_valid:
        raise GeometryProblem(f"geometry is invalid: {explain_validity(geometry)}")
    return geometry


def area_km2(geometry: shapely.Geometry) -> float:
    """Return the area in km², treating degrees locally as a flat grid."""
    if geometry.is_empty:
        return 0.0
    latitude = geometry.centroid.y
    scale = KM_PER_DEGREE * KM_PER_DEGREE * math.cos(math.radians(latitude))
    return geometry.area * scale


def to_geojson(geometry: shapely.Geometry) -> dict:
    """Return the GeoJSON geometry (a plain dict of lists) of ``geometry``."""
    mapping = shapely.geometry.mapping(geometry)

    def listify(value: Any) -> Any:
        if isinstance(value, list | tuple):
            return [listify(item) for item in value]
        return value

    return {"type": mapping["type"], "coordinates": listify(mapping["coordinates"])}
