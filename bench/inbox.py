"""A station's inbox with a million concerns in PostgreSQL: server time.

``fill`` puts BENCH_INBOX_CONCERNS (1,000,000) concerns into a PostgreSQL
demo database in one ``INSERT ... SELECT generate_series`` per core (plain
indexes dropped meanwhile and rebuilt after, foreign-key triggers off: the
rows are made consistent), then ``VACUUM ANALYZE``, which marks every page
all-visible, as autovacuum keeps a table that lives this long. The mix:

- sectors weighted by their municipality's population shared among its
  sectors, plus a floor (station PRZ, the demo commander's, holds ~9 %);
- 96 % closed (82 % resolved, 8 % referred, 4 % not a police matter,
  2 % duplicates) submitted evenly over five years; 4 % open, recent
  (new ones a couple of days old, those in work about ten days, some
  past their targets);
- categories weighted (traffic and noise most), 70 % of the handled ones
  assigned to an officer of the sector; tracking codes unique (a bijection
  of the row number), no history rows.

``main`` then calls Django's WSGI handler in process (what gunicorn calls,
minus socket and HTTP parsing; like ``bench/pages.py``) with the production
settings, signed in as a demo user (second factor passed, cookies kept as a
browser keeps them), for ``GET /en/staff/concerns/`` with the default and the
common filters: the first request, then BENCH_INBOX_REQUESTS (200) warm
requests each, p50 and p95; the queries of one request, their total and the
slowest. Then where the time of the default page goes (the page rendered
without its template, with the filter form alone, without its rows).
BENCH_INBOX_EXPLAIN=1 adds the ``EXPLAIN ANALYZE`` of each case's slowest
query. By hand, on a database filled already:

    DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=x \\
    DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_HTTPS=0 \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bashkesia_inbox \\
    DJANGO_STATIC_ROOT=/tmp/bashkesia-bench/static .venv/bin/python -m bench.inbox
"""

import io
import os
import statistics
import sys
import threading
import time
from urllib.parse import urlencode

CONCERNS = int(os.environ.get("BENCH_INBOX_CONCERNS") or 1_000_000)
REQUESTS = int(os.environ.get("BENCH_INBOX_REQUESTS") or 200)
EXPLAIN = os.environ.get("BENCH_INBOX_EXPLAIN") == "1"
TARGET_MS = 50.0
INBOX = "/en/staff/concerns/"

# (user, what, filters, counts towards the target): the station commander of
# PRZ (12 sectors with its substations), a sector officer of PRZ-01, and, for
# comparison only, the directorate, who reads all of Kosovo.
CASES = [
    ("commander", "default (all, newest first)", {}, True),
    ("commander", "open", {"status": "open"}, True),
    ("commander", "overdue", {"overdue": "on"}, True),
    ("commander", "new (submitted)", {"status": "submitted"}, True),
    ("commander", "referred", {"status": "referred"}, True),
    ("commander", "sector PRZ-02", {"sector": "PRZ-02"}, True),
    ("commander", "category vandalism", {"category": "vandalism"}, True),
    ("commander", "category illegal-weapons", {"category": "illegal-weapons"}, True),
    (
        "commander",
        "open, traffic-safety",
        {"status": "open", "category": "traffic-safety"},
        True,
    ),
    ("commander", "page 2", {"page": "2"}, True),
    ("commander", "page 20", {"page": "20"}, True),
    ("officer", "default (all, newest first)", {}, True),
    ("officer", "open", {"status": "open"}, True),
    ("officer", "overdue", {"overdue": "on"}, True),
    ("officer", "assigned to me", {"mine": "on"}, True),
    ("officer", "page 2", {"page": "2"}, True),
    ("directorate", "default (all of Kosovo)", {}, False),
]


# -- the data ----------------------------------------------------------------

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # services.CODE_ALPHABET
HALF = len(ALPHABET) ** 6  # six characters
# i -> (i * MULTIPLIER + 7) mod 31**6 is a bijection (the multiplier is prime
# to 31): the first half of the code alone is unique up to 887,503,681 rows.
MULTIPLIER, SCRAMBLE = 594_823_321, 29_401_753


