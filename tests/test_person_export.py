""""Export this person's data" (PDPA access request): everything about one contact or lead, as JSON for
programs and a readable Thai PDF, from the CLI and the same functions the screens call."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from crm_desktop import cli, money
from crm_desktop.clock import FixedClock
from crm_desktop.exchange.person import SECTIONS, person_document, person_json
from crm_desktop.models import Activity, Anniversary, ContactLink, SalesOrder, SalesOrderLine, User
from crm_desktop.queries.person import find_person, person_data
from crm_desktop.reports.person import file_stem, person_pdf
from crm_desktop.services.app import AppContext
from crm_desktop.services.consent import ConsentSaid
from crm_desktop.services.contacts import ContactInput, create_contact, delete_contacts, update_contact
from crm_desktop.services.convert import ConvertOptions, convert_lead
from crm_desktop.services.formatting import format_money
from crm_desktop.services.leads import LeadInput, create_lead, qualify
from tests.server_helpers import command_db
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

NAME = ("นางสาว", "สมหญิง", "รักษ์สัมพันธ์")
LINES = [(2_000, 1_250_00, 500, 0, True), (1_000, 350_00, 0, 50_00, False)]  # quantity, price, bp, off, vat


@dataclass
class People:
    lead: str
    contact: str
    order_total: int


@pytest.fixture
def people(ctx: AppContext) -> People:
    """A lead with consent, converted (with a deal) into a contact who then has a call, an order, a
    special date, a friend, and withdraws and gives consent again."""
    with ctx.uow() as uow:
        uow.users.add(User(id="rep-nok", name="นก ขายเก่ง", role="sales"))
        uow.commit()
    lead = LeadInput(prefix=NAME[0], first_name=NAME[1], last_name=NAME[2], mobile="0812345678", source="referral",
                     interest="เครื่องปรับอากาศ", marketing_consent=True, consent_on=date(2026, 10, 1))
    lead_id = create_lead(ctx.uow(), lead, ConsentSaid("in_person", "ยินดีรับข่าวสารทางไลน์และอีเมล")).created[0]
    qualify(ctx.uow(), lead_id, "rep-nok")
    changes = convert_lead(ctx.uow(), lead_id, ConvertOptions(create_opportunity=True, amount_satang=45_000_00), TODAY)
    contact_id = next(c.created[0] for c in changes if c.entity == "contact")
    form = ContactInput(first_name=NAME[1], prefix=NAME[0], last_name=NAME[2], mobile="0812345678",
                        birthday=date(1990, 2, 28), owner_id="rep-nok", notes="ชอบติดต่อช่วงเย็น <b>&amp;")
    update_contact(ctx.uow(), contact_id, form, TODAY)  # withdrawn
    update_contact(ctx.uow(), contact_id, replace(form, marketing_consent=True), TODAY, ConsentSaid("line"))
    other = create_contact(ctx.uow(), ContactInput(first_name="สมชาย", last_name="ใจดี"), TODAY).created[0]
    with ctx.uow() as uow:
        uow.activities.add(Activity(kind="call", subject="โทรสอบถามความต้องการ", status="done",
                                    starts_at=datetime(2026, 11, 20, 3), contact_id=contact_id))
        uow.anniversaries.add(Anniversary(title="วันแต่งงาน", month=6, day=14, year=2018, contact_id=contact_id))
        uow.contact_links.add(ContactLink(contact_id=contact_id, other_contact_id=other, kind="family"))
        order = uow.orders.add(SalesOrder(number="SO2569-0042", issued_on=date(2026, 11, 2), status="confirmed",
                                          contact_id=contact_id, bill_discount_satang=100_00))
        uow.session.flush()
        for position, (qty, price, bp, off, vat) in enumerate(LINES):
            uow.order_lines.add(SalesOrderLine(order_id=order.id, description="แอร์", quantity_milli=qty,
                                               unit_price_satang=price, discount_bp=bp, discount_satang=off,
                                               vatable=vat, position=position))
        uow.commit()
    total = money.totals((money.Line(*line) for line in LINES), 100_00, 700, False).grand_total
    return People(lead_id, contact_id, total)


def test_the_json_holds_every_section_with_the_persons_data(ctx: AppContext, people: People) -> None:
    data = person_data(ctx.database, "contact", people.contact, ctx.now())
    assert data is not None
    doc = json.loads(person_json(data).decode("utf-8"))
    assert set(SECTIONS) <= set(doc) and doc["kind"] == "contact" and doc["id"] == people.contact
    assert doc["name"] == "นางสาวสมหญิง รักษ์สัมพันธ์"
    fields = doc["fields"]
    assert (fields["first_name"], fields["mobile"], fields["birthday"]) == ("สมหญิง", "+66812345678", "1990-02-28")
    assert fields["owner_name"] == "นก ขายเก่ง" and "match_key" not in fields
    consent = doc["consent"]
    assert (consent["given"], consent["consent_on"]) == (True, TODAY.isoformat())
    assert [(h["given"], h["method"], h["channel"]) for h in consent["history"]] == [
        (True, "convert", ""), (False, "form", ""), (True, "form", "line")]
    assert doc["activities"][0]["subject"] == "โทรสอบถามความต้องการ"
    assert doc["activities"][0]["starts_at"] == "2026-11-20T03:00:00+00:00"
    [deal] = doc["deals"]
    assert (deal["amount_satang"], deal["amount_baht"]) == (45_000_00, "45000.00")
    [order] = doc["orders"]
    assert (order["number"], order["grand_total_satang"]) == ("SO2569-0042", people.order_total)
    assert order["grand_total_baht"] == f"{people.order_total // 100}.{people.order_total % 100:02d}"
    assert doc["quotations"] == []
    assert doc["anniversaries"] == [{"title": "วันแต่งงาน", "month": 6, "day": 14, "year": 2018}]
    assert [(r["kind"], r["other_name"]) for r in doc["relationships"]] == [("family", "สมชาย ใจดี")]
    origin = doc["origin"]
    assert origin["converted_from"] == {"id": people.lead, "name": "นางสาวสมหญิง รักษ์สัมพันธ์"}
    assert origin["lead_source"] == "referral" and origin["created_by"]  # the user who converted the lead
    assert any("notes" in c["fields"] for c in doc["record_changes"])  # the change log, old values and all


def test_the_json_is_utf8_with_sorted_keys_and_the_same_bytes_twice(ctx: AppContext, people: People) -> None:
    data = person_data(ctx.database, "contact", people.contact, ctx.now())
    assert data is not None
    raw = person_json(data)
    assert "รักษ์สัมพันธ์".encode() in raw and b"\\u0e" not in raw  # Thai as it is, not escaped
    assert list(json.loads(raw)) == sorted(json.loads(raw))
    assert raw == person_json(data)


def test_a_lead_exports_with_what_it_became(ctx: AppContext, people: People) -> None:
    data = find_person(ctx.database, people.lead, ctx.now())
    assert data is not None and data.kind == "lead"
    doc = person_document(data)
    assert [t["kind"] for t in doc["origin"]["converted_to"]] == ["contact", "opportunity"]
    assert [(h["given"], h["method"], h["channel"], h["wording"]) for h in doc["consent"]["history"]] == [
        (True, "form", "in_person", "ยินดีรับข่าวสารทางไลน์และอีเมล")]
    assert doc["fields"]["source"] == "referral" and len(doc["deals"]) == 1 and doc["orders"] == []


def _pdf_text(pdf: bytes) -> str:
    """The text pypdf reads back; shaped Thai brings private-use code points (THAI.md), left out here."""
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return "".join(ch for ch in text if not "\ue000" <= ch <= "\uf8ff")


def _consonants(text: str) -> str:
    return "".join(ch for ch in text if "\u0e01" <= ch <= "\u0e2e")


def test_the_pdf_names_the_person_in_thai_with_buddhist_era_dates_and_page_numbers(ctx: AppContext,
                                                                                   people: People) -> None:
    data = person_data(ctx.database, "contact", people.contact, ctx.now())
    assert data is not None
    rendered = person_pdf(data, "บริษัท สยามแอร์ จำกัด", "th")
    text = _pdf_text(rendered.pdf)
    pages = len(PdfReader(io.BytesIO(rendered.pdf)).pages)
    assert _consonants("สมหญิง รักษ์สัมพันธ์") in _consonants(text)
    assert "SO2569-0042" in text and format_money(people.order_total) in text
    assert "2569" in text and "2026" not in text.replace("SO2569", "")  # Buddhist Era only
    assert f"หน้า1จาก{pages}" in "".join(text.split())
    assert "<b>&amp;" in text  # the user's text printed as typed, never read as markup
    for wrapped in rendered.wrapped:  # no Thai word cut in two by a line break
        assert "".join(wrapped.lines).replace(" ", "") == wrapped.text.replace("\n", "").replace(" ", "")


def test_the_english_pdf_uses_the_common_era(ctx: AppContext, people: People) -> None:
    data = person_data(ctx.database, "contact", people.contact, ctx.now())
    assert data is not None
    text = _pdf_text(person_pdf(data, "", "en").pdf)
    assert "Personal data" in text and "2026" in text and "Page 1 of" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_first_page_renders(ctx: AppContext, people: People, tmp_path: Path) -> None:
    data = person_data(ctx.database, "contact", people.contact, ctx.now())
    assert data is not None
    (tmp_path / "p.pdf").write_bytes(person_pdf(data, "บริษัท สยามแอร์ จำกัด", "th").pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(tmp_path / "p.pdf"),
                    str(tmp_path / "page")], check=True)
    assert list(tmp_path.glob("page*.png"))


def test_cli_writes_both_files_and_an_unknown_id_is_one_line_and_status_1(
        ctx: AppContext, people: People, clock: FixedClock, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = command_db(ctx, monkeypatch)
    ctx.close()
    out = tmp_path / "out"
    out.mkdir()
    argv = ["--db", path, "export", "person", people.contact, "--out", str(out)]
    assert cli.run(cli.parse_args([*argv, "--lang", "th"]), clock) == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".json", ".pdf"]
    assert all(p.stem.startswith("นางสาวสมหญิง รักษ์สัมพันธ์-") for p in out.iterdir())
    capsys.readouterr()
    assert cli.run(cli.parse_args(["--db", path, "export", "person", "no-such-id", "--out", str(out)]), clock) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no-such-id" in err
    assert len(list(out.iterdir())) == 2  # nothing more written
    # Again without --force: the files are not replaced.
    assert cli.run(cli.parse_args(argv), clock) == 1
    capsys.readouterr()
    not_a_folder = out / "notes.txt"
    not_a_folder.write_text("x")
    assert cli.run(cli.parse_args(["--db", path, "export", "person", people.contact, "--out", str(not_a_folder)]),
                   clock) == 1
    assert "is not a folder" in capsys.readouterr().err


def test_a_deleted_contact_has_nothing_to_export(ctx: AppContext, people: People) -> None:
    delete_contacts(ctx.uow(), [people.contact])
    assert person_data(ctx.database, "contact", people.contact, ctx.now()) is None


def test_file_names_keep_thai_and_drop_what_file_systems_refuse(ctx: AppContext, people: People) -> None:
    data = person_data(ctx.database, "contact", people.contact, ctx.now())
    assert data is not None
    assert file_stem(replace(data, name='ก/ข:"ค"?')) == f"กขค-{people.contact[:8]}"


def test_notes_of_ten_thousand_characters_flow_over_pages_instead_of_failing(ctx: AppContext) -> None:
    note = ("ลูกค้าต้องการติดตั้งเครื่องปรับอากาศใหม่ทั้งบ้าน และขอให้ติดต่อกลับช่วงเย็น " * 200)[:10_000]
    contact_id = create_contact(ctx.uow(), ContactInput(first_name="ทดสอบ", notes=note), TODAY).created[0]
    with ctx.uow() as uow:
        uow.activities.add(Activity(kind="note", subject="หลายบรรทัด", notes="\n".join(["บรรทัด"] * 80),
                                    contact_id=contact_id))
        uow.commit()
    data = person_data(ctx.database, "contact", contact_id, ctx.now())
    assert data is not None
    pdf = person_pdf(data, "", "th").pdf  # a table row cannot break across pages: the long texts go below
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 3
    assert _consonants(note[-60:]) in _consonants(_pdf_text(pdf))  # the note's end is printed too
