"""Fast loading of many new records (sample data, imports) with the same change log as the ORM path.

Rows go in through the DB-API's executemany in one transaction: all of them or none. The
caller's progress callback may return False to cancel, which rolls everything back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy import Table

from crm_desktop.db.changelog import ChangeContext, change_header, encode_value
from crm_desktop.db.database import Database
from crm_desktop.errors import DomainError
from crm_desktop.models import Change, new_id, utcnow
from crm_desktop.models.base import SYNC_COLUMNS, SyncMixin

Progress = Callable[[int, int], bool]
Batch = tuple[type[SyncMixin], list[dict[str, Any]]]
FIELD_SQL = "INSERT INTO change_field (change_seq, field, value) VALUES (?, ?, ?)"


class Cancelled(DomainError):
    """The user pressed Cancel; nothing was saved."""

    def __init__(self) -> None:
        super().__init__("Cancelled: nothing was saved.")


class _TableWriter:
    """Prepared INSERT for one table, converting Python values the way SQLAlchemy would."""

    def __init__(self, table: Table, database: Database, with_key: bool = False) -> None:
        dialect = database.engine.dialect
        self.columns = [c.key for c in table.columns if with_key or not (c.primary_key and c.autoincrement is True)]
        processors = [table.c[k].type.bind_processor(dialect) for k in self.columns]
        self.converted = [(i, p) for i, p in enumerate(processors) if p is not None]
        names = ", ".join(f'"{k}"' for k in self.columns)
        marks = ", ".join("?" for _ in self.columns)
        self.sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
        self.defaults = {
            c.key: c.default.arg for c in table.columns if c.default is not None and c.default.is_scalar
        }

    def values(self, row: Mapping[str, Any]) -> list[Any]:
        out = [row.get(k) for k in self.columns]
        for i, p in self.converted:
            if out[i] is not None:
                out[i] = p(out[i])
        return out


def load(
    database: Database,
    user_id: str | None,
    batches: Iterable[Batch],
    total: int,
    progress: Progress | None = None,
) -> int:
    """Insert every batch's rows as new records; returns how many were inserted."""
    ctx = ChangeContext(database.clock, database.site_id, user_id)
    change_writer = _TableWriter(Change.__table__, database, with_key=True)  # type: ignore[arg-type]
    writers: dict[str, _TableWriter] = {}
    raw = database.engine.raw_connection()
    done = 0
    try:
        cur = raw.cursor()
        cur.execute("PRAGMA cache_size=-262144")  # 256 MB while loading: random-key index inserts
        # Take the write lock first, so the change numbers we hand out below stay ours.
        cur.execute("BEGIN IMMEDIATE")
        seq = cur.execute("SELECT coalesce(max(seq), 0) FROM change").fetchone()[0]
        for model, rows in batches:
            table: Table = model.__table__  # type: ignore[assignment]
            writer = writers.setdefault(table.name, _TableWriter(table, database))
            now = utcnow()
            records, changes, fields = [], [], []
            for given in rows:
                hlc = database.clock.tick()
                seq += 1
                row = {**writer.defaults, **given}
                row.update(id=given.get("id") or new_id(), created_at=now, updated_at=now, hlc=hlc,
                           site_id=ctx.site_id)
                records.append(writer.values(row))
                header = change_header(table.name, row["id"], hlc, ctx, now)
                changes.append(change_writer.values({"seq": seq, **header}))
                fields += [
                    (seq, k, encode_value(v)) for k, v in given.items()
                    if k not in SYNC_COLUMNS and v is not None and v != writer.defaults.get(k)
                ]
            cur.executemany(writer.sql, records)
            cur.executemany(change_writer.sql, changes)
            cur.executemany(FIELD_SQL, fields)
            done += len(rows)
            if progress is not None and not progress(done, total):
                raise Cancelled()
        raw.commit()
    except BaseException:
        raw.rollback()
        raise
    finally:
        raw.cursor().execute("PRAGMA cache_size=-32000")
        raw.close()
    return done
