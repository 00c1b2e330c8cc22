"""SQLite FTS5 trigram indexes for substring search in Thai and English (THAI.md, "Search").

One FTS table per searchable entity, kept in step by triggers so every writer (the app, bulk loads,
a sync import) updates it in the same transaction. Its rowid is a search key of its own, paired with
the record's id in `<entity>_fts_key` (key INTEGER PRIMARY KEY, id UNIQUE): the entity tables have
text primary keys, so their implicit rowids may change in a VACUUM (or not exist in a server
database), while an INTEGER PRIMARY KEY and the id do not. A search finds keys, then ids.
Trigram needs three code points: the Ctrl+K search (every kind in one statement, `search_rows`)
answers shorter queries from the index's vocabulary, since each indexed text ends with two spaces
(PAD, 0024); the lists' filters (`id_subquery`) and an older index scan the indexed text for them.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Integer,
    Select,
    String,
    and_,
    column,
    func,
    literal_column,
    select,
    text,
    union,
)
from sqlalchemy import table as sql_table
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.sql.selectable import TableClause

from crm_desktop.db.raw import Cursor, on_server
from crm_desktop.text import query_phone_digits, typed_query


def national_digits_sql(column: str) -> str:
    """SQL for a phone stored as E.164 shown as the digits Thais type (+66812345678 -> 0812345678)."""
    return f"(CASE WHEN {column} LIKE '+66%' THEN '0' || substr({column}, 4) ELSE replace({column}, '+', '') END)"


# Two spaces end every indexed text (migration 0024), so that each of its characters starts a trigram:
# a query of one or two characters is then the start of some trigram in every text that holds it, a
# range of the index's vocabulary (`_short_keys_sql`). A query never ends with a space (it is
# stripped), so the padding matches nothing new.
PAD = "  "


_PREPARER = sqlite_dialect.dialect().identifier_preparer


def quoted(name: str) -> str:
    """`name` as SQL names it: in double quotes when it is a keyword (`"case"`), else as is, so the DDL
    the migrations froze for the other tables stays the code's own (tests/test_demo_data.py)."""
    return _PREPARER.quote(name)


@dataclass(frozen=True)
class IndexedEntity:
    table: str
    columns: tuple[str, ...]
    phone_columns: tuple[str, ...]

    @property
    def sql(self) -> str:
        """The table's name in SQL (`quoted`)."""
        return quoted(self.table)

    @property
    def fts(self) -> str:
        return f"{self.table}_fts"

    @property
    def keys(self) -> str:
        """The table pairing each search key (the FTS rowid) with its record's id."""
        return f"{self.table}_fts_key"

    def body_sql(self, row: str, *, padded: bool = True) -> str:
        """The indexed text: the columns joined by spaces, and two spaces after them (PAD; a server's
        index needs none: `server_search.py`). `row` names the table (quoted here when it must be), or
        nothing for bare columns."""
        prefix = f"{quoted(row)}." if row else ""
        parts = [f"{prefix}{c}" for c in self.columns]
        parts += [national_digits_sql(f"{prefix}{c}") for c in self.phone_columns]
        return " || ' ' || ".join(parts) + (f" || '{PAD}'" if padded else "")


INDEXED = (
    IndexedEntity("account", ("name", "tax_id", "email", "website"), ("phone",)),
    IndexedEntity(
        "contact", ("first_name", "last_name", "nickname", "email", "line_id"), ("mobile", "phone")
    ),
    IndexedEntity(
        "lead", ("first_name", "last_name", "company_name", "email", "line_id", "tax_id"), ("mobile", "phone")
    ),
    IndexedEntity("opportunity", ("name", "competitor"), ()),
    IndexedEntity("product", ("sku", "name_th", "name_en"), ()),
    IndexedEntity("case", ("number", "provisional_number", "subject"), ()),  # migration 0029
)


def has_trigram(conn: object) -> bool:
    """Whether `conn` (a driver connection) takes the FTS5 trigram indexes: Python builds on Windows and
    macOS bring their own SQLite, and trigram needs 3.34 with FTS5. A server's search is its own
    (`server_search.py`), so the migrations' FTS5 steps pass it by."""
    if not isinstance(conn, sqlite3.Connection):
        return False
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.__trigram_probe USING fts5(x, tokenize='trigram')")
        conn.execute("DROP TABLE temp.__trigram_probe")
    except sqlite3.OperationalError:
        return False
    return True


