"""The query plans of what a function runs: tests that a list or lookup reads an index, not a table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, event


def statements_of(target: Engine | Connection, run: Callable[[], object]) -> list[tuple[str, Any]]:
    """The statements (and their parameters) `run` executes on `target`."""
    statements: list[tuple[str, Any]] = []

    def keep(_conn: object, _cursor: object, sql: str, params: object, _context: object, _many: bool) -> None:
        statements.append((sql, params))

    event.listen(target, "before_cursor_execute", keep)
    try:
        run()
    finally:
        event.remove(target, "before_cursor_execute", keep)
    return statements


def query_plans(engine: Engine, run: Callable[[], object], wanted: Callable[[str], bool]) -> list[str]:
    """EXPLAIN QUERY PLAN of each statement `run` executes whose SQL `wanted` keeps, as one line each."""
    statements = statements_of(engine, run)
    with engine.connect() as conn:
        return [" ".join(r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))  # type: ignore[arg-type]
                for sql, params in statements if wanted(sql)]
