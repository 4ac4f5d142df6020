"""Server time of the public pages (issue: home and sector pages < 30 ms).

Calls Django's WSGI handler directly with the production settings (what
gunicorn calls, minus socket and HTTP parsing), on the demo database: the first
request of each page (empty page cache) and then warm requests (the cached
fragments), median and p95. Run by ``bench/run.py`` in a subprocess; by hand:

    DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=x \\
    DATABASE_URL=sqlite:////tmp/bashkesia-bench.sqlite3 \\
    DJANGO_STATIC_ROOT=/tmp/bashkesia-bench/static .venv/bin/python -m bench.pages
"""

import statistics
import time

import django

from .profile_locate import _environ

WARM_REQUESTS = 200
TARGET_MS = 30.0
PAGES = [
    ("home", "/sq/"),
    ("home (Serbian Cyrillic)", "/sr/"),
    ("sector page", "/sq/sectors/PRZ-01/"),
    ("sector page (Serbian Cyrillic)", "/sr/sectors/PRZ-01/"),
    ("sector page (Prishtinë, English)", "/en/sectors/PRI-01/"),
    ("all sectors index", "/sq/sectors/"),
    ("region page", "/sq/regions/prizren/"),
    ("search results (no JavaScript)", "/sq/find/?q=Fushe+Kosove"),
    ("suggestions (htmx fragment)", "/sq/find/suggest/?q=kos"),
]
TARGETED = {"/sq/", "/sr/", "/sq/sectors/PRZ-01/", "/sr/sectors/PRZ-01/"}


def main() -> None:
    django.setup()
    from django.core.cache import cache

    from config.wsgi import application as app  # what gunicorn serves

    from .table import print_table

    statuses: list[str] = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    def call(path: str) -> float:
        started = time.perf_counter()
        result = app(_environ(path), start_response)
        try:
            b"".join(result)
        finally:
            result.close()
        return (time.perf_counter() - started) * 1000

    call("/sq/")  # import templates, build the locator once
    cache.clear()
    rows, worst = [], 0.0
    for label, path in PAGES:
        first = call(path)
        warm = sorted(call(path) for _ in range(WARM_REQUESTS))
        median = statistics.median(warm)
        p95 = warm[int(len(warm) * 0.95) - 1]
        if path in TARGETED:
            worst = max(worst, p95)
        rows.append([label, path, f"{first:.1f}", f"{median:.2f}", f"{p95:.2f}"])
    bad = [status for status in statuses if not status.startswith("200")]
    if bad:
        raise SystemExit(f"non-200 answers: {bad[:5]}")
    print_table(
        f"Server time per page, in process (first request with an empty page "
        f"cache, then {WARM_REQUESTS} warm requests), ms",
        ["page", "path", "first", "median", "p95"],
        rows,
    )
    verdict = "MET" if worst < TARGET_MS else "MISSED"
    print(
        f"\nTarget: home and sector pages under {TARGET_MS:.0f} ms server time: "
        f"worst warm p95 {worst:.2f} ms -> {verdict}."
    )


def run() -> None:
    """Run ``main`` in a subprocess with the production environment."""
    from .demo_db import run_module

    run_module("bench.pages", timeout=300)


if __name__ == "__main__":
    main()
