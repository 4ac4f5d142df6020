"""In-process throughput of the sector locator (``SectorIndex``).

Two territories: the demo sectors from the database, and a synthetic
subdivision about ten times finer (each demo sector split into Voronoi cells
of random points inside it, clipped to the sector, so it still tiles Kosovo).
For each: index build time, single-point lookups (``locate``) and batches
(``locate_many``) of 1,000 and 100,000 points.
"""

import json
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from bashkesia.territory.locator import SectorIndex

from .table import print_table, section

SEED = 2012
SUBDIVISION = 10  # cells per demo sector in the synthetic territory
SINGLE_POINTS = 20_000
SINGLE_RUNS = 5
BATCHES = ((1_000, 50), (100_000, 3))  # (points per batch, batches timed)
TARGET_US = 50.0
TARGET_SECTORS = 2_000

Row = tuple[int, str, dict]


@dataclass
class Single:
    mean_us: float
    p50_us: float
    p99_us: float
    inside: float  # share of points in some sector


@dataclass
class Result:
    name: str
    sectors: int
    vertices: int
    build_ms: float
    single: dict[str, Single]  # point set -> figures
    batch: dict[int, float]  # points per batch -> seconds per batch


def demo_rows() -> list[Row]:
    """Return ``(id, code, boundary)`` of the demo sectors (Django set up)."""
    from bashkesia.territory.models import Sector

    return list(Sector.objects.values_list("id", "code", "boundary"))


def _polygonal(geometry: shapely.Geometry) -> shapely.Geometry:
    parts = [
        part
        for part in shapely.get_parts(geometry)
        if part.geom_type in ("Polygon", "MultiPolygon") and not part.is_empty
    ]
    if not parts:
        return shapely.Polygon()
    return parts[0] if len(parts) == 1 else shapely.unary_union(parts)


def _points_inside(
    area: shapely.Geometry, count: int, rng: np.random.Generator
) -> np.ndarray:
    min_x, min_y, max_x, max_y = area.bounds
    found: list[np.ndarray] = []
    have = 0
    while have < count:
        xs = rng.uniform(min_x, max_x, count * 4)
        ys = rng.uniform(min_y, max_y, count * 4)
        keep = shapely.contains_xy(area, xs, ys)
        found.append(np.column_stack([xs[keep], ys[keep]]))
        have += int(keep.sum())
    return np.concatenate(found)[:count]


def subdivide(rows: Sequence[Row], parts: int = SUBDIVISION) -> list[Row]:
    """Split every sector into ``parts`` Voronoi cells clipped to the sector."""
    rng = np.random.default_rng(SEED)
    result: list[Row] = []
    for _, code, boundary in sorted(rows, key=lambda row: row[1]):
        area = shapely.geometry.shape(boundary)
        seeds = _points_inside(area, parts, rng)
        cells = shapely.voronoi_polygons(
            shapely.multipoints(seeds), extend_to=area.envelope.buffer(0.01)
        )
        pieces = shapely.intersection(shapely.get_parts(cells), area)
        for number, piece in enumerate(pieces, start=1):
            piece = _polygonal(piece)
            if piece.is_empty:
                continue
            result.append(
                (
                    len(result) + 1,
                    f"{code}-{number:02d}",
                    json.loads(shapely.to_geojson(piece)),
                )
            )
    return result


def _vertices(index: SectorIndex) -> int:
    return int(shapely.get_num_coordinates(index.geometries).sum())


