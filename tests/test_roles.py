"""Roles enforced in the services (db/access.py), through the service and through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError
from crm_desktop.models import Product, SecurityEvent, synced_models
from crm_desktop.roles import ERASE, IMPORT, KINDS, RESTORE, SYNC, Refused
from crm_desktop.services.activities.edit import ActivityInput, create_activity, update_activity
from crm_desktop.services.app import OWNER_ID, AppContext, open_app
from crm_desktop.services.leads import LeadInput, create_lead, lead_input, qualify, update_lead
from crm_desktop.services.logins import acting_role
from crm_desktop.services.products import ProductInput, create_product
from crm_desktop.services.settings import set_company_name
from crm_desktop.services.users import UserInput, create_user
from crm_desktop.sync.files import export_bundle
from tests.people_helpers import add_user
from tests.sync_helpers import new_copy
from tests.test_cli_hardening import run
from tests.time_helpers import TEST_NOW, TODAY, make_clock

pytestmark = pytest.mark.server


def as_person(ctx: AppContext, user_id: str) -> AppContext:
    return AppContext(ctx.database, user_id)


def add_lead(ctx: AppContext, name: str, owner_id: str | None = None) -> str:
    done = create_lead(as_person(ctx, OWNER_ID).uow(), LeadInput(first_name=name, owner_id=owner_id))
    return done[next(iter(done.parts)).entity].created[0]


def rename_lead(ctx: AppContext, lead_id: str, name: str) -> None:
    data = lead_input(ctx.uow(), lead_id)
    data.first_name = name
    update_lead(ctx.uow(), lead_id, data)


@pytest.fixture
def office(ctx: AppContext) -> dict[str, str]:
    return {"owner": OWNER_ID, "manager": add_user(ctx, "Mali", "manager"), "nok": add_user(ctx, "Nok", "sales"),
            "ploy": add_user(ctx, "Ploy", "sales"), "staff": add_user(ctx, "Dao", "staff")}


def test_every_synced_table_has_a_rule() -> None:
    assert set(synced_models()) == set(KINDS)


def test_the_seeded_owner_stays_owner_so_a_fresh_copy_acts_as_before(ctx: AppContext) -> None:
    assert ctx.user_id == OWNER_ID and acting_role(ctx) == "owner"
    set_company_name(ctx.uow(), "ร้านสมใจ")  # everything allowed


def test_a_sales_rep_edits_their_own_and_unassigned_leads_but_not_another_reps(
        ctx: AppContext, office: dict[str, str]) -> None:
    nok = as_person(ctx, office["nok"])
    unassigned, own, ploys = add_lead(ctx, "Somchai"), add_lead(ctx, "Anan", office["nok"]), add_lead(
        ctx, "Wichai", office["ploy"])
    rename_lead(nok, unassigned, "Somchai K.")
    rename_lead(nok, own, "Anan S.")
    with pytest.raises(Refused) as refused:
        rename_lead(nok, ploys, "Mine now")
    assert refused.value.text("en") == "This belongs to Ploy: you can change only your own and unassigned leads."
    assert refused.value.text("th") == "รายการนี้เป็นของ Ploy คุณแก้ไขได้เฉพาะลีดของคุณเองและที่ยังไม่มีผู้รับผิดชอบ"
    assert lead_input(ctx.uow(), ploys).first_name == "Wichai"  # nothing was saved
    rename_lead(as_person(ctx, office["manager"]), ploys, "Wichai P.")  # a manager may


def test_a_rep_may_hand_an_unassigned_lead_to_a_colleague_but_then_not_change_it(
        ctx: AppContext, office: dict[str, str]) -> None:
    nok = as_person(ctx, office["nok"])
    lead = add_lead(ctx, "Somchai")
    qualify(nok.uow(), lead, office["ploy"])  # unassigned when Nok found it
    with pytest.raises(Refused, match="belongs to Ploy"):
        rename_lead(nok, lead, "Somchai K.")  # now Ploy's


def test_staff_read_and_plan_activities_only(ctx: AppContext, office: dict[str, str]) -> None:
    dao = as_person(ctx, office["staff"])
    with pytest.raises(Refused, match="Staff can read leads but not change them"):
        create_lead(dao.uow(), LeadInput(first_name="Somchai"))
    mine = create_activity(dao.uow(), ActivityInput(subject="โทรหาลูกค้า", due_on=TEST_NOW.date()))
    activity_id = mine[next(iter(mine.parts)).entity].created[0]
    update_activity(dao.uow(), activity_id, ActivityInput(subject="โทรหาลูกค้าอีกครั้ง", due_on=TEST_NOW.date()))
    theirs = create_activity(as_person(ctx, office["nok"]).uow(),
                             ActivityInput(subject="นัดพบ", due_on=TEST_NOW.date()))
    with pytest.raises(Refused, match="belongs to Nok"):
        update_activity(dao.uow(), theirs[next(iter(theirs.parts)).entity].created[0],
                        ActivityInput(subject="ของฉัน", due_on=TEST_NOW.date()))


def test_products_are_for_managers_settings_and_people_for_the_owner(ctx: AppContext, office: dict[str, str]) -> None:
    nok, mali = as_person(ctx, office["nok"]), as_person(ctx, office["manager"])
    with pytest.raises(Refused, match="Only the owner or a manager can change products"):
        create_product(nok.uow(), ProductInput(sku="A-1", name_th="ข้าวหอมมะลิ"))
    create_product(mali.uow(), ProductInput(sku="A-1", name_th="ข้าวหอมมะลิ"))
    with pytest.raises(Refused) as refused:
        set_company_name(mali.uow(), "ร้านของมะลิ")
    assert refused.value.text("en") == "Only the owner can change settings."
    assert refused.value.text("th") == "เฉพาะเจ้าของกิจการเท่านั้นที่เปลี่ยนการตั้งค่าได้"
    with pytest.raises(Refused, match="Only the owner can add or change people"):
        create_user(mali.uow(), UserInput(name="Fah", role="owner"))
    with UnitOfWork(ctx.database, None) as uow:
        assert uow.session.scalar(select(Product.sku)) == "A-1"


@pytest.mark.parametrize(("role", "action", "allowed"), [
    ("manager", RESTORE, True), ("sales", RESTORE, False), ("manager", ERASE, True), ("staff", ERASE, False),
    ("sales", IMPORT, False), ("manager", IMPORT, True), ("sales", SYNC, True), ("staff", SYNC, False)])
def test_actions_that_are_not_rows(ctx: AppContext, role: str, action: object, allowed: bool) -> None:
    person = as_person(ctx, add_user(ctx, "Somebody", role))
    if allowed:
        person.require(action)  # type: ignore[arg-type]
    else:
        with pytest.raises(Refused):
            person.require(action)  # type: ignore[arg-type]


def test_staff_cannot_export_a_sync_file(ctx: AppContext, office: dict[str, str], tmp_path: Path) -> None:
    with pytest.raises(Refused, match="Staff cannot exchange sync files"):
        export_bundle(ctx.database, tmp_path / "out.zip", everything=True, user_id=office["staff"])
    assert not (tmp_path / "out.zip").exists()


def test_a_refusal_is_in_the_security_events(ctx: AppContext, office: dict[str, str]) -> None:
    with pytest.raises(Refused):
        set_company_name(as_person(ctx, office["nok"]).uow(), "x")
    with UnitOfWork(ctx.database, None) as uow:
        events = uow.session.execute(select(SecurityEvent.event, SecurityEvent.user_id, SecurityEvent.detail)).all()
    assert [tuple(e) for e in events] == [("refused", office["nok"], "Only the owner can change settings.")]


def test_someone_not_on_the_list_is_refused(ctx: AppContext) -> None:
    with pytest.raises(DomainError, match="not on the list of people"):
        set_company_name(as_person(ctx, "user-gone").uow(), "x")


# --- through the command line ---------------------------------------------------------------



@pytest.fixture
def office_file(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite3"
    ctx = open_app(path, clock=make_clock())
    try:
        for name, role in (("Nok", "sales"), ("Dao", "staff"), ("Mali", "manager")):
            add_user(ctx, name, role)
        add_lead(ctx, "Wichai", None)
    finally:
        ctx.close()
    return path


def test_the_command_line_refuses_in_one_line(office_file: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    leads = tmp_path / "leads.csv"
    leads.write_text("first_name,company_name\nAnan,ร้านอนันต์\n", encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(office_file), "--user", "Nok", "import", "leads", str(leads))
    assert code == 1
    assert err == "crm-desktop: Only the owner or a manager can import records from a file or undo an import.\n"
    code, _out, err = run(capsys, "--db", str(office_file), "--user", "Nok", "backup")
    assert (code, err) == (1, "crm-desktop: Only the owner or a manager can make a backup by hand.\n")
    code, _out, err = run(capsys, "--db", str(office_file), "--user", "Dao", "sync", "export",
                          "--out", str(tmp_path / "x.zip"))
    assert code == 1 and err.startswith("crm-desktop: Staff cannot exchange sync files") and err.count("\n") == 1
    code, out, _err = run(capsys, "--db", str(office_file), "--user", "Mali", "import", "leads", str(leads))
    assert code == 0 and "1 new" in out
    code, _out, err = run(capsys, "--db", str(office_file), "--user", "Mali", "sync", "key", "ความลับ")
    assert (code, err) == (1, "crm-desktop: Only the owner can change settings.\n")
    code, _out, err = run(capsys, "--db", str(office_file), "--lang", "th", "--user", "Mali", "sync", "key", "x")
    assert err == "crm-desktop: เฉพาะเจ้าของกิจการเท่านั้นที่เปลี่ยนการตั้งค่าได้\n"
    code, out, _err = run(capsys, "--db", str(office_file), "sync", "key", "ความลับ")  # the copy's owner, as before
    assert (code, out) == (0, "Office key set.\n")


def test_the_command_line_names_nobody_unknown(office_file: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRM_DESKTOP_USER", "Somebody")
    code, _out, err = run(capsys, "--db", str(office_file), "search", "x")
    assert code == 1 and "Nobody active is called Somebody" in err and err.count("\n") == 1


def test_every_refusal_and_kind_has_thai() -> None:
    from crm_desktop import roles
    from crm_desktop.messages import THAI

    actions = [a.refusal for a in vars(roles).values() if isinstance(a, roles.Action)]
    missing = [t for t in [*actions, *(k.plural for k in KINDS.values()), "records"] if t not in THAI]
    assert missing == []


def test_a_rep_imports_a_sync_file_whose_repairs_touch_others_records(template: Path, tmp_path: Path,
                                                                      clock: FixedClock) -> None:
    """A sync import applies what other copies' people did, and the office renumbers the documents of
    the copies it hears from (whoever owns them): checked where they were made, not row by row here."""
    from crm_desktop.services.accounts import AccountInput, create_account
    from crm_desktop.services.sales.documents import QuotationInput
    from crm_desktop.services.sales.quotations import create_quotation
    from crm_desktop.sync.files import import_bundle
    from tests.test_sync_sales import LINE, SITES, numbers_of

    office, rep = (new_copy(template, tmp_path, name, clock, site=SITES[name]) for name in ("office", "rep"))
    try:
        customer = create_account(office.uow(), AccountInput(name="บริษัท ลมเย็น จำกัด"), TODAY).created[0]
        create_quotation(office.uow(), QuotationInput(account_id=customer, lines=[LINE]), TODAY)
        export_bundle(office.database, tmp_path / "to-rep.zip", everything=True)
        import_bundle(rep.database, rep.user_id, tmp_path / "to-rep.zip")
        made = create_quotation(rep.uow(), QuotationInput(account_id=customer, lines=[LINE]), TODAY).created[0]
        assert "7F3A" in numbers_of(rep, "quotation")[made][0]  # the rep's own copy code, the owner's document
        export_bundle(rep.database, tmp_path / "to-office.zip", everything=True)
        nok = add_user(office, "Nok", "sales")
        result = import_bundle(office.database, nok, tmp_path / "to-office.zip")
        assert result.report.renumbered == {"quotation": 1}
        assert "7F3A" not in numbers_of(office, "quotation")[made][0]
    finally:
        office.close()
        rep.close()


def test_a_hand_over_flushed_midway_stays_the_reps_to_finish(ctx: AppContext, office: dict[str, str]) -> None:
    own = add_lead(ctx, "Anan", office["nok"])
    with as_person(ctx, office["nok"]).uow() as uow:
        lead = uow.leads.get(own)
        lead.owner_id = office["ploy"]
        uow.session.flush()  # as a service that reads back its own writes
        lead.notes = "ส่งต่อให้พลอยดูแล"
        uow.commit()
    assert lead_input(ctx.uow(), own).owner_id == office["ploy"]
