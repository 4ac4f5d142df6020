"""What the benchmarks ran on: CPU, cores, memory, and library versions."""

import os
import platform
import shutil
import sqlite3
import subprocess
import time
from importlib import metadata
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "?"


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def wrk_version() -> str | None:
    """Return ``wrk``'s version line, or None when wrk is not on PATH."""
    wrk = shutil.which("wrk")
    if not wrk:
        return None
    result = subprocess.run(
        [wrk, "-v"], capture_output=True, text=True, timeout=10, check=False
    )
    first = (result.stdout or result.stderr).strip().splitlines()
    return first[0].split(" Copyright")[0] if first else "wrk (unknown version)"


def postgres_version() -> str | None:
    """Return the version of the PostgreSQL found (``initdb``), or None."""
    from scripts import pgcluster

    initdb = pgcluster.pg_binary("initdb")
    if not initdb or not pgcluster.available():
        return None
    result = subprocess.run(
        [initdb, "--version"], capture_output=True, text=True, timeout=10, check=False
    )
    return result.stdout.strip().replace("initdb (PostgreSQL) ", "") or "?"


def describe() -> list[tuple[str, str]]:
    import django
    import numpy
    import shapely

    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = os.cpu_count() or 0
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return [
        ("CPU", _cpu_model()),
        ("cores", f"{os.cpu_count()} logical, {affinity} usable by this process"),
        ("memory", _memory()),
        ("load average", f"{load} (1, 5, 15 min, before the run)"),
        ("OS", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("Django", django.get_version()),
        ("django-ninja", _version("django-ninja")),
        ("Shapely", shapely.__version__),
        ("GEOS", shapely.geos_version_string),
        ("NumPy", numpy.__version__),
        ("gunicorn", _version("gunicorn")),
        ("SQLite", sqlite3.sqlite_version),
        ("PostgreSQL", postgres_version() or "not found (initdb, pg_ctl)"),
        ("wrk", wrk_version() or "not on PATH (Python load generator)"),
    ]


def _system_cpu_seconds() -> tuple[float, float]:
    """Return (busy, steal) CPU-seconds of the whole machine since boot."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except (OSError, IndexError):
        return 0.0, 0.0
    ticks = [int(value) for value in fields] + [0] * 10
    user, nice, system, _idle, _iowait, irq, softirq, steal = ticks[:8]
    hz = os.sysconf("SC_CLK_TCK")
    return (user + nice + system + irq + softirq) / hz, steal / hz


def _own_cpu_seconds() -> float:
    """CPU-seconds of this process and of its children waited for (gunicorn's
    workers count once the server has stopped)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class CpuMeter:
    """How much CPU the benchmark used, and how much everything else did.

    ``server`` names a server the benchmark started outside its own process
    tree (PostgreSQL): its CPU counts under "other processes", as expected.
    """

    def __init__(self, server: str | None = None) -> None:
        self.server = server

    def __enter__(self) -> "CpuMeter":
        self.started = time.perf_counter()
        self.system, self.steal = _system_cpu_seconds()
        self.own = _own_cpu_seconds()
        return self

    def __exit__(self, *exc_info) -> None:
        self.seconds = time.perf_counter() - self.started
        system, steal = _system_cpu_seconds()
        self.bench_cpu = _own_cpu_seconds() - self.own
        self.other_cpu = max(0.0, system - self.system - self.bench_cpu)
        self.steal_cpu = steal - self.steal

    def report(self) -> str:
        capacity = self.seconds * (os.cpu_count() or 1)
        text = (
            f"CPU over these {self.seconds:.0f} s: benchmark {self.bench_cpu:.1f} s, "
            f"other processes {self.other_cpu:.1f} s "
            f"({self.other_cpu / capacity * 100:.0f}% of the machine)"
        )
        if self.server:
            text += f", {self.server} included"
        if self.steal_cpu > 0.05 * capacity:
            text += f", stolen by the hypervisor {self.steal_cpu:.1f} s"
        if self.other_cpu > 0.10 * capacity and not self.server:
            text += ": figures disturbed, compare with care"
        return text + "."
