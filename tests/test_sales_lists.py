"""The quotations and orders lists: totals summed in SQL equal `money.totals`, every filter, sorting
and paging, late orders at the day boundary, and documents a sync left with too large a discount."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop import money
from crm_desktop.models import Quotation, QuotationLine, SalesOrder, SalesOrderLine, User
from crm_desktop.queries.customer360 import order_totals
from crm_desktop.queries.sales.detail import document_detail
from crm_desktop.queries.sales.documents import (
    DocumentFilter,
    document_count,
    document_head,
    document_keys,
    document_page,
    document_rows,
    document_totals,
)
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

YESTERDAY = TODAY - timedelta(days=1)
_channels = itertools.count()


@dataclass
class LineSpec:
    quantity_milli: int = 1_000
    unit_price_satang: int = 10_000
    discount_bp: int = 0
    discount_satang: int = 0
    vatable: bool = True
    promised_on: date | None = None
    delivered_milli: int = 0

    def money_line(self) -> money.Line:
        return money.Line(self.quantity_milli, self.unit_price_satang, self.discount_bp, self.discount_satang,
                          self.vatable)


def add_document(ctx: AppContext, kind: str, lines: list[LineSpec], **header: object) -> str:
    """A document written straight into the database (as a sync would), lines included."""
    model, line_model, parent = ((Quotation, QuotationLine, "quotation_id") if kind == "quotation"
                                 else (SalesOrder, SalesOrderLine, "order_id"))
    header.setdefault("number", f"X-{next(_channels)}")
    header.setdefault("issued_on", TODAY)
    with ctx.uow() as uow:
        doc = model(**header)
        uow.session.add(doc)
        uow.session.flush()
        for position, spec in enumerate(lines):
            values = {k: v for k, v in vars(spec).items() if kind == "sales_order" or k not in (
                "promised_on", "delivered_milli")}
            uow.session.add(line_model(**{parent: doc.id}, description=f"รายการ {position}", position=position,
                                       **values))
        uow.commit()
    return doc.id


# --- totals in SQL are money.totals ---------------------------------------------------------

gross_line = st.builds(
    LineSpec,
    quantity_milli=st.integers(1, 50_000), unit_price_satang=st.integers(0, 2_000_000),
    discount_bp=st.integers(0, 10_000) | st.just(0), vatable=st.booleans(),
)


@st.composite
def documents(draw: st.DrawFn) -> tuple[list[LineSpec], int, int, bool]:
    lines = draw(st.lists(gross_line, max_size=6))
    for spec in lines:  # an amount discount instead of a percentage on some lines, never above the line
        if spec.discount_bp and draw(st.booleans()):
            gross = money.line_amounts(spec.quantity_milli, spec.unit_price_satang).gross
            spec.discount_bp, spec.discount_satang = 0, draw(st.integers(0, gross))
    subtotal = money.totals(x.money_line() for x in lines).subtotal
    bill = draw(st.integers(0, subtotal) | st.just(subtotal) | st.just(0))
    return lines, bill, draw(st.sampled_from((700, 0, 1_000, 700))), draw(st.booleans())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(documents(), min_size=1, max_size=4), kind=st.sampled_from(("quotation", "sales_order")))
def test_sql_totals_equal_money_totals(ctx: AppContext, docs: list[tuple[list[LineSpec], int, int, bool]],
                                       kind: str) -> None:
    channel = f"c{next(_channels)}"  # this example's documents only
    expected = {}
    for lines, bill, vat_bp, inclusive in docs:
        doc_id = add_document(ctx, kind, lines, bill_discount_satang=bill, vat_bp=vat_bp, prices_include_vat=inclusive,
                              channel=channel)
        expected[doc_id] = money.totals((x.money_line() for x in lines), bill, vat_bp, inclusive)
    flt = DocumentFilter(channel=channel)
    rows = document_rows(ctx.database, kind, document_keys(ctx.database, kind, flt), TODAY)
    assert {r.id: (r.before_vat_satang, r.vat_satang, r.grand_total_satang) for r in rows} == {
        i: (t.before_vat, t.vat, t.grand_total) for i, t in expected.items()}
    assert not any(r.totals_clamped for r in rows)
    assert document_totals(ctx.database, kind, flt, TODAY) == document_totals_of(expected.values())


def document_totals_of(totals: object) -> object:
    from crm_desktop.queries.sales.documents import ListTotals

    found = list(totals)  # type: ignore[call-overload]
    return ListTotals(len(found), sum(t.before_vat for t in found), sum(t.vat for t in found),
                      sum(t.grand_total for t in found), 0)


def test_huge_documents_stay_exact(ctx: AppContext) -> None:
    """A line at the column limits (10^15 satang) with VAT on top, both ways of stating prices."""
    big = LineSpec(quantity_milli=10**9, unit_price_satang=10**9 - 1, discount_bp=3_333)
    for inclusive in (False, True):
        doc = add_document(ctx, "sales_order", [big, big], bill_discount_satang=123_456_789,
                           prices_include_vat=inclusive)
        row = document_rows(ctx.database, "sales_order", [_key(ctx, doc)], TODAY)[0]
        expected = money.totals([big.money_line()] * 2, 123_456_789, 700, inclusive)
        assert (row.before_vat_satang, row.vat_satang, row.grand_total_satang) == (
            expected.before_vat, expected.vat, expected.grand_total)


def _key(ctx: AppContext, doc_id: str) -> str:
    return next(r.id for r in document_page(ctx.database, "sales_order", DocumentFilter(), limit=10_000)
                if r.id == doc_id)


def test_a_discount_over_the_lines_after_a_sync_is_flagged_not_fatal(ctx: AppContext) -> None:
    """Merged edits of two copies: the bill discount exceeds the lines, a baht discount its line."""
    lines = [LineSpec(unit_price_satang=30_000, discount_satang=40_000), LineSpec(unit_price_satang=20_000)]
    doc = add_document(ctx, "quotation", lines, bill_discount_satang=50_000)
    fine = add_document(ctx, "quotation", [LineSpec()])
    rows = {r.id: r for r in document_page(ctx.database, "quotation", DocumentFilter(), today=TODAY)}
    shown = document_detail(ctx.database, "quotation", doc, TODAY)
    assert shown is not None and shown.totals_clamped and rows[doc].totals_clamped and not rows[fine].totals_clamped
    assert rows[doc].grand_total_satang == shown.totals.grand_total == 0
    totals = document_totals(ctx.database, "quotation", DocumentFilter(), TODAY)
    assert (totals.clamped_count, totals.grand_total_satang) == (1, rows[fine].grand_total_satang)


def test_the_customer_page_takes_a_discount_over_its_line_as_the_lists_do(ctx: AppContext) -> None:
    """The same merged edits on an order: the 360 page's total is the detail's and the list's."""
    siam = create_account(ctx.uow(), AccountInput(name="บริษัท สยามพาณิชย์ จำกัด"), TODAY).created[0]
    lines = [LineSpec(unit_price_satang=30_000, discount_satang=40_000), LineSpec(unit_price_satang=20_000)]
    order = add_document(ctx, "sales_order", lines, account_id=siam, status="confirmed", bill_discount_satang=5_000)
    shown = document_detail(ctx.database, "sales_order", order, TODAY)
    row = document_rows(ctx.database, "sales_order", [_key(ctx, order)], TODAY)[0]
    with ctx.database.engine.connect() as conn:
        [(_id, _on, on_page)] = order_totals(conn, "account", siam)
    assert shown is not None and shown.totals_clamped
    assert on_page == row.grand_total_satang == shown.totals.grand_total == 16_050  # (200.00 − 50.00) + 7 %


