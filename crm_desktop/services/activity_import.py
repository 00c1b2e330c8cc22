"""Write side of an import of activities (a table's rows or a calendar file's events), in ONE transaction.

Every row passes the activity form's own checks (`plan_activity` / `revise_activity`), so an imported
activity is exactly one a person could have typed, and the flush hook writes the change log (it
syncs), the search index and the match keys. What the form cannot know is resolved here:
- the owner, named in the file by name or e-mail (a person of the office; inactive ones only as
  the form allows), else the importing user;
- the customer ("related to"): the one account, contact, lead or deal with that name, in that order
  of preference, compared as the duplicate warning compares names (titles and legal forms aside);
- a calendar row's own id (fixed by its event's UID), its series' skipped starts
  (`skip_occurrence`, the app's own exceptions) and, for an occurrence that replaced one start of a
  series, the link to that series.
A row updates only the fields the file has; an unchanged row writes nothing. An event of our own
export changes a row only when the event is newer than the row (LAST-MODIFIED is the row's
`updated_at`): exporting, editing in the app and importing the old file keeps the edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from crm_desktop.clock import utc_time
from crm_desktop.db.bulk import Cancelled
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.import_plans.cells import NeutralRow
from crm_desktop.import_plans.plans import DUPLICATE, ERROR, NEW, Preview, RowPlan
from crm_desktop.models import Account, Activity, Contact, Lead, Opportunity, User, new_id
from crm_desktop.services.activities.edit import (
    ActivityInput,
    input_of,
    plan_activity,
    revise_activity,
    skip_occurrence,
)
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.text import company_key, person_key

ENTITY = Entity.ACTIVITY
_LINKED = {"account_id": Account, "contact_id": Contact, "lead_id": Lead, "opportunity_id": Opportunity}
BATCH = 500  # rows between flushes (their objects let go) and progress reports
_FORM = {f.name for f in fields(ActivityInput)}
_COMPARED = ("kind", "subject", "notes", "location", "all_day", "starts_at", "ends_at", "due_on", "status", "priority",
             "remind_minutes", "rrule", "owner_id", "assignee_id", "account_id", "contact_id", "lead_id",
             "opportunity_id", "series_id", "occurrence", "deleted_at")


@dataclass
class ActivityTally:
    """What an import of activities did (or, rolled back, would do)."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    skipped: int = 0
    rejected: list[tuple[int, tuple[DomainError, ...]]] = field(default_factory=list)

    def changes(self) -> ChangeSet:
        new = set(self.created)
        return change(ENTITY, created=self.created, updated=(i for i in self.updated if i not in new))


def _snapshot(row: Activity) -> tuple[Any, ...]:
    return tuple(getattr(row, name) for name in _COMPARED)


