"""Import of leads and products, a contact's company (found or created) and a birthday without its year:
what a user sees in the records, the preview's reasons, and that importing again changes nothing."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop import cli
from crm_desktop.clock import FixedClock
from crm_desktop.exchange.mapping import RowReader
from crm_desktop.exchange.rows import read_import_file
from crm_desktop.import_plans.cells import MonthDay
from crm_desktop.import_plans.words import CHOICE_WORDS
from crm_desktop.models import Account, Anniversary, Contact, Lead, Product
from crm_desktop.queries.imports import DUPLICATE, ERROR, NEW, UPDATE, preview_rows
from crm_desktop.services import imports
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.changes import Entity
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.import_kinds import BIRTHDAY_TITLE
from crm_desktop.services.imports import import_rows
from crm_desktop.services.leads import LeadInput, create_lead
from crm_desktop.services.products import MAX_PRICE_SATANG, ProductInput, create_product, unit_price
from crm_desktop.services.scoring import score_of
from crm_desktop.services.users import UserInput, create_user
from crm_desktop.services.validation import make_tax_id
from tests.samples import sample_folder
from tests.server_helpers import command_db, fetch
from tests.sync_helpers import dump
from tests.time_helpers import TODAY, make_clock

pytestmark = pytest.mark.server

REPO = Path(__file__).resolve().parent.parent


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _import(ctx: AppContext, path: Path, kind: str, **options: object) -> imports.ImportResult:
    rows = read_import_file(path, kind).rows
    return import_rows(ctx.uow(), kind, rows, preview_rows(ctx.database, kind, rows), TODAY, **options)  # type: ignore[arg-type]


def _plans(ctx: AppContext, path: Path, kind: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(p.status, p.reasons) for p in preview_rows(ctx.database, kind, read_import_file(path, kind).rows).plans]


def _all(ctx: AppContext, model: type) -> list:  # type: ignore[type-arg]
    with ctx.uow() as uow:
        rows = list(uow.session.query(model).filter(model.deleted_at.is_(None)).order_by(model.created_at, model.id))
        uow.session.expunge_all()
    return rows


def _state(ctx: AppContext) -> tuple[int, object]:
    """The change log's length and every synced row: what a re-import must leave as it was."""
    return fetch(ctx, "SELECT count(*) FROM change")[0][0], dump(ctx)


def _logged(ctx: AppContext, entity: str) -> set[str]:
    return {str(r[0]) for r in fetch(ctx, "SELECT row_id FROM change WHERE entity = ?", (entity,))}


def _user(ctx: AppContext, name: str, email: str = "") -> str:
    return create_user(ctx.uow(), UserInput(name=name, email=email)).created[0]


# --- Leads ---------------------------------------------------------------------------------------

THAI_LEADS = (
    "ชื่อผู้ติดต่อ,บริษัท,มือถือ,เบอร์โทร,อีเมล,แหล่งที่มา,งบประมาณ,กรอบเวลา,ผู้ดูแล\n"
    "นายสมชาย ใจดี,บริษัท สยามพาณิชย์ จำกัด,081-234-5678,,somchai@Example.com,เดินเข้ามาที่ร้าน,\"50,000\","
    "ภายใน 1 เดือน,มาลี ขายเก่ง\n"
    ",ร้านรุ่งเรือง,,02 123 4567,,Referral,0,Immediately,malee@office.co.th\n"
)


