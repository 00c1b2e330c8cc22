"""What other desktops committed: the change log read past a number, leaving out this process's own.

Every commit appends to the change log, numbered (`seq`) after the last one, so a desktop that
remembers the newest number it has seen asks one cheap question every few seconds: is there a newer
one (the primary key's largest value, one step down its index)? Only then does it read the changes
after it (ARCHITECTURE.md, "Several desktops").
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import ColumnElement, Connection, and_, exists, func, select

from crm_desktop.models import Change, LocalState

if TYPE_CHECKING:  # the open database imports the change log, which notes our changes here
    from crm_desktop.db.database import Database

_KEY = "own_changes"
T = TypeVar("T", bound=tuple[Any, ...])


class OwnChanges:
    """The change numbers this process wrote, as ranges with the clock of each range's first change.

    Noted when written, before the commit. A range whose transaction rolled back may be numbered
    again by another desktop: its first change then has another clock, and the range is dropped.
    Any thread may note (imports write in the background); the poll reads on the GUI thread.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ranges: list[tuple[int, int, int]] = []  # (first seq, last seq, clock of the first)

    def note(self, numbered: Sequence[tuple[Any, ...]]) -> None:
        """Changes as `changelog._numbered` made them: (seq, entity, row id, clock, ...)."""
        if numbered:
            with self._lock:
                self._ranges.append((numbered[0][0], numbered[-1][0], numbered[0][3]))

    def check(self, conn: Connection, after: int, upto: int) -> None:
        """Drop the ranges that start after `after` up to `upto` whose first change in the log has another
        clock than ours: rolled back, and numbered again by another desktop."""
        with self._lock:
            starting = [r for r in self._ranges if after < r[0] <= upto]
        change = Change.__table__.c
        for mine in starting:
            if conn.execute(select(change.hlc).where(change.seq == mine[0])).scalar() != mine[2]:
                with self._lock:
                    self._ranges.remove(mine)

    def others(self, changes: Iterable[T]) -> list[T]:
        """The changes, (seq, ...) in log order, another process wrote (after `check`)."""
        with self._lock:
            ranges = list(self._ranges)
        return [c for c in changes if not any(r[0] <= c[0] <= r[1] for r in ranges)]

    def covers(self, first: int, last: int) -> bool:
        """Whether every number from `first` to `last` is one of ours."""
        with self._lock:
            spans = sorted((max(a, first), min(b, last)) for a, b, _ in self._ranges if b >= first and a <= last)
        expected = first
        for a, b in spans:
            if a > expected:
                return False
            expected = max(expected, b + 1)
        return expected > last

    def forget_to(self, seq: int) -> None:
        """Ranges wholly at or before `seq` have been looked at."""
        with self._lock:
            self._ranges = [r for r in self._ranges if r[1] > seq]


def own_changes(database: Database) -> OwnChanges:
    """This process's own changes to `database`, kept with it (`Database.memo`)."""
    own = database.memo.get(_KEY)
    if own is None:
        own = database.memo.setdefault(_KEY, OwnChanges())
    return own  # type: ignore[no-any-return]


GENERATION_KEY = "restore_generation"  # local_state on a server: how many restores it has had (db.server_restore)
_GENERATION = "restore_generation"  # Database.memo: the one this process works on
_STALE = "restored_elsewhere"  # Database.memo: another desk restored the server since
_RESTORING = "restoring_here"  # Database.memo: this process is restoring the server now


def restore_generation(conn: Connection) -> int:
    """The server's restore generation (0 before its first restore)."""
    state = LocalState.__table__.c
    return int(conn.execute(select(state.value).where(state.key == GENERATION_KEY)).scalar() or 0)


