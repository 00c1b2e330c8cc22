"""Reports benchmark (issue 14), the pipeline helper's analyses: pipeline by stage, deals won and lost,
loss reasons, competitors, new leads by source and campaign, activities per rep, late deliveries,
each beside raw sqlite3 computing the same aggregation in the same run.

    python bench/bench_report_pipeline.py [--db PATH] [--month YYYY-MM] [--today YYYY-MM-DD] [--plans]

The database is opened read-only (the large demo: `crm-desktop demo --size large`; made at --db when
missing). The default month is the one before the demo's today (its newest order), and the default
today the demo's, so the pipeline is rebuilt as at the month's end from the moves made since. Each
figure is the best of 5 warm runs; `--plans` prints SQLite's plan of every query the analyses run.
Target: each analysis ≤ 300 ms. The raw activities figure counts one-off rows only (a series'
occurrences are expanded in Python by ours: a few hundred series rows).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEFAULT_DIR, best_of, ensure_demo_db, ms, row
from sqlalchemy import event

from crm_desktop.clock import FixedClock
from crm_desktop.db.database import open_database
from crm_desktop.queries.reports import activities, deliveries, leads, pipeline
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.queries.reports.table import ReportTable

SOLD = "('confirmed', 'partly_delivered', 'delivered', 'invoiced')"
TARGET = "300 ms"

RAW_PIPELINE = """
WITH moved AS (SELECT opportunity_id FROM stage_history WHERE changed_at >= :t AND deleted_at IS NULL),
first AS (SELECT opportunity_id AS deal, from_stage_id AS stage, amount_satang AS amount, min(changed_at)
          FROM stage_history WHERE changed_at >= :t AND deleted_at IS NULL GROUP BY opportunity_id)
SELECT count(*), sum(amount), sum(product) FROM (
  SELECT o.amount_satang AS amount, o.amount_satang * o.probability AS product
  FROM opportunity o JOIN stage s ON s.id = o.stage_id AND s.kind = 'open' AND s.deleted_at IS NULL
  WHERE o.deleted_at IS NULL AND o.id NOT IN moved
  UNION ALL
  SELECT f.amount, f.amount * s.probability FROM first f JOIN opportunity o ON o.id = f.deal
  JOIN stage s ON s.id = f.stage AND s.kind = 'open' AND s.deleted_at IS NULL WHERE o.deleted_at IS NULL)
"""
RAW_CLOSED = """
SELECT o.owner_id, s.kind, o.amount_satang, o.loss_reason, o.competitor FROM opportunity o
JOIN stage s ON s.id = o.stage_id AND s.kind IN ('won', 'lost')
WHERE o.deleted_at IS NULL AND o.id IN (
    SELECT h.opportunity_id FROM stage_history h JOIN stage t ON t.id = h.to_stage_id AND t.kind IN ('won', 'lost')
    WHERE h.changed_at >= :start AND h.changed_at < :end AND h.deleted_at IS NULL)
  AND (SELECT max(changed_at) FROM stage_history h WHERE h.opportunity_id = o.id AND h.deleted_at IS NULL)
      BETWEEN :start AND :end_ms
"""
RAW_WON_LOST = f"SELECT owner_id, kind, count(*), sum(amount_satang) FROM ({RAW_CLOSED}) GROUP BY 1, 2"
RAW_REASONS = f"SELECT loss_reason, count(*), sum(amount_satang) FROM ({RAW_CLOSED}) WHERE kind = 'lost' GROUP BY 1"
RAW_COMPETITORS = (f"SELECT competitor, count(*), sum(amount_satang) FROM ({RAW_CLOSED}) "
                   "WHERE kind = 'lost' AND competitor != '' GROUP BY 1")
RAW_LEADS = """
SELECT {by}, status, count(*) FROM lead WHERE deleted_at IS NULL AND created_at >= :start AND created_at < :end
GROUP BY 1, 2
"""
RAW_ACTIVITIES = """
SELECT assignee_id, kind, count(*) FROM activity WHERE deleted_at IS NULL AND status = 'done' AND rrule = ''
  AND starts_at >= :lo AND starts_at < :hi GROUP BY 1, 2