class _Names:
    """People and customers named in the file, looked up once per name."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.people: dict[str, str | None] = {}
        self.customers: dict[str, tuple[str, str]] = {}
        self.held: list[Any] = []

    def hold(self) -> None:
        """Keep the people and the named customers loaded (the session holds them weakly, and the
        form's checks look each one up): one query each per batch instead of one per row."""
        session = self.uow.session
        self.held = list(session.scalars(select(User)))
        linked: dict[Any, set[str]] = {}
        for link, record_id in self.customers.values():
            linked.setdefault(_LINKED[link], set()).add(record_id)
        for model, ids in linked.items():
            self.held += session.scalars(select(model).where(model.id.in_(ids))).all()

    def person(self, name: str) -> str:
        wanted = " ".join(name.split()).casefold()
        if wanted not in self.people:
            found = self.uow.session.execute(select(User.id).where(
                User.deleted_at.is_(None),
                (func.lower(User.email) == wanted) | (func.lower(User.name) == wanted))).scalars().all()
            if len(found) == 1:
                self.people[wanted] = found[0]
            else:
                by_name = [u.id for u in self.uow.session.execute(select(User).where(User.deleted_at.is_(None)))
                           .scalars() if " ".join(u.name.split()).casefold() == wanted]
                self.people[wanted] = by_name[0] if len(by_name) == 1 else None
        person = self.people[wanted]
        if person is None:
            raise ValidationError("owner", "Nobody in the office is named {name} or has that e-mail.", name=name)
        return person

    def hold_one(self, link: str, record_id: str) -> None:
        found = self.uow.session.get(_LINKED[link], record_id)
        if found is not None:
            self.held.append(found)

    def customer(self, name: str) -> tuple[str, str]:
        """(link field, id) of the one record called `name`."""
        wanted = " ".join(name.split())
        if wanted not in self.customers:
            self.customers[wanted] = self._customer(wanted)
        return self.customers[wanted]

    def _customer(self, name: str) -> tuple[str, str]:
        session = self.uow.session
        people, company = person_key(name), company_key(name)
        tries: list[tuple[str, Any, Any]] = [
            ("account_id", Account, Account.match_key == company),
            ("contact_id", Contact, Contact.match_key == people),
            ("lead_id", Lead, Lead.match_key.in_({people, company})),
            ("opportunity_id", Opportunity, func.lower(Opportunity.name) == name.casefold()),
        ]
        for link, model, condition in tries:
            if not (people or company) and link != "opportunity_id":
                continue
            stmt = select(model.id).where(model.deleted_at.is_(None), condition).limit(2)
            found = session.execute(stmt).scalars().all()
            if len(found) == 1:
                return link, found[0]
            if found:
                raise ValidationError("related_to", "Several records are named {name}; link the activity by hand.",
                                      name=name)
        raise ValidationError("related_to", "No company, contact, lead or deal is named {name}.", name=name)


def _form(names: _Names, before: ActivityInput, values: dict[str, object]) -> ActivityInput:
    """The form after the file's values (only those it has; a named customer replaces the links)."""
    given = {k: v for k, v in values.items() if k in _FORM}
    if "notes" in values:
        given["details"] = values["notes"]
    if isinstance(values.get("owner"), str):
        given["owner_id"] = names.person(str(values["owner"]))
        given["assignee_id"] = given["owner_id"]
    if isinstance(values.get("related_to"), str):
        link, record = names.customer(str(values["related_to"]))
        names.hold_one(link, record)
        given.update(account_id=None, contact_id=None, lead_id=None, opportunity_id=None)
        given[link] = record
    if given.get("due_on") is not None and "starts_at" not in given:
        given.update(starts_at=None, ends_at=None)  # a new due date on a timed activity makes it dated
    return replace(before, **given)


def _settle_extras(uow: UnitOfWork, row: Activity, values: dict[str, object]) -> None:
    """What the form does not hold: the status, a calendar series' skipped starts, the series link."""
    status = values.get("status")
    if isinstance(status, str):
        row.status = status
    series_id = values.get("series_id")
    occurrence = values.get("occurrence")
    if isinstance(series_id, str) and isinstance(occurrence, datetime):
        row.series_id, row.occurrence = series_id, utc_time(occurrence)
    for start in values.get("skipped", ()):  # type: ignore[attr-defined]
        skip_occurrence(uow, row, start)


def write_activities(uow: UnitOfWork, rows: Sequence[NeutralRow], preview: Preview, *, decision: str = "skip",
                     progress: Callable[[int, int], bool] | None = None) -> ActivityTally:
    """Apply the rows (queries.activity_import.preview_activities planned them) inside the caller's
    open unit of work (services.imports.import_rows: one transaction, committed or rolled back there).

    `decision` for a duplicate (an activity deleted here, or a row repeating an earlier one): "skip"
    it, "update" (a deleted activity comes back with the file's values) or "create" a new one
    anyway. Rows with errors are left out and listed. `progress(done, total)` is called every batch;
    False raises Cancelled."""
    tally = ActivityTally()
    pending: list[str] = []
    made: dict[int, Activity] = {}  # source row → the activity it created, not yet flushed
    created_by: dict[int, str] = {}  # source row → the id of the activity it created
    names = _Names(uow)

    def settle() -> None:
        """Flush and let go of the written objects: memory stays flat, the transaction stays one."""
        uow.session.flush()
        tally.created.extend(pending)
        pending.clear()
        uow.session.expunge_all()
        made.clear()  # what later rows may update is flushed now: found by id
        names.hold()

    plans = list(zip(rows, preview.plans, strict=True))
    with uow.session.no_autoflush:  # nothing this import adds is read back before its flush
        for start in range(0, len(plans), BATCH):
            if progress is not None and not progress(start, len(plans)):
                raise Cancelled()
            batch = plans[start : start + BATCH]
            settle()  # also loads the people and customers the rows name
            names.held += _matched(uow, [plan.match_id for _row, plan in batch if plan.match_id is not None])
            for row, plan in batch:
                _write_row(uow, names, row, plan, decision, tally, made, created_by, pending)
        settle()
    return tally


def _matched(uow: UnitOfWork, ids: list[str]) -> list[Activity]:
    """The activities a batch updates, loaded at once (one query per 500) rather than one per row."""
    return [found for part in range(0, len(ids), 500)
            for found in uow.session.scalars(select(Activity).where(Activity.id.in_(ids[part : part + 500])))]


def _write_row(uow: UnitOfWork, names: _Names, row: NeutralRow, plan: RowPlan, decision: str, tally: ActivityTally,
               made: dict[int, Activity], created_by: dict[int, str], pending: list[str]) -> None:
    if plan.status == ERROR:
        tally.rejected.append((row.source_row, tuple(row.errors)))
        return
    if plan.status == DUPLICATE and decision == "skip":
        tally.skipped += 1
        return
    target: str | Activity | None = plan.match_id
    if plan.match_row is not None:
        target = made.get(plan.match_row) or created_by.get(plan.match_row) if decision == "update" else None
    try:
        if plan.status == NEW or target is None:
            # Checked whole before anything is written: a refused row leaves no trace.
            data = _form(names, ActivityInput(), row.values)
            record = plan_activity(uow, data, row_id=_str(row.values.get("id")) or new_id())
            _settle_extras(uow, record, row.values)
            pending.append(record.id)
            made[row.source_row], created_by[row.source_row] = record, record.id
        else:
            _update(uow, names, target, row.values, tally, deleted_ok=plan.status == DUPLICATE)
    except (ValidationError, NotFound) as err:
        tally.rejected.append((row.source_row, (err,)))


def _update(uow: UnitOfWork, names: _Names, target: str | Activity, values: dict[str, object], tally: ActivityTally,
            *, deleted_ok: bool) -> None:
    record = target if isinstance(target, Activity) else uow.session.get(Activity, target)
    if record is None or (record.deleted_at is not None and not deleted_ok):
        raise NotFound("The matching record was deleted meanwhile; preview the file again.")
    modified = values.get("modified")
    if isinstance(modified, datetime) and record.deleted_at is None \
            and record.updated_at.replace(microsecond=0) >= modified:
        # Our own export of this version or an older one: nothing newer to take (and its DESCRIPTION
        # holds the customer's name before the details, which are not the record's own text).
        tally.unchanged += 1
        return
    before, exceptions = _snapshot(record), len(uow.session.new)
    revise_activity(uow, record, _form(names, input_of(record), values))
    record.deleted_at = None
    _settle_extras(uow, record, values)
    if _snapshot(record) != before or len(uow.session.new) != exceptions:
        tally.updated.append(record.id)
    else:
        tally.unchanged += 1


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None
