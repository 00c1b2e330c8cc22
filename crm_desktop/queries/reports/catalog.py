"""Every analysis of the Reports tab, gathered from the analysis modules' `ANALYSES` dicts.

A module joins by being named in `MODULES`; one not written yet is skipped, so the tab shows what
exists. The order of `MODULES` (and of each dict) is the order the analyses are listed in.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from crm_desktop.db.database import Database
from crm_desktop.queries.reports.measure import ReportFilter
from crm_desktop.queries.reports.table import ReportTable

Analysis = Callable[[Database, ReportFilter, date], ReportTable]

MODULES = ("sales", "customers", "margins", "pipeline", "leads", "activities", "deliveries", "forecast")


@dataclass(frozen=True)
class Entry:
    key: str  # the table key, as the analysis' ReportTable.key
    module: str  # which of MODULES it comes from (the Reports tab groups by it)
    run: Analysis


def catalog(modules: tuple[str, ...] = MODULES) -> list[Entry]:
    """The analyses of the modules present, in order."""
    found: list[Entry] = []
    for name in modules:
        qualified = f"{__package__}.{name}"
        try:
            module = importlib.import_module(qualified)
        except ModuleNotFoundError as exc:
            if exc.name == qualified:
                continue  # not written yet
            raise
        found.extend(Entry(key, name, run) for key, run in module.ANALYSES.items())
    return found
