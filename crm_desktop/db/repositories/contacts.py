"""Contacts."""

from __future__ import annotations

from sqlalchemy import select

from crm_desktop.db.repositories.base import Repository
from crm_desktop.models import Contact


class ContactRepository(Repository[Contact]):
    model = Contact

    def of_account(self, account_id: str) -> list[Contact]:
        stmt = select(Contact).where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
        return list(self.session.scalars(stmt))
