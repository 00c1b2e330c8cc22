"""Reports benchmark (issue 14): every analysis of the Reports tab on the large demo, for one month and
for twelve, beside the same aggregation in raw sqlite3 in the same run.

    python bench/bench_reports.py [--db bench/data/large.sqlite3] [--month YYYY-MM] [--repeat 3]
                                  [--plan] [--only KEY ...]

Opens the database read-only, as it is (nothing is written, migrated or copied). The month defaults to the last whole
month before the latest order, "today" to the latest order's day. Each figure is the best of --repeat
warm runs; the raw column runs hand-written SQL for the same figures (the amount formula written out
again) and the run stops if the two disagree. --plan prints EXPLAIN QUERY PLAN of every statement
an analysis sends.

The table is `CASES`: one `Case` per analysis (its key, the function, the raw SQL run and the check
that both found the same). Add rows there for new analyses.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event

from bench.common import best_of, ms, open_read_only
from crm_desktop.clock import FixedClock
from crm_desktop.db.database import Database
from crm_desktop.db.engine import read_only_uri
from crm_desktop.queries.reports import customers, margins, sales
from crm_desktop.queries.reports.measure import ReportFilter, satang
from crm_desktop.queries.reports.scope import utc_midnight
from crm_desktop.queries.reports.table import ReportTable

SOLD = "('confirmed', 'partly_delivered', 'delivered', 'invoiced')"


def _net(x: str) -> str:
    """A line's net in SQL, written out again from `money.line_amounts` (discount cut to the gross)."""
    gross = f"((2 * {x}.quantity_milli * {x}.unit_price_satang + 1000) / 2000)"
    by_rate = f"(({gross} / 10000) * {x}.discount_bp + (2 * ({gross} % 10000) * {x}.discount_bp + 10000) / 20000)"
    return f"({gross} - MIN(CASE WHEN {x}.discount_bp > 0 THEN {by_rate} ELSE {x}.discount_satang END, {gross}))"


# Every live line of a sold order in [:start, :end) with its amount before VAT (and its cost).
LINES = f"""
WITH line AS (
  SELECT o.id AS order_id, o.account_id, o.contact_id, COALESCE(o.account_id, o.contact_id) AS customer,
         o.owner_id, o.channel, o.issued_on, l.product_id, l.quantity_milli,
         {_net('l')} * CASE WHEN o.bill_discount_satang = 0 THEN 1.0 ELSE 1.0 - o.bill_discount_satang * 1.0 /
           (SELECT SUM({_net('x')}) FROM sales_order_line x WHERE x.order_id = o.id AND x.deleted_at IS NULL) END
         * CASE WHEN o.prices_include_vat AND l.vatable THEN 10000.0 / (10000 + o.vat_bp) ELSE 1.0 END AS amount
  FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id AND l.deleted_at IS NULL
  WHERE o.deleted_at IS NULL AND o.status IN {SOLD} AND o.issued_on >= :start AND o.issued_on < :end)
"""
CUSTOMER = ("LEFT JOIN account a ON a.id = line.account_id "
            "LEFT JOIN contact c ON c.id = line.contact_id AND line.account_id IS NULL")
PERSON = "TRIM(c.prefix || c.first_name || ' ' || c.last_name)"