def test_thai_lead_sheet_imports_with_sources_owners_and_scores(ctx: AppContext, tmp_path: Path) -> None:
    malee = _user(ctx, "มาลี ขายเก่ง", "malee@office.co.th")
    result = _import(ctx, _write(tmp_path, "leads.csv", THAI_LEADS), "leads")
    assert (result.created, result.rejected, result.written) == (2, (), True)
    somchai, shop = _all(ctx, Lead)
    assert (somchai.prefix, somchai.first_name, somchai.last_name) == ("นาย", "สมชาย", "ใจดี")
    assert (somchai.company_name, somchai.mobile, somchai.email) == ("บริษัท สยามพาณิชย์ จำกัด", "+66812345678",
                                                                     "somchai@example.com")
    assert (somchai.source, somchai.budget_satang, somchai.timeframe) == ("walk_in", 5_000_000, "1_month")
    assert (somchai.owner_id, somchai.status) == (malee, "new")
    # the lead a user would have typed in the form has the same score
    with ctx.uow() as uow:
        assert somchai.score == score_of(uow, {c.key: getattr(somchai, c.key) for c in Lead.__table__.c}) > 0
    assert (shop.first_name, shop.company_name, shop.phone) == ("", "ร้านรุ่งเรือง", "+6621234567")
    assert (shop.source, shop.budget_satang, shop.timeframe, shop.owner_id) == ("referral", 0, "immediate", malee)
    assert set(result.changes.created) == {somchai.id, shop.id} <= _logged(ctx, "lead")


def test_unknown_owner_or_source_is_a_row_error_with_its_reason(ctx: AppContext, tmp_path: Path) -> None:
    _user(ctx, "มาลี ขายเก่ง")
    text = ("First Name,Company,Source,Owner\n"
            "Anan,A Co,Website,Nobody Here\n"
            "Boon,B Co,Billboard,มาลี  ขายเก่ง\n"  # the owner's name with other spacing is found
            "Chai,C Co,เว็บไซต์,มาลี ขายเก่ง\n")
    path = _write(tmp_path, "leads.csv", text)
    plans = preview_rows(ctx.database, "leads", read_import_file(path, "leads").rows).plans
    assert [p.status for p in plans] == [ERROR, ERROR, NEW]
    assert "Nobody Here" in plans[0].problems[0].text("en") and "มาลี ขายเก่ง" in plans[0].problems[0].text("en")
    assert "Billboard" in plans[1].problems[0].text("th") and "walk_in" in plans[1].problems[0].text("en")
    result = _import(ctx, path, "leads")
    assert (result.created, [r.source_row for r in result.rejected]) == (1, [2, 3])
    assert "Nobody Here" in result.rejected[0].text("th")
    (chai,) = _all(ctx, Lead)
    assert (chai.first_name, chai.source) == ("Chai", "website")


def test_lead_duplicates_match_phone_in_any_format_email_and_thai_names(ctx: AppContext, tmp_path: Path) -> None:
    create_lead(ctx.uow(), LeadInput(first_name="สมชาย", last_name="ใจดี", mobile="0812345678"))
    create_lead(ctx.uow(), LeadInput(first_name="Mali", email="mali@example.com"))
    create_lead(ctx.uow(), LeadInput(company_name="บริษัท รุ่งเรือง จำกัด"))
    text = ("ชื่อ,นามสกุล,บริษัท,มือถือ,อีเมล,ตำแหน่ง\n"
            "นายสมชาย,ใจดี,,+66 81 234 5678,,ผู้จัดการ\n"  # the same person, title and phone written otherwise
            "Somchai,J.,,(081) 234-5678,,\n"  # the same phone, another name: the user decides
            "Malee,,,,mali@EXAMPLE.com,Buyer\n"
            ",,รุ่งเรือง,,,\n"  # the company's name without its legal form
            "Dang,,,0899999999,,\n")
    path = _write(tmp_path, "leads.csv", text)
    assert _plans(ctx, path, "leads") == [(UPDATE, ("phone", "same_name")), (DUPLICATE, ("phone",)),
                                          (DUPLICATE, ("email",)), (DUPLICATE, ("same_name",)), (NEW, ())]
    result = _import(ctx, path, "leads", decision="update")
    assert (result.created, result.updated, result.unchanged) == (1, 3, 0)  # two rows updated สมชาย
    positions = {lead.first_name: lead.position for lead in _all(ctx, Lead)}
    assert positions["Malee"] == "Buyer" and positions["Somchai"] == "ผู้จัดการ"


@pytest.mark.parametrize(("budget", "stored"), [("0", 0), ("0.01", 1), ("฿9,999,999,999.99", 999_999_999_999)])
def test_a_budget_at_its_limits_imports(ctx: AppContext, tmp_path: Path, budget: str, stored: int) -> None:
    result = _import(ctx, _write(tmp_path, "b.csv", f"Company,Budget\nA Co,\"{budget}\"\n"), "leads")
    assert result.created == 1 and _all(ctx, Lead)[0].budget_satang == stored


