"""Field-level change log, written in the same transaction as the change itself.

A SQLAlchemy `before_flush` hook stamps every new or modified synced row with a fresh hybrid
logical clock value and the copy's site id, and logs the change: one `change` row (entity, row
id, clock, site, user, time) whose `fields` hold each changed field's new value, as one JSON object.
Hard deletes are refused: records are deleted by setting `deleted_at` (a tombstone).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any

from sqlalchemy import Date, DateTime, Table, bindparam, event, inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from crm_desktop.clock import Clock
from crm_desktop.db.access import check_writes
from crm_desktop.db.consent import record_consent_changes
from crm_desktop.db.desks import OwnChanges
from crm_desktop.db.hlc import HybridClock, SeedClock
from crm_desktop.db.raw import Cursor, insert_many, on_server
from crm_desktop.db.times import time_param
from crm_desktop.errors import DomainError, VersionConflict
from crm_desktop.models.base import DERIVED_COLUMNS, SYNC_COLUMNS, Base, SyncMixin, new_id
from crm_desktop.models.privacy import ERASURE, PERSONAL_FIELDS, erased_values

CONTEXT_KEY = "change_context"
# {(table, row id): version}: rows a form loaded at a version (`UnitOfWork.expecting`); a write of one
# that has moved on since is refused with VersionConflict.
EXPECTED_KEY = "expected_versions"
_to_json = json.JSONEncoder(ensure_ascii=False).encode


def _iso(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot be logged")


# Compact, and dates as ISO strings: the form sync files carry the log's values in, too. The C
# encoder is made once: JSONEncoder.encode builds it anew on every call, which cost more than the
# encoding itself for 100k changes.
_fields_encoder = (c_make_encoder(None, _iso, encode_basestring, None, ":", ",", False, False, True)
                   if c_make_encoder is not None else None)
_fields_fallback = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_iso).encode
NOT_LOGGED = SYNC_COLUMNS | DERIVED_COLUMNS  # metadata of the change itself, or derived (match_key)
# One change as the log holds it: (entity, row id, clock, site id, base clock, user id, time as stored,
# fields as JSON)
LogRow = tuple[str, str, int, str, int, str | None, str, str]


_LAST = "SELECT coalesce(max(seq), 0) FROM change"
_APPEND = ("INSERT INTO change (seq, entity, row_id, hlc, site_id, base_hlc, user_id, changed_at, fields) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
# The number taken by the INSERT itself, under the write lock it holds: a unit of work reads outside a
# transaction until its first write, so a number read before it may have been taken by another
# desktop's commit meanwhile.
_APPEND_NEXT = ("INSERT INTO change (seq, entity, row_id, hlc, site_id, base_hlc, user_id, changed_at, fields) "
                "VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM change), ?, ?, ?, ?, ?, ?, ?, ?)")


_SERVER_FIELDS = ("entity", "row_id", "hlc", "site_id", "base_hlc", "user_id", "changed_at", "fields")
_SERVER_APPEND = text(f"INSERT INTO change ({', '.join(_SERVER_FIELDS)}) "
                      f"VALUES ({', '.join(':' + f for f in _SERVER_FIELDS)})")


def _numbered(changes: Iterable[LogRow], last: int) -> list[tuple[Any, ...]]:
    return [(seq, *c) for seq, c in enumerate(changes, start=last + 1)]


def append_changes(cur: Cursor, changes: Iterable[LogRow], own: OwnChanges | None = None) -> int:
    """Append changes to the log, numbered after the last one, in the order given; how many. The one
    way every writer writes the log: bulk loads and sync imports on the driver's cursor, the ORM's
    flush and the other units of work through `log_changes`. `own` notes their numbers as this
    process's (db/desks.py: the poll for other desktops' changes leaves them out)."""
    if on_server(cur):  # the sequence numbers them (see `log_changes`); by COPY: 100k changes 14.9 -> 2.7 s
        listed = list(changes)
        insert_many(cur, "change", _SERVER_FIELDS, listed)
        return len(listed)
    rows = _numbered(changes, cur.execute(_LAST).fetchone()[0])
    cur.executemany(_APPEND, rows)
    if own is not None:
        own.note(rows)
    return len(rows)


@dataclass(frozen=True)
class ChangeContext:
    """Who is changing data, from which copy, with which clock."""

    clock: HybridClock
    site_id: str
    user_id: str | None
    time: Clock  # created_at / updated_at / changed_at come from here
    own: OwnChanges | None = None  # where this process notes the numbers of its changes (db/desks.py)


def encode_value(value: Any) -> str | None:
    """JSON text of a column value; dates and times as ISO strings."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return _to_json(value.isoformat())
    return _to_json(value)


