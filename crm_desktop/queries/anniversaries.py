"""Read side of the anniversary calendar: birthdays, founding days and custom yearly dates in a range.

A yearly date is looked up by its "MM-DD" through an index (`models.base.month_day_index`, the
anniversary table's (month, day) index), one index range per calendar year the range touches, so a
month of 100,000 contacts reads only the contacts whose day falls in it. 29 February falls on
28 February in common years.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select
from sqlalchemy.sql.expression import Alias

from crm_desktop.db.database import Database
from crm_desktop.models import Account, Anniversary, Contact, Setting, User, fixed_id
from crm_desktop.models.activity import (
    ANNIVERSARY_KINDS,
    ANNIVERSARY_REMIND_DAYS,
    ANNIVERSARY_REMIND_MAX,
    anniversary_remind_key,
)
from crm_desktop.models.base import month_day
from crm_desktop.queries.accounts import full_name

UPCOMING_DAYS = 30  # "next 30 days": today and the 30 days after it


@dataclass(frozen=True)
class AnniversaryRow:
    kind: str  # "birthday" (a contact's), "founding" (an account's) or "custom" (an Anniversary row)
    target: str  # what a reminder names: "contact:<id>", "account:<id>" or "anniversary:<id>"
    on: date  # the day it falls on in the range asked for
    month: int
    day: int
    year: int | None  # the year it started, when known
    years: int | None  # the age, or the years since; None when the year is unknown
    title: str  # a custom date's own title ("Wedding"); empty for birthdays and founding days
    customer: str  # the contact's or the account's name
    company: str  # a contact's account, if any
    contact_id: str | None
    account_id: str | None
    owner_id: str | None  # the contact's owner (else its account's) or the account's owner
    owner_name: str
    remind_days: int  # announce this many days before `on`

    @property
    def anniversary_id(self) -> str | None:
        return self.target.partition(":")[2] if self.kind == "custom" else None


@dataclass(frozen=True)
class CustomDateRow:
    """A custom yearly date as the contact's or account's detail pane lists it."""

    id: str
    title: str
    month: int
    day: int
    year: int | None
    remind_days: int


def remind_days(db: Database) -> dict[str, int]:
    """Days before each kind of anniversary its reminder comes (Settings; 3 unless changed).

    A custom date carries its own number (`AnniversaryRow.remind_days`); the "custom" entry is what
    a new custom date starts with."""
    keys = {fixed_id("setting", anniversary_remind_key(kind)): kind for kind in ANNIVERSARY_KINDS}
    stmt = select(Setting.id, Setting.value).where(Setting.id.in_(list(keys)), Setting.deleted_at.is_(None))
    days = dict.fromkeys(ANNIVERSARY_KINDS, ANNIVERSARY_REMIND_DAYS)
    with db.engine.connect() as conn:
        for setting_id, value in conn.execute(stmt):
            if value.isdigit():
                days[keys[setting_id]] = min(int(value), ANNIVERSARY_REMIND_MAX)
    return days


def falls_on(year: int, month: int, day: int) -> date:
    """The day a yearly date falls on in `year`: 29 February on the 28th in common years."""
    if (month, day) == (2, 29) and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)


def _year_spans(start: date, end: date) -> Iterator[tuple[int, str, str]]:
    """(year, first "MM-DD", last "MM-DD") of each calendar year's part of [start, end).

    In a common year a span that reaches 28 February also takes "02-29", which falls on the 28th."""
    year = start.year
    while start < end:
        last = min(end, date(year + 1, 1, 1)) - timedelta(days=1)
        hi = last.strftime("%m-%d")
        if hi == "02-28" and not calendar.isleap(year):
            hi = "02-29"
        yield year, start.strftime("%m-%d"), hi
        year += 1
        start = date(year, 1, 1)


def _md_between(expr: ColumnElement[str], lo: str, hi: str) -> ColumnElement[bool]:
    return and_(expr >= lo, expr <= hi)


def _row(kind: str, target: str, year: int, since: int | None, month: int, day: int, *, title: str,
         customer: str, company: str, contact_id: str | None, account_id: str | None, owner_id: str | None,
         owner_name: str | None, remind: int) -> AnniversaryRow | None:
    """The row for `year`, or None up to the date's own year (nobody has a birthday before birth)."""
    if since is not None and year <= since:
        return None
    return AnniversaryRow(kind, target, falls_on(year, month, day), month, day, since,
                          None if since is None else year - since, title, customer, company, contact_id,
                          account_id, owner_id, owner_name or "", remind)


def anniversaries_between(db: Database, start: date, end: date) -> list[AnniversaryRow]:
    """Every birthday, founding day and custom date falling on a day d with start <= d < end, by day.

    Only anniversaries after the year they started count (the first birthday, the first year of a
    company). Deleted contacts and accounts, and custom dates on them, are left out."""
    days = remind_days(db)
    rows: list[AnniversaryRow] = []
    with db.engine.connect() as conn:
        for year, lo, hi in _year_spans(start, end):
            rows += _birthdays(conn, year, lo, hi, days["birthday"])
            rows += _foundings(conn, year, lo, hi, days["founding"])
            rows += _customs(conn, year, lo, hi)
    rows.sort(key=lambda r: (r.on, ANNIVERSARY_KINDS.index(r.kind), r.customer, r.title, r.target))
    return rows


