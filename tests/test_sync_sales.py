"""Products, quotations, orders and their lines travel by sync file; copies numbering offline at
the same time never give one number twice; three copies whose files arrive out of clock order end
up identical, with concurrent revisions, deliveries and discounts resolved as ARCHITECTURE says."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.models import Product
from crm_desktop.queries.sales.detail import document_detail
from crm_desktop.queries.sales.documents import DocumentFilter, document_page, document_totals
from crm_desktop.queries.search import search_all
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.sales.documents import OrderInput, OrderLineInput, QuotationInput
from crm_desktop.services.sales.lines import LineInput
from crm_desktop.services.sales.numbers import renumber_from_copies
from crm_desktop.services.sales.orders import Delivery, confirm_order, create_order, record_delivery
from crm_desktop.services.sales.quotations import (
    create_quotation,
    quotation_input,
    revise_quotation,
    send_quotation,
    update_quotation,
)
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.sync_helpers import dump, new_copy
from tests.time_helpers import TODAY

SITES = {"office": "0ff1ce0000000001", "rep": "7f3a000000000002", "branch": "b2a7000000000003"}
SALES_TABLES = ("product", "quotation", "quotation_line", "sales_order", "sales_order_line")
LINE = LineInput("พัดลมตั้งพื้น 16 นิ้ว", quantity_milli=2_000, unit_price_satang=129_000, unit="ตัว")


@pytest.fixture
def office_copies(template: Path, tmp_path: Path, clock: FixedClock) -> Iterator[dict[str, AppContext]]:
    """Three copies with fixed copy codes; the office has numbered once (it is the office) and every
    copy started from its file, as a new laptop does."""
    made = {name: new_copy(template, tmp_path, name, clock, site=site) for name, site in SITES.items()}
    try:
        yield made
    finally:
        for ctx in made.values():
            ctx.close()


_files = itertools.count()


def send(src: AppContext, dst: AppContext, folder: Path) -> None:
    path = folder / f"file{next(_files)}.zip"
    export_bundle(src.database, path, everything=True)
    import_bundle(dst.database, dst.user_id, path)


def converge(copies: dict[str, AppContext], folder: Path) -> None:
    for _round in range(2):
        for src, dst in itertools.permutations(copies.values(), 2):
            send(src, dst, folder)


def rows(ctx: AppContext, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(ctx.database.path) as conn:
        return conn.execute(sql).fetchall()


def sales_dump(ctx: AppContext) -> dict[str, list[tuple[object, ...]]]:
    return {name: table for name, table in dump(ctx).items() if name in SALES_TABLES}


def start(copies: dict[str, AppContext], folder: Path) -> str:
    """The office's customer and first quotation, sent to the other copies."""
    office = copies["office"]
    customer = create_account(office.uow(), AccountInput(name="บริษัท ลมเย็น จำกัด"), TODAY).created[0]
    create_quotation(office.uow(), QuotationInput(account_id=customer, lines=[LINE]), TODAY)
    for name in ("rep", "branch"):
        send(office, copies[name], folder)
    return customer


def test_products_documents_and_lines_travel(office_copies: dict[str, AppContext], tmp_path: Path) -> None:
    office, rep = office_copies["office"], office_copies["rep"]
    customer = start(office_copies, tmp_path)
    with office.uow() as uow:
        fan = uow.products.add(Product(sku="FAN-16", name_th="พัดลมตั้งพื้น 16 นิ้ว", unit="ตัว", price_satang=129_000))
        uow.commit()
    q = create_quotation(office.uow(), QuotationInput(account_id=customer, lines=[
        LineInput(**{**vars(LINE), "product_id": fan.id})]), TODAY).created[0]
    send_quotation(office.uow(), q, TODAY, office.now())
    revise_quotation(office.uow(), q, TODAY)
    order = create_order(office.uow(), OrderInput(account_id=customer, lines=[
        OrderLineInput(**vars(LINE), promised_on=TODAY)]), TODAY).created[0]
    confirm_order(office.uow(), order, TODAY, office.now())
    line = rows(office, "SELECT id FROM sales_order_line")[0][0]
    record_delivery(office.uow(), order, [Delivery(str(line), 500, TODAY, "ส่งรอบแรก")], TODAY)
    send(office, rep, tmp_path)
    assert sales_dump(rep) == sales_dump(office)
    shown = document_detail(rep.database, "sales_order", order, TODAY)
    assert shown is not None and shown.status == "partly_delivered" and shown.lines[0].delivery_note == "ส่งรอบแรก"
    assert [h.title for h in search_all(rep.database, "QT2569-0002")] == ["QT2569-0002 rev 2"]