def create_statements(entity: IndexedEntity) -> list[str]:
    """DDL for one entity's index and its triggers (used by migrations, frozen there by value).

    A live row has a search key (`keys`) and an entry under that key (`fts`); a deleted one has
    neither. An edit drops both and adds them again, under a new key. The first fill names each
    row's key after its rowid of the moment (any unique number would do: nothing relies on it later)."""
    watched = ", ".join((*entity.columns, *entity.phone_columns, "deleted_at"))
    t, f, k = entity.sql, entity.fts, entity.keys
    drop = f"DELETE FROM {f} WHERE rowid = (SELECT key FROM {k} WHERE id = old.id); DELETE FROM {k} WHERE id = old.id;"
    add = (f"INSERT INTO {k}(id) SELECT new.id WHERE new.deleted_at IS NULL; "
           f"INSERT INTO {f}(rowid, body) SELECT key, {entity.body_sql('new')} FROM {k} WHERE id = new.id;")
    return [
        f"CREATE VIRTUAL TABLE {f} USING fts5(body, tokenize='trigram', detail=none, columnsize=0)",
        f"CREATE TABLE {k} (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)",
        f"INSERT INTO {k}(key, id) SELECT rowid, id FROM {t} WHERE deleted_at IS NULL",
        f"INSERT INTO {f}(rowid, body) SELECT rowid, {entity.body_sql(entity.table)} FROM {t} WHERE deleted_at IS NULL",
        f"CREATE TRIGGER {f}_ai AFTER INSERT ON {t} WHEN new.deleted_at IS NULL BEGIN {add} END",
        f"CREATE TRIGGER {f}_au AFTER UPDATE OF {watched} ON {t} BEGIN {drop} {add} END",
        f"CREATE TRIGGER {f}_ad AFTER DELETE ON {t} BEGIN {drop} END",
    ]


def fts_available(conn: Connection, table: str) -> bool:
    """Whether `table`'s search index can be read: it and its key table are there (a file older than
    migration 0023, opened read only by a benchmark, has an index keyed by rowids: search then scans
    the table's own columns, slower and still right)."""
    if conn.dialect.name != "sqlite":
        return False  # a server has no FTS5 tables: its search is `server_search.py`
    row = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :n"), {"n": f"{table}_fts_key"}
    ).first()
    return row is not None


def unindexed(conn: Connection) -> frozenset[str]:
    """The searched tables of a file that have no index: on a file read as is a revision behind (a benchmark
    opens the large demo so), the kinds added since (cases, 0029), which search then leaves out."""
    if conn.dialect.name != "sqlite":
        return frozenset()
    return frozenset(e.table for e in INDEXED if not fts_available(conn, e.table))


def search_terms(query: str) -> list[str]:
    """What to look for: the text as typed, plus its phone-digit form when it looks like a phone."""
    query = " ".join(typed_query(query).split())
    if not query:
        return []
    digits = query_phone_digits(query)
    return [query] if digits is None or digits == query else [query, digits]


def _contains(body: ColumnElement[str], term: str) -> ColumnElement[bool]:
    """`body` contains `term` as typed.

    A plain LIKE on the term's longest run without LIKE's wildcards lets the trigram index pick
    candidates (LIKE with ESCAPE would not; with the wildcards in, FTS5 found nothing for 'n_1'),
    which `instr` then checks. Without a run of three code points the index cannot help (and LIKE
    on it finds nothing): `instr` scans alone.
    """
    found = func.instr(func.lower(body), func.lower(term)) > 0
    run = _longest_run(term)
    return and_(body.like(f"%{run}%"), found) if len(run) >= 3 else found


def _longest_run(term: str) -> str:
    """The longest part of `term` without LIKE's wildcards: what the trigram index can look up."""
    return max(re.split("[%_]", term), key=len)