def upcoming(db: Database, today: date, days: int = UPCOMING_DAYS) -> list[AnniversaryRow]:
    """The anniversaries of today and the `days` days after it (day 0 to day `days`, both shown)."""
    return anniversaries_between(db, today, today + timedelta(days=days + 1))


# Built once: making aliases anew on every call cost more than the queries (the reminder scan asks
# for a few days of anniversaries every time it looks). Core aliases: an ORM one configures every
# mapper when this module is imported, at start.
_EMPLOYER = Account.__table__.alias("employer")  # a contact's account
_OWN = Account.__table__.alias("own_account")  # the account a custom date is on


def _contact_owner() -> tuple[Alias, ColumnElement[str | None]]:
    return _EMPLOYER, func.coalesce(Contact.owner_id, _EMPLOYER.c.owner_id)


def _birthdays(conn: Connection, year: int, lo: str, hi: str, remind: int) -> list[AnniversaryRow]:
    employer, owner = _contact_owner()
    stmt = (
        select(Contact.id, Contact.prefix, Contact.first_name, Contact.last_name, Contact.birthday,
               employer.c.name, owner, User.name)
        .select_from(Contact)
        .outerjoin(employer, and_(employer.c.id == Contact.account_id, employer.c.deleted_at.is_(None)))
        .outerjoin(User, User.id == owner)
        .where(Contact.birthday.is_not(None), Contact.deleted_at.is_(None),
               _md_between(month_day(Contact.birthday), lo, hi))
    )
    found = []
    for cid, prefix, first, last, born, company, owner_id, owner_name in conn.execute(stmt):
        row = _row("birthday", f"contact:{cid}", year, born.year, born.month, born.day, title="",
                   customer=full_name(prefix, first, last), company=company or "", contact_id=cid,
                   account_id=None, owner_id=owner_id, owner_name=owner_name, remind=remind)
        if row is not None:
            found.append(row)
    return found


def _foundings(conn: Connection, year: int, lo: str, hi: str, remind: int) -> list[AnniversaryRow]:
    stmt = (
        select(Account.id, Account.name, Account.founded_on, Account.owner_id, User.name)
        .select_from(Account)
        .outerjoin(User, User.id == Account.owner_id)
        .where(Account.founded_on.is_not(None), Account.deleted_at.is_(None),
               _md_between(month_day(Account.founded_on), lo, hi))
    )
    found = []
    for aid, name, founded, owner_id, owner_name in conn.execute(stmt):
        row = _row("founding", f"account:{aid}", year, founded.year, founded.month, founded.day, title="",
                   customer=name, company="", contact_id=None, account_id=aid, owner_id=owner_id,
                   owner_name=owner_name, remind=remind)
        if row is not None:
            found.append(row)
    return found


def _customs(conn: Connection, year: int, lo: str, hi: str) -> list[AnniversaryRow]:
    employer, contact_owner = _contact_owner()
    own = _OWN
    owner = func.coalesce(contact_owner, own.c.owner_id)
    lo_m, lo_d = (int(p) for p in lo.split("-"))
    hi_m, hi_d = (int(p) for p in hi.split("-"))
    stmt = (
        select(Anniversary.id, Anniversary.title, Anniversary.month, Anniversary.day, Anniversary.year,
               Anniversary.remind_days_before, Contact.id, Contact.prefix, Contact.first_name, Contact.last_name,
               employer.c.name, own.c.id, own.c.name, owner, User.name)
        .select_from(Anniversary)
        .outerjoin(Contact, Contact.id == Anniversary.contact_id)
        .outerjoin(employer, and_(employer.c.id == Contact.account_id, employer.c.deleted_at.is_(None)))
        .outerjoin(own, own.c.id == Anniversary.account_id)
        .outerjoin(User, User.id == owner)
        .where(Anniversary.deleted_at.is_(None), Anniversary.month.between(lo_m, hi_m),
               or_(Anniversary.month > lo_m, Anniversary.day >= lo_d),
               or_(Anniversary.month < hi_m, Anniversary.day <= hi_d),
               or_(and_(Contact.id.is_not(None), Contact.deleted_at.is_(None)),
                   and_(own.c.id.is_not(None), own.c.deleted_at.is_(None))))
    )
    found = []
    for (aid, title, month, day, since, remind, cid, prefix, first, last, company, acc_id, acc_name, owner_id,
         owner_name) in conn.execute(stmt):
        customer = full_name(prefix, first, last) if cid is not None else acc_name
        row = _row("custom", f"anniversary:{aid}", year, since, month, day,
                   title=title, customer=customer, company=(company or "") if cid is not None else "",
                   contact_id=cid, account_id=acc_id, owner_id=owner_id, owner_name=owner_name, remind=remind)
        if row is not None:
            found.append(row)
    return found


def custom_dates(db: Database, *, contact_id: str | None = None, account_id: str | None = None) -> list[CustomDateRow]:
    """The live custom dates of one contact or one account, in calendar order."""
    dates = Anniversary.__table__.c  # the table's columns: the first screen asks (ARCHITECTURE.md, Start-up)
    owner_col = dates.contact_id if contact_id is not None else dates.account_id
    stmt = (
        select(dates.id, dates.title, dates.month, dates.day, dates.year, dates.remind_days_before)
        .where(owner_col == (contact_id if contact_id is not None else account_id), dates.deleted_at.is_(None))
        .order_by(dates.month, dates.day, dates.title)
    )
    with db.engine.connect() as conn:
        return [CustomDateRow(*r) for r in conn.execute(stmt)]