def test_a_negative_budget_is_refused_as_the_form_refuses_it(ctx: AppContext, tmp_path: Path) -> None:
    before = _state(ctx)
    result = _import(ctx, _write(tmp_path, "b.csv", "Company,Budget\nA Co,-0.01\n"), "leads")
    assert (result.created, len(result.rejected)) == (0, 1)
    assert "negative" in result.rejected[0].text("en")
    assert _state(ctx) == before


def test_leads_imported_again_change_nothing(ctx: AppContext, tmp_path: Path) -> None:
    _user(ctx, "มาลี ขายเก่ง", "malee@office.co.th")
    path = _write(tmp_path, "leads.csv", THAI_LEADS)
    assert _import(ctx, path, "leads").created == 2
    before = _state(ctx)
    for decision in ("update", "skip"):
        again = _import(ctx, path, "leads", decision=decision)
        assert [p.status for p in again.preview.plans] == [UPDATE, UPDATE]
        assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert _state(ctx) == before


# --- Products ------------------------------------------------------------------------------------

THAI_PRODUCTS = (
    "รหัสสินค้า,ชื่อสินค้า,หมวดหมู่,ราคา,หน่วย,ภาษี\n"
    "ac-12 000,แอร์ 12000 BTU,เครื่องปรับอากาศ,\"฿15,900.00\",เครื่อง,มี\n"
    "SV-01,ค่าบริการล้างแอร์,บริการ,500 บาท,ครั้ง,ไม่มี\n"
)


def test_thai_product_sheet_imports_as_the_form_stores_it(ctx: AppContext, tmp_path: Path) -> None:
    result = _import(ctx, _write(tmp_path, "products.csv", THAI_PRODUCTS), "products")
    assert (result.created, result.rejected) == (2, ())
    aircon, service = _all(ctx, Product)
    assert (aircon.sku, aircon.name_th, aircon.category) == ("AC-12 000", "แอร์ 12000 BTU", "เครื่องปรับอากาศ")
    assert (aircon.price_satang, aircon.unit, aircon.vatable, aircon.active) == (1_590_000, "เครื่อง", True, True)
    assert (service.sku, service.price_satang, service.unit, service.vatable) == ("SV-01", 50_000, "ครั้ง", False)
    assert set(result.changes.created) <= _logged(ctx, "product")


def test_products_match_by_code_then_by_name(ctx: AppContext, tmp_path: Path) -> None:
    create_product(ctx.uow(), ProductInput(sku="AC-12 000", name_th="แอร์ 12000 BTU", price_satang=1_500_000))
    create_product(ctx.uow(), ProductInput(sku="OLD-1", name_th="ค่าบริการล้างแอร์"))
    text = ("SKU,Product Name,Price\n"
            "ac-12  000,\"แอร์ 12,000 BTU รุ่นใหม่\",15900\n"  # its code (typed otherwise) is the product, renamed
            "SV-01,ค่าบริการล้างแอร์,500\n"  # a new code with a known name: the user decides
            "SV-02,ค่าเดินทาง,300\n"
            "sv-02,ค่าเดินทาง (ต่างจังหวัด),600\n")  # the same code twice in the file
    path = _write(tmp_path, "p.csv", text)
    plans = preview_rows(ctx.database, "products", read_import_file(path, "products").rows).plans
    assert [(p.status, p.reasons, p.match_row) for p in plans] == [
        (UPDATE, ("sku",), None), (DUPLICATE, ("same_name",), None), (NEW, (), None), (DUPLICATE, ("sku",), 4)]
    result = _import(ctx, path, "products", decision="update")
    assert (result.created, result.updated, result.rejected) == (1, 2, ())
    products = {p.sku: p for p in _all(ctx, Product)}
    assert sorted(products) == ["AC-12 000", "SV-01", "SV-02"]  # OLD-1 took its new code
    assert (products["AC-12 000"].name_th, products["AC-12 000"].price_satang) == ("แอร์ 12,000 BTU รุ่นใหม่", 1_590_000)
    assert (products["SV-02"].name_th, products["SV-02"].price_satang) == ("ค่าเดินทาง (ต่างจังหวัด)", 60_000)


