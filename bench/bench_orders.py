"""Orders benchmark (issue 13): the Orders tab on 500,000 order lines.

    python bench/bench_orders.py [--db PATH] [--fresh]

Generates (once, through the bulk loader with its change log) 125,000 sales orders over 24 months
with 500,000 lines (1 to 7 each), 5,000 companies, 2,000 people buying as B2C customers, 12 reps,
then times the list's queries beside hand-written SQL through plain sqlite3 in the same run.
Target: orders list first page <= 30 ms.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEFAULT_DIR, best_of, ms, row

from crm_desktop.db import bulk
from crm_desktop.exchange.orders import export_orders
from crm_desktop.main import SystemClock
from crm_desktop.models import Account, Contact, Product, SalesOrder, SalesOrderLine, User, new_id
from crm_desktop.queries.sales.detail import document_detail
from crm_desktop.queries.sales.documents import (
    DocumentFilter,
    document_count,
    document_keys,
    document_page,
    document_rows,
    document_totals,
)
from crm_desktop.services.app import AppContext, open_app

ORDERS, LINES, REPS, ACCOUNTS, PEOPLE, PRODUCTS = 125_000, 500_000, 12, 5_000, 2_000, 2_000
PAGE = 100
TODAY = date(2026, 11, 23)
BATCH = 5_000
STATUSES = ("invoiced", "delivered", "partly_delivered", "confirmed", "draft", "cancelled")


def _chunks(model: type[Any], rows: list[dict[str, Any]]) -> Iterator[tuple[type[Any], list[dict[str, Any]]]]:
    for start in range(0, len(rows), BATCH):
        yield model, rows[start : start + BATCH]


def _status(rnd: random.Random, age_days: int) -> str:
    """Old orders are invoiced; recent ones anywhere along the way."""
    if age_days > 60:
        return "cancelled" if rnd.random() < 0.03 else "invoiced"
    return rnd.choices(STATUSES, weights=(20, 15, 15, 35, 10, 5))[0]


def generate(ctx: AppContext) -> float:
    """Fill the database; returns seconds taken."""
    rnd = random.Random(13)
    start = time.perf_counter()
    reps = [{"id": new_id(), "name": f"พนักงานขาย {i:02d}", "role": "sales"} for i in range(REPS)]
    accounts = [{"id": new_id(), "name": f"บริษัท ลูกค้า {i:05d} จำกัด", "tax_id": ""} for i in range(ACCOUNTS)]
    people = [{"id": new_id(), "first_name": f"ลูกค้า{i:04d}", "last_name": "ใจดี"} for i in range(PEOPLE)]
    products = [{"id": new_id(), "sku": f"P{i:05d}", "name_th": f"สินค้า {i:05d}", "unit": "ชิ้น",
                 "price_satang": rnd.randrange(20, 50_000) * 100} for i in range(PRODUCTS)]
    orders: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    per_order = [1 + (i % 7) for i in range(ORDERS)]  # 1..7, mean 4: 500,000 lines
    for i, count in enumerate(per_order):
        age = rnd.randrange(0, 730)
        issued = TODAY - timedelta(days=age)
        status = _status(rnd, age)
        b2c = rnd.random() < 0.2
        order_id = new_id()
        orders.append({
            "id": order_id, "number": f"SO{issued.year + 543}-{i + 1:06d}", "issued_on": issued, "status": status,
            "account_id": None if b2c else accounts[rnd.randrange(ACCOUNTS)]["id"],
            "contact_id": people[rnd.randrange(PEOPLE)]["id"] if b2c else None,
            "owner_id": reps[rnd.randrange(REPS)]["id"], "channel": rnd.choice(("LINE", "phone", "shop", "web")),
            "bill_discount_satang": rnd.choice((0, 0, 0, 5_000, 10_000)),
            "confirmed_on": issued if status != "draft" else None,
        })
        for position in range(count):
            product = products[rnd.randrange(PRODUCTS)]
            quantity = rnd.randrange(1, 20) * 1000
            done = status in ("delivered", "invoiced")
            delivered = quantity if done else (quantity // 2 if status == "partly_delivered" else 0)
            lines.append({
                "order_id": order_id, "product_id": product["id"], "description": product["name_th"], "unit": "ชิ้น",
                "quantity_milli": quantity, "unit_price_satang": product["price_satang"],
                "discount_bp": rnd.choice((0, 0, 500, 1_000)), "position": position,
                "promised_on": issued + timedelta(days=rnd.randrange(3, 30)), "delivered_milli": delivered,
            })
    batches = [(User, reps), *_chunks(Account, accounts), *_chunks(Contact, people), *_chunks(Product, products),
               *_chunks(SalesOrder, orders), *_chunks(SalesOrderLine, lines)]
    bulk.load(ctx.database, ctx.user_id, batches, sum(len(b[1]) for b in batches))
    return time.perf_counter() - start


# The same first page written by hand: the page's keys by date through the live index, then those
# orders with their lines summed (gross, discount, VAT-able net) and the document's VAT in SQL.
RAW_KEYS = """
SELECT rowid FROM sales_order WHERE deleted_at IS NULL ORDER BY issued_on DESC, rowid DESC LIMIT ? OFFSET 0
"""
RAW_ROWS = """
WITH page AS (SELECT id FROM sales_order WHERE rowid IN ({marks})),
sums AS (
  SELECT order_id,
         sum(g - min(d, g)) AS subtotal,
         sum(CASE WHEN vatable THEN g - min(d, g) ELSE 0 END) AS vatable_net,
         count(*) AS lines,
         sum(delivered_milli >= quantity_milli) AS done,
         max(promised_on < :today AND delivered_milli < quantity_milli) AS late
  FROM (SELECT order_id, vatable, delivered_milli, quantity_milli, promised_on,
               (2 * quantity_milli * unit_price_satang + 1000) / 2000 AS g,
               CASE WHEN discount_bp > 0
                    THEN ((2 * quantity_milli * unit_price_satang + 1000) / 2000) * discount_bp / 10000
                    ELSE discount_satang END AS d
        FROM sales_order_line WHERE deleted_at IS NULL AND order_id IN (SELECT id FROM page))
  GROUP BY order_id)