def id_subquery(table: str, query: str, has_fts: bool = True) -> CompoundSelect | Select[tuple[str]] | None:
    """SELECT of the ids of `table` rows whose search text contains `query`.

    Three or more code points use the trigram index (through LIKE: the index is built with
    detail=none, small and fast, which supports LIKE but not phrase MATCH); shorter queries (e.g.
    "ใจ") scan the indexed text. The matching search keys lead to the ids through
    `<table>_fts_key`, looked up for the rows kept only (after a UNION of two terms has dropped
    the repeats, and a LIMIT the rest). Without FTS5 trigram (an old SQLite), every query scans
    the table's own columns: slower, still correct.
    """
    terms = search_terms(query)
    if not terms:
        return None
    if not has_fts:
        entity = next(e for e in INDEXED if e.table == table)
        rows = sql_table(table, column("id", String))
        body = literal_column(f"({entity.body_sql(table)})")
        scans = [select(rows.c.id).where(_contains(body, t)) for t in terms]
        return scans[0] if len(scans) == 1 else union(*scans)
    fts, keys = _index_tables(table)
    # Each match's id is looked up by its key (a correlated lookup, not a join): with statistics that
    # call the key table small, SQLite otherwise scanned it and probed the index once per key
    # (100 ms for 20,000 leads).
    if len(terms) == 1:
        return select(_id_of(keys, fts.c.rowid)).select_from(fts).where(_contains(fts.c.body, terms[0]))
    # One SELECT per term joined by UNION: an OR of LIKEs would make FTS5 scan everything.
    found = union(*(select(fts.c.rowid.label("key")).where(_contains(fts.c.body, t)) for t in terms))
    matched = found.subquery("matched")
    return select(_id_of(keys, matched.c.key)).select_from(matched)


def matching_ids(conn: Connection, table: str, query: str) -> CompoundSelect | Select[tuple[str]] | None:
    """`id_subquery` for the database `conn` is on: the FTS5 index of a file (or a scan of an old one's
    columns), or a server's trigram index (`server_search.py`)."""
    if conn.dialect.name != "sqlite":
        from crm_desktop.db import server_search

        return server_search.id_subquery(table, query)
    return id_subquery(table, query, fts_available(conn, table))


def _id_of(keys: TableClause, key: ColumnElement[int]) -> ColumnElement[str]:
    return select(keys.c.id).where(keys.c.key == key).scalar_subquery().label("id")


@cache
def _index_tables(table: str) -> tuple[TableClause, TableClause]:
    """`table`'s search index and its key table (built once: a search builds its statements anew
    each time, and these parts cost as much as the rest)."""
    fts = sql_table(f"{table}_fts", column("rowid", Integer), column("body"))
    keys = sql_table(f"{table}_fts_key", column("key", Integer), column("id", String))
    return fts, keys


# --- Ctrl+K: every kind asked in one statement -------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """What a search shows of one kind: its columns (of the row `r`) and the joins they need."""

    table: str
    columns: tuple[str, ...]
    joins: str = ""


WIDTH = 7  # the most columns a kind shows: the shorter ones are padded with NULL in the one statement
_LIVE_ACCOUNT = "LEFT JOIN account a ON a.id = r.account_id AND a.deleted_at IS NULL"
_CUSTOMER = "LEFT JOIN account a ON a.id = r.account_id LEFT JOIN contact c ON c.id = r.contact_id"
_DOCUMENT = ("r.number", "r.revision", "r.provisional_number", "a.name", "c.prefix", "c.first_name", "c.last_name")
SHOWN = {
    "account": Shown("account", ("r.name", "r.province", "r.phone")),
    "contact": Shown("contact", ("r.prefix", "r.first_name", "r.last_name", "r.nickname", "r.mobile", "a.name"),
                     _LIVE_ACCOUNT),
    "lead": Shown("lead", ("r.prefix", "r.first_name", "r.last_name", "r.company_name", "r.mobile", "r.phone")),
    "opportunity": Shown("opportunity", ("r.name", "a.name"), _LIVE_ACCOUNT),
    "product": Shown("product", ("r.sku", "r.name_th", "r.category")),  # inactive ones too
    "quotation": Shown("quotation", _DOCUMENT, _CUSTOMER),
    "sales_order": Shown("sales_order", tuple("1" if c == "r.revision" else c for c in _DOCUMENT), _CUSTOMER),
    "case": Shown("case", ("r.number", "r.subject", "a.name", "c.prefix", "c.first_name", "c.last_name"), _CUSTOMER),
}
# A quotation is found as its newest live revision (find_record reaches the older ones by id).
NEWEST = {"quotation": "NOT EXISTS (SELECT 1 FROM quotation n WHERE n.number = r.number "
                       "AND n.revision > r.revision AND n.deleted_at IS NULL)"}
