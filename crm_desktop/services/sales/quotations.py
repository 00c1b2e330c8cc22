"""Quotations (ใบเสนอราคา): draft → sent → accepted / rejected / expired, and revisions.

A draft is edited freely. Once sent, a quotation is what the customer holds: changing it means a
revision, a new draft row with the same number and `revision` + 1 and copies of the lines, while
the sent row is kept as it was and marked `superseded`. Only the newest revision of a number can
change status. Sending moves the deal to the "Quotation" stage when it was in an earlier open stage
(with stage history, as any move).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from operator import attrgetter
from typing import cast

from sqlalchemy import select

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.models import Quotation, QuotationLine, new_id
from crm_desktop.services import records
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.sales import numbers
from crm_desktop.services.sales.documents import (
    HEADER_COLUMNS,
    QuotationInput,
    assign,
    check_bill_discount,
    clean_header,
    deal_to_quotation_stage,
    from_deal,
    line_values,
    write_lines,
)
from crm_desktop.services.sales.lines import clean_lines, line_input

ENTITY = Entity.QUOTATION
VALID_DAYS = 30  # a quotation's validity when none is given


def _get(uow: UnitOfWork, quotation_id: str) -> Quotation:
    quotation = uow.quotations.get(quotation_id)
    if quotation is None:
        raise NotFound("The quotation was deleted by someone else. Refresh the list.")
    return quotation


def _latest(uow: UnitOfWork, quotation_id: str) -> Quotation:
    """The quotation, refused when a newer live revision replaced it (the `superseded` flag says a
    revision was made; deleting that revision makes this one the newest again)."""
    quotation = _get(uow, quotation_id)
    if uow.quotations.revisions(quotation.number)[0].revision > quotation.revision:
        raise DomainError("This is revision {revision} of {number}, and a newer revision exists. "
                          "Work on the newest one.", revision=quotation.revision, number=quotation.number)
    return quotation


def _valid_until(data: QuotationInput, issued_on: date) -> date:
    until = data.valid_until or issued_on + timedelta(days=VALID_DAYS)
    if until < issued_on:
        raise ValidationError("valid_until", "The quotation cannot expire before its date.")
    return until


def _clean(uow: UnitOfWork, data: QuotationInput, today: date, current: Quotation | None = None,
           stored_lines: list[QuotationLine] | None = None) -> tuple[dict[str, object], list[dict[str, object]]]:
    header = clean_header(uow, data, today, current)
    header["valid_until"] = _valid_until(data, cast(date, header["issued_on"]))
    lines = clean_lines(uow, data.lines, [x.product_id for x in stored_lines or ()])
    check_bill_discount(data.bill_discount_satang, lines)
    return header, lines


def new_quotation_input(uow: UnitOfWork, *, opportunity_id: str | None = None, account_id: str | None = None,
                        contact_id: str | None = None, today: date) -> QuotationInput:
    """A new quotation's form, filled from the deal (customer, owner, channel, product lines) or the customer."""
    with uow:
        data = QuotationInput(account_id=account_id, contact_id=contact_id, owner_id=uow.user_id, issued_on=today,
                              valid_until=today + timedelta(days=VALID_DAYS))
        if opportunity_id:
            data.lines = from_deal(uow, data, opportunity_id, account_id, contact_id)
        return data


def create_quotation(uow: UnitOfWork, data: QuotationInput, today: date) -> ChangeSet:
    """A new draft, numbered from the document date (QT2569-0001 by default)."""
    with uow:
        header, lines = _clean(uow, data, today)
        number = numbers.next_number(uow, "quotation", cast(date, header["issued_on"]))
        quotation = uow.quotations.add(Quotation(id=new_id(), number=number, **header))
        write_lines(uow, [], lines, lambda values: QuotationLine(quotation_id=quotation.id, **values))
        uow.commit()
    return change(ENTITY, created=(quotation.id,))


def update_quotation(uow: UnitOfWork, quotation_id: str, data: QuotationInput, today: date) -> ChangeSet:
    """Save the form of a draft; a sent quotation is changed by making a revision."""
    with uow:
        quotation = _latest(uow, quotation_id)
        if quotation.status != "draft":
            raise DomainError("Quotation {number} has been sent. To change it, make a revision.",
                              number=quotation.number)
        stored = uow.quotation_lines.live_of(quotation.id)
        header, lines = _clean(uow, data, today, quotation, stored)
        assign(quotation, header)
        write_lines(uow, stored, lines, lambda values: QuotationLine(quotation_id=quotation.id, **values))
        uow.commit()
    return change(ENTITY, updated=(quotation_id,))