# --- filters, sorting and paging ------------------------------------------------------------


def rep(ctx: AppContext, name: str) -> str:
    with ctx.uow() as uow:
        user = uow.users.add(User(name=name, role="sales"))
        uow.commit()
    return user.id


@pytest.fixture
def office(ctx: AppContext) -> dict[str, str]:
    """Four orders of two customers (one a B2C contact), two reps, two channels, two months."""
    siam = create_account(ctx.uow(), AccountInput(name="บริษัท สยามพาณิชย์ จำกัด"), TODAY).created[0]
    malee = create_contact(ctx.uow(), ContactInput(first_name="มาลี", last_name="ศรีสุข"), TODAY).created[0]
    somchai, anna = rep(ctx, "สมชาย"), rep(ctx, "Anna")
    return {
        "siam": siam, "malee": malee, "somchai": somchai, "anna": anna,
        "a": add_document(ctx, "sales_order", [LineSpec(unit_price_satang=500_000, promised_on=YESTERDAY)],
                          number="SO2569-0001", account_id=siam, owner_id=somchai, channel="line", status="confirmed"),
        "b": add_document(ctx, "sales_order", [LineSpec(unit_price_satang=100_000, promised_on=TODAY)],
                          number="SO2569-0002", account_id=siam, owner_id=anna, channel="shop", status="confirmed",
                          issued_on=TODAY - timedelta(days=40)),
        "c": add_document(ctx, "sales_order", [LineSpec(unit_price_satang=900_000, promised_on=YESTERDAY,
                                                        delivered_milli=1_000)],
                          number="SO2569-0003", contact_id=malee, owner_id=anna, channel="line", status="delivered",
                          provisional_number="SO2569-7F3A-0001"),
        "d": add_document(ctx, "sales_order", [LineSpec(unit_price_satang=300_000, promised_on=YESTERDAY)],
                          number="SO2569-0004", contact_id=malee, owner_id=somchai, channel="line", status="cancelled"),
    }


