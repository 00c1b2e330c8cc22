"""Products: the service rules (unique SKU, prices within bounds, deactivate), the list query,
the picker, the price history read from the change log, and products travelling by sync file."""

from __future__ import annotations

import itertools
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.queries.products import (
    ProductFilter,
    categories,
    pick_products,
    price_history,
    product_count,
    product_detail,
    product_keys,
    product_rows,
)
from crm_desktop.services.app import AppContext
from crm_desktop.services.opportunities import OpportunityInput, create_opportunity, opportunity_input
from crm_desktop.services.products import (
    ProductInput,
    create_product,
    delete_products,
    product_input,
    restore_products,
    set_products_active,
    update_product,
)
from crm_desktop.services.sales.lines import LineInput
from crm_desktop.services.stages import default_stage_id
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.server_helpers import fetch

pytestmark = pytest.mark.server

MAX_PRICE = 10_000_000 * 100  # ten million baht in satang
SERIAL = itertools.count()  # a fresh SKU for every hypothesis example (they share one database)


def add(ctx: AppContext, sku: str, name_th: str, price: int = 100_00, **fields: object) -> str:
    data = ProductInput(sku=sku, name_th=name_th, price_satang=price, **fields)  # type: ignore[arg-type]
    return create_product(ctx.uow(), data).created[0]


def listed(ctx: AppContext, flt: ProductFilter = ProductFilter(), sort: str = "sku",  # noqa: B008
           descending: bool = False) -> list[str]:
    return [r.sku for r in product_rows(ctx.database, product_keys(ctx.database, flt, sort, descending))]


def test_create_normalizes_and_reads_back(ctx: AppContext) -> None:
    pid = add(ctx, "  ac-12  000 ", " แอร์ติดผนัง 12000 BTU ", 15_900_00, name_en="Wall aircon 12000 BTU",
              category="เครื่องปรับอากาศ", unit="เครื่อง", cost_satang=12_000_00)
    detail = product_detail(ctx.database, pid)
    assert detail is not None
    assert (detail.sku, detail.name_th, detail.unit) == ("AC-12 000", "แอร์ติดผนัง 12000 BTU", "เครื่อง")
    assert (detail.price_satang, detail.cost_satang) == (15_900_00, 12_000_00)
    assert (detail.vatable, detail.active) == (True, True)
    assert product_input(ctx.uow(), pid).sku == "AC-12 000"


def test_duplicate_sku_is_refused_with_the_other_products_name(ctx: AppContext) -> None:
    add(ctx, "PEN-01", "ปากกาลูกลื่น")
    with pytest.raises(ValidationError) as err:
        add(ctx, "pen-01", "ปากกาเจล")
    assert err.value.field == "sku"
    assert err.value.text("en") == "SKU PEN-01 is already used by ปากกาลูกลื่น."
    assert "ใช้กับสินค้า" in err.value.text("th")
    assert product_count(ctx.database) == 1


def test_a_deleted_products_sku_is_free_again_but_its_undo_is_then_refused(ctx: AppContext) -> None:
    old = add(ctx, "PEN-01", "ปากกาลูกลื่น")
    delete_products(ctx.uow(), [old])
    new = add(ctx, "PEN-01", "ปากกาเจล")
    with pytest.raises(ValidationError):
        restore_products(ctx.uow(), [old])
    assert product_detail(ctx.database, old) is None
    delete_products(ctx.uow(), [new])
    restore_products(ctx.uow(), [old])
    assert product_detail(ctx.database, old) is not None


def test_editing_keeps_its_own_sku(ctx: AppContext) -> None:
    pid = add(ctx, "PEN-01", "ปากกา")
    update_product(ctx.uow(), pid, ProductInput(sku="pen-01", name_th="ปากกาลูกลื่น", price_satang=15_00))
    assert product_input(ctx.uow(), pid).name_th == "ปากกาลูกลื่น"
    other = add(ctx, "PEN-02", "ปากกาเจล")
    with pytest.raises(ValidationError):
        update_product(ctx.uow(), other, ProductInput(sku="PEN-01", name_th="ปากกาเจล"))


@pytest.mark.parametrize("field", ["price_satang", "cost_satang"])
def test_price_bounds_ten_million_baht_ok_one_satang_more_refused(ctx: AppContext, field: str) -> None:
    pid = create_product(ctx.uow(), ProductInput(sku="BIG", name_th="เครื่องจักร", **{field: MAX_PRICE})).created[0]
    assert getattr(product_detail(ctx.database, pid), field) == MAX_PRICE
    with pytest.raises(ValidationError) as err:
        update_product(ctx.uow(), pid, ProductInput(sku="BIG", name_th="เครื่องจักร", **{field: MAX_PRICE + 1}))
    assert err.value.field == field
    with pytest.raises(ValidationError):
        create_product(ctx.uow(), ProductInput(sku="NEG", name_th="ติดลบ", **{field: -1}))
    assert getattr(product_detail(ctx.database, pid), field) == MAX_PRICE


