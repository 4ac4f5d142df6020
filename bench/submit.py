"""Concern submissions per second through the production server.

``POST /api/v1/concerns`` under gunicorn as ``make serve`` runs it
(``config.wsgi``, ``config.settings.production``, WEB_CONCURRENCY sync
workers, whitenoise, access log on), once on a copy of the SQLite demo
database and once on PostgreSQL (a throwaway cluster with the demo data, see
``demo_db.postgres``). The per-address limit on submissions is raised for the
run (BASHKESIA_CONCERNS_PER_HOUR): every request comes from 127.0.0.1.

Bodies: anonymous concerns in English, at points inside demo sectors
(settlements with ~1 km of jitter, as ``http_bench``), of the categories that
ask no required extra question, with descriptions of 40 to 400 characters.
The load: BENCH_CONNECTIONS clients for BENCH_WARMUP seconds, then for
BENCH_DURATION seconds measured; a run ends gracefully (no request is cut
off), so afterwards the concerns stored must be exactly the 201 answers.
"""

import json
import random
import sqlite3
import time

from bashkesia.territory.locator import SectorIndex

from . import loadgen
from .http_bench import DURATION, WARMUP, WORKERS, Server, locate_points
from .loadgen import CONNECTIONS, Load
from .table import print_table

PATH = "/api/v1/concerns"
BODIES = 500
PER_HOUR = "1000000000"
SENTENCES = [
    "Makinat kalojnë shpejt pranë shkollës çdo mëngjes",
    "Cars race past the school every morning",
    "The street lights are broken near the park and the bus stop",
    "Zhurmë e madhe nga lokali deri vonë natën, fqinjët nuk flenë dot",
    "Someone broke the benches and the bins again last night",
    "Qen endacakë te parku",
]


def categories() -> list[str]:
    """Return the codes of the active categories without a required question
    (Django set up on a demo database)."""
    from bashkesia.concerns.models import Category

    return [
        category.code
        for category in Category.objects.filter(is_active=True).order_by("code")
        if not any(question.get("required") for question in category.questions)
    ]


def bodies(index: SectorIndex, codes: list[str], count: int = BODIES) -> list[bytes]:
    rng = random.Random(2012)
    result = []
    for point in locate_points(index, count):
        sentences = rng.choices(SENTENCES, k=rng.randint(1, 7))
        description = ". ".join(sentences)[:399] + "."
        body = {
            "category": rng.choice(codes),
            "description": description,
            "lat": point.lat,
            "lon": point.lon,
            "anonymous": True,
            "language": "en",
        }
        result.append(json.dumps(body, ensure_ascii=False).encode())
    return result


def stored_concerns(database_url: str) -> int:
    """Count the concerns in the database, straight through its driver."""
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as db:
            return db.execute("SELECT count(*) FROM concerns_concern").fetchone()[0]
    import psycopg

    with psycopg.connect(database_url) as db:
        return db.execute("SELECT count(*) FROM concerns_concern").fetchone()[0]


def measure(
    label: str, database_url: str, posts: list[bytes], generator: str
) -> tuple[str, Load, int]:
    """Serve ``database_url`` and post for BENCH_DURATION seconds; return
    (label, load, concerns stored meanwhile)."""
    env = {"BASHKESIA_CONCERNS_PER_HOUR": PER_HOUR}
    with Server(
        WORKERS,
        settings_module="config.settings.production",
        database_url=database_url,
        env=env,
        ready_path="/en/",
    ) as server:
        warm = loadgen.run_post(generator, server.port, PATH, posts, WARMUP)
        before = stored_concerns(database_url)
        load = loadgen.run_post(generator, server.port, PATH, posts, DURATION)
        time.sleep(0.5)  # nothing should come in any more; make sure
        stored = stored_concerns(database_url) - before
        if warm.not_ok or load.not_ok:
            print(f"\n{label}: gunicorn's log (tail):\n{server.log_tail()}")
    return label, load, stored


def describe(generator: str) -> str:
    how = loadgen.describe(generator, DURATION).replace(
        "(Lua: random path)", "(Lua: a random body)"
    )
    if generator == "wrk":
        how += f", then up to {loadgen.POST_GRACE} s for the answers under way"
    return how


def report(results: list[tuple[str, Load, int]], generator: str) -> None:
    print_table(
        f"Concern submissions: POST {PATH}, {WORKERS} gunicorn workers, "
        f"{CONNECTIONS} connections, {DURATION} s after {WARMUP} s warm-up "
        f"({generator})",
        [
            "database",
            "201",
            "req/s",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "not 201",
            "stored",
            "stored = 201",
        ],
        [
            (
                label,
                f"{load.ok:,}",
                f"{load.rps:,.0f}",
                f"{load.p50_ms:.1f}",
                f"{load.p95_ms:.1f}",
                f"{load.p99_ms:.1f}",
                f"{load.max_ms:.0f}",
                f"{load.not_ok:,}",
                f"{stored:,}",
                "yes" if stored == load.ok else "NO",
            )
            for label, load, stored in results
        ],
    )
    for label, load, stored in results:
        if load.not_ok:
            bad = {s: n for s, n in load.statuses.items() if s != load.ok_status}
            print(f"  {label}: not 201: {bad}, errors {dict(load.errors)}")
        if stored != load.ok:
            print(
                f"  {label}: {stored:,} concerns stored for {load.ok:,} answers "
                "201 (a request under way when the load generator stopped?)"
            )
