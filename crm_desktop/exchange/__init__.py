"""Files exchanged with other programs: iCalendar for calendar apps, CSV and Excel tables read for import."""
