"""Fast loading of many new records (sample data, imports) with the same change log as the ORM path.

Rows go in through the driver's cursor in one transaction: all of them or none (SQLite's executemany,
a server's COPY: `raw.insert_many`). The caller's progress callback may return False to cancel, which
rolls everything back.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, Protocol

from sqlalchemy import Column, Date, DateTime, Dialect, Table
from sqlalchemy.orm import Session

from crm_desktop.db import kept, live_counts
from crm_desktop.db.changelog import CONTEXT_KEY, NOT_LOGGED, ChangeContext, LogRow, append_changes, encode_field
from crm_desktop.db.consent import bulk_consent_events
from crm_desktop.db.database import Database
from crm_desktop.db.derived import DERIVED, Derived
from crm_desktop.db.desks import own_changes
from crm_desktop.db.raw import Cursor, begin_writing, cursor_of, driver_cursor, insert_many, on_server
from crm_desktop.db.search_index import SuspendedIndex
from crm_desktop.db.times import date_param, time_param
from crm_desktop.errors import DomainError
from crm_desktop.models import ConsentEvent, new_id, new_ids
from crm_desktop.models.base import SyncMixin

Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class Columns:
    """Rows of one table given column by column (lists of equal length; a column left out takes its
    default), for loads of millions: converting and logging a column at a time costs a fraction of a
    row at a time, because the values of a column repeat (subjects, kinds, half-hour starts)."""

    model: type[SyncMixin]
    columns: Mapping[str, Sequence[Any]]

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()), ()))


Batch = tuple[type[SyncMixin], list[dict[str, Any]]] | Columns


class ColumnSource(Protocol):
    """New records of one table waiting to go in (an import's), each with its "id": read a few whole
    columns (the consent history's) and handed over a batch of columns at a time, made as the insert
    takes them, so that they are never all held as columns at once."""

    model: type[SyncMixin]

    def __len__(self) -> int: ...

    def column(self, key: str) -> Sequence[Any]: ...

    def batches(self, size: int) -> Iterator[Columns]: ...


class PackedRows:
    """New records of one table waiting for `insert_in_session` (an import's), a ColumnSource: each
    kept as a tuple under one key order (a dict a record cost about 1.2 KB, 100,000 contacts 120 MB,
    most of an import's peak; a tuple a fifth of it); a key the earlier ones lack is None (the
    default) there. Handed to the insert a batch of columns at a time (C-level transposes): never
    all as columns, never as dicts."""

    def __init__(self, model: type[SyncMixin]) -> None:
        self.model = model
        self.keys: tuple[str, ...] = ()
        self.rows: list[tuple[object, ...]] = []
        self.ids: Sequence[str] = ()
        self.ragged = False  # some records lack a key that later ones have

    def _pack(self, cleaned: dict[str, object]) -> tuple[object, ...]:
        if tuple(cleaned) == self.keys:
            return tuple(cleaned.values())
        added = tuple(k for k in cleaned if k not in self.keys)  # a key the earlier records lack: None there
        self.ragged = self.ragged or bool(added and self.rows)
        self.keys += added
        return tuple(cleaned.get(k) for k in self.keys)

    def _padded(self, rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
        if not self.ragged:
            return rows
        return [row + (None,) * (len(self.keys) - len(row)) for row in rows]

    def append(self, cleaned: dict[str, object]) -> int:
        self.rows.append(self._pack(cleaned))
        return len(self.rows) - 1

    def __setitem__(self, index: int, cleaned: dict[str, object]) -> None:
        self.rows[index] = self._pack(cleaned)

    def __getitem__(self, index: int) -> dict[str, object]:
        (row,) = self._padded([self.rows[index]])
        return dict(zip(self.keys, row, strict=True))

    def __len__(self) -> int:
        return len(self.rows)

    def with_ids(self, ids: Sequence[str]) -> PackedRows:
        """These records as the insert takes them, each with its new id."""
        self.ids = ids
        return self

    def column(self, key: str) -> Sequence[object]:
        if key == "id":
            return self.ids
        if key not in self.keys:
            return [None] * len(self.rows)
        at = self.keys.index(key)
        return [row[at] if at < len(row) else None for row in self.rows]

    def batches(self, size: int) -> Iterator[Columns]:
        for start in range(0, len(self.rows), size):
            part = self._padded(self.rows[start:start + size])
            columns: dict[str, Sequence[object]] = dict(zip(self.keys, map(list, zip(*part, strict=True)),
                                                            strict=True))
            yield Columns(self.model, {**columns, "id": self.ids[start:start + size]})


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cycle collector off while millions of objects are made and kept (parsed records,
    rows to insert): each full collection walks them all, and cost a 100k-change import 1.5 s.
    Nothing made here holds reference cycles; collection resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


DEFER_MIN = 5_000  # rows going into one table at once from which its indexes are built afterwards


class DeferredIndexes:
    """Secondary indexes of a table about to grow many-fold, dropped while its rows go in and
    built once at the end: one sort per index instead of a B-tree insert per row (a 100k-row sync
    import spent 0.5 s less inserting and 0.3 s rebuilding). Its live count (db/live_counts.py) is
    likewise taken once at the end instead of by a trigger per row (0.4 s of 93k rows), and so are the
    totals kept on records from the table's rows (db/kept.py): their triggers would look each row's
    record up through the indexes dropped, so they are dropped too and the values refilled set-wise.

    Unique indexes (constraints) stay, and so do indexes on link columns while foreign-key checks
    are deferred (`deferred_links`, a sync import): SQLite finds the children of a new parent through
    them. Checked at once (a bulk load, parents first), a new row only looks its parents up by their
    keys, and the link indexes go too: a million activities kept nine of them, at random places,
    longer than the cache holds. It all happens inside the caller's transaction, so a rollback brings
    the indexes back; the planner statistics of the dropped indexes are put back with them.
    """

    def __init__(self, cursor: Cursor, *, deferred_links: bool = True, inserts_only: bool = False) -> None:
        self.cursor = cursor
        self.deferred_links = deferred_links
        # Only new rows are written (a bulk load, an import): the kept totals their many rows feed are
        # recomputed at the end for the records they name (`kept.touched_statements`) rather than by a
        # trigger per row: 100,000 done activities into the large demo took 7.6 s without kept totals,
        # 18 s with the insert trigger (a random person's and company's row read per activity), 9.1 s so.
        self.inserts_only = inserts_only
        self.touched: dict[str, int] = {}  # child table -> its highest rowid before the new rows
        self.grown: list[str] = []  # tables that at least doubled, whose planner statistics are stale
        self.dropped: list[tuple[str, str]] = []  # (index name, its CREATE statement)
        self.counted: list[tuple[str, list[str]]] = []  # (table, its live-count triggers' CREATE statements)
        self.stats: list[tuple[str, str, str]] = []
        self.decided: set[str] = set()
        self.kept: list[str] = []  # kept tables (db/kept.py) whose triggers were dropped, to refill
        self.kept_triggers: list[str] = []  # their CREATE statements

    def consider(self, table: str, incoming: int) -> None:
        """Note `table` as grown, and defer its indexes, if `incoming` new rows at least double it
        (decided once per table)."""
        if table in self.decided or incoming < DEFER_MIN:
            return
        self.decided.add(table)
        if incoming >= self.cursor.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]:
            self.grown.append(table)
            if not on_server(self.cursor):  # a server keeps its indexes: other desks read them meanwhile
                self._defer(table)
        elif self.inserts_only and table in kept.CHILDREN and not on_server(self.cursor) and table not in self.touched:
            self.touched[table] = self.cursor.execute(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').fetchone()[0]
            self._drop_kept((table,), f"{kept.PREFIX}%_ai")

    def _drop_kept(self, tables: tuple[str, ...], name: str = f"{kept.PREFIX}%") -> None:
        """Drop the kept triggers (db/kept.py) of `tables` named like `name` that are still there."""
        cur = self.cursor
        marks = ",".join("?" * len(tables))
        found = cur.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({marks}) "
                            "AND name LIKE ?", (*tables, name)).fetchall()
        for trigger, _ in found:
            cur.execute(f'DROP TRIGGER "{trigger}"')
        self.kept_triggers += [sql for _, sql in found]

    def _defer(self, table: str) -> None:
        cur = self.cursor
        links = {row[3] for row in cur.execute(f'PRAGMA foreign_key_list("{table}")')} if self.deferred_links else set()
        indexes = [(name, sql) for name, sql in cur.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", (table,)
        ).fetchall() if not sql.upper().startswith("CREATE UNIQUE")
            and not links & {row[2] for row in cur.execute(f'PRAGMA index_info("{name}")')}]
        names = [name for name, _ in indexes]
        if names and cur.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            marks = ",".join("?" * len(names))
            self.stats += cur.execute(f"SELECT tbl, idx, stat FROM sqlite_stat1 WHERE idx IN ({marks})",
                                      names).fetchall()
        for name in names:
            cur.execute(f'DROP INDEX "{name}"')
        self.dropped += indexes
        counting = cur.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
                               "AND sql LIKE '%live_count%'", (table,)).fetchall()
        for name, _ in counting:
            cur.execute(f'DROP TRIGGER "{name}"')
        if counting:
            self.counted.append((table, [sql for _, sql in counting]))
        tables, totals = kept.fed_by(table)
        if totals:
            self._drop_kept(tables)
            self.kept += [t for t in totals if t not in self.kept]

    def __enter__(self) -> DeferredIndexes:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        if exc_type is not None:
            return  # the caller rolls back: the dropped indexes come back with it
        for _, sql in self.dropped:
            self.cursor.execute(sql)
        self.cursor.executemany("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", self.stats)
        for table, triggers in self.counted:
            self.cursor.execute(live_counts.create_statements(table)[0])  # the count taken now
            for sql in triggers:
                self.cursor.execute(sql)
        for sql in kept.refill_statements("sqlite", tuple(self.kept)) if self.kept else ():
            self.cursor.execute(sql)
        for child, high in self.touched.items():  # (what a refill above has done already is not done again)
            if not set(kept.CHILDREN[child]) <= set(self.kept):
                for sql in kept.touched_statements(child, high):
                    self.cursor.execute(sql)
        for sql in self.kept_triggers:
            self.cursor.execute(sql)


class Cancelled(DomainError):
    """The user pressed Cancel; nothing was saved."""

    def __init__(self) -> None:
        super().__init__("Cancelled: nothing was saved.")


def bind_processor(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """How a raw cursor's parameter for `column` is converted, as the ORM stores it: times and dates
    by `db.times` (the generic types have no processor of their own, and sqlite3's default adapter
    would write a time without its microseconds when they are zero)."""
    if isinstance(column.type, DateTime):
        return time_param
    if isinstance(column.type, Date):
        return date_param
    return column.type.bind_processor(dialect)


class TableWriter:
    """Prepared INSERT for one table, converting Python values the way SQLAlchemy would."""

    def __init__(self, table: Table, database: Database, with_key: bool = False) -> None:
        dialect = database.engine.dialect
        self.columns = [c.key for c in table.columns if with_key or not (c.primary_key and c.autoincrement is True)]
        processors = [bind_processor(table.c[k], dialect) for k in self.columns]
        self.converted = [(i, p) for i, p in enumerate(processors) if p is not None]
        names = ", ".join(f'"{k}"' for k in self.columns)
        marks = ", ".join("?" for _ in self.columns)
        self.sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
        self.defaults = {
            c.key: c.default.arg for c in table.columns if c.default is not None and c.default.is_scalar
        }
        self._blank = {**dict.fromkeys(self.columns), **self.defaults}
        self._processors = dict(zip(self.columns, processors, strict=True))

    def rows(self, columns: Mapping[str, Iterable[Any]], count: int) -> list[tuple[Any, ...]]:
        """The INSERT's parameters for `count` rows given column by column; a missing column, and a None
        where the column has a default, take the default (as the ORM does)."""
        blank = self.values({})
        return list(zip(*(_converted(columns[k], self._processors[k], blank[i]) if k in columns
                          else repeat(blank[i], count) for i, k in enumerate(self.columns)), strict=True))

    def values(self, row: Mapping[str, Any]) -> list[Any]:
        """The INSERT's parameters: `row`'s values, column defaults where it has none."""
        out = list(map({**self._blank, **row}.__getitem__, self.columns))  # C-level: 100k rows per load
        for i, p in self.converted:
            if out[i] is not None:
                out[i] = p(out[i])
        return out


@dataclass
class _Prepared:
    """One batch turned into DB-API rows: the records and their changes (with the changed fields)."""

    columns: list[str]  # the records' columns, in order
    records: list[tuple[Any, ...]]
    changes: list[LogRow]


class _Preparer:
    """Builds the DB-API rows for each batch.

    (Not in a second thread: sqlite3 releases the GIL on every row, so a busy producer thread
    made each insert wait for the GIL and the load three times slower.)
    """

    def __init__(self, database: Database, ctx: ChangeContext,
                 name_keys: Mapping[tuple[Any, ...], str] | None = None) -> None:
        self.database = database
        self.ctx = ctx
        self.name_keys = name_keys or {}  # name columns -> match key, known already (an import's preview)
        self.writers: dict[str, TableWriter] = {}

    def prepare(self, model: type[SyncMixin], rows: list[dict[str, Any]]) -> _Prepared:
        """The DB-API rows of a batch of dicts, turned into columns (a key a row lacks takes the column's
        default, as in an INSERT) so that it goes the column way: about 10 µs a row less than a row at a
        time (20,000 sample accounts and contacts: 0.55-0.6 s before, 0.3-0.45 s)."""
        table: Table = model.__table__  # type: ignore[assignment]
        blank = self.writers.setdefault(table.name, TableWriter(table, self.database))._blank
        columns = as_columns(rows, blank)
        if "id" in columns:
            columns["id"] = [i or new_id() for i in columns["id"]]
        return self.prepare_columns(Columns(model, columns))

    def prepare_columns(self, batch: Columns) -> _Prepared:
        """The DB-API rows of a columnar batch: what `prepare` gives for the same rows, built column by column."""
        table: Table = batch.model.__table__  # type: ignore[assignment]
        writer = self.writers.setdefault(table.name, TableWriter(table, self.database))
        count = len(batch)
        now = self.database.time.now()
        ids = list(batch.columns["id"]) if "id" in batch.columns else new_ids(count)
        hlcs = self.database.clock.tick_many(count)
        derived = {d.column: _derive(d, batch.columns, count, self.name_keys if d.column == "match_key" else {})
                   for d in DERIVED.get(table.name, ())}
        # Sample data may date a record in the past (a lead that came in last year); anything else is new now.
        created = batch.columns["created_at"] if "created_at" in batch.columns else repeat(now, count)
        records = writer.rows({**batch.columns, **derived, "id": ids, "created_at": created,
                               "updated_at": repeat(now, count), "hlc": hlcs,
                               "site_id": repeat(self.ctx.site_id, count)}, count)
        logged = [_logged(k, v, default) for k, v in batch.columns.items()
                  if k not in NOT_LOGGED and not _all_blank(v, default := writer.defaults.get(k))]
        fields = (["{" + ",".join(filter(None, parts)) + "}" for parts in zip(*logged, strict=True)] if logged
                  else ["{}"] * count)
        entity, at = str(table.name), time_param(now)  # a plain str: sqlite3 adapts a subclass per row
        changes = list(zip(repeat(entity), ids, hlcs, repeat(self.ctx.site_id), repeat(0), repeat(self.ctx.user_id),
                           repeat(at), fields))
        return _Prepared(writer.columns, records, changes)


def as_columns(rows: Sequence[Mapping[str, Any]], blank: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Rows as columns, in the order the keys first appear; a key a row lacks takes its `blank` value."""
    keys = dict.fromkeys(chain.from_iterable(rows))  # each row's keys in order, at C speed
    if len(keys) > 1:  # (itemgetter of one key gives values, not tuples)
        try:  # every row has every key (an import's records): the columns at C speed too
            return dict(zip(keys, map(list, zip(*map(itemgetter(*keys), rows), strict=True)), strict=True))
        except KeyError:  # a row lacks a key
            pass
    return {k: [row.get(k, blank.get(k)) for row in rows] for k in keys}


def _derive(derived: Derived, columns: Mapping[str, Sequence[Any]], count: int,
            known: Mapping[tuple[Any, ...], Any]) -> list[Any]:
    """Each row's derived column from its source columns, computed once per distinct tuple of their
    values (`known`: tuples whose value was computed before, such as an import preview's match keys)."""
    sources = [columns[k] if k in columns else repeat(None, count) for k in derived.sources]
    memo: dict[tuple[Any, ...], Any] = {}
    return [known[n] if n in known else memo[n] if n in memo else memo.setdefault(n, derived.compute(*n))
            for n in zip(*sources, strict=True)]


def _converted(values: Iterable[Any], processor: Callable[[Any], Any] | None, default: Any) -> Iterable[Any]:
    """`values` as parameters, None as the (converted) `default`: each distinct value converted once (a
    column's values repeat)."""
    if processor is None:
        return values if default is None else [default if v is None else v for v in values]
    memo: dict[Any, Any] = {None: default}
    return [memo[v] if v in memo else memo.setdefault(v, processor(v)) for v in values]


def _all_blank(values: Sequence[Any], default: Any) -> bool:
    """No value of the column is logged (each is empty or the default): most columns of an import's
    batch, which are then not walked value by value."""
    return set(values) <= {None, default}


def _logged(key: str, values: Iterable[Any], default: Any) -> list[str]:
    """Each value's `"key":value` part of the change's fields ("" when it is not logged: empty or the
    default), encoded once per distinct value."""
    memo: dict[Any, str] = {None: "", default: ""}
    return [memo[v] if v in memo else memo.setdefault(v, encode_field(key, v)) for v in values]


def load(
    database: Database,
    user_id: str | None,
    batches: Iterable[Batch],
    total: int,
    progress: Progress | None = None,
    *,
    alone: bool = False,
) -> int:
    """Insert every batch's rows as new records, all or nothing; returns how many were inserted.

    `alone`: the caller is the only one using the database during the load (the `demo` command, not
    the app, whose screens keep reading beside it), so it may be written without the WAL (see
    `_rollback_journal`)."""
    ctx = ChangeContext(database.clock, database.site_id, user_id, database.time, own_changes(database))
    if alone:
        database.engine.dispose()  # idle pooled connections would keep the file in WAL mode
    raw = database.engine.raw_connection()
    try:
        cur = cursor_of(raw.driver_connection)
        with _file_settings(cur, alone):
            begin_writing(cur)  # (a file's write lock first, so the change numbers handed out stay ours)
            try:
                done, _ = _insert(cur, database, ctx, batches, total, progress)
                cur.execute("ANALYZE")  # fresh statistics, so the planner picks the right index at this size
                raw.commit()
            except BaseException:
                raw.rollback()
                raise
    finally:
        raw.close()
    return done


def _insert(cur: Cursor, database: Database, ctx: ChangeContext, batches: Iterable[Batch], total: int,
            progress: Progress | None, incoming: Mapping[str, int] | None = None,
            name_keys: Mapping[tuple[Any, ...], str] | None = None) -> tuple[int, list[str]]:
    """Insert the batches inside the cursor's open transaction (on a file, holding the write lock);
    returns how many rows went in and the tables that grown many-fold (their statistics are stale).
    `incoming`: rows per table known beforehand, when the batches are too small to tell (an import's)."""
    done = 0
    preparer = _Preparer(database, ctx, name_keys)
    with SuspendedIndex(cur), DeferredIndexes(cur, deferred_links=False, inserts_only=True) as deferred, gc_paused():
        for table, count in (incoming or {}).items():
            deferred.consider(table, count)
        for batch in batches:
            model = batch.model if isinstance(batch, Columns) else batch[0]
            item = preparer.prepare_columns(batch) if isinstance(batch, Columns) else preparer.prepare(*batch)
            deferred.consider(model.__tablename__, len(item.records))
            deferred.consider("change", len(item.changes))
            insert_many(cur, model.__tablename__, item.columns, item.records)
            append_changes(cur, item.changes, ctx.own)
            done += len(item.records)
            if progress is not None and not progress(done, total):
                raise Cancelled()
    return done, deferred.grown


INSERT_BATCH = 2_000  # rows prepared at once (and between progress calls) of an insert in a session: 10,000
# held 40 MB of prepared rows and change log at once for contacts


def insert_in_session(session: Session, database: Database, source: ColumnSource, progress: Progress | None = None,
                      name_keys: Mapping[tuple[Any, ...], str] | None = None) -> int:
    """New records inserted the bulk way inside the session's own transaction, after what it has
    flushed: the same rows, change log, match keys and search index as the ORM writes, about ten
    times faster (an import of 100,000 contacts). Commit or rollback stays the caller's, through
    the session; the rows are not in the session's identity map. `name_keys`: match keys known
    already, by the tuple of the name columns' values (db/derived.SOURCES)."""
    session.flush()
    cur = driver_cursor(session.connection())
    begin_writing(cur)  # nothing written yet on a file: its DDL below must not run outside the transaction
    model = source.model
    events = bulk_consent_events(session, model, source.column("id"), source.column("marketing_consent"),
                                 source.column("consent_on"))  # the consent history the ORM path would write
    batches = chain(source.batches(INSERT_BATCH),
                    ((ConsentEvent, events[i:i + INSERT_BATCH]) for i in range(0, len(events), INSERT_BATCH)))
    # The batches are smaller than DEFER_MIN: whether the tables' indexes wait is decided on the whole.
    incoming = {model.__tablename__: len(source), ConsentEvent.__tablename__: len(events),
                "change": len(source) + len(events)}
    done, grown = _insert(cur, database, session.info[CONTEXT_KEY], batches, len(source) + len(events), progress,
                          incoming, name_keys)
    for table in grown:  # (on a server, inside the transaction: a rollback takes the statistics back too)
        cur.execute(f'ANALYZE "{table}"')
    return done


@contextmanager
def _file_settings(cursor: Cursor, alone: bool) -> Iterator[None]:
    """A file's settings while it loads; a server has none of them (its buffers and its WAL are the
    server's own).

    A bigger page cache (256 MB): index pages stay in memory. And a load by the database's only user
    is written with a rollback journal, and WAL mode comes back afterwards. In WAL mode every new page
    is written twice, to the WAL and then to the file at the checkpoint: 2.5 GB twice for the large
    demo, 10 s of its commit. A rollback journal keeps only the old content of the few pages that
    existed, so a failure, a Cancel or a crash still leaves the database as it was (a crash's journal
    is rolled back at the next open). Switching needs the only connection: with another one open (a
    reader beside us), the load stays in WAL mode."""
    if on_server(cursor):
        yield
        return
    switched = False
    if alone:
        try:
            switched = cursor.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"
        except sqlite3.OperationalError:
            switched = False  # someone else has the file open
    cursor.execute("PRAGMA cache_size=-262144")
    try:
        yield
    finally:
        cursor.execute("PRAGMA cache_size=-32000")
        if switched:
            cursor.execute("PRAGMA journal_mode=WAL")


TOMBSTONE_CHUNK = 500  # ids per IN (...): under SQLite's variable limit


def tombstone_in_session(session: Session, model: type[SyncMixin], ids: Sequence[str]) -> list[str]:
    """Records deleted the bulk way (a tombstone, as `Repository.soft_delete` sets) inside the
    session's own transaction, without loading them: one change per record ({"deleted_at": …}) in
    the log, stamped as the ORM stamps it, and the search index kept. About ten times faster than
    the ORM (an undone import of 20,000 contacts). The live ones of `ids` are deleted and returned;
    the session must not hold those records."""
    if not ids:
        return []
    session.flush()
    cur = driver_cursor(session.connection())
    begin_writing(cur)  # nothing written yet on a file: the DDL of its index below needs the transaction
    ctx: ChangeContext = session.info[CONTEXT_KEY]
    table = model.__tablename__
    now = ctx.time.now()
    stamp = time_param(now)
    fields = "{" + encode_field("deleted_at", now) + "}"
    done: list[str] = []
    with SuspendedIndex(cur) as index:
        for start in range(0, len(ids), TOMBSTONE_CHUNK):
            part = list(ids[start : start + TOMBSTONE_CHUNK])
            marks = ",".join("?" * len(part))
            live = cur.execute(f'SELECT id, hlc FROM "{table}" WHERE deleted_at IS NULL AND id IN ({marks})',
                               part).fetchall()
            stamped = list(zip(live, ctx.clock.tick_many(len(live)), strict=True))
            cur.executemany(f'UPDATE "{table}" SET deleted_at = ?, updated_at = ?, hlc = ?, site_id = ? WHERE id = ?',
                            [(stamp, stamp, hlc, ctx.site_id, row_id) for (row_id, _), hlc in stamped])
            append_changes(cur, [(table, row_id, hlc, ctx.site_id, base or 0, ctx.user_id, stamp, fields)
                                 for (row_id, base), hlc in stamped], ctx.own)
            index.changed(table, (row_id for row_id, _ in live))
            done += [row_id for row_id, _ in live]
    return done