def encode_fields(fields: Mapping[str, Any]) -> str:
    """The JSON object a change's `fields` column holds: one C-level call for the whole change."""
    if _fields_encoder is None:
        return _fields_fallback(fields)
    return "".join(_fields_encoder(fields, 0))


def encode_field(key: str, value: Any) -> str:
    """One `"key":value` member of a change's fields, as `encode_fields` writes it (texts directly:
    the column batches of a bulk load encode a million ids)."""
    if type(value) is str:
        return encode_basestring(key) + ":" + encode_basestring(value)
    return encode_fields({key: value})[1:-1]


def decode_value(table: Table, field: str, value: str | None) -> Any:
    """The column value a logged JSON text stands for (the inverse of `encode_value`)."""
    if value is None:
        return None
    data = json.loads(value)
    if data is None:
        return None
    column_type = table.c[field].type
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat(data)
    if isinstance(column_type, Date):
        return date.fromisoformat(data)
    return data


def log_row(entity: str, row_id: str, hlc: int, ctx: ChangeContext, at: datetime, fields: str,
            base_hlc: int = 0) -> LogRow:
    """One change made here now, as `append_changes` takes it (`fields`: encoded by `encode_fields`)."""
    return (entity, row_id, hlc, ctx.site_id, base_hlc, ctx.user_id, time_param(at), fields)


def log_changes(conn: Connection, changes: Iterable[LogRow], own: OwnChanges | None = None) -> int:
    """`append_changes` in a SQLAlchemy connection's transaction (a unit of work's), whose errors the
    unit of work makes readable. On a server the log's sequence numbers the changes: desks write at
    once, and two of them reading the same `max(seq)` would give two changes one number. On SQLite
    the INSERT takes its number itself, under the write lock it holds: a unit of work reads outside a
    transaction until its first write, so a number read before it may have been taken meanwhile.
    (`own` is noted on SQLite only: on a server a desk's changes carry its own site id, which the poll
    leaves out.)"""
    changes = list(changes)
    if conn.dialect.name != "sqlite":
        rows = [dict(zip(_SERVER_FIELDS, c, strict=True)) for c in changes]
        if rows:
            conn.execute(_SERVER_APPEND, rows)
        return len(rows)
    if changes:
        conn.exec_driver_sql(_APPEND_NEXT, changes)  # type: ignore[arg-type]
        if own is not None:  # ours, one after the other: the write lock is held since the first
            own.note(_numbered(changes, conn.exec_driver_sql(_LAST).scalar_one() - len(changes)))
    return len(changes)


def scalar_default(column: Any) -> Any:
    return column.default.arg if column.default is not None and column.default.is_scalar else None


def _fill_defaults(obj: SyncMixin) -> None:
    """Apply scalar column defaults now, so the log records the values the row will really hold."""
    if obj.id is None:
        obj.id = new_id()
    for column in obj.__table__.columns:  # type: ignore[attr-defined]
        if getattr(obj, column.key) is None and scalar_default(column) is not None:
            setattr(obj, column.key, scalar_default(column))


def _new_fields(obj: SyncMixin) -> dict[str, Any]:
    """Fields of a new row that differ from their column default (a receiver applies defaults too)."""
    fields: dict[str, Any] = {}
    for column in obj.__table__.columns:  # type: ignore[attr-defined]
        value = getattr(obj, column.key)
        if column.key not in NOT_LOGGED and value is not None and value != scalar_default(column):
            fields[column.key] = value
    return fields


def _changed_fields(obj: SyncMixin) -> dict[str, Any]:
    state = inspect(obj)
    changed: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in NOT_LOGGED:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes() and list(history.deleted) != list(history.added):
            changed[attr.key] = getattr(obj, attr.key)
    return changed