def _random_points(
    bounds: tuple[float, float, float, float], count: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Points in Kosovo's bounding box, 5% of them in a margin just outside it.

    Kosovo covers about half of its bounding box, so roughly half of these
    points are inside Kosovo.
    """
    min_x, min_y, max_x, max_y = bounds
    pad_x, pad_y = (max_x - min_x) * 0.1, (max_y - min_y) * 0.1
    lons = rng.uniform(min_x, max_x, count)
    lats = rng.uniform(min_y, max_y, count)
    outside = rng.random(count) < 0.05
    while (todo := int(outside.sum())) > 0:
        xs = rng.uniform(min_x - pad_x, max_x + pad_x, todo)
        ys = rng.uniform(min_y - pad_y, max_y + pad_y, todo)
        done = (xs < min_x) | (xs > max_x) | (ys < min_y) | (ys > max_y)
        slots = np.flatnonzero(outside)[done]
        lons[slots], lats[slots] = xs[done], ys[done]
        outside[slots] = False
    return lons, lats


def _inside_points(
    coarse: SectorIndex, bounds, count: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Uniform points inside Kosovo (inside some demo sector)."""
    lons, lats = [], []
    have = 0
    while have < count:
        xs, ys = _random_points(bounds, count * 3, rng)
        keep = coarse.locate_many(xs, ys) >= 0
        lons.append(xs[keep])
        lats.append(ys[keep])
        have += int(keep.sum())
    return np.concatenate(lons)[:count], np.concatenate(lats)[:count]


def _single(index: SectorIndex, lons: np.ndarray, lats: np.ndarray) -> Single:
    pairs = list(zip(lons.tolist(), lats.tolist(), strict=True))
    locate = index.locate
    for lon, lat in pairs[:2_000]:  # warm up
        locate(lon, lat)
    per_run = []
    for _ in range(SINGLE_RUNS):
        started = time.perf_counter()
        for lon, lat in pairs:
            locate(lon, lat)
        per_run.append((time.perf_counter() - started) / len(pairs))
    # One more run timing every call, for the spread (includes ~0.05 µs of clock).
    clock = time.perf_counter_ns
    calls = np.empty(len(pairs))
    answers = []
    for i, (lon, lat) in enumerate(pairs):
        started = clock()
        answers.append(locate(lon, lat))
        calls[i] = clock() - started
    # The batch call must agree with the single one.
    expected = np.array([-1 if a is None else a for a in answers], dtype=np.int64)
    if not np.array_equal(index.locate_many(lons, lats), expected):
        raise AssertionError("locate_many disagrees with locate")
    return Single(
        mean_us=statistics.median(per_run) * 1e6,
        p50_us=float(np.percentile(calls, 50)) / 1e3,
        p99_us=float(np.percentile(calls, 99)) / 1e3,
        inside=float((expected >= 0).mean()),
    )


def measure(
    name: str, rows: Sequence[Row], bounds, point_sets: dict[str, tuple]
) -> tuple[Result, SectorIndex]:
    builds = []
    for _ in range(3):
        started = time.perf_counter()
        index = SectorIndex.build(rows)
        builds.append(time.perf_counter() - started)
    single = {
        label: _single(index, lons, lats) for label, (lons, lats) in point_sets.items()
    }
    rng = np.random.default_rng(SEED + 2)
    batch = {}
    for size, repeats in BATCHES:
        lons, lats = _random_points(bounds, size, rng)
        index.locate_many(lons, lats)  # warm up
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            index.locate_many(lons, lats)
            times.append(time.perf_counter() - started)
        batch[size] = statistics.median(times)
    return (
        Result(
            name=name,
            sectors=len(index),
            vertices=_vertices(index),
            build_ms=statistics.median(builds) * 1e3,
            single=single,
            batch=batch,
        ),
        index,
    )


def _tiling_check(coarse: SectorIndex, fine: SectorIndex, bounds) -> str:
    """Check the fine territory covers exactly what the coarse one covers."""
    lons, lats = _random_points(bounds, 200_000, np.random.default_rng(SEED + 1))
    coarse_in = coarse.locate_many(lons, lats) >= 0
    fine_in = fine.locate_many(lons, lats) >= 0
    coarse_area = shapely.area(coarse.geometries).sum()
    fine_area = shapely.area(fine.geometries).sum()
    agree = (coarse_in == fine_in).mean() * 100
    return (
        f"Tiling check of the synthetic territory: {agree:.3f}% of 200,000 random "
        f"points in/out as with the demo sectors; area differs by "
        f"{abs(fine_area - coarse_area) / coarse_area * 100:.2e}%."
    )


def run(rows: Sequence[Row]) -> SectorIndex:
    """Run the locator benchmarks; return the demo index (for the HTTP bench)."""
    section("(a) In-process locator: bashkesia.territory.locator.SectorIndex")
    bounds = tuple(
        shapely.total_bounds(
            np.array([shapely.geometry.shape(row[2]) for row in rows], dtype=object)
        ).tolist()
    )
    started = time.perf_counter()
    fine_rows = subdivide(rows)
    made_in = time.perf_counter() - started

    demo_index = SectorIndex.build(rows)
    rng = np.random.default_rng(SEED)
    point_sets = {
        "bounding box": _random_points(bounds, SINGLE_POINTS, rng),
        "inside Kosovo": _inside_points(demo_index, bounds, SINGLE_POINTS, rng),
    }
    demo, demo_index = measure("demo sectors", rows, bounds, point_sets)
    fine, fine_index = measure(
        f"synthetic (x{SUBDIVISION})", fine_rows, bounds, point_sets
    )
    results = [demo, fine]
    print(
        f"Synthetic territory: each demo sector split into {SUBDIVISION} Voronoi "
        f"cells of random points inside it, clipped to it ({made_in:.1f} s to make)."
    )
    print(_tiling_check(demo_index, fine_index, bounds))
    print(
        "Points (seed "
        f"{SEED}): 'bounding box' = uniform in Kosovo's bounding box "
        f"{tuple(round(b, 3) for b in bounds)}, 5% of them in a 10% margin outside "
        "it; 'inside Kosovo' = uniform inside the demo sectors."
    )

    print_table(
        "Index: SectorIndex.build(rows) from (id, code, GeoJSON dict), median of 3",
        ["territory", "sectors", "vertices", "build ms"],
        [
            (r.name, f"{r.sectors:,}", f"{r.vertices:,}", f"{r.build_ms:.1f}")
            for r in results
        ],
    )
    print_table(
        f"Single point: index.locate(lon, lat), {SINGLE_POINTS:,} points, mean "
        f"µs = median of {SINGLE_RUNS} runs; p50/p99 of individual calls",
        ["territory", "points", "hit", "µs/lookup", "lookups/s", "p50 µs", "p99 µs"],
        [
            (
                r.name,
                label,
                f"{single.inside * 100:.1f}%",
                f"{single.mean_us:.1f}",
                f"{1e6 / single.mean_us:,.0f}",
                f"{single.p50_us:.1f}",
                f"{single.p99_us:.1f}",
            )
            for r in results
            for label, single in r.single.items()
        ],
    )
    print_table(
        "Batch: index.locate_many(lons, lats), 'bounding box' points, median of "
        + " / ".join(f"{repeats} batches of {size:,}" for size, repeats in BATCHES),
        ["territory", "batch", "ms/batch", "points/s", "µs/point"],
        [
            (
                r.name,
                f"{size:,}",
                f"{r.batch[size] * 1e3:.2f}",
                f"{size / r.batch[size]:,.0f}",
                f"{r.batch[size] / size * 1e6:.2f}",
            )
            for r in results
            for size, _ in BATCHES
        ],
    )
    worst = max(single.mean_us for single in fine.single.values())
    verdict = "MET" if worst < TARGET_US else "MISSED"
    print(
        f"\nTarget: one in-process lookup under {TARGET_US:.0f} µs at "
        f"≥{TARGET_SECTORS:,} sectors: {worst:.1f} µs (slower point set) at "
        f"{fine.sectors:,} sectors -> {verdict}."
    )
    return demo_index
