"""The quotations and orders lists (the Orders tab): filters, sorting and paging in SQL, and each
document's totals summed from its lines in SQL by the rule of `crm_desktop.money`.

A page is read in two steps: the ordered keys of the page (one index scan over the documents, no
lines read unless the list is sorted by total), then the rows of those keys with their totals,
which read only those documents' lines. The whole list's totals (`document_totals`) read every
matching document's lines once.

A document's totals in SQL (`_money`): the lines' nets (line discounts cut to their line, as the
detail does after a sync), the bill discount cut to the subtotal, its share on the VAT-able lines
rounded half up, then VAT once per document. The share of a bill discount is exact while bill
discount × VAT-able amount stays inside 64 bits, i.e. for documents that mix VAT-able and exempt
lines up to about 30 million baht; documents entirely VAT-able or exempt are exact at any size.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, case, func, literal, or_, select, union_all
from sqlalchemy.orm import aliased

from crm_desktop.db.database import Database
from crm_desktop.db.line_amounts import line_discount_cut, line_net
from crm_desktop.db.spelling import position_in, smaller, total
from crm_desktop.models import Account, Contact, Product, Quotation, QuotationLine, SalesOrder, SalesOrderLine, User
from crm_desktop.money import BP
from crm_desktop.queries.accounts import full_name
from crm_desktop.queries.listing import fetch_by_keys, ordered_keys, row_count, text_filter
from crm_desktop.queries.opportunities import month_range
from crm_desktop.text import typed_query

MODELS: dict[str, tuple[Any, Any, str]] = {  # kind: (document, line, the line's document column)
    "quotation": (Quotation, QuotationLine, "quotation_id"),
    "sales_order": (SalesOrder, SalesOrderLine, "order_id"),
}
SORTS = ("number", "date", "customer", "total", "status")


@dataclass(frozen=True)
class DocumentFilter:
    status: str = ""  # one status, "" = any
    customer_id: str = ""  # an account or a contact (B2C) id
    owner_id: str = ""  # the rep
    channel: str = ""
    month: str = ""  # "YYYY-MM": issued in that month
    late_only: bool = False  # orders with a late line (promised before today, not all delivered, not cancelled)
    text: str = ""  # part of the number or provisional number, or of the customer's name
    all_revisions: bool = False  # quotations: every revision, not only the newest of each number


@dataclass(frozen=True)
class DocumentRow:
    id: str
    number: str
    revision: int  # 1 for orders
    provisional_number: str
    status: str
    issued_on: date
    valid_until: date | None  # quotations
    customer_name: str
    account_id: str | None
    contact_id: str | None
    owner_name: str
    channel: str
    before_vat_satang: int
    vat_satang: int
    grand_total_satang: int
    totals_clamped: bool  # a discount exceeded its lines after a sync: totals computed with it cut
    line_count: int
    delivered_line_count: int  # orders: lines delivered in full
    late: bool  # orders: a line is late


@dataclass(frozen=True)
class ListTotals:
    """The sums of the whole filtered list, each document's totals rounded as on the document."""

    count: int
    before_vat_satang: int
    vat_satang: int
    grand_total_satang: int
    clamped_count: int


def _half_up(numerator: Any, denominator: Any) -> ColumnElement[int]:
    return (2 * numerator + denominator) // (2 * denominator)


