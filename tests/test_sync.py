"""File sync between copies: merge rules, conflicts, waiting children, and refusing bad files."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.clock import FixedClock
from crm_desktop.errors import DomainError
from crm_desktop.services.accounts import AccountInput, account_input, create_account, delete_accounts, update_account
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.leads import LeadInput, create_lead
from crm_desktop.sync import bundle, records
from crm_desktop.sync.bundle import BundleRefused
from crm_desktop.sync.conflicts import open_conflicts, resolve
from crm_desktop.sync.files import export_bundle, import_bundle
from crm_desktop.sync.state import set_office_key, status
from tests.sync_helpers import deferrals, dump

TODAY = date(2026, 11, 23)


def send(src: AppContext, dst: AppContext, path: Path, **how: object) -> object:
    export_bundle(src.database, path, **how)  # type: ignore[arg-type]
    return import_bundle(dst.database, dst.user_id, path).report


def full_dump(ctx: AppContext) -> list[tuple[object, ...]]:
    """Every row of every table (change log and sync bookkeeping included), and the schema itself:
    imports drop and rebuild search triggers and indexes."""
    with sqlite3.connect(ctx.database.path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        schema = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").fetchall()
        return schema + [(t, *row) for t in tables for row in conn.execute(f'SELECT * FROM "{t}"')]


def schema_and_statistics(ctx: AppContext) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with sqlite3.connect(ctx.database.path) as conn:
        return (conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall(),
                conn.execute("SELECT * FROM sqlite_stat1 ORDER BY tbl, idx").fetchall())


def phone_of(ctx: AppContext, account_id: str) -> str:
    with sqlite3.connect(ctx.database.path) as conn:
        return conn.execute("SELECT phone FROM account WHERE id = ?", (account_id,)).fetchone()[0]


def set_phone(ctx: AppContext, account_id: str, phone: str) -> None:
    data = account_input(ctx.uow(), account_id)
    data.phone = phone
    update_account(ctx.uow(), account_id, data, TODAY)


def test_a_new_account_reaches_the_other_copy_and_reimport_changes_nothing(copies, tmp_path) -> None:
    office, rep, _ = copies
    made = create_account(office.uow(), AccountInput(name="ร้านกาแฟดอยช้าง", phone="053111222"), TODAY)
    report = send(office, rep, tmp_path / "f.zip", everything=True)
    assert report.of("account").new == 1
    assert phone_of(rep, made.created[0]) == "+6653111222"
    before = dump(rep)
    again = import_bundle(rep.database, rep.user_id, tmp_path / "f.zip")
    assert again.report.already_had == again.report.received and again.backup is None
    assert dump(rep) == before


def test_the_same_file_again_is_not_read_and_reports_as_before(copies, good_file, tmp_path, monkeypatch) -> None:
    """A file whose import committed is known by its bytes: importing it again reads none of its lines,
    makes no backup and reports every change as held; the same changes in other bytes are read."""
    from crm_desktop.sync import files
    from crm_desktop.sync.state import exchanges

    rep = copies[1]
    first = import_bundle(rep.database, rep.user_id, good_file).report
    read = files.read_payload
    reads: list[Path] = []
    monkeypatch.setattr(files, "read_payload", lambda path, *rest: (reads.append(path), read(path, *rest))[1])
    before = dump(rep)
    again = import_bundle(rep.database, rep.user_id, good_file)
    assert reads == [] and again.backup is None
    assert again.report.received == again.report.already_had == first.received > 0
    assert again.report.entities == {} and dump(rep) == before
    assert [(x.direction, x.file_name, x.changes) for x in exchanges(rep.database)[:2]] == \
        [("import", "good.zip", first.received)] * 2
    rewrite(good_file, tmp_path / "repacked.zip")  # the same manifest and lines, written otherwise
    other = import_bundle(rep.database, rep.user_id, tmp_path / "repacked.zip")
    assert reads == [tmp_path / "repacked.zip"]
    assert other.report.received == other.report.already_had == first.received and dump(rep) == before


def test_the_backup_made_during_an_import_holds_the_copy_as_it_was(copies, good_file, tmp_path, monkeypatch) -> None:
    """The backup is copied while the import works; the import commits only once it is complete,
    and a backup that fails stops the import."""
    from crm_desktop.sync import files

    rep = copies[1]
    create_account(rep.uow(), AccountInput(name="ร้านของสาขา"), TODAY)
    before = full_dump(rep)
    with monkeypatch.context() as failing:
        failing.setattr(files, "backup_before", lambda *_: (_ for _ in ()).throw(OSError("disk full")))
        with pytest.raises(OSError):
            import_bundle(rep.database, rep.user_id, good_file)
    assert full_dump(rep) == before
    done = import_bundle(rep.database, rep.user_id, good_file)
    assert done.backup is not None and done.backup.exists() and "sync-import" in done.backup.name
    with sqlite3.connect(done.backup) as conn:
        assert conn.execute("SELECT name FROM account ORDER BY name").fetchall() == [("ร้านของสาขา",)]
    assert sorted(r[0] for r in sqlite3.connect(rep.database.path).execute("SELECT name FROM account")) == \
        ["Lanna Foods", "ร้านของสาขา"]


def test_a_file_altered_after_its_import_is_refused_when_imported_again(copies, good_file, tmp_path) -> None:
    """The same name and manifest over another payload is not the file imported before: refused as altered."""
    rep = copies[1]
    import_bundle(rep.database, rep.user_id, good_file)
    with zipfile.ZipFile(good_file) as zf:
        payload = zf.read("changes.ndjson").replace(b"Lanna", b"Lanma")
    rewrite(good_file, tmp_path / "altered.zip", payload=payload)
    shutil.move(tmp_path / "altered.zip", good_file)
    refused(rep, good_file, "altered or damaged")


def test_a_file_imported_before_the_office_key_was_set_is_refused_after(copies, good_file) -> None:
    """A file seen before still passes every check of its manifest."""
    rep = copies[1]
    import_bundle(rep.database, rep.user_id, good_file)
    set_office_key(rep.database, "ความลับของร้าน", by=rep.user_id)
    refused(rep, good_file, "not signed")


def test_later_edit_wins_per_field_and_a_concurrent_edit_is_a_conflict_on_both_sides(copies, tmp_path) -> None:
    office, rep, _ = copies
    account_id = create_account(office.uow(), AccountInput(name="Lanna Foods", phone="021234567"), TODAY).created[0]
    send(office, rep, tmp_path / "1.zip", everything=True)
    set_phone(office, account_id, "021111111")
    set_phone(rep, account_id, "022222222")  # later: wins
    send(office, rep, tmp_path / "2.zip", everything=True)
    send(rep, office, tmp_path / "3.zip", everything=True)
    assert phone_of(office, account_id) == phone_of(rep, account_id) == "+6622222222"
    for ctx in (office, rep):
        [conflict] = open_conflicts(ctx.database)
        assert (conflict.field, conflict.current.value, conflict.other.value) == ("phone", "+6622222222", "+6621111111")
        assert conflict.record == "Lanna Foods"
    # Keeping the other value on the office is a new change that wins everywhere, without a new conflict.
    resolve(office.database, office.user_id, open_conflicts(office.database)[0].id, keep_other=True)
    send(office, rep, tmp_path / "4.zip", everything=True)
    assert phone_of(office, account_id) == phone_of(rep, account_id) == "+6621111111"
    assert open_conflicts(office.database) == []
    assert len(open_conflicts(rep.database)) == 1  # the rep still decides on their own copy


def test_an_edit_after_seeing_the_other_copy_is_no_conflict(copies, tmp_path) -> None:
    office, rep, _ = copies
    account_id = create_account(office.uow(), AccountInput(name="Lanna Foods", phone="021234567"), TODAY).created[0]
    send(office, rep, tmp_path / "1.zip", everything=True)
    set_phone(rep, account_id, "022222222")
    send(rep, office, tmp_path / "2.zip", everything=True)
    set_phone(office, account_id, "023333333")
    send(office, rep, tmp_path / "3.zip", everything=True)
    assert phone_of(rep, account_id) == "+6623333333"
    assert open_conflicts(rep.database) == [] and open_conflicts(office.database) == []


def test_edits_of_different_fields_both_survive(copies, tmp_path) -> None:
    office, rep, _ = copies
    account_id = create_account(office.uow(), AccountInput(name="Lanna Foods"), TODAY).created[0]
    send(office, rep, tmp_path / "1.zip", everything=True)
    set_phone(office, account_id, "021111111")
    data = account_input(rep.uow(), account_id)
    data.province = "เชียงใหม่"
    update_account(rep.uow(), account_id, data, TODAY)
    send(office, rep, tmp_path / "2.zip", everything=True)
    send(rep, office, tmp_path / "3.zip", everything=True)
    for ctx in (office, rep):
        assert account_input(ctx.uow(), account_id).province == "เชียงใหม่"
        assert phone_of(ctx, account_id) == "+6621111111"
    assert dump(office) == dump(rep)


def test_a_delete_travels_as_a_tombstone(copies, tmp_path) -> None:
    office, rep, _ = copies
    account_id = create_account(office.uow(), AccountInput(name="Lanna Foods"), TODAY).created[0]
    send(office, rep, tmp_path / "1.zip", everything=True)
    delete_accounts(office.uow(), [account_id])
    report = send(office, rep, tmp_path / "2.zip", everything=True)
    assert report.of("account").deleted == 1
    with sqlite3.connect(rep.database.path) as conn:
        assert conn.execute("SELECT deleted_at IS NOT NULL FROM account WHERE id = ?", (account_id,)).fetchone()[0]


def test_a_child_arriving_before_its_parent_waits_for_it(copies, tmp_path) -> None:
    office, rep, branch = copies
    account_id = create_account(office.uow(), AccountInput(name="Lanna Foods"), TODAY).created[0]
    send(office, rep, tmp_path / "1.zip", everything=True)
    send(rep, office, tmp_path / "2.zip", everything=True)  # now the office knows what the rep has
    create_contact(office.uow(), ContactInput(first_name="มาลี", account_id=account_id), TODAY)
    export_bundle(office.database, tmp_path / "3.zip", for_site=rep.database.site_id)  # the contact only
    report = import_bundle(branch.database, branch.user_id, tmp_path / "3.zip").report
    assert report.of("contact").waiting == 1 and status(branch.database).waiting == 1
    import_bundle(branch.database, branch.user_id, tmp_path / "1.zip")  # the parent, later
    with sqlite3.connect(branch.database.path) as conn:
        assert conn.execute("SELECT account_id FROM contact").fetchall() == [(account_id,)]
    assert status(branch.database).waiting == 0


def test_files_applied_in_any_order_give_the_same_data(copies, tmp_path) -> None:
    office, rep, branch = copies
    account_id = create_account(office.uow(), AccountInput(name="Lanna Foods"), TODAY).created[0]
    export_bundle(office.database, tmp_path / "1.zip", everything=True)
    set_phone(office, account_id, "021111111")
    create_lead(office.uow(), LeadInput(first_name="สมชาย", source="referral", phone="0812345678"))
    export_bundle(office.database, tmp_path / "2.zip", everything=True)
    for name in ("1.zip", "2.zip"):
        import_bundle(rep.database, rep.user_id, tmp_path / name)
    for name in ("2.zip", "1.zip"):
        import_bundle(branch.database, branch.user_id, tmp_path / name)
    assert dump(rep) == dump(branch)
    with sqlite3.connect(rep.database.path) as conn:  # the score is recomputed from the synced rules
        assert conn.execute("SELECT score FROM lead").fetchone()[0] == 20


def test_a_renamed_default_stage_is_not_undone_by_a_copy_installed_later(clock: FixedClock, copies, tmp_path) -> None:
    office, _, _ = copies
    with sqlite3.connect(office.database.path) as conn:
        stage_id, name = conn.execute("SELECT id, name FROM stage ORDER BY position LIMIT 1").fetchone()
    from crm_desktop.services.stages import StageInput, update_stage

    current = StageInput(name="ติดต่อครั้งแรก", probability=10, kind="open")
    update_stage(office.uow(), stage_id, current)
    # installed apart, its defaults made after the rename
    newcomer = open_app(tmp_path / "newcomer.sqlite3", clock=clock)
    try:
        send(newcomer, office, tmp_path / "n.zip", everything=True)
        send(office, newcomer, tmp_path / "o.zip", everything=True)
        for ctx in (office, newcomer):
            with sqlite3.connect(ctx.database.path) as conn:
                assert conn.execute("SELECT name FROM stage WHERE id = ?", (stage_id,)).fetchone()[0] != name
        assert open_conflicts(office.database) == []
    finally:
        newcomer.close()


# --- refusing bad files -------------------------------------------------------------------------

def rewrite(src: Path, dst: Path, *, manifest: dict | None = None, payload: bytes | None = None) -> None:
    with zipfile.ZipFile(src) as zf:
        old_manifest, old_payload = json.loads(zf.read("manifest.json")), zf.read("changes.ndjson")
    with zipfile.ZipFile(dst, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest if manifest is not None else old_manifest))
        zf.writestr("changes.ndjson", payload if payload is not None else old_payload)


def resealed(src: Path, dst: Path, payload: bytes) -> None:
    """A payload changed and its checksum fixed up: only a signature can catch this."""
    with zipfile.ZipFile(src) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    manifest["payload_sha256"] = hashlib.sha256(payload).hexdigest()
    rewrite(src, dst, manifest=manifest, payload=payload)


@pytest.fixture
def good_file(copies, tmp_path) -> Path:
    office = copies[0]
    create_account(office.uow(), AccountInput(name="Lanna Foods", phone="021234567"), TODAY)
    path = tmp_path / "good.zip"
    export_bundle(office.database, path, everything=True)
    return path


def refused(ctx: AppContext, path: Path, needle: str) -> None:
    before = full_dump(ctx)
    with pytest.raises(BundleRefused) as err:
        import_bundle(ctx.database, ctx.user_id, path)
    assert needle in err.value.text("en")
    assert err.value.text("th") != err.value.text("en")
    assert full_dump(ctx) == before


def test_a_truncated_file_is_refused(copies, good_file, tmp_path) -> None:
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good_file.read_bytes()[: good_file.stat().st_size // 2])
    refused(copies[1], cut, "damaged or incomplete")


def test_an_altered_file_is_refused(copies, good_file, tmp_path) -> None:
    with zipfile.ZipFile(good_file) as zf:
        payload = zf.read("changes.ndjson").replace(b"Lanna", b"Lanma")
    bad = tmp_path / "altered.zip"
    rewrite(good_file, bad, payload=payload)
    refused(copies[1], bad, "altered or damaged")


def test_signed_files_are_checked_with_the_office_key(copies, good_file, tmp_path) -> None:
    office, rep, _ = copies
    set_office_key(rep.database, "ความลับของร้าน", by=rep.user_id)
    refused(rep, good_file, "not signed")
    set_office_key(office.database, "another key", by=office.user_id)
    export_bundle(office.database, tmp_path / "wrong.zip", everything=True)
    refused(rep, tmp_path / "wrong.zip", "different office key")
    set_office_key(office.database, "ความลับของร้าน", by=office.user_id)
    export_bundle(office.database, tmp_path / "right.zip", everything=True)
    with zipfile.ZipFile(tmp_path / "right.zip") as zf:
        payload = zf.read("changes.ndjson").replace(b"Lanna", b"Lanma")
    resealed(tmp_path / "right.zip", tmp_path / "forged.zip", payload)
    refused(rep, tmp_path / "forged.zip", "different office key")
    assert import_bundle(rep.database, rep.user_id, tmp_path / "right.zip").report.of("account").new == 1


def test_a_file_from_a_newer_version_is_refused(copies, good_file, tmp_path) -> None:
    with zipfile.ZipFile(good_file) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    rewrite(good_file, tmp_path / "v3.zip", manifest={**manifest, "version": bundle.VERSION + 1})
    refused(copies[1], tmp_path / "v3.zip", "newer version")
    rewrite(good_file, tmp_path / "s.zip", manifest={**manifest, "schema": "9999"})
    refused(copies[1], tmp_path / "s.zip", "newer version")


def test_our_own_file_is_refused(copies, good_file) -> None:
    refused(copies[0], good_file, "exported from this copy itself")


@pytest.mark.parametrize("mangle", [
    lambda line: line.replace('"e":"account"', '"e":"no_such_table"'),
    lambda line: line.replace('"f":{', '"f":{"no_such_field":1,'),
    lambda line: line.replace('"name":"Lanna Foods"', '"name":42'),
    lambda line: line.replace('"name":"Lanna Foods"', '"name":null'),
    lambda line: line[: len(line) // 2],
    lambda line: line.replace('"f":{', '"h":1,"f":{'),  # a second clock hiding behind the first
    lambda line: re.sub(r'"t":"[0-9]{4}-[0-9]{2}-[0-9]{2}', '"t":"2026-02-30', line),  # no such day
    # A date or time in another form than the log's: the logged text would differ from every copy's.
    lambda line: line.replace('"f":{', '"f":{"founded_on":"20260101",'),
    lambda line: line.replace('"f":{', '"f":{"deleted_at":"2026-01-01 08:00:00",'),
    lambda line: line.replace('"name":"Lanna Foods"', '"name":"Lanna \\ud800 Foods"'),  # half a character
    lambda line: re.sub(r'"h":[0-9]+', '"h":9999999999999999999', line),  # beyond SQLite's integers
    lambda line: re.sub(r'"b":[0-9]+', '"b":99999999999999999999', line),
])
def test_a_file_with_an_invalid_record_is_refused(copies, good_file, tmp_path, mangle) -> None:
    with zipfile.ZipFile(good_file) as zf:
        lines = zf.read("changes.ndjson").decode().splitlines()
    lines = [mangle(x) if '"e":"account"' in x else x for x in lines]
    resealed(good_file, tmp_path / "bad.zip", ("\n".join(lines) + "\n").encode())
    refused(copies[1], tmp_path / "bad.zip", "is not a valid change")


def test_imports_leave_the_garbage_collector_on(copies, good_file, tmp_path) -> None:
    """Imports pause Python's cycle collector for speed; it must come back, after success or refusal."""
    import gc

    import_bundle(copies[1].database, copies[1].user_id, good_file)
    assert gc.isenabled()
    (tmp_path / "broken.zip").write_bytes(good_file.read_bytes()[:200])
    with pytest.raises(BundleRefused):
        import_bundle(copies[2].database, copies[2].user_id, tmp_path / "broken.zip")
    assert gc.isenabled()


