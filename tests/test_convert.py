"""Converting a qualified lead: account + contact (+ deal) in one transaction, or nothing at all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.models import Opportunity, Stage, StageHistory, User
from crm_desktop.queries.accounts import account_detail
from crm_desktop.queries.leads import lead_detail
from crm_desktop.services import convert
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.convert import ConvertOptions, convert_lead
from crm_desktop.services.leads import LeadInput, create_lead, qualify
from tests.test_core_data import table_dump

TODAY = date(2026, 11, 23)


@pytest.fixture
def app(clock: FixedClock, tmp_path: Path, new_database: Callable[[Path], Path]) -> Iterator[AppContext]:
    ctx = open_app(new_database(tmp_path / "crm.sqlite3"), clock=clock)
    with ctx.uow() as uow:
        uow.users.add(User(id="rep-nok", name="Nok", role="sales"))
        if not any(s.kind == "open" and s.deleted_at is None for s in uow.session.query(Stage)):
            uow.stages.add(Stage(name="Prospecting", position=1, probability=10, kind="open"))
        uow.commit()
    yield ctx
    ctx.close()


def qualified_lead(app: AppContext, **fields: object) -> str:
    values = {"first_name": "สมชาย", "last_name": "ใจดี", "company_name": "บริษัท ศรีสยาม จำกัด",
              "tax_id": "0105536061479", "mobile": "0812345678", "email": "somchai@sisiam.co.th",
              "province": "นนทบุรี", "interest": "เครื่องปรับอากาศ", "budget_satang": 25_000_000, **fields}
    lead_id = create_lead(app.uow(), LeadInput(**values)).created[0]  # type: ignore[arg-type]
    qualify(app.uow(), lead_id, "rep-nok")
    return lead_id


def first_open_stage_id(app: AppContext) -> str:
    with app.uow() as uow:
        return convert.first_open_stage(uow).id


def test_a_b2b_lead_becomes_account_contact_and_deal_linked_back(app: AppContext) -> None:
    lead_id = qualified_lead(app)
    changes = convert_lead(app.uow(), lead_id, ConvertOptions(create_opportunity=True), TODAY)
    assert changes.entities == ("account", "contact", "opportunity", "lead")  # one change set for the action

    lead = lead_detail(app.database, lead_id)
    assert lead is not None and lead.status == "converted"
    assert (lead.converted_account_name, lead.converted_contact_name) == ("บริษัท ศรีสยาม จำกัด", "สมชาย ใจดี")
    assert lead.converted_opportunity_name == "เครื่องปรับอากาศ"

    account = account_detail(app.database, lead.converted_account_id or "")
    assert account is not None
    assert (account.tax_id, account.province, account.owner_name) == ("0105536061479", "นนทบุรี", "Nok")
    assert [(c.name, c.mobile) for c in account.contacts] == [("สมชาย ใจดี", "+66812345678")]

    stage_id = first_open_stage_id(app)
    with app.uow() as uow:
        deal = uow.opportunities.get(lead.converted_opportunity_id or "")
        assert deal is not None
        assert (deal.amount_satang, deal.stage_id, deal.owner_id, deal.lead_id) == (
            25_000_000, stage_id, "rep-nok", lead_id)
        assert (deal.contact_id, deal.account_id) == (lead.converted_contact_id, lead.converted_account_id)
        history = uow.session.query(StageHistory).filter_by(opportunity_id=deal.id).all()
        assert [(h.from_stage_id, h.to_stage_id) for h in history] == [(None, stage_id)]


def test_attaching_to_an_existing_account_creates_no_second_company(app: AppContext) -> None:
    account_id = create_account(app.uow(), AccountInput(name="Si Siam Co., Ltd.", tax_id="0105536061479"),
                                TODAY).created[0]
    lead_id = qualified_lead(app)
    changes = convert_lead(app.uow(), lead_id, ConvertOptions(account_id=account_id), TODAY)
    assert [c.entity for c in changes] == ["contact", "lead"]
    account = account_detail(app.database, account_id)
    assert account is not None and [c.name for c in account.contacts] == ["สมชาย ใจดี"]


def test_a_new_account_with_a_tax_id_already_on_file_is_refused(app: AppContext) -> None:
    create_account(app.uow(), AccountInput(name="Si Siam Co., Ltd.", tax_id="0105536061479"), TODAY)
    lead_id = qualified_lead(app)
    before = table_dump(app.database.path)
    with pytest.raises(ValidationError, match="already has tax id"):
        convert_lead(app.uow(), lead_id, ConvertOptions(), TODAY)
    assert table_dump(app.database.path) == before


def test_a_lead_without_company_becomes_a_b2c_contact(app: AppContext) -> None:
    lead_id = qualified_lead(app, company_name="", tax_id="")
    changes = convert_lead(app.uow(), lead_id, ConvertOptions(), TODAY)
    assert [c.entity for c in changes] == ["contact", "lead"]
    lead = lead_detail(app.database, lead_id)
    assert lead is not None and lead.converted_account_id is None and lead.converted_contact_name == "สมชาย ใจดี"
    with app.uow() as uow:
        contact = uow.contacts.get(lead.converted_contact_id or "")
        assert contact is not None and contact.account_id is None and contact.province == "นนทบุรี"


def test_only_a_qualified_lead_can_be_converted_and_only_once(app: AppContext) -> None:
    lead_id = create_lead(app.uow(), LeadInput(first_name="Anan")).created[0]
    with pytest.raises(DomainError, match="Only a qualified lead"):
        convert_lead(app.uow(), lead_id, ConvertOptions(), TODAY)
    qualify(app.uow(), lead_id, "rep-nok")
    convert_lead(app.uow(), lead_id, ConvertOptions(), TODAY)
    with pytest.raises(DomainError, match="already converted"):
        convert_lead(app.uow(), lead_id, ConvertOptions(), TODAY)


def test_a_failure_half_way_leaves_the_database_exactly_as_before(app: AppContext,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    lead_id = qualified_lead(app)
    before = table_dump(app.database.path)

    def broken(*_args: object) -> None:
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(convert, "_new_contact", broken)  # the account is already written by then
    with pytest.raises(RuntimeError):
        convert_lead(app.uow(), lead_id, ConvertOptions(create_opportunity=True), TODAY)
    assert table_dump(app.database.path) == before
    lead = lead_detail(app.database, lead_id)
    assert lead is not None and lead.status == "qualified"


def test_without_an_open_stage_the_deal_cannot_start_and_nothing_is_kept(app: AppContext) -> None:
    lead_id = qualified_lead(app)
    with app.uow() as uow:
        for stage in uow.session.query(Stage).filter(Stage.kind == "open"):
            stage.deleted_at = uow.now()
        uow.commit()
    before = table_dump(app.database.path)
    with pytest.raises(DomainError, match="no open pipeline stage"):
        convert_lead(app.uow(), lead_id, ConvertOptions(create_opportunity=True), TODAY)
    assert table_dump(app.database.path) == before
    # Without a deal the conversion works.
    convert_lead(app.uow(), lead_id, ConvertOptions(), TODAY)
    with app.uow() as uow:
        assert uow.session.query(Opportunity).count() == 0


def test_the_deal_takes_the_name_and_amount_given(app: AppContext) -> None:
    lead_id = qualified_lead(app)
    opts = ConvertOptions(create_opportunity=True, opportunity_name="ติดตั้งแอร์ 10 เครื่อง",
                          amount_satang=30_000_000, expected_close=date(2026, 12, 31))
    convert_lead(app.uow(), lead_id, opts, TODAY)
    lead = lead_detail(app.database, lead_id)
    assert lead is not None and lead.converted_opportunity_name == "ติดตั้งแอร์ 10 เครื่อง"
    with app.uow() as uow:
        deal = uow.opportunities.get(lead.converted_opportunity_id or "")
        assert deal is not None and (deal.amount_satang, deal.expected_close) == (30_000_000, date(2026, 12, 31))