def _rate_of(amount: Any, rate: Any, denominator: Any) -> ColumnElement[int]:
    """amount × rate / denominator rounded half up, without forming amount × rate (it may pass 64 bits)."""
    return (amount // denominator) * rate + _half_up((amount % denominator) * rate, denominator)


def _line_sums(kind: str, today: date, only: Any = None) -> Any:
    """Per document: subtotal, VAT-able net, whether a line discount was cut, line counts, lateness."""
    _doc, line, parent_name = MODELS[kind]
    parent = getattr(line, parent_name)
    net = line_net(line)
    columns = [
        parent.label("doc_id"),
        total(net).label("subtotal"),
        total(case((line.vatable, net), else_=0)).label("vatable_net"),
        func.max(case((line_discount_cut(line), 1), else_=0)).label("line_cut"),
        func.count().label("lines"),
    ]
    if kind == "sales_order":
        columns += [
            total(case((line.delivered_milli >= line.quantity_milli, 1), else_=0)).label("delivered_lines"),
            func.max(case((and_(line.promised_on < today, line.delivered_milli < line.quantity_milli), 1),
                          else_=0)).label("late_lines"),
        ]
    stmt = select(*columns).where(line.deleted_at.is_(None)).group_by(parent)
    if only is not None:
        stmt = stmt.where(parent.in_(only))
    return stmt.subquery("sums")


def _money(doc: Any, sums: Any) -> dict[str, ColumnElement[Any]]:
    """The document's before-VAT amount, VAT, grand total and clamped flag, as `money.totals`."""
    subtotal = func.coalesce(sums.c.subtotal, 0)
    vatable_net = func.coalesce(sums.c.vatable_net, 0)
    bill = smaller(doc.bill_discount_satang, subtotal)
    amount = subtotal - bill
    share = case((vatable_net == subtotal, bill), (vatable_net == 0, 0),
                 else_=_half_up(bill * vatable_net, subtotal))
    vatable = vatable_net - share
    vat = case((doc.prices_include_vat, _rate_of(vatable, doc.vat_bp, BP + doc.vat_bp)),
               else_=_rate_of(vatable, doc.vat_bp, BP))
    return {
        "before_vat": case((doc.prices_include_vat, amount - vat), else_=amount),
        "vat": vat,
        "grand_total": case((doc.prices_include_vat, amount), else_=amount + vat),
        "clamped": or_(doc.bill_discount_satang > subtotal, func.coalesce(sums.c.line_cut, 0) == 1),
    }


def _contains(column: Any, text: str) -> ColumnElement[bool]:
    return position_in(func.upper(column), text.upper()) > 0


def _conditions(conn: Connection, kind: str, flt: DocumentFilter, today: date) -> list[ColumnElement[bool]]:
    doc, line, parent_name = MODELS[kind]
    cond: list[ColumnElement[bool]] = [doc.deleted_at.is_(None)]
    for value, column in ((flt.status, doc.status), (flt.owner_id, doc.owner_id), (flt.channel, doc.channel)):
        if value:
            cond.append(column == value)
    if flt.customer_id:
        cond.append(or_(doc.account_id == flt.customer_id, doc.contact_id == flt.customer_id))
    if flt.month:
        first, after = month_range(flt.month)
        cond += [doc.issued_on >= first, doc.issued_on < after]
    if kind == "quotation" and not flt.all_revisions:
        newer = aliased(Quotation)
        cond.append(~select(newer.id).where(newer.number == doc.number, newer.revision > doc.revision,
                                            newer.deleted_at.is_(None)).exists())
    if kind == "sales_order" and flt.late_only:
        cond += [doc.status != "cancelled", doc.id.in_(
            select(getattr(line, parent_name)).where(line.promised_on < today, line.deleted_at.is_(None),
                                                     line.delivered_milli < line.quantity_milli))]
    text = typed_query(flt.text)
    if text:
        cond.append(_text_match(conn, doc, text))
    return cond


def _text_match(conn: Connection, doc: Any, text: str) -> ColumnElement[bool]:
    """Documents whose customer's name contains `text` (the accounts' and contacts' search index,
    then the documents' customer indexes), or, when `text` has a digit as every number does, whose
    number or provisional number contains it (a scan of the documents: numbers have no infix index)."""
    key = doc.id
    parts = []
    if any(c.isdigit() for c in text):
        parts.append(select(key).where(doc.deleted_at.is_(None), or_(_contains(doc.number, text),
                                                                      _contains(doc.provisional_number, text))))
    for model, column in ((Account, doc.account_id), (Contact, doc.contact_id)):
        matched = text_filter(conn, model.__table__, text)
        if matched is not None:
            parts.append(select(key).where(doc.deleted_at.is_(None), column.in_(select(model.id).where(matched))))
    return key.in_(union_all(*parts)) if parts else literal(False)


def _customer_sort() -> ColumnElement[str]:
    return func.coalesce(Account.name, Contact.first_name + " " + Contact.last_name, "")


def _ordered(kind: str, stmt: Select[Any], sort: str, descending: bool, today: date,
             cond: Sequence[ColumnElement[bool]]) -> Select[Any]:
    doc = MODELS[kind][0]
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}")
    if sort == "customer":
        stmt = stmt.outerjoin(Account, Account.id == doc.account_id).outerjoin(Contact, Contact.id == doc.contact_id)
        orders: list[Any] = [_customer_sort()]
    elif sort == "total":
        sums = _line_sums(kind, today, select(doc.id).where(*cond))
        stmt = stmt.outerjoin(sums, sums.c.doc_id == doc.id)
        orders = [_money(doc, sums)["grand_total"]]
    elif sort == "number":
        orders = [doc.number] + ([doc.revision] if kind == "quotation" else [])
    elif sort == "date":
        orders = [doc.issued_on]
    else:
        orders = [doc.status]
    key = doc.id
    return stmt.order_by(*(o.desc() if descending else o for o in orders), key.desc() if descending else key)