DOCUMENT_KINDS = ("quotation", "sales_order")
_LAST = "\U0010ffff"  # the highest code point: a prefix's range ends just below it


def _contains_sql(body: str, term: str, params: list[object]) -> str:
    """`body` contains `term` as typed, as SQL (the same test as `_contains`, ASCII letters in any case).

    The trigram index picks candidates through a plain LIKE on the term's longest run without LIKE's
    wildcards (`%`, `_`: FTS5 found nothing for 'กข_', whose runs are under three characters), and
    `instr` checks them. Without a run of three, every row is read: LIKE with the wildcards escaped
    is the same test, and SQLite's LIKE folds ASCII itself, 3-4 times faster than lower() on each
    row (300,000 contacts: 39 ms instead of 123 ms)."""
    run = _longest_run(term)
    if len(run) >= 3:
        params += [f"%{run}%", term]
        return f"{body} LIKE ? AND instr(lower({body}), lower(?)) > 0"
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    params.append(f"%{escaped}%")
    return f"{body} LIKE ? ESCAPE '\\'"


SHORT_CAP = 1000  # records a short query's vocabulary range names before it counts as common (and scans)


def _keys_sql(entity: IndexedEntity, term: str, limit: int, padded: bool, params: list[object]) -> str:
    """The first `limit` search keys whose text contains `term`, through the trigram index; under
    three code points through its vocabulary (`_short_keys_sql`) when the texts are padded (0024),
    else by a scan of the index's stored text (FTS5's `_content` table: the same rows in the same
    order as a scan of the index, read without the virtual table's cost)."""
    if len(_longest_run(term)) >= 3:
        where = _contains_sql("body", term, params)
        params.append(limit)
        return f"SELECT rowid AS key FROM {entity.fts} WHERE {where} ORDER BY rowid LIMIT ?"
    if padded and len(term) < 3 and all(c.isascii() or c.lower() == c.upper() for c in term):
        return _short_keys_sql(entity, term, limit, params)
    where = _contains_sql("c0", term, params)
    params.append(limit)
    return f"SELECT id AS key FROM {entity.fts}_content WHERE {where} ORDER BY id LIMIT ?"


def _short_keys_sql(entity: IndexedEntity, term: str, limit: int, params: list[object]) -> str:
    """A query of one or two characters (ASCII or without case, as the trigram tokenizer folds it
    the way LIKE does): every text holding it has a trigram starting with it (PAD), a range of the
    vocabulary. A rare query (the range names under SHORT_CAP records) checks the texts of those
    records; a common one scans the stored texts, which soon finds `limit` of them among so many
    (unless they all sit at the end). Records, not entries, are counted: a range's entries can
    crowd into a few records. The LIMIT of the branch not taken is 0, so SQLite does not enter it
    (a WHERE on the count did scan); the count is made once (`named`). 'ฝน' over a million contacts:
    101 ms scanned, 2-3 ms this way."""
    vocabulary = f"temp.{entity.fts}_terms"
    start, end = term.lower(), term.lower() + _LAST
    named = f"SELECT DISTINCT doc FROM {vocabulary} WHERE term >= ? AND term < ? LIMIT {SHORT_CAP}"
    params += [start, end, start, end]
    rare_where = _contains_sql("c0", term, params)
    params.append(limit)
    rare = (f"SELECT id AS key FROM {entity.fts}_content WHERE id IN ({named}) AND {rare_where} "
            f"ORDER BY id LIMIT CASE WHEN (SELECT n FROM named) < {SHORT_CAP} THEN ? ELSE 0 END")
    common_where = _contains_sql("c0", term, params)
    params.append(limit)
    common = (f"SELECT id AS key FROM {entity.fts}_content WHERE {common_where} "
              f"ORDER BY id LIMIT CASE WHEN (SELECT n FROM named) >= {SHORT_CAP} THEN ? ELSE 0 END")
    return (f"WITH named(n) AS MATERIALIZED (SELECT count(*) FROM ({named})) "
            f"SELECT key FROM ({rare}) UNION ALL SELECT key FROM ({common})")


