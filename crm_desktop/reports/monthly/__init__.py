"""The monthly sales report PDF (issue 14): document.py lays it out, tables.py and charts.py render any
ReportTable, cover.py the key figures, labels.py holds its words, sections.py says which analyses it
prints."""

from crm_desktop.reports.monthly.sections import monthly_report_pdf

__all__ = ["monthly_report_pdf"]
