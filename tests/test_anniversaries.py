"""The anniversary calendar's read side and its services: which dates fall in a range, ages, 29 February,
custom yearly dates and their bad input, reminder days per kind."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.models import Activity, User
from crm_desktop.queries.activities.occurrences import occurrences
from crm_desktop.queries.anniversaries import (
    AnniversaryRow,
    anniversaries_between,
    custom_dates,
    falls_on,
    remind_days,
    upcoming,
)
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.anniversaries import (
    CustomDateInput,
    add_custom_date,
    create_greeting,
    custom_date_input,
    delete_custom_dates,
    set_remind_days,
    update_custom_date,
)
from crm_desktop.services.app import AppContext
from crm_desktop.services.changes import Entity
from crm_desktop.services.contacts import ContactInput, create_contact, delete_contacts
from tests.plan_helpers import query_plans
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server


def add_contact(ctx: AppContext, name: str, birthday: date | None, **fields: object) -> str:
    data = ContactInput(first_name=name, birthday=birthday, **fields)  # type: ignore[arg-type]
    return create_contact(ctx.uow(), data, TODAY).created[0]


def add_account(ctx: AppContext, name: str, founded_on: date | None = None) -> str:
    return create_account(ctx.uow(), AccountInput(name=name, founded_on=founded_on), TODAY).created[0]


def shown(rows: list[AnniversaryRow]) -> list[tuple[date, str, int | None]]:
    return [(r.on, r.customer if not r.title else f"{r.customer}: {r.title}", r.years) for r in rows]


def test_29_february_falls_on_the_28th_in_common_years_and_on_the_29th_in_leap_years(ctx: AppContext) -> None:
    add_contact(ctx, "Leap", date(2000, 2, 29))
    add_contact(ctx, "March", date(2000, 3, 1))
    common = anniversaries_between(ctx.database, date(2027, 2, 28), date(2027, 3, 1))
    assert shown(common) == [(date(2027, 2, 28), "Leap", 27)]
    leap = anniversaries_between(ctx.database, date(2028, 2, 28), date(2028, 3, 2))
    assert shown(leap) == [(date(2028, 2, 29), "Leap", 28), (date(2028, 3, 1), "March", 28)]
    assert anniversaries_between(ctx.database, date(2028, 2, 28), date(2028, 2, 29)) == []
    # a range starting on 1 March of a common year does not take the 29th again
    assert shown(anniversaries_between(ctx.database, date(2027, 3, 1), date(2027, 3, 2))) == [
        (date(2027, 3, 1), "March", 27)]


def test_next_30_days_takes_day_0_and_day_30_but_not_day_31(ctx: AppContext) -> None:
    for offset in (-1, 0, 30, 31):
        add_contact(ctx, f"Day {offset}", (TODAY + timedelta(days=offset)).replace(year=1980))
    assert [r.customer for r in upcoming(ctx.database, TODAY)] == ["Day 0", "Day 30"]


def test_ages_and_years_count_from_the_year_and_start_after_it(ctx: AppContext) -> None:
    add_contact(ctx, "Forty", date(1986, 11, 23))
    add_contact(ctx, "No year known", None)
    founded = add_account(ctx, "Twenty-five Co.", date(2001, 12, 1))
    add_custom_date(ctx.uow(), CustomDateInput("First order", 12, 5, None, account_id=founded), TODAY)
    rows = anniversaries_between(ctx.database, date(2026, 11, 1), date(2027, 1, 1))
    assert [(r.kind, r.on, r.years, r.year) for r in rows] == [
        ("birthday", date(2026, 11, 23), 40, 1986),
        ("founding", date(2026, 12, 1), 25, 2001),
        ("custom", date(2026, 12, 5), None, None),
    ]
    # nothing before the first anniversary: not in the year it began, not before it
    assert anniversaries_between(ctx.database, date(1986, 1, 1), date(1986, 12, 5)) == []
    assert shown(anniversaries_between(ctx.database, date(1987, 11, 23), date(1987, 11, 24))) == [
        (date(1987, 11, 23), "Forty", 1)]


def test_a_range_across_new_year_and_over_several_years(ctx: AppContext) -> None:
    add_contact(ctx, "Eve", date(1990, 12, 31))
    add_contact(ctx, "New", date(1990, 1, 1))
    rows = anniversaries_between(ctx.database, date(2026, 12, 31), date(2027, 1, 2))
    assert shown(rows) == [(date(2026, 12, 31), "Eve", 36), (date(2027, 1, 1), "New", 37)]
    assert len(anniversaries_between(ctx.database, date(2026, 1, 1), date(2029, 1, 1))) == 6


def test_rows_name_the_customer_the_company_and_the_owner(ctx: AppContext) -> None:
    owner = ctx.user_id
    company = add_account(ctx, "Siam Rice")
    person = add_contact(ctx, "สมชาย", date(1980, 11, 25), prefix="คุณ", last_name="ใจดี", account_id=company,
                         owner_id=owner)
    add_custom_date(ctx.uow(), CustomDateInput("วันแต่งงาน", 11, 26, 2010, contact_id=person), TODAY)
    rows = upcoming(ctx.database, TODAY)
    assert [(r.kind, r.customer, r.company, r.title, r.owner_id, r.target) for r in rows] == [
        ("birthday", "คุณสมชาย ใจดี", "Siam Rice", "", owner, f"contact:{person}"),
        ("custom", "คุณสมชาย ใจดี", "Siam Rice", "วันแต่งงาน", owner, rows[1].target),
    ]
    assert rows[0].owner_name and rows[1].years == 16


def test_deleted_customers_and_dates_drop_out(ctx: AppContext) -> None:
    person = add_contact(ctx, "Gone", date(1980, 11, 25))
    kept = add_contact(ctx, "Kept", None)
    wedding = add_custom_date(ctx.uow(), CustomDateInput("Wedding", 11, 26, contact_id=kept), TODAY).created[0]
    add_custom_date(ctx.uow(), CustomDateInput("Membership", 11, 27, contact_id=person), TODAY)
    delete_contacts(ctx.uow(), [person])
    assert [r.title for r in upcoming(ctx.database, TODAY)] == ["Wedding"]
    delete_custom_dates(ctx.uow(), [wedding])
    assert upcoming(ctx.database, TODAY) == []


@pytest.mark.sqlite_only  # SQLite's query plan
def test_month_day_lookups_use_the_indexes(ctx: AppContext) -> None:
    """The 100,000-contact case: every query the calendar runs searches an index, none scans a table."""
    add_contact(ctx, "Someone", date(1980, 11, 25))
    plans = query_plans(ctx.database.engine, lambda: anniversaries_between(ctx.database, date(2026, 12, 20),
                                                                           date(2027, 1, 20)),
                        lambda sql: "month" in sql or "substr" in sql)
    assert len(plans) == 6  # three kinds in each of two years
    for plan in plans:
        assert plan.startswith(("SEARCH contact USING INDEX ix_contact_birthday_md",
                                "SEARCH account USING INDEX ix_account_founded_md",
                                "SEARCH anniversary USING INDEX ix_anniversary_live_month_day")), plan
        assert "SCAN" not in plan, plan


def test_custom_dates_are_added_edited_listed_and_deleted(ctx: AppContext) -> None:
    person = add_contact(ctx, "Nok", None)
    created = add_custom_date(ctx.uow(), CustomDateInput(" Wedding ", 2, 29, 2004, contact_id=person), TODAY)
    date_id = created.created[0]
    assert created.entities == (Entity.ANNIVERSARY,)
    data = custom_date_input(ctx.uow(), date_id)
    assert (data.title, data.month, data.day, data.year, data.remind_days) == ("Wedding", 2, 29, 2004, 3)
    data.title, data.remind_days = "Wedding day", 7
    update_custom_date(ctx.uow(), date_id, data, TODAY)
    assert [(r.title, r.month, r.day, r.year, r.remind_days) for r in custom_dates(ctx.database, contact_id=person)] \
        == [("Wedding day", 2, 29, 2004, 7)]
    delete_custom_dates(ctx.uow(), [date_id])
    assert custom_dates(ctx.database, contact_id=person) == []
    with pytest.raises(NotFound):
        update_custom_date(ctx.uow(), date_id, data, TODAY)


@pytest.mark.parametrize(("month", "day", "year", "field", "english", "thai"), [
    (4, 31, None, "day", "31/4 is not a real date: month 4 has 30 days.", "เดือน 4 มี 30 วัน"),
    (13, 1, None, "month", "Choose a month from 1 to 12.", "เลือกเดือน"),
    (2, 30, None, "day", "30/2 is not a real date: month 2 has 29 days.", "ไม่ใช่วันที่ที่มีอยู่จริง"),
    (11, 24, 2026, "year", "This date is in the future.", "อนาคต"),
    (1, 1, 2030, "year", "This date is in the future.", "อนาคต"),
    (2, 29, 2023, "year", "2023 was not a leap year: it had no 29 February.", "ไม่ใช่ปีอธิกสุรทิน"),
    (1, 1, 1700, "year", "A date before 1800 is not accepted; check the year.", "1800"),
])
def test_bad_dates_are_refused_with_a_readable_message_and_nothing_saved(
        ctx: AppContext, month: int, day: int, year: int | None, field: str, english: str, thai: str) -> None:
    person = add_contact(ctx, "Nok", None)
    with pytest.raises(ValidationError) as caught:
        add_custom_date(ctx.uow(), CustomDateInput("Wedding", month, day, year, contact_id=person), TODAY)
    assert caught.value.field == field
    assert caught.value.text("en") == english
    assert thai in caught.value.text("th")
    assert custom_dates(ctx.database, contact_id=person) == []


def test_today_in_the_year_given_is_accepted(ctx: AppContext) -> None:
    person = add_contact(ctx, "Nok", None)
    add_custom_date(ctx.uow(), CustomDateInput("Member", TODAY.month, TODAY.day, TODAY.year, contact_id=person), TODAY)
    assert len(custom_dates(ctx.database, contact_id=person)) == 1


def test_a_custom_date_needs_one_live_customer_and_a_title(ctx: AppContext) -> None:
    person = add_contact(ctx, "Nok", None)
    company = add_account(ctx, "Siam Rice")
    for data in (CustomDateInput("Both", 1, 1, contact_id=person, account_id=company), CustomDateInput("None", 1, 1),
                 CustomDateInput("   ", 1, 1, contact_id=person)):
        with pytest.raises(ValidationError):
            add_custom_date(ctx.uow(), data, TODAY)
    delete_contacts(ctx.uow(), [person])
    with pytest.raises(NotFound):
        add_custom_date(ctx.uow(), CustomDateInput("Wedding", 1, 1, contact_id=person), TODAY)


def test_remind_days_per_kind_default_to_3_and_new_custom_dates_start_from_the_setting(ctx: AppContext) -> None:
    assert remind_days(ctx.database) == {"birthday": 3, "founding": 3, "custom": 3}
    set_remind_days(ctx.uow(), {"birthday": 7, "founding": 0, "custom": 14})
    assert remind_days(ctx.database) == {"birthday": 7, "founding": 0, "custom": 14}
    person = add_contact(ctx, "Nok", date(1990, 11, 30))
    add_custom_date(ctx.uow(), CustomDateInput("Wedding", 11, 30, contact_id=person), TODAY)
    assert [(r.kind, r.remind_days) for r in upcoming(ctx.database, TODAY)] == [("birthday", 7), ("custom", 14)]
    with pytest.raises(ValidationError) as caught:
        set_remind_days(ctx.uow(), {"birthday": 1, "founding": 61})
    assert "ตั้งเตือนล่วงหน้า" in caught.value.text("th")
    assert remind_days(ctx.database)["birthday"] == 7  # all or nothing


@settings(max_examples=200, deadline=None)
@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)), st.integers(1900, 2100))
def test_a_yearly_date_falls_once_a_year_on_its_day_or_the_28th(born: date, year: int) -> None:
    on = falls_on(year, born.month, born.day)
    assert on.year == year
    if (born.month, born.day) == (2, 29):
        assert on.month == 2 and on.day in (28, 29)
    else:
        assert (on.month, on.day) == (born.month, born.day)


def add_user(ctx: AppContext, name: str) -> str:
    with ctx.uow() as uow:
        person = uow.users.add(User(name=name, role="sales", active=True))
        uow.commit()
    return person.id


def test_a_greeting_task_is_planned_on_the_day_for_the_customers_owner(ctx: AppContext) -> None:
    nok = add_user(ctx, "Nok")
    company = add_account(ctx, "Siam Rice")
    with ctx.uow() as uow:
        uow.accounts.get(company).owner_id = nok  # type: ignore[union-attr]
        uow.commit()
    person = add_contact(ctx, "สมชาย", date(1986, 11, 25), account_id=company)  # owned through the company
    row = upcoming(ctx.database, TODAY)[0]
    changes = create_greeting(ctx.uow(), row.target, row.on, "task", "Greeting: สมชาย — Birthday, turns 40")
    assert changes.entities == (Entity.ACTIVITY,) and len(changes.created) == 1
    planned = occurrences(ctx.database, TODAY, TODAY + timedelta(days=7))
    assert [(o.kind, o.subject, o.due_on, o.assignee_id, o.contact_id, o.status) for o in planned] == [
        ("task", "Greeting: สมชาย — Birthday, turns 40", date(2026, 11, 25), nok, person, "planned")]
    with ctx.uow() as uow:
        assert uow.session.get(Activity, changes.created[0]).owner_id == nok  # type: ignore[union-attr]


def test_a_greeting_call_for_a_custom_date_and_for_nobodys_customer_goes_to_the_current_user(
        ctx: AppContext) -> None:
    company = add_account(ctx, "Siam Rice", date(2001, 12, 1))
    add_custom_date(ctx.uow(), CustomDateInput("First order", 11, 30, 2015, account_id=company), TODAY)
    custom, founding = upcoming(ctx.database, TODAY)
    create_greeting(ctx.uow(), custom.target, custom.on, "call", "Thanks for 11 years")
    create_greeting(ctx.uow(), founding.target, founding.on, "call", "Happy 25th")
    planned = occurrences(ctx.database, TODAY, TODAY + timedelta(days=10))
    assert [(o.kind, o.all_day, o.due_on, o.account_id, o.assignee_id) for o in planned] == [
        ("call", True, date(2026, 11, 30), company, ctx.user_id),
        ("call", True, date(2026, 12, 1), company, ctx.user_id),
    ]


def test_a_greeting_for_a_customer_deleted_meanwhile_saves_nothing(ctx: AppContext) -> None:
    person = add_contact(ctx, "Gone", date(1980, 11, 25))
    row = upcoming(ctx.database, TODAY)[0]
    delete_contacts(ctx.uow(), [person])
    with pytest.raises(NotFound):
        create_greeting(ctx.uow(), row.target, row.on, "task", "Greeting")
    with pytest.raises(ValidationError):
        create_greeting(ctx.uow(), row.target, row.on, "meeting", "Greeting")
    assert occurrences(ctx.database, TODAY, TODAY + timedelta(days=7)) == []
