"""Issue 17: the monthly report on the office server (PostgreSQL) beside the SQLite file, same large demo.

    python bench/bench_server_report.py --server postgresql://crm@127.0.0.1:5432/postgres
        [--db bench/data/large.sqlite3] [--month 2026-11] [--runs 3] [--load]

The server's copy of the demo is `crm_bench`, the one bench/bench_server.py makes (and keeps with its
`--keep`); it is only read here. Without it, or with `--load`, the demo is put on a database of its own,
`crm_bench_report`, by the app's own restore of a backup (db/server_restore.py: the file, verified on a
scratch copy, staged into temporary tables through the column types, then moved in one transaction),
and that load is timed: the loader's test at full size. For each engine, the median of `--runs`:
- the figures: every analysis of the report run on the month (`monthly_data`), and the cover's key
  figures alone (`key_figures`);
- the layout of the Thai PDF from those figures (`render_monthly`), and the whole Thai PDF
  (`monthly_report_pdf`, what `report monthly` writes);
- beside them, the raw SQL of the main figure, the month's sales: its sold live lines' net before the bill
  discount and VAT, through plain sqlite3 and plain psycopg (the floor under the report's figure).
A demo file from an older version is read through an upgraded copy in a temporary folder.

Figures (2026-12-07, 2 cores shared with three other sessions, load 5-10: noisy), the large demo
(bench/data/large.sqlite3, schema 0023), November 2026 (7,500 orders):

    --load, 18:44-19:04 UTC: 1199.5 s to load the demo by our own restore (the 3.8 GB file copied,
      checked and upgraded 0023 -> 0026 on the scratch copy, 4.5M rows staged through the column types,
      then moved in one transaction with the trigram indexes kept; bench_server's raw COPY: 111-117 s)
    19:09-19:12 UTC, median of 3                  server        file
      the report figures (every analysis)        5620.9 ms   5521.4 ms
        of which the key figures alone            882.5 ms   1135.9 ms
        raw SQL of the sales of the month         132.7 ms    147.9 ms
      the Thai PDF laid out from the figures      843.9 ms    944.8 ms
      the whole Thai PDF (report monthly)        6100.8 ms   6245.4 ms
    The server is no slower than the file for the report: its analyses are a few large aggregates each,
    where a round trip costs nothing beside the scan.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import server_beside_file  # noqa: E402

RAW_SALES = ("SELECT count(DISTINCT o.id), sum(l.quantity_milli * l.unit_price_satang / 1000.0) FROM sales_order o "
             "JOIN sales_order_line l ON l.order_id = o.id AND l.deleted_at IS NULL "
             "WHERE o.deleted_at IS NULL AND o.status IN ({marks}) AND o.issued_on >= {mark} AND o.issued_on < {mark}")


def median_of(runs: int, fn: Callable[[], object]) -> float:
    took = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        took.append(time.perf_counter() - start)
    return statistics.median(took)


def raw_sales(connect: Callable[[], object], mark: str, first: date, after: date, runs: int,
              dates: Callable[[date], object]) -> tuple[float, object]:
    """The month's sales by a DB-API connection alone: its median time and what it found."""
    from crm_desktop.queries.reports.measure import SOLD

    sql = RAW_SALES.format(marks=", ".join([mark] * len(SOLD)), mark=mark)
    conn = connect()
    found: list[object] = []
    try:
        def once() -> None:
            found[:] = [tuple(conn.execute(sql, (*SOLD, dates(first), dates(after))).fetchone())]  # type: ignore[attr-defined]

        return median_of(runs, once), found[0]
    finally:
        conn.close()  # type: ignore[attr-defined]


def report_figures(ctx: object, month: str, runs: int) -> dict[str, float]:
    from crm_desktop.queries.reports.sales import key_figures
    from crm_desktop.reports.monthly import monthly_report_pdf
    from crm_desktop.reports.monthly.document import monthly_data, render_monthly
    from crm_desktop.reports.monthly.sections import monthly_sections, report_analyses

    sections = monthly_sections(report_analyses())
    monthly_report_pdf(ctx, month, "th")  # type: ignore[arg-type]  # fonts, word list, cold pages
    data = monthly_data(ctx, month, sections)  # type: ignore[arg-type]
    today = ctx.today()  # type: ignore[attr-defined]
    return {
        "figures": median_of(runs, lambda: monthly_data(ctx, month, sections)),  # type: ignore[arg-type]
        "key": median_of(runs, lambda: key_figures(ctx.database, month, today)),  # type: ignore[attr-defined]
        "render": median_of(runs, lambda: render_monthly(data, "th")),
        "pdf": median_of(runs, lambda: monthly_report_pdf(ctx, month, "th")),  # type: ignore[arg-type]
    }


