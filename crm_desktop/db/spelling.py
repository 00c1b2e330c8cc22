"""SQL spelled per database, so the queries above stay portable and the SQL text stays in db/.

SQLite wants some things spelled literally to plan them well: constants written into the statement
instead of bound (a partial index's condition, likelihood()'s probability). A server (PostgreSQL)
spells other things its own way: `least` for SQLite's two-argument `min`, `strpos` for `instr`,
JSON operators for `json_extract`, and no rowid at all (models/spelled.py writes both).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    Date,
    Integer,
    String,
    Table,
    literal,
    literal_column,
    type_coerce,
)

from crm_desktop.models.spelled import per_engine


def inline(value: str | int) -> ColumnElement[Any]:
    """`value` written into the SQL: a condition spelled as a partial index's is (`rrule != ''`), which
    a bound parameter would not match."""
    return literal_column("'" + value.replace("'", "''") + "'" if isinstance(value, str) else str(int(value)))


# Typed as a plain value, not a Boolean: SQLite's compiler writes a Boolean function as
# `likelihood(...) = 1`, which no index serves (the range or IN inside it went unused).
_likely = per_engine("likely", lambda condition, p: f"likelihood({condition}, {p})",
                     lambda condition, _p: f"({condition})")


def likely(condition: ColumnElement[bool], probability: float) -> ColumnElement[bool]:
    """`condition`, with SQLite told how often it holds (likelihood() takes only a literal): the
    planner then reads a rare condition's rows through its index first (it sees `likelihood(x >= ?, p)`
    itself and searches the index for x). A server plans from its own statistics."""
    return _likely(condition, literal_column(repr(float(probability))))  # type: ignore[return-value]


_rowid = per_engine("rowid", lambda table: f"{table}.rowid", lambda table: f"{table}.id", Integer())
_tie_key = per_engine("tie_key", lambda table: f"{table}.rowid", lambda table: f"{table}.hlc", BigInteger())


def rowid(table: Table) -> ColumnElement[int]:
    """The order rows were stored in, to break ties within one query: SQLite's rowid, a server's
    time-ordered id (UUIDv7). Never a key kept between queries: a VACUUM may renumber it."""
    return _rowid(literal_column(f'"{table.name}"'))  # type: ignore[return-value]


def tie_key(table: Table) -> ColumnElement[int]:
    """A whole number per row, to break ties in an order that mixes kinds of rows (the timeline's):
    SQLite's rowid, a server's hybrid clock of the row's last change (unique within one desk's
    changes). Never a key kept between queries, nor one to join on."""
    return _tie_key(literal_column(f'"{table.name}"'))  # type: ignore[return-value]


_time_text = per_engine("time_text", lambda t: f"CAST({t} AS VARCHAR)",
                        lambda t: f"to_char({t}, 'YYYY-MM-DD HH24:MI:SS.US')", String())
_date_text = per_engine("date_text", lambda d: f"CAST({d} AS VARCHAR)", lambda d: f"to_char({d}, 'YYYY-MM-DD')",
                        String())


def stored_text(column: ColumnElement[Any]) -> ColumnElement[str]:
    """A time or a date as SQLite stores it (`2026-11-23 03:00:00.000000`, `2026-11-23`), so that such
    texts of different kinds sort together by time. A server stores timestamps, whose plain text drops
    the microseconds when they are zero: it is formatted."""
    spelled = _date_text if isinstance(column.type, Date) else _time_text
    return spelled(column)  # type: ignore[return-value]


total = per_engine("total", lambda x: f"sum({x})", lambda x: f"CAST(sum({x}) AS BIGINT)", BigInteger())
"""`total(x)`: the sum of whole numbers as a whole number. A server's sum of bigints is a numeric, which
its division would not round as SQLite's integer division does (money in satang)."""

smaller = per_engine("smaller", lambda a, b: f"min({a}, {b})", lambda a, b: f"least({a}, {b})")
"""`smaller(a, b)`: the smaller of two values (SQLite's two-argument min, a server's least)."""

position_in = per_engine("position_in", lambda text, part: f"instr({text}, {part})",
                         lambda text, part: f"strpos({text}, {part})", Integer())
"""`position_in(text, part)`: where `part` first starts in `text` (1-based), 0 when it does not."""

_json_text = per_engine("json_text", lambda column, key: f"json_extract({column}, '$.' || {key})",
                        lambda column, key: f"(CAST({column} AS json) ->> {key})", String())


def json_text(column: ColumnElement[str], key: str) -> ColumnElement[str]:
    """The value under `key` of a JSON object stored as text, as text."""
    return _json_text(column, inline(key))  # type: ignore[return-value]

_shaped = per_engine("shaped", lambda text, glob, _regex: f"({text} GLOB {glob})",
                     lambda text, _glob, regex: f"({text} ~ {regex})", Boolean())


def shaped(column: ColumnElement[str], glob: str, regex: str) -> ColumnElement[bool]:
    """Whether a text has a shape: SQLite's GLOB `glob` (a net at least as wide), a server's regular
    expression `regex` (SQLite has no REGEXP of its own; a server no GLOB)."""
    return _shaped(column, literal(glob), literal("^(?:" + regex + ")$"))  # type: ignore[return-value]


_unindexed = per_engine("unindexed", lambda x: f"+{x}", lambda x: f"{x}")


def unindexed(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """`column`, its index kept out of the plan (SQLite's unary plus; a server plans by its own
    statistics): a query that must read the table in another index's order says so this way."""
    return type_coerce(_unindexed(column), column.type)


_holds_like = per_engine("holds_like", lambda text, pattern: f"({text} LIKE {pattern} ESCAPE '/')",
                         lambda text, pattern: f"({text} ILIKE {pattern} ESCAPE '/')", Boolean())


def holds_like(text: ColumnElement[str], pattern: str) -> ColumnElement[bool]:
    """`text` matches the LIKE `pattern` (escape character `/`) in any case of its Latin letters:
    SQLite's LIKE folds only those, as its lower() does, without lowering every value first; a server's ILIKE."""
    return _holds_like(text, literal(pattern))  # type: ignore[return-value]