def test_a_code_twice_with_create_anyway_is_a_row_error_not_a_crash(ctx: AppContext, tmp_path: Path) -> None:
    path = _write(tmp_path, "p.csv", "SKU,Product Name\nX-1,หนึ่ง\nX-1,สอง\n")
    result = _import(ctx, path, "products", decision="create")
    assert (result.created, len(result.rejected)) == (1, 1)
    assert "X-1" in result.rejected[0].text("en")


@pytest.mark.parametrize(("price", "ok"), [("10,000,000.00", True), ("10,000,000.01", False), ("0", True)])
def test_a_price_at_the_products_limit(ctx: AppContext, tmp_path: Path, price: str, ok: bool) -> None:
    result = _import(ctx, _write(tmp_path, "p.csv", f"SKU,Product Name,Price\nBIG,ใหญ่,\"{price}\"\n"), "products")
    assert (result.created, len(result.rejected)) == ((1, 0) if ok else (0, 1))
    if not ok:
        assert "10,000,000" in result.rejected[0].text("en")


def test_products_imported_again_change_nothing(ctx: AppContext, tmp_path: Path) -> None:
    path = _write(tmp_path, "products.csv", THAI_PRODUCTS)
    assert _import(ctx, path, "products").created == 2
    before = _state(ctx)
    again = _import(ctx, path, "products", decision="update")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert _state(ctx) == before


_MONEY_FORMS = st.sampled_from(["{:.2f}", "{:,.2f}", "฿{:,.2f}", "{:,.2f} บาท", "{:.1f}"])


@given(satang=st.integers(0, MAX_PRICE_SATANG + 10), form=_MONEY_FORMS)
def test_a_price_written_any_way_a_sheet_writes_it_reads_to_its_satang(satang: int, form: str) -> None:
    """Prices pass the product form's own rule after the cell rules: at most ten million baht."""
    if form == "{:.1f}" and satang % 10:
        satang -= satang % 10
    cell = form.format(satang / 100) if form != "{:.2f}" else f"{satang // 100}.{satang % 100:02}"
    row = RowReader("products", ["Price"], ["price_satang"]).read([cell], 2)
    assert row.errors == [] and row.values["price_satang"] == satang
    if satang <= MAX_PRICE_SATANG:
        assert unit_price(satang, "price_satang") == satang
    else:
        with pytest.raises(Exception, match="10,000,000"):
            unit_price(satang, "price_satang")


# --- A contact's company ---------------------------------------------------------------------------


def test_a_contacts_company_links_to_its_account_or_is_created_once(ctx: AppContext, tmp_path: Path) -> None:
    siam = create_account(ctx.uow(), AccountInput(name="บริษัท สยามพาณิชย์ จำกัด"), TODAY).created[0]
    text = ("ชื่อ,บริษัท,มือถือ\n"
            "สมชาย,สยามพาณิชย์,0812345678\n"  # the same company without its legal form
            "สมหญิง,บจก. รุ่งเรืองใหม่,0812345679\n"
            "สมศรี,รุ่งเรืองใหม่ จำกัด,0812345670\n"  # the company the row above creates
            "สมปอง,,0812345671\n"
            "สมใจ,-,0812345672\n")  # a dash is no company
    path = _write(tmp_path, "contacts.csv", text)
    result = _import(ctx, path, "contacts")
    assert (result.created, result.companies_created, result.rejected) == (5, 1, ())
    assert "1 companies created" in imports.import_counts(result)
    accounts = {a.name: a.id for a in _all(ctx, Account)}
    assert set(accounts) == {"บริษัท สยามพาณิชย์ จำกัด", "บจก. รุ่งเรืองใหม่"}
    links = {c.first_name: c.account_id for c in _all(ctx, Contact)}
    new = accounts["บจก. รุ่งเรืองใหม่"]
    assert links == {"สมชาย": siam, "สมหญิง": new, "สมศรี": new, "สมปอง": None, "สมใจ": None}
    assert result.changes[Entity.ACCOUNT].created == (new,)
    assert new in _logged(ctx, "account")  # the company created syncs too
    before = _state(ctx)
    again = _import(ctx, path, "contacts", decision="update")
    assert (again.created, again.updated, again.unchanged, again.companies_created) == (0, 0, 5, 0)
    assert _state(ctx) == before


