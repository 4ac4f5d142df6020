"""``make bench``: every benchmark of Bashkësia, and the machine it ran on.

(a) the in-process sector locator (``bench/locator.py``), on the demo sectors
    and on a synthetic territory ten times finer;
(b) ``GET /api/v1/locate`` under gunicorn, side by side with a bare Django JSON
    view (``bench/http_bench.py``), then the same two in process
    (``bench/profile_locate.py``).

A throwaway SQLite database with the demo data is made first
(``bench/demo_db.py``). Knobs (environment, defaults in brackets):
WEB_CONCURRENCY (3), BENCH_DURATION (10 s per endpoint), BENCH_SLICES (2),
BENCH_WARMUP (3 s), BENCH_CONNECTIONS (16), BENCH_LOADGEN (auto|wrk|python),
BENCH_REUSE_DB=1 (keep the database), BENCH_ONLY (locator|http|pages).
(c) the public pages' server time, in process (``bench/pages.py``).
"""

import os
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# `python bench/run.py` puts bench/ first on sys.path; the project root belongs
# there instead (bench/ modules are imported as the `bench` package).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))


def _stop_on_sigterm(signum, frame):
    raise SystemExit(128 + signum)  # unwinds, so servers are stopped


def _clean_test_dirs_at_exit() -> None:
    """config.settings.test makes empty temporary media/static directories."""
    import atexit
    import contextlib
    import tempfile

    from django.conf import settings

    def clean() -> None:
        for directory in (settings.MEDIA_ROOT, settings.STATIC_ROOT):
            path = Path(directory)
            if path.parent == Path(tempfile.gettempdir()) and path.name.startswith(
                ("bashkesia-media-", "bashkesia-static-")
            ):
                with contextlib.suppress(OSError):
                    path.rmdir()  # only when empty

    atexit.register(clean)


def main() -> None:
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    started = time.perf_counter()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

    from bench import demo_db, machine
    from bench.table import print_table, section

    section("Bashkësia benchmarks (make bench)")
    print_table("Machine", ["", ""], machine.describe())
    print()
    demo_db.prepare()

    # This process reads the demo sectors through the ORM.
    os.environ["DATABASE_URL"] = demo_db.DATABASE_URL
    import django

    django.setup()
    _clean_test_dirs_at_exit()
    from bench import http_bench, locator
    from bench import pages as pages_bench

    only = os.environ.get("BENCH_ONLY", "")
    rows = locator.demo_rows()
    if only in ("", "locator"):
        with machine.CpuMeter() as meter:
            index = locator.run(rows)
        print(meter.report())
    else:
        from bashkesia.territory.locator import SectorIndex

        index = SectorIndex.build(rows)
    if only in ("", "http"):
        with machine.CpuMeter() as meter:
            http_bench.run(index)
        print(meter.report())
    if only in ("", "pages"):
        section("(c) Public pages: server time")
        pages_bench.run()
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(
        f"\nmake bench: done in {time.perf_counter() - started:.0f} s "
        f"(load average now {load})."
    )


if __name__ == "__main__":
    main()