def _code_sql(number: str) -> str:
    """SQL for a tracking code ``XXXX-XXXX-XXXX`` unique to row ``number``."""

    def digits(value: str) -> list[str]:
        return [
            f"substr('{ALPHABET}', (({value}) / {31**k} % 31)::int + 1, 1)"
            for k in range(6)
        ]

    chars = digits(f"({number} * {MULTIPLIER} + 7) % {HALF}")
    chars += digits(f"({number} * {SCRAMBLE} + 123456789) % {HALF}")
    groups = [" || ".join(chars[i : i + 4]) for i in (0, 4, 8)]
    return " || '-' || ".join(f"({group})" for group in groups)


DESCRIPTIONS = [
    "Makinat kalojnë me shpejtësi të madhe pranë shkollës çdo mëngjes.",
    "Zhurmë e madhe nga lokali deri vonë natën, fqinjët nuk flenë dot.",
    "Dikush theu dritat e rrugës dhe kontejnerët e mbeturinave.",
    "Automjete të parkuara në trotuar, fëmijët ecin në rrugë.",
    "Qen endacakë sulmojnë kalimtarët pranë parkut.",
    "Persona të dyshimtë vërtiten natën rreth shtëpive të zbrazëta.",
]
CATEGORY_WEIGHTS = {
    "traffic-safety": 20,
    "public-order-noise": 18,
    "theft-burglary": 12,
    "vandalism": 10,
    "suspicious-activity": 8,
    "stray-animals": 8,
    "street-lighting": 6,
    "drugs": 5,
    "school-safety": 4,
    "other": 3,
    "youth-at-risk": 2,
    "domestic-violence": 2,
    "illegal-weapons": 2,
}
OPEN = "('submitted', 'acknowledged', 'in_progress', 'reopened')"

