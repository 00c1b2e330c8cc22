"""Shared pieces of the benchmarks: the large demo database and timing helpers."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import crm_desktop
from crm_desktop.clock import Clock
from crm_desktop.db import database, migrate
from crm_desktop.db.database import Database
from crm_desktop.db.engine import make_engine
from crm_desktop.db.probe import probe

DEFAULT_DIR = Path(__file__).resolve().parent / "data"


def ensure_demo_db(path: Path, size: str) -> float | None:
    """Create the demo database at `path` if missing; returns the seconds it took (None if reused)."""
    if path.exists():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "crm_desktop", "--db", str(path), "demo", "--size", size], check=True
    )
    return time.perf_counter() - start


def open_read_only(path: Path, clock: Clock) -> Database:
    """`path` read-only as it is, even a schema revision or two behind the code (the large demo is
    generated once and never migrated by a benchmark): for figures that read tables every
    revision has."""
    if probe(path).revision == migrate.SCHEMA_HEAD:
        return database.open_database(path, clock=clock, read_only=True)
    return database._connect(path, make_engine(path, read_only=True), clock, read_only=True)


def compile_project() -> None:
    """Bytecode for the imported crm_desktop, as an installed copy has it: without it (PYTHONDONTWRITEBYTECODE)
    every child process compiles the project again, 0.2-0.4 s of a start."""
    package = Path(crm_desktop.__file__).resolve().parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def best_of(n: int, fn: Callable[[], object]) -> float:
    return min(timed(fn) for _ in range(n))


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return p50, p95


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def row(label: str, ours: str, raw: str, target: str) -> None:
    print(f"{label:<34} {ours:>14} {raw:>14}   {target}")


def server_beside_file(rows: list[tuple[str, float, float]], width: int) -> None:
    """A table of seconds, the server's column beside the file's, one row per (label, server, file)."""
    print(f"{'':{width}}{'server':>12}{'file':>12}")
    for label, server, file in rows:
        print(f"{label:{width}}{ms(server):>12}{ms(file):>12}")
