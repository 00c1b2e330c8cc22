"""Service cases and their status history."""

from __future__ import annotations

from sqlalchemy import select

from crm_desktop.db.repositories.base import Repository
from crm_desktop.models import Case, CaseStatusHistory


class CaseRepository(Repository[Case]):
    model = Case


class CaseHistoryRepository(Repository[CaseStatusHistory]):
    model = CaseStatusHistory

    def of_case(self, case_id: str) -> list[CaseStatusHistory]:
        """A case's live moves, oldest first."""
        return list(self.session.scalars(
            select(CaseStatusHistory)
            .where(CaseStatusHistory.case_id == case_id, CaseStatusHistory.deleted_at.is_(None))
            .order_by(CaseStatusHistory.changed_at, CaseStatusHistory.id)))
