"""Sales orders (ใบสั่งขาย): draft → confirmed → partly delivered → delivered → invoiced, or cancelled.

An order is made from an accepted quotation (its lines copied) or directly. A draft is edited
freely; once confirmed, what was sold is fixed and only the promised dates, the delivery address
and the notes change. Deliveries add to each line's delivered quantity, never beyond what was
ordered, and move the status. Confirming marks the deal won. Invoiced and cancelled orders no
longer change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from operator import attrgetter
from typing import Any, cast

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.models import SalesOrder, SalesOrderLine, new_id
from crm_desktop.services import records, validation
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.sales import numbers
from crm_desktop.services.sales.documents import (
    HEADER_COLUMNS,
    OrderInput,
    OrderLineInput,
    assign,
    check_bill_discount,
    clean_header,
    deal_won,
    from_deal,
    quantity,
    write_lines,
)
from crm_desktop.services.sales.lines import LineInput, clean_lines, line_input

ENTITY = Entity.SALES_ORDER
OPEN_FOR_DELIVERY = ("confirmed", "partly_delivered")


@dataclass(frozen=True)
class Delivery:
    """Goods handed over for one order line: how much (thousandths), on which day, with a note."""

    line_id: str
    quantity_milli: int
    on: date
    note: str = ""


def _get(uow: UnitOfWork, order_id: str) -> SalesOrder:
    order = uow.orders.get(order_id)
    if order is None:
        raise NotFound("The order was deleted by someone else. Refresh the list.")
    return order


def _changeable(order: SalesOrder) -> SalesOrder:
    """Invoiced and cancelled orders are final."""
    if order.status == "cancelled":
        raise DomainError("Order {number} is cancelled and can no longer change.", number=order.number)
    if order.status == "invoiced":
        raise DomainError("Order {number} is invoiced and can no longer change.", number=order.number)
    return order


def _clean(uow: UnitOfWork, data: OrderInput, today: date, current: object = None,
           stored: Sequence[SalesOrderLine] = ()) -> tuple[dict[str, object], list[dict[str, object]]]:
    header = clean_header(uow, data, today, current)
    header["delivery_address"] = validation.column_text(data.delivery_address, SalesOrder.delivery_address)
    lines = clean_lines(uow, data.lines, [x.product_id for x in stored])
    for values, line in zip(lines, data.lines, strict=True):
        values["promised_on"] = line.promised_on
    check_bill_discount(data.bill_discount_satang, lines)
    return header, lines


def _new_line(order_id: str) -> Callable[[dict[str, Any]], SalesOrderLine]:
    return lambda values: SalesOrderLine(order_id=order_id, **values)


def _add_order(uow: UnitOfWork, header: dict[str, object], lines: list[dict[str, object]],
               quotation_id: str | None = None) -> SalesOrder:
    issued_on = cast(date, header["issued_on"])
    order = uow.orders.add(SalesOrder(id=new_id(), number=numbers.next_number(uow, "order", issued_on),
                                      quotation_id=quotation_id, **header))
    write_lines(uow, [], lines, _new_line(order.id))
    return order


def new_order_input(uow: UnitOfWork, *, account_id: str | None = None, contact_id: str | None = None,
                    opportunity_id: str | None = None, today: date) -> OrderInput:
    """A new order's form, filled from the deal (customer, owner, channel, product lines) or the customer."""
    with uow:
        data = OrderInput(account_id=account_id, contact_id=contact_id, owner_id=uow.user_id, issued_on=today)
        if opportunity_id:
            data.lines = [_order_line(x) for x in from_deal(uow, data, opportunity_id, account_id, contact_id)]
        return data


def _order_line(line: LineInput, promised_on: date | None = None) -> OrderLineInput:
    return OrderLineInput(**{**vars(line), "promised_on": promised_on})