def test_a_dry_run_reports_without_saving(copies, good_file) -> None:
    rep = copies[1]
    before = full_dump(rep)
    result = import_bundle(rep.database, rep.user_id, good_file, dry_run=True)
    assert result.report.of("account").new == 1
    assert full_dump(rep) == before


CRASH = """
import os, sys
from pathlib import Path
from datetime import datetime
from crm_desktop.clock import FixedClock
from crm_desktop.services.app import open_app
from crm_desktop.sync import apply
from crm_desktop.sync.files import import_bundle

real = apply.Applier._write
def write_then_die(self, plan):
    real(self, plan)
    os._exit(9)  # killed after every row was written, before the commit
apply.Applier._write = write_then_die
ctx = open_app(Path(sys.argv[1]), clock=FixedClock(datetime(2026, 11, 23, 4, 0)))
import_bundle(ctx.database, ctx.user_id, Path(sys.argv[2]))
"""


def test_killing_the_process_during_an_import_leaves_the_database_as_it_was(copies, good_file, tmp_path) -> None:
    rep = copies[1]
    path = rep.database.path
    rep.close()
    with sqlite3.connect(path) as conn:
        before = sorted(conn.iterdump())
    done = subprocess.run([sys.executable, "-c", CRASH, str(path), str(good_file)], capture_output=True, timeout=120)
    assert done.returncode == 9, done.stderr.decode()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert sorted(conn.iterdump()) == before