FILL_SQL = """
WITH
municipality_population AS (
  SELECT municipality_id, sum(population) AS population
  FROM territory_settlement GROUP BY municipality_id
),
municipality_sectors AS (
  SELECT municipality_id, count(*) AS sectors FROM territory_sector
  GROUP BY municipality_id
),
sector_weight AS (
  SELECT s.id, 2000 + coalesce(mp.population, 0)::float / ms.sectors AS weight
  FROM territory_sector s
  JOIN municipality_sectors ms USING (municipality_id)
  LEFT JOIN municipality_population mp USING (municipality_id)
),
-- A sector appears in these slots in proportion to its weight.
sector_slots AS (
  SELECT array_agg(id) AS ids FROM (
    SELECT id, generate_series(1, greatest(1, round(
      weight / (SELECT sum(weight) FROM sector_weight) * 100000)::int))
    FROM sector_weight
  ) AS slots
),
category_slots AS (
  SELECT array_agg(id) AS ids FROM (
    SELECT c.id, generate_series(1, coalesce(w.weight, 3))
    FROM concerns_category c LEFT JOIN (VALUES %(category_weights)s)
      AS w(code, weight) USING (code)
  ) AS slots
),
sector_officers AS (
  SELECT sector_id, array_agg(DISTINCT officer_id) AS ids
  FROM officers_sectorassignment GROUP BY sector_id
),
drawn AS (
  SELECT
    i,
    s.ids[1 + floor(random() * cardinality(s.ids))::int] AS sector_id,
    c.ids[1 + floor(random() * cardinality(c.ids))::int] AS category_id,
    random() AS r_status, random() AS r_age, random() AS r_ack,
    random() AS r_close, random() AS r_who, random() AS r_lang,
    random() AS r_text, random() AS r_lat, random() AS r_lon,
    random() AS r_source, random() AS r_assign
  FROM generate_series(%(first)s::bigint, %(last)s::bigint) AS i,
    sector_slots s, category_slots c
),
shaped AS (
  SELECT d.*,
    CASE
      WHEN r_status < 0.015 THEN 'submitted'
      WHEN r_status < 0.025 THEN 'acknowledged'
      WHEN r_status < 0.037 THEN 'in_progress'
      WHEN r_status < 0.040 THEN 'reopened'
      WHEN r_status < 0.860 THEN 'resolved'
      WHEN r_status < 0.940 THEN 'referred'
      WHEN r_status < 0.980 THEN 'not_police'
      ELSE 'duplicate'
    END AS status,
    %(now)s::timestamptz - CASE
      WHEN r_status < 0.015 THEN -ln(1 - r_age) * interval '2 days'
      WHEN r_status < 0.040 THEN -ln(1 - r_age) * interval '10 days'
      ELSE r_age * interval '1826 days'
    END AS submitted_at
  FROM drawn d
),
placed AS (
  SELECT sh.*, category.is_sensitive,
    sector.centre_latitude + (sh.r_lat - 0.5) * 0.02 AS latitude,
    sector.centre_longitude + (sh.r_lon - 0.5) * 0.03 AS longitude,
    CASE WHEN sh.status <> 'submitted' THEN least(%(now)s::timestamptz,
      sh.submitted_at + (0.2 - ln(1 - sh.r_ack) * 8) * interval '1 hour')
    END AS acknowledged_at,
    CASE WHEN sh.status NOT IN %(open)s THEN least(%(now)s::timestamptz,
      sh.submitted_at + (0.5 - ln(1 - sh.r_close) * 6) * interval '1 day')
    END AS closed_at,
    CASE WHEN sh.status <> 'submitted' AND sh.r_assign < 0.7
      THEN officers.ids[1 + floor(sh.r_assign / 0.7 * cardinality(officers.ids))::int]
    END AS assigned_to_id,
    (%(descriptions)s)[1 + floor(sh.r_text * %(description_count)s)::int]
      || ' (#' || sh.i || ')' AS description,
    %(code)s AS tracking_code
  FROM shaped sh
  JOIN territory_sector sector ON sector.id = sh.sector_id
  JOIN concerns_category category ON category.id = sh.category_id
  LEFT JOIN sector_officers officers ON officers.sector_id = sh.sector_id
)
INSERT INTO concerns_concern (
  created_at, updated_at, tracking_code, category_id, description, answers,
  public_description, latitude, longitude, address, sector_id, status,
  is_hidden, assigned_to_id, duplicate_of_id, referred_to, is_anonymous,
  reporter_name, reporter_email, reporter_phone, consent_to_contact, language,
  source, api_key_id, idempotency_key, submitted_at, acknowledged_at, closed_at
)
SELECT
  submitted_at, coalesce(closed_at, acknowledged_at, submitted_at),
  tracking_code, category_id, description, '{}'::jsonb, '',
  latitude, longitude, '', sector_id, status, is_sensitive,
  assigned_to_id, NULL,
  CASE WHEN status = 'referred' THEN 'Komuna' ELSE '' END,
  r_who < 0.65,
  CASE WHEN r_who < 0.65 THEN '' ELSE 'Qytetar ' || i END,
  '', CASE WHEN r_who < 0.65 THEN '' ELSE '+383 44 000 000' END,
  r_who >= 0.80,
  CASE WHEN r_lang < 0.80 THEN 'sq' WHEN r_lang < 0.88 THEN 'sr'
       WHEN r_lang < 0.92 THEN 'sr-latn' ELSE 'en' END,
  CASE WHEN r_source < 0.85 THEN 'web' ELSE 'api' END,
  NULL, NULL, submitted_at, acknowledged_at, closed_at
FROM placed
"""


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def fill_sql(first: int, last: int, now: str) -> str:
    """Return the INSERT of the concerns numbered ``first`` to ``last``."""
    # No parameters: psycopg would send the statement as a prepared one, and
    # the numbers are ours. `%` of the SQL stays as is (no interpolation).
    replacements = {
        "%(category_weights)s": ", ".join(
            f"({_literal(code)}, {weight})" for code, weight in CATEGORY_WEIGHTS.items()
        ),
        "%(first)s": str(first),
        "%(last)s": str(last),
        "%(now)s": _literal(now),
        "%(open)s": OPEN,
        "%(descriptions)s": "ARRAY["
        + ", ".join(_literal(text) for text in DESCRIPTIONS)
        + "]",
        "%(description_count)s": str(len(DESCRIPTIONS)),
        "%(code)s": _code_sql("sh.i"),
    }
    sql = FILL_SQL
    for key, value in replacements.items():
        sql = sql.replace(key, value)
    return sql


