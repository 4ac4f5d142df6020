"""General statistics with ten years of daily figures for every station and
1,000,000 concerns in PostgreSQL: server time of series, and the widget.

``fill`` writes BENCH_STATS_YEARS (10) years of confirmed daily figures for
every station (one ``INSERT ... SELECT generate_series``; values drawn from a
hash of station and day, in the glossary's magnitudes), replacing the demo's.
``main`` then rebuilds the regional and national sums with the product's own
``daily_totals_rebuild`` (timed), and calls Django's WSGI handler in process
with the production settings (like ``bench/pages.py``): the API's series and
CSV and the public statistics page, for Kosovo, a region and a station over
30 days, a year and ten years (the first request, then BENCH_STATS_REQUESTS
(100) warm ones each, p50 and p95), and what the widget costs a page view
(its warm read, and the queries of a warm home page with and without it).
The community-policing figures follow (``bench/community.py``) when the
database holds the concerns. By hand, on a database filled already:

    DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=x \\
    DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_HTTPS=0 \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bashkesia_inbox \\
    DJANGO_STATIC_ROOT=/tmp/bashkesia-bench/static .venv/bin/python -m bench.stats
"""

import datetime
import os
import statistics
import time

YEARS = int(os.environ.get("BENCH_STATS_YEARS") or 10)
REQUESTS = int(os.environ.get("BENCH_STATS_REQUESTS") or 100)
TARGET_MS = 50.0

# Each figure: a station's mean per day before weighting, and its spread.
FILL_SQL = """
DELETE FROM stats_correction;
DELETE FROM stats_dailytotal;
DELETE FROM stats_dailystatistics;
WITH stations AS (
    SELECT s.id, 0.5 + (hashint4(s.id::int) & 1023) / 1023.0 * 1.5 AS weight
    FROM territory_station s
), days AS (
    SELECT d::date AS day FROM generate_series(
        %(first)s::date, %(last)s::date, interval '1 day') AS d
), cells AS (
    SELECT st.id AS station_id, days.day, st.weight,
           hashtext(st.id::text || days.day::text) AS h,
           CASE WHEN extract(isodow FROM days.day) IN (5, 6) THEN 1.3 ELSE 1.0
           END AS weekend,
           CASE WHEN extract(month FROM days.day) IN (6, 7, 8) THEN 1.25 ELSE 1.0
           END AS summer
    FROM stations st CROSS JOIN days
)
INSERT INTO stats_dailystatistics (
    station_id, day, status, entered_at, confirmed_at, is_demo,
    fatal_accidents, injury_accidents, noninjury_accidents, traffic_tickets,
    arrests, in_custody, police_detention, sent_to_serve_sentence)
SELECT station_id, day, 'confirmed', now(), now(), false,
    CASE WHEN (h & 255) < 6 THEN 1 ELSE 0 END,
    floor(weight * weekend * summer * ((h >> 8) & 15) / 15.0 * 0.8)::int,
    floor(weight * weekend * summer * ((h >> 12) & 15) / 15.0 * 1.4)::int,
    floor(weight * (2 - weekend) * ((h >> 16) & 255) / 255.0 * 60)::int,
    floor(weight * ((h >> 24) & 15) / 15.0 * 0.8)::int,
    floor(weight * ((h >> 4) & 7) / 7.0 * 0.4)::int,
    floor(weight * ((h >> 20) & 7) / 7.0 * 0.3)::int,
    floor(weight * ((h >> 28) & 3) / 3.0 * 0.2)::int
FROM cells;
"""


def fill(database_url: str, years: int = YEARS) -> str:
    """Replace the daily figures with ``years`` years for every station,
    up to yesterday; return what it took."""
    import psycopg

    started = time.perf_counter()
    last = datetime.datetime.now(datetime.UTC).date() - datetime.timedelta(days=1)
    first = last - datetime.timedelta(days=round(365.25 * years) - 1)
    with psycopg.connect(database_url, autocommit=True) as connection:
        with connection.transaction():
            connection.execute(
                FILL_SQL % {"first": f"'{first}'", "last": f"'{last}'"}  # noqa: S608
            )
        connection.execute("VACUUM ANALYZE stats_dailystatistics")
        rows = connection.execute(
            "SELECT count(*) FROM stats_dailystatistics"
        ).fetchone()[0]
    return (
        f"{rows:,} station-days ({years} years, {first} to {last}) written in "
        f"{time.perf_counter() - started:.1f} s"
    )


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share) - 1)]


