"""What Alembic compares between the models and a database (shared by env.py and the tests)."""

from __future__ import annotations


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """The FTS5 search tables come from hand-written DDL in the migrations, not from the models."""
    return not (type_ == "table" and name is not None and "_fts" in name)
