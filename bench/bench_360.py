"""Customer 360 benchmark (issue 13): the page's figures on ~500k order lines, beside raw sqlite3.

    python bench/bench_360.py [--db PATH] [--lines 500000]

Generates its own database quickly (raw executemany into a migrated schema; the demo helper builds
the real demo data elsewhere): ~2,000 products with a long tail of popularity, ~20,000 customers
(accounts and B2C contacts) with a few heavy buyers, each with a basket of favourites bought again
and again over 24 months, and ~500k order lines with discounts, VAT included or not, cancelled and
draft orders and deleted lines. Then, for the customer with the most orders, times the real functions
(best of 5, warm) beside raw sqlite3 computing the same figures in the same run:
the page's data (`customer_360`), the purchase history alone, and "next best" (`next_best`).
The generated database is kept at --db (default bench/data/bench-360.sqlite3) and reused.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEFAULT_DIR, best_of, ms, row

from crm_desktop.clock import FixedClock
from crm_desktop.models import new_ids
from crm_desktop.queries.customer360 import _history, _seeds, customer_360, next_best
from crm_desktop.services.app import open_app

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 3, 0)
STAMP = "2026-11-23 03:00:00.000000"
PRODUCTS = 2_000
CUSTOMERS = 20_000
SOLD = "('confirmed', 'partly_delivered', 'delivered', 'invoiced')"


def generate(path: Path, lines_wanted: int) -> None:
    """A migrated database filled with raw inserts (no change log: only the read side is timed)."""
    ctx = open_app(path, clock=FixedClock(NOW))
    ctx.close()
    rnd = random.Random(13)
    start = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    products = new_ids(PRODUCTS)
    categories = ["เครื่องปรับอากาศ", "พัดลม", "ตู้เย็น", "ของขวัญ", "อุปกรณ์สำนักงาน", "เครื่องครัว", "อะไหล่", "บริการ"]
    conn.executemany(
        "INSERT INTO product (id, created_at, updated_at, hlc, site_id, sku, name_th, name_en, category, unit, "
        "price_satang, cost_satang, vatable, active, description) "
        "VALUES (?, ?, ?, 0, '', ?, ?, '', ?, 'ชิ้น', ?, ?, 1, ?, '')",
        [(pid, STAMP, STAMP, f"SKU{i:05d}", f"สินค้า {categories[i % 8]} รุ่น {i}", categories[i % 8],
          rnd.randrange(2_000, 5_000_000), 0, int(rnd.random() > 0.03)) for i, pid in enumerate(products)])
    weights = [1 / (i + 1) ** 0.9 for i in range(PRODUCTS)]  # a long tail: a few products sell most
    accounts = new_ids(CUSTOMERS * 7 // 10)
    conn.executemany(
        "INSERT INTO account (id, created_at, updated_at, hlc, site_id, name, tax_id, branch_code, industry, segment, "
        "phone, email, website, address_line, subdistrict, district, province, postcode, tags, notes, match_key) "
        "VALUES (?, ?, ?, 0, '', ?, '', '', '', '', '', '', '', '', '', '', '', '', '', '', '')",
        [(aid, STAMP, STAMP, f"บริษัท ลูกค้า {i} จำกัด") for i, aid in enumerate(accounts)])
    people = new_ids(CUSTOMERS - len(accounts))
    conn.executemany(
        "INSERT INTO contact (id, created_at, updated_at, hlc, site_id, prefix, first_name, last_name, nickname, "
        "position, mobile, phone, email, line_id, gender, income_band, interests, marketing_consent, tags, notes, "
        "match_key, address_line, subdistrict, district, province, postcode) "
        "VALUES (?, ?, ?, 0, '', 'คุณ', ?, 'ใจดี', '', '', '', '', '', '', '', '', '', 0, '', '', '', '', '', '', "
        "'', '')",
        [(cid, STAMP, STAMP, f"ลูกค้า{i}") for i, cid in enumerate(people)])
    customers = [(a, None) for a in accounts] + [(None, c) for c in people]
    # Heavy-tailed orders per customer: most buy a few times, a handful hundreds of times.
    activity = [min(rnd.paretovariate(1.2), 150.0) for _ in customers]
    first_day = TODAY - timedelta(days=730)
    orders: list[tuple[object, ...]] = []
    lines: list[tuple[object, ...]] = []
    order_ids = iter(new_ids(lines_wanted))  # more ids than orders are ever needed
    line_ids = iter(new_ids(lines_wanted + 10))
    number = 0
    total_activity = sum(activity)
    for (account_id, contact_id), weight in zip(customers, activity, strict=True):
        count = max(1, round(weight / total_activity * lines_wanted / 3.3))
        basket = rnd.choices(products, weights, k=rnd.randrange(3, 16))
        for _ in range(count):
            if len(lines) >= lines_wanted:
                break
            order_id = next(order_ids)
            number += 1
            status = rnd.choices(["invoiced", "delivered", "confirmed", "cancelled", "draft"], [70, 20, 4, 3, 3])[0]
            issued = first_day + timedelta(days=rnd.randrange(730))
            orders.append((order_id, STAMP, STAMP, f"SO{number:07d}", account_id, contact_id, issued.isoformat(),
                           int(rnd.random() < 0.3), rnd.choice([0, 0, 0, 5_000, 10_000]), status))
            for position in range(rnd.randrange(1, 7)):
                product = rnd.choice(basket) if rnd.random() < 0.8 else rnd.choices(products, weights)[0]
                qty = rnd.choice([1_000, 1_000, 2_000, 3_000, 5_000, 1_500, 12_000])
                price = rnd.randrange(5_000, 900_000)
                bp = rnd.choice([0, 0, 0, 500, 1_000])
                lines.append((next(line_ids), STAMP, STAMP, order_id, product, f"รายการ {position}", qty, price, bp,
                              0, int(rnd.random() > 0.05), position, STAMP if rnd.random() < 0.01 else None))
    conn.executemany(
        "INSERT INTO sales_order (id, created_at, updated_at, hlc, site_id, number, provisional_number, account_id, "
        "contact_id, issued_on, channel, prices_include_vat, vat_bp, bill_discount_satang, language, payment_terms, "
        "remarks, notes, status, cancel_reason, delivery_address) "
        "VALUES (?, ?, ?, 0, '', ?, '', ?, ?, ?, '', ?, 700, ?, 'th', '', '', '', ?, '', '')", orders)
    conn.executemany(
        "INSERT INTO sales_order_line (id, created_at, updated_at, hlc, site_id, order_id, product_id, description, "
        "unit, quantity_milli, unit_price_satang, discount_bp, discount_satang, vatable, position, delivered_milli, "
        "delivery_note, deleted_at) VALUES (?, ?, ?, 0, '', ?, ?, ?, 'ชิ้น', ?, ?, ?, ?, ?, ?, 0, '', ?)", lines)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    print(f"generated {len(orders):,} orders, {len(lines):,} lines, {PRODUCTS:,} products, "
          f"{CUSTOMERS:,} customers in {time.perf_counter() - start:.1f} s")


RAW_TOTALS = f"""
WITH ln AS (
  SELECT l.order_id, l.vatable, (2 * l.quantity_milli * l.unit_price_satang + 1000) / 2000 AS gross,
         l.discount_bp, l.discount_satang
  FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id AND l.deleted_at IS NULL
  WHERE o.account_id = :c AND o.deleted_at IS NULL AND o.status IN {SOLD}),