def test_two_copies_numbering_at_once_never_clash(office_copies: dict[str, AppContext], tmp_path: Path) -> None:
    office, rep = office_copies["office"], office_copies["rep"]
    customer = start(office_copies, tmp_path)
    for _ in range(3):  # both offline, turn about
        for ctx in (office, rep):
            create_quotation(ctx.uow(), QuotationInput(account_id=customer, lines=[LINE]), TODAY)
            create_order(ctx.uow(), OrderInput(account_id=customer, lines=[OrderLineInput(**vars(LINE))]), TODAY)
    send(rep, office, tmp_path)
    send(office, rep, tmp_path)
    for table in ("quotation", "sales_order"):
        numbers = [r[0] for r in rows(office, f"SELECT number FROM {table}")]
        assert len(numbers) == len(set(numbers)), numbers
    assert sorted(r[0] for r in rows(rep, "SELECT number FROM sales_order WHERE number LIKE '%7F3A%'")) == [
        "SO2569-7F3A-0001", "SO2569-7F3A-0002", "SO2569-7F3A-0003"]
    assert renumber_from_copies(office.uow()) == {"quotation": 3, "order": 3}
    send(office, rep, tmp_path)
    for ctx in (office, rep):
        numbers = [r[0] for r in rows(ctx, "SELECT number FROM sales_order")]
        assert sorted(numbers) == [f"SO2569-{n:04d}" for n in range(1, 7)]
        found = search_all(ctx.database, "SO2569-7F3A-0002", kinds=("sales_order",))  # the printed copy's number
        assert [h.title for h in found] == ["SO2569-0005 (SO2569-7F3A-0002)"]


@pytest.mark.parametrize("arrival", ["clock order", "branch before rep", "office hears last"])
def test_three_copies_converge_whatever_order_files_arrive_in(office_copies: dict[str, AppContext], tmp_path: Path,
                                                             arrival: str) -> None:
    office, rep, branch = (office_copies[n] for n in ("office", "rep", "branch"))
    customer = start(office_copies, tmp_path)
    sent_q = create_quotation(office.uow(), QuotationInput(account_id=customer, lines=[LINE]), TODAY).created[0]
    send_quotation(office.uow(), sent_q, TODAY, office.now())
    draft = create_quotation(office.uow(), QuotationInput(account_id=customer, lines=[
        LineInput("ชุดของขวัญ", unit_price_satang=30_000)]), TODAY).created[0]
    order = create_order(office.uow(), OrderInput(account_id=customer, lines=[OrderLineInput(**vars(LINE))]),
                         TODAY).created[0]
    confirm_order(office.uow(), order, TODAY, office.now())
    for ctx in (rep, branch):
        send(office, ctx, tmp_path)
    line = str(rows(office, "SELECT id FROM sales_order_line")[0][0])

    # Offline, in this clock order: the rep first, then the branch, then the office.
    revise_quotation(rep.uow(), sent_q, TODAY)  # both revise the same sent quotation
    record_delivery(rep.uow(), order, [Delivery(line, 2_000, TODAY)], TODAY)  # the rep delivers it all...
    data = quotation_input(rep.uow(), draft)
    data.bill_discount_satang = 25_000  # valid against 300.00 of lines
    update_quotation(rep.uow(), draft, data, TODAY)
    create_quotation(rep.uow(), QuotationInput(account_id=customer, lines=[LINE]), TODAY)
    revise_quotation(branch.uow(), sent_q, TODAY)
    record_delivery(branch.uow(), order, [Delivery(line, 500, TODAY)], TODAY)  # ...the branch records half
    create_quotation(branch.uow(), QuotationInput(account_id=customer, lines=[LINE]), TODAY)
    data = quotation_input(office.uow(), draft)
    data.lines[0].unit_price_satang = 20_000  # valid against no bill discount
    update_quotation(office.uow(), draft, data, TODAY)

    order_of_files = {
        "clock order": [(rep, office), (branch, office), (office, rep), (office, branch)],
        "branch before rep": [(branch, office), (rep, office), (office, branch), (office, rep)],
        "office hears last": [(branch, rep), (rep, branch), (office, rep), (rep, office)],
    }[arrival]
    for src, dst in order_of_files:
        send(src, dst, tmp_path)
    converge(office_copies, tmp_path)

    dumps = [dump(ctx) for ctx in office_copies.values()]
    assert dumps[1] == dumps[0] and dumps[2] == dumps[0]
    # Numbers given offline never clash; the two revisions of one quotation both stay, as rev 2.
    firsts = rows(office, "SELECT number FROM quotation WHERE revision = 1")
    assert len(firsts) == len(set(firsts)) == 5
    assert sorted(r[0] for r in rows_with(office, "SELECT revision FROM quotation WHERE id != ? AND number = "
                                          "(SELECT number FROM quotation WHERE id = ?)", (sent_q, sent_q))) == [2, 2]
    # One line delivered on two copies: the later write of each field wins (the branch's), not the sum.
    assert rows(office, "SELECT delivered_milli FROM sales_order_line")[0][0] == 500
    # The bill discount (rep) now exceeds the lines (office): shown cut to the lines and flagged, never a crash.
    shown = document_detail(office.database, "quotation", draft, TODAY)
    assert shown is not None and shown.totals_clamped and shown.totals.grand_total == 0
    listed = {r.id: r for r in document_page(office.database, "quotation", DocumentFilter(), today=TODAY)}
    assert listed[draft].totals_clamped and listed[draft].grand_total_satang == 0
    assert document_totals(office.database, "quotation", DocumentFilter(), TODAY).clamped_count == 1


def rows_with(ctx: AppContext, sql: str, params: tuple[object, ...]) -> list[tuple[object, ...]]:
    with sqlite3.connect(ctx.database.path) as conn:
        return conn.execute(sql, params).fetchall()
