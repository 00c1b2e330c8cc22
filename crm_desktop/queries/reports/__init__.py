"""The read side of the Reports tab and the monthly report: every analysis as a `ReportTable`."""
