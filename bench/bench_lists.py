"""Issue 16: the first page of the companies, contacts, sales orders, deals and leads lists, through
the tab's own path, beside plain sqlite3.

    python bench/bench_lists.py [--db bench/data/large.sqlite3] [--leads-db bench/data/leads-200k.sqlite3]

"First page" is what a list tab does when shown: `LazyTableModel.reload()` on the tab's default sort
(the first column, name) with no filter, then the first screen of rows (`row_at` of row 0, which
fetches the first block). The model gets its source from the queries the tab calls. The baseline is
plain sqlite3 reading the same 50 rows in the same order, joined the same way.

The companies, contacts, orders and deals lists run on the large demo (100k companies, 300k
contacts, 184k sales orders newest first as the tab opens, 10k deals), opened read only. The large
demo has 20k leads, so the leads list runs on a database in /tmp holding 200k leads: a small demo
topped up with the pipeline generator through the bulk loader, built once (about 30 s) and migrated
by the app like any copy.

The tab reads a head (queries/listing.list_head, sales.documents.document_head): the count of an
unfiltered companies, contacts or leads list is the table's live count (db/live_counts.py, migration
0022; orders: a count along a live partial index), and the first block's keys, the records' ids,
along the default order's index, which ends with the id (ix_account_live_name, ix_contact_live_name,
ix_lead_live_name on (sort_key, id), migration 0021; ix_sales_order_live_issued, 0023); every key is
read only when the view needs a row past the first block. "every key first" is the path before. A
database before those migrations (the large demo as generated, never migrated by a benchmark) lacks
the indexes and the counts: give `--db` a copy migrated by the app.

Figures (best of 5; `python bench/bench_lists.py`):

    2026-12-07 03:45 UTC, load 2.2, before (every key first; /tmp leads database at 0019)
      companies list first page (100,000)   81.2 ms   plain sqlite3 page 0.2 ms
      leads list first page (200,000)      371.4 ms   plain sqlite3 page 188 ms (no index for the name)
    2026-12-07 03:53 UTC, load 1.35, after
      companies list first page (100,000)   23.9 ms   plain page 0.2 ms, plain page + count 10.9 ms
      leads list first page (200,000)       23.2 ms   plain page 0.2 ms, plain page + count 20.3 ms
      every key first (the old path, now with the index): companies 86.4 ms, leads 159.9 ms
    2026-12-07 03:57 UTC, load 1.94 (other workers busy), after counting a filtered list without an order
      companies list first page (100,000)   21.9 ms   plain page 0.3 ms, plain page + count 12.2 ms
      leads list first page (200,000)       26.1 ms   plain page 0.2 ms, plain page + count 22.5 ms
      every key first: companies 108.6 ms, leads 172.0 ms
    The count is most of it (about 10 ms per 100,000 index entries); in a quiet moment the companies'
    head and rows take 11.8 ms.
    2026-12-07 04:09 UTC, load 1.35, the contacts list reads its head too (ix_contact_live_name)
      contacts list first page (300,000)    32.9 ms   plain page 0.3 ms, plain page + count 33.2 ms
      every key first (before): contacts 260.2 ms
    2026-12-07 04:10 UTC, load 1.5, the count of an unfiltered list searches its live-name index with
    `name >= ''` (flattened, no ordered subquery); the plain count does the same, with the app's page cache
      companies list first page (100,000)    9.9 ms   plain page 0.2 ms, plain page + count  5.1 ms
      contacts list first page (300,000)    19.8 ms   plain page 0.3 ms, plain page + count 17.7 ms
      leads list first page (200,000)       15.7 ms   plain page 0.2 ms, plain page + count 10.8 ms
      every key first (before): companies 82.5 ms, contacts 300.7 ms, leads 160.2 ms
    2026-12-07 04:14 UTC, load 1.55, the orders (and quotations) page reads its head too: the count with
    no order (a live partial index covers it), the first block along ix_sales_order_live_issued
      orders list first page (183,661)      15.6 ms   plain page 0.4 ms, plain page + count 3.3 ms
      every key first (before): orders 143.2 ms
    The plain page sums each order's lines; the app's rows also work out the money (bill discount, VAT).
    2026-12-07 04:15 UTC, load 1.64, the deals list reads its head too (a count with no order, the first
    block by a top-200 sort of the close dates: no index orders them, none needed at 10k deals)
      companies list first page (100,000)    8.9 ms   plain page 0.2 ms, plain page + count  5.0 ms
      contacts list first page (300,000)    18.6 ms   plain page 0.2 ms, plain page + count 15.0 ms
      orders list first page (183,661)      17.2 ms   plain page 0.4 ms, plain page + count  3.4 ms
      deals list first page (10,000)         8.3 ms   plain page 2.4 ms, plain page + count  3.3 ms
      leads list first page (200,000)       14.6 ms   plain page 0.2 ms, plain page + count 10.1 ms
      every key first (before): companies 76.8, contacts 229.1, orders 150.9, deals 17.0, leads 156.6 ms
    2026-12-07 06:20 UTC, load 1.9, lists keyed by the record's id (issue 16 item 5, migration 0021), the
    best of two runs each way, alternated. Before: main e453419 on a large demo generated in /tmp by the
    same generator (revision 0020); after: this tree on a copy of it migrated to 0021 (27 s), `--db`:
      first page            companies  9.3 ->  8.3 ms   contacts 18.9 -> 18.3 ms   orders 17.1 -> 16.5 ms
                            deals      9.1 ->  9.4 ms   leads    15.4 -> 12.8 ms
      every key first       companies   77 ->  101 ms   contacts  224 ->  278 ms   orders  144 ->  168 ms
                            deals       18 ->   18 ms   leads     147 ->  176 ms
    The first page is as fast (the count walks a narrower index than the name's); every key costs a
    fifth more, in Python: 300,000 ids are 28 MB of strings where rowids were 11 MB of ints.
    2026-12-07 06:44 UTC, load 0.8, main f9c59f9: the count of an unfiltered list is the live count
    (0022), the default orders are the sort keys then the id (0021, 0023); `python bench/bench_lists.py`
    on the large demo migrated to 0023 (and the 200k-lead database built at 0023)
      companies list first page (100,000)    5.0 ms   plain page 0.3 ms, plain page + count 0.2 ms
      contacts list first page (300,000)     5.9 ms   plain page 0.3 ms, plain page + count 0.2 ms
      orders list first page (183,661)      18.8 ms   plain page 0.4 ms, plain page + count 3.7 ms
      deals list first page (10,000)         9.0 ms   plain page 4.7 ms, plain page + count 6.4 ms
      leads list first page (200,000)        5.4 ms   plain page 0.2 ms, plain page + count 0.2 ms
      every key first: companies 98.9, contacts 271.5, orders 171.6, deals 16.0, leads 172.3 ms
    (the plain count reads live_count as the list does)
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from bench.common import DEFAULT_DIR, best_of, ms, open_read_only, row
from crm_desktop.db import bulk
from crm_desktop.demo.generate import SIZES, _Generator
from crm_desktop.demo.pipeline import PipelineGenerator
from crm_desktop.main import SystemClock
from crm_desktop.models import Target
from crm_desktop.queries.accounts import AccountFilter, account_head, account_keys, account_rows
from crm_desktop.queries.contacts import ContactFilter, contact_head, contact_keys, contact_rows
from crm_desktop.queries.leads import LeadFilter, lead_head, lead_keys, lead_rows
from crm_desktop.queries.opportunities import OpportunityFilter, opportunity_head, opportunity_keys, opportunity_rows
from crm_desktop.queries.sales.documents import DocumentFilter, document_head, document_keys, document_rows
from crm_desktop.services.app import open_app
from crm_desktop.ui.table_model import Column, LazyTableModel

LEADS = 200_000
PAGE = 50

RAW_ACCOUNTS = """
SELECT a.id, a.name, a.tax_id, a.branch_code, a.industry, a.segment, a.phone, a.email, a.province,
       coalesce(u.name, ''), coalesce(p.name, ''), a.tags, a.updated_at
