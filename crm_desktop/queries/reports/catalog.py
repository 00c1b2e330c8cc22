"""Every analysis of the Reports tab, gathered from the analysis modules' `ANALYSES` dicts.

The order of `MODULES` (and of each dict) is the order the analyses are listed in; the Reports tab
groups them by module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from crm_desktop.db.database import Database
from crm_desktop.queries.reports import (
    activities,
    cases,
    customers,
    deliveries,
    forecast,
    leads,
    margins,
    pipeline,
    sales,
)
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.queries.reports.table import ReportTable

Analysis = Callable[[Database, ReportFilter, date], ReportTable]

MODULES: tuple[tuple[str, dict[str, Analysis]], ...] = (
    ("sales", sales.ANALYSES), ("customers", customers.ANALYSES), ("margins", margins.ANALYSES),
    ("pipeline", pipeline.ANALYSES), ("leads", leads.ANALYSES), ("activities", activities.ANALYSES),
    ("deliveries", deliveries.ANALYSES), ("cases", cases.ANALYSES), ("forecast", forecast.ANALYSES),
)


@dataclass(frozen=True)
class Entry:
    key: str  # the table key, as the analysis' ReportTable.key
    module: str  # which of MODULES it comes from (the Reports tab groups by it)
    run: Analysis


def catalog() -> list[Entry]:
    """Every analysis, in order."""
    return [Entry(key, name, run) for name, analyses in MODULES for key, run in analyses.items()]
