"""Leads and the scoring rules that rate them."""

from __future__ import annotations

from crm_desktop.db.repositories.base import Repository
from crm_desktop.models import Lead, LeadScoringRule


class LeadRepository(Repository[Lead]):
    model = Lead


class ScoringRuleRepository(Repository[LeadScoringRule]):
    model = LeadScoringRule
