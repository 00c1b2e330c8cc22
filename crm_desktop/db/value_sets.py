"""Membership in a long list of values as ONE bound parameter: `column IN (SELECT value FROM json_each(?))`.

An `IN (?, ?, …)` of 500 values is a new statement for SQLAlchemy to compile each time (an import's
duplicate lookups of 100,000 rows compiled 600 of them, half a second); this one compiles once and is
cached, however many values a call has. SQLite still probes the column's index once per value.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, func, select


def one_of(column: ColumnElement[Any], values: Iterable[str]) -> ColumnElement[bool]:
    """`column` equals one of the texts `values`."""
    each = func.json_each(json.dumps(list(values), ensure_ascii=False)).table_valued("value")
    return column.in_(select(each.c.value))
