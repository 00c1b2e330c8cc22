"""A customer's timeline: everything that happened with one account, contact, lead or deal, newest first.

Three kinds of entries, merged: activities linked to the record (an account's include its contacts'
and deals' activities), stage moves of its deals (`stage_history`), and edits of the record itself
read from the change log, each edited field with the value it had before (the same field in the
row's previous change that carried it) and who made the edit.

Pages are keyset pages: the entries strictly before a cursor (time, seq), where `seq` is the source
row's key times three plus the kind's rank, unique across kinds, so consecutive pages neither skip
nor repeat an entry even when many share one time. Activities and stage moves come from their
indexes with a LIMIT; edits come from the record's own change rows (`ix_change_row`), which are few.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Date,
    DateTime,
    Select,
    Table,
    and_,
    func,
    literal,
    or_,
    select,
)

from crm_desktop.db.changelog import scalar_default
from crm_desktop.db.database import Database
from crm_desktop.db.spelling import stored_text, tie_key
from crm_desktop.db.times import stored_time
from crm_desktop.models import (
    Account,
    Activity,
    Campaign,
    Change,
    Contact,
    Lead,
    Opportunity,
    Stage,
    StageHistory,
    User,
)
from crm_desktop.models.base import Base
from crm_desktop.models.rules import PHONE, rule_of
from crm_desktop.queries.listing import CHUNK
from crm_desktop.queries.stages import StageRow, default_stage_key

Kind = Literal["activity", "stage", "change"]
KINDS: tuple[Kind, ...] = ("activity", "stage", "change")
_RANK = {"activity": 0, "stage": 1, "change": 2}
PAGE_SIZE = 20
ENTITIES = ("account", "contact", "lead", "opportunity")
_MODELS = {"account": Account, "contact": Contact, "lead": Lead, "opportunity": Opportunity}
# Edits not listed as field changes: a deal's stage is listed as a stage move instead, and the
# probability a move sets with it is the new stage's default.
_NOT_LISTED = {"opportunity": frozenset({"stage_id"})}
_MOVED_WITH_STAGE = frozenset({"stage_id", "probability"})
_MIDNIGHT = " 00:00:00.000000"  # a due date sorts at midnight UTC of that day (07:00 in the office)


@dataclass(frozen=True, order=True)
class Cursor:
    """Where a page ends: the next page holds the entries strictly before it."""

    at: datetime
    seq: int


@dataclass(frozen=True)
class ActivityEntry:
    at: datetime  # UTC: the start, or midnight of the due date (then `all_day`)
    seq: int
    who: str  # the assignee, else the owner
    activity_id: str
    activity_kind: str  # task, meeting, call, email, visit, note
    subject: str
    status: str  # planned, done, cancelled
    outcome: str
    all_day: bool  # a date without a time of day
    recurring: bool
    related: str  # the contact or deal it is linked to besides the record shown ("" if none)
    kind: Kind = "activity"
    customer: tuple[str, str] | None = None  # ("contact" | "account", id): whom it was with (the 360 page)


@dataclass(frozen=True)
class StageMoveEntry:
    at: datetime
    seq: int
    who: str
    opportunity_id: str
    deal: str  # the deal's name (shown on account and contact timelines)
    from_stage: StageRow | None  # None for the stage a deal was created in
    to_stage: StageRow
    amount_satang: int
    kind: Kind = "stage"
    customer: tuple[str, str] | None = None  # the deal's account, else its contact


Form = Literal["text", "phone", "date", "datetime", "bool", "money", "number", "link"]


@dataclass(frozen=True)
class FieldChange:
    """One edited field: values as stored (a link as the linked record's name); `form` says how to show them."""

    field: str
    form: Form
    old: Any
    new: Any


@dataclass(frozen=True)
class ChangeEntry:
    at: datetime
    seq: int
    who: str
    action: Literal["created", "updated", "deleted", "restored"]
    fields: tuple[FieldChange, ...]  # the edited fields ("updated" only)
    kind: Kind = "change"


Entry = ActivityEntry | StageMoveEntry | ChangeEntry


@dataclass(frozen=True)
class TimelinePage:
    entries: tuple[Entry, ...]
    more: bool  # older entries exist

    @property
    def cursor(self) -> Cursor | None:
        """Where the next page starts (None when this page is the last)."""
        if not self.more or not self.entries:
            return None
        last = self.entries[-1]
        return Cursor(last.at, last.seq)


def timeline(
    db: Database, entity: str, record_id: str, *, limit: int = PAGE_SIZE, before: Cursor | None = None,
    kinds: Collection[str] = KINDS,
) -> TimelinePage:
    """The `limit` newest entries of the record's timeline before `before`, of the given kinds."""
    if entity not in ENTITIES:
        raise ValueError(f"no timeline for {entity!r}")
    limit = max(1, limit)
    sources: list[list[Entry]] = []
    with db.engine.connect() as conn:
        if "activity" in kinds:
            sources.append(list(_activities(conn, entity, record_id, limit + 1, before)))
        if "stage" in kinds and entity != "lead":
            sources.append(list(_stage_moves(conn, entity, record_id, limit + 1, before)))
        if "change" in kinds:
            sources.append(_changes(conn, entity, record_id, limit + 1, before))
    merged = list(heapq.merge(*sources, key=lambda e: (e.at, e.seq), reverse=True))
    return TimelinePage(tuple(merged[:limit]), len(merged) > limit)


def _before(at: ColumnElement[Any], seq: ColumnElement[int], cursor: Cursor | None) -> ColumnElement[bool]:
    if cursor is None:
        return literal(True)
    when = stored_time(cursor.at)
    return or_(at < when, and_(at == when, seq < cursor.seq))


# --- activities ---------------------------------------------------------------------------------


def activity_links(entity: str, record_id: str) -> ColumnElement[bool]:
    """The activities of a record: an account's include those of its contacts and deals."""
    if entity == "account":
        return or_(
            Activity.account_id == record_id,
            Activity.contact_id.in_(select(Contact.id).where(Contact.account_id == record_id)),
            Activity.opportunity_id.in_(select(Opportunity.id).where(Opportunity.account_id == record_id)),
        )
    column = {"contact": Activity.contact_id, "lead": Activity.lead_id, "opportunity": Activity.opportunity_id}
    return column[entity] == record_id


def _activities(conn: Connection, entity: str, record_id: str, limit: int, before: Cursor | None
                ) -> Iterator[ActivityEntry]:
    """The page is chosen on the activity table alone (its links' indexes, then a sort of the
    record's activities by time); only the rows kept are joined to people, contacts and deals."""
    table = Activity.__table__
    at = func.coalesce(stored_text(Activity.starts_at), stored_text(Activity.due_on) + _MIDNIGHT,
                       stored_text(Activity.created_at))
    seq = tie_key(table) * 3 + _RANK["activity"]
    page = (
        select(tie_key(table).label("key"), table.c.id.label("row"), at.label("at"))
        .where(activity_links(entity, record_id), Activity.deleted_at.is_(None), _before(at, seq, before))
        .order_by(at.desc(), seq.desc())
        .limit(limit)
        .subquery("page")
    )
    assignee, owner = User.__table__.alias("assignee"), User.__table__.alias("owner")
    stmt = (
        select(
            page.c.key, Activity.starts_at, Activity.due_on, Activity.created_at,
            func.coalesce(assignee.c.name, owner.c.name, ""), Activity.id, Activity.kind, Activity.subject,
            Activity.status, Activity.outcome, Activity.rrule != "",
            func.coalesce(_contact_name(), ""), func.coalesce(Opportunity.name, ""),
            Activity.contact_id, Activity.account_id, Opportunity.account_id, Opportunity.contact_id,
        )
        .select_from(page)
        .join(table, table.c.id == page.c.row)
        .outerjoin(assignee, assignee.c.id == Activity.assignee_id)
        .outerjoin(owner, owner.c.id == Activity.owner_id)
        .outerjoin(Contact, Contact.id == Activity.contact_id)
        .outerjoin(Opportunity, Opportunity.id == Activity.opportunity_id)
        .order_by(page.c.at.desc(), page.c.key.desc())
    )
    for (key, starts, due, created, who, activity_id, kind, subject, status, outcome, recurring,
         contact, deal, *links) in conn.execute(stmt):
        when = starts or (datetime.combine(due, datetime.min.time()) if due else created)
        related = {"account": contact or deal, "contact": deal, "opportunity": contact}.get(entity, "")
        yield ActivityEntry(when, key * 3 + _RANK["activity"], who, activity_id, kind, subject, status, outcome,
                            starts is None and due is not None, bool(recurring), related,
                            customer=_customer(*links))


def _customer(contact_id: str | None, account_id: str | None, deal_account_id: str | None = None,
              deal_contact_id: str | None = None) -> tuple[str, str] | None:
    """Whom an activity or a deal was with: its contact, else its account, else its deal's."""
    for kind, record_id in (("contact", contact_id), ("account", account_id), ("account", deal_account_id),
                            ("contact", deal_contact_id)):
        if record_id:
            return kind, record_id
    return None


def _contact_name() -> ColumnElement[str]:
    return func.trim(Contact.first_name + " " + Contact.last_name)


# --- stage moves --------------------------------------------------------------------------------


def _stage_moves(conn: Connection, entity: str, record_id: str, limit: int, before: Cursor | None
                 ) -> Iterator[StageMoveEntry]:
    table = StageHistory.__table__
    if entity == "opportunity":
        deals: ColumnElement[bool] = StageHistory.opportunity_id == record_id
    else:
        link = Opportunity.account_id if entity == "account" else Opportunity.contact_id
        deals = StageHistory.opportunity_id.in_(select(Opportunity.id).where(link == record_id))
    seq = tie_key(table) * 3 + _RANK["stage"]
    at = stored_text(StageHistory.changed_at)
    to_stage, from_stage = Stage.__table__.alias("to_stage"), Stage.__table__.alias("from_stage")
    stmt = (
        select(
            seq, StageHistory.changed_at, func.coalesce(User.name, ""), StageHistory.opportunity_id,
            func.coalesce(Opportunity.name, ""), StageHistory.amount_satang,
            to_stage.c.id, to_stage.c.name, to_stage.c.position, to_stage.c.probability, to_stage.c.kind,
            from_stage.c.id, from_stage.c.name, from_stage.c.position, from_stage.c.probability, from_stage.c.kind,
            Opportunity.account_id, Opportunity.contact_id,
        )
        .select_from(table)
        .join(to_stage, to_stage.c.id == StageHistory.to_stage_id)
        .outerjoin(from_stage, from_stage.c.id == StageHistory.from_stage_id)
        .outerjoin(User, User.id == StageHistory.changed_by)
        .outerjoin(Opportunity, Opportunity.id == StageHistory.opportunity_id)
        .where(deals, StageHistory.deleted_at.is_(None), _before(at, seq, before))
        .order_by(at.desc(), seq.desc())
        .limit(limit)
    )
    for row in conn.execute(stmt):
        key, when, who, deal_id, deal, amount = row[:6]
        to_row = _stage_row(row[6:11])
        assert to_row is not None  # an inner join
        yield StageMoveEntry(when, key, who, deal_id, deal, _stage_row(row[11:16]), to_row, amount,
                             customer=_customer(None, row[16], None, row[17]))


def _stage_row(values: Iterable[Any]) -> StageRow | None:
    stage_id, name, position, probability, kind = values
    if stage_id is None:
        return None
    return StageRow(stage_id, name, position, probability, kind, default_stage_key(stage_id))


# --- field changes ------------------------------------------------------------------------------


# One logged change as a history entry before names are read: (key, time, user id, action, edits).
_Raw = tuple[int, datetime, str | None, str, list[tuple[str, Any, Any]]]


def _changes(conn: Connection, entity: str, record_id: str, limit: int, before: Cursor | None) -> list[Entry]:
    """The record's edits before `before`, newest first; old values need the whole history of the
    row, which is read once (one index range: a record has tens of changes, not thousands)."""
    table: Table = _MODELS[entity].__table__  # type: ignore[assignment]
    raw = [entry for _seq, entry in _history(conn, table, record_id, timeline=True)]
    shown = sorted((r for r in raw if before is None or Cursor(r[1], r[0]) < before),
                   key=lambda r: (r[1], r[0]), reverse=True)[:limit]
    return _entries(conn, table, shown)


def record_version(db: Database, entity: str, record_id: str) -> int | None:
    """The record's version (its clock) as stored now; None when there is no such record. A form reads
    it before its values, so a change in between makes a needless conflict, never a lost one."""
    table = Base.metadata.tables[entity]
    with db.engine.connect() as conn:
        version: int | None = conn.execute(select(table.c.hlc).where(table.c.id == record_id)).scalar()
    return version


def edits_after(db: Database, entity: str, record_id: str, version: int) -> list[ChangeEntry]:
    """What was changed in the record after its version `version`, oldest first, each field with the value
    it had before: what a save that found the record changed shows (ARCHITECTURE.md, "Several desktops")."""
    table = Base.metadata.tables[entity]
    with db.engine.connect() as conn:
        seen = select(func.max(Change.seq)).where(Change.entity == entity, Change.row_id == record_id,
                                                  Change.hlc == version)
        after = conn.execute(seen).scalar() or 0
        return _entries(conn, table, [entry for seq, entry in _history(conn, table, record_id) if seq > after])


def _history(conn: Connection, table: Table, record_id: str, *, timeline: bool = False) -> list[tuple[int, _Raw]]:
    """Every change of the row in clock order, with its log number; `timeline` leaves out what a
    timeline shows as a stage move instead."""
    stmt = (
        select(Change.seq, Change.changed_at, Change.user_id, Change.fields)
        .where(Change.entity == table.name, Change.row_id == record_id)
        .order_by(Change.hlc, Change.site_id, Change.seq)
    )
    entity = table.name
    hidden = _NOT_LISTED.get(entity, frozenset()) if timeline else frozenset()
    state: dict[str, Any] = {column.key: _logged_default(column) for column in table.c}
    raw: list[tuple[int, _Raw]] = []
    for position, (seq, changed_at, user_id, fields_json) in enumerate(conn.execute(stmt)):
        fields = json.loads(fields_json)
        if position == 0:
            action, edits = "created", []
        elif "deleted_at" in fields:
            action, edits = ("deleted" if fields["deleted_at"] is not None else "restored"), []
        else:
            action = "updated"
            moved = timeline and entity == "opportunity" and "stage_id" in fields
            skipped = hidden | (_MOVED_WITH_STAGE if moved else set())
            edits = [(name, state.get(name), value) for name, value in fields.items()
                     if name in table.c and name not in skipped and value != state.get(name)]
        state.update(fields)
        if action != "updated" or edits:
            raw.append((seq, (seq * 3 + _RANK["change"], changed_at, user_id, action, edits)))
    return raw


def _entries(conn: Connection, table: Table, shown: Iterable[_Raw]) -> list[ChangeEntry]:
    """History entries with the names of the users and of the linked records they mention."""
    shown = list(shown)
    names = _Names(conn)
    for _key, _at, user_id, _action, edits in shown:
        names.want("user", user_id)
        for name, old, new in edits:
            target = _link_target(table, name)
            if target:
                names.want(target, old)
                names.want(target, new)
    names.resolve()
    return [
        ChangeEntry(at, key, names.get("user", user_id), action,  # type: ignore[arg-type]
                    tuple(_field_change(table, name, old, new, names) for name, old, new in edits))
        for key, at, user_id, action, edits in shown
    ]


def _logged_default(column: Any) -> Any:
    """A field's value before any change carried it: its column default, as the log spells it."""
    value = scalar_default(column)
    return value.isoformat() if isinstance(value, date) else value


def _link_target(table: Table, field: str) -> str:
    keys = list(table.c[field].foreign_keys)
    return keys[0].column.table.name if keys else ""


def _form(table: Table, field: str) -> Form:
    column = table.c[field]
    if _link_target(table, field):
        return "link"
    if isinstance(column.type, DateTime):
        return "datetime"
    if isinstance(column.type, Date):
        return "date"
    if isinstance(column.type, Boolean):
        return "bool"
    if field.endswith("_satang"):
        return "money"
    if rule_of(column).pattern == PHONE:
        return "phone"
    return "number" if column.type.python_type is int else "text"


def _field_change(table: Table, field: str, old: Any, new: Any, names: _Names) -> FieldChange:
    form = _form(table, field)
    if form == "link":
        target = _link_target(table, field)
        return FieldChange(field, form, names.get(target, old), names.get(target, new))
    return FieldChange(field, form, _value(form, old), _value(form, new))


def _value(form: Form, value: Any) -> Any:
    """A logged JSON value as the column holds it (dates and times are ISO text in the log)."""
    if value is None:
        return None
    if form == "datetime":
        return datetime.fromisoformat(value)
    if form == "date":
        return date.fromisoformat(value)
    if form == "bool":
        return bool(value)
    return value


class _Names:
    """Display names of linked records (owner, parent company, campaign…), one query per table."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.wanted: dict[str, set[str]] = {}
        self.found: dict[tuple[str, str], str] = {}

    def want(self, table: str, row_id: Any) -> None:
        if isinstance(row_id, str) and row_id:
            self.wanted.setdefault(table, set()).add(row_id)

    def resolve(self) -> None:
        for table, ids in self.wanted.items():
            stmt = _name_query(table)
            if stmt is None:
                continue
            listed = sorted(ids)
            for start in range(0, len(listed), CHUNK):
                for row_id, name in self.conn.execute(stmt.where(stmt.selected_columns[0].in_(
                        listed[start:start + CHUNK]))):
                    self.found[(table, row_id)] = name

    def get(self, table: str, row_id: Any) -> str:
        if not isinstance(row_id, str) or not row_id:
            return ""
        return self.found.get((table, row_id), "")


def _name_query(table: str) -> Select[Any] | None:
    """id and display name of a linked table's rows (deleted ones too: history names them)."""
    person = func.trim(Lead.first_name + " " + Lead.last_name)
    names: dict[str, tuple[Any, Any]] = {
        "user": (User.id, User.name),
        "account": (Account.id, Account.name),
        "contact": (Contact.id, _contact_name()),
        "lead": (Lead.id, func.coalesce(func.nullif(person, ""), Lead.company_name)),
        "opportunity": (Opportunity.id, Opportunity.name),
        "campaign": (Campaign.id, Campaign.name),
        "stage": (Stage.id, Stage.name),
    }
    found = names.get(table)
    return select(*found) if found else None
