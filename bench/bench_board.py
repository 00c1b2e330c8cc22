"""Pipeline benchmark (issues 6-9): the kanban board over 100k deals, 20k of them open.

    python bench/bench_board.py [--db PATH] [--fresh]

Generates (once, through the bulk loader with its change log) 100k opportunities: 20k open spread
over the four default open stages, 50k won and 30k lost, each with one or two stage-history rows,
then times the read side beside the same SQL through plain sqlite3. Target: board < 300 ms.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEFAULT_DIR, best_of, ms, row

from crm_desktop.db import bulk
from crm_desktop.main import SystemClock
from crm_desktop.models import Account, Opportunity, StageHistory, User, fixed_id, new_id
from crm_desktop.queries.opportunities import (
    OpportunityFilter,
    attainment,
    board,
    column_cards,
    opportunity_keys,
    opportunity_rows,
    pipeline_totals,
    stage_timeline,
)
from crm_desktop.services.app import AppContext, open_app

TOTAL, OPEN, WON = 100_000, 20_000, 50_000
REPS, ACCOUNTS, PER_COLUMN = 12, 5_000, 50
OPEN_KEYS = ("prospecting", "qualification", "quotation", "negotiation")
TODAY = date(2026, 11, 23)
BATCH = 5_000


def _chunks(model: type[Any], rows: list[dict[str, Any]]) -> Iterator[tuple[type[Any], list[dict[str, Any]]]]:
    for start in range(0, len(rows), BATCH):
        yield model, rows[start : start + BATCH]


def generate(ctx: AppContext) -> float:
    """Fill the database; returns seconds taken."""
    rnd = random.Random(42)
    start = time.perf_counter()
    reps = [{"id": new_id(), "name": f"Rep {i:02d}", "role": "sales"} for i in range(REPS)]
    accounts = [{"id": new_id(), "name": f"บริษัท ตัวอย่าง {i:05d} จำกัด"} for i in range(ACCOUNTS)]
    stage = {key: fixed_id("stage", key) for key in (*OPEN_KEYS, "won", "lost")}
    probability = dict(zip(stage, (10, 25, 50, 75, 100, 0), strict=True))
    opps: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []
    now = datetime(2026, 11, 23, 3, 0)
    for i in range(TOTAL):
        key = OPEN_KEYS[i % 4] if i < OPEN else ("won" if i < OPEN + WON else "lost")
        opp_id = new_id()
        amount = rnd.randrange(1_000, 5_000_000) * 100
        created = now - timedelta(days=rnd.randrange(30, 700), minutes=rnd.randrange(1440))
        moved = created + timedelta(days=rnd.randrange(0, 29))
        opps.append({
            "id": opp_id, "name": f"Deal {i:06d} {rnd.choice(('POS', 'ERP', 'เครื่องพิมพ์', 'กล้องวงจรปิด'))}",
            "account_id": accounts[rnd.randrange(ACCOUNTS)]["id"], "owner_id": reps[rnd.randrange(REPS)]["id"],
            "stage_id": stage[key], "amount_satang": amount, "probability": probability[key],
            "expected_close": TODAY + timedelta(days=rnd.randrange(-200, 200)),
            "channel": rnd.choice(("LINE", "phone", "walk-in", "web")),
            "loss_reason": "ราคา" if key == "lost" else "",
        })
        first = "prospecting" if key != "prospecting" else key
        history.append({"opportunity_id": opp_id, "from_stage_id": None, "to_stage_id": stage[first],
                        "changed_at": created, "changed_by": None, "amount_satang": amount})
        if key != first:
            history.append({"opportunity_id": opp_id, "from_stage_id": stage[first], "to_stage_id": stage[key],
                            "changed_at": moved, "changed_by": None, "amount_satang": amount})
    batches = [
        (User, reps), *_chunks(Account, accounts), *_chunks(Opportunity, opps),
        *_chunks(StageHistory, history),
    ]
    total = sum(len(b[1]) for b in batches)
    bulk.load(ctx.database, ctx.user_id, batches, total)
    return time.perf_counter() - start


RAW_SUMS = """
SELECT stage_id, count(*), sum(amount_satang), sum(amount_satang * probability)
FROM opportunity WHERE deleted_at IS NULL AND stage_id IN ({marks}) GROUP BY stage_id
"""
RAW_CARDS = """
SELECT o.rowid, o.id, o.name, coalesce(a.name, ''), o.amount_satang, o.probability, o.expected_close,
       coalesce(u.name, ''),
       coalesce((SELECT max(h.changed_at) FROM stage_history h
                 WHERE h.opportunity_id = o.id AND h.deleted_at IS NULL), o.created_at)
