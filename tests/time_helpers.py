"""The time every test runs at: a fixed clock, never the machine's (so a test means the same next month)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from crm_desktop.clock import FixedClock

TODAY = date(2026, 11, 23)
TEST_NOW = datetime(2026, 11, 23, 3, 0)  # 10:00 in Bangkok on TODAY


def make_clock(moment: datetime = TEST_NOW) -> FixedClock:
    """A clock that moves on a millisecond per reading: later actions get later times and clocks,
    across every copy of the database that shares it, as with a real clock."""
    return FixedClock(moment, step=timedelta(milliseconds=1))
