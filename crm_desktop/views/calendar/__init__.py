"""The activity calendar tab: day, week, month and agenda views."""
