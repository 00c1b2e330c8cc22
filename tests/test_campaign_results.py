"""What a campaign earned (ROI on a fixed data set, attribution boundaries included) and the mail merge:
.eml files the `email` package reads back with the Thai names and subject intact, a LINE CSV, and
templates or runs that fail leaving nothing written."""

from __future__ import annotations

import csv
import email
from datetime import date
from email.policy import default
from pathlib import Path

import pytest

from crm_desktop.db import bulk
from crm_desktop.db.bulk import Cancelled
from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.exchange.mail_merge import write_eml_folder, write_line_csv
from crm_desktop.models import Opportunity, Product, SalesOrder, SalesOrderLine, new_id
from crm_desktop.models.marketing import member_id
from crm_desktop.queries.campaign_results import campaign_roi, response_counts
from crm_desktop.services.app import AppContext
from crm_desktop.services.campaign_members import add_members, set_response
from crm_desktop.services.campaigns import CampaignInput, create_campaign, update_campaign
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.stages import default_stage_id
from tests.time_helpers import TEST_NOW, TODAY

pytestmark = pytest.mark.server

BAHT = 100
TEMPLATE = CampaignInput(name="ลดราคาปลายปี", status="active", starts_on=date(2026, 10, 1), ends_on=date(2026, 10, 20),
                         cost_satang=4_000 * BAHT, budget_satang=5_000 * BAHT,
                         template_subject="ข่าวดีสำหรับคุณ{ชื่อ}",
                         template_body="เรียน คุณ{ชื่อ} ({ชื่อเล่น}) แห่ง {company}\nรับส่วนลด 10% ถึงสิ้นเดือน {{โค้ด: PL10}}")


def _person(ctx: AppContext, first: str, last: str, nickname: str, n: int, *, consent: bool = True,
            email_address: bool = True) -> str:
    data = ContactInput(first_name=first, last_name=last, nickname=nickname, mobile=f"081234567{n}",
                        email=f"p{n}@example.co.th" if email_address else "", line_id=f"line{n}",
                        marketing_consent=consent)
    return create_contact(ctx.uow(), data, TODAY).created[0]


def _order(contact: str | None, issued: date, lines: list[tuple[str, int, int]], *, status: str = "confirmed",
           deal: str | None = None) -> tuple[dict[str, object], list[dict[str, object]]]:
    order_id = new_id()
    order = {"id": order_id, "number": f"SO-{order_id[-6:]}", "issued_on": issued, "status": status,
             "contact_id": contact, "opportunity_id": deal}
    return order, [{"id": new_id(), "order_id": order_id, "product_id": p, "description": "x", "position": i,
                    "quantity_milli": q * 1000, "unit_price_satang": price * BAHT, "vatable": False}
                   for i, (p, q, price) in enumerate(lines)]


def test_roi_on_a_fixed_data_set_with_its_attribution_boundaries(ctx: AppContext) -> None:
    anong, boon, chai = _person(ctx, "อนงค์", "ใจดี", "นก", 1), _person(ctx, "บุญ", "มาก", "บุ๋ม", 2), \
        _person(ctx, "ชัย", "ยิ่ง", "ชัย", 3)
    campaign = create_campaign(ctx.uow(), TEMPLATE).created[0]
    add_members(ctx.uow(), campaign, [anong, boon])
    set_response(ctx.uow(), [member_id(campaign, anong)], "bought", TODAY)
    set_response(ctx.uow(), [member_id(campaign, boon)], "opened", TODAY)
    costed, uncosted, deal = new_id(), new_id(), new_id()
    products = [{"id": costed, "sku": "A", "name_th": "เซรั่ม", "price_satang": 1_000 * BAHT, "cost_satang": 600 * BAHT},
                {"id": uncosted, "sku": "B", "name_th": "ครีม", "price_satang": 500 * BAHT}]
    deals = [{"id": deal, "name": "ร้านชัย", "stage_id": default_stage_id("won"), "campaign_id": campaign,
              "contact_id": chai}]
    orders = [
        _order(anong, date(2026, 10, 15), [(costed, 10, 1_000), (uncosted, 1, 500)]),  # in: sales 10,000 + 500
        _order(anong, date(2026, 11, 19), [(costed, 2, 1_000)]),  # in: the last day (end + 30 days)
        _order(anong, date(2026, 11, 20), [(costed, 7, 1_000)]),  # out: a day late
        _order(anong, date(2026, 9, 30), [(costed, 7, 1_000)]),  # out: before the start
        _order(anong, date(2026, 10, 16), [(costed, 7, 1_000)], status="cancelled"),  # out: not a sale
        _order(boon, date(2026, 10, 16), [(costed, 7, 1_000)]),  # out: she only opened it
        _order(chai, date(2026, 9, 1), [(costed, 5, 1_000)], deal=deal),  # in: the campaign's deal, any day
    ]
    bulk.load(ctx.database, ctx.user_id, [(Product, products), (Opportunity, deals),
                                          (SalesOrder, [o for o, _ in orders]),
                                          (SalesOrderLine, [line for _, lines in orders for line in lines])], 20)
    roi = campaign_roi(ctx.database, campaign, TODAY)
    assert (roi.members, roi.deals, roi.orders) == (2, 1, 3)
    assert (roi.costed_sales, roi.cost_of_goods, roi.margin) == (17_000 * BAHT, 10_200 * BAHT, 6_800 * BAHT)
    assert (roi.uncosted_sales, roi.uncosted_lines, roi.sales) == (500 * BAHT, 1, 17_500 * BAHT)
    assert roi.roi == pytest.approx((6_800 - 4_000) / 4_000)
    assert (roi.budget, roi.cost) == (5_000 * BAHT, 4_000 * BAHT)