def _matching(conn: Connection, kind: str, flt: DocumentFilter, today: date) -> tuple[Select[Any], list[Any]]:
    """The ids of the live documents of `kind` matching `flt` (no order yet), and their conditions."""
    doc = MODELS[kind][0]
    cond = _conditions(conn, kind, flt, today)
    return select(doc.id).where(*cond), cond


def document_keys(db: Database, kind: str, flt: DocumentFilter, sort: str = "date", descending: bool = True,
                  today: date | None = None) -> list[str]:
    """Ids of every live document of `kind` ("quotation", "sales_order") matching `flt`, in
    display order (sort: "number", "date", "customer", "total", "status"; newest first by default)."""
    today = today or db.time.today()
    with db.engine.connect() as conn:
        stmt, cond = _matching(conn, kind, flt, today)
        return ordered_keys(conn, _ordered(kind, stmt, sort, descending, today, cond))


def document_head(db: Database, kind: str, flt: DocumentFilter, sort: str, descending: bool, limit: int,
                  today: date) -> tuple[int, list[str]]:
    """How many documents match `flt`, and the ids of the first `limit` in display order (the
    list's first screen). The count reads neither the order nor its joins (a total's line sums):
    unfiltered, a live partial index covers it."""
    with db.engine.connect() as conn:
        stmt, cond = _matching(conn, kind, flt, today)
        first = _ordered(kind, stmt, sort, descending, today, cond).limit(limit)
        return row_count(conn, stmt), ordered_keys(conn, first)


def _row_select(kind: str, only: Any, today: date) -> Select[Any]:
    doc = MODELS[kind][0]
    sums = _line_sums(kind, today, only)
    amounts = _money(doc, sums)
    order_only = kind == "sales_order"
    return (
        select(
            doc.id, doc.number, doc.revision if not order_only else literal(1),
            doc.provisional_number, doc.status, doc.issued_on, doc.valid_until if not order_only else literal(None),
            Account.name, Contact.prefix, Contact.first_name, Contact.last_name, doc.account_id, doc.contact_id,
            func.coalesce(User.name, ""), doc.channel, amounts["before_vat"], amounts["vat"], amounts["grand_total"],
            amounts["clamped"], func.coalesce(sums.c.lines, 0),
            func.coalesce(sums.c.delivered_lines, 0) if order_only else literal(0),
            and_(doc.status != "cancelled", func.coalesce(sums.c.late_lines, 0) == 1) if order_only else literal(False),
        )
        .select_from(doc)
        .outerjoin(sums, sums.c.doc_id == doc.id)
        .outerjoin(Account, Account.id == doc.account_id)
        .outerjoin(Contact, Contact.id == doc.contact_id)
        .outerjoin(User, User.id == doc.owner_id)
    )


def _row(r: Any) -> DocumentRow:
    (doc_id, number, revision, provisional, status, issued_on, valid_until, account_name, prefix, first, last,
     account_id, contact_id, owner, channel, before_vat, vat, grand, clamped, lines, delivered, late) = r
    customer = account_name if account_name is not None else full_name(prefix or "", first or "", last or "")
    return DocumentRow(doc_id, number, revision, provisional, status, issued_on, valid_until, customer,
                       account_id, contact_id, owner, channel, before_vat, vat, grand, bool(clamped), lines, delivered,
                       bool(late))


def document_rows(db: Database, kind: str, keys: Sequence[str], today: date | None = None) -> list[DocumentRow]:
    """Rows for `keys`, in the same order, with their totals; keys deleted meanwhile are skipped."""
    today = today or db.time.today()
    doc = MODELS[kind][0]
    found: dict[str, Any] = {}
    with db.engine.connect() as conn:
        for start in range(0, len(keys), 500):
            part = list(keys[start:start + 500])
            found.update(fetch_by_keys(conn, _row_select(kind, part, today), doc.__table__, part))
    return [_row(found[k]) for k in keys if k in found]


def document_page(db: Database, kind: str, flt: DocumentFilter, sort: str = "date", descending: bool = True,
                  offset: int = 0, limit: int = 100, today: date | None = None) -> list[DocumentRow]:
    """One page of the list: the keys of rows offset…offset + limit in SQL, then their rows."""
    today = today or db.time.today()
    doc = MODELS[kind][0]
    with db.engine.connect() as conn:
        cond = _conditions(conn, kind, flt, today)
        stmt = select(doc.id).where(*cond)
        keys = ordered_keys(conn, _ordered(kind, stmt, sort, descending, today, cond).offset(max(offset, 0))
                            .limit(max(limit, 0)))
    return document_rows(db, kind, keys, today)


def document_count(db: Database, kind: str, flt: DocumentFilter, today: date | None = None) -> int:
    today = today or db.time.today()
    doc = MODELS[kind][0]
    with db.engine.connect() as conn:
        stmt = select(func.count()).select_from(doc).where(*_conditions(conn, kind, flt, today))
        return conn.execute(stmt).scalar() or 0


