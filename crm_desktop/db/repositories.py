"""One narrow repository per aggregate: the only code that builds ORM queries for writes."""

from __future__ import annotations

from datetime import datetime
from typing import Generic, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.models import Account, Contact, Setting, User, fixed_id
from crm_desktop.models.base import SyncMixin

T = TypeVar("T", bound=SyncMixin)


class Repository(Generic[T]):
    """Get, add and soft-delete records of one kind; deleted records stay until purged."""

    model: type[T]

    def __init__(self, session: Session) -> None:
        self.session = session

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


class AccountRepository(Repository[Account]):
    model = Account

    def by_tax_id(self, tax_id: str, branch_code: str) -> list[Account]:
        stmt = select(Account).where(
            Account.tax_id == tax_id, Account.branch_code == branch_code, Account.deleted_at.is_(None)
        )
        return list(self.session.scalars(stmt))

    def ancestors_ids(self, account_id: str) -> list[str]:
        """The chain of parents above an account (used to refuse a loop in the hierarchy)."""
        chain: list[str] = []
        current = self.session.get(Account, account_id)
        while current is not None and current.parent_id and current.parent_id not in chain:
            chain.append(current.parent_id)
            current = self.session.get(Account, current.parent_id)
        return chain

    def live_children(self, account_id: str) -> list[Account]:
        stmt = select(Account).where(Account.parent_id == account_id, Account.deleted_at.is_(None))
        return list(self.session.scalars(stmt))


class ContactRepository(Repository[Contact]):
    model = Contact

    def of_account(self, account_id: str) -> list[Contact]:
        stmt = select(Contact).where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
        return list(self.session.scalars(stmt))


class UserRepository(Repository[User]):
    model = User

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(User)) or 0


class SettingRepository:
    """Office-wide key/value settings with fixed ids, so every copy edits the same rows."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def value(self, key: str, default: str = "") -> str:
        row = self.session.get(Setting, fixed_id("setting", key))
        return row.value if row is not None and row.deleted_at is None else default

    def set_value(self, key: str, value: str) -> None:
        row = self.session.get(Setting, fixed_id("setting", key))
        if row is None:
            self.session.add(Setting(id=fixed_id("setting", key), key=key, value=value))
        else:
            row.value = value
