"""Run the whole suite: on SQLite, then on a throwaway PostgreSQL cluster.

PostgreSQL runs when ``initdb`` and ``pg_ctl`` are found (on PATH or in
/usr/lib/postgresql/*/bin); as root, the cluster runs as user ``postgres``.
REQUIRE_POSTGRES=1 turns a missing PostgreSQL into a failure. Arguments are
passed to pytest.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

# `python scripts/run_tests.py` has scripts/ on sys.path.
from pgcluster import available, postgres_cluster

ROOT = Path(__file__).resolve().parent.parent


def pytest(args: list[str], label: str, database_url: str | None = None) -> int:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.test")
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    print(f"\n=== Test suite on {label} ===", flush=True)
    started = time.monotonic()
    code = subprocess.call([sys.executable, "-m", "pytest", *args], cwd=ROOT, env=env)
    print(f"=== {label}: exit {code} in {time.monotonic() - started:.0f} s ===")
    return code


def main() -> int:
    # Two workers: the machine's two cores (each loads the demo data once).
    args = sys.argv[1:] or ["-q", "-n", "2"]
    results = {"SQLite": pytest(args, "SQLite")}
    if available():
        with postgres_cluster() as url:
            results["PostgreSQL"] = pytest(args, "PostgreSQL", url)
    elif os.environ.get("REQUIRE_POSTGRES") == "1":
        print("REQUIRE_POSTGRES=1 but initdb/pg_ctl were not found.")
        results["PostgreSQL"] = 1
    else:
        print("PostgreSQL not found (initdb/pg_ctl): its run was skipped.")
    failed = [label for label, code in results.items() if code != 0]
    print(
        "\nSuites: "
        + ", ".join(f"{k}: {'ok' if v == 0 else 'FAILED'}" for k, v in results.items())
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