RAW: dict[str, list[str]] = {
    "totals": [f"{LINES} SELECT SUM(amount), COUNT(DISTINCT order_id) FROM line",
               f"{LINES} SELECT COUNT(DISTINCT customer) FROM line WHERE NOT EXISTS (SELECT 1 FROM sales_order e "
               f"WHERE e.deleted_at IS NULL AND e.status IN {SOLD} AND e.issued_on < :start "
               "AND e.account_id = line.account_id) AND NOT EXISTS (SELECT 1 FROM sales_order e WHERE "
               f"e.deleted_at IS NULL AND e.status IN {SOLD} AND e.issued_on < :start AND line.account_id IS NULL "
               "AND COALESCE(e.account_id, '') = '' AND e.contact_id = line.contact_id)",
               "SELECT s.kind, COUNT(*), SUM(d.amount_satang) FROM opportunity d JOIN stage s ON s.id = d.stage_id "
               "WHERE d.deleted_at IS NULL AND s.kind IN ('won', 'lost') AND (SELECT MAX(h.changed_at) FROM "
               "stage_history h WHERE h.opportunity_id = d.id AND h.deleted_at IS NULL) >= :utc_start AND "
               "(SELECT MAX(h.changed_at) FROM stage_history h WHERE h.opportunity_id = d.id "
               "AND h.deleted_at IS NULL) < :utc_end GROUP BY s.kind"],
    "sales_by_rep": [f"{LINES} SELECT owner_id, SUM(amount), COUNT(DISTINCT order_id) FROM line GROUP BY owner_id",
                     "SELECT owner_id, amount_satang, commission_bp FROM target WHERE deleted_at IS NULL "
                     "AND month = :month"],
    "sales_by_segment": [f"{LINES} SELECT COALESCE(a.segment, ''), SUM(amount), COUNT(DISTINCT order_id) "
                         f"FROM line {CUSTOMER} GROUP BY 1"],
    "sales_by_product": [f"{LINES} SELECT line.product_id, p.name_th, p.sku, SUM(amount), COUNT(DISTINCT order_id), "
                         "SUM(quantity_milli) FROM line LEFT JOIN product p ON p.id = line.product_id GROUP BY 1",
                         f"{LINES} SELECT COUNT(DISTINCT order_id) FROM line"],
    "sales_by_category": [f"{LINES} SELECT COALESCE(p.category, ''), SUM(amount), COUNT(DISTINCT order_id) "
                          "FROM line LEFT JOIN product p ON p.id = line.product_id GROUP BY 1",
                          f"{LINES} SELECT COUNT(DISTINCT order_id) FROM line"],
    "sales_by_channel": [f"{LINES} SELECT channel, SUM(amount), COUNT(DISTINCT order_id) FROM line GROUP BY 1"],
    "sales_by_province": [f"{LINES} SELECT COALESCE(a.province, c.province, ''), SUM(amount), "
                          f"COUNT(DISTINCT order_id) FROM line {CUSTOMER} GROUP BY 1"],
    "top_customers": [f"{LINES} SELECT customer, COALESCE(a.name, {PERSON}), SUM(amount), COUNT(DISTINCT order_id), "
                      f"MAX(issued_on) FROM line {CUSTOMER} GROUP BY customer ORDER BY 3 DESC LIMIT 20",
                      f"{LINES} SELECT SUM(amount), COUNT(DISTINCT order_id) FROM line"],
    "rfm": [f"{LINES} SELECT customer, COALESCE(a.name, {PERSON}), SUM(amount), COUNT(DISTINCT order_id), "
            f"MAX(issued_on) FROM line {CUSTOMER} GROUP BY customer"],
}
_MARGIN = ("SUM(amount), SUM(CASE WHEN p.cost_satang > 0 THEN amount ELSE 0 END), "
           "SUM(CASE WHEN p.cost_satang > 0 THEN quantity_milli * p.cost_satang / 1000.0 ELSE 0 END), "
           "SUM(CASE WHEN p.cost_satang > 0 THEN 0 ELSE 1 END)")
RAW["margin_by_customer"] = [f"{LINES} SELECT customer, COALESCE(a.name, {PERSON}), {_MARGIN} FROM line "
                             f"LEFT JOIN product p ON p.id = line.product_id {CUSTOMER} GROUP BY customer"]
RAW["margin_by_product"] = [f"{LINES} SELECT line.product_id, p.name_th, {_MARGIN} FROM line "
                            "LEFT JOIN product p ON p.id = line.product_id GROUP BY 1"]
RAW["margin_by_rep"] = [f"{LINES} SELECT owner_id, u.name, {_MARGIN} FROM line LEFT JOIN product p ON "
                        "p.id = line.product_id LEFT JOIN user u ON u.id = line.owner_id GROUP BY 1"]


def _params(flt: ReportFilter) -> dict[str, object]:
    start, end = utc_midnight(flt.start), utc_midnight(flt.end)
    return {"start": flt.start.isoformat(), "end": flt.end.isoformat(), "month": f"{flt.start:%Y-%m}",
            "utc_start": f"{start:%Y-%m-%d %H:%M:%S.%f}", "utc_end": f"{end:%Y-%m-%d %H:%M:%S.%f}"}


def run_raw(conn: sqlite3.Connection, key: str, flt: ReportFilter) -> list[list[tuple[Any, ...]]]:
    """The raw statements of `key` for `flt`; the key figures run theirs for the three periods."""
    if key == "key_figures":
        periods = (flt, sales.previous_period(flt), sales.year_earlier(flt))
        return [conn.execute(sql, _params(p)).fetchall() for p in periods for sql in RAW["totals"]]
    return [conn.execute(sql, _params(flt)).fetchall() for sql in RAW[key]]


def same_total(raw_column: int = 1, column: str = "sales", statement: int = 0) -> Callable[[ReportTable, Any], bool]:
    """A check: the table's total `column` is the sum of `raw_column` of the raw `statement`'s rows."""
    def check(table: ReportTable, raw: list[list[tuple[Any, ...]]]) -> bool:
        assert table.total is not None
        return satang(sum(r[raw_column] or 0 for r in raw[statement])) == table.total[table.column(column)]
    return check


SAME_SALES = same_total()


def same_first_period(table: ReportTable, raw: list[list[tuple[Any, ...]]]) -> bool:
    """The key figures' first period has the raw sales and orders."""
    first = table.rows[0]
    return (first[table.column("sales")], first[table.column("orders")]) == (satang(raw[0][0][0]), raw[0][0][1])