def test_an_unreadable_file_gives_a_clear_message(copies, tmp_path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    refused(copies[1], tmp_path / "notes.txt", "damaged or incomplete")
    with pytest.raises(DomainError, match="does not exist"):
        import_bundle(copies[1].database, None, tmp_path / "missing.zip")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=40).filter(lambda t: t.strip()), notes=st.text(max_size=80))
def test_any_text_survives_the_trip(copies, tmp_path, name, notes) -> None:
    """Thai, emoji, line and paragraph separators, quotes: what one copy stores, the other stores too."""
    office, rep, _ = copies
    try:
        made = create_account(office.uow(), AccountInput(name=name, notes=notes), TODAY)
    except DomainError:
        return  # a name the form refuses (too long after trimming…) never reaches the file
    path = tmp_path / f"{made.created[0]}.zip"
    export_bundle(office.database, path, everything=True)
    import_bundle(rep.database, rep.user_id, path)
    mine, theirs = (account_input(c.uow(), made.created[0]) for c in (office, rep))
    assert (theirs.name, theirs.notes) == (mine.name, mine.notes)


def test_two_records_on_one_line_are_refused(copies, good_file, tmp_path) -> None:
    """(A line whose change the receiver already has is skipped unread: it cannot change anything.)"""
    with zipfile.ZipFile(good_file) as zf:
        lines = zf.read("changes.ndjson").decode().splitlines()
    new = next(i for i, line in enumerate(lines) if '"e":"account"' in line)
    joined = [x for i, x in enumerate(lines) if i != new]
    joined[0] = lines[new] + "," + joined[0]
    resealed(good_file, tmp_path / "joined.zip", ("\n".join(joined) + "\n").encode())
    refused(copies[1], tmp_path / "joined.zip", "is not a valid change")


