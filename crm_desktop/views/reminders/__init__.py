"""Reminders while the app runs: the reminder window and the timer that brings it up."""
