"""Import of contacts, whole path: a generated CSV read, previewed (duplicate keys batched) and imported.

    python bench/bench_import_contacts.py [--rows 100000] [--against bench/data/large.sqlite3]

Phases, each timed: read the file into neutral rows; the preview against `--against` (opened read
only: the large demo, 300k contacts); the preview and the one-transaction import (ORM, change log,
match keys, search index) into a new database; raw sqlite3 inserts of the same rows beside it, in
the same run. The target (issue 15): >= 30,000 rows/s previewed and imported, peak < 300 MB.
`--against` needs a large demo at the current migration (it is opened read only, never upgraded).

Measured 2026-12-07 01:03 UTC, 100,000 rows, load average 2.5-2.7 on 2 CPUs, wall (CPU) seconds,
main e1fa7d6 -> this branch, run back to back:
    read                        4.98 (4.95) -> 3.10 (3.09)
    preview, new database       3.41 (3.38) -> 2.88 (2.87)
    import                      9.63 (9.07) -> 8.17 (7.70)
    preview + import           13.04        -> 11.05      (7,667 -> 9,048 rows/s; target 30,000)
    preview of the file again   5.41 (5.40) -> 4.60 (4.57)
    raw sqlite3 inserts         0.61        -> 0.57
With --common-names (01:08, load 1.7): read 2.64, preview 2.55, import 7.32, preview of the file
again 3.57 s; on main the run had not ended after five minutes (every record sharing a row's name
was sorted for every row). The peak (480 MB with common names, 532 MB without) is this script's: it
holds the rows, both previews and the import's result at once; the CLI's is bench_import_memory.py's.
The read alone, 02:54 UTC, load average 1.8-1.9, main bf80d87 -> this branch, back to back:
    read                        2.92 (2.92) -> 1.84 (1.84)    (54,400 rows/s; peak 140 MB both)
03:14 UTC, load average 0.8, main cfc1fa6 (after the preview, write and read work of the morning),
against the large demo; beside it now the raw floor of the same full write (`full_write_floor`):
    read                        1.88 (1.88)
    preview vs the large demo   1.89 (1.89)
    preview, new database       1.82 (1.82)
    import                      5.58 (5.19)
    preview vs large + import   7.47        (13,400 rows/s; target 30,000: not met)
    preview of the file again   3.53 (3.53)
    raw sqlite3, full write     4.31 (3.85)  (23,200 rows/s: the row, its change, its search entry and
                                             the indexes, nothing checked; below the target already)
    raw sqlite3 inserts         0.50        (the bare rows)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crm_desktop.clock import FixedClock
from crm_desktop.db.search_index import INDEXED
from crm_desktop.db.times import date_param, time_param
from crm_desktop.exchange.rows import read_import_file
from crm_desktop.import_plans.cells import NeutralRow
from crm_desktop.models import Contact, new_ids
from crm_desktop.queries.imports import preview_rows
from crm_desktop.services.app import open_app
from crm_desktop.services.imports import import_rows

FIRST = ("สมชาย", "สมหญิง", "วิชัย", "มาลี", "ประเสริฐ", "Somchai", "Anan", "กิตติ", "นภา", "John")
LAST = ("ใจดี", "รักไทย", "ศรีสุข", "วงศ์ใหญ่", "แสงทอง", "Smith", "ทองคำ", "บุญมา")
HEADER = "คำนำหน้า,ชื่อ,นามสกุล,มือถือ,อีเมล,จังหวัด,วันเกิด,ที่อยู่\n"


def write_csv(path: Path, rows: int, common_names: bool = False) -> None:
    """`common_names`: 80 names for all the rows (thousands of people share each), not one each."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(HEADER)
        for i in range(rows):
            born = date(1960, 1, 1) + timedelta(days=i % 15_000)
            first = FIRST[i % 10] if common_names else f"{FIRST[i % 10]}{i}"
            out.write(f"{('นาย', 'นาง', 'นางสาว')[i % 3]},{first},{LAST[i % 8]},08{i:08d},"
                      f"user{i}@example.co.th,เชียงใหม่,{born.day}/{born.month}/{born.year + 543},"
                      f"{i % 999} ถนนสุขุมวิท\n")


