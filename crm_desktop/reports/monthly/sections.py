"""Which analyses the monthly report prints, in order, each under its section's title key."""

from __future__ import annotations

from crm_desktop.reports.monthly.document import Section

SECTIONS: tuple[Section, ...] = ()
