"""Demo data benchmark (issues 12 and 13): the whole `crm-desktop demo --size large` run, its phases,
and raw sqlite3 inserting the same rows beside it.

    python bench/bench_demo.py [--size large] [--no-phases] [--no-raw]

1. The whole run: the command in a child process on a new file, wall time and the child's CPU time
   (user + system), as a user would see it (issue 12: ≤ 90 s; issue 13, with sales: ≤ 150 s).
2. Its phases, in this process on a second new file: for each table, the time spent generating its
   batches and the time spent inserting them (rows and change log), then the end of the load (the
   secondary indexes built, the search index, statistics, commit). The activities part is everything
   but the sales tables (product, quotation, sales order and their lines).
3. Raw sqlite3: the rows the demo made (change log included), read back from its file, inserted by
   plain `executemany` into a new file with the same tables and indexes (no search index) in one
   transaction, as a naive loader would. Reading is not timed.

The machine's load moves wall times a lot: compare CPU times, and each figure with the raw one.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from crm_desktop.db import bulk
from crm_desktop.demo.generate import demo_batches, total_rows
from crm_desktop.main import SystemClock
from crm_desktop.services.app import open_app

SALES_TABLES = {"product", "quotation", "quotation_line", "sales_order", "sales_order_line"}
CHUNK = 50_000


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def whole_run(path: Path, size: str) -> tuple[float, float]:
    """The command as a user runs it: (wall, CPU) seconds."""
    cpu, start = child_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-m", "crm_desktop", "--db", str(path), "demo", "--size", size], check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, child_cpu() - cpu


class Phases:
    """Wall and CPU time per (phase, table), taken around the batches the loader pulls."""

    def __init__(self) -> None:
        self.wall: dict[tuple[str, str], float] = defaultdict(float)
        self.cpu: dict[tuple[str, str], float] = defaultdict(float)

    def add(self, key: tuple[str, str], wall: float, cpu: float) -> None:
        self.wall[key] += wall
        self.cpu[key] += cpu

    def timed(self, batches: Iterator[bulk.Batch]) -> Iterator[bulk.Batch]:
        while True:
            wall, cpu = time.perf_counter(), time.process_time()
            batch = next(batches, None)
            if batch is None:
                return
            table = (batch.model if isinstance(batch, bulk.Columns) else batch[0]).__tablename__
            self.add(("generate", table), time.perf_counter() - wall, time.process_time() - cpu)
            wall, cpu = time.perf_counter(), time.process_time()
            yield batch  # the loader prepares and inserts it before asking for the next one
            self.add(("insert", table), time.perf_counter() - wall, time.process_time() - cpu)


def phases(path: Path, size: str) -> tuple[Phases, float, float]:
    ctx = open_app(path, clock=SystemClock())
    try:
        found = Phases()
        wall, cpu = time.perf_counter(), time.process_time()
        bulk.load(ctx.database, ctx.user_id, found.timed(demo_batches(size, ctx.today())), total_rows(size),
                  alone=True)
        return found, time.perf_counter() - wall, time.process_time() - cpu
    finally:
        ctx.close()


def raw_insert(made: Path, path: Path) -> tuple[float, float, int]:
    """The demo's rows into a new file by plain executemany: (wall, CPU, rows) of the inserts alone."""
    source = sqlite3.connect(made)
    tables = [name for (name,) in source.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' "
        "ORDER BY rootpage")]
    schema = [sql for (sql,) in source.execute(
        "SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL "
        "AND name NOT LIKE 'sqlite_%' AND tbl_name NOT LIKE '%_fts%'")]
    target = sqlite3.connect(path, isolation_level=None)
    target.execute("PRAGMA journal_mode=WAL")
    for sql in schema:
        target.execute(sql)
    wall = cpu = 0.0
    count = 0
    target.execute("BEGIN")
    for table in tables:
        reader = source.execute(f'SELECT * FROM "{table}"')
        marks = ",".join("?" * len(reader.description))
        while rows := reader.fetchmany(CHUNK):
            w, c = time.perf_counter(), time.process_time()
            target.executemany(f'INSERT INTO "{table}" VALUES ({marks})', rows)
            wall += time.perf_counter() - w
            cpu += time.process_time() - c
            count += len(rows)
    w, c = time.perf_counter(), time.process_time()
    target.execute("COMMIT")
    target.close()
    source.close()
    return wall + time.perf_counter() - w, cpu + time.process_time() - c, count


def line(label: str, wall: float, cpu: float, note: str = "") -> None:
    print(f"{label:<44} {wall:8.1f} s wall {cpu:8.1f} s CPU   {note}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="large", choices=("small", "medium", "large"))
    parser.add_argument("--no-phases", action="store_true")
    parser.add_argument("--no-raw", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        folder = Path(tmp)
        made = folder / "demo.sqlite3"
        wall, cpu = whole_run(made, args.size)
        line(f"demo --size {args.size}, whole run", wall, cpu, "≤ 90 s (issue 12), ≤ 150 s with sales (issue 13)")
        if not args.no_phases:
            found, total_wall, total_cpu = phases(folder / "phases.sqlite3", args.size)
            for (phase, table), spent in sorted(found.wall.items(), key=lambda kv: (kv[0][1] in SALES_TABLES,
                                                                                  kv[0][1], kv[0][0])):
                line(f"  {phase} {table}", spent, found.cpu[(phase, table)])
            sales_wall = sum(v for (_, t), v in found.wall.items() if t in SALES_TABLES)
            sales_cpu = sum(v for (_, t), v in found.cpu.items() if t in SALES_TABLES)
            end_wall, end_cpu = total_wall - sum(found.wall.values()), total_cpu - sum(found.cpu.values())
            line("  end: indexes, search index, statistics, commit", end_wall, end_cpu)
            line("  load in process, all", total_wall, total_cpu)
            line("  load in process, without the sales batches", total_wall - sales_wall, total_cpu - sales_cpu,
                 "(the end phase counted whole)")
        if not args.no_raw:
            raw_wall, raw_cpu, count = raw_insert(made, folder / "raw.sqlite3")
            line(f"raw sqlite3 executemany, {count:,} rows", raw_wall, raw_cpu, "same tables and indexes, no search")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
