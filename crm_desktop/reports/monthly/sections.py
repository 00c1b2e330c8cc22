"""Which analyses the monthly report prints, in order, each under its section's title key.

The analyses are named by their table keys (the analysis modules' ANALYSES, gathered by the
Reports catalog), so the report and the Reports tab run the very same functions; a key the catalog
does not hold (yet) is left out rather than failing the owner's report.
"""

from __future__ import annotations

from collections.abc import Mapping

from crm_desktop.queries.reports.catalog import catalog
from crm_desktop.queries.reports.forecast import forecast_explained
from crm_desktop.reports.monthly.document import Analysis, Section, monthly_report
from crm_desktop.services.app import AppContext

SECTIONS: tuple[tuple[str, str], ...] = (
    ("section_cover", "key_figures"),
    ("section_reps", "sales_by_rep"),
    ("section_customers", "top_customers"),
    ("section_breakdown", "sales_by_segment"),
    ("section_breakdown", "sales_by_product"),
    ("section_breakdown", "sales_by_category"),
    ("section_breakdown", "sales_by_channel"),
    ("section_breakdown", "sales_by_province"),
    ("section_pipeline", "pipeline_by_stage"),
    ("section_deals", "deals_won_lost"),
    ("section_deals", "lost_by_reason"),
    ("section_deals", "lost_by_competitor"),
    ("section_leads", "new_leads_by_source"),
    ("section_leads", "new_leads_by_campaign"),
    ("section_activities", "activities_by_rep"),
    ("section_deliveries", "late_deliveries"),
    ("section_cases", "case_figures"),
    ("section_forecast", "forecast"),
    ("section_forecast", "forecast_accuracy"),
)


def monthly_sections(analyses: Mapping[str, Analysis]) -> list[Section]:
    """SECTIONS with their functions from `analyses` (table key → analysis), those present only."""
    return [(section, analyses[key]) for section, key in SECTIONS if key in analyses]


def report_analyses() -> dict[str, Analysis]:
    """Every analysis by its table key, as the Reports catalog (queries/reports/catalog.py) gathers them."""
    return {entry.key: entry.run for entry in catalog()}


def monthly_report_pdf(ctx: AppContext, month: str, lang: str) -> bytes:
    """The monthly report of `month` ("YYYY-MM") in `lang` with every section the catalog holds:
    what `report monthly` writes and the Reports tab previews."""
    return monthly_report(ctx, month, lang, monthly_sections(report_analyses()), forecast_explained).pdf
