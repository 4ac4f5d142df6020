"""Partition a municipality into compact demo sectors around its settlements.

Voronoi cells around the settlements, clipped to the municipality, are merged
by k-means clusters of the settlements. The sectors tile the municipality, and
each settlement lies in the cell, hence the sector, of its own cluster.
"""

import math
from dataclasses import dataclass

import numpy as np
import shapely

MIN_SECTORS = 3
MAX_SECTORS = 15
SETTLEMENTS_PER_SECTOR = 9


@dataclass
class DemoSector:
    geometry: shapely.Geometry
    members: list[int]  # indices into the points given


def sector_count(settlements: int) -> int:
    """Return how many sectors a municipality with so many settlements gets."""
    wanted = round(settlements / SETTLEMENTS_PER_SECTOR)
    return max(1, min(settlements, max(MIN_SECTORS, min(MAX_SECTORS, wanted))))


def _kmeans(xy: np.ndarray, k: int, seed: int) -> np.ndarray:
    """Return a cluster label per row: k-means++ seeding, Lloyd iterations."""
    rng = np.random.default_rng(seed)
    centres = [xy[rng.integers(len(xy))]]
    for _ in range(1, k):
        distances = np.min(
            [np.sum((xy - centre) ** 2, axis=1) for centre in centres], axis=0
        )
        total = distances.sum()
        if total == 0:
            break
        centres.append(xy[rng.choice(len(xy), p=distances / total)])
    centres_array = np.array(centres)
    labels = np.zeros(len(xy), dtype=int)
    for _ in range(100):
        distances = ((xy[:, None, :] - centres_array[None, :, :]) ** 2).sum(axis=2)
        new_labels = distances.argmin(axis=1)
        if np.array_equal(new_labels, labels) and _ > 0:
            break
        labels = new_labels
        for cluster in range(len(centres_array)):
            members = xy[labels == cluster]
            if len(members):
                centres_array[cluster] = members.mean(axis=0)
    # Renumber so that labels are 0..n-1 with no empty cluster.
    _, compact = np.unique(labels, return_inverse=True)
    return compact


def _padding(area: shapely.Geometry, have: int) -> list[tuple[float, float]]:
    """Return extra seed points inside ``area`` so that it gets three sectors.

    A municipality with fewer settlements than ``MIN_SECTORS`` (North
    Mitrovica has none in the data) still gets a few sectors.
    """
    if have >= MIN_SECTORS:
        return []
    min_x, min_y, max_x, max_y = area.bounds
    grid = [
        shapely.Point(min_x + (max_x - min_x) * i / 8, min_y + (max_y - min_y) * j / 8)
        for i in range(1, 8)
        for j in range(1, 8)
    ]
    inside = [point for point in grid if area.contains(point)]
    step = max(1, len(inside) // MIN_SECTORS)
    return [(point.x, point.y) for point in inside[::step]][:MIN_SECTORS]


def _polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    parts = [
        part
        for part in shapely.get_parts(geometry)
        if part.geom_type in ("Polygon", "MultiPolygon") and not part.is_empty
    ]
    return shapely.unary_union(parts) if len(parts) != 1 else parts[0]


def partition(
    area: shapely.Geometry, points: list[tuple[float, float]], *, seed: int
) -> list[DemoSector]:
    """Split ``area`` into compact sectors grouping ``points`` (lon, lat)."""
    unique = sorted(set(points) | set(_padding(area, len(set(points)))))
    k = sector_count(len(unique))
    latitude = area.centroid.y
    xy = np.array(
        [(lon * math.cos(math.radians(latitude)), lat) for lon, lat in unique]
    )
    labels = _kmeans(xy, k, seed)
    cells = shapely.voronoi_polygons(
        shapely.MultiPoint(unique), extend_to=area.envelope.buffer(0.1)
    )
    cell_list = list(shapely.get_parts(cells))
    cell_tree = shapely.STRtree(cell_list)
    cluster_cells: dict[int, list[shapely.Geometry]] = {}
    for (lon, lat), label in zip(unique, labels.tolist(), strict=True):
        hits = cell_tree.query(shapely.Point(lon, lat), predicate="intersects")
        cluster_cells.setdefault(label, []).extend(cell_list[i] for i in hits)
    index_of = {
        point: label for point, label in zip(unique, labels.tolist(), strict=True)
    }
    sectors = []
    for label in sorted(cluster_cells):
        merged = shapely.unary_union(cluster_cells[label])
        geometry = _polygonal(shapely.intersection(merged, area))
        members = [i for i, point in enumerate(points) if index_of[point] == label]
        sectors.append(DemoSector(geometry=geometry, members=members))
    return sectors
