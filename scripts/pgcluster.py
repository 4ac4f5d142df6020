"""A throwaway PostgreSQL cluster (initdb + pg_ctl), for the suite and the bench.

The binaries are looked up on PATH, then in /usr/lib/postgresql/*/bin; as
root, the cluster runs as user ``postgres``. Everything lives in a temporary
directory that is removed when the cluster stops.
"""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator

# Fast and unsafe: for data that is thrown away anyway.
THROWAWAY_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
}


def pg_binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def available() -> bool:
    """Return whether initdb and pg_ctl were found."""
    return bool(pg_binary("initdb") and pg_binary("pg_ctl"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def postgres_cluster(settings: dict[str, str] | None = None) -> Iterator[str]:
    """Start a throwaway cluster; yield a DATABASE_URL for it.

    ``settings`` are server settings (``-c name=value``); by default
    ``THROWAWAY_SETTINGS``. The database of the URL (``bashkesia``) is not
    created: test runners create their own, other callers ``CREATE DATABASE``.
    """
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
    settings = THROWAWAY_SETTINGS if settings is None else settings
    options = f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1" + "".join(
        f" -c {name}={value}" for name, value in settings.items()
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