def vocabulary_statements() -> list[str]:
    """The vocabulary tables the short queries read, one per index: temporary, so a connection
    makes them (a read-only one too) before its first short query (`search_rows`)."""
    return [f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{e.fts}_terms USING fts5vocab(main, '{e.fts}', 'instance')"
            for e in INDEXED]


def pads_texts(conn: Connection) -> bool:
    """Whether the indexed texts end with PAD (0024 and later): only then may a short query read
    the vocabulary; an older index (the read-only demo at 0023) is scanned."""
    if conn.dialect.name != "sqlite":
        return False
    sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'account_fts_ai'"
                               ).scalar()
    return sql is not None and f"|| '{PAD}' FROM" in sql


def _record_sql(branch: int, kind: str, terms: list[str], limit: int, indexed: bool, padded: bool,
                params: list[object]) -> str:
    """One kind's first `limit` matches in key order, with what the search shows of them.

    Each term's keys are limited on their own before the UNION (the first `limit` of a union are
    among the first `limit` of each part), so a common phone trigram does not sort every match.
    Without the index (an old SQLite) the table's own columns are scanned: slower, same rows."""
    shown = SHOWN[kind]
    entity = next(e for e in INDEXED if e.table == shown.table)
    columns = _padded(shown)
    if not indexed:
        body = f"({entity.body_sql('r')})"
        found = " OR ".join(f"({_contains_sql(body, t, params)})" for t in terms)
        params.append(limit)
        return (f"SELECT {branch}, '{kind}', r.id, {columns}, r.rowid FROM {quoted(shown.table)} r {shown.joins} "
                f"WHERE r.deleted_at IS NULL AND ({found}) ORDER BY r.rowid LIMIT ?")
    parts = [f"SELECT key FROM ({_keys_sql(entity, t, limit, padded, params)})" for t in terms]
    params.append(limit)
    matched = f"{' UNION '.join(parts)} ORDER BY key LIMIT ?"
    # The ids found first, under a LIMIT written out: estimating more rows than the table holds (a
    # short query's scan branch), SQLite read the whole table into a Bloom filter first (37 ms).
    found = f"SELECT k.id, m.key FROM ({matched}) m JOIN {entity.keys} k ON k.key = m.key LIMIT {int(limit)}"
    return (f"SELECT {branch}, '{kind}', r.id, {columns}, f.key FROM ({found}) f "
            f"JOIN {quoted(shown.table)} r ON r.id = f.id {shown.joins} WHERE r.deleted_at IS NULL")


def _document_sql(branch: int, kind: str, column: str, prefix: str, limit: int, params: list[object]) -> str:
    """Documents whose `column` starts with `prefix`, in its order: a range on its index (a
    provisional number's index holds only the rows that have one, hence `!= ''`)."""
    shown = SHOWN[kind]
    newest = f"AND {NEWEST[kind]} " if kind in NEWEST else ""
    params += [prefix, prefix + _LAST, limit]
    return (f"SELECT {branch}, '{kind}', r.id, {_padded(shown)}, r.{column} FROM {quoted(shown.table)} r {shown.joins} "
            f"WHERE r.deleted_at IS NULL {newest}AND r.{column} != '' AND r.{column} >= ? AND r.{column} < ? "
            f"ORDER BY r.{column} LIMIT ?")


def _padded(shown: Shown) -> str:
    return ", ".join(shown.columns + ("NULL",) * (WIDTH - len(shown.columns)))


