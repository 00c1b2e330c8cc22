"""Files exchanged with other programs: iCalendar for calendar apps (CSV, Excel and vCard to come)."""
