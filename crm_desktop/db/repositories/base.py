"""The generic part of every repository: get, add and soft delete of one kind of record."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Generic, TypeVar

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from crm_desktop.models.base import SyncMixin

T = TypeVar("T", bound=SyncMixin)


class Repository(Generic[T]):
    """Get, add and soft-delete records of one kind; deleted records stay until purged."""

    model: type[T]

    def __init__(self, session: Session) -> None:
        self.session = session

    def present(self, ids: Collection[str]) -> set[str]:
        """Which of `ids` have a row, live or deleted. Read through the table, not the mapped class: the
        seed of every start asks, before the window shows, and a mapped read would make SQLAlchemy
        configure every mapper first (40 ms)."""
        table: Table = self.model.__table__  # type: ignore[attr-defined]
        return set(self.session.scalars(select(table.c.id).where(table.c.id.in_(list(ids)))))

    def get(self, row_id: str, *, include_deleted: bool = False) -> T | None:
        obj = self.session.get(self.model, row_id)
        if obj is None or (obj.deleted_at is not None and not include_deleted):
            return None
        return obj

    def add(self, obj: T) -> T:
        self.session.add(obj)
        return obj

    def soft_delete(self, obj: T, when: datetime) -> None:
        obj.deleted_at = when

    def restore(self, obj: T) -> None:
        obj.deleted_at = None
