"""Read side of an import of activities: what each row would do (new / update / duplicate / error).

A row from a calendar file names its row (`id`, derived from the event's UID): that row live is an
update (usually of nothing: the same file again), deleted here it is a duplicate, which the import
skips unless told otherwise. A row from a table names no row: it is the same activity as a live one
with the same subject (case and spacing aside) at the same start (or due date); a later row of the file
with the same subject and time duplicates the earlier one. Lookups are batched: one indexed IN query per
chunk of ids, or of start times and due dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from crm_desktop.clock import utc_time
from crm_desktop.db.database import Database
from crm_desktop.import_plans.plans import DUPLICATE, ERROR, NEW, UPDATE, Preview, RowLike, RowPlan
from crm_desktop.models import Activity

CHUNK = 500
DELETED = "deleted"  # the reason of a duplicate: the row was deleted in this database


def subject_key(subject: object) -> str:
    return " ".join(str(subject).split()).casefold()


def _when(values: dict[str, object]) -> datetime | date | None:
    """The stored start (UTC) or due date of a row's values (office time)."""
    start = values.get("starts_at")
    if isinstance(start, datetime) and values.get("all_day") is not True:
        return utc_time(start)
    due = values.get("due_on")
    return due if isinstance(due, date) else None


def _chunks(values: set[Any]) -> list[list[Any]]:
    ordered = sorted(values, key=str)
    return [ordered[i : i + CHUNK] for i in range(0, len(ordered), CHUNK)]


def preview_activities(db: Database, rows: Sequence[RowLike]) -> Preview:
    """The plan of every row of an import of activities into `db`, and the counts."""
    ids = {str(r.values["id"]) for r in rows if "id" in r.values}
    keyed = {(subject_key(r.values.get("subject", "")), _when(r.values)) for r in rows if "id" not in r.values}
    a = Activity.__table__.c
    found: dict[str, bool] = {}  # id → live
    by_key: dict[tuple[str, object], str] = {}
    with db.engine.connect() as conn:
        for part in _chunks(ids):
            for row_id, deleted in conn.execute(select(a.id, a.deleted_at).where(a.id.in_(part))):
                found[row_id] = deleted is None
        starts = {when for _s, when in keyed if isinstance(when, datetime)}
        dues = {when for _s, when in keyed if isinstance(when, date) and not isinstance(when, datetime)}
        for column, values in ((a.starts_at, starts), (a.due_on, dues)):
            for part in _chunks(values):
                stmt = select(a.id, a.subject, column).where(a.deleted_at.is_(None), column.in_(part)).order_by(a.id)
                for row_id, subject, when in conn.execute(stmt):
                    by_key.setdefault((subject_key(subject), when), row_id)
    preview = Preview()
    earlier: dict[tuple[str, object], int] = {}
    for row in rows:
        plan = _plan(row, found, by_key, earlier)
        preview.plans.append(plan)
        preview.counts[plan.status] += 1
    return preview


def _plan(row: RowLike, found: dict[str, bool], by_key: dict[tuple[str, object], str],
          earlier: dict[tuple[str, object], int]) -> RowPlan:
    if row.errors:
        return RowPlan(row.source_row, ERROR)
    if "id" in row.values:
        row_id = str(row.values["id"])
        if row_id not in found:
            return RowPlan(row.source_row, NEW)
        return RowPlan(row.source_row, UPDATE if found[row_id] else DUPLICATE, row_id,
                       reasons=() if found[row_id] else (DELETED,))
    key = (subject_key(row.values.get("subject", "")), _when(row.values))
    if key[1] is not None and key in by_key:
        return RowPlan(row.source_row, UPDATE, by_key[key], reasons=("same_subject_time",))
    if key[1] is not None and key in earlier:
        return RowPlan(row.source_row, DUPLICATE, match_row=earlier[key], reasons=("same_subject_time",))
    earlier[key] = row.source_row
    return RowPlan(row.source_row, NEW)