FROM opportunity o LEFT JOIN account a ON a.id = o.account_id LEFT JOIN user u ON u.id = o.owner_id
WHERE o.stage_id = ? AND o.deleted_at IS NULL
ORDER BY o.expected_close IS NULL, o.expected_close, o.rowid LIMIT ? OFFSET ?
"""


def raw_board(path: Path) -> None:
    conn = sqlite3.connect(path)
    stages = [r[0] for r in conn.execute(
        "SELECT id FROM stage WHERE deleted_at IS NULL AND kind = 'open' ORDER BY position")]
    conn.execute(RAW_SUMS.format(marks=",".join("?" * len(stages))), stages).fetchall()
    for stage_id in stages:
        conn.execute(RAW_CARDS, (stage_id, PER_COLUMN, 0)).fetchall()
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT_DIR / "pipeline-100k.sqlite3")
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
            row(f"generate {TOTAL:,} deals + history", f"{generate(ctx):8.1f} s", "", "")
        db, flt = ctx.database, OpportunityFilter()
        first = board(db, flt, PER_COLUMN, TODAY)
        print("columns: " + ", ".join(f"{c.stage.name} {c.count}" for c in first.columns))
        row(f"board, {PER_COLUMN} cards per column", ms(best_of(5, lambda: board(db, flt, PER_COLUMN, TODAY))),
            ms(best_of(5, lambda: raw_board(path))), "< 300 ms")
        rep = first.columns[0].cards[0]
        owner = next(r.owner_id for r in attainment(db, "2026-11") if r.owner_id)
        row("board, filtered by owner", ms(best_of(5, lambda: board(db, OpportunityFilter(owner_id=owner or ""),
                                                                     PER_COLUMN, TODAY))), "", "< 300 ms")
        row("board, text filter 'POS'", ms(best_of(5, lambda: board(db, OpportunityFilter(text="POS"),
                                                                     PER_COLUMN, TODAY))), "", "< 300 ms")
        row("board, close month 2026-12", ms(best_of(5, lambda: board(db, OpportunityFilter(close_month="2026-12"),
                                                                        PER_COLUMN, TODAY))), "", "")
        stage_id = first.columns[0].stage.id
        row("next 50 cards of a column (offset 2000)",
            ms(best_of(5, lambda: column_cards(db, stage_id, flt, 2000, PER_COLUMN, TODAY))), "", "")
        row("pipeline totals (all stages)", ms(best_of(5, lambda: pipeline_totals(db))), "", "")
        row("list: keys of all 100k + first 50 rows",
            ms(best_of(3, lambda: opportunity_rows(db, opportunity_keys(db, flt)[:PER_COLUMN], TODAY))), "", "")
        row("attainment for 2026-11", ms(best_of(3, lambda: attainment(db, "2026-11"))), "", "")
        row("stage timeline of one deal", ms(best_of(5, lambda: stage_timeline(db, rep.id))), "", "")
    finally:
        ctx.close()
    conn = sqlite3.connect(path)
    plan = conn.execute("EXPLAIN QUERY PLAN " + RAW_CARDS, ("x", 1, 0)).fetchall()
    conn.close()
    print("card query plan: " + " | ".join(p[-1] for p in plan))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
