"""The one place roles are enforced (crm_desktop/roles.py holds the rules).

`check_writes` runs in the change log's flush hook over every synced row a unit of work inserts or
changes, whichever service made it, so a new service cannot forget the check; `require` is the
explicit check of actions that are not such rows (settings through the flush too, but also restore,
erase, backups, imports, sync). The acting person is the unit of work's `user_id`; None is the copy
itself (seeding its default rows), which may write anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from crm_desktop.models import SecurityEvent, User
from crm_desktop.models.base import SyncMixin
from crm_desktop.roles import (
    KINDS,
    LIMITED,
    OWNER_ONLY,
    Action,
    Kind,
    Refused,
    Role,
    check_action,
    refuse_kind,
    refuse_others,
    setting_writers,
)

if TYPE_CHECKING:
    from crm_desktop.db.database import Database  # which imports the change log, which imports this

_ACTOR_KEY = "acting_person"
_COVERED_KEY = "rows_covered"  # an allowed action that covers its rows (roles.Action.covers_rows)
_CLEARED_KEY = "owned_rows_cleared"  # ids of owned rows this unit of work may change (a hand-over's next flush)
_NOBODY = Kind(OWNER_ONLY, "records")  # a table the rules do not list: the owner's alone


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    role: Role


def actor(conn: Connection, user_id: str) -> Actor:
    """Who `user_id` is; refused when they are not on the list of people (anymore)."""
    user = User.__table__.c  # the table's columns: see ARCHITECTURE.md, Start-up
    row = conn.execute(select(user.name, user.role).where(user.id == user_id, user.deleted_at.is_(None))).first()
    if row is None:
        raise Refused("The person working on this copy is not on the list of people; choose who you are in "
                      "Settings.")
    return Actor(user_id, row.name, Role(row.role))


def _session_actor(session: Session, user_id: str) -> Actor:
    """The actor, read once per session (a unit of work flushes many times)."""
    known: Actor | None = session.info.get(_ACTOR_KEY)
    if known is None or known.id != user_id:
        known = session.info[_ACTOR_KEY] = actor(session.connection(), user_id)
    return known


def require(session: Session, user_id: str | None, action: Action) -> None:
    """Refuse `action` unless the acting person's role allows it."""
    if user_id is not None:
        check_action(_session_actor(session, user_id).role, action)
    if action.covers_rows:
        session.info[_COVERED_KEY] = True


def role_of(database: Database, user_id: str) -> Role:
    """The acting person's role, for a screen that hides what it may not do (the checks above decide)."""
    with database.engine.connect() as conn:
        return actor(conn, user_id).role


def check_writes(session: Session, user_id: str | None, new: Iterable[SyncMixin], changed: Iterable[SyncMixin]) -> None:
    """Refuse the flush when the acting person's role may not write one of these rows: a kind the role
    does not write, or (sales, staff) a row of an owned kind that was someone else's before."""
    if user_id is None or session.info.get(_COVERED_KEY):
        return
    who = _session_actor(session, user_id)
    if who.role is Role.OWNER:
        return
    _check(session, who, new, True)
    _check(session, who, changed, False)


def _check(session: Session, who: Actor, rows: Iterable[SyncMixin], new: bool) -> None:
    for obj in rows:
        table = obj.__tablename__  # type: ignore[attr-defined]
        kind = KINDS.get(table, _NOBODY)
        writers = setting_writers(obj.key) if table == "setting" else kind.writers  # type: ignore[attr-defined]
        if who.role not in writers:
            raise refuse_kind(who.role, kind)
        if kind.owned and who.role in LIMITED:
            cleared: set[str] = session.info.setdefault(_CLEARED_KEY, set())
            holder = None if new or obj.id in cleared else _holder_before(obj)
            if holder is not None and holder != who.id:
                raise refuse_others(kind, _name(session, holder))
            cleared.add(obj.id)  # theirs (or new) in this unit of work: a hand-over flushed earlier stays theirs


def _holder_before(obj: SyncMixin) -> str | None:
    """The row's owner as the person found it (a hand-over changes it in this very flush)."""
    history = inspect(obj).attrs.owner_id.history
    before = history.deleted[0] if history.deleted else obj.owner_id  # type: ignore[attr-defined]
    return str(before) if before is not None else None


def _name(session: Session, user_id: str) -> str:
    user = User.__table__.c
    return str(session.connection().execute(select(user.name).where(user.id == user_id)).scalar() or "?")


def record_refusal(database: Database, user_id: str | None, refusal: Refused) -> None:
    """Note a refusal in the security events, in a transaction of its own (the refused one rolled back)."""
    event = SecurityEvent.__table__
    try:
        with database.engine.begin() as conn:
            conn.execute(event.insert().values(at=database.time.now(), event="refused", user_id=user_id,
                                               detail=refusal.text("en")))
    except DBAPIError:
        pass  # a read-only database: the refusal itself still reaches the person
