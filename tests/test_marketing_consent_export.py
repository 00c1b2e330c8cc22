"""Exports for marketing (PDPA) leave out everyone without consent: a withdrawal made today, through the
form, an import or another copy, takes the person out of the very next consent-only export."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from crm_desktop import cli
from crm_desktop.clock import FixedClock
from crm_desktop.exchange.records import RecordFilter, export_records
from crm_desktop.exchange.rows import read_import_file
from crm_desktop.queries.consent import consent_history
from crm_desktop.queries.imports import preview_rows
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact, update_contact
from crm_desktop.services.imports import import_rows
from crm_desktop.services.leads import LeadInput, create_lead, update_lead
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.server_helpers import command_db
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

CONSENT = RecordFilter(consent_only=True)


def _names(ctx: AppContext, tmp_path: Path, kind: str = "contacts", fmt: str = "csv") -> set[str]:
    dest = tmp_path / f"{kind}-{len(list(tmp_path.iterdir()))}.{fmt}"
    export_records(ctx.database, kind, dest, fmt, flt=CONSENT)
    if fmt == "vcf":
        text = dest.read_text(encoding="utf-8")
        return {line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("FN")}
    with dest.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    first = next(i for i, h in enumerate(rows[0]) if h in ("First Name", "ชื่อ"))
    return {row[first] for row in rows[1:]}


def _person(first: str, mobile: str, consent: bool) -> ContactInput:
    return ContactInput(first_name=first, mobile=mobile, marketing_consent=consent)


def test_consent_withdrawn_today_is_left_out_and_consent_given_today_is_in(ctx: AppContext, tmp_path: Path) -> None:
    anong = create_contact(ctx.uow(), _person("Anong", "0811111111", True), TODAY).created[0]
    create_contact(ctx.uow(), _person("Boon", "0822222222", True), TODAY)
    create_contact(ctx.uow(), _person("Chai", "0833333333", False), TODAY)
    assert _names(ctx, tmp_path) == {"Anong", "Boon"}
    update_contact(ctx.uow(), anong, _person("Anong", "0811111111", False), TODAY)  # withdrawn today
    assert consent_history(ctx.database, "contact", anong)[0].given is False
    assert _names(ctx, tmp_path) == {"Boon"}
    assert _names(ctx, tmp_path, fmt="vcf") == {"Boon"}


def test_a_withdrawal_by_import_or_from_another_copy_is_honoured(copies: list[AppContext], tmp_path: Path) -> None:
    office, rep, _ = copies
    anong = create_contact(office.uow(), _person("Anong", "0811111111", True), TODAY).created[0]
    boon = create_contact(office.uow(), _person("Boon", "0822222222", True), TODAY).created[0]
    export_bundle(office.database, tmp_path / "1.zip", everything=True)
    import_bundle(rep.database, rep.user_id, tmp_path / "1.zip")
    sheet = tmp_path / "withdrawals.csv"
    sheet.write_text("First Name,Mobile,Marketing Consent\nAnong,0811111111,no\n", encoding="utf-8-sig")
    rows = read_import_file(sheet, "contacts").rows
    result = import_rows(office.uow(), "contacts", rows, preview_rows(office.database, "contacts", rows), TODAY,
                         decision="update", source=sheet.name)
    assert result.updated == 1
    update_contact(rep.uow(), boon, replace(_person("Boon", "0822222222", False)), TODAY)
    out = tmp_path / "out"
    out.mkdir()
    assert _names(office, out) == {"Boon"} and _names(rep, out) == {"Anong"}
    for src, dst, name in ((office, rep, "2.zip"), (rep, office, "3.zip")):
        export_bundle(src.database, tmp_path / name, everything=True)
        import_bundle(dst.database, dst.user_id, tmp_path / name)
    assert _names(office, out) == _names(rep, out) == set()
    assert consent_history(rep.database, "contact", anong)[0].source == "withdrawals.csv"


def test_leads_without_consent_are_left_out_of_a_consent_only_export(ctx: AppContext, tmp_path: Path) -> None:
    kept = create_lead(ctx.uow(), LeadInput(first_name="Dao", marketing_consent=True)).created[0]
    create_lead(ctx.uow(), LeadInput(first_name="Ek"))
    assert _names(ctx, tmp_path, "leads") == {"Dao"}
    update_lead(ctx.uow(), kept, LeadInput(first_name="Dao"))
    assert _names(ctx, tmp_path, "leads") == set()


def test_cli_consent_only_for_leads(ctx: AppContext, clock: FixedClock, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    create_lead(ctx.uow(), LeadInput(first_name="Dao", marketing_consent=True))
    create_lead(ctx.uow(), LeadInput(first_name="Ek"))
    path = command_db(ctx, monkeypatch)
    ctx.close()
    out = tmp_path / "leads.csv"
    assert cli.run(cli.parse_args(["--db", path, "export", "leads", "--format", "csv", "--out", str(out),
                                   "--consent-only"]), clock) == 0
    assert "Dao" in out.read_text(encoding="utf-8-sig") and "Ek" not in out.read_text(encoding="utf-8-sig")
