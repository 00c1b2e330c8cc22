"""The monthly sales report PDF (issue 14): document.py lays it out, tables.py and charts.py render any
ReportTable, labels.py holds its words, sections.py says which analyses it prints."""