def test_a_company_tax_id_finds_the_account_whatever_its_name(ctx: AppContext, tmp_path: Path) -> None:
    tax_id = make_tax_id("010555012345")
    thai_dee = create_account(ctx.uow(), AccountInput(name="บริษัท ไทยดี จำกัด", tax_id=tax_id), TODAY).created[0]
    text = (f"First Name,Company,Company Tax ID\nAnan,Thai Dee Co.,{tax_id}\n"
            f"Boon,,{make_tax_id('010555099999')}\n")
    path = _write(tmp_path, "c.csv", text)
    result = _import(ctx, path, "contacts")
    assert (result.created, result.companies_created, [r.source_row for r in result.rejected]) == (1, 0, [3])
    assert "add the company's name" in result.rejected[0].text("en")
    assert _all(ctx, Contact)[0].account_id == thai_dee


@pytest.mark.parametrize("flush_every", [imports.FLUSH_EVERY, 1])
def test_a_new_company_named_with_and_without_its_tax_id_is_made_once(ctx: AppContext, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      flush_every: int) -> None:
    """The first row names it, a later one gives its tax id, the next finds it by that tax id alone."""
    monkeypatch.setattr(imports, "FLUSH_EVERY", flush_every)
    tax_id = make_tax_id("010555077777")
    text = f"First Name,Company,Company Tax ID\nAnan,ร้านใหม่,\nBoon,ร้านใหม่,{tax_id}\nChai,New Shop,{tax_id}\n"
    path = _write(tmp_path, "c.csv", text)
    result = _import(ctx, path, "contacts")
    assert (result.created, result.companies_created, result.rejected) == (3, 1, ())
    (shop,) = _all(ctx, Account)
    assert (shop.name, shop.tax_id, shop.branch_code) == ("ร้านใหม่", tax_id, "00000")
    assert {c.account_id for c in _all(ctx, Contact)} == {shop.id}
    before = _state(ctx)
    assert _import(ctx, path, "contacts", decision="update").unchanged == 3
    assert _state(ctx) == before


def test_a_refused_row_leaves_no_company_behind(ctx: AppContext, tmp_path: Path) -> None:
    """The contact's own rules fail after its company was made: the company goes with it."""
    before = _state(ctx)
    text = "ชื่อ,บริษัท,วันที่ให้ความยินยอม\nสมชาย,บริษัท ใหม่เอี่ยม จำกัด,1/1/2570\n"  # consent in the future
    result = _import(ctx, _write(tmp_path, "c.csv", text), "contacts")
    assert (result.created, result.companies_created, len(result.rejected)) == (0, 0, 1)
    assert _state(ctx) == before


# --- vCard: ORG and BDAY ---------------------------------------------------------------------------

CARDS = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:ใจดี;สมชาย;;นาย;\r\nFN:นายสมชาย ใจดี\r\nORG:บริษัท สยามพาณิชย์ จำกัด;ขาย\r\n"
         "TEL;TYPE=CELL:081 234 5678\r\nBDAY:1987-03-15\r\nEND:VCARD\r\n"
         "BEGIN:VCARD\r\nVERSION:3.0\r\nN:ศรีสุข;มาลี;;;\r\nFN:มาลี ศรีสุข\r\nORG:บริษัท สยามพาณิชย์ จำกัด\r\n"
         "TEL;TYPE=CELL:089 111 2222\r\nBDAY:--0229\r\nEND:VCARD\r\n"
         "BEGIN:VCARD\r\nVERSION:4.0\r\nN:ดี;ดำ;;;\r\nFN:ดำ ดี\r\nTEL;TYPE=cell:0893334444\r\nBDAY:--12-31\r\n"
         "END:VCARD\r\n")


