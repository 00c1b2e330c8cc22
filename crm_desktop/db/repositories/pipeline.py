"""Opportunities, their stages and stage history, and sales targets."""

from __future__ import annotations

from crm_desktop.db.repositories.base import Repository
from crm_desktop.models import Opportunity, Stage, StageHistory, Target


class OpportunityRepository(Repository[Opportunity]):
    model = Opportunity


class StageRepository(Repository[Stage]):
    model = Stage


class StageHistoryRepository(Repository[StageHistory]):
    model = StageHistory


class TargetRepository(Repository[Target]):
    model = Target
