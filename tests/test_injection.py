"""What a user types into a list's filter or the search box is data, never SQL, on a file and on a server:
every text field of every list filter and the search take statements, quotes, wildcards and comment marks,
find only what holds them literally, and leave every table as it was."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from typing import Any

import pytest

from crm_desktop.queries.accounts import AccountFilter, account_keys
from crm_desktop.queries.contacts import ContactFilter, contact_keys
from crm_desktop.queries.leads import LeadFilter, lead_keys
from crm_desktop.queries.opportunities import OpportunityFilter, opportunity_keys
from crm_desktop.queries.products import ProductFilter, product_keys
from crm_desktop.queries.sales.documents import DocumentFilter, document_keys
from crm_desktop.queries.search import search_all
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.leads import LeadInput, create_lead
from crm_desktop.services.products import ProductInput, create_product
from tests.server_helpers import fetch
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

ATTACKS = [
    "'; DROP TABLE account; --",
    "' OR '1'='1",
    "x' OR 1=1 --",
    '" OR ""="',
    "'); DELETE FROM contact; --",
    "1; UPDATE product SET price_satang = 0",
    "%' OR name LIKE '%",
    "\\'; DROP TABLE lead; --",
    "' UNION SELECT id FROM app_user --",
    "$$; DROP TABLE account; $$",
    "?",
    "%s",
    ":name",
    "/* */",
    "1; SELECT pg_sleep(5)",
    "%s %(x)s ?",
    "\\",
    "_%",
    "ศรี'); DELETE FROM contact; --",
]
# A name that is an attack itself: found by typing it, as any name is.
TRICKY_NAME = "ร้าน O'Brien'; DROP TABLE account; --"
TABLES = ("account", "contact", "lead", "product", "opportunity", "sales_order", "quotation", "change")
# Not typed, and never reaching SQL as text: the month filters (picked from a list of months, parsed to
# dates first) and the contacts' kind (b2b, b2c, or anything else for both). The ids (owner, stage,
# account, customer, campaign) are picked from lists too but reach SQL as text: attacked like the rest.
NOT_TYPED = {"month", "close_month", "kind"}


def text_fields(flt: object) -> list[str]:
    return [f.name for f in fields(flt) if f.type in ("str", str) and f.name not in NOT_TYPED]  # type: ignore[arg-type]


def seed(ctx: AppContext) -> None:
    create_account(ctx.uow(), AccountInput(name=TRICKY_NAME), TODAY)
    create_account(ctx.uow(), AccountInput(name="บริษัท สยามการค้า จำกัด"), TODAY)
    create_contact(ctx.uow(), ContactInput(first_name="สมใจ", last_name="ใจดี", email="somjai@example.co.th"), TODAY)
    create_lead(ctx.uow(), LeadInput(first_name="วิภา", company_name="ร้านวิภาแฟชั่น"))
    create_product(ctx.uow(), ProductInput(sku="SKU-1", name_th="ครีมบำรุงผิว", price_satang=35_000))


def snapshot(ctx: AppContext) -> dict[str, list[tuple[object, ...]]]:
    return {t: fetch(ctx, f'SELECT * FROM "{t}" ORDER BY 1') for t in TABLES}


LISTS: list[tuple[object, Callable[[AppContext, Any], list[str]]]] = [
    (AccountFilter(), lambda ctx, f: account_keys(ctx.database, f)),
    (ContactFilter(), lambda ctx, f: contact_keys(ctx.database, f)),
    (LeadFilter(), lambda ctx, f: lead_keys(ctx.database, f)),
    (ProductFilter(active=None), lambda ctx, f: product_keys(ctx.database, f)),
    (OpportunityFilter(), lambda ctx, f: opportunity_keys(ctx.database, f)),
    (DocumentFilter(), lambda ctx, f: document_keys(ctx.database, "quotation", f, today=TODAY)),
    (DocumentFilter(), lambda ctx, f: document_keys(ctx.database, "sales_order", f, today=TODAY)),
]


def test_every_text_field_of_every_list_filter_takes_sql_as_plain_text(ctx: AppContext) -> None:
    seed(ctx)
    before = snapshot(ctx)
    tricky = [i for (i,) in fetch(ctx, "SELECT id FROM account WHERE name = ?", (TRICKY_NAME,))]
    tried = 0
    for blank, keys in LISTS:
        names = text_fields(blank)
        assert "text" in names  # every list has a typed filter
        for name in names:
            for attack in ATTACKS:
                found = keys(ctx, replace(blank, **{name: attack}))  # type: ignore[type-var]
                literal = isinstance(blank, AccountFilter) and name == "text" and attack in TRICKY_NAME
                assert found == (tricky if literal else []), (type(blank).__name__, name, attack)
                tried += 1
    assert tried > 200
    assert snapshot(ctx) == before


def test_search_takes_sql_as_plain_text_and_finds_a_name_that_looks_like_sql(ctx: AppContext) -> None:
    seed(ctx)
    before = snapshot(ctx)
    for attack in ATTACKS:
        literal = [TRICKY_NAME] if attack in TRICKY_NAME else []
        assert [h.title for h in search_all(ctx.database, attack)] == literal, attack
    assert [h.title for h in search_all(ctx.database, "O'Brien'; DROP")] == [TRICKY_NAME]
    assert account_keys(ctx.database, AccountFilter(text="'; DROP TABLE")) == [
        i for (i,) in fetch(ctx, "SELECT id FROM account WHERE name = ?", (TRICKY_NAME,))]
    assert snapshot(ctx) == before