FROM account a LEFT JOIN user u ON u.id = a.owner_id
LEFT JOIN account p ON p.id = a.parent_id AND p.deleted_at IS NULL
WHERE a.deleted_at IS NULL ORDER BY a.sort_key, a.id LIMIT ?"""

RAW_CONTACTS = """
SELECT c.id, c.prefix, c.first_name, c.last_name, c.nickname, coalesce(a.name, ''), c.position, c.mobile,
       c.email, c.line_id, c.province, c.birthday, coalesce(u.name, ''), c.tags, c.updated_at
FROM contact c LEFT JOIN account a ON a.id = c.account_id AND a.deleted_at IS NULL
LEFT JOIN user u ON u.id = c.owner_id
WHERE c.deleted_at IS NULL ORDER BY c.sort_key, c.id LIMIT ?"""

# The app's rows also carry each order's money (bill discount, VAT); the plain page sums its lines.
RAW_ORDERS = """
SELECT o.id, o.number, o.provisional_number, o.status, o.issued_on, a.name, c.prefix, c.first_name,
       c.last_name, o.account_id, o.contact_id, coalesce(u.name, ''), o.channel,
       (SELECT count(*) || ' ' || sum(l.quantity_milli * l.unit_price_satang / 1000 - l.discount_satang)
        FROM sales_order_line l WHERE l.order_id = o.id AND l.deleted_at IS NULL)