def plain_url(url: str) -> str:
    """`url` for psycopg itself (no SQLAlchemy driver name)."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def file_at_head(path: Path, folder: Path) -> Path:
    """`path`, or an upgraded copy of it in `folder` when an older version wrote it (the demo is only read)."""
    import shutil

    from crm_desktop.db import migrate
    from crm_desktop.main import SystemClock

    if migrate.stored_revision(path) == migrate.SCHEMA_HEAD:
        return path
    copy = folder / "demo.sqlite3"
    shutil.copyfile(path, copy)
    migrate.upgrade(copy, SystemClock().now(), backup_first=False)
    print(f"file: an upgraded copy of {path} (schema {migrate.stored_revision(path)} -> {migrate.SCHEMA_HEAD})")
    return copy


def database_exists(server: str, name: str) -> bool:
    import psycopg

    with psycopg.connect(plain_url(server)) as pg:
        return pg.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def server_database(server: str, source: Path, load: bool) -> str:
    """The URL of the server's copy of the demo: bench_server's, else one loaded by our own restore."""
    import psycopg

    from bench.bench_server import _filled
    from crm_desktop.db.leftovers import scratch_path
    from crm_desktop.db.server import Server
    from crm_desktop.db.server_restore import load_backup
    from crm_desktop.main import SystemClock
    from crm_desktop.services.app import open_app
    from tests.server_helpers import create_database, database_url

    for name in ("crm_bench_report", "crm_bench"):  # ours from an earlier --load, else bench_server's
        found = database_url(server, name)
        if not load and database_exists(server, name) and _filled(plain_url(found)):
            print(f"server copy: {name}")
            return found
    url = create_database(server, "crm_bench_report")
    with tempfile.TemporaryDirectory() as desk:
        ctx = open_app(Server(url, Path(desk)), clock=SystemClock())  # sets the server up
        try:
            start = time.perf_counter()
            loaded = load_backup(ctx.database.engine, source, scratch_path(Path(desk) / "load.sqlite3"), ctx.now())
            took = time.perf_counter() - start
        finally:
            ctx.close()
    with psycopg.connect(plain_url(url), autocommit=True) as pg:
        pg.execute("ANALYZE")
        rows = sum(pg.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # type: ignore[index]
                   for t in ("account", "contact", "sales_order", "sales_order_line", "activity", "change"))
    print(f"server copy: crm_bench_report, loaded by our own restore in {took:.1f} s "
          f"({rows:,} rows in the six largest tables; generation {loaded.generation})")
    return url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "data" / "large.sqlite3")
    parser.add_argument("--month", default="2026-11")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--load", action="store_true", help="load the demo onto the server with our own restore")
    args = parser.parse_args()
    import psycopg

    from crm_desktop.db.server import Server
    from crm_desktop.main import SystemClock
    from crm_desktop.queries.reports.measure import ReportFilter
    from crm_desktop.services.app import open_app

    url = server_database(args.server, args.db, args.load)
    plain = plain_url(url)
    flt = ReportFilter.month(args.month)
    clock = SystemClock()
    with tempfile.TemporaryDirectory() as desk:
        on_server = open_app(Server(url, Path(desk)), clock=clock)
        try:
            served = report_figures(on_server, args.month, args.runs)
        finally:
            on_server.close()
    with tempfile.TemporaryDirectory() as folder:
        demo = file_at_head(args.db, Path(folder))
        on_file = open_app(demo, clock=clock, read_only=True)
        try:
            filed = report_figures(on_file, args.month, args.runs)
        finally:
            on_file.close()
        raw_file, found_file = raw_sales(lambda: sqlite3.connect(f"file:{demo}?mode=ro", uri=True), "?",
                                         flt.start, flt.end, args.runs, date.isoformat)
    raw_server, found_server = raw_sales(lambda: psycopg.connect(plain), "%s", flt.start, flt.end, args.runs,
                                         lambda d: d)
    print(f"month {args.month}, median of {args.runs}; the month's sales by raw SQL: server {found_server}, "
          f"file {found_file}")
    server_beside_file([("the report figures (every analysis)", served["figures"], filed["figures"]),
                        ("  of which the key figures alone", served["key"], filed["key"]),
                        ("  raw SQL of the sales of the month", raw_server, raw_file),
                        ("the Thai PDF laid out from the figures", served["render"], filed["render"]),
                        ("the whole Thai PDF (report monthly)", served["pdf"], filed["pdf"])], 44)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
