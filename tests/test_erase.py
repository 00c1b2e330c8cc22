"""Erase a person (PDPA): the record, its history, the records that name them, search, and the file bytes.
On an office server too (CRM_TEST_SERVER), but for the bytes of a file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from crm_desktop.errors import DomainError, NotFound
from crm_desktop.models import Activity, Opportunity, SalesOrder
from crm_desktop.models.privacy import erase_mark
from crm_desktop.queries.search import search_all
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact, update_contact
from crm_desktop.services.duplicates import merge
from crm_desktop.services.erase import erase_person, reclaim_space
from crm_desktop.services.leads import LeadInput, create_lead, qualify, update_lead
from crm_desktop.sync.files import export_bundle
from tests.server_helpers import fetch, raw_sql
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

PHONE = "0819876543"
NAME = "สมศรีทดสอบ"
LAST = "ใจงามยิ่ง"
EMAIL = "somsri.private@example.com"


def somsri(**extra: object) -> ContactInput:
    values: dict[str, object] = dict(
        first_name=NAME, last_name=LAST, nickname="ศรีศรี", mobile=PHONE, email=EMAIL, line_id="somsri_line",
        birthday=date(1990, 4, 1), gender="female", address_line="99/9 ซอยลับมาก", postcode="10110",
        province="กรุงเทพมหานคร", notes=f"ชอบโทร {PHONE} ตอนเย็น", position="ผู้จัดการ")
    values.update(extra)
    return ContactInput(**values)  # type: ignore[arg-type]


def new_contact(ctx: AppContext, data: ContactInput | None = None) -> str:
    return create_contact(ctx.uow(), data or somsri(), TODAY).created[0]


def with_business(ctx: AppContext, contact_id: str) -> dict[str, str]:
    """An activity naming the person, a deal named after her, and an order with her address."""
    with ctx.uow() as uow:
        stage = uow.session.execute(
            __import__("sqlalchemy").text("SELECT id FROM stage WHERE kind = 'open' LIMIT 1")).scalar_one()
        act = Activity(subject=f"โทรหาคุณ{NAME} {LAST}", notes=f"เบอร์ 081-987-6543 อีเมล {EMAIL.upper()}",
                       due_on=TODAY, contact_id=contact_id)
        deal = Opportunity(name=f"ตู้เย็นของ {NAME} {LAST}", stage_id=stage, amount_satang=1_500_000,
                           contact_id=contact_id)
        order = SalesOrder(number="SO-1", issued_on=TODAY, contact_id=contact_id, status="confirmed",
                           delivery_address=f"คุณ{NAME} 99/9 ซอยลับมาก 10110", bill_discount_satang=5_000)
        for row in (act, deal, order):
            uow.session.add(row)
        uow.commit()
        return {"activity": act.id, "opportunity": deal.id, "sales_order": order.id}


def value(ctx: AppContext, sql: str, *args: object) -> object:
    return fetch(ctx, sql, args)[0][0]


def log_text(ctx: AppContext) -> str:
    return "\n".join(str(f) for (f,) in fetch(ctx, "SELECT fields FROM change"))


def test_erase_a_contact_removes_their_fields_and_keeps_the_business(ctx: AppContext) -> None:
    contact_id = new_contact(ctx)
    update_contact(ctx.uow(), contact_id, somsri(mobile="0891112222"), TODAY)  # an old phone in history
    update_contact(ctx.uow(), contact_id, somsri(), TODAY)
    ids = with_business(ctx, contact_id)
    mark = erase_mark(contact_id)

    result = erase_person(ctx.uow(), "contact", contact_id)

    assert result.erased == (("contact", contact_id),)
    with raw_sql(ctx) as conn:
        row = conn.execute("SELECT * FROM contact WHERE id = ?", (contact_id,)).mappings().one()
        act = conn.execute("SELECT * FROM activity WHERE id = ?", (ids["activity"],)).mappings().one()
        deal = conn.execute("SELECT * FROM opportunity WHERE id = ?", (ids["opportunity"],)).mappings().one()
        order = conn.execute("SELECT * FROM sales_order WHERE id = ?", (ids["sales_order"],)).mappings().one()
    assert row["first_name"] == mark and row["last_name"] == "" and row["mobile"] == "" and row["email"] == ""
    assert row["birthday"] is None and row["address_line"] == "" and row["notes"] == "" and row["gender"] == ""
    assert row["position"] == "ผู้จัดการ" and row["province"] == "กรุงเทพมหานคร" and row["deleted_at"] is None
    assert act["subject"] == f"โทรหาคุณ{mark}" and act["notes"] == f"เบอร์ {mark} อีเมล {mark}"
    assert str(act["due_on"]) == TODAY.isoformat() and act["contact_id"] == contact_id
    assert deal["name"] == f"ตู้เย็นของ {mark}" and deal["amount_satang"] == 1_500_000
    assert order["delivery_address"] == f"คุณ{mark} 99/9 ซอยลับมาก 10110".replace("99/9 ซอยลับมาก", mark)
    assert order["bill_discount_satang"] == 5_000 and order["status"] == "confirmed"
    history = log_text(ctx)
    for secret in (NAME, LAST, PHONE[1:], "891112222", EMAIL, "somsri_line", "1990-04-01", "ซอยลับมาก", "ศรีศรี"):
        assert secret not in history
    [(kind, row_id, user, fields)] = fetch(ctx, "SELECT entity, row_id, user_id, fields FROM change "
                                                "WHERE entity = 'erasure'")
    assert (kind, row_id, user, json.loads(str(fields))) == ("erasure", contact_id, ctx.user_id, {"entity": "contact"})


def test_search_no_longer_finds_them(ctx: AppContext) -> None:
    contact_id = new_contact(ctx)
    with_business(ctx, contact_id)
    assert search_all(ctx.database, NAME)
    erase_person(ctx.uow(), "contact", contact_id)
    for query in (NAME, LAST, PHONE, EMAIL, "somsri_line"):
        assert search_all(ctx.database, query) == []


def test_a_lead_and_the_contact_it_became_are_both_erased(ctx: AppContext) -> None:
    from crm_desktop.services.convert import ConvertOptions, convert_lead

    lead_id = create_lead(ctx.uow(), LeadInput(first_name=NAME, last_name=LAST, mobile=PHONE, email=EMAIL,
                                               tax_id="", company_name="")).created[0]
    qualify(ctx.uow(), lead_id, ctx.user_id)
    convert_lead(ctx.uow(), lead_id, ConvertOptions(), TODAY)
    contact_id = value(ctx, "SELECT converted_contact_id FROM lead WHERE id = ?", lead_id)

    result = erase_person(ctx.uow(), "lead", lead_id)

    assert set(result.erased) == {("lead", lead_id), ("contact", contact_id)}
    assert value(ctx, "SELECT first_name FROM lead WHERE id = ?", lead_id) == erase_mark(lead_id)
    assert value(ctx, "SELECT first_name FROM contact WHERE id = ?", contact_id) == erase_mark(str(contact_id))
    assert value(ctx, "SELECT status FROM lead WHERE id = ?", lead_id) == "converted"
    assert NAME not in log_text(ctx) and PHONE[1:] not in log_text(ctx)


def test_a_duplicate_merged_into_them_is_erased_too(ctx: AppContext) -> None:
    winner = new_contact(ctx)
    loser = new_contact(ctx, somsri(mobile="0823334444", email="old@example.com"))
    merge(ctx.uow(), "contact", winner, loser, {})
    result = erase_person(ctx.uow(), "contact", winner)
    assert ("contact", loser) in result.erased
    history = log_text(ctx) + str(fetch(ctx, "SELECT winner_before_json FROM merge_log"))
    assert "823334444" not in history and "old@example.com" not in history and NAME not in history


def test_personal_data_cannot_be_typed_into_an_erased_record_again(ctx: AppContext) -> None:
    contact_id = new_contact(ctx)
    erase_person(ctx.uow(), "contact", contact_id)
    with pytest.raises(DomainError, match="erased"):
        update_contact(ctx.uow(), contact_id, somsri(first_name=erase_mark(contact_id), last_name="", nickname="",
                                                       birthday=None, gender="", address_line="", postcode="",
                                                       notes="", line_id="", email=""), TODAY)
    # what is not personal may still change (the position, the owner…)
    blank = ContactInput(first_name=erase_mark(contact_id), position="ผู้อำนวยการ", province="กรุงเทพมหานคร")
    update_contact(ctx.uow(), contact_id, blank, TODAY)
    assert value(ctx, "SELECT position FROM contact WHERE id = ?", contact_id) == "ผู้อำนวยการ"
    lead_id = create_lead(ctx.uow(), LeadInput(first_name=NAME, mobile=PHONE)).created[0]
    erase_person(ctx.uow(), "lead", lead_id)
    with pytest.raises(DomainError, match="erased"):
        update_lead(ctx.uow(), lead_id, LeadInput(first_name=erase_mark(lead_id), mobile=PHONE))


def test_erasing_nothing_is_refused_and_changes_nothing(ctx: AppContext) -> None:
    new_contact(ctx)
    before = log_text(ctx)
    with pytest.raises(NotFound):
        erase_person(ctx.uow(), "contact", "no-such-id")
    with pytest.raises(DomainError):
        erase_person(ctx.uow(), "account", "x")
    assert log_text(ctx) == before


def raw_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def secrets() -> list[bytes]:
    return [s.encode() for s in (NAME, LAST, PHONE, PHONE[1:], "+66" + PHONE[1:], EMAIL, "somsri_line", "ซอยลับมาก")]


def test_erased_values_stay_out_of_the_log_and_a_later_sync_file_and_the_space_is_reclaimed(
        ctx: AppContext, tmp_path: Path) -> None:
    """On a file or a server: after the erase and `reclaim_space` (a checkpoint and VACUUM of the
    file, or a VACUUM of the tables the erase rewrote on a server), no value of hers is in a row, the
    log, or a sync file exported afterwards."""
    contact_id = new_contact(ctx)
    update_contact(ctx.uow(), contact_id, somsri(notes=f"โทร {PHONE} อีกครั้ง"), TODAY)
    with_business(ctx, contact_id)
    erase_person(ctx.uow(), "contact", contact_id)
    reclaim_space(ctx.database)
    texts = str(fetch(ctx, "SELECT * FROM contact")) + str(fetch(ctx, "SELECT * FROM activity")) + log_text(ctx)
    assert [s for s in secrets() if s.decode() in texts] == []
    export_bundle(ctx.database, tmp_path / "after.zip", everything=True)
    import zipfile
    with zipfile.ZipFile(tmp_path / "after.zip") as zf:
        assert [s for s in secrets() if s in zf.read("changes.ndjson")] == []
    create_contact(ctx.uow(), ContactInput(first_name="หลังลบ"), TODAY)  # the desk works on after the VACUUM


@pytest.mark.sqlite_only
def test_the_erased_values_are_not_in_the_database_file_nor_a_later_sync_file(ctx: AppContext,
                                                                            tmp_path: Path) -> None:
    contact_id = new_contact(ctx)
    for n in range(3):  # edits leave old versions of the row in freed space
        update_contact(ctx.uow(), contact_id, somsri(notes=f"โทร {PHONE} ครั้งที่ {n}"), TODAY)
    with_business(ctx, contact_id)
    for other in range(30):  # neighbours on the same pages
        new_contact(ctx, ContactInput(first_name=f"คนอื่น{other}", mobile=f"08{other:08d}"))
    path = ctx.database.path
    assert any(s in raw_bytes(path) for s in secrets())

    erase_person(ctx.uow(), "contact", contact_id)
    reclaim_space(ctx.database)

    found = raw_bytes(path)
    assert [s for s in secrets() if s in found] == []
    assert "คนอื่น7".encode() in found  # the others are still there
    out = tmp_path / "after.zip"
    export_bundle(ctx.database, out, everything=True)
    import zipfile
    with zipfile.ZipFile(out) as zf:
        payload = zf.read("changes.ndjson")
        manifest = json.loads(zf.read("manifest.json"))
    assert [s for s in secrets() if s in payload] == []
    assert b'"e":"erasure"' in payload and manifest["version"] == 2


@pytest.mark.sqlite_only
def test_the_command_line_asks_for_yes_and_erases(ctx: AppContext, capsys: pytest.CaptureFixture[str]) -> None:
    from crm_desktop.main import main
    from tests.time_helpers import make_clock

    contact_id = new_contact(ctx)
    ctx.close()
    db = str(ctx.database.path)
    assert main(["--lang", "en", "--db", db, "erase", "contact", contact_id], make_clock()) == 1
    assert "--yes" in capsys.readouterr().err
    assert NAME.encode() in raw_bytes(ctx.database.path)
    assert main(["--lang", "en", "--db", db, "erase", "contact", "nobody", "--yes"], make_clock()) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["--lang", "en", "--db", db, "erase", "contact", contact_id, "--yes"], make_clock()) == 0
    out = capsys.readouterr().out
    assert "Erased 1 record(s)" in out and "Backups made before now" in out
    assert [s for s in secrets() if s in raw_bytes(ctx.database.path)] == []