def ids(ctx: AppContext, flt: DocumentFilter, sort: str = "date", descending: bool = True,
        kind: str = "sales_order") -> list[str]:
    """The list's ids in order; its head (the first screen: count and first keys) agrees with them."""
    keys = document_keys(ctx.database, kind, flt, sort, descending, TODAY)
    assert document_head(ctx.database, kind, flt, sort, descending, 2, TODAY) == (len(keys), keys[:2])
    return [r.id for r in document_rows(ctx.database, kind, keys, TODAY)]


def names(office: dict[str, str], found: list[str]) -> str:
    by_id = {v: k for k, v in office.items()}
    return "".join(by_id[i] for i in found)


@pytest.mark.parametrize(("flt", "expected"), [
    (DocumentFilter(status="confirmed"), "ab"),
    (DocumentFilter(customer_id="siam"), "ab"),
    (DocumentFilter(customer_id="malee"), "cd"),
    (DocumentFilter(owner_id="anna"), "bc"),
    (DocumentFilter(channel="line"), "acd"),
    (DocumentFilter(month="2026-10"), "b"),
    (DocumentFilter(month="2026-11"), "acd"),
    (DocumentFilter(late_only=True), "a"),  # b is promised today, c delivered, d cancelled
    (DocumentFilter(text="0003"), "c"),
    (DocumentFilter(text="7f3a"), "c"),  # the number a copy gave before the office renumbered it
    (DocumentFilter(text="สยาม"), "ab"),
    (DocumentFilter(text="ศรีสุข"), "cd"),
    (DocumentFilter(text="line", channel="shop"), ""),
])
def test_filters(ctx: AppContext, office: dict[str, str], flt: DocumentFilter, expected: str) -> None:
    resolved = DocumentFilter(**{k: office.get(v, v) if isinstance(v, str) and k in ("customer_id", "owner_id") else v
                                 for k, v in vars(flt).items()})
    assert sorted(names(office, ids(ctx, resolved))) == sorted(expected)
    assert document_count(ctx.database, "sales_order", resolved, TODAY) == len(expected)


def test_late_starts_the_day_after_the_promise(ctx: AppContext, office: dict[str, str]) -> None:
    rows = {r.id: r for r in document_page(ctx.database, "sales_order", DocumentFilter(), today=TODAY)}
    assert [rows[office[k]].late for k in "abcd"] == [True, False, False, False]
    tomorrow = TODAY + timedelta(days=1)
    assert sorted(names(office, [r.id for r in document_page(ctx.database, "sales_order",
                                                              DocumentFilter(late_only=True), today=tomorrow)])) == [
        "a", "b"]


@pytest.mark.parametrize(("sort", "expected"), [
    ("number", "abcd"), ("date", "bacd"), ("total", "bdac"), ("status", "dabc"), ("customer", "abcd"),
])
def test_sorting_both_ways(ctx: AppContext, office: dict[str, str], sort: str, expected: str) -> None:
    """Ties keep the order they were added in, reversed with the sort (b's date is the oldest;
    Thai names sort by code point: บริษัท before มาลี)."""
    assert names(office, ids(ctx, DocumentFilter(), sort, descending=False)) == expected
    assert names(office, ids(ctx, DocumentFilter(), sort, descending=True)) == expected[::-1]


def test_paging_returns_the_same_rows_as_the_keys(ctx: AppContext, office: dict[str, str]) -> None:
    every = ids(ctx, DocumentFilter(), "number")
    pages = [r.id for offset in (0, 2) for r in document_page(ctx.database, "sales_order", DocumentFilter(), "number",
                                                              True, offset, 2, TODAY)]
    assert pages == every
    row = document_page(ctx.database, "sales_order", DocumentFilter(text="0003"), today=TODAY)[0]
    assert (row.customer_name, row.owner_name, row.line_count, row.delivered_line_count) == ("มาลี ศรีสุข", "Anna", 1, 1)
    assert row.grand_total_satang == 963_000


def test_quotations_list_the_newest_revision_of_each_number(ctx: AppContext) -> None:
    first = add_document(ctx, "quotation", [LineSpec()], number="QT2569-0001", superseded=True)
    second = add_document(ctx, "quotation", [LineSpec(unit_price_satang=20_000)], number="QT2569-0001", revision=2,
                          previous_id=first)
    other = add_document(ctx, "quotation", [LineSpec()], number="QT2569-0002")
    newest = {r.id for r in document_page(ctx.database, "quotation", DocumentFilter(), today=TODAY)}
    assert newest == {second, other} == set(ids(ctx, DocumentFilter(), kind="quotation"))
    every = document_page(ctx.database, "quotation", DocumentFilter(all_revisions=True), "number", False, today=TODAY)
    assert [(r.id, r.revision) for r in every] == [(first, 1), (second, 2), (other, 1)]
    assert document_count(ctx.database, "quotation", DocumentFilter(), TODAY) == 2
