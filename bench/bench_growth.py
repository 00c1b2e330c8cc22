"""Issue 16: how the contacts list and search grow from 300,000 to 1,000,000 contacts.

    python bench/bench_growth.py [--dir bench/data]

Two databases made the same way (the demo's companies and contacts generator through the bulk loader,
a company per three contacts, nothing else), built once into --dir and then opened read only. Each is
measured in its own process, so its memory is its own: the first page of the contacts list through
the tab's path (bench_lists.first_page: the lazy model's head and first block), search p95 over 200
fragments people type (bench_foundation.fragments, the pop-up's search_all; after 200 other fragments,
as the page cache of an app in use holds them), and the process's peak memory after both. Beside
each, plain sqlite3: the same first page with its count, and the same searches on the trigram tables.
The issue asks that at 1M the first page and search p95 stay within 1.3x of the 300k figures, and
memory flat.

Measured 2026-12-07 06:45 UTC, load 0.75, main f9c59f9 (databases migrated to 0023):

    figure                 300k contacts   1M contacts   1M / 300k
    contacts first page         5.3 ms        6.6 ms      1.23x   (plain sqlite3 with its count 18.2 -> 90.8 ms)
    search p95                 31.6 ms       32.2 ms      1.02x   (plain trigram lookups 0.7 -> 0.8 ms)
    peak memory                 138 MB        139 MB      1.01x

2026-12-07 11:31 UTC, load 1.4-1.7, h-search c83cc33 (search in one statement; the fragments the same in
every run, the plain search the search's own statement through sqlite3), `python bench/bench_growth.py`,
five runs each on the databases as built (0023) and on copies migrated to 0024 in /tmp (`--dir`):

    search p95, 0023            2.2-2.3 ms    2.6-2.9 ms    1.23-1.35x   (plain, the same statement: 1.24-1.31x)
    search p95, 0024            2.2-2.3 ms    2.7-3.0 ms    1.21-1.32x   (plain: 1.24-1.30x)

The search's own cost now grows as SQLite's does (the trigram lists of 1M contacts are 3.3 times
longer: the p95 fragments are phone digits). Queries under three characters, best of three:

                                    300k contacts     1M contacts
    'ฝน' / 'q'     0023 (scan)      29.6 / 60.1 ms    101.2 / 195.8 ms
                   0024 (vocabulary)  2.1 / 1.2 ms       1.8 / 1.2 ms
    'a' / 'ส'      0023             1.4 / 1.3 ms        1.5 / 1.5 ms
                   0024             2.1 / 2.1 ms        1.9 / 2.0 ms

2026-12-07 14:33 UTC, load 0.9, main (session 7), `python bench/bench_growth.py` (databases at 0023), three runs:
    contacts first page      4.4-4.6 ms    4.4 ms     0.97x
    search p95               2.2-2.3 ms    2.7-2.8    1.24-1.25x   (plain, the same statement: 1.23-1.25x;
                                                              the first of the three runs: 4.0 / 5.0 ms, 1.26x)
    peak memory              142 MB        149 MB     1.05x

Before the live counts (05:46, load 3.5, at 2a23198): first page 20.5 -> 76.4 ms (3.7x),
the count of a million index entries being most of it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import DEFAULT_DIR, best_of, ms, open_read_only, percentiles, row

SIZES = {"300k": 300_000, "1m": 1_000_000}
PAGE = 50


def build(path: Path, contacts: int) -> float | None:
    """The database of `contacts` contacts (and a third as many companies), unless it exists."""
    if path.exists():
        return None
    from crm_desktop.db import bulk
    from crm_desktop.demo.generate import _Generator
    from crm_desktop.demo.sizes import Size
    from crm_desktop.main import SystemClock
    from crm_desktop.models import Account, Contact, User
    from crm_desktop.services.app import open_app

    start = time.perf_counter()
    ctx = open_app(path, clock=SystemClock())
    try:
        size = Size(accounts=contacts // 3, contacts=contacts, reps=20, leads=0, deals=0, activities=0,
                    key_accounts=0, anniversaries=0, products=0, quotations=0, order_lines=0)
        batches = _Generator(seed=16, size=size, today=ctx.today()).batches()
        people = itertools.takewhile(lambda b: isinstance(b, tuple) and b[0] in (User, Account, Contact), batches)
        bulk.load(ctx.database, None, people, 0, alone=True)
    finally:
        ctx.close()
    return time.perf_counter() - start


def measure(path: Path) -> dict[str, float]:
    """This process's figures for one database (run as a child: its peak memory is the database's)."""
    from PySide6.QtWidgets import QApplication

    from bench.bench_foundation import fragments, plain_connection, raw_search
    from bench.bench_lists import RAW_CONTACTS, first_page, raw_page
    from crm_desktop.main import SystemClock
    from crm_desktop.queries.contacts import ContactFilter, contact_head, contact_keys, contact_rows
    from crm_desktop.queries.search import PADDED, search_all

    app = QApplication.instance() or QApplication([])
    db = open_read_only(path, SystemClock())
    page = best_of(5, first_page(lambda s, d: contact_keys(db, ContactFilter(), s, d),
                                 lambda keys: contact_rows(db, keys),
                                 lambda s, d, n: contact_head(db, ContactFilter(), s, d, n)))
    raw = best_of(5, raw_page(path, RAW_CONTACTS, "SELECT count(*) FROM contact WHERE deleted_at IS NULL "
                                                  "AND sort_key >= ''"))
    for text in fragments(path, seed=8):  # warm the page cache as a day's use does, with other fragments
        search_all(db, text)
    queries = fragments(path)
    ours = []
    for text in queries:
        start = time.perf_counter()
        search_all(db, text)
        ours.append(time.perf_counter() - start)
    conn = plain_connection(path, db.memo[PADDED])
    plain = []
    for text in queries:
        start = time.perf_counter()
        raw_search(conn, text, padded=db.memo[PADDED])
        plain.append(time.perf_counter() - start)
    conn.close()
    app.processEvents()
    count = sqlite3.connect(f"file:{path}?mode=ro", uri=True).execute("SELECT count(*) FROM contact").fetchone()[0]
    return {"contacts": count, "page": page, "raw_page": raw, "p95": percentiles(ours)[1],
            "raw_p95": percentiles(plain)[1], "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}



def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child's work
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0
    figures = {}
    for name, contacts in SIZES.items():
        path = args.dir / f"growth-{name}.sqlite3"
        built = build(path, contacts)
        if built is not None:
            print(f"built {path.name} in {built:.0f} s")
        child = subprocess.run([sys.executable, __file__, "--measure", str(path)], check=True, capture_output=True,
                               text=True)
        figures[name] = json.loads(child.stdout.strip().splitlines()[-1])
    small, big = figures["300k"], figures["1m"]
    row("figure", "300k contacts", "1M contacts", "1M / 300k (at most 1.3x)")
    for key, label in (("page", "contacts first page"), ("p95", "search p95")):
        row(label, ms(small[key]), ms(big[key]), f"{big[key] / small[key]:.2f}x")
        row("  plain sqlite3", ms(small[f"raw_{key}"]), ms(big[f"raw_{key}"]),
            f"{big[f'raw_{key}'] / small[f'raw_{key}']:.2f}x")
    row("peak memory", f"{small['peak_mb']:.0f} MB", f"{big['peak_mb']:.0f} MB",
        f"{big['peak_mb'] / small['peak_mb']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
