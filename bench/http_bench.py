"""HTTP: ``GET /api/v1/locate`` against the framework's floor, under gunicorn.

One gunicorn server, set up as ``make serve`` sets it up (``config.wsgi``,
production settings, sync workers, access log on), with ``bench.settings``
adding ``/bench/floor``: a Django view returning ``JsonResponse({"ok": True})``
through the same middleware. Both endpoints are loaded in turn by the same
load generator (``bench/loadgen.py``): ``wrk`` when it is on PATH, else a
Python one.

(Not named ``http.py``: running ``python bench/run.py`` puts ``bench/`` first
on ``sys.path``, where an ``http`` module would shadow the standard library.)
"""

import contextlib
import csv
import http.client
import math
import os
import random
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass

import numpy as np

from bashkesia.territory.locator import SectorIndex

from . import loadgen
from .demo_db import DATABASE_URL, ROOT, WORK_DIR, production_env
from .floor_urls import FLOOR_PATH
from .loadgen import CONNECTIONS, HOST, Load
from .table import print_table, section

SETTLEMENTS_CSV = ROOT / "bashkesia" / "demo" / "data" / "kosovo-settlements.csv"
LOCATE_POINTS = 5_000
JITTER_DEGREES = 0.01  # about 1 km
TARGET_RATIO = 0.70
WORKERS = int(os.environ.get("WEB_CONCURRENCY") or 3)  # the Makefile's default
DURATION = int(os.environ.get("BENCH_DURATION") or 10)  # seconds per endpoint
WARMUP = int(os.environ.get("BENCH_WARMUP") or 3)  # seconds per endpoint
# DURATION is cut into SLICES runs per endpoint, in the order floor, locate,
# locate, floor, ...: a background load that comes and goes hits both alike.
SLICES = max(1, int(os.environ.get("BENCH_SLICES") or 2))
SLICE_SECONDS = max(1, DURATION // SLICES)


@dataclass(frozen=True)
class Point:
    lon: float
    lat: float
    sector: int

    @property
    def path(self) -> str:
        return f"/api/v1/locate?lat={self.lat:.5f}&lon={self.lon:.5f}"


# -- points ------------------------------------------------------------------


def locate_points(index: SectorIndex, count: int = LOCATE_POINTS) -> list[Point]:
    """Return points at settlements plus ~1 km of jitter, with their sector.

    Only points some demo sector covers are kept, so every answer is a 200.
    """
    with open(SETTLEMENTS_CSV, encoding="utf-8", newline="") as handle:
        places = [
            (float(row["lon"]), float(row["lat"])) for row in csv.DictReader(handle)
        ]
    rng = np.random.default_rng(2012)
    base = np.array(places)[rng.integers(len(places), size=count * 2)]
    lons = np.round(base[:, 0] + rng.normal(0, JITTER_DEGREES, len(base)), 5)
    lats = np.round(base[:, 1] + rng.normal(0, JITTER_DEGREES, len(base)), 5)
    sectors = index.locate_many(lons, lats)
    keep = sectors >= 0
    return [
        Point(lon, lat, sector)
        for lon, lat, sector in zip(
            lons[keep][:count].tolist(),
            lats[keep][:count].tolist(),
            sectors[keep][:count].tolist(),
            strict=True,
        )
    ]


def locate_paths(index: SectorIndex, count: int = LOCATE_POINTS) -> list[str]:
    """Return ``/api/v1/locate`` paths for ``locate_points``."""
    return [point.path for point in locate_points(index, count)]


def one_path_per_sector(points: list[Point]) -> list[str]:
    """Return one locate path for every sector the points reach."""
    first: dict[int, str] = {}
    for point in points:
        first.setdefault(point.sector, point.path)
    return list(first.values())


# -- the server ----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _get(port: int, path: str, timeout: float = 5.0) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


class Server:
    """gunicorn running ``config.wsgi`` as ``make serve`` does; always stopped.

    By default with ``bench.settings`` on the SQLite demo database; ``env``
    adds to (or overrides) the production environment, ``ready_path`` is
    what it must answer 200 to once started.
    """

    def __init__(
        self,
        workers: int,
        *,
        settings_module: str = "bench.settings",
        database_url: str = DATABASE_URL,
        env: dict[str, str] | None = None,
        ready_path: str = FLOOR_PATH,
    ) -> None:
        self.workers = workers
        self.port = _free_port()
        self.log_path = WORK_DIR / "gunicorn.log"
        self.process: subprocess.Popen | None = None
        self.env = production_env(settings_module, database_url) | (env or {})
        self.ready_path = ready_path

    def __enter__(self) -> "Server":
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(self.workers),
            "--access-logfile",
            "-",
            "--log-level",
            "warning",
        ]
        WORK_DIR.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=subprocess.DEVNULL,  # the access log, as `make serve` writes
                stderr=log,
                start_new_session=True,  # its own process group, to stop it whole
            )
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited early:\n{self.log_tail()}")
            try:
                if _get(self.port, self.ready_path, timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn not ready in {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        process = self.process
        if process is None:
            return
        self.process = None
        if process.poll() is None:
            process.terminate()  # gunicorn: graceful shutdown of the workers
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
        # The workers share the master's process group (its id is the master's).
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def warm_up_rounds(sectors: int, workers: int) -> int:
    """Rounds over every sector after which at most one (worker, sector) pair
    is expected still to lack its memoised answer.

    Which sync worker accepts a connection is up to the kernel; with each round
    a worker misses a given sector with probability (1 - 1/workers).
    """
    if workers <= 1:
        return 2
    return math.ceil(math.log(sectors * workers) / math.log(workers / (workers - 1)))


# -- the benchmark -------------------------------------------------------------


def run(index: SectorIndex) -> None:
    section("(b) HTTP: GET /api/v1/locate against a bare Django JSON view")
    generator = loadgen.choose()
    points = locate_points(index)
    paths = [point.path for point in points]
    sector_paths = one_path_per_sector(points)
    rounds = warm_up_rounds(len(sector_paths), WORKERS)
    endpoints = {
        "floor": ("GET /bench/floor (JsonResponse)", [FLOOR_PATH]),
        "locate": ("GET /api/v1/locate", paths),
    }
    how = loadgen.describe(generator, SLICE_SECONDS)
    check = os.environ.get("BASHKESIA_TERRITORY_CHECK_SECONDS", "1 (default)")
    print(
        f"Server: gunicorn config.wsgi, {WORKERS} sync workers (WEB_CONCURRENCY), "
        f"127.0.0.1, access log on;\n        DJANGO_SETTINGS_MODULE=bench.settings "
        f"(config.settings.production + {FLOOR_PATH}), SQLite demo database,\n"
        f"        BASHKESIA_TERRITORY_CHECK_SECONDS={check}; no Accept-Language (sq).\n"
        f"Load: {how}; {WARMUP} s warm-up each, then {SLICES} x {SLICE_SECONDS} s "
        "per endpoint, interleaved (floor, locate, locate, floor, ...), same "
        "server.\n"
        f"Locate points: {len(paths):,} settlements of "
        f"{SETTLEMENTS_CSV.name} + N(0, {JITTER_DEGREES}°) jitter, all inside a "
        f"sector ({len(sector_paths)} sectors).",
        flush=True,
    )
    with Server(WORKERS) as server:
        for _, endpoint_paths in endpoints.values():
            status, body = _get(server.port, endpoint_paths[0])
            if status != 200:
                raise RuntimeError(f"{endpoint_paths[0]} -> {status}: {body[:300]!r}")
        # Each worker memoises the answer for a sector on first use; measure
        # that cold start, then warm every worker before the steady state.
        shuffle = random.Random(2012).shuffle
        cold_paths = sector_paths * WORKERS
        shuffle(cold_paths)
        cold = loadgen.fixed_list(server.port, cold_paths)
        warm_paths = sector_paths * (rounds - WORKERS)
        shuffle(warm_paths)
        started = time.perf_counter()
        warm = loadgen.fixed_list(server.port, warm_paths) if warm_paths else None
        warm_seconds = time.perf_counter() - started
        for _, endpoint_paths in endpoints.values():
            loadgen.run_load(generator, server.port, endpoint_paths, WARMUP)
        slices: dict[str, list[Load]] = {name: [] for name in endpoints}
        for number in range(SLICES):
            order = ["floor", "locate"] if number % 2 == 0 else ["locate", "floor"]
            for name in order:
                slices[name].append(
                    loadgen.run_load(
                        generator, server.port, endpoints[name][1], SLICE_SECONDS
                    )
                )
        results = {name: loadgen.merge(runs) for name, runs in slices.items()}
        if any(r.not_ok for r in [cold, *results.values()]) or (warm and warm.not_ok):
            print(f"\ngunicorn's log (tail):\n{server.log_tail()}")

    print(
        f"\nCold start (Python client, {CONNECTIONS} connections): each sector's "
        f"path {WORKERS}x (one per worker, spread by the kernel) right after start:"
        f"\n  {cold.requests:,} requests in {cold.seconds:.1f} s = {cold.rps:,.0f} "
        f"req/s, p50 {cold.p50_ms:.1f} ms, p99 {cold.p99_ms:.1f} ms, non-200 "
        f"{cold.not_ok}.\nMemo warm-up: {rounds} rounds in all over the "
        f"{len(sector_paths)} sectors ({len(warm_paths):,} more requests, "
        f"{warm_seconds:.1f} s{f', non-200 {warm.not_ok}' if warm else ''}), so "
        "that every worker has (expectedly) every sector's answer memoised."
    )
    print_table(
        f"Steady state, memos warm: requests per second and latency ({generator}, "
        f"{CONNECTIONS} connections, {SLICES} x {SLICE_SECONDS} s each; "
        "percentiles: request-weighted mean over the runs)",
        [
            "endpoint",
            "requests",
            "req/s",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "max ms",
            "bytes/resp",
            "non-200",
        ],
        [
            (
                label,
                f"{r.requests:,}",
                f"{r.rps:,.0f}",
                f"{r.p50_ms:.2f}",
                f"{r.p90_ms:.2f}",
                f"{r.p99_ms:.2f}",
                f"{r.max_ms:.1f}",
                f"{r.bytes_per_response:,.0f}",
                f"{r.not_ok:,}",
            )
            for name, (label, _) in endpoints.items()
            for r in [results[name]]
        ],
    )
    for name, r in results.items():
        if r.not_ok:
            bad = {s: n for s, n in r.statuses.items() if s != "200"}
            print(f"  {name}: non-200 statuses {bad}, errors {dict(r.errors)}")
    if cold.not_ok:
        print(f"  cold: statuses {dict(cold.statuses)}, errors {dict(cold.errors)}")
    print(
        "  req/s per run, in order: "
        + "; ".join(
            f"{name} " + " / ".join(f"{run.rps:,.0f}" for run in runs)
            for name, runs in slices.items()
        )
    )
    floor, locate = results["floor"], results["locate"]
    all_ok = not any(r and r.not_ok for r in (floor, locate, cold, warm))
    ratio = locate.rps / floor.rps if floor.rps else 0.0
    verdict = "MET" if ratio >= TARGET_RATIO else "MISSED"
    print(
        f"\nlocate/floor throughput: {ratio * 100:.0f}% (target "
        f"≥{TARGET_RATIO * 100:.0f}%) -> {verdict}. All 200: "
        f"{'yes' if all_ok else 'NO'}."
    )
    _in_process()


def _in_process() -> None:
    """Per-request cost without server or socket (``bench/profile_locate.py``)."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.profile_locate"],
        cwd=ROOT,
        env=production_env("bench.settings"),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    if result.returncode:
        print(f"\nbench.profile_locate failed:\n{result.stdout}\n{result.stderr}")
        return
    print(result.stdout.rstrip())
