"""Issue 4 at full scale: the large demo plus 200,000 leads and 100,000 deals, in one database.

    python bench/bench_pipeline_large.py [--db bench/data/pipeline-large.sqlite3]

Builds (once) the large demo and tops it up with sample leads and deals through the same generator
and bulk loader, then times, beside raw sqlite3 in the same run: the duplicate check on save for
leads, the full lead duplicate review, the deal board, and the first page of the leads list.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import DEFAULT_DIR, best_of, ensure_demo_db, ms, percentiles, row
from crm_desktop.db import bulk
from crm_desktop.demo.generate import SIZES, _Generator
from crm_desktop.demo.pipeline import PipelineGenerator
from crm_desktop.main import SystemClock
from crm_desktop.queries.duplicates import duplicate_groups
from crm_desktop.queries.leads import LeadFilter, lead_keys, lead_rows
from crm_desktop.queries.opportunities import OpportunityFilter, board
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.duplicates import DuplicateProbe, find_duplicates_for

LEADS, DEALS = 200_000, 100_000


def top_up(ctx: AppContext) -> float:
    """Add sample leads and deals until the database holds LEADS and DEALS; returns seconds."""
    conn = sqlite3.connect(ctx.database.path)
    have_leads, have_deals = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("lead", "opportunity"))
    reps = [r[0] for r in conn.execute("SELECT id FROM user WHERE role IN ('sales', 'manager')")]
    accounts = conn.execute(
        "SELECT a.id, (SELECT c.id FROM contact c WHERE c.account_id = a.id LIMIT 1) FROM account a").fetchall()
    conn.close()
    if have_leads >= LEADS and have_deals >= DEALS:
        return 0.0
    base = _Generator(seed=4, size=SIZES["large"], today=ctx.today())
    pipeline = PipelineGenerator(random.Random(4), ctx.today(), reps, accounts, base.places, base.mobile)
    start = time.perf_counter()
    bulk.load(ctx.database, None, pipeline.batches(LEADS - have_leads, DEALS - have_deals), 0)
    return time.perf_counter() - start


def lead_probes(path: Path, count: int = 200) -> list[DuplicateProbe]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT first_name, last_name, company_name, mobile, email FROM lead "
                        "WHERE rowid % 997 = 5 LIMIT ?", (count,)).fetchall()
    conn.close()
    return [DuplicateProbe("lead", first_name=f, last_name=last, company_name=c, phones=(m,) if m else (), email=e)
            for f, last, c, m, e in rows]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT_DIR / "pipeline-large.sqlite3")
    args = parser.parse_args()
    ensure_demo_db(args.db, "large")
    ctx = open_app(args.db, clock=SystemClock())
    try:
        added = top_up(ctx)
        db = ctx.database
        row("", "crm_desktop", "raw sqlite3", "target")
        if added:
            row("top-up to 200k leads / 100k deals", f"{added:8.1f} s", "", "")
        times = []
        for probe in lead_probes(db.path):
            start = time.perf_counter()
            find_duplicates_for(db, probe)
            times.append(time.perf_counter() - start)
        p50, p95 = percentiles(times)
        raw = sqlite3.connect(db.path)
        mobiles = [p.phones[0] for p in lead_probes(db.path) if p.phones]
        raw_times = []
        for m in mobiles:
            start = time.perf_counter()
            raw.execute("SELECT id FROM lead WHERE mobile != '' AND mobile = ? AND deleted_at IS NULL", (m,)).fetchall()
            raw_times.append(time.perf_counter() - start)
        r50, r95 = percentiles(raw_times)
        row("duplicate check on save (lead) p50", ms(p50), ms(r50), "")
        row("duplicate check on save (lead) p95", ms(p95), ms(r95), "< 50 ms")
        start = time.perf_counter()
        groups = duplicate_groups(db, "lead", 100_000)
        review = time.perf_counter() - start
        raw_review = best_of(1, lambda: raw.execute(
            "SELECT mobile, count(*) FROM lead WHERE deleted_at IS NULL AND mobile != '' GROUP BY mobile "
            "HAVING count(*) > 1").fetchall())
        row(f"full lead duplicate review ({len(groups)} groups)", f"{review:8.2f} s", f"{raw_review:8.2f} s", "< 30 s")
        opened = raw.execute("SELECT count(*) FROM opportunity o JOIN stage s ON s.id = o.stage_id "
                             "WHERE s.kind = 'open' AND o.deleted_at IS NULL").fetchone()[0]
        ours = best_of(3, lambda: board(db, OpportunityFilter(), 50, ctx.today()))
        raw_board = best_of(3, lambda: raw.execute(
            "SELECT stage_id, count(*), sum(amount_satang) FROM opportunity WHERE deleted_at IS NULL "
            "GROUP BY stage_id").fetchall())
        row(f"deal board ({opened:,} open deals)", ms(ours), ms(raw_board), "< 300 ms")
        page = best_of(3, lambda: lead_rows(db, lead_keys(db, LeadFilter())[:50]))
        raw_page = best_of(3, lambda: raw.execute(
            "SELECT * FROM lead WHERE deleted_at IS NULL ORDER BY first_name LIMIT 50").fetchall())
        row("leads list first page (keys + 50 rows)", ms(page), ms(raw_page), "")
        raw.close()
    finally:
        ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