def note_generation(database: Database, generation: int, *, own: bool = False) -> bool:
    """Compare the server's generation with the one this process works on (the first it saw, or its own
    restore's with `own`); once they differ, the database is stale for good. True when stale."""
    known = database.memo.setdefault(_GENERATION, generation)
    if own:
        database.memo[_GENERATION] = generation
    elif known != generation and not database.memo.get(_RESTORING):
        database.memo[_STALE] = True
    return bool(database.memo.get(_STALE))


@contextmanager
def restoring_here(database: Database) -> Iterator[None]:
    """While this process restores the server: its window's polls keep running (the restore is a
    background task) and may read the new generation before the restore notes it as its own
    (`note_generation(own=True)`); they must not take it for another desk's restore."""
    database.memo[_RESTORING] = True
    try:
        yield
    finally:
        database.memo.pop(_RESTORING, None)


def restored_elsewhere(database: Database) -> bool:
    """Whether a poll found the server restored by another desk (no question to the server)."""
    return bool(database.memo.get(_STALE))


def newest_change(conn: Connection) -> int:
    """The newest change's number (0 for an empty log): the primary key's largest value."""
    return int(conn.execute(select(func.max(Change.__table__.c.seq))).scalar() or 0)


# A change as the poll reads it: (seq, clock, entity, row id, is new, sets deleted_at, clears deleted_at)
Arrival = tuple[int, int, str, str, bool, bool, bool]


def changes_between(conn: Connection, after: int, upto: int, limit: int, not_from: str = "") -> list[Arrival] | None:
    """The changes numbered after `after` up to `upto`, in order; None when there are more than `limit`
    (the caller then names only their kinds: `kinds_between`). `not_from`: a site whose changes are left
    out (on a server, this desk's own)."""
    change = Change.__table__.c
    rows = _arrivals(conn, and_(change.seq > after, change.seq <= upto, change.site_id != not_from), limit + 1,
                     known=after)
    return None if len(rows) > limit else rows


def changes_numbered(conn: Connection, numbers: Collection[int], not_from: str = "") -> list[Arrival]:
    """The committed changes among `numbers` (on a server: numbers a look found missing, taken by a
    transaction that commits later)."""
    change = Change.__table__.c
    return _arrivals(conn, and_(change.seq.in_(list(numbers)), change.site_id != not_from), len(numbers),
                     known=change.seq - 1)


def numbers_between(conn: Connection, after: int, upto: int) -> set[int]:
    """The numbers of the committed changes after `after` up to `upto` (the primary key's range)."""
    seq = Change.__table__.c.seq
    return set(conn.execute(select(seq).where(seq > after, seq <= upto)).scalars())


def numbers_among(conn: Connection, numbers: Collection[int]) -> set[int]:
    """Which of `numbers` the log holds now (committed since a look found them missing)."""
    seq = Change.__table__.c.seq
    return set(conn.execute(select(seq).where(seq.in_(list(numbers)))).scalars())


def _arrivals(conn: Connection, where: ColumnElement[bool], limit: int, known: int | ColumnElement[int]
              ) -> list[Arrival]:
    """The changes `where` picks, in order; a record is new when no change of it is numbered `known` or less."""
    change = Change.__table__.c
    earlier = Change.__table__.alias("earlier").c
    is_new = ~exists().where(and_(earlier.entity == change.entity, earlier.row_id == change.row_id,
                                  earlier.seq <= known))
    stmt = (select(change.seq, change.hlc, change.entity, change.row_id, is_new,
                   change.fields.contains('"deleted_at":"'), change.fields.contains('"deleted_at":null'))
            .where(where).order_by(change.seq).limit(limit))
    return [tuple(row) for row in conn.execute(stmt)]  # type: ignore[misc]


def kinds_between(conn: Connection, after: int, upto: int, not_from: str = "") -> list[str]:
    """The kinds of record changed after `after` up to `upto` (by sites other than `not_from`)."""
    change = Change.__table__.c
    stmt = select(change.entity).where(change.seq > after, change.seq <= upto, change.site_id != not_from)
    return list(conn.execute(stmt.distinct()).scalars())
