"""Ctrl+K finds quotations and orders by their number (through the number index), the newest
revision only, and by the number a copy gave before the office renumbered it."""

from __future__ import annotations

import sqlite3

import pytest

from crm_desktop.queries.search import find_record, search_all
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.sales.documents import OrderInput, OrderLineInput, QuotationInput
from crm_desktop.services.sales.lines import LineInput
from crm_desktop.services.sales.orders import create_order, delete_orders
from crm_desktop.services.sales.quotations import create_quotation, revise_quotation, send_quotation
from tests.time_helpers import TEST_NOW, TODAY

LINE = LineInput("กล่องของขวัญ", unit_price_satang=59_000)


def hits(ctx: AppContext, text: str) -> list[tuple[str, str, str]]:
    return [(h.kind, h.title, h.subtitle) for h in search_all(ctx.database, text)
            if h.kind in ("quotation", "sales_order")]


def test_numbers_are_found_from_their_start_in_any_case(ctx: AppContext) -> None:
    customer = create_account(ctx.uow(), AccountInput(name="ร้านของขวัญดีดี"), TODAY).created[0]
    q = create_quotation(ctx.uow(), QuotationInput(account_id=customer, lines=[LINE]), TODAY).created[0]
    create_quotation(ctx.uow(), QuotationInput(account_id=customer, lines=[LINE]), TODAY)
    order = create_order(ctx.uow(), OrderInput(account_id=customer, lines=[OrderLineInput(**vars(LINE))]),
                         TODAY).created[0]
    assert hits(ctx, "QT2569-0001") == [("quotation", "QT2569-0001", "ร้านของขวัญดีดี")]
    assert [title for _k, title, _s in hits(ctx, "qt2569")] == ["QT2569-0001", "QT2569-0002"]
    assert hits(ctx, "SO2569") == [("sales_order", "SO2569-0001", "ร้านของขวัญดีดี")]
    assert hits(ctx, "2569-0001") == []  # the start of the number, not any part of it
    send_quotation(ctx.uow(), q, TODAY, TEST_NOW)
    revised = revise_quotation(ctx.uow(), q, TODAY).created[0]
    assert hits(ctx, "QT2569-0001") == [("quotation", "QT2569-0001 rev 2", "ร้านของขวัญดีดี")]
    found = find_record(ctx.database, "quotation", q)  # an older revision is still reachable by id
    assert found is not None and found.title == "QT2569-0001"
    assert find_record(ctx.database, "quotation", revised) is not None
    delete_orders(ctx.uow(), [order])
    assert hits(ctx, "SO2569") == [] and find_record(ctx.database, "sales_order", order) is None


def test_a_renumbered_document_is_found_by_its_first_number(ctx: AppContext) -> None:
    customer = create_account(ctx.uow(), AccountInput(name="Lanna Foods"), TODAY).created[0]
    create_quotation(ctx.uow(), QuotationInput(account_id=customer, lines=[LINE]), TODAY)
    with sqlite3.connect(ctx.database.path) as conn:  # as the office's renumbering leaves it
        conn.execute("UPDATE quotation SET provisional_number = 'QT2569-7F3A-0004'")
    assert hits(ctx, "QT2569-7F3A") == [("quotation", "QT2569-0001 (QT2569-7F3A-0004)", "Lanna Foods")]


@pytest.mark.sqlite_only  # SQLite's query plan
def test_the_number_search_uses_the_number_index(ctx: AppContext) -> None:
    with sqlite3.connect(ctx.database.path) as conn:
        plan = " ".join(str(r) for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM sales_order WHERE deleted_at IS NULL "
            "AND number >= 'SO2569' AND number < 'SO2569' || char(1114111) ORDER BY number LIMIT 10"))
    assert "ix_sales_order_live_number" in plan


@pytest.mark.sqlite_only  # SQLite's query plan
def test_the_provisional_number_search_reads_the_index_of_the_documents_that_have_one(ctx: AppContext) -> None:
    """Not a scan of every order (0.2-0.3 s over 184,000): the few renumbered ones have an index."""
    from crm_desktop.queries.search import DOCUMENTS
    from tests.plan_helpers import query_plans

    plans = query_plans(ctx.database.engine, lambda: search_all(ctx.database, "SO2569-7F3A", kinds=tuple(DOCUMENTS)),
                        lambda sql: "provisional_number >=" in sql)
    assert len(plans) == 1, plans  # one statement for every kind (db.search_index.search_rows)
    assert "ix_quotation_provisional" in plans[0] and "ix_sales_order_provisional" in plans[0], plans
    assert "SCAN r" not in plans[0], plans