def order_from_quotation(uow: UnitOfWork, quotation_id: str, today: date) -> ChangeSet:
    """An accepted quotation becomes a draft order dated today, its lines copied (a line whose
    product was deleted since is refused: the office no longer sells it)."""
    with uow:
        quotation = uow.quotations.get(quotation_id)
        if quotation is None:
            raise NotFound("The quotation was deleted by someone else. Refresh the list.")
        if quotation.status != "accepted":
            raise DomainError("Only an accepted quotation becomes an order; {number} has not been accepted.",
                              number=quotation.number)
        made = uow.orders.live_from_quotation([quotation.id])
        if made:
            raise DomainError("Order {order} was already made from quotation {number}.", order=made[0].number,
                              number=quotation.number)
        data = OrderInput(
            **{name: getattr(quotation, name) for name in HEADER_COLUMNS}, lines=[
                _order_line(line_input(x)) for x in uow.quotation_lines.live_of(quotation.id)])
        data.issued_on = today
        header, lines = _clean(uow, data, today, quotation)
        order = _add_order(uow, header, lines, quotation.id)
        uow.commit()
    return change(ENTITY, created=(order.id,))


def create_order(uow: UnitOfWork, data: OrderInput, today: date) -> ChangeSet:
    """A new draft order, numbered from its date (SO2569-0001 by default)."""
    with uow:
        header, lines = _clean(uow, data, today)
        order = _add_order(uow, header, lines)
        uow.commit()
    return change(ENTITY, created=(order.id,))


def update_order(uow: UnitOfWork, order_id: str, data: OrderInput, today: date) -> ChangeSet:
    """Save the form: everything in a draft; after confirmation only the promised dates, the
    delivery address and the notes (what was sold is fixed; cancel and make a new order instead)."""
    with uow:
        order = _changeable(_get(uow, order_id))
        stored = uow.order_lines.live_of(order.id)
        if order.status == "draft":
            header, lines = _clean(uow, data, today, order, stored)
            assign(order, header)
            write_lines(uow, stored, lines, _new_line(order.id))
        else:
            _update_confirmed(order, stored, data)
        uow.commit()
    return change(ENTITY, updated=(order_id,))


def _sold(data: OrderInput) -> OrderInput:
    """The form without what may change after confirmation, to compare with the stored order."""
    return replace(data, delivery_address="", notes="", lines=[
        replace(x, promised_on=None, price_zero_confirmed=True) for x in data.lines])


def _update_confirmed(order: SalesOrder, stored: Sequence[SalesOrderLine], data: OrderInput) -> None:
    """Only the dates, the address and the notes; compared as the form shows the order, not checked
    again, so an order a sync left inconsistent (a discount over its lines) still gets its dates."""
    if _sold(data) != _sold(_as_input(order, stored)):
        raise DomainError("Order {number} is confirmed: only the promised dates, the delivery address and the notes "
                          "can change.", number=order.number)
    assign(order, {"delivery_address": validation.column_text(data.delivery_address, SalesOrder.delivery_address),
                   "notes": validation.column_text(data.notes, SalesOrder.notes)})
    for row, line in zip(stored, data.lines, strict=True):
        assign(row, {"promised_on": line.promised_on})


def _as_input(order: SalesOrder, lines: Sequence[SalesOrderLine]) -> OrderInput:
    return OrderInput(**{name: getattr(order, name) for name in HEADER_COLUMNS},
                      delivery_address=order.delivery_address,
                      lines=[_order_line(line_input(x), x.promised_on) for x in lines])


def order_input(uow: UnitOfWork, order_id: str) -> OrderInput:
    """The stored order as form input, for the edit dialog."""
    with uow:
        order = _get(uow, order_id)
        return _as_input(order, uow.order_lines.live_of(order.id))


def confirm_order(uow: UnitOfWork, order_id: str, today: date, now: datetime) -> ChangeSet:
    """Draft → confirmed: the customer has ordered. The deal is marked won if it is not already."""
    with uow:
        order = _changeable(_get(uow, order_id))
        if order.status != "draft":
            raise DomainError("Order {number} was already confirmed.", number=order.number)
        if not uow.order_lines.live_of(order.id):
            raise DomainError("An order needs at least one line before it is confirmed.")
        order.status, order.confirmed_on = "confirmed", today
        deal = deal_won(uow, order.opportunity_id, now)
        uow.commit()
    return change(ENTITY, updated=(order_id,)) | deal