def test_vcards_link_their_company_and_put_yearless_birthdays_on_the_calendar(ctx: AppContext,
                                                                             tmp_path: Path) -> None:
    path = _write(tmp_path, "phone.vcf", CARDS)
    result = _import(ctx, path, "contacts")
    assert (result.created, result.companies_created, result.rejected) == (3, 1, ())
    contacts = {c.first_name: c for c in _all(ctx, Contact)}
    (siam,) = _all(ctx, Account)
    assert siam.name == "บริษัท สยามพาณิชย์ จำกัด"
    assert contacts["สมชาย"].account_id == contacts["มาลี"].account_id == siam.id
    assert contacts["สมชาย"].birthday == date(1987, 3, 15)
    assert contacts["มาลี"].birthday is None and contacts["ดำ"].birthday is None
    dates = {(a.contact_id, a.month, a.day, a.year, a.title) for a in _all(ctx, Anniversary)}
    assert dates == {(contacts["มาลี"].id, 2, 29, None, BIRTHDAY_TITLE),
                     (contacts["ดำ"].id, 12, 31, None, BIRTHDAY_TITLE)}
    made = {c.entity: c.created for c in result.changes}
    assert set(made["anniversary"]) == {a.id for a in _all(ctx, Anniversary)} <= _logged(ctx, "anniversary")
    before = _state(ctx)
    again = _import(ctx, path, "contacts", decision="update")
    assert (again.created, again.updated, again.unchanged, again.companies_created, again.changes.entities) == (
        0, 0, 3, 0, (Entity.CONTACT,))
    assert _state(ctx) == before


def test_undo_of_the_import_takes_its_companies_and_dates_too(ctx: AppContext, tmp_path: Path) -> None:
    from crm_desktop.services.import_undo import undo_import

    result = _import(ctx, _write(tmp_path, "phone.vcf", CARDS), "contacts")
    assert (result.created, result.companies_created, len(_all(ctx, Anniversary))) == (3, 1, 2)
    undo_import(ctx.uow(), result.log_from, result.log_to)
    assert (_all(ctx, Contact), _all(ctx, Account), _all(ctx, Anniversary)) == ([], [], [])


def test_a_yearless_birthday_on_a_known_contact_is_added_once(ctx: AppContext, tmp_path: Path) -> None:
    create_contact(ctx.uow(), ContactInput(first_name="ดำ", last_name="ดี", mobile="0893334444"), TODAY)
    create_contact(ctx.uow(), ContactInput(first_name="แดง", mobile="0895556666", birthday=date(1990, 5, 1)), TODAY)
    cards = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:ดี;ดำ;;;\r\nTEL;TYPE=CELL:0893334444\r\nBDAY:--0704\r\nEND:VCARD\r\n"
             "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;แดง;;;\r\nTEL;TYPE=CELL:0895556666\r\nBDAY:--05-01\r\nEND:VCARD\r\n")
    path = _write(tmp_path, "known.vcf", cards)
    first = _import(ctx, path, "contacts", decision="update")
    assert (first.created, first.unchanged) == (0, 2)
    (dam_day,) = _all(ctx, Anniversary)  # แดง's birthday is known with its year: nothing to add
    assert (dam_day.month, dam_day.day) == (7, 4)
    before = _state(ctx)
    _import(ctx, path, "contacts", decision="update")
    assert _state(ctx) == before


@pytest.mark.parametrize("flush_every", [imports.FLUSH_EVERY, 2])
def test_a_contact_twice_in_a_file_gets_its_yearless_birthday_once(ctx: AppContext, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   flush_every: int) -> None:
    """Also when both rows are written in one batch of the import (a flush after the third row)."""
    monkeypatch.setattr(imports, "FLUSH_EVERY", flush_every)
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:ดี;ดำ;;;\r\nTEL;TYPE=CELL:0893334444\r\nBDAY:--0704\r\nEND:VCARD\r\n"
    other = card.replace("ดำ", "แดง").replace("0893334444", "0895556666")
    result = _import(ctx, _write(tmp_path, "twice.vcf", card * 2 + other), "contacts", decision="update")
    assert (result.created, len(_all(ctx, Contact)), len(_all(ctx, Anniversary))) == (2, 2, 2)


