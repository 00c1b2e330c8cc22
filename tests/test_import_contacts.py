"""Import of contacts and companies: files in, one transaction, duplicates per decision, nothing half done."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop import cli
from crm_desktop.clock import FixedClock
from crm_desktop.db import bulk
from crm_desktop.exchange.rows import read_import_file
from crm_desktop.models import Account, Contact
from crm_desktop.queries.imports import DUPLICATE, ERROR, NEW, UPDATE, preview_rows
from crm_desktop.queries.search import search_all
from crm_desktop.services import imports
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.imports import import_rows
from crm_desktop.services.validation import make_tax_id
from tests.server_helpers import command_db, fetch
from tests.sync_helpers import dump
from tests.time_helpers import TODAY

THAI_CSV = (
    "ชื่อ-นามสกุล,มือถือ,อีเมล,วันเกิด,จังหวัด\n"
    "นายสมชาย ใจดี,081-234-5678,somchai@Example.com,15/03/2530,กรุงเทพ\n"
    "นางสาวสมหญิง รักงาน,0891112222,,1/1/2535,เชียงใหม่\n"
)

pytestmark = pytest.mark.server


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _contacts(ctx: AppContext) -> list[Contact]:
    with ctx.uow() as uow:
        rows = list(uow.session.query(Contact).filter(Contact.deleted_at.is_(None)).order_by(Contact.first_name))
        uow.session.expunge_all()
    return rows


def _change_count(ctx: AppContext) -> int:
    return int(fetch(ctx, "SELECT count(*) FROM change")[0][0])  # type: ignore[call-overload]


def _import(ctx: AppContext, path: Path, kind: str = "contacts", **options: object) -> imports.ImportResult:
    rows = read_import_file(path, kind).rows
    return import_rows(ctx.uow(), kind, rows, preview_rows(ctx.database, kind, rows), TODAY, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp874"])
def test_thai_csv_imports_names_split_phones_normalised_be_birthdays(ctx: AppContext, tmp_path: Path,
                                                                     encoding: str) -> None:
    result = _import(ctx, _write(tmp_path, "customers.csv", THAI_CSV, encoding))
    assert (result.created, result.rejected, result.written) == (2, (), True)
    somchai, somying = _contacts(ctx)
    assert (somchai.prefix, somchai.first_name, somchai.last_name) == ("นาย", "สมชาย", "ใจดี")
    assert somchai.mobile == "+66812345678"
    assert somchai.email == "somchai@example.com"
    assert somchai.birthday is not None and somchai.birthday.year == 1987
    assert somchai.province == "กรุงเทพมหานคร"
    assert (somying.prefix, somying.mobile) == ("นางสาว", "+66891112222")
    assert set(result.changes.created) == {somchai.id, somying.id}


def test_xlsx_imports(ctx: AppContext, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["ชื่อ", "นามสกุล", "เบอร์มือถือ"])
    sheet.append(["สมศักดิ์", "มั่นคง", "0812223333"])
    path = tmp_path / "people.xlsx"
    book.save(path)
    assert _import(ctx, path).created == 1
    (contact,) = _contacts(ctx)
    assert (contact.first_name, contact.last_name, contact.mobile) == ("สมศักดิ์", "มั่นคง", "+66812223333")


def test_vcard_imports(ctx: AppContext, tmp_path: Path) -> None:
    card = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:ใจดี;สมชาย;;นาย;\r\nFN:นายสมชาย ใจดี\r\n"
            "TEL;TYPE=CELL:+66 81 234 5678\r\nEMAIL:s@example.com\r\nBDAY:1987-03-15\r\nEND:VCARD\r\n"
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:นางมาลี ศรีสุข\r\nEND:VCARD\r\n")
    assert _import(ctx, _write(tmp_path, "phone.vcf", card)).created == 2
    mali, somchai = _contacts(ctx)
    assert (somchai.first_name, somchai.mobile, somchai.email) == ("สมชาย", "+66812345678", "s@example.com")
    assert (mali.prefix, mali.first_name, mali.last_name) == ("นาง", "มาลี", "ศรีสุข")


def test_duplicates_by_phone_and_email_per_decision(ctx: AppContext, tmp_path: Path) -> None:
    create_contact(ctx.uow(), ContactInput(first_name="Somchai", last_name="Jaidee", mobile="0812345678"), TODAY)
    create_contact(ctx.uow(), ContactInput(first_name="Mali", email="mali@example.com"), TODAY)
    text = ("First Name,Last Name,Mobile,Email,Position\n"
            "สมชาย,J.,+66 81 234 5678,,Boss\n"  # the same phone in another format, another name
            "Malee,,,mali@EXAMPLE.com,Buyer\n")
    path = _write(tmp_path, "dups.csv", text)
    plans = preview_rows(ctx.database, "contacts", read_import_file(path, "contacts").rows).plans
    assert [(p.status, p.reasons) for p in plans] == [(DUPLICATE, ("phone",)), (DUPLICATE, ("email",))]

    skipped = _import(ctx, path)
    assert (skipped.skipped, skipped.created, skipped.updated) == (2, 0, 0)
    created = _import(ctx, path, decision="create")
    assert created.created == 2
    updated = _import(ctx, path, decision="update")
    assert updated.updated == 2
    positions = {c.position for c in _contacts(ctx) if c.id not in created.changes.created}
    assert positions == {"Boss", "Buyer"}


def test_company_duplicate_by_tax_id_and_branch(ctx: AppContext, tmp_path: Path) -> None:
    tax_id = make_tax_id("010555012345")
    create_account(ctx.uow(), AccountInput(name="บริษัท ไทยดี จำกัด", tax_id=tax_id), TODAY)
    text = ("ชื่อบริษัท,เลขประจำตัวผู้เสียภาษี,สาขา,อุตสาหกรรม\n"
            f"Thai Dee Co.,{tax_id},00000,Food\n"
            f"Thai Dee Lampang,{tax_id},00001,Food\n"  # another branch: a new account
            f"บริษัท ไทยดี จำกัด (มหาชน),{tax_id[:-1]}0,00000,Food\n")  # wrong check digit
    path = _write(tmp_path, "companies.csv", text)
    plans = preview_rows(ctx.database, "companies", read_import_file(path, "companies").rows).plans
    assert [(p.status, p.reasons) for p in plans] == [(DUPLICATE, ("tax_id",)), (NEW, ()), (ERROR, ())]
    result = _import(ctx, path, "companies", decision="update")
    assert (result.updated, result.created, len(result.rejected)) == (1, 1, 1)
    assert "check digit" in result.rejected[0].text("en") or result.rejected[0].text("th")
    with ctx.uow() as uow:
        names = sorted((a.branch_code, a.industry) for a in uow.session.query(Account))
    assert names == [("00000", "Food"), ("00001", "Food")]


def test_reimport_changes_nothing_and_logs_nothing(ctx: AppContext, tmp_path: Path) -> None:
    path = _write(tmp_path, "customers.csv", THAI_CSV)
    first = _import(ctx, path)
    logged = {r[0] for r in fetch(ctx, "SELECT row_id FROM change WHERE entity = 'contact'")}
    assert set(first.changes.created) <= logged  # the imported rows sync
    before = (_change_count(ctx), dump(ctx))
    again = _import(ctx, path, decision="update")
    assert [p.status for p in again.preview.plans] == [UPDATE, UPDATE]
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert (_change_count(ctx), dump(ctx)) == before


def test_dry_run_and_stop_on_error_write_nothing(ctx: AppContext, tmp_path: Path) -> None:
    before = dump(ctx)
    dry = _import(ctx, _write(tmp_path, "a.csv", THAI_CSV), dry_run=True)
    assert (dry.created, dry.written) == (2, False)
    bad = _write(tmp_path, "b.csv", THAI_CSV + "นายดำ ดี,0812,,31/02/2569,\n")
    stopped = _import(ctx, bad, stop_on_error=True)
    assert (len(stopped.rejected), stopped.written, stopped.changes.ids) == (1, False, ())
    assert dump(ctx) == before


def test_failure_halfway_leaves_the_database_as_it_was(ctx: AppContext, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    before = (dump(ctx), _change_count(ctx))
    real = imports.clean_contact
    calls = []

    def failing(*args: object) -> dict[str, object]:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk unplugged")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(imports, "clean_contact", failing)
    monkeypatch.setitem(imports._KINDS, "contacts", imports._Kind(
        Contact, ContactInput, lambda uow, data, today, _id: failing(uow, data, today), {"first_name": ""}))
    with pytest.raises(RuntimeError):
        _import(ctx, _write(tmp_path, "a.csv", THAI_CSV))
    assert (dump(ctx), _change_count(ctx)) == before


def test_cli_import_counts_errors_file_and_exit_status(ctx: AppContext, tmp_path: Path, clock: FixedClock,
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    db = command_db(ctx, monkeypatch)
    ctx.close()
    bad = _write(tmp_path, "b.csv", THAI_CSV + "นายดำ ดี,0812,,31/02/2569,\n")
    errors = tmp_path / "errors.csv"
    argv = ["--db", db, "--lang", "en", "import", "contacts", str(bad), "--errors", str(errors)]
    assert cli.run(cli.parse_args(argv), clock) == 1
    out, err = capsys.readouterr()
    assert "2 new" in out and "1 rows with errors" in out
    assert len(err.strip().splitlines()) == 1
    written = errors.read_bytes()
    assert written.startswith(b"\xef\xbb\xbf")
    lines = written.decode("utf-8-sig").splitlines()
    assert len(lines) == 2 and lines[1].startswith("นายดำ ดี,0812")
    assert cli.run(cli.parse_args(["--db", db, "--lang", "th", "import", "contacts", str(bad),
                                   "--dry-run"]), clock) == 1
    assert capsys.readouterr().out.startswith("ทดลอง")


def test_a_row_repeating_an_earlier_one_of_the_file_updates_what_it_created(ctx: AppContext, tmp_path: Path) -> None:
    text = "First Name,Mobile,Position\nAnan,0812345678,\nAnan K.,081 234 5678,Buyer\n"
    path = _write(tmp_path, "twice.csv", text)
    rows = read_import_file(path, "contacts").rows
    plans = preview_rows(ctx.database, "contacts", rows).plans
    assert [(p.status, p.match_row) for p in plans] == [(NEW, None), (DUPLICATE, 2)]
    result = _import(ctx, path, decision="update")
    assert (result.created, result.updated, len(result.changes.created)) == (1, 0, 1)
    (anan,) = _contacts(ctx)
    assert (anan.first_name, anan.mobile, anan.position) == ("Anan K.", "+66812345678", "Buyer")


def _schema(ctx: AppContext) -> list[tuple[object, ...]]:
    """The tables, indexes and triggers (a file's bulk insert sets some aside for a while)."""
    if ctx.database.server is not None:
        return fetch(ctx, "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1")
    return fetch(ctx, "SELECT name, sql FROM sqlite_master ORDER BY name")


def test_new_records_go_in_the_bulk_way_searchable_matched_and_logged(ctx: AppContext, tmp_path: Path) -> None:
    """Imported contacts are found by search (set-wise indexed), carry their match keys (duplicate
    warnings find them), and are in the change log with their fields (they sync)."""
    schema = _schema(ctx)
    result = _import(ctx, _write(tmp_path, "customers.csv", THAI_CSV))
    assert _schema(ctx) == schema  # the search triggers and indexes are back as they were
    hits = search_all(ctx.database, "สมหญิง")
    assert [h.id for h in hits] == [c.id for c in _contacts(ctx) if c.first_name == "สมหญิง"]
    assert search_all(ctx.database, "0891112222")
    keys = dict(fetch(ctx, "SELECT id, match_key FROM contact"))
    logged = dict(fetch(ctx, "SELECT row_id, fields FROM change WHERE entity = 'contact'"))
    assert all(keys[i] for i in result.changes.created)
    assert all('"mobile":"+66' in logged[i] for i in result.changes.created)
    # An edit after the import is indexed by the triggers again.
    somchai = next(c for c in _contacts(ctx) if c.first_name == "สมชาย")
    create_contact(ctx.uow(), ContactInput(first_name="วิไล", last_name="ทองดี"), TODAY)
    assert search_all(ctx.database, "วิไล") and somchai.id in {h.id for h in search_all(ctx.database, "สมชาย")}


def test_a_failure_in_the_bulk_insert_leaves_data_log_and_search_as_they_were(
        ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    create_contact(ctx.uow(), ContactInput(first_name="มาลี", mobile="0899999999"), TODAY)
    before = (dump(ctx), _change_count(ctx), _schema(ctx))
    real = imports.insert_in_session

    def failing(*args: object, **kwargs: object) -> int:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise OSError("disk full")

    monkeypatch.setattr(imports, "insert_in_session", failing)
    with pytest.raises(OSError):
        _import(ctx, _write(tmp_path, "a.csv", THAI_CSV))
    assert (dump(ctx), _change_count(ctx), _schema(ctx)) == before
    assert not search_all(ctx.database, "สมหญิง")
    assert search_all(ctx.database, "มาลี")


@pytest.mark.parametrize("decision", ["update", "skip", "create"])
def test_a_repeat_of_a_row_left_out_comes_in_on_its_own(ctx: AppContext, tmp_path: Path, decision: str) -> None:
    """Rows 3 and 4 repeat row 2's mobile; row 2 is refused when written (a birthday in the future).
    Row 3 then stands in for it (no crash), and row 4 updates what row 3 made instead of doubling it."""
    text = ("ชื่อ,มือถือ,วันเกิด,ตำแหน่ง\nสมหญิง,0812345678,1/1/2600,\nสมหญิง,0812345678,,\n"
            "สมหญิง,0812345678,,ผู้จัดการ\n")
    result = _import(ctx, _write(tmp_path, "a.csv", text), decision=decision)
    assert [r.source_row for r in result.rejected] == [2]
    people = sorted((c.first_name, c.mobile, c.position) for c in _contacts(ctx))
    if decision == "skip":  # row 4 repeats what row 3 brought in
        assert people == [("สมหญิง", "+66812345678", "")] and result.skipped == 1
    elif decision == "update":
        assert people == [("สมหญิง", "+66812345678", "ผู้จัดการ")]
    else:
        assert people == [("สมหญิง", "+66812345678", ""), ("สมหญิง", "+66812345678", "ผู้จัดการ")]


def test_a_landline_in_the_mobile_column_twice_is_refused_twice(ctx: AppContext, tmp_path: Path) -> None:
    text = "ชื่อ,มือถือ\nสมชาย,02 123 4567\nสมหญิง,02 123 4567\n"
    result = _import(ctx, _write(tmp_path, "a.csv", text), decision="update")
    assert [r.source_row for r in result.rejected] == [2, 3]
    assert "mobile" in result.rejected[1].text("en").lower()


def test_the_bulk_insert_makes_its_batches_one_at_a_time(ctx: AppContext, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The new records wait packed (db/bulk.PackedRows) and become columns a batch at a time as the
    insert takes them: made all at once, 100,000 contacts held 90 MB more at the import's peak."""
    monkeypatch.setattr(bulk, "INSERT_BATCH", 2)
    taken: list[int] = []  # batches made, counted each time the insert prepares one
    made = 0
    batches, prepare = bulk.PackedRows.batches, bulk._Preparer.prepare_columns

    def counting(self: bulk.PackedRows, size: int) -> Iterator[bulk.Columns]:
        nonlocal made
        for batch in batches(self, size):
            made += 1
            yield batch

    def preparing(self: bulk._Preparer, batch: bulk.Columns) -> object:
        if batch.model is Contact:
            taken.append(made)
        return prepare(self, batch)

    monkeypatch.setattr(bulk.PackedRows, "batches", counting)
    monkeypatch.setattr(bulk._Preparer, "prepare_columns", preparing)
    text = "ชื่อ,มือถือ\n" + "".join(f"คนที่{i},08123456{i:02}\n" for i in range(9))
    result = _import(ctx, _write(tmp_path, "many.csv", text))
    assert result.created == 9 and len(_contacts(ctx)) == 9
    assert taken == [1, 2, 3, 4, 5]


def test_next_months_sheet_updates_every_record_across_flushes(ctx: AppContext, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The records a re-import updates are loaded a few at a time; each flush lets go of them, and the
    rows after it must still reach the database (none of them written to a record the session dropped)."""
    monkeypatch.setattr(imports, "FLUSH_EVERY", 2)
    monkeypatch.setattr(imports, "PREFETCH", 3)
    people = "".join(f"คนที่{i},08123456{i:02}\n" for i in range(8))
    _import(ctx, _write(tmp_path, "first.csv", "ชื่อ,มือถือ\n" + people))
    changed = "".join(f"คนที่{i},08123456{i:02},ผู้จัดการ {i}\n" for i in range(8))
    result = _import(ctx, _write(tmp_path, "next.csv", "ชื่อ,มือถือ,ตำแหน่ง\n" + changed), decision="update")
    assert (result.updated, result.unchanged) == (8, 0)
    assert sorted(c.position for c in _contacts(ctx)) == [f"ผู้จัดการ {i}" for i in range(8)]
