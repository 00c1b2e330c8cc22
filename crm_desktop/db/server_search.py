"""Search on an office server: pg_trgm trigram indexes over each searchable table's text.

The same text as the SQLite index (`search_index.IndexedEntity.body_sql`, without its padding),
indexed as an expression of the live rows: PostgreSQL keeps such an index current in every writer's
transaction by itself, so there are no triggers and no key tables to keep. A query is an ILIKE of the
text as typed (its wildcards escaped): the index picks candidates by the query's trigrams and the
rows are checked, so 1-2 character queries are right too (the index cannot narrow them: they read
the live rows). pg_trgm splits text into words at characters that are neither letters nor digits
(Thai vowel and tone marks among them): that narrows less, and never loses a match.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Select,
    String,
    and_,
    column,
    literal_column,
    select,
    union,
)
from sqlalchemy import table as sql_table

from crm_desktop.db.search_index import (
    DOCUMENT_KINDS,
    INDEXED,
    NEWEST,
    SHOWN,
    WIDTH,
    IndexedEntity,
    number_prefixes,
    quoted,
    search_terms,
)

ESCAPE = "\\"
Found = tuple[str, str, tuple[object, ...]]  # kind, id, shown columns
_LAST = "\U0010ffff"
# Thai vowel and tone marks, which pg_trgm takes for word breaks ('ต้น' would be the words ต and น, whose
# trigrams nearly every name has), and a letter for each that Thai text never holds (Lao), so the indexed
# text keeps Thai words whole: one character for one, so a fragment matches the indexed text where it
# matches the text.
THAI_MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
AS_LETTERS = "\u0e81\u0e82\u0e84\u0e87\u0e88\u0e8a\u0e8d\u0e94\u0e95\u0e96\u0e97\u0e99\u0e9a\u0e9b\u0e9c\u0e9d"
_LETTERS = str.maketrans(THAI_MARKS, AS_LETTERS)
CANDIDATES = 1000  # matches asked of the trigram index before walking the ids in order instead


def index_statements(tables: Iterable[str]) -> list[str]:
    """The extension and one GIN index per searchable table of `tables` (for the migration that makes them:
    0026 and 0027 the first five, 0029 the cases')."""
    wanted = set(tables)
    return ["CREATE EXTENSION IF NOT EXISTS pg_trgm"] + [
        f'CREATE INDEX ix_{e.table}_search ON "{e.table}" USING gin (({indexed_text(_body(e))}) gin_trgm_ops) '
        "WHERE deleted_at IS NULL"
        for e in INDEXED if e.table in wanted
    ]


def _body(entity: IndexedEntity, row: str = "") -> str:
    return entity.body_sql(row, padded=False)


def indexed_text(body: str) -> str:
    """The text the trigram index holds: the search text with Thai marks as letters (`THAI_MARKS`)."""
    return f"translate({body}, '{THAI_MARKS}', '{AS_LETTERS}')"


def indexed_pattern(term: str) -> str:
    """`pattern` of `term` as the trigram index holds text (`indexed_text`)."""
    return pattern(term.translate(_LETTERS))


def pattern(term: str) -> str:
    """`term` as an ILIKE pattern that finds it anywhere, LIKE's own wildcards taken as typed."""
    escaped = term.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")
    return f"%{escaped}%"


def id_subquery(table: str, query: str) -> CompoundSelect | Select[tuple[str]] | None:
    """SELECT of the ids of live `table` rows whose search text contains `query` (or its phone digits)."""
    terms = search_terms(query)
    if not terms:
        return None
    entity = next(e for e in INDEXED if e.table == table)
    rows = sql_table(table, column("id", String), column("deleted_at"))
    text = f"({_body(entity, table)})"  # the table's name quoted by body_sql where it must be
    body, indexed = literal_column(text, String), literal_column(indexed_text(text), String)
    found = [select(rows.c.id).where(and_(rows.c.deleted_at.is_(None), body.ilike(pattern(t), escape=ESCAPE),
                                          *_looked_up(indexed, t)))
             for t in terms]
    return found[0] if len(found) == 1 else union(*found)


def _looked_up(indexed: ColumnElement[str], term: str) -> list[ColumnElement[bool]]:
    """The condition the trigram index answers for `term` (none under three characters: no trigram)."""
    return [indexed.ilike(indexed_pattern(term), escape=ESCAPE)] if len(term) >= 3 else []


def search_rows(conn: Connection, query: str, limit: int, kinds: Iterable[str]) -> list[Found]:
    """What `search_index.search_rows` gives, from a server: (kind, id, shown columns) of up to `limit`
    records of each kind, oldest first (ids are time-ordered), and documents by number prefix. One
    statement per kind and prefix, not one UNION: the kinds' columns differ in type, which a UNION
    on a server refuses."""
    found: list[Found] = []
    terms = search_terms(query)
    numbers = number_prefixes(query)
    for kind in kinds:
        statements: list[tuple[str, list[object]]] = []
        if kind in DOCUMENT_KINDS:
            statements = [_document_sql(kind, name, prefix, limit) for name, prefix in numbers]
        elif terms:
            statements = [_record_sql(kind, terms, limit)]
        for sql, params in statements:
            found += [(kind, r[0], tuple(r[1:1 + WIDTH])) for r in conn.exec_driver_sql(sql, tuple(params))]
    return found


def _record_sql(kind: str, terms: list[str], limit: int) -> tuple[str, list[object]]:
    """A kind's first `limit` matches by id.

    A term of three characters or more is an ILIKE, which the trigram index answers; the question is in
    which order. Walking the ids in order and stopping at the `limit`th match is quick for a common
    fragment and reads every row for a rare one (an e-mail's 'z.492': 1.2 s, where PostgreSQL expected
    hundreds of matches and found three). So the index is asked first for at most `CANDIDATES`
    matches, in no order: when it has no more (a rare fragment, 2-20 ms), they are all there is and
    are sorted; when it has more (a common one), the walk in id order finishes soon. Both in one
    statement: the walk runs only when the first count says so. The walk looks for the text with
    strpos(), which no index answers: asked with the index's ILIKE, PostgreSQL took every match from the
    index and sorted them (150,000 people for '.com': 2.4 s).

    A shorter term has no trigram to look up: as ILIKE, PostgreSQL read the whole index and sorted every
    match (0.6 s over 300,000 people); as strpos() it walks the live rows in id order and stops at the
    `limit`th match, soon for a common fragment (a rare one reads them all)."""
    shown = SHOWN[kind]
    entity = next(e for e in INDEXED if e.table == shown.table)
    body = _body(entity, "r").replace("%", "%%")  # the driver's own placeholders are %s
    live = f"FROM {quoted(shown.table)} r WHERE r.deleted_at IS NULL"
    scanned = " OR ".join(f"strpos(lower({body}), lower(%s)) > 0" for _ in terms)

    def walk(when: str = "") -> str:
        return f"SELECT r.id {live} {when}AND ({scanned}) ORDER BY r.id LIMIT %s"

    if any(len(t) < 3 for t in terms):
        ids, params = walk(), [*terms, limit]
    else:
        both = f"(({body}) ILIKE %s ESCAPE '{ESCAPE}' AND {indexed_text(body)} ILIKE %s ESCAPE '{ESCAPE}')"
        looked_up = " OR ".join(both for _ in terms)
        patterns = [p for t in terms for p in (pattern(t), indexed_pattern(t))]
        many = f"(SELECT count(*) FROM candidates) > {CANDIDATES}"
        ids = (f"WITH candidates AS MATERIALIZED (SELECT r.id {live} AND ({looked_up}) LIMIT {CANDIDATES + 1}) "
               f"(SELECT id FROM candidates WHERE NOT {many} ORDER BY id LIMIT %s) UNION ALL "
               f"({walk(f'AND {many} ')})")
        params = [*patterns, limit, *terms, limit]
    # The ids first, on the table alone: with the joins of what is shown in the same statement,
    # PostgreSQL walked the whole table in id order for a phone's two forms (1.1 s) instead of taking
    # the few rows its trigram index names (12 ms).
    return (f"SELECT r.id, {_columns(shown.columns)} FROM ({ids}) f JOIN {quoted(shown.table)} r ON r.id = f.id "
            f"{shown.joins} ORDER BY r.id", params)


def _document_sql(kind: str, name: str, prefix: str, limit: int) -> tuple[str, list[object]]:
    shown = SHOWN[kind]
    newest = f"AND {NEWEST[kind]} " if kind in NEWEST else ""
    return (f"SELECT r.id, {_columns(shown.columns)} FROM {quoted(shown.table)} r {shown.joins} "
            f"WHERE r.deleted_at IS NULL {newest}AND r.{name} != '' AND r.{name} >= %s AND r.{name} < %s "
            f"ORDER BY r.{name} LIMIT %s", [prefix, prefix + _LAST, limit])


def _columns(columns: tuple[str, ...]) -> str:
    return ", ".join(list(columns) + ["NULL"] * (WIDTH - len(columns)))