@pytest.fixture
def merged(ctx: AppContext) -> tuple[AppContext, str]:
    campaign = create_campaign(ctx.uow(), TEMPLATE).created[0]
    people = [_person(ctx, "สมหญิง", "ใจดี", "หญิง", 1), _person(ctx, "Boon", "Mak", "บุ๋ม", 2, consent=False),
              _person(ctx, "ชัย", "ยิ่ง", "", 3, email_address=False)]
    add_members(ctx.uow(), campaign, people)
    return ctx, campaign


def test_eml_files_read_back_with_thai_names_subject_and_the_app_clock_date(merged: tuple[AppContext, str],
                                                                            tmp_path: Path) -> None:
    ctx, campaign = merged
    result = write_eml_folder(ctx.database, campaign, tmp_path / "mails", ("ร้านสวยใส", "shop@example.co.th"),
                              TEST_NOW)
    assert (result.written, result.no_consent, result.no_address) == (1, 1, 1)
    (path,) = (tmp_path / "mails").iterdir()
    raw = path.read_bytes()
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert head.isascii() and b"=?utf-8?" in head  # Thai in the headers is RFC 2047-encoded
    msg = email.message_from_bytes(raw, policy=default)
    assert msg["To"].addresses[0].display_name == "สมหญิง ใจดี"
    assert msg["To"].addresses[0].addr_spec == "p1@example.co.th"
    assert msg["From"].addresses[0].display_name == "ร้านสวยใส"
    assert str(msg["Subject"]) == "ข่าวดีสำหรับคุณสมหญิง"
    assert msg["Date"].datetime.isoformat() == "2026-11-23T10:00:00+07:00"
    body = msg.get_body().get_content()
    assert body.startswith("เรียน คุณสมหญิง (หญิง) แห่ง \n") and "{โค้ด: PL10}" in body
    set_response(ctx.uow(), result.member_ids, "sent", TODAY, only_from="added")
    assert response_counts(ctx.database, campaign) == {"sent": 1, "added": 2}


def test_line_csv_has_one_row_per_member_with_consent_and_a_line_id(merged: tuple[AppContext, str],
                                                                    tmp_path: Path) -> None:
    ctx, campaign = merged
    result = write_line_csv(ctx.database, campaign, tmp_path / "line.csv")
    with (tmp_path / "line.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["LINE ID", "ชื่อ", "ข้อความ"] and sorted(r[:2] for r in rows[1:]) == [
        ["line1", "สมหญิง ใจดี"], ["line3", "ชัย ยิ่ง"]]
    assert rows[1][2].startswith("เรียน คุณ") and "{โค้ด: PL10}" in rows[1][2]
    assert (result.no_consent, result.no_address) == (1, 0)


def test_an_unknown_field_or_a_cancel_leaves_nothing_written(merged: tuple[AppContext, str], tmp_path: Path) -> None:
    ctx, campaign = merged
    out = tmp_path / "out"
    out.mkdir()
    bad = CampaignInput(**{**TEMPLATE.__dict__, "template_body": "สวัสดีคุณ{ชื่อ} เบอร์ {เบอร์โทร}"})
    with pytest.raises(ValidationError) as err:
        update_campaign(ctx.uow(), campaign, bad)
    assert err.value.field == "template_body" and "{เบอร์โทร}" in err.value.text("th")
    with ctx.uow() as uow:  # such a template could still arrive from another copy
        stored = uow.campaigns.get(campaign)
        assert stored is not None
        stored.template_subject = "{บริษัท} {Nick}"
        uow.commit()
    with pytest.raises(ValidationError, match=r"\{Nick\}"):
        write_eml_folder(ctx.database, campaign, out / "mails", ("ร้าน", ""), TEST_NOW)
    update_campaign(ctx.uow(), campaign, TEMPLATE)
    add_members(ctx.uow(), campaign, [_person(ctx, "ดาว", "ดี", "", 4)])
    with pytest.raises(Cancelled):
        write_eml_folder(ctx.database, campaign, out / "mails", ("ร้าน", ""), TEST_NOW,
                         progress=lambda done, _total: done < 1)
    assert list(out.iterdir()) == []  # no folder, no half-written temporary one
    empty = create_campaign(ctx.uow(), CampaignInput(name="ว่าง", template_body="x")).created[0]
    with pytest.raises(DomainError, match="LINE ID"):
        write_line_csv(ctx.database, empty, out / "x.csv")
    assert list(out.iterdir()) == []
