"""One quotation or sales order as its detail pane, its PDF and the order's delivery view read it.

The customer block is what gets printed: the account's name, tax id, branch, address, phone and
e-mail (or the B2C contact's), with the person at the account as `contact_name`. It is read as the
customer is now, deleted or not: a document keeps pointing at a customer someone deleted later.

Totals follow from the stored lines by `money.totals`. A sync can leave a document whose bill
discount exceeds its lines (one copy lowered a quantity while another raised the discount, each
change valid where it was made); such totals are computed with the discounts cut to what the
lines allow and `totals_clamped` is set, so the screens show a flag instead of failing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from crm_desktop import money
from crm_desktop.db.database import Database
from crm_desktop.models import (
    Account,
    Contact,
    Opportunity,
    Product,
    Quotation,
    QuotationLine,
    SalesOrder,
    SalesOrderLine,
    User,
)
from crm_desktop.queries.accounts import full_name
from crm_desktop.text import join_address

Source = Database | Session | Connection  # a query runs on its own connection or inside the caller's
KINDS = ("quotation", "sales_order")


@dataclass(frozen=True)
class PartyBlock:
    """The customer as printed. `phone` as stored (E.164); presenters format it."""

    name: str
    tax_id: str
    branch_code: str
    address: str
    phone: str
    email: str
    contact_name: str  # the person at the account ("" for a B2C customer, who is the contact)


@dataclass(frozen=True)
class DetailLine:
    id: str
    position: int
    product_id: str | None
    sku: str
    description: str
    unit: str
    quantity_milli: int
    unit_price_satang: int
    discount_bp: int
    discount_satang: int
    vatable: bool
    net_satang: int
    promised_on: date | None = None  # order lines only from here on
    delivered_milli: int = 0
    delivered_on: date | None = None
    delivery_note: str = ""
    late: bool = False


@dataclass(frozen=True)
class DocumentDetail:
    kind: str  # "quotation" | "sales_order"
    id: str
    number: str
    revision: int
    provisional_number: str
    status: str
    issued_on: date
    valid_until: date | None
    customer: PartyBlock
    account_id: str | None
    contact_id: str | None
    opportunity_id: str | None
    opportunity_name: str
    owner_name: str
    channel: str
    prices_include_vat: bool
    vat_bp: int
    bill_discount_satang: int
    language: str
    payment_terms: str
    remarks: str
    notes: str
    lines: tuple[DetailLine, ...]
    totals: money.Totals
    superseded: bool = False  # a newer live revision exists
    revisions: tuple[tuple[str, int, str], ...] = ()  # (id, revision, status), oldest first
    quotation_id: str | None = None
    order_ids: tuple[str, ...] = ()
    delivery_address: str = ""
    confirmed_on: date | None = None
    invoiced_on: date | None = None
    cancel_reason: str = ""
    totals_clamped: bool = False  # a discount exceeded its lines after a sync (see the module's doc)


@contextmanager
def reading(source: Source) -> Iterator[Session | Connection]:
    """Something to execute selects on: the caller's session or connection, or a new connection."""
    if isinstance(source, Database):
        with source.engine.connect() as conn:
            yield conn
    else:
        yield source


def safe_totals(lines: Iterable[money.Line], bill_discount_satang: int, vat_bp: int,
                prices_include_vat: bool) -> tuple[money.Totals, bool]:
    """`money.totals`, or when a discount exceeds what it comes off (only a sync can store that),
    the totals with each such discount cut to its amount; the flag says whether that happened."""
    kept = list(lines)
    try:
        return money.totals(kept, bill_discount_satang, vat_bp, prices_include_vat), False
    except ValueError:
        pass
    cut = [_clamped_line(line) for line in kept]
    subtotal = sum(money.line_amounts(line.quantity_milli, line.unit_price_satang, line.discount_bp,
                                      line.discount_satang).net for line in cut)
    return money.totals(cut, min(bill_discount_satang, subtotal), vat_bp, prices_include_vat), True


def _clamped_line(line: money.Line) -> money.Line:
    gross = money.line_amounts(line.quantity_milli, line.unit_price_satang).gross
    if line.discount_bp or line.discount_satang <= gross:
        return line
    return money.Line(line.quantity_milli, line.unit_price_satang, 0, gross, line.vatable)


def _net(line: money.Line) -> int:
    """A line's net; a discount over the line (after a sync) leaves 0, as the clamped totals do."""
    cut = _clamped_line(line)
    return money.line_amounts(cut.quantity_milli, cut.unit_price_satang, cut.discount_bp, cut.discount_satang).net


def customer_block(conn: Session | Connection, account_id: str | None, contact_id: str | None) -> PartyBlock:
    """The customer as printed: the account (with the contact as the person to address), or the
    B2C contact alone."""
    contact = conn.execute(select(Contact.__table__).where(Contact.id == contact_id)).mappings().first() \
        if contact_id else None
    person = full_name(contact["prefix"], contact["first_name"], contact["last_name"]) if contact else ""
    account = conn.execute(select(Account.__table__).where(Account.id == account_id)).mappings().first() \
        if account_id else None
    if account is not None:
        return PartyBlock(account["name"], account["tax_id"], account["branch_code"], _address(account),
                          account["phone"], account["email"], person)
    if contact is not None:
        return PartyBlock(person, "", "", _address(contact), contact["mobile"] or contact["phone"], contact["email"],
                          "")
    return PartyBlock("", "", "", "", "", "", "")


