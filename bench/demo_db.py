"""A throwaway SQLite database with the demo data, for every benchmark.

Made with the production settings through ``manage.py migrate`` and
``manage.py load_demo`` in subprocesses; files (database, media, static) go to
the temporary directory, never into the checkout.
"""

import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK_DIR = Path(tempfile.gettempdir()) / "bashkesia-bench"
DB_PATH = Path(tempfile.gettempdir()) / "bashkesia-bench.sqlite3"
DATABASE_URL = f"sqlite:///{DB_PATH}"  # an absolute path: four slashes


def production_env(settings_module: str = "config.settings.production") -> dict:
    """Return the environment ``make serve`` gives the app, for the bench DB."""
    for name in ("var", "media", "static"):
        (WORK_DIR / name).mkdir(parents=True, exist_ok=True)
    env = os.environ.copy()
    env.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_HTTPS="0",
        DATABASE_URL=DATABASE_URL,
        BASHKESIA_VAR_DIR=str(WORK_DIR / "var"),
        DJANGO_MEDIA_ROOT=str(WORK_DIR / "media"),
        DJANGO_STATIC_ROOT=str(WORK_DIR / "static"),
        PYTHONPATH=os.pathsep.join(
            [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
        ),
    )
    return env


def prepare() -> None:
    """(Re)create the database with the demo data (``BENCH_REUSE_DB=1`` keeps it)."""
    if os.environ.get("BENCH_REUSE_DB") == "1" and DB_PATH.exists():
        print(f"Reusing the demo database {DB_PATH} (BENCH_REUSE_DB=1).")
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{DB_PATH}{suffix}").unlink(missing_ok=True)
    env = production_env()
    started = time.perf_counter()
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (
        ["migrate", "--no-input", "-v", "0"],
        ["collectstatic", "--no-input", "-v", "0"],
        ["load_demo"],
    ):
        result = subprocess.run(
            manage + command,
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
        summary = result.stdout.strip().splitlines()
    print(
        f"Demo database {DB_PATH}: made in {time.perf_counter() - started:.1f} s "
        f"(migrate + load_demo). {summary[-1] if summary else ''}"
    )
