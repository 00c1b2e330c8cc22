"""Erase this person (issue 15, PDPA): what an erase and the VACUUM after it cost on a big file.

    python bench/bench_erase.py --db COPY_OF_THE_LARGE_DEMO

Works on the file it is given (use a copy: it erases the contact with the most activities and
rebuilds the file). Prints the time of `erase_person` (one transaction with secure_delete, the
search index segments merged), of `reclaim_space` (WAL checkpoint, VACUUM, checkpoint), the file's
size before and after, and beside them a raw sqlite3 `VACUUM` of the same file in the same run.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crm_desktop.main import SystemClock
from crm_desktop.services.app import open_app
from crm_desktop.services.erase import erase_person, reclaim_space


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    args = parser.parse_args()
    path: Path = args.db
    with sqlite3.connect(path) as conn:
        contact_id = conn.execute("SELECT contact_id FROM activity WHERE contact_id IS NOT NULL "
                                  "GROUP BY contact_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        linked = conn.execute("SELECT count(*) FROM activity WHERE contact_id = ?", (contact_id,)).fetchone()[0]
    ctx = open_app(path, clock=SystemClock())
    try:
        start = time.perf_counter()
        result = erase_person(ctx.uow(), "contact", contact_id)
        erase_s = time.perf_counter() - start
        size = path.stat().st_size
        start = time.perf_counter()
        reclaim_space(ctx.database)
        reclaim_s = time.perf_counter() - start
    finally:
        ctx.close()
    after = path.stat().st_size
    start = time.perf_counter()
    with sqlite3.connect(path) as conn:
        conn.execute("VACUUM")
    raw_s = time.perf_counter() - start
    touched = sum(len(c.ids) for c in result.changes)
    print(f"erase_person: {erase_s:.2f} s ({len(result.erased)} record(s), {touched} rows rewritten, "
          f"{linked} activities)")
    print(f"reclaim_space (checkpoint + VACUUM + checkpoint): {reclaim_s:.1f} s, "
          f"{size / 1e6:.0f} MB -> {after / 1e6:.0f} MB")
    print(f"raw sqlite3 VACUUM of the same file: {raw_s:.1f} s")


if __name__ == "__main__":
    main()