def logged_fields_of(ctx: AppContext, row_id: str) -> list[tuple[dict[str, object], object]]:
    """Each logged change of a row: its fields as Python reads them, and `name` as SQLite reads it."""
    with sqlite3.connect(ctx.database.path) as conn:
        rows = conn.execute("SELECT fields, json_extract(fields, '$.name') FROM change WHERE row_id = ? ORDER BY seq",
                            (row_id,)).fetchall()
    return [(json.loads(f), name) for f, name in rows]


@pytest.mark.parametrize("layout", ["theirs", "ours"])
def test_a_file_written_another_way_gives_the_same_data_and_log(copies, tmp_path, layout) -> None:
    """Another program's spacing, key order and escapes, or our own layout with a field given twice:
    the same records, and a logged change Python and SQLite read alike (JSON readers keep the last of
    two equal keys, SQLite's json_extract the first: the log is encoded from the parsed fields)."""
    office, rep, branch = copies
    account_id = create_account(office.uow(), AccountInput(name="ร้าน \"ลำปาง\" ค้าไม้", phone="054123456"),
                                TODAY).created[0]
    export_bundle(office.database, tmp_path / "ours.zip", everything=True)
    with zipfile.ZipFile(tmp_path / "ours.zip") as zf:
        lines = zf.read("changes.ndjson").decode().splitlines()
    if layout == "theirs":  # spaces, ASCII escapes for Thai, "f" first
        other = [json.dumps({"f": d.pop("f"), **d}) for d in map(json.loads, lines)]
        twice = ('"f": {"name": ', '"f": {"name": "ไม่ใช่ชื่อนี้", "name": ')
    else:
        other = lines
        twice = ('"f":{"name":', '"f":{"name":"ไม่ใช่ชื่อนี้","name":')
    other = [x.replace(*twice) if account_id in x else x for x in other]
    assert sum(x.count(twice[1]) for x in other) == 1
    resealed(tmp_path / "ours.zip", tmp_path / "other.zip", ("\n".join(other) + "\n").encode())
    import_bundle(rep.database, rep.user_id, tmp_path / "ours.zip")
    import_bundle(branch.database, branch.user_id, tmp_path / "other.zip")
    assert dump(branch) == dump(rep)
    assert logged_fields_of(branch, account_id) == logged_fields_of(rep, account_id) == [
        (logged_fields_of(office, account_id)[0][0], 'ร้าน "ลำปาง" ค้าไม้')]


