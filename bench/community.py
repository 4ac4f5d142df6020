"""The community-policing figures over a million concerns in PostgreSQL.

Given a PostgreSQL demo database that holds the concerns already
(``bench/inbox.py``'s ``fill`` makes them: five years of them), ``main``
first times the rollup's writes with the production settings: every month
recomputed (``community_months_refresh`` of ``community_months_all``, what
``refresh_community_figures --all`` and ``load_demo`` do), the current month
alone (what the background refresh mostly recomputes) and the scan for
changed months (``community_months_changed``, part of the daily command).
Then the reads: ``community_figures`` for Kosovo, a region (Prizren), a
station with its substations (PRZ) and a sector (PRZ-01), over 1 month (the
current one), 12 months and 5 years: the first call, then
BENCH_COMMUNITY_CALLS (50) warm calls each, p50 and p95 in ms, and the
queries of one call. Server time is what a view spends on them; the target
is national and regional figures under 50 ms. By hand, on a database filled
already:

    DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=x \\
    DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_HTTPS=0 \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bashkesia_inbox \\
    DJANGO_STATIC_ROOT=/tmp/bashkesia-bench/static .venv/bin/python -m bench.community
"""

import os
import statistics
import time

CALLS = int(os.environ.get("BENCH_COMMUNITY_CALLS") or 50)
TARGET_MS = 50.0
RANGES = [("1 month", 1), ("12 months", 12), ("5 years", 60)]


def _percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[max(0, int(len(sorted_values) * share + 0.5) - 1)]


def _timed(call) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def main() -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bashkesia.concerns.models import Concern
    from bashkesia.core import clock
    from bashkesia.stats.community import (
        community_figures,
        community_months_all,
        community_months_changed,
        community_months_refresh,
    )
    from bashkesia.stats.community.months import month_add, month_start
    from bashkesia.territory.models import Region, Sector, Station

    from .table import print_table

    if connection.vendor != "postgresql":
        raise SystemExit("bench.community measures PostgreSQL (DATABASE_URL).")
    version = connection.cursor().connection.info.server_version
    total = Concern.objects.count()
    print(
        f"Database {connection.settings_dict['NAME']} on PostgreSQL "
        f"{version // 10000}.{version % 10000}: {total:,} concerns. "
        "Community-policing figures, production settings, in process.",
        flush=True,
    )
    months = community_months_all()
    writes = []
    seconds, rows = _timed(lambda: community_months_refresh(months=months))
    writes.append(
        [f"every month ({len(months)}: refresh --all)", rows, f"{seconds:.0f}"]
    )
    current = month_start(clock.today())
    seconds, rows = _timed(lambda: community_months_refresh(months=[current]))
    writes.append(["the current month", rows, f"{seconds:.0f}"])
    seconds, changed = _timed(community_months_changed)
    writes.append(["scan for changed months", len(changed), f"{seconds:.0f}"])
    print_table("Rollup writes, ms", ["what", "rows / months", "ms"], writes)

    region = Region.objects.filter(slug="prizren").first() or Region.objects.first()
    station = Station.objects.filter(code="PRZ").first() or Station.objects.first()
    sector = Sector.objects.filter(code="PRZ-01").first() or Sector.objects.first()
    scopes = [
        ("Kosovo", {}, True),
        (f"region {region.code}", {"region": region}, True),
        (f"station {station.code} (+ substations)", {"station": station}, False),
        (f"sector {sector.code}", {"sector": sector}, False),
    ]
    today = clock.today()
    table, worst = [], 0.0
    for label, scope, targeted in scopes:
        for span, count in RANGES:
            arguments = {
                **scope,
                "start": month_add(month_start(today), 1 - count),
                "end": today,
            }

            def call(arguments=arguments):
                return community_figures(**arguments)

            first, figures = _timed(call)
            with CaptureQueriesContext(connection) as captured:
                call()
            times = sorted(_timed(call)[0] for _ in range(CALLS))
            p50, p95 = statistics.median(times), _percentile(times, 0.95)
            if targeted:
                worst = max(worst, p95)
            table.append(
                [
                    label,
                    span,
                    f"{figures.concerns_received:,}",
                    len(captured.captured_queries),
                    f"{first:.1f}",
                    f"{p50:.1f}",
                    f"{p95:.1f}",
                    "" if targeted else "(not targeted)",
                ]
            )
    print_table(
        f"community_figures, ms ({CALLS} warm calls each; queries of one call)",
        ["scope", "range", "received", "queries", "first", "p50", "p95", ""],
        table,
    )
    verdict = "MET" if worst < TARGET_MS else "MISSED"
    print(
        f"\nTarget: national and regional figures for any range under "
        f"{TARGET_MS:.0f} ms: worst p95 {worst:.1f} ms -> {verdict}."
    )


def run(database_url: str) -> None:
    """Run ``main`` in a subprocess with the production environment, on a
    PostgreSQL database holding the demo data and the concerns."""
    from .demo_db import run_module

    run_module("bench.community", database_url)


if __name__ == "__main__":
    main()
