"""What a kind of record adds to the generic write path of an import (services/imports.py).

A `KindHooks` is made once per import, inside its unit of work: contacts create the company a row
names when no account has it (once per company, in the same transaction, after the contact passed
its own rules) and put a birthday without
its year on the anniversary calendar; leads get their score from the live rules (read once, not per
row). Everything goes through the services' own clean functions and the unit of work, so the change
log, the match keys and the search index are kept as for any edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select

from crm_desktop import scoring
from crm_desktop.db.bulk import PackedRows, insert_in_session
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.db.value_sets import one_of
from crm_desktop.import_plans.cells import MonthDay, NeutralRow
from crm_desktop.import_plans.plans import RowPlan
from crm_desktop.models import Account, Anniversary, Contact
from crm_desktop.models.base import new_id, new_ids
from crm_desktop.services.accounts import AccountInput, clean_account
from crm_desktop.services.anniversaries import CustomDateInput, clean_custom_date, setting_days
from crm_desktop.services.changes import Changes, ChangeSet, Entity
from crm_desktop.services.scoring import live_rules
from crm_desktop.text import company_key

BIRTHDAY_TITLE = "วันเกิด"  # the custom date a birthday without its year becomes (titles are the office's text)


def _column(record: Any, name: str) -> Any:
    """A column of an ORM record or of the columns of one going in the bulk way."""
    return record.get(name) if isinstance(record, dict) else getattr(record, name)


class KindHooks:
    """The generic kind: nothing beyond the form's own fields."""

    def __init__(self, uow: UnitOfWork, today: date) -> None:
        self.uow = uow
        self.today = today

    def prepare(self, values: dict[str, object], row: NeutralRow, plan: RowPlan) -> dict[str, object]:
        """The form values a row sets: its cells' and links', adjusted by the kind."""
        return values

    def derived(self, cleaned: dict[str, object]) -> dict[str, object]:
        """Columns the service derives from the cleaned ones, set on create and on any change."""
        return {}

    def written(self, record: Any, row: NeutralRow, created: bool, index: int | None = None) -> dict[str, object]:
        """After a row passed its clean and created or updated `record`: an ORM object (a new one has no
        id before the next flush), or the columns of one going in the bulk way, the `index`-th of them.
        Returns the form fields this set on it further, where they differed."""
        return {}

    def inserted(self, ids: Sequence[str]) -> None:
        """After the bulk insert: the records that went that way have these ids, in order."""

    def flushed(self) -> None:
        """After a flush (or the bulk insert): the records created since have their ids."""

    def changes(self) -> ChangeSet:
        """Other records the import wrote."""
        return ChangeSet()

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
    """The company a contact works at (found by the preview, or made here) and a birthday without its year."""

    def __init__(self, uow: UnitOfWork, today: date) -> None:
        super().__init__(uow, today)
        self.companies: dict[str, str] = {}  # name key or tax id → account created by this import
        # name key or tax id → all the company's keys and its cleaned columns
        self.planned: dict[str, tuple[tuple[str, ...], dict[str, object]]] = {}
        self.company_of: dict[int, str] = {}  # source row → the key of the company it creates
        self.made: dict[str, Account] = {}  # until the next flush writes them (then they are read back)
        self.adopting: dict[int, tuple[tuple[str, ...], dict[str, object]]] = {}  # source row → its tax id given
        self.yearly: dict[int, MonthDay] = {}  # source row → its birthday without a year
        self.waiting: list[tuple[Contact, MonthDay]] = []  # until the next flush gives new contacts their ids
        self.bulk_waiting: list[tuple[int, date | None, MonthDay]] = []  # (index in the bulk insert, …)
        self.seen: set[tuple[str, MonthDay]] = set()
        self.dates: list[Anniversary] = []  # their ids come with the next flush
        self.remind_days: int | None = None
        self.new_dates = PackedRows(Anniversary)  # the dates of new contacts, waiting for the bulk insert
        self.inserted_dates: list[str] = []

    def prepare(self, values: dict[str, object], row: NeutralRow, plan: RowPlan) -> dict[str, object]:
        birthday = values.get("birthday")
        if isinstance(birthday, MonthDay):
            self.yearly[row.source_row] = birthday
            values = {k: v for k, v in values.items() if k != "birthday"}
        if plan.new_company:
            self._plan_company(row.source_row, plan.new_company, str(row.values.get("company_tax_id", "")))
        return values

    def _plan_company(self, source_row: int, name: str, tax_id: str) -> None:
        """Check the company a row names as the account form would (a refusal is the row's error); it is
        made only once the contact passed its own rules, so a refused row leaves no company behind.

        Rows find a company of this import as the preview finds accounts: by the tax id, else the name.
        The first row naming it gives its name; a later one its tax id, if it had none yet (so that the
        next import finds it by either, as this one did)."""
        keys = tuple(k for k in (tax_id, company_key(name)) if k)  # the name's key is never empty (the preview)
        known = next((k for k in keys if k in self.planned), None)
        if known is None:
            cleaned = clean_account(self.uow, AccountInput(name=name, tax_id=tax_id), self.today, None)
            self.planned.update(dict.fromkeys(keys, (keys, cleaned)))
            known = keys[0]
        elif tax_id and tax_id not in self.planned and not self.planned[known][1]["tax_id"]:
            first_keys, first = self.planned[known]
            cleaned = clean_account(self.uow, AccountInput(name=str(first["name"]), tax_id=tax_id), self.today,
                                    self.companies.get(known))
            self.adopting[source_row] = ((tax_id, *first_keys), cleaned)
        self.company_of[source_row] = known

    def _company(self, key: str, adopted: tuple[tuple[str, ...], dict[str, object]] | None) -> str:
        """The account of a planned company, made once per import (rows after the first find it here),
        with the tax id a later row `adopted` for it."""
        if adopted is not None:
            keys, cleaned = adopted
            self.planned.update(dict.fromkeys(keys, adopted))
            if key in self.companies:
                account = self.made.get(self.companies[key]) or self.uow.session.get(Account, self.companies[key])
                account.tax_id, account.branch_code = cleaned["tax_id"], cleaned["branch_code"]
                self.companies[keys[0]] = account.id
        if key not in self.companies:
            keys, cleaned = self.planned[key]
            # Its id now: the contacts link to it before the next flush writes both (companies first)
            account = self.uow.accounts.add(Account(id=new_id(), **cleaned))
            self.companies.update(dict.fromkeys(keys, account.id))
            self.made[account.id] = account
        return self.companies[key]

    def written(self, record: Any, row: NeutralRow, created: bool, index: int | None = None) -> dict[str, object]:
        added: dict[str, object] = {}
        if (key := self.company_of.pop(row.source_row, None)) is not None:
            account_id = self._company(key, self.adopting.pop(row.source_row, None))
            if _column(record, "account_id") != account_id:
                added["account_id"] = account_id
                if isinstance(record, dict):
                    record["account_id"] = account_id
                else:
                    record.account_id = account_id
        if (birthday := self.yearly.pop(row.source_row, None)) is not None:
            if index is None:
                self.waiting.append((record, birthday))
            else:  # dated once the bulk insert gives it its id
                self.bulk_waiting.append((index, _column(record, "birthday"), birthday))
        return added

    def flushed(self) -> None:
        self.made.clear()
        for contact, birthday in self.waiting:
            self._yearly_birthday_once(contact.id, contact.birthday, birthday)
        self.waiting.clear()

    def inserted(self, ids: Sequence[str]) -> None:
        # The new contacts the dates go on, loaded in one query (the date's clean checks each exists)
        # and held while they are dated; new, they have no date yet to look for.
        wanted = [ids[index] for index, _, _ in self.bulk_waiting]
        held = list(self.uow.session.scalars(select(Contact).where(one_of(Contact.id, wanted)))) if wanted else []
        for index, born, birthday in self.bulk_waiting:
            self._yearly_birthday_once(ids[index], born, birthday, new=True)
        self.bulk_waiting.clear()
        del held
        if self.new_dates:  # the dates of new contacts go in the bulk way too
            date_ids = new_ids(len(self.new_dates))
            insert_in_session(self.uow.session, self.uow.database, self.new_dates.with_ids(date_ids))
            self.inserted_dates += date_ids
            self.new_dates = PackedRows(Anniversary)

    def _yearly_birthday_once(self, contact_id: str, born: date | None, birthday: MonthDay, new: bool = False) -> None:
        if (contact_id, birthday) not in self.seen:  # a contact twice in the file: its date once
            self.seen.add((contact_id, birthday))
            # Not flushed before each lookup (one flush a date cost 10,000 vCards 5 s): a date this import
            # added is never looked for again, `seen` has it; what the lookup must find is in the file.
            with self.uow.session.no_autoflush:
                self._yearly_birthday(contact_id, born, birthday, new)

    def _yearly_birthday(self, contact_id: str, born: date | None, birthday: MonthDay, new: bool) -> None:
        """The anniversary calendar's date for a birthday without its year, unless the contact has it
        already (as its birthday or as this date): importing the file again adds nothing."""
        if born is not None and (born.month, born.day) == (birthday.month, birthday.day):
            return
        if not new and self.uow.session.scalar(select(Anniversary.id).where(
                Anniversary.contact_id == contact_id, Anniversary.deleted_at.is_(None),
                Anniversary.title == BIRTHDAY_TITLE, Anniversary.month == birthday.month,
                Anniversary.day == birthday.day).limit(1)) is not None:
            return
        if self.remind_days is None:  # the setting, read once an import
            self.remind_days = setting_days(self.uow, "custom")
        data = CustomDateInput(BIRTHDAY_TITLE, birthday.month, birthday.day, contact_id=contact_id,
                               remind_days=self.remind_days)
        columns = clean_custom_date(self.uow, data, self.today)
        if new:
            self.new_dates.append(columns)
        else:
            self.dates.append(self.uow.anniversaries.add(Anniversary(**columns)))

    def changes(self) -> ChangeSet:
        return ChangeSet((Changes(Entity.ACCOUNT, created=tuple(self.companies.values())),
                          Changes(Entity.ANNIVERSARY, created=(*(a.id for a in self.dates), *self.inserted_dates))))

    @property
    def companies_created(self) -> int:
        return len(set(self.companies.values()))
