"""Issue 18: the Cases tab's first page on the large demo (50,000 cases), through the tab's own
queries, beside plain sqlite3 reading the same rows in the same run.

    python bench/bench_cases.py [--db bench/data/large.sqlite3]

"First page" is what the tab does when shown: the head of the list (its count and the first block of
200 keys, queries/listing.list_head) on its default filter and order (open cases, the newest first),
then the rows of that block (customer, owner joined). The same for "every status" (the count is the
table's live count), "my open cases" (one rep's), "overdue" (open and past the resolution due time)
and the board (a count and 50 cards per status); the text filter for a common word and for a case's
number, through the search index. The baseline is plain sqlite3: the same count and the same 200 rows
joined the same way (the text filter's through the same index, and as the LIKE scan it was before).
The database is the large demo (made if missing, about ten minutes), opened read only.

Figures: see the closing note of issue 18 (and docs/ARCHITECTURE.md, "Service cases").
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import DEFAULT_DIR, best_of, ensure_demo_db, ms, open_read_only, row
from crm_desktop.main import SystemClock
from crm_desktop.queries.cases import CaseFilter, board, case_head, case_rows

BLOCK = 200  # the lazy list's first block (ui/table_model.LazyTableModel.block_size)

RAW_ROWS = """
SELECT k.id, k.number, k.subject, coalesce(nullif(a.name, ''), trim(coalesce(c.first_name, '') || ' ' ||
       coalesce(c.last_name, ''))), k.status, k.priority, k.category, k.channel, coalesce(u.name, ''), k.opened_at,
       k.response_due_at, k.first_response_at, k.sla_due_at, k.resolved_at
FROM "case" k LEFT JOIN account a ON a.id = k.account_id LEFT JOIN contact c ON c.id = k.contact_id
LEFT JOIN user u ON u.id = k.owner_id
WHERE k.deleted_at IS NULL {where} ORDER BY k.opened_at DESC, k.id DESC LIMIT ?"""
# The same hint the app gives (queries/cases.OPEN_SHARE): open cases are few.
OPEN = "AND likelihood(k.status IN ('new', 'assigned', 'in_progress', 'waiting'), 0.05)"
# The text filter through the search index (db/search_index.id_subquery), and as a scan of the columns.
INDEXED = ("AND k.id IN (SELECT (SELECT id FROM case_fts_key WHERE key = f.rowid) FROM case_fts f "
           "WHERE f.body LIKE ? AND instr(lower(f.body), lower(?)) > 0)")
SCANNED = "AND (k.number LIKE ? OR k.provisional_number LIKE ? OR k.subject LIKE ?)"


def raw_page(conn: sqlite3.Connection, where: str, params: tuple[object, ...] = ()) -> None:
    """The count (an unfiltered list's from live_count, as the app reads it) and the first block's rows,
    on an open connection (the app's pool keeps its connections open too)."""
    if where:
        conn.execute(f'SELECT count(*) FROM "case" k WHERE k.deleted_at IS NULL {where}', params).fetchone()
    else:
        conn.execute("SELECT live FROM live_count WHERE entity = 'case'").fetchone()
    conn.execute(RAW_ROWS.format(where=where), (*params, BLOCK)).fetchall()


def first_page(db: object, flt: CaseFilter) -> int:
    count, keys = case_head(db, flt, "opened_at", True, BLOCK)  # type: ignore[arg-type]
    case_rows(db, keys)  # type: ignore[arg-type]
    return count


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT_DIR / "large.sqlite3")
    args = parser.parse_args()
    path: Path = args.db
    made = ensure_demo_db(path, "large")
    if made is not None:
        print(f"made the large demo in {made:.0f} s")
    db = open_read_only(path, SystemClock())
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    total = conn.execute('SELECT count(*) FROM "case" WHERE deleted_at IS NULL').fetchone()[0]
    rep = conn.execute('SELECT owner_id FROM "case" WHERE owner_id IS NOT NULL GROUP BY owner_id '
                       'ORDER BY count(*) DESC LIMIT 1').fetchone()[0]
    now = SystemClock().now()
    stamp = now.isoformat(sep=" ", timespec="microseconds")
    number = conn.execute('SELECT number FROM "case" ORDER BY opened_at LIMIT 1 OFFSET 20000').fetchone()[0]
    print(f"database: {path} ({total:,} cases)")
    row("", "crm_desktop", "raw sqlite3", "target")
    for label, flt, where, params, target in (
        ("cases list first page (open)", CaseFilter(status="open"), OPEN, (), "<= 30 ms"),
        ("first page, every status", CaseFilter(), "", (), "<= 30 ms"),
        ("first page, my open cases", CaseFilter(status="open", owner_id=rep), OPEN + " AND k.owner_id = ?",
         (rep,), ""),
        ("first page, overdue", CaseFilter(overdue=True, now=now), OPEN + " AND k.sla_due_at < ?", (stamp,), ""),
        *((f"first page, text '{text}'", CaseFilter(text=text), INDEXED, (f"%{text}%", text), "")
          for text in ("แอร์", number)),
    ):
        count = first_page(db, flt)
        row(f"{label} ({count:,})", ms(best_of(7, lambda f=flt: first_page(db, f))),  # type: ignore[misc]
            ms(best_of(7, lambda w=where, p=params: raw_page(conn, w, p))), target)  # type: ignore[misc]
    for text in ("แอร์", number):
        row(f"  the same as a LIKE scan ('{text}')", "",
            ms(best_of(7, lambda t=text: raw_page(conn, SCANNED, (f"%{t}%",) * 3))), "")  # type: ignore[misc]
    row("board (6 columns, 50 cards each)", ms(best_of(5, lambda: board(db, CaseFilter(status="open")))), "", "")
    conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