def number_prefixes(query: str) -> list[tuple[str, str]]:
    """(column, prefix) of the documents a search looks up by number: the number as typed and in
    capitals, and the provisional number too when the query has a digit; none under two characters."""
    number = typed_query(query)
    if len(number) < 2:
        return []
    columns = ["number"] + (["provisional_number"] if any(c.isdigit() for c in number) else [])
    return [(column, prefix) for column in columns for prefix in dict.fromkeys((number, number.upper()))]


def search_sql(query: str, limit: int, kinds: Iterable[str], indexed: bool = True,
               padded: bool = False) -> tuple[str, list[object]] | None:
    """The one statement of a search (`search_rows`) and its parameters; None when nothing is to be
    looked for. `padded`: the index's texts end with PAD (`pads_texts`) and the connection has the
    vocabulary tables (`vocabulary_statements`). Benchmarks run it through plain sqlite3 as the floor
    of a search."""
    params: list[object] = []
    parts: list[str] = []
    terms = search_terms(query)
    numbers = number_prefixes(query)
    for kind in kinds:
        if kind in DOCUMENT_KINDS:
            for column, prefix in numbers:
                parts.append(_document_sql(len(parts), kind, column, prefix, limit, params))
        elif terms:
            parts.append(_record_sql(len(parts), kind, terms, limit, indexed, padded, params))
    if not parts:
        return None
    return " UNION ALL ".join(f"SELECT * FROM ({p})" for p in parts) + " ORDER BY 1, 11", params


def search_rows(conn: Connection, query: str, limit: int, kinds: Iterable[str],
                indexed: bool = True, padded: bool = False) -> list[tuple[str, str, tuple[object, ...]]]:
    """(kind, id, shown columns) of up to `limit` records of each kind whose search text contains
    `query`, and of documents whose number (or provisional number, for a query with a digit) starts
    with it as typed or in capitals: one statement for every kind, in the order of `kinds`, each
    kind's rows in key (document: number) order. A document may come twice (two prefixes or both
    numbers): the caller keeps the first.

    One statement instead of two per kind: building and running a dozen SQLAlchemy statements
    took 10 ms of a search whose SQL takes under 1 ms."""
    if conn.dialect.name != "sqlite":
        from crm_desktop.db import server_search  # a server's own statements

        return server_search.search_rows(conn, query, limit, kinds)
    if padded and "search_vocabulary" not in conn.info:  # the connection's own temporary tables
        for create in vocabulary_statements():
            conn.exec_driver_sql(create)
        conn.info["search_vocabulary"] = True
    statement = search_sql(query, limit, kinds, indexed, padded)
    if statement is None:
        return []
    sql, params = statement
    return [(r[1], r[2], tuple(r[3:3 + WIDTH])) for r in conn.exec_driver_sql(sql, tuple(params))]


def shown_row(conn: Connection, kind: str, record_id: str) -> tuple[object, ...] | None:
    """What a search shows of one live record (any revision of a quotation), or None."""
    shown = SHOWN[kind]
    row = conn.execute(text(f"SELECT {', '.join(shown.columns)} FROM {quoted(shown.table)} r {shown.joins} "
                            "WHERE r.id = :id AND r.deleted_at IS NULL"), {"id": record_id}).first()
    return tuple(row) if row is not None else None


