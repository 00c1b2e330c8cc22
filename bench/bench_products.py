"""Products benchmark: the Products tab's first page, its filters and the line editor's picker.

    python bench/bench_products.py [--sizes 2000,50000] [--fresh]

Generates (once per size, through the bulk loader with its change log and search index) products
in real-looking categories with Thai and English names, then times each query beside the same SQL
through plain sqlite3 on the same file. 2,000 products is the demo's scale; 50,000 shows how it
grows. The list's "first page" is what the tab runs when shown: the ordered keys of the whole
result, then the rows of the first block (200) the view asks for.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEFAULT_DIR, best_of, ms, row

from crm_desktop.db import bulk
from crm_desktop.main import SystemClock
from crm_desktop.models import Product, new_id
from crm_desktop.queries.products import (
    ProductFilter,
    pick_products,
    price_history,
    product_keys,
    product_rows,
)
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.products import product_input, update_product

BLOCK = 200  # LazyTableModel's block size: the rows of the first screen and a little more
BATCH = 5_000
CATEGORIES = {
    "เครื่องปรับอากาศ": ("แอร์", "Air conditioner", "AC", ("ติดผนัง", "ตู้ตั้ง", "แขวน", "อินเวอร์เตอร์")),
    "เครื่องใช้ไฟฟ้า": ("พัดลม", "Fan", "FAN", ("ตั้งพื้น", "ติดผนัง", "ไอเย็น", "เพดาน")),
    "อุปกรณ์สำนักงาน": ("เครื่องพิมพ์", "Printer", "PRN", ("เลเซอร์", "อิงค์เจ็ท", "มัลติฟังก์ชัน")),
    "ของขวัญ": ("กระเช้าของขวัญ", "Gift basket", "GFT", ("ผลไม้", "ขนม", "ปีใหม่", "พรีเมียม")),
    "บริการ": ("ค่าบริการล้าง", "Cleaning service", "SV", ("รายปี", "รายครั้ง", "ด่วน")),
    "อะไหล่": ("คอมเพรสเซอร์", "Compressor", "SP", ("รุ่นเล็ก", "รุ่นกลาง", "รุ่นใหญ่")),
}
UNITS = ("ชิ้น", "ชุด", "กล่อง", "เครื่อง", "ครั้ง")


def generate(ctx: AppContext, count: int) -> float:
    rnd = random.Random(13)
    start = time.perf_counter()
    rows: list[dict[str, Any]] = []
    names = list(CATEGORIES.items())
    for i in range(count):
        category, (thai, english, code, kinds) = names[i % len(names)]
        kind = rnd.choice(kinds)
        size = rnd.choice((9000, 12000, 18000, 24000, 1, 2, 3))
        rows.append({
            "id": new_id(), "sku": f"{code}-{i:06d}", "name_th": f"{thai}{kind} {size:,} รุ่น {i}",
            "name_en": f"{english} {size} model {i}", "category": category, "unit": rnd.choice(UNITS),
            "price_satang": rnd.randrange(100, 100_000) * 100, "cost_satang": rnd.randrange(50, 80_000) * 100,
            "vatable": rnd.random() > 0.1, "active": rnd.random() > 0.05,
        })
    batches = [(Product, rows[s:s + BATCH]) for s in range(0, count, BATCH)]
    bulk.load(ctx.database, ctx.user_id, batches, count)
    return time.perf_counter() - start


RAW_KEYS = "SELECT rowid FROM product WHERE deleted_at IS NULL AND active = 1 {extra} ORDER BY {order}, rowid"
RAW_ROWS = ("SELECT rowid, id, sku, name_th, name_en, category, unit, price_satang, cost_satang, vatable, active, "
            "updated_at FROM product WHERE deleted_at IS NULL AND rowid IN ({marks})")
RAW_TEXT = ("AND rowid IN (SELECT rowid FROM product_fts WHERE body LIKE ? AND instr(lower(body), lower(?)) > 0)")
RAW_PICK = ("SELECT id, sku, name_th, name_en, unit, price_satang, vatable FROM product WHERE deleted_at IS NULL "
            "AND active = 1 AND rowid IN (SELECT rowid FROM product_fts WHERE body LIKE ? "
            "AND instr(lower(body), lower(?)) > 0) "
            "ORDER BY CASE WHEN sku = ? THEN 0 WHEN sku LIKE ? THEN 1 ELSE 2 END, sku LIMIT 20")
RAW_PICK_SHORT = ("SELECT id, sku, name_th, name_en, unit, price_satang, vatable FROM product WHERE deleted_at IS NULL "
                  "AND active = 1 AND rowid IN (SELECT rowid FROM product_fts WHERE instr(lower(body), lower(?)) > 0) "
                  "ORDER BY CASE WHEN sku = ? THEN 0 WHEN sku LIKE ? THEN 1 ELSE 2 END, sku LIMIT 20")


def raw_page(path: Path, order: str, text: str = "", category: str = "") -> None:
    conn = sqlite3.connect(path)
    extra, params = "", []
    if text:
        extra += " " + RAW_TEXT
        params += [f"%{text}%", text]
    if category:
        extra += " AND category = ?"
        params.append(category)
    keys = [r[0] for r in conn.execute(RAW_KEYS.format(extra=extra, order=order), params)]
    first = keys[:BLOCK]
    conn.execute(RAW_ROWS.format(marks=",".join("?" * len(first))), first).fetchall()
    conn.close()


def raw_pick(path: Path, text: str) -> None:
    conn = sqlite3.connect(path)
    code = text.upper()
    if len(text) >= 3:
        conn.execute(RAW_PICK, (f"%{text}%", text, code, f"{code}%")).fetchall()
    else:
        conn.execute(RAW_PICK_SHORT, (text, code, f"{code}%")).fetchall()
    conn.close()


def page(ctx: AppContext, flt: ProductFilter, sort: str = "sku") -> None:
    db = ctx.database
    product_rows(db, product_keys(db, flt, sort)[:BLOCK])


def bench_size(path: Path, count: int, fresh: bool) -> None:
    if fresh:
        for extra in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            extra.unlink(missing_ok=True)
    created = not path.exists()
    ctx = open_app(path, clock=SystemClock())
    try:
        print(f"\n{count:,} products — {path}")
        row("", "crm_desktop", "raw sqlite3", "")
        if created:
            row(f"generate {count:,} products", f"{generate(ctx, count):8.1f} s", "", "")
        db = ctx.database
        row("list first page (by SKU)", ms(best_of(5, lambda: page(ctx, ProductFilter()))),
            ms(best_of(5, lambda: raw_page(path, "sku"))), "")
        row("list first page (by Thai name)", ms(best_of(5, lambda: page(ctx, ProductFilter(), "name_th"))),
            ms(best_of(5, lambda: raw_page(path, "sort_key, id"))), "")
        row("list filtered 'แอร์'", ms(best_of(5, lambda: page(ctx, ProductFilter(text="แอร์")))),
            ms(best_of(5, lambda: raw_page(path, "sku", text="แอร์"))), "")
        row("list filtered by category", ms(best_of(5, lambda: page(ctx, ProductFilter(category="ของขวัญ")))),
            ms(best_of(5, lambda: raw_page(path, "sku", category="ของขวัญ"))), "")
        for text in ("แอร์ติดผนัง", "AC-0001", "model 1234", "แอ"):
            row(f"picker '{text}' (top 20)", ms(best_of(5, lambda t=text: pick_products(db, t))),
                ms(best_of(5, lambda t=text: raw_pick(path, t))), "")
        one = pick_products(db, "AC-000000")[0].id
        data = product_input(ctx.uow(), one)
        for step in range(5):
            data.price_satang += 100 * (step + 1)
            update_product(ctx.uow(), one, data)
        row("price history of one product", ms(best_of(5, lambda: price_history(db, one))), "", "")
    finally:
        ctx.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,50000", help="comma-separated product counts")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--fresh", action="store_true", help="delete and regenerate the databases")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    for count in (int(s) for s in args.sizes.split(",")):
        bench_size(args.dir / f"products-{count}.sqlite3", count, args.fresh)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
