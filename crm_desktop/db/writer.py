"""Set-wise writes of synced rows and of the change log, through the driver, in the caller's transaction.

The operations every writer of many rows needs, each one statement per table or per batch of ids
rather than one per row: append changes to the log, find which changes are new, read rows' current
versions and logged changes, insert and update rows while keeping their derived columns
(db/derived.py) and the search index current, and keep the list of rows waiting for a parent
(sync_pending). The sync import (sync/apply.py) decides what to write in pure Python
(sync/merge.py) and writes it through here; this is where its SQL is, one text for both engines
through the driver's cursor (db/raw.py), branching on `on_server` where SQLite's has no server twin
(PRAGMAs, its write lock, WITHOUT ROWID, FTS5).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection, Table, event
from sqlalchemy.orm import Session

from crm_desktop.db.bulk import DeferredIndexes, TableWriter, bind_processor
from crm_desktop.db.changelog import LogRow, append_changes
from crm_desktop.db.database import Database
from crm_desktop.db.derived import SOURCES, derived_values
from crm_desktop.db.desks import own_changes
from crm_desktop.db.raw import Cursor, begin_writing, driver_cursor, in_transaction, insert_many, on_server
from crm_desktop.db.search_index import INDEXED, SuspendedIndex

Key = tuple[str, str]  # (entity, row id)
RowVersion = tuple[int | None, str | None, Any]  # a row's (clock, site id, deleted_at)
BATCH = 500  # ids per `IN (...)` list
SERVER_BATCH = 20_000  # ids per array bound to a server's `= ANY(?)`
SERVER_SET_WISE = 200  # from this many rows of one set of columns, a server's UPDATE goes through COPY
# On a server, one sync import (or erasure, or clock repair) at a time: two importing the same file
# would both find its changes new and log them twice. Other desks' saves never wait for this lock.
SYNC_LOCK = 0x63726D5F73796E63  # "crm_sync"
LOAD_CACHE_KB = 262_144  # a big page cache while writing many rows, as the bulk loader does
_FULL = 2  # PRAGMA synchronous: the WAL is synced at every commit
# table -> the fields its search entry is made of, and the deletion that removes it: an update of
# other fields (notes, stages) leaves the entry alone, as the index triggers do
SEARCHED = {e.table: frozenset((*e.columns, *e.phone_columns, "deleted_at")) for e in INDEXED}


class Stamped(Protocol):
    """Anything that names a change by its site and clock (a sync file's line head)."""

    @property
    def site_id(self) -> str: ...

    @property
    def hlc(self) -> int: ...


StampedT = TypeVar("StampedT", bound=Stamped)


def hold_write_lock(conn: Connection) -> None:
    """Take SQLite's write lock now, not at the first write: what is read stays true (change numbers stay ours).
    On a server, the transaction's lock that only other sync imports, erasures and clock repairs take
    (`SYNC_LOCK`): desks go on saving, and the rows an import merges are locked as it reads them
    (`Writer.versions`)."""
    cur = driver_cursor(conn)
    begin_writing(cur)
    if on_server(cur):
        cur.execute("SELECT pg_advisory_xact_lock(?)", (SYNC_LOCK,))


def unseen(cur: Cursor, changes: Sequence[StampedT]) -> list[StampedT]:
    """The changes our log does not hold yet (a change is known by its site and clock); the same
    change twice in `changes` counts once."""
    by_site: dict[str, list[StampedT]] = defaultdict(list)
    for change in changes:
        by_site[change.site_id].append(change)
    fresh: list[StampedT] = []
    for site, group in by_site.items():
        low, high = min(x.hlc for x in group), max(x.hlc for x in group)
        known = {h for (h,) in cur.execute(
            "SELECT hlc FROM change WHERE site_id = ? AND hlc BETWEEN ? AND ?", (site, low, high))}
        for change in group:
            if change.hlc not in known:
                known.add(change.hlc)
                fresh.append(change)
    return fresh


def any_waiting(cur: Cursor) -> bool:
    """Whether some row waits for a parent or a required field (sync_pending)."""
    return cur.execute("SELECT 1 FROM sync_pending LIMIT 1").fetchone() is not None


class Writer:
    """Set-wise reads and writes of synced rows and the log on one connection's transaction.

    Inside `suspended()` (many rows at once), search entries and big tables' secondary indexes are
    rebuilt set-wise at the end instead of row by row."""

    def __init__(self, conn: Connection, database: Database) -> None:
        self.conn = conn
        self.cur = driver_cursor(conn)
        self.database = database
        self.index: SuspendedIndex | None = None
        self.deferred: DeferredIndexes | None = None
        self.server = on_server(self.cur)

    @contextmanager
    def locked(self, *, secure: bool = False) -> Iterator[None]:
        """Hold the write lock from the first read (change numbers stay ours) with a big page cache;
        with `secure` (or if it is on already), SQLite overwrites what it frees with zeros. The
        settings are put back after."""
        cur = self.cur
        hold_write_lock(self.conn)
        if self.server:  # PostgreSQL's shared buffers are the server's to size
            with self.secure(secure):
                yield
            return
        cache = cur.execute("PRAGMA cache_size").fetchone()[0]
        cur.execute(f"PRAGMA cache_size=-{LOAD_CACHE_KB}")
        try:
            with self.secure(secure):
                yield
        finally:
            cur.execute(f"PRAGMA cache_size={cache}")

    def commit_durably(self, session: Session) -> None:
        """Have the session's commit sync the WAL itself (synchronous=FULL: what the user is told is
        written survives a power cut) and not copy it into the database file (no automatic checkpoint):
        a new copy's commit wrote 220 MB to the WAL and again into the file, 1.3 s, where syncing the WAL
        takes 0.75 s. The copy into the file waits for the next checkpoint (a later commit's, past
        1,000 pages, or closing the database's).
        Both settings come back when the transaction ends, either way; inside a transaction already
        begun they cannot change, and the commit goes as usual."""
        cur = self.cur
        if self.server or in_transaction(cur):  # a server syncs its WAL at every commit and checkpoints itself
            return
        synchronous = cur.execute("PRAGMA synchronous").fetchone()[0]
        autocheckpoint = cur.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        cur.execute(f"PRAGMA synchronous={max(synchronous, _FULL)}")
        cur.execute("PRAGMA wal_autocheckpoint=0")

        def restore(_session: Session) -> None:  # the transaction has ended, the connection is still ours
            cur.execute(f"PRAGMA synchronous={synchronous}")
            cur.execute(f"PRAGMA wal_autocheckpoint={autocheckpoint}")

        for end in ("after_commit", "after_rollback"):  # (a unit of work's session ends with its transaction)
            event.listen(session, end, restore, once=True)

    @contextmanager
    def secure(self, on: bool = True) -> Iterator[None]:
        """With `on` (or if it is on already), SQLite overwrites with zeros the cells and pages it frees,
        so a rewritten value leaves no trace in the file (an erasure); put back after. A server keeps a
        row's old version until VACUUM takes it (db/erasure.py `reclaim`)."""
        if self.server:
            yield
            return
        was = self.cur.execute("PRAGMA secure_delete").fetchone()[0]
        self.cur.execute(f"PRAGMA secure_delete={int(on or was)}")
        try:
            yield
        finally:
            self.cur.execute(f"PRAGMA secure_delete={was}")

    @contextmanager
    def suspended(self) -> Iterator[SuspendedIndex]:
        """Search entries of new rows indexed at once, updated rows re-indexed once each, however many
        batches touched them; indexes of tables about to grow many-fold built once at the end."""
        try:
            with SuspendedIndex(self.cur) as self.index, DeferredIndexes(self.cur) as self.deferred:
                yield self.index
        finally:
            self.index = self.deferred = None

    def defer_links(self) -> None:
        """Check links at commit: parents and children may arrive in any order. (A server's foreign keys
        are DEFERRABLE for this, migration 0028.)"""
        self.cur.execute("SET CONSTRAINTS ALL DEFERRED" if self.server else "PRAGMA defer_foreign_keys = ON")

    # --- the change log ---------------------------------------------------------------------------

    def append_changes(self, changes: Iterable[LogRow]) -> None:
        """Append changes to the log, numbered after the last one, in the order given."""
        append_changes(self.cur, changes, own_changes(self.database))

    def unseen(self, changes: Sequence[StampedT]) -> list[StampedT]:
        """The changes our log does not hold yet (`unseen`)."""
        return unseen(self.cur, changes)

    def logged(self, keys: Collection[Key]) -> Iterator[LogRow]:
        """The log's changes of the rows `keys`, found through a temporary table of the keys (on a server,
        through the keys as two arrays: no temporary table made and dropped in the catalog each time)."""
        cur = self.cur
        if self.server:
            entities, row_ids = (list(x) for x in zip(*keys, strict=True)) if keys else ([], [])
            return cur.execute(
                "SELECT c.entity, c.row_id, c.hlc, c.site_id, c.base_hlc, c.user_id, "
                "to_char(c.changed_at, 'YYYY-MM-DD HH24:MI:SS.US'), c.fields FROM unnest(?::text[], ?::text[]) "
                "AS k(entity, row_id) JOIN change c ON c.entity = k.entity AND c.row_id = k.row_id",
                (entities, row_ids))
        cur.execute("CREATE TEMP TABLE IF NOT EXISTS writer_keys (entity TEXT, row_id TEXT, "
                    "PRIMARY KEY (entity, row_id)) WITHOUT ROWID")
        cur.execute("DELETE FROM writer_keys")
        cur.executemany("INSERT INTO writer_keys VALUES (?, ?)", keys)
        return cur.execute(
            "SELECT c.entity, c.row_id, c.hlc, c.site_id, c.base_hlc, c.user_id, c.changed_at, c.fields "
            "FROM writer_keys k JOIN change c ON c.entity = k.entity AND c.row_id = k.row_id")

    def logged_fields(self, entity: str, ids: Sequence[str]) -> list[tuple[int, dict[str, Any]]]:
        """(number, fields) of every logged change of the rows `ids` of `entity`."""
        found = []
        for chunk in _chunks(ids):
            found += [(seq, json.loads(fields)) for seq, fields in self.cur.execute(
                f"SELECT seq, fields FROM change WHERE entity = ? AND row_id IN ({_marks(chunk)})", (entity, *chunk))]
        return found

    def rewrite_logged(self, fields: Iterable[tuple[str, int]]) -> None:
        """Give logged changes new fields: (fields as JSON, change number) pairs. Only an erasure rewrites
        history (services/erase.py), the same way on every copy."""
        self.cur.executemany("UPDATE change SET fields = ? WHERE seq = ?", fields)

    # --- rows waiting for a parent ------------------------------------------------------------------

    def waiting(self) -> set[Key]:
        """The rows waiting for a parent or a required field (sync_pending)."""
        return {(e, r) for e, r in self.cur.execute("SELECT entity, row_id FROM sync_pending")}

    def set_waiting(self, keys: Iterable[Key]) -> None:
        """The rows waiting from now on, in place of those listed before."""
        self.cur.execute("DELETE FROM sync_pending")
        self.cur.executemany("INSERT INTO sync_pending (entity, row_id) VALUES (?, ?)", sorted(keys))

    def waiting_counts(self) -> dict[str, int]:
        """How many rows wait, per entity."""
        return dict(self.cur.execute("SELECT entity, count(*) FROM sync_pending GROUP BY entity").fetchall())

    # --- rows ---------------------------------------------------------------------------------------

    def versions(self, table: str, ids: Sequence[str]) -> dict[str, RowVersion]:
        """id -> (clock, site id, deleted_at) of the rows among `ids` that exist.

        When the table is not much bigger than the list (a new copy filling up), one pass over the
        table beats a lookup per id. On a server the rows found are locked until the commit
        (`FOR NO KEY UPDATE`): another desk's save of one of them waits for the import and is then
        refused by its version check, rather than changing a row between the merge's read and its
        write; desks adding children to them are not held up.
        """
        columns = f'SELECT id, hlc, site_id, deleted_at FROM "{table}"'
        if self.server:
            return self._versions_locked(columns, ids)
        size = self.cur.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        if size <= 4 * len(ids):
            wanted = set(ids)
            return {i: (h, s, d) for i, h, s, d in self.cur.execute(columns) if i in wanted}
        found: dict[str, RowVersion] = {}
        for chunk in _chunks(ids):
            rows = self.cur.execute(f"{columns} WHERE id IN ({_marks(chunk)})", chunk)
            found.update((i, (h, s, d)) for i, h, s, d in rows)
        return found

    def _versions_locked(self, columns: str, ids: Sequence[str]) -> dict[str, RowVersion]:
        found: dict[str, RowVersion] = {}
        for chunk in _chunks(ids, SERVER_BATCH):
            rows = self.cur.execute(f"{columns} WHERE id = ANY(?) ORDER BY id FOR NO KEY UPDATE", (list(chunk),))
            found.update((i, (h, s, d)) for i, h, s, d in rows)
        return found

    def fields(self, table: str, row_id: str, names: Sequence[str]) -> dict[str, Any] | None:
        """Some columns of one row, None if there is no such row."""
        columns = ", ".join(f'"{n}"' for n in names)
        found = self.cur.execute(f'SELECT {columns} FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
        return None if found is None else dict(zip(names, found, strict=True))

    def ids_where_any(self, table: str, columns: Sequence[str], value: Any) -> list[str]:
        """Ids of the rows of `table` where any of `columns` holds `value` (rows pointing at a record)."""
        where = " OR ".join(f'"{c}" = ?' for c in columns)
        return [i for (i,) in self.cur.execute(f'SELECT id FROM "{table}" WHERE {where}', [value] * len(columns))]

    def existing(self, table: str, ids: Collection[str]) -> set[str]:
        """Those of `ids` that are rows of `table` (deleted or not)."""
        found: set[str] = set()
        for chunk in _chunks(list(ids)):
            found.update(i for (i,) in self.cur.execute(f'SELECT id FROM "{table}" WHERE id IN ({_marks(chunk)})',
                                                        chunk))
        return found

    def insert(self, table: Table, rows: Collection[dict[str, Any]]) -> None:
        """Insert rows (column defaults where a row has no value), their derived columns computed;
        each dict gets its derived columns too."""
        if self.deferred is not None:
            self.deferred.consider(table.name, len(rows))
        writer = TableWriter(table, self.database)
        if table.name in SOURCES:
            for row in rows:
                row.update(derived_values(table.name, row))
        # (by COPY on a server: an INSERT per row was a statement each, 93k new rows of the benchmark 46 -> 18 s)
        insert_many(self.cur, table.name, writer.columns, map(writer.values, rows))

    def update(self, table: Table, rows: Mapping[str, Mapping[str, Any]]) -> None:
        """Set the given fields of rows (id -> fields), one statement per set of field names; derived
        columns are recomputed where a source field changed, and the search index is told of the rows
        whose searched fields were set."""
        dialect = self.database.engine.dialect
        process = {c.key: bind_processor(c, dialect) for c in table.columns}
        groups: dict[tuple[str, ...], list[list[Any]]] = defaultdict(list)
        for row_id, values in rows.items():
            names = tuple(sorted(values))
            out = []
            for name in names:
                value, convert = values[name], process[name]
                out.append(convert(value) if convert is not None and value is not None else value)
            groups[names].append([*out, row_id])
        for names, params in groups.items():
            if self.server and len(params) >= SERVER_SET_WISE:
                self._update_from_copy(table.name, names, params)
                continue
            sets = ", ".join(f'"{n}" = ?' for n in names)
            self.cur.executemany(f'UPDATE "{table.name}" SET {sets} WHERE id = ?', params)
        sources = SOURCES.get(table.name)
        if sources:
            self._rederive(table.name, [i for i, v in rows.items() if not v.keys().isdisjoint(sources)])
        searched = SEARCHED.get(table.name)
        if self.index is not None and searched:  # as the triggers: on an UPDATE OF a searched field
            self.index.changed(table.name, [i for i, v in rows.items() if not searched.isdisjoint(v)])

    def _update_from_copy(self, table: str, names: Sequence[str], params: Iterable[Sequence[Any]]) -> None:
        """Many rows' new values on a server: copied into a temporary table of the same column types,
        then one UPDATE joined to it, where an UPDATE per row is a statement each (60k people edited: 27 -> 15 s)."""
        columns = [*names, "id"]
        picked = ", ".join(f'"{c}"' for c in columns)
        self.cur.execute(f'CREATE TEMP TABLE writer_rows ON COMMIT DROP AS SELECT {picked} FROM "{table}" WITH NO DATA')
        insert_many(self.cur, "writer_rows", columns, params)
        sets = ", ".join(f'"{n}" = w."{n}"' for n in names)
        self.cur.execute(f'UPDATE "{table}" t SET {sets} FROM writer_rows w WHERE t.id = w.id')
        self.cur.execute("DROP TABLE writer_rows")

    def _rederive(self, table: str, ids: list[str]) -> None:
        """Derived columns of updated rows whose source fields changed (the ORM events do not run here)."""
        cols = SOURCES[table]
        for chunk in _chunks(ids):
            found = self.cur.execute(
                f'SELECT id, {", ".join(cols)} FROM "{table}" WHERE id IN ({_marks(chunk)})', chunk).fetchall()
            derived = [(derived_values(table, dict(zip(cols, r[1:], strict=True))), r[0]) for r in found]
            if derived:
                sets = ", ".join(f'"{name}" = ?' for name in derived[0][0])
                self.cur.executemany(f'UPDATE "{table}" SET {sets} WHERE id = ?',
                                     [(*values.values(), row_id) for values, row_id in derived])

    def created_first(self, table: str, ids: Iterable[str]) -> None:
        """Give rows the time of their first logged change in clock order as their creation (rows two
        copies created under the same id: created when the first of them did)."""
        self.cur.executemany(f'UPDATE "{table}" SET created_at = (SELECT changed_at FROM change WHERE entity = ? '
                             f'AND row_id = "{table}".id ORDER BY hlc, site_id LIMIT 1) WHERE id = ?',
                             [(table, row_id) for row_id in ids])


    def compact_search(self, tables: Iterable[str]) -> None:
        """Merge the segments of the search indexes of `tables`, so no old term stays in the file."""
        if self.server:  # its trigram indexes drop a dead row's entries at VACUUM (db/erasure.py)
            return
        wanted = set(tables)
        for entity in INDEXED:
            if entity.table in wanted and self.cur.execute("SELECT 1 FROM sqlite_master WHERE name = ?",
                                                           (entity.fts,)).fetchone() is not None:
                self.cur.execute(f"INSERT INTO {entity.fts}({entity.fts}) VALUES('optimize')")


def _chunks(ids: Sequence[str], size: int = BATCH) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _marks(chunk: Sequence[str]) -> str:
    return ",".join("?" * len(chunk))
