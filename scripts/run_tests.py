"""Run the whole suite: on SQLite, then on a throwaway PostgreSQL cluster.

PostgreSQL runs when ``initdb`` and ``pg_ctl`` are found (on PATH or in
/usr/lib/postgresql/*/bin); as root, the cluster runs as user ``postgres``.
REQUIRE_POSTGRES=1 turns a missing PostgreSQL into a failure. Arguments are
passed to pytest.
"""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pg_binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def postgres_cluster() -> Iterator[str]:
    """Start a throwaway cluster; yield a DATABASE_URL for it."""
    initdb, pg_ctl = pg_binary("initdb"), pg_binary("pg_ctl")
    assert initdb and pg_ctl
    workdir = tempfile.mkdtemp(prefix="bashkesia-pg-")
    datadir = os.path.join(workdir, "data")
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    subprocess.run(
        [*as_postgres, initdb, "-D", datadir, "-U", "postgres", "-A", "trust",
         "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    options = (
        f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off"
    )
    subprocess.run(
        [*as_postgres, pg_ctl, "-D", datadir, "-o", options, "-w",
         "-l", os.path.join(workdir, "log"), "start"],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        yield f"postgres://postgres@127.0.0.1:{port}/bashkesia"
    finally:
        subprocess.run(
            [*as_postgres, pg_ctl, "-D", datadir, "-m", "immediate", "stop"],
            check=False, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        shutil.rmtree(workdir, ignore_errors=True)


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
    if pg_binary("initdb") and pg_binary("pg_ctl"):
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
