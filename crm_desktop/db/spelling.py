"""SQL spelled per database, so the queries above stay portable and the SQL text stays in db/.

SQLite wants some things spelled literally to plan them well: constants written into the statement
instead of bound (a partial index's condition, likelihood()'s probability). A server (PostgreSQL)
spells other things its own way: `least` for SQLite's two-argument `min`, `strpos` for `instr`,
JSON operators for `json_extract`, and no rowid at all.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Date, Integer, String, Table, literal_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


def inline(value: str | int) -> ColumnElement[Any]:
    """`value` written into the SQL: a condition spelled as a partial index's is (`rrule != ''`), which
    a bound parameter would not match."""
    return literal_column("'" + value.replace("'", "''") + "'" if isinstance(value, str) else str(int(value)))


class likely(FunctionElement[bool]):
    """`likely(condition, probability)`: the condition, with SQLite told how often it holds
    (likelihood() takes only a literal): the planner then reads a rare condition's rows through its
    index first. A server plans from its own statistics."""

    inherit_cache = True

    def __init__(self, condition: ColumnElement[bool], probability: float) -> None:
        super().__init__(condition, literal_column(repr(float(probability))))


@compiles(likely)
def _likely_sqlite(element: likely, compiler: SQLCompiler, **kw: Any) -> str:
    return f"likelihood({compiler.process(element.clauses, **kw)})"


@compiles(likely, "postgresql")
def _likely_server(element: likely, compiler: SQLCompiler, **kw: Any) -> str:
    condition = next(iter(element.clauses))
    return f"({compiler.process(condition, **kw)})"


class rowid(FunctionElement[int]):
    """`rowid(table)`: the order rows were stored in, to break ties within one query. Never a key kept
    between queries: a VACUUM may renumber it. A server has no rowid: its ids are time-ordered (UUIDv7),
    the order rows were made in."""

    type = Integer()
    inherit_cache = True

    def __init__(self, table: Table) -> None:
        super().__init__(literal_column(f'"{table.name}"'))


@compiles(rowid)
def _rowid_sqlite(element: rowid, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{compiler.process(element.clauses, **kw)}.rowid"


@compiles(rowid, "postgresql")
def _rowid_server(element: rowid, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{compiler.process(element.clauses, **kw)}.id"


class tie_key(FunctionElement[int]):
    """`tie_key(table)`: a whole number per row, to break ties in an order that mixes kinds of rows
    (the timeline's). SQLite's rowid; a server's hybrid clock of the row's last change (a number,
    unique within one desk's changes). Never a key kept between queries, nor one to join on."""

    type = BigInteger()
    inherit_cache = True

    def __init__(self, table: Table) -> None:
        super().__init__(literal_column(f'"{table.name}"'))


@compiles(tie_key)
def _tie_key_sqlite(element: tie_key, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{compiler.process(element.clauses, **kw)}.rowid"


@compiles(tie_key, "postgresql")
def _tie_key_server(element: tie_key, compiler: SQLCompiler, **kw: Any) -> str:
    return f"{compiler.process(element.clauses, **kw)}.hlc"


class stored_text(FunctionElement[str]):
    """`stored_text(column)`: a time or a date as SQLite stores it (`2026-11-23 03:00:00.000000`,
    `2026-11-23`), so that such texts of different kinds sort together by time. A server stores
    timestamps, whose plain text drops the microseconds when they are zero: it is formatted."""

    type = String()
    inherit_cache = True


@compiles(stored_text)
def _stored_text_sqlite(element: stored_text, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS VARCHAR)"


@compiles(stored_text, "postgresql")
def _stored_text_server(element: stored_text, compiler: SQLCompiler, **kw: Any) -> str:
    (column,) = element.clauses
    shape = "YYYY-MM-DD" if isinstance(column.type, Date) else "YYYY-MM-DD HH24:MI:SS.US"
    return f"to_char({compiler.process(column, **kw)}, '{shape}')"


class smaller(FunctionElement[Any]):
    """`smaller(a, b)`: the smaller of two values (SQLite's two-argument min, a server's least)."""

    inherit_cache = True


@compiles(smaller)
def _smaller_sqlite(element: smaller, compiler: SQLCompiler, **kw: Any) -> str:
    return f"min({compiler.process(element.clauses, **kw)})"


@compiles(smaller, "postgresql")
def _smaller_server(element: smaller, compiler: SQLCompiler, **kw: Any) -> str:
    return f"least({compiler.process(element.clauses, **kw)})"


class position_in(FunctionElement[int]):
    """`position_in(text, part)`: where `part` first starts in `text` (1-based), 0 when it does not."""

    type = Integer()
    inherit_cache = True


@compiles(position_in)
def _position_sqlite(element: position_in, compiler: SQLCompiler, **kw: Any) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(position_in, "postgresql")
def _position_server(element: position_in, compiler: SQLCompiler, **kw: Any) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"


class json_text(FunctionElement[str]):
    """`json_text(column, key)`: the value under `key` of a JSON object stored as text, as text."""

    type = String()
    inherit_cache = True

    def __init__(self, column: ColumnElement[str], key: str) -> None:
        super().__init__(column, inline(key))


@compiles(json_text)
def _json_text_sqlite(element: json_text, compiler: SQLCompiler, **kw: Any) -> str:
    column, key = (compiler.process(c, **kw) for c in element.clauses)
    return f"json_extract({column}, '$.' || {key})"


@compiles(json_text, "postgresql")
def _json_text_server(element: json_text, compiler: SQLCompiler, **kw: Any) -> str:
    column, key = (compiler.process(c, **kw) for c in element.clauses)
    return f"(CAST({column} AS json) ->> {key})"
