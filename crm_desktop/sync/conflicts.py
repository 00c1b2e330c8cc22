"""Conflicts found by imports: listing them with both values, and keeping the other value.

Keeping the other value is an ordinary edit (a new change with a fresh clock), so it wins on this
copy and travels to the others with the next file. A repair (a conflict with a `rule`,
sync/invariants.py) cannot be taken back that way: the other value is what broke the rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, select, update

from crm_desktop.db.changelog import decode_value
from crm_desktop.db.database import Database
from crm_desktop.db.hlc import hlc_time
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound
from crm_desktop.models import SyncConflict, User, synced_models
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.sync.records import synced_tables

TITLE_COLUMNS = ("name", "first_name", "last_name", "company_name", "title", "subject", "label", "value", "key")


@dataclass(frozen=True)
class Side:
    value: object  # the column value (None when empty)
    site: str
    user: str  # the name of who made the change, or "" when unknown
    at: datetime  # UTC, from the change's clock


@dataclass(frozen=True)
class ConflictRow:
    id: int
    entity: str
    row_id: str
    record: str  # the record's name, for people
    field: str
    current: Side  # the value the record holds now (the later change)
    other: Side  # the value that lost
    rule: str = ""  # the rule a repair kept (sync/invariants.py); "" for two edits of one field


def _at(hlc: int) -> datetime:
    return hlc_time(hlc)  # any clock value, even one a repair has yet to remove (past the year 3000)


def _title(conn: object, table: Table, row_id: str) -> str:
    cols = [table.c[c] for c in TITLE_COLUMNS if c in table.c]
    if not cols:
        return row_id
    row = conn.execute(select(*cols).where(table.c.id == row_id)).first()  # type: ignore[attr-defined]
    return " ".join(str(v) for v in row if v) if row else row_id


def _shown(conn: object, table: Table, field: str, value: object) -> object:
    """A link to another record is shown as that record's name, not its id."""
    column = table.c[field]
    if value is None or not column.foreign_keys:
        return value
    return _title(conn, next(iter(column.foreign_keys)).column.table, str(value))  # type: ignore[arg-type]


def open_conflicts(database: Database, limit: int = 500) -> list[ConflictRow]:
    """Conflicts nobody decided yet, newest first."""
    tables = synced_tables()
    with database.engine.connect() as conn:
        names = dict(conn.execute(select(User.id, User.name)).all())
        stmt = (select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
                .order_by(SyncConflict.id.desc()).limit(limit))
        out = []
        for c in conn.execute(stmt).mappings():
            table = tables.get(c["entity"])
            if table is None:
                continue

            def side(prefix: str, table: Table = table, c: dict = c) -> Side:  # type: ignore[type-arg]
                value = decode_value(table, c["field"], c[f"{prefix}_value"])
                return Side(_shown(conn, table, c["field"], value), c[f"{prefix}_site"],
                            names.get(c[f"{prefix}_user"], ""), _at(c[f"{prefix}_hlc"]))

            out.append(ConflictRow(c["id"], c["entity"], c["row_id"], _title(conn, table, c["row_id"]),
                                   c["field"], side("winner"), side("loser"), c["rule"]))
        return out


def resolve(database: Database, user_id: str | None, conflict_id: int, *, keep_other: bool) -> ChangeSet:
    """Close a conflict; with `keep_other`, first write the losing value back as a new change (the
    record it changed is the change set; keeping the value changes no record)."""
    with UnitOfWork(database, user_id) as uow:
        uow.note_consent("sync")  # another copy's consent value taken over
        session = uow.session
        conflict = session.get(SyncConflict, conflict_id)
        if conflict is None or conflict.resolved_at is not None:
            raise NotFound("This conflict was already resolved.")
        if keep_other and conflict.rule:
            raise DomainError("This change was made to keep the data valid: the other value would break it "
                              "again. Edit the record instead if it should change.")
        if keep_other:
            model = synced_models().get(conflict.entity)
            obj = session.get(model, conflict.row_id) if model is not None else None
            if obj is None:
                raise NotFound("The record of this conflict no longer exists.")
            value = decode_value(model.__table__, conflict.field, conflict.loser_value)  # type: ignore[arg-type]
            setattr(obj, conflict.field, value)
        session.execute(update(SyncConflict).where(SyncConflict.id == conflict_id).values(
            resolved_at=uow.now(), resolution="flipped" if keep_other else "kept"))
        uow.commit()
    return change(Entity(conflict.entity), updated=(conflict.row_id,)) if keep_other else ChangeSet()

