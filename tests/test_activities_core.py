"""The activities core: repeat rules against dateutil, series edits by scope, the range query, clashes,
and the checks that keep bad input out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.models import User
from crm_desktop.queries.activities.occurrences import Customer, activity_row, clash_days, clashes, occurrences
from crm_desktop.recurrence import MAX_OCCURRENCES, Recurrence, expand
from crm_desktop.services.accounts import AccountInput, create_account, delete_accounts
from crm_desktop.services.activities.edit import (
    ActivityInput,
    activity_input,
    cancel_activity,
    complete_activity,
    create_activity,
    delete_activity,
    hand_over,
    move_activity,
    restore_activities,
    set_clash_days,
    update_activity,
)
from crm_desktop.services.app import AppContext
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

MONDAY = datetime(2026, 11, 23, 8, 0)  # TODAY is a Monday


def add_person(ctx: AppContext, name: str, *, active: bool = True) -> str:
    with ctx.uow() as uow:
        person = uow.users.add(User(name=name, role="sales", active=active))
        uow.commit()
    return person.id


def meeting(**changes: object) -> ActivityInput:
    return replace(ActivityInput(kind="meeting", subject="Weekly sales meeting", starts_at=MONDAY,
                                 ends_at=MONDAY + timedelta(hours=1)), **changes)


def created(ctx: AppContext, data: ActivityInput) -> str:
    return create_activity(ctx.uow(), data).created[0]


def week(ctx: AppContext, start: date = TODAY, days: int = 7) -> list:
    return occurrences(ctx.database, start, start + timedelta(days=days))


# --- repeat rules -----------------------------------------------------------------------------------

rules = st.builds(
    Recurrence,
    freq=st.sampled_from(("daily", "weekly", "monthly", "yearly")),
    interval=st.integers(1, 4),
    weekdays=st.lists(st.integers(0, 6), max_size=3, unique=True).map(tuple),
    by_weekday=st.booleans(),
    until=st.none() | st.dates(date(2026, 12, 1), date(2029, 12, 31)),
    count=st.none() | st.integers(1, 40),
).filter(lambda r: r.until is None or r.count is None)


@settings(max_examples=150, deadline=None)
@given(rule=rules, first=st.datetimes(datetime(2026, 1, 1), datetime(2027, 6, 30)).map(lambda d: d.replace(second=0,
                                                                                                         microsecond=0)),
       offset=st.integers(0, 400), length=st.integers(1, 120), skip_every=st.integers(2, 5))
def test_expansion_matches_dateutil_with_exceptions(rule: Recurrence, first: datetime, offset: int, length: int,
                                                    skip_every: int) -> None:
    text = rule.text(first.date())
    start = first + timedelta(days=offset - 30)
    end = start + timedelta(days=length)
    expected = [o for o in rrulestr(text, dtstart=first).between(start, end, inc=True) if o < end]
    skip = set(expected[::skip_every])
    assert expand(text, first, start, end, skip) == [o for o in expected if o not in skip]
    kept = replace(rule, weekdays=rule.weekdays if rule.freq == "weekly" else (),
                   by_weekday=rule.by_weekday and rule.freq == "monthly")
    assert Recurrence.parse(text) == replace(kept, weekdays=tuple(sorted(kept.weekdays)))


def test_a_rule_without_end_stays_bounded_and_a_foreign_rule_is_just_its_first_start() -> None:
    first = datetime(2000, 1, 1, 9)
    assert len(expand("FREQ=DAILY", first, first, datetime(2100, 1, 1))) == MAX_OCCURRENCES
    assert expand("FREQ=MINUTELY", first, first, datetime(2100, 1, 1)) == [first]
    with pytest.raises(ValidationError):
        Recurrence.parse("FREQ=MINUTELY")


def test_monthly_by_weekday_is_the_same_weekday_of_each_month() -> None:
    first = datetime(2026, 11, 10, 9)  # the 2nd Tuesday
    text = Recurrence("monthly", by_weekday=True, count=3).text(first.date())
    assert text == "FREQ=MONTHLY;BYDAY=2TU;COUNT=3"
    assert expand(text, first, first, datetime(2027, 6, 1)) == [
        first, datetime(2026, 12, 8, 9), datetime(2027, 1, 12, 9)]
    last = date(2026, 12, 29)  # a fifth Tuesday: "the last Tuesday"
    assert Recurrence("monthly", by_weekday=True).text(last) == "FREQ=MONTHLY;BYDAY=-1TU"


# --- planning and checks ----------------------------------------------------------------------------


def test_a_planned_meeting_shows_on_its_office_day_with_assignee_and_customer(ctx: AppContext) -> None:
    account = create_account(ctx.uow(), AccountInput(name="Siam Rice"), TODAY).created[0]
    activity = created(ctx, meeting(account_id=account, location="Office"))
    [found] = week(ctx)
    assert (found.activity_id, found.starts_at, found.customer, found.status) == (
        activity, MONDAY, "Siam Rice", "planned")
    assert found.assignee_id == ctx.user_id and found.owner_id == ctx.user_id
    assert activity_input(ctx.uow(), activity).starts_at == MONDAY


def test_the_range_is_office_days_start_inclusive_end_exclusive(ctx: AppContext) -> None:
    just_after_midnight = datetime(2026, 11, 30, 0, 0)  # 17:00 UTC the day before: still the 30th here
    created(ctx, meeting(starts_at=just_after_midnight, ends_at=None))
    created(ctx, ActivityInput(subject="Send the price list", due_on=date(2026, 11, 29)))
    assert [o.day for o in week(ctx)] == [date(2026, 11, 29)]
    assert [o.day for o in week(ctx, date(2026, 11, 30), 1)] == [date(2026, 11, 30)]


@pytest.mark.parametrize(("change", "field"), [
    ({"ends_at": MONDAY - timedelta(minutes=1)}, "ends_at"),
    ({"all_day": True, "due_on": TODAY}, "starts_at"),
    ({"starts_at": None, "ends_at": MONDAY}, "ends_at"),
    ({"remind_minutes": -5}, "remind_minutes"),
    ({"starts_at": None, "ends_at": None, "remind_minutes": 10}, "remind_minutes"),
    ({"rrule": "FREQ=WEEKLY;UNTIL=20261101T235959"}, "rrule"),
    ({"rrule": "FREQ=SECONDLY"}, "rrule"),
    ({"subject": "  "}, "subject"),
    ({"kind": "party"}, "kind"),
])
def test_bad_input_is_refused_naming_the_field_and_saves_nothing(ctx: AppContext, change: dict,
                                                                 field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        create_activity(ctx.uow(), meeting(**change))
    assert caught.value.field == field
    assert week(ctx, TODAY - timedelta(days=30), 60) == []


def test_an_end_equal_to_the_start_is_allowed(ctx: AppContext) -> None:
    created(ctx, meeting(ends_at=MONDAY))
    assert len(week(ctx)) == 1


def test_a_person_deactivated_or_a_record_deleted_meanwhile_is_refused(ctx: AppContext) -> None:
    gone = add_person(ctx, "Somchai", active=False)
    with pytest.raises(ValidationError, match="no longer active"):
        create_activity(ctx.uow(), meeting(assignee_id=gone))
    account = create_account(ctx.uow(), AccountInput(name="Siam Rice"), TODAY).created[0]
    delete_accounts(ctx.uow(), [account])
    with pytest.raises(ValidationError, match="deleted meanwhile"):
        create_activity(ctx.uow(), meeting(account_id=account))
    assert week(ctx) == []


def test_an_inactive_assignee_already_on_the_record_may_stay(ctx: AppContext) -> None:
    somchai = add_person(ctx, "Somchai")
    activity = created(ctx, meeting(assignee_id=somchai))
    with ctx.uow() as uow:
        uow.users.get(somchai).active = False  # type: ignore[union-attr]
        uow.commit()
    update_activity(ctx.uow(), activity, meeting(assignee_id=somchai, subject="Moved agenda"))
    assert week(ctx)[0].subject == "Moved agenda"


# --- series -----------------------------------------------------------------------------------------

WEEKLY = "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6"  # Mon 23, Wed 25, Mon 30, Wed 2, Mon 7, Wed 9


def starts(ctx: AppContext, days: int = 21) -> list[datetime | None]:
    return [o.starts_at for o in week(ctx, TODAY, days)]


def test_a_series_is_expanded_for_the_range_and_never_stored_as_rows(ctx: AppContext) -> None:
    series = created(ctx, meeting(rrule=WEEKLY))
    assert [o.day for o in week(ctx, TODAY, 21)] == [
        date(2026, 11, 23), date(2026, 11, 25), date(2026, 11, 30), date(2026, 12, 2), date(2026, 12, 7),
        date(2026, 12, 9)]
    assert {o.activity_id for o in week(ctx, TODAY, 21)} == {series}
    assert week(ctx, date(2026, 12, 10), 30) == []


def test_editing_this_occurrence_detaches_it_and_the_series_skips_it(ctx: AppContext) -> None:
    series = created(ctx, meeting(rrule=WEEKLY))
    wednesday = MONDAY + timedelta(days=2)
    review = meeting(subject="Quarterly review", starts_at=wednesday + timedelta(hours=5), ends_at=None)
    changes = update_activity(ctx.uow(), series, review, "this", wednesday)
    found = week(ctx, TODAY, 21)
    assert len(found) == 6
    moved = [o for o in found if o.activity_id == changes.created[0]]
    assert [(o.subject, o.starts_at, o.recurring, o.series_id) for o in moved] == [
        ("Quarterly review", wednesday + timedelta(hours=5), False, series)]
    with pytest.raises(NotFound):  # the start is gone from the series
        update_activity(ctx.uow(), series, meeting(), "this", wednesday)


def test_this_and_following_splits_the_series_and_keeps_its_total(ctx: AppContext) -> None:
    series = created(ctx, meeting(rrule=WEEKLY))
    monday_30 = MONDAY + timedelta(days=7)
    update_activity(ctx.uow(), series, meeting(rrule=WEEKLY, starts_at=monday_30 + timedelta(hours=1), ends_at=None),
                    "following", monday_30)
    assert starts(ctx) == [MONDAY, MONDAY + timedelta(days=2)] + [
        s + timedelta(hours=1) for s in (monday_30, monday_30 + timedelta(days=2), monday_30 + timedelta(days=7),
                                         monday_30 + timedelta(days=9))]


def test_all_moves_the_whole_series_by_what_this_occurrence_moved(ctx: AppContext) -> None:
    series = created(ctx, meeting(rrule=WEEKLY))
    wednesday = MONDAY + timedelta(days=2)
    move_activity(ctx.uow(), series, wednesday + timedelta(hours=2), wednesday + timedelta(hours=3), wednesday, "all")
    assert starts(ctx)[:2] == [MONDAY + timedelta(hours=2), wednesday + timedelta(hours=2)]
    assert len(starts(ctx)) == 6


def test_deleting_this_following_and_all(ctx: AppContext) -> None:
    series = created(ctx, meeting(rrule=WEEKLY))
    delete_activity(ctx.uow(), series, "this", MONDAY + timedelta(days=2))
    assert len(starts(ctx)) == 5
    delete_activity(ctx.uow(), series, "following", MONDAY + timedelta(days=14))
    assert starts(ctx) == [MONDAY, MONDAY + timedelta(days=7), MONDAY + timedelta(days=9)]
    delete_activity(ctx.uow(), series, "all", MONDAY + timedelta(days=7))
    assert starts(ctx) == []
    restore_activities(ctx.uow(), (series,))
    assert len(starts(ctx)) == 3


def test_completing_an_occurrence_with_a_next_step_is_one_action(ctx: AppContext) -> None:
    series = created(ctx, meeting(rrule=WEEKLY))
    nxt = ActivityInput(kind="call", subject="Call back about the quote", due_on=TODAY + timedelta(days=1))
    changes = complete_activity(ctx.uow(), series, "Agreed on prices", MONDAY, follow_up=nxt)
    assert len(changes.created) == 2
    today = week(ctx, TODAY, 2)
    assert [(o.subject, o.status, o.outcome) for o in today] == [
        ("Weekly sales meeting", "done", "Agreed on prices"), ("Call back about the quote", "planned", "")]
    with pytest.raises(DomainError):
        complete_activity(ctx.uow(), series, "no occurrence given")


def test_a_failed_follow_up_leaves_the_activity_undone(ctx: AppContext) -> None:
    activity = created(ctx, meeting())
    with pytest.raises(ValidationError):
        complete_activity(ctx.uow(), activity, "Done", follow_up=ActivityInput(subject=""))
    assert week(ctx)[0].status == "planned"


def test_hand_over_keeps_the_note_and_refuses_the_same_person(ctx: AppContext) -> None:
    anna = add_person(ctx, "Anna")
    activity = created(ctx, meeting())
    hand_over(ctx.uow(), activity, anna, "I am on leave on Monday")
    row = activity_row(ctx.database, activity)
    assert row is not None and (row.assignee_id, row.assignee_name) == (anna, "Anna")
    with pytest.raises(ValidationError):
        hand_over(ctx.uow(), activity, anna, "again")
    cancel_activity(ctx.uow(), activity)
    assert week(ctx)[0].status == "cancelled"


# --- clashes ----------------------------------------------------------------------------------------


def test_clash_window_is_inclusive_and_ignores_my_own_and_closed_ones(ctx: AppContext) -> None:
    anna = add_person(ctx, "Anna")
    account = create_account(ctx.uow(), AccountInput(name="Siam Rice"), TODAY).created[0]
    theirs = created(ctx, meeting(assignee_id=anna, account_id=account, starts_at=MONDAY + timedelta(days=3),
                                  ends_at=None))
    created(ctx, meeting(account_id=account))  # mine
    customer = Customer(account_id=account)
    assert clash_days(ctx.database) == 3
    found = clashes(ctx.database, customer, TODAY, assignee_id=ctx.user_id, days=3)
    assert [o.activity_id for o in found] == [theirs]
    assert clashes(ctx.database, customer, TODAY, assignee_id=ctx.user_id, days=2) == []
    assert clashes(ctx.database, Customer(contact_id=account), TODAY, assignee_id=ctx.user_id, days=3) == []
    complete_activity(ctx.uow(), theirs, "Visited")
    assert clashes(ctx.database, customer, TODAY, assignee_id=ctx.user_id, days=3) == []
    set_clash_days(ctx.uow(), 7)
    assert clash_days(ctx.database) == 7
    with pytest.raises(ValidationError):
        set_clash_days(ctx.uow(), -1)


def test_upgrade_to_0010_turns_done_into_status_in_rows_and_in_the_change_log(tmp_path: Path) -> None:
    """Old changes must still describe the rows: a file exported after the upgrade carries them."""
    from alembic import command
    from alembic.config import Config

    from crm_desktop.db import engine, migrate

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    eng = engine.make_engine(tmp_path / "crm.sqlite3")
    with eng.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0009")
        for n, done in enumerate(("1", "0"), start=1):
            conn.exec_driver_sql(
                "INSERT INTO activity (id, kind, subject, notes, all_day, done, outcome, rrule, created_at, "
                f"updated_at, hlc, site_id, owner_id) VALUES ('a{n}', 'call', 'Call', '', 0, {done}, '', '', "
                "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000', 1, 's', NULL)")
        conn.exec_driver_sql("""INSERT INTO change (seq, entity, row_id, hlc, site_id, changed_at, fields) VALUES
            (1, 'activity', 'a1', 1, 's', '2026-01-01', '{"subject":"Call","done":true}'),
            (2, 'activity', 'a2', 2, 's', '2026-01-01', '{"done":false}'),
            (3, 'account', 'x', 3, 's', '2026-01-01', '{"done":true}')""")
        command.upgrade(config, "0010")
        assert conn.exec_driver_sql("SELECT id, status FROM activity ORDER BY id").all() == [
            ("a1", "done"), ("a2", "planned")]
        assert [r[0] for r in conn.exec_driver_sql("SELECT fields FROM change ORDER BY seq")] == [
            '{"subject":"Call","status":"done"}', '{"status":"planned"}', '{"done":true}']
    eng.dispose()
