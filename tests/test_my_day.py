"""My day (the Activities tab's rows): sections at their boundaries, for me or anyone, each filter."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from crm_desktop.clock import utc_time
from crm_desktop.errors import ValidationError
from crm_desktop.models import User
from crm_desktop.queries.activities.my_day import MyDayFilter, my_day
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.activities.edit import ActivityInput, cancel_activity, complete_activity, create_activity
from crm_desktop.services.app import OWNER_ID
from tests.time_helpers import TODAY

NOW_LOCAL = datetime(2026, 11, 23, 10, 0)  # TEST_NOW in office time
ALL = ("planned", "done", "cancelled")


def at(days: int, hour: int = 0, minute: int = 0) -> datetime:
    """Office wall-clock time `days` after TODAY."""
    return datetime.combine(TODAY + timedelta(days=days), datetime.min.time()).replace(hour=hour, minute=minute)


def add(ctx, subject: str, *, when: datetime | None = None, due: date | None = None, kind: str = "call",
        assignee: str = OWNER_ID, rrule: str = "", account_id: str | None = None) -> str:
    data = ActivityInput(kind=kind if when is not None else "task", subject=subject, starts_at=when,
                         ends_at=when + timedelta(minutes=30) if when is not None else None, due_on=due,
                         owner_id=OWNER_ID, assignee_id=assignee, rrule=rrule, account_id=account_id)
    return create_activity(ctx.uow(), data).created[0]


def subjects(section) -> list[str]:
    return [r.subject for r in section.rows]


def sections(ctx, now: datetime = NOW_LOCAL, **kw) -> dict:
    return {s.key: s for s in my_day(ctx.database, utc_time(now), MyDayFilter(**kw))}


@pytest.fixture
def colleague(ctx) -> str:
    with ctx.uow() as uow:
        user = uow.users.add(User(name="Somchai", role="sales"))
        uow.commit()
        return user.id


def test_sections_at_their_boundaries(ctx) -> None:
    add(ctx, "late by a minute", when=at(0, 9, 59))
    add(ctx, "yesterday's last minute", when=at(-1, 23, 59))
    add(ctx, "due yesterday", due=TODAY - timedelta(days=1))
    add(ctx, "right now", when=at(0, 10, 0))
    add(ctx, "due today", due=TODAY)
    add(ctx, "tonight's last minute", when=at(0, 23, 59))
    add(ctx, "tomorrow midnight", when=at(1))
    add(ctx, "day 7 last minute", when=at(7, 23, 59))
    add(ctx, "due on day 7", due=TODAY + timedelta(days=7))
    add(ctx, "day 8 midnight", when=at(8))
    add(ctx, "due on day 8", due=TODAY + timedelta(days=8))
    found = sections(ctx)
    assert subjects(found["overdue"]) == ["late by a minute", "due yesterday", "yesterday's last minute"]
    assert subjects(found["today"]) == ["due today", "right now", "tonight's last minute"]
    assert subjects(found["week"]) == ["tomorrow midnight", "due on day 7", "day 7 last minute"]
    assert [s.total for s in found.values()] == [3, 3, 3]


def test_today_starts_at_midnight_office_time(ctx) -> None:
    add(ctx, "midnight", when=at(0))
    add(ctx, "a minute before", when=at(-1, 23, 59))
    found = sections(ctx, now=at(0))
    assert subjects(found["today"]) == ["midnight"]
    assert subjects(found["overdue"]) == ["a minute before"]


def test_done_and_cancelled_are_not_planned_work(ctx) -> None:
    done = add(ctx, "called already", when=at(0, 11))
    cancelled = add(ctx, "cancelled visit", when=at(-1, 9))
    add(ctx, "still to do", when=at(0, 15))
    complete_activity(ctx.uow(), done, "Customer ordered")
    cancel_activity(ctx.uow(), cancelled)
    found = sections(ctx)
    assert subjects(found["today"]) == ["still to do"]
    assert found["overdue"].rows == ()
    done_today = sections(ctx, statuses=("done",))
    assert subjects(done_today["today"]) == ["called already"]
    assert done_today["overdue"].total == 0
    assert subjects(sections(ctx, statuses=ALL)["today"]) == ["called already", "still to do"]


def test_mine_or_anyones_or_one_persons(ctx, colleague) -> None:
    add(ctx, "mine", when=at(0, 11))
    add(ctx, "theirs", when=at(0, 12), assignee=colleague)
    assert subjects(sections(ctx, assignee_id=OWNER_ID)["today"]) == ["mine"]
    assert subjects(sections(ctx, assignee_id=colleague)["today"]) == ["theirs"]
    assert subjects(sections(ctx)["today"]) == ["mine", "theirs"]


def test_filters_by_kind_and_linked_record(ctx) -> None:
    account = create_account(ctx.uow(), AccountInput(name="ร้านทองแสงดี"), TODAY).created[0]
    add(ctx, "call the shop", when=at(0, 11), account_id=account)
    add(ctx, "visit the shop", when=at(0, 13), kind="visit", account_id=account)
    add(ctx, "call someone else", when=at(0, 14))
    assert subjects(sections(ctx, kinds=("call",))["today"]) == ["call the shop", "call someone else"]
    assert subjects(sections(ctx, link=("account", account))["today"]) == ["call the shop", "visit the shop"]
    today = sections(ctx, link=("account", account), kinds=("visit",))["today"]
    assert subjects(today) == ["visit the shop"] and today.rows[0].customer == "ร้านทองแสงดี"


def test_date_range_is_one_section_with_its_last_day(ctx) -> None:
    add(ctx, "before", when=at(9, 23, 59))
    add(ctx, "first day", when=at(10))
    add(ctx, "last day", due=TODAY + timedelta(days=12))
    add(ctx, "after", when=at(13))
    found = my_day(ctx.database, utc_time(NOW_LOCAL),
                   MyDayFilter(start=TODAY + timedelta(days=10), end=TODAY + timedelta(days=12)))
    assert [s.key for s in found] == ["range"]
    assert subjects(found[0]) == ["first day", "last day"]


def test_a_date_range_must_be_sensible(ctx) -> None:
    with pytest.raises(ValidationError) as err:
        my_day(ctx.database, utc_time(NOW_LOCAL), MyDayFilter(start=TODAY, end=TODAY - timedelta(days=1)))
    assert err.value.field == "end"
    with pytest.raises(ValidationError):
        my_day(ctx.database, utc_time(NOW_LOCAL), MyDayFilter(start=TODAY, end=TODAY + timedelta(days=400)))


def test_overdue_keeps_the_newest_and_counts_the_rest(ctx) -> None:
    for day in range(1, 6):
        add(ctx, f"{day} days late", when=at(-day, 9))
    overdue = my_day(ctx.database, utc_time(NOW_LOCAL), MyDayFilter(), overdue_limit=2)[0]
    assert subjects(overdue) == ["1 days late", "2 days late"]
    assert overdue.total == 5 and overdue.more == 3 and not overdue.at_least


def test_a_long_overdue_list_is_counted_up_to_a_bound(ctx, monkeypatch) -> None:
    monkeypatch.setattr("crm_desktop.queries.activities.my_day.COUNT_MAX", 3)
    for day in range(1, 5):
        add(ctx, f"{day} days late", when=at(-day, 9))
    overdue = my_day(ctx.database, utc_time(NOW_LOCAL), MyDayFilter(), overdue_limit=2)[0]
    assert (overdue.total, overdue.at_least) == (3, True)
    add(ctx, "due yesterday", due=TODAY - timedelta(days=1))
    overdue = my_day(ctx.database, utc_time(NOW_LOCAL), MyDayFilter(), overdue_limit=2)[0]
    assert subjects(overdue) == ["due yesterday", "1 days late"]


def test_a_series_shows_its_occurrences_today_and_this_week(ctx) -> None:
    series = add(ctx, "daily stand-up", when=at(-10, 14), rrule="FREQ=DAILY")
    add(ctx, "weekly report", when=at(-14, 9), rrule="FREQ=WEEKLY")  # Mondays at 9: today's is late
    found = sections(ctx)
    today = found["today"].rows
    assert [(r.subject, r.starts_at, r.series_id) for r in today] == [("daily stand-up", at(0, 14), series)]
    assert today[0].occurrence == at(0, 14) and today[0].recurring
    assert subjects(found["overdue"]) == ["weekly report"]  # only today's: earlier weeks are not listed
    assert subjects(found["week"]) == ["daily stand-up"] * 6 + ["weekly report", "daily stand-up"]
    assert found["week"].rows[-1].day == TODAY + timedelta(days=7)
