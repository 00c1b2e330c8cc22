"""Customers' yearly dates falling in a range, for calendar files and the agenda: birthdays of contacts,
founding days of accounts and custom anniversaries on either. 29 February falls on 28 February in
common years; a date counts from the year after it began (the first birthday)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from crm_desktop.db.database import Database
from crm_desktop.models import Account, Anniversary, Contact
from crm_desktop.queries.accounts import full_name


@dataclass(frozen=True)
class YearlyDate:
    """One yearly date on the day `on` it falls on in the range asked for."""

    kind: str  # birthday, founding or custom
    target: str  # "contact:<id>", "account:<id>" or "anniversary:<id>"
    on: date
    month: int
    day: int
    year: int | None  # the year it began, when known
    years: int | None  # the age, or the years since
    title: str  # a custom date's title; empty for birthdays and founding days
    customer: str
    owner_id: str | None  # the contact's owner (else its account's) or the account's owner
    remind_days: int | None


def falls_on(year: int, month: int, day: int) -> date:
    """The day a yearly date falls on in `year`: the month's last day when it lacks the day (29 February)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def yearly_between(db: Database, start: date, end: date) -> list[YearlyDate]:
    """Every live customer's yearly date falling on a day d with start <= d < end, by day."""
    employer = aliased(Account)
    contact_owner = func.coalesce(Contact.owner_id, employer.owner_id)
    contacts = (select(Contact.id, Contact.prefix, Contact.first_name, Contact.last_name, Contact.birthday,
                       contact_owner)
                .outerjoin(employer, employer.id == Contact.account_id)
                .where(Contact.deleted_at.is_(None), Contact.birthday.is_not(None)))
    accounts = select(Account.id, Account.name, Account.founded_on, Account.owner_id).where(
        Account.deleted_at.is_(None), Account.founded_on.is_not(None))
    custom = (
        select(Anniversary.id, Anniversary.title, Anniversary.month, Anniversary.day, Anniversary.year,
               Anniversary.remind_days_before, Account.name, Contact.prefix, Contact.first_name, Contact.last_name,
               func.coalesce(contact_owner, Account.owner_id))
        .outerjoin(Account, Account.id == Anniversary.account_id)
        .outerjoin(Contact, Contact.id == Anniversary.contact_id)
        .outerjoin(employer, employer.id == Contact.account_id)
        .where(Anniversary.deleted_at.is_(None), Account.deleted_at.is_(None), Contact.deleted_at.is_(None))
    )
    dates: list[tuple[str, str, int, int, int | None, str, str, str | None, int | None]] = []
    with db.engine.connect() as conn:
        dates += [("birthday", f"contact:{cid}", born.month, born.day, born.year, "", full_name(prefix, first, last),
                   owner, None) for cid, prefix, first, last, born, owner in conn.execute(contacts)]
        dates += [("founding", f"account:{aid}", founded.month, founded.day, founded.year, "", name, owner, None)
                  for aid, name, founded, owner in conn.execute(accounts)]
        dates += [("custom", f"anniversary:{aid}", month, day, year, title,
                   full_name(prefix, first, last) if first else account or "", owner, remind)
                  for aid, title, month, day, year, remind, account, prefix, first, last, owner in conn.execute(custom)]
    found = []
    for kind, target, month, day, since, title, customer, owner, remind in dates:
        for year in range(start.year, end.year + 1):
            on = falls_on(year, month, day)
            if start <= on < end and (since is None or year > since):
                found.append(YearlyDate(kind, target, on, month, day, since, None if since is None else year - since,
                                        title, customer, owner, remind))
    found.sort(key=lambda d: (d.on, d.kind, d.customer, d.target))
    return found
