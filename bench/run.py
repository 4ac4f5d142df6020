"""``make bench``: every benchmark of Bashkësia, and the machine it ran on.

(a) the in-process sector locator (``bench/locator.py``), on the demo sectors
    and on a synthetic territory ten times finer;
(b) ``GET /api/v1/locate`` under gunicorn, side by side with a bare Django JSON
    view (``bench/http_bench.py``), then the same two in process
    (``bench/profile_locate.py``);
(c) the public pages' server time, in process (``bench/pages.py``);
(d) concern submissions per second, ``POST /api/v1/concerns`` under gunicorn
    with the production settings, on SQLite and on PostgreSQL
    (``bench/submit.py``);
(e) a station's inbox with a million concerns in PostgreSQL, server time in
    process (``bench/inbox.py``);
(f) the general statistics with ten years of daily figures for every station
    and those million concerns in PostgreSQL: series, downloads and the
    widget (``bench/stats.py``), and the community-policing figures
    (``bench/community.py``).

A throwaway SQLite database with the demo data is made first
(``bench/demo_db.py``); (d) writes to a copy of it. (d) and (e) start a
throwaway PostgreSQL cluster with the demo data when ``initdb`` and
``pg_ctl`` are found (``scripts/pgcluster.py``), and skip their PostgreSQL
parts, saying so, when not. Knobs (environment, defaults in brackets):
WEB_CONCURRENCY (3), BENCH_DURATION (10 s per endpoint or database),
BENCH_SLICES (2), BENCH_WARMUP (3 s), BENCH_CONNECTIONS (16),
BENCH_LOADGEN (auto|wrk|python), BENCH_REUSE_DB=1 (keep the SQLite database),
BENCH_ONLY (any of locator, http, pages, submit, inbox, stats; comma-separated),
BENCH_INBOX_CONCERNS (1000000), BENCH_INBOX_REQUESTS (200 per case),
BENCH_INBOX_EXPLAIN=1 (query plans of the inbox's slowest queries).
"""

import contextlib
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


PARTS = ("locator", "http", "pages", "submit", "inbox", "stats")


def main() -> None:
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    started = time.perf_counter()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    only = {part.strip() for part in os.environ.get("BENCH_ONLY", "").split(",")}
    only.discard("")
    if only - set(PARTS):
        raise SystemExit(f"BENCH_ONLY: choose among {', '.join(PARTS)}")

    def wanted(part: str) -> bool:
        return not only or part in only

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

    rows = locator.demo_rows()
    if wanted("locator"):
        with machine.CpuMeter() as meter:
            index = locator.run(rows)
        print(meter.report())
    else:
        from bashkesia.territory.locator import SectorIndex

        index = SectorIndex.build(rows)
    if wanted("http"):
        with machine.CpuMeter() as meter:
            http_bench.run(index)
        print(meter.report())
    if wanted("pages"):
        section("(c) Public pages: server time")
        pages_bench.run()
    if wanted("submit") or wanted("inbox") or wanted("stats"):
        _writes_and_postgres(index, wanted)
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(
        f"\nmake bench: done in {time.perf_counter() - started:.0f} s "
        f"(load average now {load})."
    )


def _writes_and_postgres(index, wanted) -> None:
    """(d) submissions on SQLite and PostgreSQL, (e) the inbox and (f) the
    statistics on PostgreSQL: one throwaway PostgreSQL cluster for all, and
    one database of a million concerns for (e) and (f)."""
    from bench import demo_db, loadgen, machine, submit
    from bench import inbox as inbox_bench
    from bench import stats as stats_bench
    from bench.http_bench import WORKERS
    from bench.table import section

    found = demo_db.postgres_found()
    skipped = (
        "PostgreSQL not found (initdb and pg_ctl, on PATH or in "
        "/usr/lib/postgresql/*/bin): skipping {}."
    )
    with contextlib.ExitStack() as stack:
        postgres_url = concerns_url = None
        if wanted("submit"):
            section("(d) Concern submissions: POST /api/v1/concerns under gunicorn")
            part_started = time.perf_counter()
            generator = loadgen.choose()
            codes = submit.categories()
            posts = submit.bodies(index, codes)
            print(
                "Server: gunicorn config.wsgi, config.settings.production, "
                f"{WORKERS} sync workers (WEB_CONCURRENCY), access "
                "log on, BASHKESIA_CONCERNS_PER_HOUR raised (one address posts "
                f"all).\nLoad: {submit.describe(generator)}.\nBodies: "
                f"{len(posts)} anonymous concerns (language en) at settlements + "
                f"~1 km inside demo sectors, categories {', '.join(codes)}.",
                flush=True,
            )
            results, meters = [], []
            with machine.CpuMeter() as meter:
                copy = demo_db.sqlite_copy("submit")
                try:
                    results.append(
                        submit.measure("SQLite (WAL)", copy, posts, generator)
                    )
                finally:
                    demo_db.sqlite_remove(copy)
            meters.append(f"SQLite run: {meter.report()}")
            if found:
                postgres_url = stack.enter_context(demo_db.postgres())
                copy = demo_db.postgres_copy(postgres_url, "bashkesia_submit")
                with machine.CpuMeter(server="PostgreSQL's") as meter:
                    results.append(submit.measure("PostgreSQL", copy, posts, generator))
                meters.append(f"PostgreSQL run: {meter.report()}")
            submit.report(results, generator)
            if not found:
                print(skipped.format("the PostgreSQL run"))
            print("\n".join(meters))
            print(f"(d) took {time.perf_counter() - part_started:.0f} s.")
        if wanted("inbox"):
            section(
                f"(e) A station's inbox with {inbox_bench.CONCERNS:,} concerns "
                "in PostgreSQL: server time"
            )
            if not found:
                print(skipped.format("the inbox benchmark"))
                return
            part_started = time.perf_counter()
            if postgres_url is None:
                postgres_url = stack.enter_context(demo_db.postgres())
            concerns_url = demo_db.postgres_copy(postgres_url, "bashkesia_inbox")
            print(inbox_bench.fill(concerns_url) + ".", flush=True)
            with machine.CpuMeter(server="PostgreSQL's") as meter:
                inbox_bench.run(concerns_url)
            print(meter.report())
            print(f"(e) took {time.perf_counter() - part_started:.0f} s.")
        if wanted("stats"):
            section(
                f"(f) General statistics: {stats_bench.YEARS} years of daily "
                f"figures and {inbox_bench.CONCERNS:,} concerns in PostgreSQL"
            )
            if not found:
                print(skipped.format("the statistics benchmark"))
                return
            part_started = time.perf_counter()
            if concerns_url is None:
                if postgres_url is None:
                    postgres_url = stack.enter_context(demo_db.postgres())
                concerns_url = demo_db.postgres_copy(postgres_url, "bashkesia_inbox")
                print(inbox_bench.fill(concerns_url) + ".", flush=True)
            with machine.CpuMeter(server="PostgreSQL's") as meter:
                stats_bench.run(concerns_url)
            print(meter.report())
            print(f"(f) took {time.perf_counter() - part_started:.0f} s.")


if __name__ == "__main__":
    main()
