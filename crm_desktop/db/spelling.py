"""SQL that must be spelled literally for SQLite to plan it well: constants written into the statement
instead of bound (a partial index's condition, likelihood()'s probability). Queries use these, so the
SQL text stays in db/."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Table, func, literal_column


def inline(value: str | int) -> ColumnElement[Any]:
    """`value` written into the SQL: a condition spelled as a partial index's is (`rrule != ''`), which
    a bound parameter would not match."""
    return literal_column("'" + value.replace("'", "''") + "'" if isinstance(value, str) else str(int(value)))


def likely(condition: ColumnElement[bool], probability: float) -> ColumnElement[bool]:
    """`condition`, with SQLite told how often it holds (likelihood() takes only a literal): the planner
    then reads a rare condition's rows through its index first."""
    return func.likelihood(condition, literal_column(repr(float(probability))))


def rowid(table: Table) -> ColumnElement[int]:
    """SQLite's rowid: the order rows were stored in, to break ties within one query. Never a key
    kept between queries: a VACUUM may renumber it."""
    return literal_column(f'"{table.name}".rowid', type_=None)  # type: ignore[arg-type]