FROM sales_order o LEFT JOIN account a ON a.id = o.account_id LEFT JOIN contact c ON c.id = o.contact_id
LEFT JOIN user u ON u.id = o.owner_id
WHERE o.deleted_at IS NULL ORDER BY o.issued_on DESC, o.id DESC LIMIT ?"""

# The page first, then its rows: a sorted select would work out every deal's stage entry to sort them.
RAW_DEALS = """
SELECT o.id, o.name, coalesce(a.name, ''), o.amount_satang, o.probability, o.expected_close, o.stage_id,
       s.name, s.kind, coalesce(u.name, ''), o.channel,
       coalesce((SELECT max(h.changed_at) FROM stage_history h WHERE h.opportunity_id = o.id AND h.deleted_at IS NULL),
                o.created_at), o.updated_at
FROM (SELECT id AS k FROM opportunity WHERE deleted_at IS NULL ORDER BY expected_close, id LIMIT ?) AS page
JOIN opportunity o ON o.id = page.k JOIN stage s ON s.id = o.stage_id LEFT JOIN account a ON a.id = o.account_id
LEFT JOIN user u ON u.id = o.owner_id ORDER BY o.expected_close, o.id"""

RAW_LEADS = """
SELECT l.id, l.prefix, l.first_name, l.last_name, l.company_name, coalesce(nullif(l.mobile, ''), l.phone),
       l.email, l.province, l.source, l.status, l.score, coalesce(u.name, ''), coalesce(c.name, ''), l.created_at,
       l.updated_at
FROM lead l LEFT JOIN user u ON u.id = l.owner_id LEFT JOIN campaign c ON c.id = l.campaign_id
WHERE l.deleted_at IS NULL ORDER BY l.sort_key, l.id LIMIT ?"""


def build_leads_db(path: Path) -> None:
    """A small demo topped up to LEADS leads (pipeline generator, bulk loader), unless it exists."""
    if path.exists():
        return
    ctx = open_app(path, clock=SystemClock())
    try:
        from crm_desktop.demo.generate import load_demo

        load_demo(ctx.database, "small", None)
        conn = sqlite3.connect(path)
        have = conn.execute("SELECT count(*) FROM lead").fetchone()[0]
        reps = [r[0] for r in conn.execute("SELECT id FROM user WHERE role IN ('sales', 'manager')")]
        accounts = conn.execute(
            "SELECT a.id, (SELECT c.id FROM contact c WHERE c.account_id = a.id LIMIT 1) FROM account a").fetchall()
        conn.close()
        base = _Generator(seed=4, size=SIZES["small"], today=ctx.today())
        pipeline = PipelineGenerator(random.Random(4), ctx.today(), reps, accounts, base.places, base.mobile)
        # The demo has its own targets (same fixed ids): only the campaigns and leads are added.
        batches = (b for b in pipeline.batches(LEADS - have, 0) if b[0] is not Target)
        bulk.load(ctx.database, None, batches, 0)
    finally:
        ctx.close()


def first_page(keys: Callable[[str, bool], list[str]], rows: Callable[[Sequence[str]], Sequence[Any]],
               head: Any = None) -> Callable[[], object]:
    """What the tab does when shown: reload the model, then the first row (its block of rows)."""
    columns = [Column("name", "name", lambda r: r.name)]

    def run() -> object:
        model = LazyTableModel(columns, keys, rows, head_fn=head)
        model.reload()
        return model.row_at(0)

    return run


def raw_page(path: Path, sql: str, count_sql: str = "") -> Callable[[], object]:
    """The same 50 rows in plain sqlite3; with `count_sql`, the list's count too (the tab shows it)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.execute("PRAGMA cache_size=-32000")  # the app's page cache (db/engine.py): 300k index entries fit
    if not count_sql:
        return lambda: conn.execute(sql, (PAGE,)).fetchall()
    return lambda: (conn.execute(count_sql).fetchone(), conn.execute(sql, (PAGE,)).fetchall())


