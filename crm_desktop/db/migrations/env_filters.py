"""What Alembic compares between the models and a database (shared by env.py and the tests)."""

from __future__ import annotations

from sqlalchemy import ForeignKeyConstraint


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """The search indexes come from hand-written DDL in the migrations, not from the models: a file's
    FTS5 tables, a server's trigram indexes (`ix_<table>_search`, db/server_search.py). How a foreign
    key is checked is the engine's, not the models': a server's are DEFERRABLE (migration 0028), so
    a sync import can check them at its commit as SQLite's PRAGMA does any key."""
    if type_ == "foreign_key_constraint":
        return not _same_link(obj, compare_to)
    if name is None:
        return True
    return not ((type_ == "table" and "_fts" in name) or (type_ == "index" and name.endswith("_search")))


def _same_link(one: object, other: object) -> bool:
    """Whether two foreign keys link the same columns the same way, however deferrable each is."""
    if not (isinstance(one, ForeignKeyConstraint) and isinstance(other, ForeignKeyConstraint)):
        return False

    def link(fk: ForeignKeyConstraint) -> tuple[object, ...]:
        return (fk.name, tuple(fk.column_keys), fk.referred_table.name,
                tuple(e.column.name for e in fk.elements), fk.ondelete, fk.onupdate)

    return link(one) == link(other)