def full_write_floor(path: Path, rows: list[NeutralRow], clock: FixedClock) -> Phase:
    """Raw sqlite3 writing what the import writes for new contacts, in one transaction: every column of
    each row, one change a row with its fields as JSON, the search index filled in one statement and the
    tables' indexes built at the end (as the import does). No checks, no duplicate keys, no ORM: the
    floor under the import with this storage (a record, its change log, its search entry)."""
    open_app(path, clock=clock).close()  # the schema, migrated
    table = Contact.__table__
    blank = {c.key: c.default.arg if c.default is not None and c.default.is_scalar else None for c in table.columns}
    marks = ", ".join("?" * len(blank))
    now = time_param(clock.now())
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA synchronous=NORMAL")  # the app's settings (db/engine.py)
    con.execute("PRAGMA cache_size=-32000")
    with Phase() as floor:
        con.execute("BEGIN IMMEDIATE")
        triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'contact' "
                               "AND name LIKE 'contact_fts%'").fetchall()
        indexes = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
                              "tbl_name IN ('contact', 'change') AND sql NOT LIKE 'CREATE UNIQUE%'").fetchall()
        for name, _ in triggers:
            con.execute(f'DROP TRIGGER "{name}"')
        for name, _ in indexes:
            con.execute(f'DROP INDEX "{name}"')
        ids = new_ids(len(rows))
        records, changes = [], []
        first = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM change").fetchone()[0]
        for seq, (row_id, row) in enumerate(zip(ids, rows, strict=True), start=first):
            values = {k: date_param(v) if isinstance(v, date) else v for k, v in row.values.items()}
            records.append(tuple({**blank, **values, "id": row_id, "created_at": now, "updated_at": now, "hlc": seq,
                                  "site_id": "BENCH"}.values()))
            changes.append((seq, "contact", row_id, seq, "BENCH", None, now, 0, json.dumps(values, ensure_ascii=False)))
        con.executemany(f"INSERT INTO contact ({', '.join(blank)}) VALUES ({marks})", records)
        con.executemany("INSERT INTO change (seq, entity, row_id, hlc, site_id, user_id, changed_at, base_hlc, fields) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", changes)
        entity = next(e for e in INDEXED if e.table == "contact")
        con.execute(f"INSERT INTO {entity.keys}(key, id) SELECT rowid, id FROM contact")  # a fresh copy: no key yet
        con.execute(f"INSERT INTO contact_fts(rowid, body) SELECT rowid, {entity.body_sql('contact')} FROM contact")
        for _, sql in (*indexes, *triggers):
            con.execute(sql)
        con.execute("COMMIT")
    con.close()
    return floor


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Phase:
    """Wall and CPU seconds of one phase (the CPU time says more on a machine shared with other jobs)."""

    def __enter__(self) -> Phase:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu

    def line(self, name: str, rows: int, extra: str = "") -> str:
        return (f"{name:34} {self.wall:6.2f} s (cpu {self.cpu:5.2f} s) {rows / self.wall:9,.0f} rows/s  "
                f"peak {peak_mb():4.0f} MB  {extra}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--against", type=Path, help="a large database to preview against (read only)")
    parser.add_argument("--common-names", action="store_true", help="80 names shared by all the rows")
    args = parser.parse_args()
    clock = FixedClock(datetime(2026, 11, 23, 3, 0))
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.csv"
        write_csv(path, args.rows, args.common_names)
        with Phase() as read:
            rows = read_import_file(path, "contacts").rows
        print(read.line(f"read {args.rows:,} rows", args.rows))
        if args.against:
            big = open_app(args.against, clock=clock, read_only=True)
            try:
                with Phase() as against:
                    preview = preview_rows(big.database, "contacts", rows)
            finally:
                big.close()
            print(against.line(f"preview vs {args.against.name}", args.rows, str(dict(preview.counts))))
        ctx = open_app(Path(folder) / "new.sqlite3", clock=clock)
        try:
            with Phase() as previewed:
                preview = preview_rows(ctx.database, "contacts", rows)
            with Phase() as imported:
                result = import_rows(ctx.uow(), "contacts", rows, preview, clock.today())
            with Phase() as again:  # the same file once more: every row finds its record
                repeated = preview_rows(ctx.database, "contacts", rows)
        finally:
            ctx.close()
        print(previewed.line("preview (new database)", args.rows))
        print(imported.line("import (one transaction)", args.rows,
                            f"created {result.created:,}, rejected {len(result.rejected):,}"))
        print(again.line("preview of the same file again", args.rows, str(dict(repeated.counts))))
        both = previewed.wall + imported.wall
        print(f"{'preview + import':34} {both:6.2f} s (cpu {previewed.cpu + imported.cpu:5.2f} s) "
              f"{args.rows / both:9,.0f} rows/s  (target >= 30,000 rows/s)")
        floor = full_write_floor(Path(folder) / "floor.sqlite3", rows, clock)
        print(floor.line("raw sqlite3, the same full write", args.rows))
        with sqlite3.connect(Path(folder) / "raw.sqlite3") as raw:
            raw.execute("CREATE TABLE contact (id TEXT PRIMARY KEY, prefix, first_name, last_name, mobile, "
                        "email, province, birthday, address_line)")
            with Phase() as bare:
                raw.executemany("INSERT INTO contact VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                ((str(r.source_row), *(str(r.values.get(k, "")) for k in (
                                    "prefix", "first_name", "last_name", "mobile", "email", "province", "birthday",
                                    "address_line"))) for r in rows))
        print(bare.line("raw sqlite3 inserts, same rows", args.rows))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