@pytest.mark.parametrize("data, field", [
    (ProductInput(sku="", name_th="ไม่มีรหัส"), "sku"),
    (ProductInput(sku="X1", name_th="  "), "name_th"),
    (ProductInput(sku="X1", name_th="ยาวเกิน", unit="ก" * 31), "unit"),
])
def test_required_and_lengths(ctx: AppContext, data: ProductInput, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        create_product(ctx.uow(), data)
    assert err.value.field == field
    assert product_count(ctx.database) == 0


def test_deactivate_drops_out_of_the_picker_and_the_default_list(ctx: AppContext) -> None:
    pid = add(ctx, "AC-09", "แอร์ 9000 BTU")
    add(ctx, "AC-12", "แอร์ 12000 BTU")
    assert [p.sku for p in pick_products(ctx.database, "แอร์")] == ["AC-09", "AC-12"]
    assert set_products_active(ctx.uow(), [pid], False).updated == (pid,)
    assert [p.sku for p in pick_products(ctx.database, "แอร์")] == ["AC-12"]
    assert listed(ctx) == ["AC-12"]
    assert listed(ctx, ProductFilter(active=None)) == ["AC-09", "AC-12"]
    assert listed(ctx, ProductFilter(active=False)) == ["AC-09"]
    assert set_products_active(ctx.uow(), [pid], False).updated == ()  # nothing to change, nothing logged


def test_edit_of_a_deleted_product_says_so(ctx: AppContext) -> None:
    pid = add(ctx, "X", "สินค้า")
    delete_products(ctx.uow(), [pid])
    with pytest.raises(NotFound):
        update_product(ctx.uow(), pid, ProductInput(sku="X", name_th="สินค้า"))


def test_list_filters_and_sorts_in_sql(ctx: AppContext) -> None:
    add(ctx, "AC-12", "แอร์ติดผนัง", 15_900_00, category="แอร์", name_en="Wall aircon")
    add(ctx, "FAN-1", "พัดลมตั้งพื้น", 1_290_00, category="พัดลม", vatable=False)
    add(ctx, "SV-01", "ล้างแอร์", 500_00, category="บริการ", unit="ครั้ง")
    db = ctx.database
    assert listed(ctx, ProductFilter(text="แอร์")) == ["AC-12", "SV-01"]
    assert listed(ctx, ProductFilter(text="aircon")) == ["AC-12"]
    assert listed(ctx, ProductFilter(text="ac-")) == ["AC-12"]
    assert listed(ctx, ProductFilter(text="พัด")) == ["FAN-1"]  # two code points: no trigram, still found
    assert listed(ctx, ProductFilter(category="พัดลม")) == ["FAN-1"]
    assert listed(ctx, ProductFilter(vatable=False)) == ["FAN-1"]
    assert listed(ctx, ProductFilter(price_min=500_00, price_max=1_290_00)) == ["FAN-1", "SV-01"]
    assert listed(ctx, sort="price_satang", descending=True) == ["AC-12", "FAN-1", "SV-01"]
    assert categories(db) == sorted(["แอร์", "พัดลม", "บริการ"])


def test_picker_puts_the_exact_sku_first_and_is_limited(ctx: AppContext) -> None:
    for n in range(30):
        add(ctx, f"A{n:02d}", f"สินค้า {n}")
    add(ctx, "A1", "สินค้าพิเศษ")
    found = pick_products(ctx.database, "a1", limit=5)
    assert [p.sku for p in found] == ["A1", "A10", "A11", "A12", "A13"]
    assert len(pick_products(ctx.database, "สินค้า")) == 20


def test_price_history_from_the_change_log(ctx: AppContext) -> None:
    with ctx.uow() as uow:
        uow.users.get(ctx.user_id).name = "สมชาย"  # type: ignore[union-attr]
        uow.commit()
    pid = add(ctx, "AC-12", "แอร์", 15_900_00, cost_satang=12_000_00)
    update_product(ctx.uow(), pid, ProductInput(sku="AC-12", name_th="แอร์ติดผนัง", price_satang=15_900_00,
                                                cost_satang=12_000_00))  # a name edit: not a price change
    update_product(ctx.uow(), pid, ProductInput(sku="AC-12", name_th="แอร์ติดผนัง", price_satang=14_500_00,
                                                cost_satang=12_000_00))
    update_product(ctx.uow(), pid, ProductInput(sku="AC-12", name_th="แอร์ติดผนัง", price_satang=14_500_00,
                                                cost_satang=11_000_00))
    history = price_history(ctx.database, pid)
    assert [(h.price_satang, h.cost_satang, h.old_price_satang, h.old_cost_satang) for h in history] == [
        (14_500_00, 11_000_00, 14_500_00, 12_000_00),
        (14_500_00, 12_000_00, 15_900_00, 12_000_00),
        (15_900_00, 12_000_00, None, None),
    ]
    assert {h.user_name for h in history} == {"สมชาย"}
    assert history[0].changed_at > history[1].changed_at > history[2].changed_at


def test_price_history_of_a_product_created_free(ctx: AppContext) -> None:
    pid = add(ctx, "GIFT", "ของแถม", 0)
    update_product(ctx.uow(), pid, ProductInput(sku="GIFT", name_th="ของแถม", price_satang=10_00))
    assert [(h.price_satang, h.old_price_satang) for h in price_history(ctx.database, pid)] == [
        (10_00, 0), (0, None)]


def test_index_follows_edits_and_deletes(ctx: AppContext) -> None:
    pid = add(ctx, "OLD-1", "ชื่อเก่า")
    update_product(ctx.uow(), pid, ProductInput(sku="NEW-1", name_th="ชื่อใหม่"))
    assert listed(ctx, ProductFilter(text="เก่า")) == []
    assert listed(ctx, ProductFilter(text="NEW-1")) == ["NEW-1"]
    delete_products(ctx.uow(), [pid])
    assert listed(ctx, ProductFilter(text="ใหม่", active=None)) == []
    if ctx.database.server is None:  # a file's FTS5 index holds nothing of a deleted product (a server has none)
        assert fetch(ctx, "SELECT count(*) FROM product_fts") == [(0,)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=-10**12, max_value=10**12))
