"""The read side of activities: occurrences in a range, My day, reminders."""
