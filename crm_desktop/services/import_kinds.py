"""What a kind of record adds to the generic write path of an import (services/imports.py).

A `KindHooks` is made once per import, inside its unit of work: contacts create the company a row
names when no account has it (once per company, in the same transaction) and put a birthday without
its year on the anniversary calendar; leads get their score from the live rules (read once, not per
row). Everything goes through the services' own clean functions and the unit of work, so the change
log, the match keys and the search index are kept as for any edit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import date
from typing import Any

from sqlalchemy import select

from crm_desktop import scoring
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.exchange.fields import MonthDay
from crm_desktop.exchange.mapping import NeutralRow
from crm_desktop.exchange.plans import RowPlan
from crm_desktop.models import Account, Anniversary, Contact
from crm_desktop.services.accounts import AccountInput, clean_account
from crm_desktop.services.anniversaries import CustomDateInput, clean_custom_date
from crm_desktop.services.changes import Changes
from crm_desktop.services.scoring import live_rules
from crm_desktop.text import company_key

BIRTHDAY_TITLE = "วันเกิด"  # the custom date a birthday without its year becomes (titles are the office's text)


class KindHooks:
    """The generic kind: nothing beyond the form's own fields."""

    def __init__(self, uow: UnitOfWork, today: date) -> None:
        self.uow = uow
        self.today = today

    def guard(self, plan: RowPlan) -> AbstractContextManager[object]:
        """Around one row's writing: what undoes the kind's own writes when the row is refused."""
        return nullcontext()

    def prepare(self, values: dict[str, object], row: NeutralRow, plan: RowPlan) -> dict[str, object]:
        """The form values a row sets: its cells' and links', adjusted by the kind."""
        return values

    def derived(self, cleaned: dict[str, object]) -> dict[str, object]:
        """Columns the service derives from the cleaned ones, set on create and on any change."""
        return {}

    def written(self, record: Any, row: NeutralRow, created: bool) -> None:
        """After a row created (not flushed yet: no id) or updated `record`."""

    def flushed(self) -> None:
        """After a flush: the records created since have their ids."""

    def changes(self) -> tuple[Changes, ...]:
        """Other records the import wrote."""
        return ()

    @property
    def companies_created(self) -> int:
        return 0


class LeadHooks(KindHooks):
    """A lead's score under the live scoring rules, as `create_lead` and `update_lead` keep it."""

    def __init__(self, uow: UnitOfWork, today: date) -> None:
        super().__init__(uow, today)
        self.rules = live_rules(uow)

    def derived(self, cleaned: dict[str, object]) -> dict[str, object]:
        return {"score": scoring.score_lead(scoring.lead_values(cleaned), self.rules).total}


class ContactHooks(KindHooks):
    """The company a contact works at (found by the preview or created here) and a birthday without its year."""

    def __init__(self, uow: UnitOfWork, today: date) -> None:
        super().__init__(uow, today)
        self.companies: dict[str, str] = {}  # name key or tax id → account created by this import
        self.yearly: dict[int, MonthDay] = {}  # source row → its birthday without a year
        self.waiting: list[tuple[Contact, MonthDay]] = []  # created, not flushed yet
        self.dates: list[Anniversary] = []  # their ids come with the next flush

    def guard(self, plan: RowPlan) -> AbstractContextManager[object]:
        """A row that creates a company does it in a savepoint: refused, it leaves no company behind."""
        if not plan.new_company or company_key(plan.new_company) in self.companies:
            return nullcontext()
        return self._savepoint()

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        known = dict(self.companies)
        try:
            with self.uow.session.begin_nested():
                yield
        except BaseException:
            self.companies = known
            raise

    def prepare(self, values: dict[str, object], row: NeutralRow, plan: RowPlan) -> dict[str, object]:
        birthday = values.get("birthday")
        if isinstance(birthday, MonthDay):
            self.yearly[row.source_row] = birthday
            values = {k: v for k, v in values.items() if k != "birthday"}
        if plan.new_company:
            tax_id = str(row.values.get("company_tax_id", ""))
            values = {**values, "account_id": self._company(plan.new_company, tax_id)}
        return values

    def _company(self, name: str, tax_id: str) -> str:
        """The account a row names, created once per import (rows after the first find it here)."""
        keys = [k for k in (tax_id, company_key(name)) if k]
        known = next((self.companies[k] for k in keys if k in self.companies), None)
        if known is not None:
            return known
        account = Account(**clean_account(self.uow, AccountInput(name=name, tax_id=tax_id), self.today, None))
        self.uow.accounts.add(account)
        self.uow.session.flush()  # its id, for the contact's link check (clean_contact reads it)
        for key in keys:
            self.companies[key] = account.id
        return account.id

    def written(self, record: Any, row: NeutralRow, created: bool) -> None:
        birthday = self.yearly.pop(row.source_row, None)
        if birthday is None:
            return
        if created:
            self.waiting.append((record, birthday))
        else:
            self._yearly_birthday(record, birthday)

    def flushed(self) -> None:
        for contact, birthday in self.waiting:
            self._yearly_birthday(contact, birthday)
        self.waiting.clear()

    def _yearly_birthday(self, contact: Contact, birthday: MonthDay) -> None:
        """The anniversary calendar's date for a birthday without its year, unless the contact has it
        already (as its birthday or as this date): importing the file again adds nothing."""
        born = contact.birthday
        if born is not None and (born.month, born.day) == (birthday.month, birthday.day):
            return
        stmt = select(Anniversary.id).where(
            Anniversary.contact_id == contact.id, Anniversary.deleted_at.is_(None), Anniversary.title == BIRTHDAY_TITLE,
            Anniversary.month == birthday.month, Anniversary.day == birthday.day).limit(1)
        if self.uow.session.scalar(stmt) is not None:
            return
        data = CustomDateInput(BIRTHDAY_TITLE, birthday.month, birthday.day, contact_id=contact.id)
        self.dates.append(self.uow.anniversaries.add(Anniversary(**clean_custom_date(self.uow, data, self.today))))

    def changes(self) -> tuple[Changes, ...]:
        return (Changes("account", created=tuple(dict.fromkeys(self.companies.values()))),
                Changes("anniversary", created=tuple(a.id for a in self.dates)))

    @property
    def companies_created(self) -> int:
        return len(set(self.companies.values()))