def test_any_price_is_kept_exactly_or_refused(ctx: AppContext, price: int) -> None:
    try:
        pid = add(ctx, f"P{next(SERIAL)}", "สินค้า", price)
    except ValidationError as err:
        assert not 0 <= price <= MAX_PRICE
        assert err.field == "price_satang"
        return
    assert 0 <= price <= MAX_PRICE
    detail = product_detail(ctx.database, pid)
    assert detail is not None and detail.price_satang == price


def test_products_deal_lines_and_price_history_travel_by_file(copies: list[AppContext], tmp_path) -> None:
    office, rep, _branch = copies
    pid = add(office, "AC-12", "แอร์ติดผนัง", 15_900_00)
    update_product(office.uow(), pid, ProductInput(sku="AC-12", name_th="แอร์ติดผนัง", price_satang=14_500_00))
    deal = create_opportunity(office.uow(), OpportunityInput(name="แอร์ 2 ชุด", stage_id=default_stage_id(
        "prospecting"), lines=[LineInput("แอร์ติดผนัง", 2000, 14_500_00, pid)]), office.now()).created[0]
    export_bundle(office.database, tmp_path / "office.zip", everything=True)
    import_bundle(rep.database, rep.user_id, tmp_path / "office.zip")

    assert [p.sku for p in pick_products(rep.database, "ติดผนัง")] == ["AC-12"]  # the index took it in
    assert [(h.price_satang, h.old_price_satang) for h in price_history(rep.database, pid)] == [
        (14_500_00, 15_900_00), (15_900_00, None)]
    received = opportunity_input(rep.uow(), deal)
    assert received.amount_satang == 31_030_00 and received.lines is not None
    assert [(x.description, x.product_id) for x in received.lines] == [("แอร์ติดผนัง", pid)]


@pytest.mark.sqlite_only  # SQLite's query plan
def test_thai_names_sort_in_dictionary_order_from_an_index(ctx: AppContext) -> None:
    names = ["ไก่ย่าง", "กล้วย", "เกลือ", "ขนม", "ฮาวาย", "อ่างทอง", "อำนาจ", "โต๊ะ", "ตะกร้า", "แก้ว", "กา"]
    for n, name in enumerate(names):
        add(ctx, f"T{n:02d}", name)
    db = ctx.database
    shown = [r.name_th for r in product_rows(db, product_keys(db, ProductFilter(), "name_th"))]
    # By code point every name starting with เ แ โ ใ ไ would come after ฮ.
    assert shown == ["กล้วย", "กา", "เกลือ", "แก้ว", "ไก่ย่าง", "ขนม", "ตะกร้า", "โต๊ะ", "อ่างทอง", "อำนาจ", "ฮาวาย"]
    assert [r.name_th for r in product_rows(db, product_keys(db, ProductFilter(), "name_th", True))] == shown[::-1]
    conn = sqlite3.connect(db.path)
    try:
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT rowid FROM product WHERE deleted_at IS NULL AND active = 1 "
            "ORDER BY product.sort_key, product.id").fetchall()
    finally:
        conn.close()
    assert "ix_product_live_active_thai" in plan[0][-1] and "TEMP B-TREE" not in str(plan)
