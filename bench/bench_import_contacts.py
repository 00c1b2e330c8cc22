"""Import of contacts, whole path: a generated CSV read, previewed (duplicate keys batched) and imported.

    python bench/bench_import_contacts.py [--rows 100000] [--against /work/large.db]

Phases, each timed: read the file into neutral rows; the preview against `--against` (opened read
only: the large demo, 300k contacts); the preview and the one-transaction import (ORM, change log,
match keys, search index) into a new database; raw sqlite3 inserts of the same rows beside it, in
the same run. The target (issue 15): >= 30,000 rows/s previewed and imported, peak < 300 MB.
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crm_desktop.clock import FixedClock
from crm_desktop.exchange.rows import read_import_file
from crm_desktop.queries.imports import preview_rows
from crm_desktop.services.app import open_app
from crm_desktop.services.imports import import_rows

FIRST = ("สมชาย", "สมหญิง", "วิชัย", "มาลี", "ประเสริฐ", "Somchai", "Anan", "กิตติ", "นภา", "John")
LAST = ("ใจดี", "รักไทย", "ศรีสุข", "วงศ์ใหญ่", "แสงทอง", "Smith", "ทองคำ", "บุญมา")
HEADER = "คำนำหน้า,ชื่อ,นามสกุล,มือถือ,อีเมล,จังหวัด,วันเกิด,ที่อยู่\n"


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write(HEADER)
        for i in range(rows):
            born = date(1960, 1, 1) + timedelta(days=i % 15_000)
            out.write(f"{('นาย', 'นาง', 'นางสาว')[i % 3]},{FIRST[i % 10]}{i},{LAST[i % 8]},08{i:08d},"
                      f"user{i}@example.co.th,เชียงใหม่,{born.day}/{born.month}/{born.year + 543},"
                      f"{i % 999} ถนนสุขุมวิท\n")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--against", type=Path, help="a large database to preview against (read only)")
    args = parser.parse_args()
    clock = FixedClock(datetime(2026, 11, 23, 3, 0))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.csv"
        write_csv(path, args.rows)
        started = time.perf_counter()
        rows = read_import_file(path, "contacts").rows
        read_s = time.perf_counter() - started
        print(f"read     {args.rows:,} rows {read_s:6.2f} s  {args.rows / read_s:9,.0f} rows/s  "
              f"peak {peak_mb():.0f} MB")
        if args.against:
            big = open_app(args.against, clock=clock, read_only=True)
            try:
                started = time.perf_counter()
                preview = preview_rows(big.database, "contacts", rows)
                took = time.perf_counter() - started
            finally:
                big.close()
            print(f"preview vs {args.against.name}: {took:6.2f} s  {args.rows / took:9,.0f} rows/s  "
                  f"{dict(preview.counts)}")
        ctx = open_app(Path(folder) / "new.sqlite3", clock=clock)
        try:
            started = time.perf_counter()
            preview = preview_rows(ctx.database, "contacts", rows)
            previewed = time.perf_counter() - started
            result = import_rows(ctx.uow(), "contacts", rows, preview, clock.today())
            took = time.perf_counter() - started
        finally:
            ctx.close()
        print(f"preview  {previewed:6.2f} s; preview + import {took:6.2f} s  {args.rows / took:9,.0f} rows/s "
              f"(created {result.created:,}, rejected {len(result.rejected):,})  peak {peak_mb():.0f} MB")
        with sqlite3.connect(Path(folder) / "raw.sqlite3") as raw:
            raw.execute("CREATE TABLE contact (id TEXT PRIMARY KEY, prefix, first_name, last_name, mobile, "
                        "email, province, birthday, address_line)")
            started = time.perf_counter()
            raw.executemany("INSERT INTO contact VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            ((str(r.source_row), *(str(r.values.get(k, "")) for k in (
                                "prefix", "first_name", "last_name", "mobile", "email", "province", "birthday",
                                "address_line"))) for r in rows))
            took = time.perf_counter() - started
        print(f"raw sqlite3 inserts of the same rows {took:6.2f} s  {args.rows / took:9,.0f} rows/s")


if __name__ == "__main__":
    main()
