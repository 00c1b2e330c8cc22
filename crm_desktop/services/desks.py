"""Other desktops' changes, as one change set a poll publishes (ARCHITECTURE.md, "Several desktops").

Another desktop on the same database (a server's, or a file another process writes) commits without
this window knowing; the screens refresh when the poll publishes what it changed, as they do for an
action of their own. The poll never publishes this process's own changes: those published themselves.
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from crm_desktop.db.database import Database
from crm_desktop.db.desks import (
    Arrival,
    changes_between,
    changes_numbered,
    kinds_between,
    newest_change,
    note_generation,
    numbers_among,
    numbers_between,
    own_changes,
    restore_generation,
)
from crm_desktop.db.errors import readable
from crm_desktop.errors import RestoredElsewhere
from crm_desktop.services.changes import Changes, ChangeSet, Entity

# Above this many new changes at once (another desktop's import), only their kinds are named: the
# screens showing them reload instead of re-reading rows one by one.
MOST_ROWS = 2000
LATE_LOOKS = 300  # a number seen missing is looked for this many polls (10 minutes at one a 2 s)
KINDS = frozenset(Entity)
# The initiator of the change sets the poll publishes: no widget of this window made them.
OTHER_DESKS = "other desktops"


class OtherDesks:
    """What other desktops committed since the last look, one change set per look."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.own = own_changes(database)
        self.seen = self._newest()
        # On a server: numbers a look found missing below the newest, with the looks since. A sequence
        # numbers changes when they are written, not when they commit: a transaction still open then
        # commits them later, below numbers already seen. A rolled-back number never comes: it is
        # looked for LATE_LOOKS times, then forgotten.
        self.missing: dict[int, int] = {}

    def _newest(self) -> int:
        with self.database.engine.connect() as conn:
            if self.database.server is not None:  # the generation this desk starts on
                note_generation(self.database, restore_generation(conn))
            return newest_change(conn)

    def _note_missing(self, conn: Connection, after: int, newest: int) -> None:
        if newest > after:
            present = numbers_between(conn, after, newest)
            self.missing.update((n, 0) for n in range(after + 1, newest + 1) if n not in present)

    def _late(self, conn: Connection) -> list[Arrival]:
        """The changes of other desks committed since a look found their numbers missing."""
        self.missing = {n: looks + 1 for n, looks in self.missing.items() if looks + 1 < LATE_LOOKS}
        present = numbers_among(conn, self.missing)
        for number in present:
            del self.missing[number]
        return changes_numbered(conn, present, not_from=self.database.site_id) if present else []

    def poll(self) -> ChangeSet | None:
        """The changes other desktops committed since the last poll, or None; one indexed max() when
        nothing was committed anywhere (and on a server one row of local_state, the restore generation).
        Raises RestoredElsewhere once another desk restored the server."""
        try:
            return self._poll()
        except DBAPIError as exc:
            raise readable(exc) from exc

    def _poll(self) -> ChangeSet | None:
        server = self.database.server is not None
        with self.database.engine.connect() as conn:
            if server and note_generation(self.database, restore_generation(conn)):
                raise RestoredElsewhere  # another desk restored the server: see db/server_restore.py
            newest = newest_change(conn)
            late = self._late(conn) if server and self.missing else []
            if newest <= self.seen and not late:
                return None
            after, self.seen = self.seen, max(newest, self.seen)
            # On a server this desk's changes carry its own site (a file's processes share one: there,
            # the numbers this process wrote tell them apart).
            mine = self.database.site_id if server else ""
            if server:
                self._note_missing(conn, after, newest)
            self.own.check(conn, after, newest)
            if self.own.covers(after + 1, newest) and not late:
                self.own.forget_to(newest)
                return None
            arrivals = changes_between(conn, after, newest, MOST_ROWS, not_from=mine)
            if arrivals is None:
                kinds = [k for k in kinds_between(conn, after, newest, not_from=mine) if k in KINDS]
                kinds += [a[2] for a in late if a[2] in KINDS and a[2] not in kinds]
                self.own.forget_to(newest)
                return ChangeSet(tuple(Changes(k) for k in kinds), OTHER_DESKS) if kinds else None
            others = late + self.own.others(arrivals)
        self.own.forget_to(newest)
        parts: dict[str, tuple[list[str], list[str], list[str]]] = {}
        for _seq, _hlc, entity, row_id, is_new, deleted, restored in others:
            if entity not in KINDS:
                continue  # a pseudo-record of the log (an erasure's note)
            created, updated, gone = parts.setdefault(entity, ([], [], []))
            (created if is_new or restored else gone if deleted else updated).append(row_id)
        if not parts:
            return None
        return ChangeSet(tuple(Changes(Entity(e), tuple(c), tuple(u), tuple(d)) for e, (c, u, d) in parts.items()),
                         OTHER_DESKS)
