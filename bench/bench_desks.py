"""Issue 17: what the poll for other desktops' changes costs when the change log is large.

    python bench/bench_desks.py [--changes 1000000] [--dir /tmp]

A new database whose change log holds --changes changes (accounts, added set-wise through sqlite3: the
poll reads only the log), opened through the app's path. Timed, as the window's timer runs it:
a poll when nothing was committed (the usual tick: one max() on the log's primary key); a poll after
another process committed 20 changes; a poll after this process committed one (left out as ours);
and a poll after another process's import of 100,000 changes (named by kind only). Beside them, plain
sqlite3's `SELECT max(seq) FROM change` on the same file, and the same max() had the log no primary key
(`max(hlc)` along no index: what a careless poll would cost).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import best_of, percentiles
from crm_desktop.main import SystemClock
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import open_app
from crm_desktop.services.desks import OtherDesks


def _fill(path: Path, count: int, first: int = 0) -> None:
    """`count` changes of new accounts, as another process's bulk load would leave them."""
    conn = sqlite3.connect(path)
    with conn:
        start = conn.execute("SELECT coalesce(max(seq), 0) FROM change").fetchone()[0]
        hlc = conn.execute("SELECT coalesce(max(hlc), 0) FROM change").fetchone()[0] + 1
        rows = ((start + i + 1, "account", f"bench-{first + i:09d}", hlc + i, "b" * 16, 0, None,
                 "2026-12-07 00:00:00.000000", '{"name":"x"}') for i in range(count))
        conn.executemany("INSERT INTO change (seq, entity, row_id, hlc, site_id, base_hlc, user_id, changed_at, "
                         "fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    path = args.dir / f"bench-desks-{os.getpid()}.sqlite3"
    try:
        open_app(path, clock=SystemClock()).close()
        began = time.perf_counter()
        _fill(path, args.changes)
        print(f"change log of {args.changes:,} changes built in {time.perf_counter() - began:.1f} s")
        ctx = open_app(path, clock=SystemClock())
        desks = OtherDesks(ctx.database)
        idle = [best_of(1, desks.poll) for _ in range(200)]
        p50, p95 = percentiles(idle)
        print(f"poll, nothing new (200 ticks)        p50 {p50 * 1e6:7.0f} µs   p95 {p95 * 1e6:7.0f} µs")
        times = []
        for round_ in range(20):
            _fill(path, 20, first=args.changes + round_ * 20)
            times.append(best_of(1, desks.poll))
        print(f"poll, 20 changes of another process  p50 {percentiles(times)[0] * 1e6:7.0f} µs")
        times = []
        for round_ in range(20):
            create_account(ctx.uow(), AccountInput(name=f"Own {round_}"), ctx.today())
            times.append(best_of(1, desks.poll))
        print(f"poll, one change of our own           p50 {percentiles(times)[0] * 1e6:7.0f} µs")
        _fill(path, 100_000, first=2 * args.changes)
        print(f"poll, another process's 100k import   {best_of(1, desks.poll) * 1e3:7.1f} ms")
        ctx.close()
        plain = sqlite3.connect(path)
        pk = best_of(200, lambda: plain.execute("SELECT max(seq) FROM change").fetchone())
        scan = best_of(3, lambda: plain.execute("SELECT max(changed_at) FROM change").fetchone())
        plain.close()
        print(f"plain sqlite3 max(seq)                {pk * 1e6:7.0f} µs   (max() along no index: {scan * 1e3:.0f} ms)")
    finally:
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(str(path) + suffix).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