net AS (SELECT order_id, vatable, gross - CASE WHEN discount_bp > 0
          THEN (gross / 10000) * discount_bp + (2 * (gross % 10000) * discount_bp + 10000) / 20000
          ELSE discount_satang END AS net FROM ln),
doc AS (SELECT o.id, o.bill_discount_satang AS bill0, o.vat_bp, o.prices_include_vat AS inc,
          COALESCE(SUM(net.net), 0) AS subtotal, COALESCE(SUM(CASE WHEN net.vatable THEN net.net END), 0) AS vnet
        FROM sales_order o LEFT JOIN net ON net.order_id = o.id
        WHERE o.account_id = :c AND o.deleted_at IS NULL AND o.status IN {SOLD} GROUP BY o.id),
d AS (SELECT MIN(bill0, subtotal) AS bill, * FROM doc),
v AS (SELECT subtotal - bill AS amount, vat_bp, inc,
        vnet - CASE WHEN subtotal > 0 THEN (2 * bill * vnet + subtotal) / (2 * subtotal) ELSE 0 END AS vatable FROM d)
SELECT COUNT(*), SUM(CASE WHEN inc THEN amount ELSE amount + (2 * vatable * vat_bp + 10000) / 20000 END) FROM v
"""

RAW_HISTORY = f"""
SELECT COALESCE(l.product_id, l.description), COUNT(DISTINCT o.id), SUM(l.quantity_milli),
       SUM((2 * l.quantity_milli * l.unit_price_satang + 1000) / 2000), MIN(o.issued_on), MAX(o.issued_on),
       GROUP_CONCAT(DISTINCT o.issued_on)
FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id AND l.deleted_at IS NULL
WHERE o.account_id = :c AND o.deleted_at IS NULL AND o.status IN {SOLD}
GROUP BY 1
"""

RAW_SEED_BUYERS = f"""
SELECT DISTINCT l.product_id, COALESCE(o.account_id, o.contact_id)
FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
WHERE l.product_id IN ({{seeds}}) AND l.deleted_at IS NULL AND o.deleted_at IS NULL AND o.status IN {SOLD}
  AND COALESCE(o.account_id, o.contact_id) != ?
"""
RAW_BASKETS = f"""
SELECT DISTINCT o.account_id, l.product_id FROM sales_order o
JOIN sales_order_line l ON l.order_id = o.id AND l.deleted_at IS NULL
WHERE o.account_id IN ({{ids}}) AND o.status IN {SOLD} AND o.deleted_at IS NULL AND l.product_id IS NOT NULL
UNION ALL
SELECT DISTINCT o.contact_id, l.product_id FROM sales_order o
JOIN sales_order_line l ON l.order_id = o.id AND l.deleted_at IS NULL
WHERE o.contact_id IN ({{ids}}) AND COALESCE(o.account_id, '') = '' AND o.status IN {SOLD} AND o.deleted_at IS NULL
  AND l.product_id IS NOT NULL