def test_google_csv_yearless_birthday_goes_to_the_calendar(ctx: AppContext, tmp_path: Path) -> None:
    path = _write(tmp_path, "google.csv", "Name,Birthday,Mobile Phone\nAnan K,--03-15,0812345678\n"
                                          "Boon P,1990-02-30,0812345679\n")
    result = _import(ctx, path, "contacts")
    assert (result.created, [r.source_row for r in result.rejected]) == (1, [3])
    (anniversary,) = _all(ctx, Anniversary)
    assert (anniversary.month, anniversary.day) == (3, 15)


CARD_SAMPLES = sample_folder("vcard")


@pytest.mark.skipif(not CARD_SAMPLES.is_dir(), reason="../shared/samples is absent")
def test_every_sample_vcard_links_its_companies_and_imports_again_to_no_change(ctx: AppContext) -> None:
    files = sorted(CARD_SAMPLES.glob("*.vcf"))
    for path in files:
        assert _import(ctx, path, "contacts", decision="update").written
        before = _state(ctx)
        again = _import(ctx, path, "contacts", decision="update")
        assert (again.created, again.updated, again.companies_created) == (0, 0, 0), path.name
        assert _state(ctx) == before, path.name
    # the cards that pass the contact's rules are in with their company (once per name); a refused card
    # (Android's "Ñ…" with only a last name) leaves no company behind
    companies = [a.name for a in _all(ctx, Account)]
    assert {"Apple Computer AG", "グーグル", "Acme Solutions", "IBM", "TheCompany", "Viagenie"} <= set(companies)
    assert len(companies) == len(set(companies)) and "Ñ" * 44 not in companies
    # every link is to one of them (John Doe, in six files at four companies, is one contact: the last file's)
    assert {c.account_id for c in _all(ctx, Contact)} - {None} <= {a.id for a in _all(ctx, Account)}
    (rfc,) = read_import_file(CARD_SAMPLES / "rfc6350-v40-example.vcf", "contacts").rows
    assert (rfc.values["birthday"], rfc.values["company"]) == (MonthDay(2, 3), "Viagenie")
    simon = next(c for c in _all(ctx, Contact) if c.first_name == "Simon")  # RFC 6350's BDAY:--0203
    assert [(a.month, a.day) for a in _all(ctx, Anniversary) if a.contact_id == simon.id] == [(2, 3)]


def test_a_vcard_is_refused_for_other_kinds(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="as contacts"):
        read_import_file(_write(tmp_path, "phone.vcf", CARDS), "leads")


# --- The command line ----------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "text", "count"), [
    ("leads", THAI_LEADS.replace("มาลี ขายเก่ง", "").replace("malee@office.co.th", ""), 2),
    ("products", THAI_PRODUCTS, 2),
    ("companies", "ชื่อบริษัท,เลขประจำตัวผู้เสียภาษี,จังหวัด\nบริษัท ก จำกัด,{tax},กรุงเทพ\nร้าน ข,,เชียงใหม่\n", 2),
])
def test_cli_imports_every_kind_and_again_changes_nothing(ctx: AppContext, tmp_path: Path, clock: FixedClock,
                                                          capsys: pytest.CaptureFixture[str], kind: str, text: str,
                                                          count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, f"{kind}.csv", text.replace("{tax}", make_tax_id("010555012345")))
    db = command_db(ctx, monkeypatch)
    ctx.close()
    argv = ["--db", db, "--lang", "en", "import", kind, str(path)]
    assert cli.run(cli.parse_args([*argv, "--dry-run"]), clock) == 0
    assert capsys.readouterr().out.startswith(f"Dry run, nothing written: {count} new")
    assert cli.run(cli.parse_args(argv), clock) == 0
    assert capsys.readouterr().out.startswith(f"{count} new, 0 updated")
    assert cli.run(cli.parse_args([*argv, "--update"]), clock) == 0
    assert capsys.readouterr().out.startswith(f"0 new, 0 updated, {count} unchanged")
    again = open_app(ctx.database.server or ctx.database.path, clock=clock)
    try:
        model = {"leads": Lead, "products": Product, "companies": Account}[kind]
        assert len(_all(again, model)) == count
    finally:
        again.close()


