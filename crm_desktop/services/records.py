"""Delete and undo, shared by every kind of record: deletes are tombstones that Undo clears."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from crm_desktop.db.repositories import Repository
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import NotFound
from crm_desktop.models.base import SyncMixin
from crm_desktop.services.changes import ChangeSet, Entity, change

RepoOf = Callable[[UnitOfWork], Repository[SyncMixin]]


def soft_delete(uow: UnitOfWork, repo_of: RepoOf, entity: Entity, ids: Iterable[str],
                refuse: Callable[[Any], None] | None = None) -> ChangeSet:
    """Mark records deleted in one transaction; all or nothing. `refuse(record)` raises for a
    record that must stay (an invoiced order)."""
    with uow:
        repo = repo_of(uow)
        now = uow.now()
        done = []
        for row_id in ids:
            obj = repo.get(row_id)
            if obj is None:
                raise NotFound("The record was already deleted by someone else. Refresh the list.")
            if refuse is not None:
                refuse(obj)
            repo.soft_delete(obj, now)
            done.append(row_id)
        uow.commit()
    return change(entity, deleted=done)


def restore(uow: UnitOfWork, repo_of: RepoOf, entity: Entity, ids: Iterable[str]) -> ChangeSet:
    """Undo a delete: the records come back exactly as they were."""
    with uow:
        repo = repo_of(uow)
        done = []
        for row_id in ids:
            obj = repo.get(row_id, include_deleted=True)
            if obj is None:
                raise NotFound("The record no longer exists.")
            repo.restore(obj)
            done.append(row_id)
        uow.commit()
    return change(entity, created=done)