def _before_flush(session: Session, _flush_context: object, _instances: object) -> None:
    if any(isinstance(o, SyncMixin) for o in session.deleted):
        raise RuntimeError("records are soft-deleted (deleted_at); hard deletes would break sync")
    record_consent_changes(session, session.info.get(CONTEXT_KEY))
    work: list[tuple[SyncMixin, dict[str, Any]]] = []
    new = session.new  # a fresh set per access: read once, an import flushes 100,000 new rows
    for obj in new:
        if isinstance(obj, SyncMixin):
            _fill_defaults(obj)
            work.append((obj, _new_fields(obj)))
    edited = len(work)
    for obj in session.dirty:
        if isinstance(obj, SyncMixin):
            fields = _changed_fields(obj)
            if fields:
                work.append((obj, fields))
    if not work:
        return
    _check_expected(session, work[edited:])
    _refuse_erased(session, work[edited:])
    ctx: ChangeContext | None = session.info.get(CONTEXT_KEY)
    if ctx is None:
        raise RuntimeError("a session that writes user data needs a ChangeContext (use the unit of work)")
    check_writes(session, ctx.user_id, (o for o, _ in work[:edited]), (o for o, _ in work[edited:]))
    now = ctx.time.now()
    changes: list[LogRow] = []
    for obj, fields in work:
        if obj not in new:
            obj.updated_at = now
        else:
            obj.created_at = obj.updated_at = now
        base = obj.hlc or 0  # the version of the row this change was made on
        if base > ctx.clock.last and not isinstance(ctx.clock, SeedClock):
            # Another desktop, whose clock runs ahead of ours, wrote that version after we started:
            # this change must still sort after it, or every other copy would keep theirs.
            ctx.clock.resume(base)
        obj.hlc, obj.site_id = ctx.clock.tick(), ctx.site_id
        changes.append(log_row(obj.__tablename__, obj.id, obj.hlc, ctx, now,  # type: ignore[attr-defined]
                               encode_fields(fields), base))
    log_changes(session.connection(), changes, ctx.own)  # one executemany, in the order made


def _check_expected(session: Session, edits: list[tuple[SyncMixin, dict[str, Any]]]) -> None:
    """An edited row a form expects at a version must still be at it when loaded here; its UPDATE then
    says `WHERE hlc = <loaded>` (the mapper's version column), so a commit in between fails it too."""
    expected: dict[tuple[str, str], int] = session.info.get(EXPECTED_KEY) or {}
    for obj, _fields in edits:
        version = expected.pop((obj.__tablename__, obj.id), None)  # type: ignore[attr-defined]
        if version is not None and (obj.hlc or 0) != version:
            raise VersionConflict()


def _after_flush(session: Session, _flush_context: object) -> None:
    """A row a form expects but this save did not edit (a quotation whose lines alone changed) is read
    after the writes, locked: on SQLite the transaction holds the write lock by now, on a server
    `FOR UPDATE` holds the row until the commit."""
    expected: dict[tuple[str, str], int] = session.info.get(EXPECTED_KEY) or {}
    while expected:
        (entity, row_id), version = expected.popitem()
        table = Base.metadata.tables[entity]
        stmt = select(table.c.hlc).where(table.c.id == row_id).with_for_update()
        if session.connection().execute(stmt).scalar() != version:
            raise VersionConflict()


_ERASED = text("SELECT 1 FROM change WHERE entity = :entity AND row_id IN :ids LIMIT 1").bindparams(
    bindparam("ids", expanding=True))


def _refuse_erased(session: Session, edits: list[tuple[SyncMixin, dict[str, Any]]]) -> None:
    """A person erased under PDPA stays erased: personal data typed (or imported) into their record
    again is refused, as every copy would scrub it on arrival (services/erase.py)."""
    typed: list[str] = []
    for obj, fields in edits:
        entity = obj.__tablename__  # type: ignore[attr-defined]
        personal = PERSONAL_FIELDS.get(entity, ())
        if any(name in personal for name in fields):
            erased = erased_values(entity, obj.id)
            if any(name in erased and value != erased[name] for name, value in fields.items()):
                typed.append(obj.id)
    for start in range(0, len(typed), 500):
        ids = typed[start:start + 500]
        found = session.connection().execute(_ERASED, {"entity": ERASURE, "ids": ids}).first()
        if found is not None:
            raise DomainError("This person was erased at their request (PDPA): their personal data cannot be "
                              "entered again. If they come back, add them as a new record.")


def logging_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that write the change log; each needs `info[CONTEXT_KEY]` before it writes."""
    factory = sessionmaker(engine, expire_on_commit=False)
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    return factory