SELECT o.rowid, o.id, o.number, o.status, o.issued_on, coalesce(a.name, c.first_name || ' ' || c.last_name),
       coalesce(u.name, ''), o.channel,
       s.subtotal - min(o.bill_discount_satang, s.subtotal) AS amount, s.vatable_net, s.lines, s.done, s.late
FROM sales_order o LEFT JOIN sums s ON s.order_id = o.id
LEFT JOIN account a ON a.id = o.account_id LEFT JOIN contact c ON c.id = o.contact_id
LEFT JOIN user u ON u.id = o.owner_id
WHERE o.rowid IN ({marks})
"""


def raw_first_page(path: Path) -> None:
    conn = sqlite3.connect(path)
    keys = [r[0] for r in conn.execute(RAW_KEYS, (PAGE,))]
    marks = ",".join(str(k) for k in keys)
    conn.execute(RAW_ROWS.format(marks=marks), {"today": TODAY.isoformat()}).fetchall()
    conn.close()


RAW_MONTH_TOTALS = """
WITH sums AS (
  SELECT order_id, sum(g - min(d, g)) AS subtotal, sum(CASE WHEN vatable THEN g - min(d, g) ELSE 0 END) AS v
  FROM (SELECT order_id, vatable, (2 * quantity_milli * unit_price_satang + 1000) / 2000 AS g,
               CASE WHEN discount_bp > 0
                    THEN ((2 * quantity_milli * unit_price_satang + 1000) / 2000) * discount_bp / 10000
                    ELSE discount_satang END AS d
        FROM sales_order_line WHERE deleted_at IS NULL AND order_id IN
             (SELECT id FROM sales_order WHERE deleted_at IS NULL AND issued_on >= ? AND issued_on < ?))
  GROUP BY order_id)
SELECT count(*), sum(a), sum(a + (2 * (v - CASE WHEN v = s THEN b ELSE (2 * b * v + s) / (2 * s) END) * vat_bp
                                 + 10000) / 20000)
FROM (SELECT s.subtotal - min(o.bill_discount_satang, s.subtotal) AS a, s.subtotal AS s, s.v AS v,
             min(o.bill_discount_satang, s.subtotal) AS b, o.vat_bp
      FROM sales_order o JOIN sums s ON s.order_id = o.id)
