"""Throwaway databases with the demo data, for the benchmarks.

A SQLite database for every benchmark (``prepare``; ``sqlite_copy`` for one
that writes), and for those on PostgreSQL a throwaway cluster
(``scripts/pgcluster.py``) with a demo database (``postgres``) to copy
(``postgres_copy``). Made with the production settings through ``manage.py
migrate`` and ``manage.py load_demo`` in subprocesses; files (databases,
media, static) go to the temporary directory, never into the checkout.
"""

import contextlib
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK_DIR = Path(tempfile.gettempdir()) / "bashkesia-bench"
DB_PATH = Path(tempfile.gettempdir()) / "bashkesia-bench.sqlite3"
DATABASE_URL = f"sqlite:///{DB_PATH}"  # an absolute path: four slashes


def production_env(
    settings_module: str = "config.settings.production",
    database_url: str = DATABASE_URL,
) -> dict:
    """Return the environment ``make serve`` gives the app, for a bench DB
    (by default the SQLite one)."""
    for name in ("var", "media", "static"):
        (WORK_DIR / name).mkdir(parents=True, exist_ok=True)
    env = os.environ.copy()
    env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_HTTPS="0",
        DATABASE_URL=database_url,
        BASHKESIA_VAR_DIR=str(WORK_DIR / "var"),
        DJANGO_MEDIA_ROOT=str(WORK_DIR / "media"),
        DJANGO_STATIC_ROOT=str(WORK_DIR / "static"),
        PYTHONPATH=os.pathsep.join(
            [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
        ),
    )
    return env


def _manage(commands: list[list[str]], env: dict) -> str:
    """Run ``manage.py`` commands in turn; return the last line printed."""
    summary: list[str] = []
    for command in commands:
        result = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if result.returncode:
            sys.stderr.write(result.stdout + result.stderr)
            raise RuntimeError(f"manage.py {command[0]} failed")
        summary = result.stdout.strip().splitlines() or summary
    return summary[-1] if summary else ""


def prepare() -> None:
    """(Re)create the database with the demo data (``BENCH_REUSE_DB=1`` keeps it)."""
    if os.environ.get("BENCH_REUSE_DB") == "1" and DB_PATH.exists():
        print(f"Reusing the demo database {DB_PATH} (BENCH_REUSE_DB=1).")
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{DB_PATH}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    summary = _manage(
        [
            ["migrate", "--no-input", "-v", "0"],
            ["collectstatic", "--no-input", "-v", "0"],
            ["load_demo"],
        ],
        production_env(),
    )
    print(
        f"Demo database {DB_PATH}: made in {time.perf_counter() - started:.1f} s "
        f"(migrate + load_demo). {summary}"
    )


def sqlite_copy(name: str) -> str:
    """Copy the SQLite demo database (for a benchmark that writes); return
    its DATABASE_URL."""
    import sqlite3

    path = DB_PATH.with_name(f"{DB_PATH.stem}-{name}{DB_PATH.suffix}")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    source, target = sqlite3.connect(DB_PATH), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return f"sqlite:///{path}"


def sqlite_remove(database_url: str) -> None:
    path = database_url.removeprefix("sqlite:///")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# PostgreSQL: a throwaway cluster (scripts/pgcluster.py) with the demo data.

# As durable as the SQLite database's WAL with synchronous=NORMAL: commits may
# be lost on a power cut, never corrupted. Buffers as a small server has them.
PG_SETTINGS = {
    "fsync": "on",
    "synchronous_commit": "off",
    "shared_buffers": "512MB",
    "max_wal_size": "4GB",
}


def postgres_found() -> bool:
    from scripts import pgcluster

    return pgcluster.available()


@contextlib.contextmanager
def postgres() -> Iterator[str]:
    """Start a throwaway PostgreSQL cluster with a demo database (migrate +
    load_demo, production settings); yield its DATABASE_URL."""
    import psycopg

    from scripts import pgcluster

    started = time.perf_counter()
    with pgcluster.postgres_cluster(PG_SETTINGS) as url:
        base, _, name = url.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
            version = connection.info.server_version
        summary = _manage(
            [["migrate", "--no-input", "-v", "0"], ["load_demo"]],
            production_env(database_url=url),
        )
        settings = ", ".join(f"{key}={value}" for key, value in PG_SETTINGS.items())
        print(
            f"PostgreSQL {version // 10000}.{version % 10000} cluster ({settings}): "
            f"demo database made in {time.perf_counter() - started:.1f} s. {summary}",
            flush=True,
        )
        yield url


def postgres_copy(url: str, name: str) -> str:
    """Copy the database of ``url`` (nobody connected) as ``name``; return
    the new database's DATABASE_URL."""
    import psycopg

    base, _, template = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return f"{base}/{name}"


def run_module(module: str, database_url: str = DATABASE_URL, timeout: int = 1800):
    """Run ``python -m module`` with the production environment on a bench
    database; print what it prints (and its errors, if it fails)."""
    result = subprocess.run(
        [sys.executable, "-m", module],
        cwd=ROOT,
        env=production_env(database_url=database_url),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    print(result.stdout.rstrip(), flush=True)
    if result.returncode:
        print(f"{module} failed:\n{result.stderr}")