def quotation_input(uow: UnitOfWork, quotation_id: str) -> QuotationInput:
    """The stored quotation as form input, for the edit dialog."""
    with uow:
        q = _get(uow, quotation_id)
        return QuotationInput(**{name: getattr(q, name) for name in HEADER_COLUMNS}, valid_until=q.valid_until,
                              lines=[line_input(x) for x in uow.quotation_lines.live_of(q.id)])


def send_quotation(uow: UnitOfWork, quotation_id: str, today: date, now: datetime) -> ChangeSet:
    """Draft → sent (printed or e-mailed); the deal moves to the "Quotation" stage if it was earlier."""
    with uow:
        quotation = _latest(uow, quotation_id)
        if quotation.status != "draft":
            raise DomainError("Quotation {number} was already sent.", number=quotation.number)
        if not uow.quotation_lines.live_of(quotation.id):
            raise DomainError("A quotation needs at least one line before it is sent.")
        quotation.status, quotation.sent_on = "sent", today
        deal = deal_to_quotation_stage(uow, quotation.opportunity_id, now)
        uow.commit()
    return change(ENTITY, updated=(quotation_id,)) | deal


def _answer(uow: UnitOfWork, quotation_id: str, status: str, today: date) -> ChangeSet:
    with uow:
        quotation = _latest(uow, quotation_id)
        if quotation.status == "draft":
            raise DomainError("Quotation {number} has not been sent yet.", number=quotation.number)
        if quotation.status == "expired":
            raise DomainError("Quotation {number} has expired. Make a revision with a new validity date.",
                              number=quotation.number)
        if quotation.status != "sent":
            raise DomainError("Quotation {number} was already accepted or rejected.", number=quotation.number)
        quotation.status, quotation.decided_on = status, today
        uow.commit()
    return change(ENTITY, updated=(quotation_id,))


def accept_quotation(uow: UnitOfWork, quotation_id: str, today: date) -> ChangeSet:
    """The customer said yes: the quotation can become a sales order."""
    return _answer(uow, quotation_id, "accepted", today)


def reject_quotation(uow: UnitOfWork, quotation_id: str, today: date) -> ChangeSet:
    return _answer(uow, quotation_id, "rejected", today)


def expire_quotations(uow: UnitOfWork, today: date) -> ChangeSet:
    """Sent quotations whose validity ended before `today` become expired (run at start-up and daily)."""
    with uow:
        stale = list(uow.session.scalars(select(Quotation).where(
            Quotation.status == "sent", Quotation.valid_until < today, Quotation.deleted_at.is_(None))))
        for quotation in stale:
            quotation.status = "expired"
        uow.commit()
    return change(ENTITY, updated=tuple(q.id for q in stale))


def revise_quotation(uow: UnitOfWork, quotation_id: str, today: date) -> ChangeSet:
    """A new draft revision (same number, revision + 1, dated today, the lines copied); the old one
    is kept as sent and marked superseded. its `[ENTITY].created[0]` is the new revision."""
    with uow:
        old = _latest(uow, quotation_id)
        if old.status == "draft":
            raise DomainError("Quotation {number} is still a draft: edit it instead of making a revision.",
                              number=old.number)
        validity = (old.valid_until - old.issued_on) if old.valid_until else timedelta(days=VALID_DAYS)
        new = uow.quotations.add(Quotation(
            id=new_id(), number=old.number, provisional_number=old.provisional_number,
            revision=uow.quotations.latest_revision(old.number) + 1, previous_id=old.id, issued_on=today,
            valid_until=today + validity,
            **{name: getattr(old, name) for name in HEADER_COLUMNS if name != "issued_on"},
        ))
        for line in uow.quotation_lines.live_of(old.id):
            uow.quotation_lines.add(QuotationLine(quotation_id=new.id, **line_values(line)))
        old.superseded = True
        uow.commit()
    return change(ENTITY, created=(new.id,), updated=(quotation_id,))


def delete_quotations(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.soft_delete(uow, attrgetter("quotations"), ENTITY, ids)


def restore_quotations(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.restore(uow, attrgetter("quotations"), ENTITY, ids)
