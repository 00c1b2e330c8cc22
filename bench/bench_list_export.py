"""Export list… on the large demo: the Contacts tab (300,000 contacts, sorted by name, every column
shown) written to CSV and xlsx through the same code the Export button runs (views.list_export's
source, exchange.lists' writer), a chunk of keys at a time. Beside it in the same run: bare sqlite3
rows through csv.writer. Peak memory is this process's maxrss before and after each export.

    QT_QPA_PLATFORM=offscreen python bench/bench_list_export.py [--db bench/data/large.sqlite3] [--formats csv xlsx]

Measured 2026-12-07 on the large demo (2 CPUs shared with five other jobs), 300,000 contacts, 12 columns:
    keys in 0.3-0.7 s; peak 179 MB before exporting
    list export csv  300,000 rows   17.7 s   16,929 rows/s   78 MB file  peak 181 MB  (52 s before the
                                                             lists' phones skipped format_phone's parse)
    list export xlsx 300,000 rows  148.4 s    2,022 rows/s   26 MB file  peak 192 MB  (openpyxl write-only)
    bare sqlite3 + csv.writer      300,000 rows  3.1-3.6 s
Memory stays flat: 1,000 keys are fetched at a time.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from crm_desktop.exchange.lists import export_list
from crm_desktop.services.app import open_app
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.common import ViewEnv
from crm_desktop.views.contacts.tab import ContactsTab
from tests.time_helpers import make_clock


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("bench/data/large.sqlite3"))
    parser.add_argument("--formats", nargs="+", default=["csv", "xlsx"])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        ctx = open_app(args.db, clock=make_clock(), read_only=True)
        try:
            prefs = Prefs()
            prefs.language = "th"
            tab = ContactsTab(ViewEnv(ctx, prefs, ChangeBus(), UndoDelete()))
            for key in ("nickname", "position", "line_id", "tags"):
                tab.table.set_column_visible(key, True)
            started = time.perf_counter()
            tab.model.reload()
            keys = time.perf_counter() - started
            source = tab.export_source()
            print(f"{len(source.keys):,} contacts, {len(source.columns)} columns; keys in {keys:.2f} s; "
                  f"peak {peak_mb():.0f} MB before exporting")
            for fmt in args.formats:
                out = Path(folder) / f"contacts.{fmt}"
                started = time.perf_counter()
                done = export_list(out, args.db, fmt, source.title, source.columns, source.keys, source.fetch)
                took = time.perf_counter() - started
                print(f"list export {fmt:4} {done.rows:,} rows {took:6.1f} s {done.rows / took:8,.0f} rows/s  "
                      f"{out.stat().st_size / 1e6:5.0f} MB file  peak {peak_mb():.0f} MB")
        finally:
            ctx.close()
        uri = f"{args.db.absolute().as_uri()}?mode=ro"
        with sqlite3.connect(uri, uri=True) as conn, (Path(folder) / "raw.csv").open("w", newline="") as out:
            started = time.perf_counter()
            writer = csv.writer(out)
            count = 0
            for row in conn.execute("SELECT first_name || ' ' || last_name, nickname, '', position, mobile, email, "
                                    "line_id, province, birthday, '', tags, updated_at FROM contact "
                                    "WHERE deleted_at IS NULL ORDER BY first_name, last_name"):
                writer.writerow(row)
                count += 1
            took = time.perf_counter() - started
        print(f"bare sqlite3 + csv.writer {count:,} rows {took:6.1f} s {count / took:8,.0f} rows/s")
    del app


if __name__ == "__main__":
    main()