def test_search_follows_what_an_import_changed(copies, tmp_path) -> None:
    """Imports rebuild search entries set-wise: a new phone is found, the old one and a deleted record not."""
    from crm_desktop.queries.search import search_all

    office, rep, _ = copies
    kept = create_account(office.uow(), AccountInput(name="Lanna Foods", phone="053111222"), TODAY).created[0]
    gone = create_account(office.uow(), AccountInput(name="ร้านปิดกิจการ"), TODAY).created[0]
    send(office, rep, tmp_path / "1.zip", everything=True)
    assert [h.title for h in search_all(rep.database, "053111222", 5)] == ["Lanna Foods"]
    set_phone(office, kept, "053999000")
    delete_accounts(office.uow(), [gone])
    send(office, rep, tmp_path / "2.zip", everything=True)
    assert [h.title for h in search_all(rep.database, "053999000", 5)] == ["Lanna Foods"]
    assert search_all(rep.database, "053111222", 5) == []
    assert search_all(rep.database, "ปิดกิจการ", 5) == []


def test_a_database_busy_with_another_program_gives_a_clear_message(copies, good_file) -> None:
    rep = copies[1]
    before = full_dump(rep)
    other = sqlite3.connect(rep.database.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock for the whole import
    try:
        with pytest.raises(DomainError) as err:
            import_bundle(rep.database, rep.user_id, good_file)
    finally:
        other.rollback()
        other.close()
    assert "Another program is using the database" in err.value.text("en")
    assert full_dump(rep) == before


def test_a_big_file_applied_in_small_batches_gives_the_same_data(copies, tmp_path, monkeypatch) -> None:
    """Imports work through a file a batch at a time (flat memory); batch edges change nothing."""
    from crm_desktop.sync import apply

    office, rep, branch = copies
    for i in range(4):
        account_id = create_account(office.uow(), AccountInput(name=f"ร้านที่ {i}"), TODAY).created[0]
        create_contact(office.uow(), ContactInput(first_name=f"คนที่ {i}", account_id=account_id), TODAY)
        set_phone(office, account_id, f"02123456{i}")
    export_bundle(office.database, tmp_path / "all.zip", everything=True)
    import_bundle(rep.database, rep.user_id, tmp_path / "all.zip")
    monkeypatch.setattr(apply, "BATCH_TEXT", 1000)  # a few lines per batch
    monkeypatch.setattr(records, "KEEP_TEXT", 2000)  # too big to keep: the file is read a second time
    monkeypatch.setattr(bundle, "BLOCK", 50)  # lines (and Thai characters) cut across the blocks read
    report = import_bundle(branch.database, branch.user_id, tmp_path / "all.zip").report
    assert report.of("account").new == 4 and report.of("contact").new == 4 and report.of("contact").waiting == 0
    assert dump(branch) == dump(rep)


def test_a_big_file_changed_between_its_two_readings_is_refused(copies, good_file, tmp_path, monkeypatch) -> None:
    from crm_desktop.sync import files

    office, rep, _ = copies
    create_account(office.uow(), AccountInput(name="ร้านที่มาทีหลัง"), TODAY)
    export_bundle(office.database, tmp_path / "other.zip", everything=True)
    checked = files.read_payload

    def check_then_swap(path: Path, *args: object) -> None:
        checked(path, *args)  # type: ignore[arg-type]
        shutil.copyfile(tmp_path / "other.zip", path)  # somebody overwrites the file meanwhile

    monkeypatch.setattr(records, "KEEP_TEXT", 0)
    monkeypatch.setattr(files, "read_payload", check_then_swap)
    refused(rep, good_file, "changed while it was being imported")


def test_indexes_set_aside_for_a_big_import_come_back(copies, tmp_path, monkeypatch) -> None:
    """A table that grows many-fold gets its indexes built after its rows; the schema and the planner's
    statistics end as they were, and lookups by name use the rebuilt index."""
    from crm_desktop.db.bulk import Cancelled

    office, rep, _ = copies
    for i in range(6):
        create_account(office.uow(), AccountInput(name=f"ร้านค้าที่ {i}"), TODAY)
    export_bundle(office.database, tmp_path / "all.zip", everything=True)
    seen = deferrals(monkeypatch)
    create_account(rep.uow(), AccountInput(name="ร้านของสาขา"), TODAY)
    with sqlite3.connect(rep.database.path) as conn:
        conn.execute("ANALYZE")
    before = schema_and_statistics(rep)
    assert any(idx == "ix_account_live_name" for _, idx, _ in before[1])
    whole = full_dump(rep)
    steps: list[int] = []

    def cancel_once_written(done: int, total: int) -> bool:
        steps.append(done)
        return len(steps) < 5  # start, checked, logged, decided, written: Cancel there, indexes still aside

    with pytest.raises(Cancelled):
        import_bundle(rep.database, rep.user_id, tmp_path / "all.zip", progress=cancel_once_written)
    assert seen and full_dump(rep) == whole
    seen.clear()
    import_bundle(rep.database, rep.user_id, tmp_path / "all.zip")
    dropped = {name for deferred in seen for name, _ in deferred.dropped}
    assert "ix_account_live_name" in dropped and "ix_account_owner_id" not in dropped  # links keep theirs
    assert schema_and_statistics(rep) == before
    with sqlite3.connect(rep.database.path) as conn:
        plan = conn.execute("EXPLAIN QUERY PLAN SELECT id FROM account WHERE name = 'x' AND deleted_at IS NULL")
        assert "ix_account_live_name" in str(plan.fetchall())


def test_cancel_during_an_import_leaves_nothing(copies, good_file) -> None:
    """The progress callback returning False (the Cancel button) rolls the whole import back."""
    from crm_desktop.db.bulk import Cancelled

    rep = copies[1]
    before = full_dump(rep)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return len(seen) < 3  # Cancel after the first step of the first batch

    with pytest.raises(Cancelled):
        import_bundle(rep.database, rep.user_id, good_file, progress=progress)
    assert full_dump(rep) == before
    assert seen[0][0] == 0 and seen[-1][1] == seen[0][1] > 0
