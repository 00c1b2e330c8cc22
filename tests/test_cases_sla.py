"""The SLA's working hours: weekends, Thai holidays (Songkran) and the office's hours do not count;
a due time exactly at closing stays at closing. Pure arithmetic: no database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.clock import office_time, utc_time
from crm_desktop.errors import ValidationError
from crm_desktop.services.cases.sla import (
    DEFAULT_SLA,
    OfficeHours,
    SlaHours,
    add_working_hours,
    check_sla,
    thai_holidays,
    working_hours_between,
)


def bkk(*parts: int) -> datetime:
    """A stored (UTC) moment from an office (Bangkok) wall-clock time."""
    return utc_time(datetime(*parts))


@pytest.mark.parametrize(("opened", "hours", "due"), [
    # Friday 16:30 + 2 h: one hour on Friday, the weekend, Songkran Monday–Wednesday, Thursday 09:30
    (bkk(2026, 4, 10, 16, 30), 2, bkk(2026, 4, 16, 9, 30)),
    # Saturday: counting starts on Monday morning
    (bkk(2026, 11, 21, 10, 0), 1, bkk(2026, 11, 23, 9, 30)),
    # nine hours from opening: exactly at closing the same day, not the next morning
    (bkk(2026, 11, 23, 8, 30), 9, bkk(2026, 11, 23, 17, 30)),
    # opened at closing time: the first half hour is next morning's
    (bkk(2026, 11, 23, 17, 30), 0.5, bkk(2026, 11, 24, 9, 0)),
    # before opening on a working day
    (bkk(2026, 11, 24, 7, 0), 1, bkk(2026, 11, 24, 9, 30)),
    # Father's Day (Sat 5 Dec 2026) and its substitute Monday 7 Dec; Constitution Day Thu 10 Dec
    (bkk(2026, 12, 4, 17, 0), 1, bkk(2026, 12, 8, 9, 0)),
    (bkk(2026, 12, 9, 12, 0), 9, bkk(2026, 12, 11, 12, 0)),
])
def test_due_times_skip_nights_weekends_and_thai_holidays(opened: datetime, hours: float, due: datetime) -> None:
    assert add_working_hours(opened, hours) == due
    assert working_hours_between(opened, due) == pytest.approx(hours)


def test_a_six_day_office_counts_saturday() -> None:
    office = OfficeHours(weekdays=frozenset(range(6)))
    assert add_working_hours(bkk(2026, 11, 20, 17, 0), 1, office) == bkk(2026, 11, 21, 9, 0)


starts = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2030, 6, 30))
amounts = st.integers(min_value=1, max_value=200 * 60).map(lambda minutes: minutes / 60)


@settings(max_examples=150, deadline=None)
@given(start=starts, hours=amounts, more=amounts)
def test_the_due_time_is_a_working_moment_exactly_that_many_working_hours_later(start: datetime, hours: float,
                                                                                 more: float) -> None:
    due = add_working_hours(start, hours)
    local = office_time(due)
    office = OfficeHours()
    assert local.weekday() < 5 and local.date() not in thai_holidays()
    assert office.start < local.time() <= office.end
    assert working_hours_between(start, due) == pytest.approx(hours, abs=1e-6)
    assert add_working_hours(start, hours + more) > due
    assert due - start >= timedelta(hours=hours)


def test_an_sla_of_zero_hours_is_refused_with_the_priority_named() -> None:
    policy = dict(DEFAULT_SLA, urgent=SlaHours(0, 8))
    with pytest.raises(ValidationError, match=r"0 hours.*urgent"):
        check_sla(policy)
    with pytest.raises(ValidationError, match="after the resolution"):
        check_sla(dict(DEFAULT_SLA, low=SlaHours(10, 5)))