def same_customers(table: ReportTable, raw: list[list[tuple[Any, ...]]]) -> bool:
    return len(table.rows) == len(raw[0])


@dataclass(frozen=True)
class Case:
    """One analysis: our function, its raw SQL (`run_raw` by key) and the check that they agree."""

    key: str
    ours: Callable[[Database, ReportFilter, date], ReportTable]
    raw: Callable[[sqlite3.Connection, str, ReportFilter], object] = run_raw
    agrees: Callable[[ReportTable, Any], bool] = SAME_SALES
    at_most_ms: int = 300


CASES: list[Case] = [
    Case("key_figures", sales.key_figures_period, agrees=same_first_period),
    Case("sales_by_rep", sales.sales_by_rep),
    Case("sales_by_segment", sales.sales_by_segment),
    Case("sales_by_product", sales.sales_by_product, agrees=same_total(3)),
    Case("sales_by_category", sales.sales_by_category),
    Case("sales_by_channel", sales.sales_by_channel),
    Case("sales_by_province", sales.sales_by_province),
    Case("top_customers", customers.top_customers, agrees=same_total(0, statement=1)),
    Case("rfm", customers.rfm_ranking, agrees=same_customers),
    Case("margin_by_customer", margins.margin_by_customer, agrees=same_total(3, "costed_sales")),
    Case("margin_by_product", margins.margin_by_product, agrees=same_total(3, "costed_sales")),
    Case("margin_by_rep", margins.margin_by_rep, agrees=same_total(3, "costed_sales")),
]


@contextmanager
def statements(db: Database) -> Iterator[list[tuple[str, Any]]]:
    """The SQL statements (with their parameters) sent through `db` inside the block."""
    sent: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)


def print_plans(db: Database, conn: sqlite3.Connection, case: Case, flt: ReportFilter, today: date) -> None:
    with statements(db) as sent:
        case.ours(db, flt, today)
    for statement, parameters in sent:
        print(f"  -- {' '.join(statement.split())[:110]}…")
        for step in conn.execute(f"EXPLAIN QUERY PLAN {statement}", parameters):
            print(f"     {step[3]}")


def timings(case: Case, db: Database, conn: sqlite3.Connection, flt: ReportFilter, today: date,
            repeat: int) -> list[float]:
    """Best seconds of ours and of the raw SQL."""
    return [best_of(repeat, lambda: case.ours(db, flt, today)),
            best_of(repeat, lambda: case.raw(conn, case.key, flt))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("bench/data/large.sqlite3"))
    parser.add_argument("--month", help="YYYY-MM (default: the last whole month before the latest order)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--plan", action="store_true", help="print the query plans of every analysis")
    parser.add_argument("--only", nargs="*", default=[], help="analysis keys to run")
    args = parser.parse_args()
    conn = sqlite3.connect(read_only_uri(args.db), uri=True)
    conn.execute("PRAGMA cache_size=-32000")  # as the app's connections (db/engine.py)
    latest = date.fromisoformat(conn.execute("SELECT MAX(issued_on) FROM sales_order").fetchone()[0])
    month = args.month or f"{latest.replace(day=1) - timedelta(days=1):%Y-%m}"
    one = ReportFilter.month(month)
    year = ReportFilter(sales.shift_months(one.end, -12), one.end)
    db = open_read_only(args.db, FixedClock(datetime.combine(latest, datetime.min.time())))
    lines = conn.execute(f"SELECT COUNT(*) FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id "
                         f"AND l.deleted_at IS NULL WHERE o.deleted_at IS NULL AND o.status IN {SOLD} "
                         "AND o.issued_on >= ? AND o.issued_on < ?",
                         (one.start.isoformat(), one.end.isoformat())).fetchone()[0]
    print(f"{args.db}: {month} has {lines:,} lines of sales; 12 months = {year.start} .. {year.end}; "
          f"today {latest}; best of {args.repeat}")
    print(f"{'analysis':<20} {'month':>11} {'raw':>11} {'12 months':>11} {'raw':>11}   at most (month)  rows")
    try:
        for case in CASES:
            if args.only and case.key not in args.only:
                continue
            times = []
            for flt in (one, year):
                table = case.ours(db, flt, latest)
                if not case.agrees(table, case.raw(conn, case.key, flt)):
                    raise SystemExit(f"{case.key}: raw SQL disagrees for {flt.start}..{flt.end}")
                times += timings(case, db, conn, flt, latest, args.repeat)
            print(f"{case.key:<20} {ms(times[0]):>11} {ms(times[1]):>11} {ms(times[2]):>11} {ms(times[3]):>11}"
                  f"   {case.at_most_ms} ms{' OVER' if times[0] * 1000 > case.at_most_ms else ''}"
                  f"{len(table.rows):>10,}", flush=True)
            if args.plan:
                print_plans(db, conn, case, one, latest)
    finally:
        conn.close()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
