"""Alert rules (the alerts themselves are raised by the scan and dismissed per person in services/alerts.py)."""

from __future__ import annotations

from crm_desktop.db.repositories.base import Repository
from crm_desktop.models import AlertRule


class AlertRuleRepository(Repository[AlertRule]):
    model = AlertRule