"""


def raw_next_best(conn: sqlite3.Connection, customer: str, seeds: list[str]) -> list[tuple[int, str, str]]:
    """(customers, product, seed) for the best seed of each product, from the same seeds, in plain
    sqlite3: the seeds' other buyers, their baskets (ids listed, as one join SQLite builds a Bloom
    filter over every line first), counted in Python."""
    seed_buyers: dict[str, set[str]] = {}
    for seed, buyer in conn.execute(RAW_SEED_BUYERS.format(seeds=",".join("?" * len(seeds))), (*seeds, customer)):
        seed_buyers.setdefault(seed, set()).add(buyer)
    buyers = sorted(set().union(*seed_buyers.values()))
    baskets: dict[str, set[str]] = {}
    for start in range(0, len(buyers), 400):
        ids = buyers[start:start + 400]
        marks = ",".join("?" * len(ids))
        for buyer, product in conn.execute(RAW_BASKETS.format(ids=marks), (*ids, *ids)):
            baskets.setdefault(buyer, set()).add(product)
    mine = {r[0] for r in conn.execute(RAW_MINE, {"c": customer})}
    best: dict[str, tuple[int, str]] = {}
    for seed, who in seed_buyers.items():
        counts: dict[str, int] = {}
        for buyer in who:
            for product in baskets.get(buyer, ()):
                counts[product] = counts.get(product, 0) + 1
        for product, count in counts.items():
            if product not in mine:
                best[product] = max(best.get(product, (count, seed)), (count, seed))
    return sorted(((n, p, s) for p, (n, s) in best.items()), reverse=True)[:50]


RAW_MINE_RANKED = f"""
SELECT l.product_id FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id AND l.deleted_at IS NULL
WHERE o.account_id = :c AND o.deleted_at IS NULL AND o.status IN {SOLD} AND l.product_id IS NOT NULL
GROUP BY 1 ORDER BY COUNT(DISTINCT o.id) DESC, MAX(o.issued_on) DESC, 1
"""
RAW_MINE = f"""
SELECT DISTINCT l.product_id FROM sales_order o JOIN sales_order_line l ON l.order_id = o.id AND l.deleted_at IS NULL
WHERE o.account_id = :c AND o.deleted_at IS NULL AND o.status IN {SOLD} AND l.product_id IS NOT NULL
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DIR / "bench-360.sqlite3")
    parser.add_argument("--lines", type=int, default=500_000)
    args = parser.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        generate(args.db, args.lines)
    ctx = open_app(args.db, clock=FixedClock(NOW))
    conn = sqlite3.connect(args.db)
    try:
        top, orders = conn.execute(
            f"SELECT account_id, COUNT(*) FROM sales_order WHERE account_id IS NOT NULL AND deleted_at IS NULL "
            f"AND status IN {SOLD} GROUP BY 1 ORDER BY 2 DESC LIMIT 1").fetchone()
        lines = conn.execute("SELECT COUNT(*) FROM sales_order_line").fetchone()[0]
        print(f"{lines:,} order lines; the customer with the most orders has {orders:,} sales")
        db = ctx.database
        page = customer_360(db, "account", top, TODAY, NOW)
        assert page is not None
        count, value = conn.execute(RAW_TOTALS, {"c": top}).fetchone()
        assert (count, value) == (page.figures.orders, page.figures.lifetime_value_satang), "raw SQL disagrees"
        history = conn.execute(RAW_HISTORY, {"c": top}).fetchall()
        assert len(history) == len(page.history), "raw SQL disagrees on the history"
        suggestions = next_best(db, "account", top)
        with db.engine.connect() as c:
            mine = [r[0] for r in conn.execute(RAW_MINE_RANKED, {"c": top})]
            seeds = _seeds(c, mine)
        raw_best = raw_next_best(conn, top, seeds)
        assert not suggestions or suggestions[0].together == raw_best[0][0], "raw SQL disagrees on next best"
        print(f"{len(page.history)} products bought; next best: "
              + "; ".join(f"{s.sku} {s.together}/{s.buyers} with {s.because_name}" for s in suggestions))
        print(f"{'figure':<34} {'ours':>14} {'raw sqlite3':>14}   at most")
        row("360 page data (most orders)", ms(best_of(5, lambda: customer_360(db, "account", top, TODAY, NOW))),
            ms(best_of(5, lambda: (conn.execute(RAW_TOTALS, {"c": top}).fetchall(),
                                   conn.execute(RAW_HISTORY, {"c": top}).fetchall()))), "100 ms")
        def ours_history() -> object:
            with db.engine.connect() as c:
                return _history(c, "account", top)

        row("purchase history", ms(best_of(5, ours_history)),
            ms(best_of(5, lambda: conn.execute(RAW_HISTORY, {"c": top}).fetchall())), "50 ms")
        row("next best", ms(best_of(5, lambda: next_best(db, "account", top))),
            ms(best_of(5, lambda: raw_next_best(conn, top, seeds))), "100 ms")
    finally:
        conn.close()
        ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
