"""Alert rules, and each person's dismissals and snoozes of alerts (the alerts themselves are kept by
the scan in services/alerts.py)."""

from __future__ import annotations

from crm_desktop.db.repositories.base import Repository
from crm_desktop.models import AlertDismissal, AlertRule


class AlertRuleRepository(Repository[AlertRule]):
    model = AlertRule


class AlertDismissalRepository(Repository[AlertDismissal]):
    model = AlertDismissal
