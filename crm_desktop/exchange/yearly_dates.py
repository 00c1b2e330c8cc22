"""Customers' yearly dates for calendar files and the agenda: birthdays of contacts, founding days of
accounts and custom anniversaries (wedding, first order, membership) on either."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from crm_desktop.db.database import Database
from crm_desktop.models import Account, Anniversary, Contact
from crm_desktop.queries.accounts import full_name


@dataclass(frozen=True)
class YearlyDate:
    """`key` names it for a calendar file's UID ("birthday-<contact id>", "founding-<account id>", or the
    custom anniversary's id); `year` is the first year when known."""

    key: str
    kind: str  # birthday, founding or custom
    title: str  # the custom date's title; empty for birthdays and founding days
    month: int
    day: int
    year: int | None
    customer: str
    remind_days: int | None

    def on(self, year: int) -> date | None:
        """Its date in `year` (None before its first year). A day the month lacks that year (29
        February in a common year) falls on the month's last day, 28 February, as the calendar shows it."""
        if self.year is not None and year < self.year:
            return None
        return date(year, self.month, min(self.day, calendar.monthrange(year, self.month)[1]))

    def dates(self, start: date, end: date) -> list[date]:
        """Its dates d with start <= d < end."""
        found = (self.on(year) for year in range(start.year, end.year + 1))
        return [d for d in found if d is not None and start <= d < end]


def yearly_dates(db: Database, *, person_id: str | None = None) -> list[YearlyDate]:
    """Every live customer's yearly dates, of the customers `person_id` owns or of all."""
    contacts = select(Contact.id, Contact.prefix, Contact.first_name, Contact.last_name, Contact.birthday).where(
        Contact.deleted_at.is_(None), Contact.birthday.is_not(None))
    accounts = select(Account.id, Account.name, Account.founded_on).where(
        Account.deleted_at.is_(None), Account.founded_on.is_not(None))
    custom = (
        select(Anniversary.id, Anniversary.title, Anniversary.month, Anniversary.day, Anniversary.year,
               Anniversary.remind_days_before, Account.name, Contact.prefix, Contact.first_name, Contact.last_name)
        .outerjoin(Account, Account.id == Anniversary.account_id)
        .outerjoin(Contact, Contact.id == Anniversary.contact_id)
        .where(Anniversary.deleted_at.is_(None), Account.deleted_at.is_(None), Contact.deleted_at.is_(None))
    )
    if person_id is not None:
        contacts = contacts.where(Contact.owner_id == person_id)
        accounts = accounts.where(Account.owner_id == person_id)
        custom = custom.where((Account.owner_id == person_id) | (Contact.owner_id == person_id))
    with db.engine.connect() as conn:
        found = [YearlyDate(f"birthday-{cid}", "birthday", "", born.month, born.day, born.year,
                            full_name(prefix, first, last), None)
                 for cid, prefix, first, last, born in conn.execute(contacts.order_by(Contact.id))]
        found += [YearlyDate(f"founding-{aid}", "founding", "", founded.month, founded.day, founded.year, name, None)
                  for aid, name, founded in conn.execute(accounts.order_by(Account.id))]
        for aid, title, month, day, year, remind, account, prefix, first, last in conn.execute(
                custom.order_by(Anniversary.id)):
            customer = full_name(prefix, first, last) if first else account or ""
            found.append(YearlyDate(aid, "custom", title, month, day, year, customer, remind))
    return found
