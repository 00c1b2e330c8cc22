"""Consent history (PDPA): every change of a person's marketing consent is recorded, however it was made,
and travels to the other copies."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from crm_desktop.db import engine, migrate
from crm_desktop.errors import ValidationError
from crm_desktop.exchange.rows import read_import_file
from crm_desktop.models import User
from crm_desktop.queries.consent import consent_history
from crm_desktop.queries.imports import preview_rows
from crm_desktop.queries.leads import LeadFilter, lead_keys
from crm_desktop.services.app import AppContext
from crm_desktop.services.consent import ConsentSaid
from crm_desktop.services.contacts import ContactInput, create_contact, update_contact
from crm_desktop.services.convert import ConvertOptions, convert_lead
from crm_desktop.services.duplicates import merge
from crm_desktop.services.imports import import_rows
from crm_desktop.services.leads import LeadInput, create_lead, qualify, update_lead
from crm_desktop.sync.conflicts import open_conflicts, resolve
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.server_helpers import fetch
from tests.test_core_data import table_dump
from tests.time_helpers import TEST_NOW, TODAY

pytestmark = pytest.mark.server

SOMCHAI = ContactInput(first_name="สมชาย", last_name="ใจดี", mobile="0812345678")


def _steps(ctx: AppContext, kind: str, person_id: str) -> list[tuple[bool, str]]:
    """(given, method) of each history row, oldest first."""
    return [(row.given, row.method) for row in reversed(consent_history(ctx.database, kind, person_id))]  # type: ignore[arg-type]


def test_the_form_records_who_gave_consent_when_and_how_and_a_withdrawal(ctx: AppContext) -> None:
    said = ConsentSaid("line", "รับข่าวสารและโปรโมชั่นทาง LINE")
    contact_id = create_contact(ctx.uow(), replace(SOMCHAI, marketing_consent=True), TODAY, said).created[0]
    [given] = consent_history(ctx.database, "contact", contact_id)
    assert (given.given, given.method, given.channel, given.wording) == (True, "form", "line", said.wording)
    assert given.consent_on == TODAY and given.user_name  # the signed-in user, by name
    assert TEST_NOW <= given.changed_at < datetime(2026, 11, 23, 3, 1)  # the application clock, not the machine's

    update_contact(ctx.uow(), contact_id, replace(SOMCHAI, marketing_consent=True, nickname="ชาย"), TODAY)
    assert len(consent_history(ctx.database, "contact", contact_id)) == 1  # another field: no new row
    update_contact(ctx.uow(), contact_id, SOMCHAI, TODAY)
    withdrawn, _ = consent_history(ctx.database, "contact", contact_id)
    assert (withdrawn.given, withdrawn.consent_on, withdrawn.channel, withdrawn.wording) == (False, None, "", "")
    assert _steps(ctx, "contact", contact_id) == [(True, "form"), (False, "form")]


def test_a_contact_created_without_consent_has_no_history(ctx: AppContext) -> None:
    contact_id = create_contact(ctx.uow(), SOMCHAI, TODAY).created[0]
    assert consent_history(ctx.database, "contact", contact_id) == ()


def test_an_unknown_channel_or_too_long_wording_writes_nothing(ctx: AppContext) -> None:
    before = table_dump(ctx.database.path)
    with pytest.raises(ValidationError) as err:
        create_contact(ctx.uow(), replace(SOMCHAI, marketing_consent=True), TODAY, ConsentSaid("fax"))
    assert err.value.field == "consent_channel"
    with pytest.raises(ValidationError) as err:
        create_contact(ctx.uow(), replace(SOMCHAI, marketing_consent=True), TODAY, ConsentSaid("", "ก" * 501))
    assert err.value.field == "consent_wording"
    assert table_dump(ctx.database.path) == before


def test_a_lead_records_consent_and_conversion_carries_it_to_the_contact(ctx: AppContext) -> None:
    lead = LeadInput(first_name="สมหญิง", last_name="รักงาน", mobile="0891112222")
    lead_id = create_lead(ctx.uow(), replace(lead, marketing_consent=True, consent_on=date(2026, 11, 1))).created[0]
    [row] = consent_history(ctx.database, "lead", lead_id)
    assert (row.given, row.method, row.consent_on) == (True, "form", date(2026, 11, 1))
    update_lead(ctx.uow(), lead_id, lead)
    assert _steps(ctx, "lead", lead_id) == [(True, "form"), (False, "form")]
    update_lead(ctx.uow(), lead_id, replace(lead, marketing_consent=True, consent_on=date(2026, 11, 20)))

    with ctx.uow() as uow:
        uow.users.add(User(id="rep-nok", name="Nok", role="sales"))
        uow.commit()
    qualify(ctx.uow(), lead_id, "rep-nok")
    changes = convert_lead(ctx.uow(), lead_id, ConvertOptions(), TODAY)
    contact_id = next(c.created[0] for c in changes if c.entity == "contact")
    [carried] = consent_history(ctx.database, "contact", contact_id)
    assert (carried.given, carried.method, carried.consent_on) == (True, "convert", date(2026, 11, 20))


def test_an_import_records_its_file_and_a_reimport_records_nothing(ctx: AppContext, tmp_path: Path) -> None:
    path = tmp_path / "ลูกค้า.csv"
    path.write_text("ชื่อ-นามสกุล,มือถือ,ยินยอมรับข่าวสาร\nสมชาย ใจดี,0812345678,ใช่\nสมศรี มีสุข,0891112222,ไม่\n",
                    encoding="utf-8-sig")

    def run() -> None:
        rows = read_import_file(path, "contacts").rows
        import_rows(ctx.uow(), "contacts", rows, preview_rows(ctx.database, "contacts", rows), TODAY,
                    decision="update", source=path.name)

    run()
    rows = fetch(ctx, "SELECT c.first_name, e.given, e.method, e.source FROM consent_event e "
                      "JOIN contact c ON c.id = e.contact_id")
    assert rows == [("สมชาย", 1, "import", "ลูกค้า.csv")]  # สมศรี never gave consent: nothing to record
    run()
    assert fetch(ctx, "SELECT count(*) FROM consent_event") == [(1,)]


def test_a_merge_keeps_both_histories_on_the_winner_and_records_the_change(ctx: AppContext) -> None:
    winner = create_contact(ctx.uow(), SOMCHAI, TODAY).created[0]
    loser = create_contact(ctx.uow(), replace(SOMCHAI, marketing_consent=True, mobile="0891112222"), TODAY).created[0]
    merge(ctx.uow(), "contact", winner, loser, {"marketing_consent": "loser", "consent_on": "loser"})
    assert sorted(_steps(ctx, "contact", winner)) == [(True, "form"), (True, "merge")]


def test_the_history_travels_by_sync_and_a_conflict_taken_the_other_way_is_recorded(copies, tmp_path) -> None:
    office, rep, _ = copies
    contact_id = create_contact(office.uow(), replace(SOMCHAI, marketing_consent=True), TODAY).created[0]
    export_bundle(office.database, tmp_path / "1.zip", everything=True)
    import_bundle(rep.database, rep.user_id, tmp_path / "1.zip")
    assert consent_history(rep.database, "contact", contact_id) == consent_history(office.database, "contact",
                                                                                   contact_id)
    update_contact(office.uow(), contact_id, SOMCHAI, TODAY)  # the office records a withdrawal, then consent again
    update_contact(office.uow(), contact_id, replace(SOMCHAI, marketing_consent=True), TODAY)
    update_contact(rep.uow(), contact_id, replace(SOMCHAI, email="s@example.com"), TODAY)  # the rep, a withdrawal
    for src, dst, name in ((office, rep, "2.zip"), (rep, office, "3.zip")):
        export_bundle(src.database, tmp_path / name, everything=True)
        import_bundle(dst.database, dst.user_id, tmp_path / name)
    office_rows = consent_history(office.database, "contact", contact_id)
    assert office_rows == consent_history(rep.database, "contact", contact_id)  # one history, no copy's twins
    assert len(office_rows) == 4
    conflict = next(c for c in open_conflicts(office.database) if c.field == "marketing_consent")
    resolve(office.database, office.user_id, conflict.id, keep_other=True)  # the office's own value back
    latest = consent_history(office.database, "contact", contact_id)[0]
    assert (latest.given, latest.method) == (True, "sync")


def test_migration_0019_adds_the_history_and_lead_consent_and_takes_them_away(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "crm.sqlite3"
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    eng = engine.make_engine(path)
    with eng.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0018")
        conn.exec_driver_sql("INSERT INTO lead (id, created_at, updated_at, hlc, site_id, prefix, first_name, "
                             "last_name, company_name, position, mobile, phone, email, line_id, tax_id, province, "
                             "interest, timeframe, source, status, score, disqualify_reason, notes, match_key) "
                             "VALUES ('l1', '2026-01-01', '2026-01-01', 1, 's', '', 'สมใจ', '', 'ร้านเก่าแก่', '', "
                             "'', '', '', '', '', '', '', '', '', 'new', 0, '', '', '')")
        command.upgrade(config, "0019")
        assert conn.exec_driver_sql("SELECT first_name, marketing_consent, consent_on FROM lead").fetchall() == [
            ("สมใจ", 0, None)]
        # The lead's search triggers survive (a batch copy of the table would have dropped them).
        triggers = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                        "AND tbl_name = 'lead'").scalar()
        assert triggers
        conn.exec_driver_sql("INSERT INTO consent_event (id, lead_id, given, changed_at, method, channel, wording, "
                             "source, created_at, updated_at, hlc, site_id) VALUES ('e1', 'l1', 1, "
                             "'2026-01-01 00:00:00.000000', 'form', '', '', '', '2026-01-01', '2026-01-01', 2, 's')")
        command.downgrade(config, "0018")
        tables = {name for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "consent_event" not in tables
        columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(lead)")}
        assert "marketing_consent" not in columns and "first_name" in columns
        assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                    "AND tbl_name = 'lead'").scalar() == triggers
    eng.dispose()


def test_lead_search_still_finds_leads_after_the_migration(ctx: AppContext) -> None:
    lead_id = create_lead(ctx.uow(), LeadInput(first_name="Chai", company_name="Chai Trading")).created[0]
    assert lead_id and len(lead_keys(ctx.database, LeadFilter(text="chai trad"))) == 1


def test_an_erase_records_the_withdrawal_and_takes_the_person_out_of_marketing(copies, tmp_path) -> None:
    from crm_desktop.exchange.records import RecordFilter, export_records
    from crm_desktop.services.erase import erase_person

    office, rep, _ = copies
    said = ConsentSaid("line", "ข่าวสารจากร้าน สมชาย ใจดี")  # wording that names the person
    contact_id = create_contact(office.uow(), replace(SOMCHAI, marketing_consent=True), TODAY, said).created[0]
    lead_id = create_lead(office.uow(), LeadInput(first_name="สมหญิง", marketing_consent=True)).created[0]
    export_bundle(office.database, tmp_path / "1.zip", everything=True)
    import_bundle(rep.database, rep.user_id, tmp_path / "1.zip")
    erase_person(office.uow(), "contact", contact_id)
    erase_person(office.uow(), "lead", lead_id)
    for kind, person in (("contact", contact_id), ("lead", lead_id)):
        latest = consent_history(office.database, kind, person)[0]  # type: ignore[arg-type]
        assert (latest.given, latest.method) == (False, "erase")
    assert "สมชาย" not in consent_history(office.database, "contact", contact_id)[1].wording  # the mark instead
    export_records(office.database, "contacts", tmp_path / "m.csv", "csv", flt=RecordFilter(consent_only=True))
    assert "PDPA" not in (tmp_path / "m.csv").read_text(encoding="utf-8-sig")
    export_bundle(office.database, tmp_path / "2.zip", everything=True)
    import_bundle(rep.database, rep.user_id, tmp_path / "2.zip")
    assert consent_history(rep.database, "contact", contact_id) == consent_history(office.database, "contact",
                                                                                   contact_id)