UNION ALL
SELECT assignee_id, kind, count(*) FROM activity WHERE deleted_at IS NULL AND status = 'done' AND rrule = ''
  AND due_on >= :start AND due_on < :end GROUP BY 1, 2
UNION ALL
SELECT assignee_id, 'overdue', count(*) FROM activity WHERE deleted_at IS NULL AND status = 'planned' AND rrule = ''
  AND starts_at < :cut_utc GROUP BY 1
UNION ALL
SELECT assignee_id, 'overdue', count(*) FROM activity WHERE deleted_at IS NULL AND status = 'planned' AND rrule = ''
  AND due_on < :cut GROUP BY 1
UNION ALL
SELECT assignee_id, 'planned', count(*) FROM activity WHERE deleted_at IS NULL AND status = 'planned' AND rrule = ''
  AND starts_at >= :ahead_utc AND starts_at < :hi GROUP BY 1
UNION ALL
SELECT assignee_id, 'planned', count(*) FROM activity WHERE deleted_at IS NULL AND status = 'planned' AND rrule = ''
  AND due_on >= :ahead AND due_on < :end GROUP BY 1
"""
RAW_LATE = f"""
SELECT o.id, o.number, coalesce(a.name, trim(c.prefix || c.first_name || ' ' || c.last_name), ''), l.description,
       l.promised_on, NULL, julianday(:cut) - julianday(l.promised_on), l.quantity_milli - l.delivered_milli, l.unit
FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
LEFT JOIN account a ON a.id = o.account_id LEFT JOIN contact c ON c.id = o.contact_id
WHERE l.deleted_at IS NULL AND l.delivered_milli < l.quantity_milli AND l.promised_on < :cut
  AND o.deleted_at IS NULL AND o.status IN {SOLD}
UNION ALL
SELECT o.id, o.number, coalesce(a.name, trim(c.prefix || c.first_name || ' ' || c.last_name), ''), l.description,
       l.promised_on, l.delivered_on, julianday(l.delivered_on) - julianday(l.promised_on), 0, l.unit
FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
LEFT JOIN account a ON a.id = o.account_id LEFT JOIN contact c ON c.id = o.contact_id
WHERE l.deleted_at IS NULL AND likelihood(l.delivered_on >= :start, 0.01) AND l.delivered_on < :end
  AND l.delivered_milli >= l.quantity_milli AND l.delivered_on > l.promised_on
  AND o.deleted_at IS NULL AND o.status IN {SOLD}
ORDER BY 7 DESC, 5, 2, 4
"""


def stamp(moment: datetime) -> str:
    """A stored time as the app spells it."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time()) - timedelta(hours=7)


def figures(conn: sqlite3.Connection, flt: ReportFilter, today: date) -> dict[str, tuple[Callable[[], Any], str]]:
    """Per analysis: raw sqlite3 computing the same aggregation, and its params' description."""
    cut = min(flt.end, today)
    ahead = max(cut, flt.start)
    moment = local_midnight(flt.end if flt.end <= today else today + timedelta(days=1))
    start, end = local_midnight(flt.start), local_midnight(flt.end)
    closed = {"start": stamp(start), "end": stamp(end), "end_ms": stamp(end - timedelta(microseconds=1))}
    span = {"start": flt.start.isoformat(), "end": flt.end.isoformat(), "lo": stamp(start), "hi": stamp(end),
            "cut": cut.isoformat(), "cut_utc": stamp(local_midnight(cut)), "ahead": ahead.isoformat(),
            "ahead_utc": stamp(local_midnight(ahead))}
    leads_span = {"start": stamp(start), "end": stamp(end)}

    def run(sql: str, params: dict[str, str]) -> Callable[[], Any]:
        return lambda: conn.execute(sql, params).fetchall()

    return {
        "pipeline_by_stage": (run(RAW_PIPELINE, {"t": stamp(moment)}), "open deals at the month's end or today"),
        "deals_won_lost": (run(RAW_WON_LOST, closed), "closed in the month"),
        "lost_by_reason": (run(RAW_REASONS, closed), ""),
        "lost_by_competitor": (run(RAW_COMPETITORS, closed), ""),
        "new_leads_by_source": (run(RAW_LEADS.format(by="source"), leads_span), ""),
        "new_leads_by_campaign": (run(RAW_LEADS.format(by="campaign_id"), leads_span), ""),
        "activities_by_rep": (run(RAW_ACTIVITIES, span), "raw: one-off rows only (ours expands series)"),
        "late_deliveries": (run(RAW_LATE, {"cut": cut.isoformat(), "start": span["start"], "end": span["end"]}), ""),
    }