def test_cli_lists_an_unknown_owner_and_exits_1(ctx: AppContext, tmp_path: Path, clock: FixedClock,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    db = command_db(ctx, monkeypatch)
    ctx.close()
    path = _write(tmp_path, "leads.csv", THAI_LEADS)
    errors = tmp_path / "errors.csv"
    assert cli.run(cli.parse_args(["--db", db, "--lang", "th", "import", "leads", str(path), "--errors",
                                   str(errors)]), clock) == 1
    out, err = capsys.readouterr()
    assert "แถวที่มีข้อผิดพลาด 2" in out and err.strip()
    rows = errors.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 3 and "มาลี ขายเก่ง" in rows[1] and "ไม่พบผู้ใช้ชื่อ" in rows[1]


# --- The words of the app's lists --------------------------------------------------------------------


def _thai_labels(context: str) -> dict[str, str]:
    root = ET.parse(REPO / "resources" / "i18n" / "crm_desktop_th.ts").getroot()
    return {m.findtext("source") or "": m.findtext("translation") or ""
            for ctx in root if ctx.findtext("name") == context for m in ctx.findall("message")}


def test_the_import_knows_the_words_the_app_shows() -> None:
    from crm_desktop.views.contacts.labels import gender_label
    from crm_desktop.views.leads.labels import source_labels, timeframe_labels

    thai = _thai_labels("LeadLabels")
    for field, labels in (("source", source_labels()), ("timeframe", timeframe_labels())):
        assert {key: words[:2] for key, words in CHOICE_WORDS[field].items()} == {
            key: (english, thai[english]) for key, english in labels.items()}
    thai = _thai_labels("ContactDialog")
    assert {key: words[:2] for key, words in CHOICE_WORDS["gender"].items()} == {
        key: (gender_label(key), thai[gender_label(key)]) for key in ("female", "male", "other")}


def test_contacts_gender_in_thai_or_english_words(ctx: AppContext, tmp_path: Path) -> None:
    text = "ชื่อ,เพศ\nสมหญิง,หญิง\nสมชาย,male\nJohn,M\nแดง,ไม่บอก\n"
    result = _import(ctx, _write(tmp_path, "g.csv", text), "contacts")
    assert [r.source_row for r in result.rejected] == [5] and "female, male, other" in result.rejected[0].text("en")
    assert {c.first_name: c.gender for c in _all(ctx, Contact)} == {"สมหญิง": "female", "สมชาย": "male", "John": "male"}


# --- Matching as the duplicate warning, whatever the phone's format -----------------------------------


@pytest.fixture(scope="module")
def one_lead(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    context = open_app(tmp_path_factory.mktemp("lead") / "crm.sqlite3", clock=make_clock())
    create_lead(context.uow(), LeadInput(first_name="สมชาย", last_name="ใจดี", mobile="0812345678"))
    try:
        yield context
    finally:
        context.close()


_PHONE_FORMS = st.sampled_from(["0812345678", "081-234-5678", "081 234 5678", "+66812345678", "+66 81 234 5678",
                                "(081) 234-5678", "๐๘๑๒๓๔๕๖๗๘", "66812345678"])


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(phone=_PHONE_FORMS, title=st.sampled_from(["", "นาย", "คุณ", "นาย "]), other_name=st.booleans())
def test_a_lead_is_found_by_its_phone_in_any_format(one_lead: AppContext, phone: str, title: str,
                                                    other_name: bool) -> None:
    name = "สมศักดิ์ มั่นคง" if other_name else f"{title}สมชาย ใจดี"
    row = RowReader("leads", ["Name", "Mobile"], ["full_name", "mobile"]).read([name, phone], 2)
    (plan,) = preview_rows(one_lead.database, "leads", [row]).plans
    assert (plan.status, plan.reasons[0]) == ((DUPLICATE if other_name else UPDATE), "phone")