def document_totals(db: Database, kind: str, flt: DocumentFilter, today: date | None = None) -> ListTotals:
    """The filtered list's count and summed totals (reads the lines of every matching document)."""
    today = today or db.time.today()
    doc = MODELS[kind][0]
    with db.engine.connect() as conn:
        cond = _conditions(conn, kind, flt, today)
        sums = _line_sums(kind, today, select(doc.id).where(*cond))
        amounts = _money(doc, sums)
        stmt = (
            select(func.count(), func.coalesce(total(amounts["before_vat"]), 0),
                   func.coalesce(total(amounts["vat"]), 0), func.coalesce(total(amounts["grand_total"]), 0),
                   func.coalesce(total(case((amounts["clamped"], 1), else_=0)), 0))
            .select_from(doc).outerjoin(sums, sums.c.doc_id == doc.id)
            .where(*cond)
        )
        count, before_vat, vat, grand, clamped = conn.execute(stmt).one()
    return ListTotals(count, before_vat, vat, grand, clamped)


@dataclass(frozen=True)
class OrderExportLine:
    """One order line with its order's header and totals, as `crm-desktop export orders` writes it."""

    order_number: str
    provisional_number: str
    issued_on: date
    status: str
    customer_name: str
    tax_id: str
    branch_code: str
    owner_name: str
    channel: str
    position: int
    sku: str
    description: str
    quantity_milli: int
    unit: str
    unit_price_satang: int
    discount_bp: int
    discount_satang: int
    vatable: bool
    net_satang: int
    promised_on: date | None
    delivered_milli: int
    order_before_vat_satang: int
    order_vat_satang: int
    order_grand_total_satang: int


def order_export_lines(db: Database, month: str = "") -> Iterator[OrderExportLine]:
    """Every live line of the live orders (issued in `month`, "YYYY-MM", if given), by date and
    number; read as they are written out (a large month never sits in memory whole)."""
    today = db.time.today()
    flt = DocumentFilter(month=month)
    line = SalesOrderLine
    net = line_net(line)
    with db.engine.connect() as conn:
        cond = _conditions(conn, "sales_order", flt, today)
        sums = _line_sums("sales_order", today, select(SalesOrder.id).where(*cond))
        amounts = _money(SalesOrder, sums)
        totals = {r[0]: tuple(r[1:]) for r in conn.execute(
            select(SalesOrder.id, amounts["before_vat"], amounts["vat"], amounts["grand_total"])
            .select_from(SalesOrder).outerjoin(sums, sums.c.doc_id == SalesOrder.id).where(*cond))}
        rows = conn.execute(
            select(SalesOrder.id, SalesOrder.number, SalesOrder.provisional_number, SalesOrder.issued_on,
                   SalesOrder.status, Account.name, Contact.prefix, Contact.first_name, Contact.last_name,
                   func.coalesce(Account.tax_id, ""), func.coalesce(Account.branch_code, ""),
                   func.coalesce(User.name, ""), SalesOrder.channel, line.position, func.coalesce(Product.sku, ""),
                   line.description, line.quantity_milli, line.unit, line.unit_price_satang, line.discount_bp,
                   line.discount_satang, line.vatable, net, line.promised_on, line.delivered_milli)
            .select_from(line)
            .join(SalesOrder, SalesOrder.id == line.order_id)
            .outerjoin(Account, Account.id == SalesOrder.account_id)
            .outerjoin(Contact, Contact.id == SalesOrder.contact_id)
            .outerjoin(User, User.id == SalesOrder.owner_id)
            .outerjoin(Product, Product.id == line.product_id)
            .where(line.deleted_at.is_(None), *cond)
            .order_by(SalesOrder.issued_on, SalesOrder.number, line.position, line.id)
        )
        yield from _export_lines(rows, totals)


def _export_lines(rows: Iterable[Any], totals: dict[str, tuple[Any, ...]]) -> Iterator[OrderExportLine]:
    for (order_id, number, provisional, issued_on, status, account_name, prefix, first, last, tax_id, branch, owner,
         channel, position, sku, description, quantity_milli, unit, price, discount_bp, discount_satang, vatable,
         net, promised_on, delivered) in rows:
        customer = account_name if account_name is not None else full_name(prefix or "", first or "", last or "")
        before_vat, vat, grand = totals[order_id]
        yield OrderExportLine(
            number, provisional, issued_on, status, customer, tax_id, branch, owner, channel, position, sku,
            description, quantity_milli, unit, price, discount_bp, discount_satang, bool(vatable), net,
            promised_on, delivered, before_vat, vat, grand)
