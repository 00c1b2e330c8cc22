"""Field-level change log, written in the same transaction as the change itself.

A SQLAlchemy `before_flush` hook stamps every new or modified synced row with a fresh hybrid
logical clock value and the copy's site id, and appends one change-log row per changed field.
Hard deletes are refused: records are deleted by setting `deleted_at` (a tombstone).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from crm_desktop.db.hlc import HybridClock
from crm_desktop.models.base import SYNC_COLUMNS, SyncMixin, new_id, utcnow
from crm_desktop.models.system import ChangeLog

CONTEXT_KEY = "change_context"


@dataclass(frozen=True)
class ChangeContext:
    """Who is changing data, from which copy, with which clock."""

    clock: HybridClock
    site_id: str
    user_id: str | None


def encode_value(value: Any) -> str | None:
    """JSON text of a column value; dates and times as ISO strings."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return json.dumps(value.isoformat())
    return json.dumps(value, ensure_ascii=False)


def change_rows(
    entity: str, row_id: str, fields: Mapping[str, Any], hlc: int, ctx: ChangeContext, at: datetime
) -> list[dict[str, Any]]:
    """The change-log rows for one change of one record (shared by the ORM hook and bulk loads)."""
    return [
        {
            "entity": entity,
            "row_id": row_id,
            "field": name,
            "value": encode_value(value),
            "hlc": hlc,
            "site_id": ctx.site_id,
            "user_id": ctx.user_id,
            "changed_at": at,
        }
        for name, value in fields.items()
    ]


def _fill_defaults(obj: SyncMixin) -> None:
    """Apply scalar column defaults now, so the log records the values the row will really hold."""
    if obj.id is None:
        obj.id = new_id()
    for column in obj.__table__.columns:  # type: ignore[attr-defined]
        if getattr(obj, column.key) is None and column.default is not None and column.default.is_scalar:
            setattr(obj, column.key, column.default.arg)


def _new_fields(obj: SyncMixin) -> dict[str, Any]:
    """Fields of a new row that differ from their column default (a receiver applies defaults too)."""
    fields: dict[str, Any] = {}
    for column in obj.__table__.columns:  # type: ignore[attr-defined]
        if column.key in SYNC_COLUMNS:
            continue
        value = getattr(obj, column.key)
        default = column.default.arg if column.default is not None and column.default.is_scalar else None
        if value is not None and value != default:
            fields[column.key] = value
    return fields


def _changed_fields(obj: SyncMixin) -> dict[str, Any]:
    state = inspect(obj)
    changed: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in SYNC_COLUMNS:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes() and list(history.deleted) != list(history.added):
            changed[attr.key] = getattr(obj, attr.key)
    return changed


def _before_flush(session: Session, _flush_context: object, _instances: object) -> None:
    ctx: ChangeContext | None = session.info.get(CONTEXT_KEY)
    synced = [o for o in (*session.new, *session.dirty, *session.deleted) if isinstance(o, SyncMixin)]
    if not synced:
        return
    if ctx is None:
        raise RuntimeError("a session that writes user data needs a ChangeContext (use the unit of work)")
    if any(isinstance(o, SyncMixin) for o in session.deleted):
        raise RuntimeError("records are soft-deleted (deleted_at); hard deletes would break sync")
    now = utcnow()
    log: list[dict[str, Any]] = []
    for obj in session.new:
        if not isinstance(obj, SyncMixin):
            continue
        _fill_defaults(obj)
        obj.created_at = obj.updated_at = now
        obj.hlc, obj.site_id = ctx.clock.tick(), ctx.site_id
        log += change_rows(obj.__tablename__, obj.id, _new_fields(obj), obj.hlc, ctx, now)  # type: ignore[attr-defined]
    for obj in session.dirty:
        if not isinstance(obj, SyncMixin):
            continue
        fields = _changed_fields(obj)
        if not fields:
            continue
        obj.updated_at = now
        obj.hlc, obj.site_id = ctx.clock.tick(), ctx.site_id
        log += change_rows(obj.__tablename__, obj.id, fields, obj.hlc, ctx, now)  # type: ignore[attr-defined]
    session.add_all(ChangeLog(**row) for row in log)


def logging_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that write the change log; each needs `info[CONTEXT_KEY]` before it writes."""
    factory = sessionmaker(engine, expire_on_commit=False)
    event.listen(factory, "before_flush", _before_flush)
    return factory
