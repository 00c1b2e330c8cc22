"""Accounts: lookups the account services need (tax id, hierarchy)."""

from __future__ import annotations

from sqlalchemy import select

from crm_desktop.db.repositories.base import Repository
from crm_desktop.models import Account


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
