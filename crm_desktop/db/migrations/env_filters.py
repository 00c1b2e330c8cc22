"""What Alembic compares between the models and a database (shared by env.py and the tests)."""

from __future__ import annotations


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """The search indexes come from hand-written DDL in the migrations, not from the models: a file's
    FTS5 tables, a server's trigram indexes (`ix_<table>_search`, db/server_search.py)."""
    if name is None:
        return True
    return not ((type_ == "table" and "_fts" in name) or (type_ == "index" and name.endswith("_search")))