"""


def raw_month_totals(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(RAW_MONTH_TOTALS, ("2026-10-01", "2026-11-01")).fetchall()
    conn.close()


def raw_late_page(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "SELECT rowid FROM sales_order WHERE deleted_at IS NULL AND status != 'cancelled' AND id IN "
        "(SELECT order_id FROM sales_order_line WHERE promised_on < ? AND deleted_at IS NULL "
        "AND delivered_milli < quantity_milli) ORDER BY issued_on DESC, rowid DESC LIMIT ?",
        (TODAY.isoformat(), PAGE)).fetchall()
    conn.close()


def raw_count(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("SELECT count(*) FROM sales_order WHERE deleted_at IS NULL").fetchall()
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT_DIR / "orders-500k.sqlite3")
    parser.add_argument("--fresh", action="store_true", help="delete and regenerate the database")
    args = parser.parse_args()
    path: Path = args.db
    if args.fresh and path.exists():
        for extra in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            extra.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    created = not path.exists()
    ctx = open_app(path, clock=SystemClock())
    try:
        print(f"database: {path}")
        row("", "crm_desktop", "raw sqlite3", "target")
        if created:
            row(f"generate {ORDERS:,} orders, {LINES:,} lines", f"{generate(ctx):8.1f} s", "", "")
        db, every = ctx.database, DocumentFilter()
        kind = "sales_order"
        page = document_page(db, kind, every, limit=PAGE, today=TODAY)
        assert len(page) == PAGE
        row(f"first page ({PAGE} rows, newest first)",
            ms(best_of(7, lambda: document_page(db, kind, every, limit=PAGE, today=TODAY))),
            ms(best_of(7, lambda: raw_first_page(path))), "<= 30 ms")
        row("count of all orders", ms(best_of(7, lambda: document_count(db, kind, every, TODAY))),
            ms(best_of(7, lambda: raw_count(path))), "")
        late = DocumentFilter(late_only=True)
        row("first page, late only", ms(best_of(5, lambda: document_page(db, kind, late, limit=PAGE, today=TODAY))),
            ms(best_of(5, lambda: raw_late_page(path))), "<= 30 ms")
        for label, flt, sort in (
            ("first page, one rep", DocumentFilter(owner_id=_owner(path)), "date"),
            ("first page, month 2026-10", DocumentFilter(month="2026-10"), "date"),
            ("first page, status confirmed", DocumentFilter(status="confirmed"), "date"),
            ("first page, text 'ลูกค้า 0042'", DocumentFilter(text="ลูกค้า 0042"), "date"),
            ("first page, by number", every, "number"),
            ("first page, by customer", every, "customer"),
            ("first page, by total (sums all lines)", every, "total"),
        ):
            row(label, ms(best_of(3, lambda flt=flt, sort=sort: document_page(db, kind, flt, sort, limit=PAGE,
                                                                              today=TODAY))), "", "")
        row("keys of all orders + first rows (lazy list)",
            ms(best_of(3, lambda: document_rows(db, kind, document_keys(db, kind, every, today=TODAY)[:PAGE],
                                                TODAY))), "", "")
        row("totals of month 2026-10", ms(best_of(3, lambda: document_totals(db, kind,
                                                                             DocumentFilter(month="2026-10"),
                                                                             TODAY))),
            ms(best_of(3, lambda: raw_month_totals(path))), "")
        row("totals of all 125k orders", ms(best_of(1, lambda: document_totals(db, kind, every, TODAY))), "", "")
        row("detail of one order", ms(best_of(7, lambda: document_detail(db, kind, page[0].id, TODAY))), "", "")
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "orders.xlsx"
            row("export orders 2026-10 (xlsx)", ms(best_of(1, lambda: export_orders(
                db, out, "xlsx", month="2026-10", force=True))), "", "")
    finally:
        ctx.close()
    conn = sqlite3.connect(path)
    plan = conn.execute("EXPLAIN QUERY PLAN " + RAW_KEYS, (PAGE,)).fetchall()
    conn.close()
    print("page key plan: " + " | ".join(p[-1] for p in plan))
    return 0


def _owner(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT owner_id FROM sales_order LIMIT 1").fetchone()[0])
    finally:
        conn.close()


if __name__ == "__main__":
    raise SystemExit(main())