def figure(label: str, table: str, path: Path, keys: Any, rows: Any, head: Any, raw_sql: str,
           live: bool = False) -> None:
    """`live`: the list's count is the table's live count (db/live_counts.py), which the plain figure
    reads too; otherwise both count the live rows."""
    count_sql = (f"SELECT live FROM live_count WHERE entity = '{table}'" if live
                 else f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL")
    live = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    count = live.execute(count_sql).fetchone()[0]
    live.close()
    ours = best_of(5, first_page(keys, rows, head))
    every_key = best_of(5, first_page(keys, rows, None))
    raw = best_of(5, raw_page(path, raw_sql))
    raw_counted = best_of(5, raw_page(path, raw_sql, count_sql))
    row(f"{label} ({count:,})", ms(ours), ms(raw), "<= 30 ms")
    row("  the same, plain sqlite3 with the count", "", ms(raw_counted), "")
    row("  every key first (before)", ms(every_key), "", "")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT_DIR / "large.sqlite3")
    parser.add_argument("--leads-db", type=Path, default=DEFAULT_DIR / "leads-200k.sqlite3")
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    start = time.perf_counter()
    build_leads_db(args.leads_db)
    if args.build_only:
        print(f"built in {time.perf_counter() - start:.1f} s")
        return 0
    QApplication([])
    print(f"load average {os.getloadavg()[0]:.2f}")
    row("", "crm_desktop", "plain sqlite3", "target")
    large = open_read_only(args.db, SystemClock())
    try:
        flt = AccountFilter()
        figure("companies list first page", "account", args.db, lambda s, d: account_keys(large, flt, s, d),
               lambda k: account_rows(large, k), lambda s, d, n: account_head(large, flt, s, d, n),
               RAW_ACCOUNTS, live=True)
        cflt = ContactFilter()
        figure("contacts list first page", "contact", args.db, lambda s, d: contact_keys(large, cflt, s, d),
               lambda k: contact_rows(large, k), lambda s, d, n: contact_head(large, cflt, s, d, n),
               RAW_CONTACTS, live=True)
        # The orders tab opens newest first (its date column, descending), whatever the model asks.
        today, dflt = large.time.today(), DocumentFilter()
        figure("orders list first page", "sales_order", args.db,
               lambda s, d: document_keys(large, "sales_order", dflt, "date", True, today),
               lambda k: document_rows(large, "sales_order", k, today),
               lambda s, d, n: document_head(large, "sales_order", dflt, "date", True, n, today), RAW_ORDERS)
        oflt = OpportunityFilter()
        figure("deals list first page", "opportunity", args.db, lambda s, d: opportunity_keys(large, oflt, s, d),
               lambda k: opportunity_rows(large, k, today), lambda s, d, n: opportunity_head(large, oflt, s, d, n),
               RAW_DEALS)
    finally:
        large.close()
    ctx = open_app(args.leads_db, clock=SystemClock())
    try:
        db = ctx.database
        lflt = LeadFilter()
        figure("leads list first page", "lead", args.leads_db, lambda s, d: lead_keys(db, lflt, s, d),
               lambda k: lead_rows(db, k), lambda s, d, n: lead_head(db, lflt, s, d, n), RAW_LEADS, live=True)
    finally:
        ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