def main() -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import NoReverseMatch, reverse

    from bashkesia.stats import selectors, services
    from bashkesia.stats.params import years_after
    from bashkesia.stats.widget import bulletin
    from config.wsgi import application as app

    from .profile_locate import _environ
    from .table import print_table

    started = time.perf_counter()
    services.daily_totals_rebuild()
    rebuilt = time.perf_counter() - started
    published = selectors.published_day()
    if published is None:
        raise SystemExit("bench.stats: no published day after the fill.")
    print(
        f"Sums per region and for Kosovo rebuilt from the station-days by "
        f"daily_totals_rebuild in {rebuilt:.1f} s; published day {published}. "
        f"Server time: Django's WSGI handler in process, production settings, "
        f"anonymous; the first request, then {REQUESTS} warm requests each.",
        flush=True,
    )
    statuses: list[str] = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    def call(path: str) -> float:
        began = time.perf_counter()
        result = app(_environ(path), start_response)
        try:
            b"".join(result)
        finally:
            result.close()
        return (time.perf_counter() - began) * 1000

    try:
        page = reverse("stats:statistics", kwargs={}).replace("/sq/", "/en/", 1)
    except NoReverseMatch:
        page = ""
    spans = [
        ("30 days", datetime.timedelta(days=29)),
        ("1 year", datetime.timedelta(days=364)),
        # The longest range one request may ask for: ten years to the day.
        ("10 years", published - years_after(published, -10) - datetime.timedelta(1)),
    ]
    scopes = [
        ("Kosovo", ""),
        ("region PR", "&region=PR"),
        ("station PRZ", "&station=PRZ"),
    ]
    paths = []
    for scope_label, scope in scopes:
        for span_label, span in spans:
            start = published - span
            query = f"from={start}&to={published}{scope}"
            paths.append(
                (
                    f"API series, {scope_label}, {span_label}",
                    f"/api/v1/stats/daily?{query}",
                )
            )
            if page:
                paths.append((f"page, {scope_label}, {span_label}", f"{page}?{query}"))
    paths.append(
        (
            "API CSV, Kosovo, 10 years",
            f"/api/v1/stats/daily.csv?from={published - spans[2][1]}&to={published}",
        )
    )
    call("/en/")
    rows, worst = [], 0.0
    for label, path in paths:
        statuses.clear()
        first = call(path)
        times = [call(path) for _ in range(REQUESTS)]
        if any(not status.startswith("200") for status in statuses):
            raise SystemExit(f"bench.stats: {path} answered {statuses[0]}")
        p50, p95 = statistics.median(times), _percentile(times, 0.95)
        if "Kosovo" in label or "region" in label:
            worst = max(worst, p95)
        rows.append([label, f"{first:.1f}", f"{p50:.1f}", f"{p95:.1f}"])
    print_table(
        f"Statistics server time, ms ({REQUESTS} warm requests each)",
        ["what", "first", "p50", "p95"],
        rows,
    )
    verdict = "MET" if worst < TARGET_MS else "MISSED"
    print(
        f"\nTarget: any national or regional series under {TARGET_MS:.0f} ms "
        f"server time: worst p95 {worst:.1f} ms -> {verdict}."
    )
    # The widget: a warm read, and a warm home page's queries.
    bulletin.get()
    began = time.perf_counter()
    for _ in range(10_000):
        bulletin.get()
    per_read = (time.perf_counter() - began) / 10_000 * 1e6
    call("/en/")
    with CaptureQueriesContext(connection) as captured:
        call("/en/")
    home = [call("/en/") for _ in range(REQUESTS)]
    print(
        f"Widget: a warm read costs {per_read:.2f} µs and no query (the "
        f"revision is checked at most once a second); a warm home page with "
        f"it ran {len(captured.captured_queries)} queries, p50 "
        f"{statistics.median(home):.2f} ms."
    )


def run(database_url: str) -> None:
    """Fill, then run ``main`` in a subprocess with the production
    environment."""
    from .demo_db import run_module

    print(fill(database_url) + ".", flush=True)
    run_module("bench.stats", database_url)
    from . import community

    community.run(database_url)


if __name__ == "__main__":
    main()
