"""Use cases of a service case: open (numbered, routed, its due times set), edit, assign, move
through its statuses with their history, first response, resolve, close, reopen, delete with undo.

Statuses: new → assigned → in progress → waiting for the customer → resolved → closed. Every move
writes a `case_status_history` row (from, to, when, who), so the time spent in each status follows
from the history. The due times are set when the case opens (and again when its priority changes)
from the SLA of its priority in working hours (`sla.py`); they are never moved by a status change, so
a breach stays a breach. Every write goes through the unit of work: change log, sync, undo.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from operator import attrgetter

from crm_desktop.clock import office_time
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.models import Account, Case, CaseStatusHistory, Contact, Product, SalesOrder
from crm_desktop.models.service import CASE_CHANNELS, CASE_PRIORITIES, CASE_STATUSES, OPEN_STATUSES
from crm_desktop.services import records, validation
from crm_desktop.services.cases.routing import case_province, route
from crm_desktop.services.cases.sla import due_times, office_hours_in, sla_policy_in
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.sales.numbers import next_number

ENTITY = Entity.CASE
HISTORY = Entity.CASE_STATUS_HISTORY

# The moves a person may make by hand (reopen is its own action: resolved or closed → in progress).
MOVES: dict[str, frozenset[str]] = {
    "new": frozenset({"assigned", "in_progress", "waiting", "resolved", "closed"}),
    "assigned": frozenset({"in_progress", "waiting", "resolved", "closed"}),
    "in_progress": frozenset({"waiting", "resolved", "closed"}),
    "waiting": frozenset({"in_progress", "resolved", "closed"}),
    "resolved": frozenset({"closed", "in_progress"}),
    "closed": frozenset({"in_progress"}),
}
# Moving a case into one of these counts as its first response, when none was recorded.
RESPONDING = frozenset({"in_progress", "waiting", "resolved", "closed"})


@dataclass
class CaseInput:
    """What the case form holds. `owner_id` None on a new case: the routing rules choose."""

    subject: str
    account_id: str | None = None
    contact_id: str | None = None
    product_id: str | None = None
    order_id: str | None = None
    channel: str = ""
    category: str = ""
    priority: str = "normal"
    description: str = ""
    owner_id: str | None = None


@dataclass(frozen=True)
class CaseResult:
    """A case opened or edited: what changed, its id, and the routing rules skipped (shown to the user)."""

    changes: ChangeSet
    case_id: str
    notices: tuple[DomainError, ...] = field(default=())


def _choice(value: str, allowed: tuple[str, ...], field_name: str, template: str) -> str:
    if value not in allowed:
        raise ValidationError(field_name, template, value=value)
    return value


def _link(uow: UnitOfWork, model: type[Account] | type[Contact] | type[Product] | type[SalesOrder],
          row_id: str | None, field_name: str) -> str | None:
    if not row_id:
        return None
    row = uow.session.get(model, row_id)
    if row is None or row.deleted_at is not None:
        raise ValidationError(field_name, "The chosen record was deleted meanwhile. Choose another.")
    return row_id


def _owner(uow: UnitOfWork, owner_id: str | None) -> str | None:
    if owner_id is None:
        return None
    person = uow.users.get(owner_id)
    if person is None or not person.active:
        raise ValidationError("owner_id", "{name} is deactivated: choose someone active to take the case.",
                              name=person.name if person is not None else "?")
    return owner_id


def clean_case(uow: UnitOfWork, data: CaseInput) -> dict[str, object]:
    """The case's column values, validated (commits nothing)."""
    account_id = _link(uow, Account, data.account_id, "account_id")
    contact_id = _link(uow, Contact, data.contact_id, "contact_id")
    if account_id is None and contact_id is None:
        raise ValidationError("account_id", "A case is for a customer: choose a company or a contact.")
    return {
        "subject": validation.column_text(data.subject, Case.subject),
        "description": validation.column_text(data.description, Case.description),
        "account_id": account_id,
        "contact_id": contact_id,
        "product_id": _link(uow, Product, data.product_id, "product_id"),
        "order_id": _link(uow, SalesOrder, data.order_id, "order_id"),
        "channel": _choice(data.channel, CASE_CHANNELS, "channel", "{value} is not a channel of cases."),
        "category": validation.column_text(" ".join(data.category.split()), Case.category),
        "priority": _choice(data.priority, CASE_PRIORITIES, "priority", "{value} is not a priority."),
    }


def _set_due_times(uow: UnitOfWork, case: Case) -> None:
    case.response_due_at, case.sla_due_at = due_times(case.opened_at, case.priority, sla_policy_in(uow),
                                                      office_hours_in(uow))


