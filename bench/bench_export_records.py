"""Record export benchmark (issue 15): contacts to CSV and .xlsx from the large demo.

    python bench/bench_export_records.py [--db bench/data/large.sqlite3] [--formats csv,xlsx,vcf]

Opens the database read-only (nothing copied, nothing written beside it) and times
`export_records(db, "contacts", …)` beside a baseline of plain sqlite3 + the csv module writing the
same contact columns, all in the same run. Each export runs in a child process of its own, so the
peak memory reported (the child's maximum resident set) is that export's alone.

Measured 2026-12-06 on bench/data/large.sqlite3 (300,000 contacts, 2 shared CPUs):
    sqlite3 + csv (baseline)  300,000 rows   5.0 s  59,537 rows/s  peak RSS  76 MB  file 102.6 MB
    export_records csv        300,000 rows   9.2 s  32,667 rows/s  peak RSS 109 MB  file 103.1 MB
    export_records xlsx       300,000 rows  99.6 s   3,013 rows/s  peak RSS 116 MB  file  40.4 MB
    export_records vcf        300,000 rows  11.0 s  27,370 rows/s  peak RSS 112 MB  file 117.2 MB
(the RSS includes the ~75 MB of the imported app; xlsx time is openpyxl's XML writing: lxml gained 8 %,
xlsxwriter in constant_memory mode 1.6 times, neither worth a dependency yet.)
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crm_desktop.db.database import open_database
from crm_desktop.exchange.records import export_records
from crm_desktop.main import SystemClock

BASELINE_SQL = (
    "SELECT c.prefix, c.first_name, c.last_name, c.nickname, coalesce(a.name, ''), c.position, c.mobile, c.phone, "
    "c.email, c.line_id, c.birthday, c.gender, c.income_band, c.interests, c.marketing_consent, c.consent_on, "
    "c.address_line, c.subdistrict, c.district, c.province, c.postcode, c.tags, c.notes, coalesce(u.name, '') "
    "FROM contact c LEFT JOIN account a ON a.id = c.account_id AND a.deleted_at IS NULL "
    "LEFT JOIN user u ON u.id = c.owner_id WHERE c.deleted_at IS NULL ORDER BY c.rowid"
)


def _baseline(db: Path, out: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    count = 0
    with out.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        cursor = conn.execute(BASELINE_SQL)
        writer.writerow([d[0] for d in cursor.description])
        while rows := cursor.fetchmany(2000):
            writer.writerows(rows)
            count += len(rows)
    conn.close()
    return count


def _ours(db: Path, out: Path, fmt: str) -> int:
    database = open_database(db, clock=SystemClock(), create=False, read_only=True)
    try:
        return export_records(database, "contacts", out, fmt).records
    finally:
        database.close()


def _child(what: str, db: str, out: str, queue: multiprocessing.Queue[tuple[int, float, int]]) -> None:
    start = time.perf_counter()
    count = _baseline(Path(db), Path(out)) if what == "baseline" else _ours(Path(db), Path(out), what)
    seconds = time.perf_counter() - start
    queue.put((count, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def measure(what: str, db: Path, folder: Path) -> None:
    out = folder / f"contacts.{'csv' if what == 'baseline' else what}"
    queue: multiprocessing.Queue[tuple[int, float, int]] = multiprocessing.Queue()
    child = multiprocessing.get_context("fork").Process(target=_child, args=(what, str(db), str(out), queue))
    child.start()
    count, seconds, peak_kb = queue.get()
    child.join()
    size = out.stat().st_size
    out.unlink()
    label = "sqlite3 + csv (baseline)" if what == "baseline" else f"export_records {what}"
    print(f"{label:28} {count:>9,} rows {seconds:7.1f} s {count / seconds:>9,.0f} rows/s "
          f"peak RSS {peak_kb / 1024:6.0f} MB  file {size / 1e6:6.1f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("bench/data/large.sqlite3"))
    parser.add_argument("--formats", default="csv,xlsx")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for what in ("baseline", *args.formats.split(",")):
            measure(what, args.db, Path(folder))


if __name__ == "__main__":
    main()