def _address(row: Any) -> str:
    return join_address(row["address_line"], row["subdistrict"], row["district"], row["province"], row["postcode"])


_LINE_COLUMNS = ("id", "position", "product_id", "description", "unit", "quantity_milli", "unit_price_satang",
                 "discount_bp", "discount_satang", "vatable")
_DELIVERY_COLUMNS = ("promised_on", "delivered_milli", "delivered_on", "delivery_note")


def _lines(conn: Session | Connection, kind: str, doc_id: str, today: date, cancelled: bool) -> list[DetailLine]:
    model: Any = QuotationLine if kind == "quotation" else SalesOrderLine
    parent = model.quotation_id if kind == "quotation" else model.order_id
    extra = _DELIVERY_COLUMNS if kind == "sales_order" else ()
    stmt = (
        select(*(getattr(model, c) for c in _LINE_COLUMNS + extra), func.coalesce(Product.sku, "").label("sku"))
        .outerjoin(Product, Product.id == model.product_id)
        .where(parent == doc_id, model.deleted_at.is_(None))
        .order_by(model.position, model.id)
    )
    found = []
    for r in conn.execute(stmt):
        values = r._mapping
        net = _net(money.Line(r.quantity_milli, r.unit_price_satang, r.discount_bp, r.discount_satang, r.vatable))
        delivery = {c: values[c] for c in extra}
        if extra:
            delivery["late"] = is_late(r.promised_on, r.delivered_milli, r.quantity_milli, today, cancelled)
        found.append(DetailLine(**{c: values[c] for c in _LINE_COLUMNS}, sku=r.sku, net_satang=net, **delivery))
    return found


def is_late(promised_on: date | None, delivered_milli: int, quantity_milli: int, today: date,
            cancelled: bool) -> bool:
    """An order line is late when its promised day has passed (today is not late yet) and some of
    it is still to deliver, unless the order was cancelled."""
    return promised_on is not None and promised_on < today and delivered_milli < quantity_milli and not cancelled


def document_detail(session: Source, kind: str, doc_id: str, today: date) -> DocumentDetail | None:
    """The live quotation (`kind` "quotation") or sales order ("sales_order") `doc_id`, or None
    when it was deleted or never existed."""
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}")
    model: Any = Quotation if kind == "quotation" else SalesOrder
    with reading(session) as conn:
        head = conn.execute(
            select(model.__table__, func.coalesce(Opportunity.name, "").label("opportunity_name"),
                   func.coalesce(User.name, "").label("owner_name"))
            .outerjoin(Opportunity, Opportunity.id == model.opportunity_id)
            .outerjoin(User, User.id == model.owner_id)
            .where(model.id == doc_id, model.deleted_at.is_(None))
        ).mappings().first()
        if head is None:
            return None
        cancelled = head["status"] == "cancelled"
        lines = _lines(conn, kind, doc_id, today, cancelled)
        totals, clamped = safe_totals(
            (money.Line(x.quantity_milli, x.unit_price_satang, x.discount_bp, x.discount_satang, x.vatable)
             for x in lines), head["bill_discount_satang"], head["vat_bp"], head["prices_include_vat"])
        common = {name: head[name] for name in (
            "id", "number", "provisional_number", "status", "issued_on", "account_id", "contact_id", "opportunity_id",
            "opportunity_name", "owner_name", "channel", "prices_include_vat", "vat_bp", "bill_discount_satang",
            "language", "payment_terms", "remarks", "notes")}
        customer = customer_block(conn, head["account_id"], head["contact_id"])
        if kind == "quotation":
            revisions = conn.execute(
                select(Quotation.id, Quotation.revision, Quotation.status)
                .where(Quotation.number == head["number"], Quotation.deleted_at.is_(None))
                .order_by(Quotation.revision, Quotation.id)
            ).all()
            orders = conn.execute(
                select(SalesOrder.id).where(SalesOrder.quotation_id == doc_id, SalesOrder.deleted_at.is_(None))
                .order_by(SalesOrder.issued_on, SalesOrder.id)
            ).scalars().all()
            return DocumentDetail(
                kind, **common, revision=head["revision"], valid_until=head["valid_until"], customer=customer,
                lines=tuple(lines), totals=totals, superseded=revisions[-1].revision > head["revision"],
                revisions=tuple((r.id, r.revision, r.status) for r in revisions), order_ids=tuple(orders),
                totals_clamped=clamped)
        return DocumentDetail(
            kind, **common, revision=1, valid_until=None, customer=customer, lines=tuple(lines), totals=totals,
            quotation_id=head["quotation_id"], delivery_address=head["delivery_address"],
            confirmed_on=head["confirmed_on"], invoiced_on=head["invoiced_on"], cancel_reason=head["cancel_reason"],
            totals_clamped=clamped)


def quotation_id_by_number(session: Source, number: str, revision: int | None = None) -> str | None:
    """The live quotation numbered `number` (its latest revision unless `revision` is given); a
    number a copy gave before the office renumbered it (`provisional_number`) finds it too."""
    number = number.strip()
    with reading(session) as conn:
        for column in (Quotation.number, Quotation.provisional_number):
            stmt = select(Quotation.id).where(column == number, Quotation.deleted_at.is_(None))
            if revision is not None:
                stmt = stmt.where(Quotation.revision == revision)
            found = conn.execute(stmt.order_by(Quotation.revision.desc(), Quotation.id).limit(1)).scalar()
            if found is not None:
                return str(found)
    return None
