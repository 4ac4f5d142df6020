"""Per-request cost of /api/v1/locate and of the floor, in process.

Calls Django's WSGI handler directly (what gunicorn calls, minus the socket and
the HTTP parsing), with the production settings of ``bench.settings``, and
times the locator's own steps. ``--profile`` adds a cProfile of the locate
requests. Run by ``bench/run.py`` in a subprocess with the bench environment;
by hand:

    DJANGO_SETTINGS_MODULE=bench.settings DJANGO_SECRET_KEY=x \\
    DATABASE_URL=sqlite:////tmp/bashkesia-bench.sqlite3 \\
    .venv/bin/python -m bench.profile_locate --profile
"""

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import time

import django

REQUESTS = 3_000
RUNS = 3


def _environ(path: str) -> dict:
    path_info, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_CONNECTION": "close",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", action="store_true", help="add a cProfile")
    parser.add_argument("--requests", type=int, default=REQUESTS)
    args = parser.parse_args()

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.http import HttpResponse
    from django.utils.translation import get_language

    from bashkesia.core import clock
    from bashkesia.territory.locator import locator

    from .floor_urls import FLOOR_PATH, NINJA_FLOOR_PATH
    from .http_bench import locate_points, one_path_per_sector
    from .table import print_table

    app = WSGIHandler()
    statuses: list[str] = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    def call(path: str) -> None:
        result = app(_environ(path), start_response)
        try:
            b"".join(result)
        finally:
            result.close()  # as a WSGI server does: request_finished

    index = locator.index()
    located = locate_points(index)
    paths = [point.path for point in located]
    points = [(point.lon, point.lat) for point in located]
    sector_paths = one_path_per_sector(located)

    def cold_pass() -> float:
        """µs per request when no sector's answer is memoised yet."""
        index.memo.clear()
        started = time.perf_counter()
        for path in sector_paths:
            call(path)
        return (time.perf_counter() - started) / len(sector_paths) * 1e6

    call(FLOOR_PATH)
    miss_us = statistics.median(cold_pass() for _ in range(RUNS))
    for path in paths:  # warm up: every sector's answer memoised
        call(path)
    call(FLOOR_PATH)
    bad = [s for s in statuses if not s.startswith("200")]
    if bad:
        raise SystemExit(f"non-200 answers while warming up: {bad[:5]}")

    n = min(args.requests, len(paths))
    ninja_paths = [
        NINJA_FLOOR_PATH + "?" + path.partition("?")[2] for path in paths[:n]
    ]
    call(ninja_paths[0])

    def timed(function, items) -> float:
        runs = []
        for _ in range(RUNS):
            started = time.perf_counter()
            for item in items:
                function(item)
            runs.append((time.perf_counter() - started) / len(items))
        return statistics.median(runs) * 1e6

    floor_us = timed(call, [FLOOR_PATH] * n)
    ninja_us = timed(call, ninja_paths)
    locate_us = timed(call, paths[:n])
    body = b"x" * 4_000
    parts = {
        "locator.index() (freshness check)": timed(lambda _: locator.index(), range(n)),
        "index.locate(lon, lat)": timed(lambda p: index.locate(*p), points[:n]),
        "clock.today() (memo key)": timed(lambda _: clock.today(), range(n)),
        "get_language() (memo key)": timed(lambda _: get_language(), range(n)),
        "HttpResponse(body)": timed(
            lambda _: HttpResponse(body, content_type="application/json"), range(n)
        ),
    }
    bad = [s for s in statuses if not s.startswith("200")]
    if bad:
        raise SystemExit(f"non-200 answers: {bad[:5]}")

    def share(us: float) -> str:
        return f"{us / locate_us * 100:.0f}%"

    rows = [
        (
            "GET /bench/floor (Django JsonResponse view)",
            f"{floor_us:.0f}",
            share(floor_us),
        ),
        (
            f"GET {NINJA_FLOOR_PATH}?lat&lon (ninja, same params, constant body)",
            f"{ninja_us:.0f}",
            share(ninja_us),
        ),
        ("GET /api/v1/locate (memoised answer)", f"{locate_us:.0f}", "100%"),
        (
            "  above the Django floor",
            f"{locate_us - floor_us:.0f}",
            share(locate_us - floor_us),
        ),
        (
            "    ninja above the Django floor",
            f"{ninja_us - floor_us:.0f}",
            share(ninja_us - floor_us),
        ),
        (
            "    locate view above the ninja floor",
            f"{locate_us - ninja_us:.0f}",
            share(locate_us - ninja_us),
        ),
    ]
    rows += [(f"      {label}", f"{us:.1f}", share(us)) for label, us in parts.items()]
    rest = locate_us - ninja_us - sum(parts.values())
    rows.append(
        (
            "      rest (deeper URL resolution, view glue, memo get)",
            f"{rest:.1f}",
            share(rest),
        )
    )
    rows.append(
        (
            "GET /api/v1/locate, memo miss (a sector's first request)",
            f"{miss_us:,.0f}",
            f"{miss_us / locate_us:,.1f}x",
        )
    )
    print_table(
        f"In process: Django's WSGIHandler called directly ({n:,} requests, "
        f"median of {RUNS} runs; no socket, no HTTP parsing, no access log)",
        ["step", "µs/request", "of locate"],
        rows,
    )
    print(
        f"A cold worker pays {miss_us / 1e3:.1f} ms x {len(sector_paths)} sectors = "
        f"{miss_us * len(sector_paths) / 1e6:.1f} s of CPU per language to memoise "
        "every answer again (after start, each territory revision, each day)."
    )
    print(
        f"In-process ceiling per core: floor {1e6 / floor_us:,.0f} req/s, "
        f"locate {1e6 / locate_us:,.0f} req/s "
        f"(locate/floor {floor_us / locate_us * 100:.0f}%)."
    )

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for path in paths[:n]:
            call(path)
        profiler.disable()
        for order in ("tottime", "cumulative"):
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.strip_dirs().sort_stats(order).print_stats(30)
            print(f"\ncProfile of {n:,} locate requests, by {order}:")
            print(out.getvalue())


if __name__ == "__main__":
    main()
