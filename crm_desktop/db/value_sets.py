"""Membership in a long list of values as ONE bound parameter: `column IN (SELECT value FROM json_each(?))`.

An `IN (?, ?, …)` of 500 values is a new statement for SQLAlchemy to compile each time (an import's
duplicate lookups of 100,000 rows compiled 600 of them, half a second); this one compiles once and is
cached, however many values a call has. SQLite still probes the column's index once per value.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, bindparam

from crm_desktop.models.spelled import per_engine

# Typed as a plain value, not a Boolean: SQLite's compiler would write `x IN (…) = 1` beside another
# term, which no index serves (the planner then scans the table and tests each row's membership).
_one_of = per_engine("one_of", lambda column, values: f"{column} IN (SELECT value FROM json_each({values}))",
                     lambda column, values: f"{column} IN (SELECT json_array_elements_text(CAST({values} AS json)))")


class ValueSet(str):
    """Texts as the JSON array `one_of` binds, encoded once for a set asked about many times."""

    @classmethod
    def of(cls, values: Iterable[str]) -> ValueSet:
        return cls(json.dumps(list(values), ensure_ascii=False))


def one_of(column: ColumnElement[Any], values: Iterable[str]) -> ColumnElement[bool]:
    """`column` equals one of the texts `values` (a server reads the same JSON array its own way)."""
    encoded = values if isinstance(values, ValueSet) else ValueSet.of(values)
    return _one_of(column, bindparam(None, str(encoded)))  # type: ignore[return-value]
