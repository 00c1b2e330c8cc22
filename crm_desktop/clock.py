"""Where "now" and "today" come from.

The application context holds one `Clock`; the model layer, the services, the change log and the
hybrid logical clock all ask it instead of the machine. The composition root (`crm_desktop.main`)
makes the one clock that reads the machine; tests and deterministic scripts use `FixedClock`, so a
test means the same thing next month as today.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol

EPOCH = datetime(1970, 1, 1)
BANGKOK = timedelta(hours=7)


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment as naive UTC (stored times are always UTC)."""
        ...

    def today(self) -> date:
        """The office's calendar date (due dates, ages, "this month")."""
        ...


@dataclass
class FixedClock:
    """A clock that stands still until moved, or moves on by `step` at each reading (so that, as in
    real time, what is done later is later); `today` is the date in Thailand (UTC+7) at `moment`."""

    moment: datetime
    step: timedelta = field(default=timedelta(0))
    offset: timedelta = field(default=BANGKOK)

    def now(self) -> datetime:
        moment = self.moment
        self.moment += self.step
        return moment

    def today(self) -> date:
        return (self.moment + self.offset).date()

    def advance(self, delta: timedelta) -> None:
        self.moment += delta

    def set(self, moment: datetime) -> None:
        self.moment = moment


def office_time(moment: datetime) -> datetime:
    """A stored (naive UTC) moment as the office's wall-clock time (Thailand: UTC+7, no summer time).

    Calendars, reminders and .ics files work in office time, whatever zone the computer is set to."""
    return moment + BANGKOK


def utc_time(local: datetime) -> datetime:
    """The stored (naive UTC) form of an office wall-clock time."""
    return local - BANGKOK


def epoch_ms(moment: datetime) -> int:
    """Milliseconds since 1970 of a naive UTC moment (the physical part of the hybrid clock)."""
    return (moment - EPOCH) // timedelta(milliseconds=1)