def record_delivery(uow: UnitOfWork, order_id: str, deliveries: Sequence[Delivery], today: date) -> ChangeSet:
    """Add delivered quantities to the order's lines (never more than ordered); the order becomes
    partly delivered, or delivered once every line is complete."""
    with uow:
        order = _changeable(_get(uow, order_id))
        if order.status == "draft":
            raise DomainError("Confirm order {number} before recording a delivery.", number=order.number)
        lines = uow.order_lines.live_of(order.id)
        by_id = {line.id: (number, line) for number, line in enumerate(lines, start=1)}
        for delivery in deliveries:
            if delivery.line_id not in by_id:
                raise DomainError("A line of this order was changed by someone else. Refresh and try again.")
            number, line = by_id[delivery.line_id]
            _deliver(line, number, delivery, today)
        if all(line.delivered_milli >= line.quantity_milli for line in lines):
            order.status = "delivered"
        elif any(line.delivered_milli for line in lines):
            order.status = "partly_delivered"
        uow.commit()
    return change(ENTITY, updated=(order_id,))


def _deliver(line: SalesOrderLine, number: int, delivery: Delivery, today: date) -> None:
    field = f"line {number}"
    amount = delivery.quantity_milli
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValidationError(field, "Line {number}: a delivered quantity must be more than 0.", number=number)
    if delivery.on > today:
        raise ValidationError(field, "Line {number}: a delivery cannot be dated after today.", number=number)
    left = line.quantity_milli - line.delivered_milli
    if amount > left:
        raise ValidationError(
            field, "Line {number}: {ordered} ordered and {delivered} already delivered; at most {left} more.",
            number=number, ordered=quantity(line.quantity_milli), delivered=quantity(line.delivered_milli),
            left=quantity(max(left, 0)))
    line.delivered_milli += amount
    if line.delivered_on is None or delivery.on > line.delivered_on:
        line.delivered_on = delivery.on
    if delivery.note.strip():
        line.delivery_note = validation.column_text(delivery.note, SalesOrderLine.delivery_note, field)


def mark_invoiced(uow: UnitOfWork, order_id: str, today: date) -> ChangeSet:
    """Delivered → invoiced: the order is billed and closed."""
    with uow:
        order = _changeable(_get(uow, order_id))
        if order.status != "delivered":
            raise DomainError("Only a delivered order can be invoiced; order {number} is not fully delivered yet.",
                              number=order.number)
        order.status, order.invoiced_on = "invoiced", today
        uow.commit()
    return change(ENTITY, updated=(order_id,))


def cancel_order(uow: UnitOfWork, order_id: str, reason: str, today: date) -> ChangeSet:
    """Cancel an order not delivered in full (what was delivered stays recorded); a fully
    delivered order is invoiced instead."""
    with uow:
        order = _changeable(_get(uow, order_id))
        if order.status == "delivered":
            raise DomainError("Order {number} was delivered in full and can no longer be cancelled.",
                              number=order.number)
        text = reason.strip()
        if not text:
            raise ValidationError("cancel_reason", "Give a reason for cancelling the order.")
        order.cancel_reason = validation.column_text(text, SalesOrder.cancel_reason)
        order.status = "cancelled"
        uow.commit()
    return change(ENTITY, updated=(order_id,))


def _kept_for_the_accounts(order: SalesOrder) -> None:
    if order.status == "invoiced":
        raise DomainError("Order {number} is invoiced and is kept for the accounts; it cannot be deleted.",
                          number=order.number)


def delete_orders(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    """Delete with undo; an invoiced order stays (cancel is for orders that did not happen)."""
    return records.soft_delete(uow, attrgetter("orders"), ENTITY, ids, _kept_for_the_accounts)


def restore_orders(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.restore(uow, attrgetter("orders"), ENTITY, ids)