def fill(database_url: str, count: int = CONCERNS) -> str:
    """Add ``count`` concerns to the database; return what it took."""
    import psycopg

    started = time.perf_counter()
    with psycopg.connect(database_url, autocommit=True) as connection:
        now = connection.execute("SELECT now()::text").fetchone()[0]
        first = (
            connection.execute(
                "SELECT count(*) FROM concerns_concern WHERE description LIKE '%(#%)'"
            ).fetchone()[0]
            + 1
        )
        # Plain indexes are rebuilt after the load (faster than row by row);
        # constraints' indexes (primary key, unique codes) stay.
        indexes = connection.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = 'public' AND tablename = 'concerns_concern' "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint)"
        ).fetchall()
        for name, _ in indexes:
            connection.execute(f'DROP INDEX "{name}"')
        workers = max(1, min(os.cpu_count() or 1, 4))
        bounds = [
            (first + count * n // workers, first + count * (n + 1) // workers - 1)
            for n in range(workers)
        ]
        errors: list[BaseException] = []

        def insert(low: int, high: int) -> None:
            try:
                with (
                    psycopg.connect(database_url, autocommit=True) as worker,
                    worker.transaction(),
                ):
                    # Consistent by construction: no foreign-key triggers.
                    worker.execute("SET LOCAL session_replication_role = replica")
                    # A commit flushed before VACUUM runs: the cluster's
                    # asynchronous commits would leave the rows' hint bits
                    # unset, and VACUUM would mark none of their pages
                    # all-visible (half the table read through the heap,
                    # as no table that autovacuum keeps is).
                    worker.execute("SET LOCAL synchronous_commit = on")
                    worker.execute(fill_sql(low, high, now).encode())
            except BaseException as error:  # reported by the caller
                errors.append(error)

        threads = [
            threading.Thread(target=insert, args=bound)
            for bound in bounds
            if bound[0] <= bound[1]
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        inserted = time.perf_counter() - started
        for _, definition in indexes:
            connection.execute(definition)
        indexed = time.perf_counter() - started - inserted
        if errors:
            raise errors[0]
        connection.execute("VACUUM ANALYZE concerns_concern")
        pages, visible = connection.execute(
            "SELECT relpages, relallvisible FROM pg_class "
            "WHERE relname = 'concerns_concern'"
        ).fetchone()
        size = connection.execute(
            "SELECT pg_size_pretty(pg_total_relation_size('concerns_concern'))"
        ).fetchone()[0]
    return (
        f"{count:,} concerns added in {time.perf_counter() - started:.1f} s "
        f"({workers} connections: insert {inserted:.1f} s, rebuilding "
        f"{len(indexes)} indexes {indexed:.1f} s, then VACUUM ANALYZE: "
        f"{visible / max(1, pages):.0%} of its pages all-visible); table with "
        f"indexes {size}"
    )


# -- the measurement -----------------------------------------------------------


def _environ(path: str, cookie: str) -> dict:
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
        "HTTP_COOKIE": cookie,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def _session_key(username: str) -> str:
    """Sign in as ``username`` (second factor passed); return the session key."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from bashkesia.accounts.decorators import SESSION_VERIFIED

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    session = client.session
    session[SESSION_VERIFIED] = True
    session.save()
    return session.session_key


def _percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[max(0, int(len(sorted_values) * share + 0.5) - 1)]


class Browser:
    """Calls the WSGI handler as gunicorn would, with a browser's cookies."""

    def __init__(self, username: str) -> None:
        from django.conf import settings

        from config.wsgi import application  # what gunicorn serves

        self.app = application
        self.cookies = {settings.SESSION_COOKIE_NAME: _session_key(username)}
        self.status = ""
        self.body = b""

    def _start_response(self, status, headers, exc_info=None):
        self.status = status
        for name, value in headers:
            if name.lower() == "set-cookie":
                key, _, rest = value.strip().partition("=")
                self.cookies[key] = rest.split(";", 1)[0]

    def get(self, path: str) -> float:
        """GET ``path``; return the server time in milliseconds."""
        cookie = "; ".join(f"{key}={value}" for key, value in self.cookies.items())
        started = time.perf_counter()
        result = self.app(_environ(path, cookie), self._start_response)
        try:
            self.body = b"".join(result)
        finally:
            result.close()
        elapsed = (time.perf_counter() - started) * 1000
        if not self.status.startswith("200"):
            raise SystemExit(f"GET {path} answered {self.status}")
        return elapsed


def _timed(client: Browser, path: str, count: int) -> list[float]:
    return sorted(client.get(path) for _ in range(count))


def main() -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bashkesia.concerns.models import Concern

    from .table import print_table

    if connection.vendor != "postgresql":
        raise SystemExit("bench.inbox measures PostgreSQL (DATABASE_URL).")
    browsers = {user: Browser(user) for user, *_ in CASES}
    total = Concern.objects.count()
    version = connection.cursor().connection.info.server_version
    print(
        f"Database {connection.settings_dict['NAME']} on PostgreSQL "
        f"{version // 10000}.{version % 10000}: {total:,} concerns. Server time "
        f"of GET {INBOX}: Django's WSGI handler in process, production settings, "
        f"signed in (second factor passed); the first request, then "
        f"{REQUESTS} warm requests each.",
        flush=True,
    )
    browsers["commander"].get(INBOX)  # import templates, open the connection
    rows, worst, explained = [], 0.0, []
    for user, label, filters, targeted in CASES:
        client = browsers[user]
        path = INBOX + ("?" + urlencode(filters) if filters else "")
        first = client.get(path)
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        queries = list(captured.captured_queries)  # before the next request
        listed = _listed(client.body)
        times = _timed(client, path, REQUESTS)
        p50, p95 = statistics.median(times), _percentile(times, 0.95)
        if targeted:
            worst = max(worst, p95)
        slowest = max(queries, key=lambda query: float(query["time"]))
        rows.append(
            [
                user,
                label,
                listed,
                len(queries),
                f"{sum(float(query['time']) for query in queries) * 1000:.0f}",
                f"{float(slowest['time']) * 1000:.0f}",
                f"{first:.1f}",
                f"{p50:.1f}",
                f"{p95:.1f}",
                "" if targeted else "(not targeted)",
            ]
        )
        if EXPLAIN:
            explained.append((user, label, slowest["sql"]))
    print_table(
        f"Inbox server time, ms ({REQUESTS} warm requests each; queries, their "
        "total and the slowest from one more request)",
        [
            "user",
            "filter",
            "listed",
            "queries",
            "SQL",
            "slowest",
            "first",
            "p50",
            "p95",
            "",
        ],
        rows,
    )
    verdict = "MET" if worst < TARGET_MS else "MISSED"
    print(
        f"\nTarget: a station's inbox (commander, officer) p95 under "
        f"{TARGET_MS:.0f} ms server time: worst p95 {worst:.1f} ms -> {verdict}."
    )
    _where_the_time_goes(browsers["commander"])
    for user, label, sql in explained:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = "\n".join(f"    {line}" for (line,) in cursor.fetchall())
        print(f"\nSlowest query of {user} / {label}:\n    {sql}\n{plan}")


def _where_the_time_goes(client: Browser) -> None:
    """Time the default page with parts of its rendering left out."""
    from django.http import HttpResponse
    from django.template import engines

    from bashkesia.staff.views import concerns as views

    from .table import print_table

    render = views.render

    def without_template(request, template, context, status=200):
        list(context["rows"])
        return HttpResponse(b"")

    def filter_form_only(request, template, context, status=200):
        form = engines["django"].from_string('{% include "staff/_fields.html" %}')
        return HttpResponse(form.render(context, request))

    def without_rows(request, template, context, status=200):
        return render(request, template, dict(context, rows=[]), status=status)

    count = max(20, REQUESTS // 2)
    figures = []
    try:
        for label, replacement in [
            ("middleware, view and queries; no template", without_template),
            ("+ the filter form", filter_form_only),
            ("+ the rest of the page, without the rows", without_rows),
            ("+ the rows: the whole page", render),
        ]:
            views.render = replacement
            client.get(INBOX)
            times = _timed(client, INBOX, count)
            figures.append(
                (
                    label,
                    f"{statistics.median(times):.1f}",
                    f"{_percentile(times, 0.95):.1f}",
                )
            )
    finally:
        views.render = render
    print_table(
        f"Where the time goes: commander, default filter ({count} requests each), ms",
        ["rendered", "p50", "p95"],
        figures,
    )


def _listed(page: bytes) -> str:
    """Return the count the inbox page shows ("1,234 concerns")."""
    import re

    match = re.search(rb"<p>\s*([\d,.+]+)\s+concerns?\s*</p>", page)
    return match.group(1).decode().strip() if match else "?"


def run(database_url: str) -> None:
    """Run ``main`` in a subprocess with the production environment."""
    from .demo_db import run_module

    run_module("bench.inbox", database_url)


if __name__ == "__main__":
    main()