def create_case(uow: UnitOfWork, data: CaseInput) -> CaseResult:
    """Open a case now: numbered like documents (CS2569-0001), routed when no owner is chosen, due
    times from the SLA of its priority."""
    with uow:
        values = clean_case(uow, data)
        now = uow.now()
        owner_id = _owner(uow, data.owner_id)
        notices: tuple[DomainError, ...] = ()
        if owner_id is None:
            routed = route(uow, str(values["category"]),
                           case_province(uow, values["account_id"], values["contact_id"]))  # type: ignore[arg-type]
            owner_id, notices = routed.owner_id, routed.skipped
        status = "assigned" if owner_id else "new"
        case = Case(**values, owner_id=owner_id, status=status, opened_at=now,
                    number=next_number(uow, "case", office_time(now).date()))
        _set_due_times(uow, case)
        uow.cases.add(case)
        uow.session.flush()  # the history row links to the case's id
        first = uow.case_history.add(CaseStatusHistory(case_id=case.id, from_status="", to_status=status,
                                                       changed_at=now, changed_by=uow.user_id))
        uow.commit()
    return CaseResult(change(ENTITY, created=(case.id,)) | change(HISTORY, created=(first.id,)), case.id, notices)


def _live(uow: UnitOfWork, case_id: str) -> Case:
    case = uow.cases.get(case_id)
    if case is None:
        raise NotFound("The case was deleted by someone else. Refresh the list.")
    return case


def update_case(uow: UnitOfWork, case_id: str, data: CaseInput) -> CaseResult:
    """Save the form; a new priority gives new due times, counted from the opening."""
    with uow:
        case = _live(uow, case_id)
        priority = case.priority
        for key, value in clean_case(uow, data).items():
            if getattr(case, key) != value:
                setattr(case, key, value)
        if data.owner_id != case.owner_id:
            _assign(uow, case, data.owner_id)
        if case.priority != priority:  # otherwise the due times stay, even after the SLA changed
            _set_due_times(uow, case)
        uow.commit()
    return CaseResult(_changed(case_id), case_id)


def _changed(case_id: str) -> ChangeSet:
    return change(ENTITY, updated=(case_id,)) | change(HISTORY)


def _move(uow: UnitOfWork, case: Case, to_status: str) -> None:
    """One status move with its history row and the times it sets."""
    now = uow.now()
    uow.case_history.add(CaseStatusHistory(case_id=case.id, from_status=case.status, to_status=to_status,
                                           changed_at=now, changed_by=uow.user_id))
    if to_status in RESPONDING and case.first_response_at is None:
        case.first_response_at = now
    if to_status in ("resolved", "closed") and case.resolved_at is None:
        case.resolved_at = now
    if to_status == "closed":
        case.closed_at = now
    if to_status in OPEN_STATUSES:
        case.resolved_at = case.closed_at = None
    case.status = to_status


def _assign(uow: UnitOfWork, case: Case, owner_id: str | None) -> None:
    case.owner_id = _owner(uow, owner_id)
    if case.owner_id and case.status == "new":
        _move(uow, case, "assigned")


def assign_case(uow: UnitOfWork, case_id: str, owner_id: str | None) -> ChangeSet:
    """Give the case to someone (a new case becomes assigned) or to nobody (None)."""
    with uow:
        case = _live(uow, case_id)
        if owner_id != case.owner_id:
            _assign(uow, case, owner_id)
        uow.commit()
    return _changed(case_id)


def move_case(uow: UnitOfWork, case_id: str, to_status: str) -> ChangeSet:
    """Move the case to `to_status` (the board's drag, the dialog's buttons); a move the flow does not
    allow is refused with the reason."""
    _choice(to_status, CASE_STATUSES, "status", "{value} is not a status of cases.")
    with uow:
        case = _live(uow, case_id)
        if to_status == case.status:
            return ChangeSet()
        if to_status not in MOVES[case.status]:
            raise ValidationError("status", _refusal(case.status, to_status))
        if to_status == "assigned" and not case.owner_id:
            raise ValidationError("status", "Give the case to someone first.")
        _move(uow, case, to_status)
        uow.commit()
    return _changed(case_id)


def _refusal(from_status: str, to_status: str) -> str:
    if to_status == "new":
        return "A case cannot go back to new."
    if from_status in ("resolved", "closed"):
        return "The case is resolved or closed: reopen it first."
    return "A case already being worked on is not put back to assigned."


def resolve_case(uow: UnitOfWork, case_id: str) -> ChangeSet:
    return move_case(uow, case_id, "resolved")


def close_case(uow: UnitOfWork, case_id: str) -> ChangeSet:
    return move_case(uow, case_id, "closed")


def reopen_case(uow: UnitOfWork, case_id: str) -> ChangeSet:
    """A resolved or closed case back in progress; its due times stay (a breach stays one)."""
    with uow:
        case = _live(uow, case_id)
        if case.status in OPEN_STATUSES:
            raise ValidationError("status", "The case is still open.")
        _move(uow, case, "in_progress")
        uow.commit()
    return _changed(case_id)


def record_first_response(uow: UnitOfWork, case_id: str) -> ChangeSet:
    """Note that the customer got a first answer now (kept if one was noted already)."""
    with uow:
        case = _live(uow, case_id)
        if case.first_response_at is None:
            case.first_response_at = uow.now()
        uow.commit()
    return change(ENTITY, updated=(case_id,))


def case_input(uow: UnitOfWork, case_id: str) -> CaseInput:
    """The stored case as form input, for the edit dialog."""
    with uow:
        case = _live(uow, case_id)
        return CaseInput(**{f.name: getattr(case, f.name) for f in fields(CaseInput)})


def delete_cases(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.soft_delete(uow, attrgetter("cases"), ENTITY, ids)


def restore_cases(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.restore(uow, attrgetter("cases"), ENTITY, ids)