def agree(key: str, table: ReportTable, raw: Any) -> bool:
    """Whether ours and raw sqlite3 give the same headline figure."""
    if key == "pipeline_by_stage":
        count, amount, product = raw[0]
        return table.total == (None, count or 0, amount or 0, None, ((product or 0) + 50) // 100)
    if key == "deals_won_lost":
        won = sum(r[2] for r in raw if r[1] == "won")
        lost = sum(r[2] for r in raw if r[1] == "lost")
        return table.total is not None and table.total[1] == won and table.total[3] == lost
    if key in ("lost_by_reason", "lost_by_competitor", "new_leads_by_source", "new_leads_by_campaign"):
        return table.total is not None and table.total[1] == sum(r[-1] if key.startswith("new") else r[1] for r in raw)
    if key == "activities_by_rep":
        done = sum(r[2] for r in raw if r[1] not in ("overdue", "planned"))
        overdue = sum(r[2] for r in raw if r[1] == "overdue")
        return table.total is not None and (table.total[-3], table.total[-2]) == (done, overdue)
    if key == "late_deliveries":
        return len(table.rows) == len(raw)
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DIR / "demo-large.sqlite3")
    parser.add_argument("--month", help="YYYY-MM (default: the month before the demo's today)")
    parser.add_argument("--today", type=date.fromisoformat, help="default: the day of the newest order")
    parser.add_argument("--plans", action="store_true", help="print the plan of every query the analyses run")
    args = parser.parse_args()
    made = ensure_demo_db(args.db, "large")
    if made is not None:
        print(f"made the large demo in {made:.0f} s")
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    today = args.today or date.fromisoformat(conn.execute("SELECT max(issued_on) FROM sales_order").fetchone()[0])
    month = args.month or f"{(today.replace(day=1) - timedelta(days=1)):%Y-%m}"
    flt = ReportFilter.month(month)
    db = open_database(args.db, clock=FixedClock(local_midnight(today) + timedelta(hours=10)), read_only=True)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("opportunity", "stage_history", "lead", "activity", "sales_order_line")}
    print(f"{args.db}: month {month}, today {today}; " + ", ".join(f"{n:,} {t}" for t, n in counts.items()))
    analyses = {**pipeline.ANALYSES, **leads.ANALYSES, **activities.ANALYSES, **deliveries.ANALYSES}
    raw = figures(conn, flt, today)
    try:
        if args.plans:
            def show(c: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
                print("  " + " ".join(statement.split())[:160])
                for line in cursor.connection.execute(f"EXPLAIN QUERY PLAN {statement}", params):
                    print(f"      {line[3]}")

            event.listen(db.engine, "before_cursor_execute", show)
            for key, run in analyses.items():
                print(key)
                run(db, flt, today)
            event.remove(db.engine, "before_cursor_execute", show)
        print(f"{'figure':<34} {'ours':>14} {'raw sqlite3':>14}   at most")
        for key, run in analyses.items():
            table = run(db, flt, today)
            raw_run, remark = raw[key]
            verdict = TARGET if agree(key, table, raw_run()) else f"{TARGET}  RAW DISAGREES"
            ours = best_of(5, lambda run=run: run(db, flt, today))  # type: ignore[misc]
            row(f"{key} ({len(table.rows):,} rows)", ms(ours), ms(best_of(5, raw_run)),
                f"{verdict}  {remark}".rstrip())
    finally:
        conn.close()
        db.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