class SuspendedIndex:
    """Bulk writes: drop the index triggers, then index all new rows in one statement per table,
    and re-index the existing rows the caller says it changed (`changed(table, ids)`).

    Indexing 400k rows set-wise is faster than 400k trigger calls; re-indexing 60k updated rows
    set-wise took 0.8 s where the update trigger took 11 s. Everything runs inside the
    caller's transaction (SQLite DDL is transactional), so a failure or Cancel restores the
    triggers along with the data. The trigger text is read back from the database and re-run as
    is, so it stays whatever the migrations made it. New rows are told apart by the entity's
    rowid, read at the start: within one transaction rowids do not move (no VACUUM runs in one).
    """

    def __init__(self, cursor: Cursor) -> None:
        self.cursor = cursor
        self.triggers: list[tuple[str, str]] = []
        self.high: dict[str, int] = {}
        self.updated: dict[str, set[str]] = {}

    def changed(self, table: str, ids: Iterable[str]) -> None:
        """Existing rows of `table` (by id) whose indexed text or deletion may have changed."""
        if table in self.high:
            self.updated.setdefault(table, set()).update(ids)

    def __enter__(self) -> SuspendedIndex:
        if on_server(self.cursor):  # a server's trigram indexes are PostgreSQL's own: nothing to suspend
            return self
        for entity in INDEXED:
            rows = self.cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name LIKE ?",
                (entity.table, f"{entity.fts}_%"),
            ).fetchall()
            if not rows:
                continue
            self.triggers += rows
            top = self.cursor.execute(f"SELECT coalesce(max(rowid), 0) FROM {entity.sql}").fetchone()
            self.high[entity.table] = top[0]
        for name, _ in self.triggers:
            self.cursor.execute(f'DROP TRIGGER "{name}"')
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        if exc_type is not None:
            return  # the caller rolls back: the dropped triggers come back with it
        for entity in INDEXED:
            if entity.table not in self.high:
                continue
            high = self.high[entity.table]
            ids = self.updated.get(entity.table)
            if ids:
                self._reindex(entity, ids, high)
            self._index(entity, f"FROM {entity.sql} t WHERE t.rowid > ? AND t.deleted_at IS NULL", (high,))
        for _, sql in self.triggers:
            self.cursor.execute(sql)

    def _index(self, entity: IndexedEntity, rows: str, params: tuple[int, ...]) -> None:
        """Give the rows of `rows` (a FROM clause naming the entity `t`) search keys above the
        highest, each the highest plus its rowid (unique in this pass, worked out alike in both
        statements; a key is only a name, gaps do not matter), and index their text under them.
        Numbering them with row_number() took a third longer: SQLite copies a window's rows."""
        cur = self.cursor
        start = cur.execute(f"SELECT coalesce(max(key), 0) FROM {entity.keys}").fetchone()[0]
        cur.execute(f"INSERT INTO {entity.keys}(key, id) SELECT {start} + t.rowid, t.id {rows}", params)
        cur.execute(f"INSERT INTO {entity.fts}(rowid, body) SELECT {start} + t.rowid, {entity.body_sql('t')} {rows}",
                    params)

    def _reindex(self, entity: IndexedEntity, ids: set[str], high: int) -> None:
        """Drop the entries of the rows changed (a row added meanwhile is indexed as new), then index
        the live ones again; when they are half the index or more, index the whole table anew."""
        cur = self.cursor
        if 2 * len(ids) >= cur.execute(f"SELECT count(*) FROM {entity.keys}").fetchone()[0]:
            self._rebuild(entity, high)
            return
        cur.execute("CREATE TEMP TABLE IF NOT EXISTS reindex_ids (id TEXT PRIMARY KEY) WITHOUT ROWID")
        cur.execute("DELETE FROM reindex_ids")
        cur.executemany("INSERT INTO reindex_ids VALUES (?)", [(i,) for i in ids])
        cur.execute(f"DELETE FROM {entity.fts} WHERE rowid IN "
                    f"(SELECT k.key FROM {entity.keys} k JOIN reindex_ids r ON r.id = k.id)")
        cur.execute(f"DELETE FROM {entity.keys} WHERE id IN (SELECT id FROM reindex_ids)")
        self._index(entity, f"FROM reindex_ids r JOIN {entity.sql} t ON t.id = r.id "
                            f"WHERE t.rowid <= ? AND t.deleted_at IS NULL", (high,))

    def _rebuild(self, entity: IndexedEntity, high: int) -> None:
        """The index of every live row up to `high`, made anew: FTS5 drops an entry by reading its
        text back and splitting it into trigrams again (0.8 s for 60,000 people edited), where an empty
        index made from the table's own CREATE statement costs nothing. Every key is given anew."""
        cur = self.cursor
        (create,) = cur.execute("SELECT sql FROM sqlite_master WHERE name = ?", (entity.fts,)).fetchone()
        cur.execute(f"DROP TABLE {entity.fts}")
        cur.execute(create)
        cur.execute(f"DELETE FROM {entity.keys}")
        self._index(entity, f"FROM {entity.sql} t WHERE t.rowid > 0 AND t.rowid <= ? AND t.deleted_at IS NULL",
                    (high,))
