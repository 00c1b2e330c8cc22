"""Sync files between an office server (PostgreSQL) and SQLite laptops, in both directions.

The office's desks share one database on the server; a laptop that leaves the office keeps a SQLite
copy and swaps files with it. These tests need CRM_TEST_SERVER (tests/server_helpers.py)."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.db import writer
from crm_desktop.db.server import Server
from crm_desktop.errors import VersionConflict
from crm_desktop.models.privacy import erase_mark
from crm_desktop.queries.timeline import record_version
from crm_desktop.services.accounts import AccountInput, account_input, create_account, delete_accounts, update_account
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.changes import Entity
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.services.erase import erase_person
from crm_desktop.services.leads import LeadInput, create_lead
from crm_desktop.sync import apply
from crm_desktop.sync.bundle import BundleRefused
from crm_desktop.sync.conflicts import open_conflicts
from crm_desktop.sync.files import export_bundle, import_bundle
from crm_desktop.sync.repair import repair_clock
from crm_desktop.sync.state import sender_site, status
from tests.server_helpers import fetch, server_copy, server_url
from tests.sync_helpers import dump, new_copy

pytestmark = [pytest.mark.server,
              pytest.mark.skipif(server_url() is None, reason="CRM_TEST_SERVER names no PostgreSQL server")]
TODAY = date(2026, 11, 23)


@pytest.fixture
def office(server_template: str, tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    """A desk of the office server (its database a fresh copy of the template)."""
    url = server_url()
    assert url is not None
    with server_copy(url, server_template, tmp_path / "desk", clock, site="5e7e000000000005") as ctx:
        yield ctx


@pytest.fixture
def laptop(template: Path, tmp_path: Path, clock: FixedClock) -> Iterator[AppContext]:
    """A laptop's SQLite copy of the same office."""
    ctx = new_copy(template, tmp_path, "laptop", clock, site="1a97000000000001")
    try:
        yield ctx
    finally:
        ctx.close()


def send(src: AppContext, dst: AppContext, path: Path) -> apply.ApplyReport:
    """What `dst` lacks of `src` (everything the first time), as a file."""
    export_bundle(src.database, path, everything=sender_site(dst.database) not in status(src.database).peers)
    return import_bundle(dst.database, dst.user_id, path).report


def rename(ctx: AppContext, account_id: str, **values: str | None) -> None:
    data = account_input(ctx.uow(), account_id)
    for name, value in values.items():
        setattr(data, name, value)
    update_account(ctx.uow(), account_id, data, TODAY)


def change_count(ctx: AppContext) -> int:
    return int(fetch(ctx, "SELECT count(*) FROM change")[0][0])  # type: ignore[call-overload]


def test_the_office_and_a_laptop_edit_apart_and_end_with_the_same_data(office: AppContext, laptop: AppContext,
                                                                       tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Server → laptop, edits on both (one field both changed: a conflict the same on both), laptop →
    server, server → laptop: every synced table holds the same rows, and each side's log the same changes.
    (The server's updates all go the way of big imports here: copied, then one UPDATE.)"""
    monkeypatch.setattr(writer, "SERVER_SET_WISE", 1)
    shop = create_account(office.uow(), AccountInput(name='ร้าน "กาแฟ" ดอยช้าง', phone="053111222"), TODAY).created[0]
    create_contact(office.uow(), ContactInput(first_name="สมชาย", account_id=shop), TODAY)
    gone = create_account(office.uow(), AccountInput(name="Lanna Foods"), TODAY).created[0]
    assert send(office, laptop, tmp_path / "out1.zip").of("account").new == 2

    rename(laptop, shop, phone="021234567", province="เชียงใหม่")
    create_lead(laptop.uow(), LeadInput(first_name="สมศรี", source="walk_in", phone="0812345678"))
    rename(office, shop, phone="0812345678", name="ร้านกาแฟดอยช้าง สาขา 2")
    delete_accounts(office.uow(), [gone])
    create_contact(office.uow(), ContactInput(first_name="Anna", account_id=shop), TODAY)

    back = send(laptop, office, tmp_path / "back.zip")
    assert back.of("lead").new == 1 and back.of("account").conflicts == 1
    assert send(office, laptop, tmp_path / "out2.zip").of("contact").new == 1
    assert dump(office) == dump(laptop)
    changes = "SELECT entity, row_id, hlc, site_id, base_hlc, fields FROM change ORDER BY site_id, hlc"
    assert fetch(office, changes) == fetch(laptop, changes)
    assert [(c.field, c.current.value, c.other.value) for c in open_conflicts(office.database)] == \
        [("phone", "+66812345678", "+6621234567")]
    shown = fetch(office, "SELECT name, phone, province, deleted_at IS NULL FROM account ORDER BY name")
    assert shown == [("Lanna Foods", "", "", False), ("ร้านกาแฟดอยช้าง สาขา 2", "+66812345678", "เชียงใหม่", True)]
    assert send(laptop, office, tmp_path / "again.zip").received == 0  # nothing new either way
    assert send(office, laptop, tmp_path / "again2.zip").received == 0


def test_a_child_may_reach_the_server_before_its_parent(office: AppContext, laptop: AppContext,
                                                        tmp_path: Path) -> None:
    """A branch made before its head office, then linked to it: the server gets the branch's row first,
    and its link is checked at the import's commit (DEFERRABLE foreign keys, migration 0028)."""
    branch = create_account(laptop.uow(), AccountInput(name="สาขาเชียงราย"), TODAY).created[0]
    head = create_account(laptop.uow(), AccountInput(name="สำนักงานใหญ่"), TODAY).created[0]
    rename(laptop, branch, parent_id=head)
    assert send(laptop, office, tmp_path / "f.zip").of("account").new == 2
    assert fetch(office, "SELECT parent_id FROM account WHERE id = ?", (branch,)) == [(head,)]
    links = fetch(office, "SELECT count(*), count(*) FILTER (WHERE condeferrable AND NOT condeferred) "
                          "FROM pg_constraint WHERE contype = 'f'")
    assert links[0][0] == links[0][1] > 50


def test_an_import_that_fails_halfway_leaves_the_server_as_it_was(office: AppContext, laptop: AppContext,
                                                                  tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    create_account(office.uow(), AccountInput(name="ร้านของสำนักงาน"), TODAY)
    for i in range(3):
        create_account(laptop.uow(), AccountInput(name=f"ร้านที่ {i}"), TODAY)
    export_bundle(laptop.database, tmp_path / "f.zip", everything=True)
    before, logged = dump(office), change_count(office)

    def broken(self: apply.Applier, worked: bool) -> None:
        raise OSError("disk full")

    with monkeypatch.context() as failing:
        failing.setattr(apply.Applier, "_finish", broken)
        with pytest.raises(OSError):
            import_bundle(office.database, office.user_id, tmp_path / "f.zip")
    assert dump(office) == before and change_count(office) == logged
    assert import_bundle(office.database, office.user_id, tmp_path / "f.zip").report.of("account").new == 3


def test_other_desks_save_while_a_sync_import_runs(office: AppContext, laptop: AppContext, tmp_path: Path,
                                                   clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> None:
    """An import holds no lock that stops the other desks: while it is between its write and its
    commit, another desk saves a new record and edits one the import does not touch. A row the import
    merged is locked until it commits; a desk that had loaded it before gets the version conflict."""
    ours = create_account(office.uow(), AccountInput(name="ร้านของสำนักงาน"), TODAY).created[0]
    shared = create_account(office.uow(), AccountInput(name="ร้านที่ใช้ร่วมกัน"), TODAY).created[0]
    send(office, laptop, tmp_path / "out.zip")
    rename(laptop, shared, phone="021234567")
    create_account(laptop.uow(), AccountInput(name="ร้านจากแล็ปท็อป"), TODAY)
    export_bundle(laptop.database, tmp_path / "back.zip")
    assert office.database.server is not None
    other = open_app(Server(office.database.server.url, tmp_path / "other-desk"), clock=clock)
    seen = record_version(other.database, Entity.ACCOUNT, shared)
    stale = account_input(other.uow(), shared)
    written, go_on = threading.Event(), threading.Event()
    finish = apply.Applier._finish

    def paused(self: apply.Applier, worked: bool) -> None:
        written.set()
        assert go_on.wait(30)
        finish(self, worked)

    monkeypatch.setattr(apply.Applier, "_finish", paused)
    done: list[object] = []
    importing = threading.Thread(target=lambda: done.append(
        import_bundle(office.database, office.user_id, tmp_path / "back.zip")))
    importing.start()
    try:
        assert written.wait(30)
        made = create_account(other.uow(), AccountInput(name="ร้านใหม่ระหว่างนำเข้า"), TODAY).created[0]
        rename(other, ours, phone="053111222")
    finally:
        go_on.set()
        importing.join(60)
    try:
        assert done and fetch(office, "SELECT phone FROM account WHERE id = ?", (shared,)) == [("+6621234567",)]
        stale.phone = "0812345678"
        with pytest.raises(VersionConflict):
            update_account(other.uow().expecting(Entity.ACCOUNT, shared, seen or 0), shared, stale, TODAY)
        names = {n for (n,) in fetch(office, "SELECT name FROM account")}
        assert {"ร้านจากแล็ปท็อป", "ร้านใหม่ระหว่างนำเข้า"} <= names and made
    finally:
        other.close()


def test_an_erasure_travels_from_a_laptop_to_the_server_and_on(office: AppContext, laptop: AppContext,
                                                               tmp_path: Path) -> None:
    """A person erased on a laptop (PDPA) is erased on the server by the file, her old changes in its
    log scrubbed, and the server's next file to another laptop carries none of her values."""
    person = create_contact(office.uow(), ContactInput(first_name="สมศรีลับ", mobile="0819876543",
                                                        email="somsri.private@example.com"), TODAY).created[0]
    send(office, laptop, tmp_path / "out.zip")
    erase_person(laptop.uow(), "contact", person)
    assert send(laptop, office, tmp_path / "back.zip").of("contact").updated == 1
    secrets = ("สมศรีลับ", "819876543", "somsri.private")
    held = str(fetch(office, "SELECT * FROM contact")) + str(fetch(office, "SELECT fields FROM change"))
    assert [s for s in secrets if s in held] == []
    assert fetch(office, "SELECT first_name FROM contact WHERE id = ?", (person,)) == [(erase_mark(person),)]
    export_bundle(office.database, tmp_path / "onward.zip", everything=True)
    with zipfile.ZipFile(tmp_path / "onward.zip") as zf:
        payload = zf.read("changes.ndjson").decode()
    assert [s for s in secrets if s in payload] == [] and '"e":"erasure"' in payload
    assert dump(office) == dump(laptop)


def test_the_office_sends_its_files_under_one_code_whichever_desk_writes_them(office: AppContext, laptop: AppContext,
                                                                             tmp_path: Path, clock: FixedClock) -> None:
    """Two desks of the server export: the laptop hears from one copy, the office, and can export
    what that copy lacks (`--for`); a file of the office's own is refused by every desk."""
    assert office.database.server is not None
    other = open_app(Server(office.database.server.url, tmp_path / "other-desk"), clock=clock)
    try:
        create_account(office.uow(), AccountInput(name="ร้านของโต๊ะหนึ่ง"), TODAY)
        export_bundle(office.database, tmp_path / "one.zip", everything=True)
        create_account(other.uow(), AccountInput(name="ร้านของโต๊ะสอง"), TODAY)
        export_bundle(other.database, tmp_path / "two.zip", everything=True)
        for name in ("one.zip", "two.zip"):
            import_bundle(laptop.database, laptop.user_id, tmp_path / name)
        code = sender_site(office.database)
        assert code == sender_site(other.database) != office.database.site_id != other.database.site_id
        assert list(status(laptop.database).peers) == [code] and status(office.database).site_id == code
        create_lead(laptop.uow(), LeadInput(first_name="สมศรี", source="walk_in"))
        sent = export_bundle(laptop.database, tmp_path / "for.zip", for_site=code).counts  # not the office's own
        assert sent["lead"] == 1 and "account" not in sent
        with pytest.raises(BundleRefused):
            import_bundle(other.database, other.user_id, tmp_path / "one.zip")
    finally:
        other.close()


def test_a_clock_from_the_future_taken_in_by_the_server_is_repaired_there(office: AppContext, laptop: AppContext,
                                                                          tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A laptop whose computer had a date months ahead, and an older version that let its change into
    the server: the server's repair (a pg_dump first) takes the change out of its log and keeps what
    people saw under a fresh clock."""
    from tests.test_sync_hardening import HORIZON, NOW, accept_anything, set_date

    shop = create_account(laptop.uow(), AccountInput(name="Lanna Foods"), TODAY).created[0]
    with monkeypatch.context() as patched:
        accept_anything(patched)
        set_date(laptop, datetime(2027, 6, 1))
        rename(laptop, shop, name="Lanna Foods (ร้านอาหาร)")
        set_date(laptop, NOW)
        send(laptop, office, tmp_path / "poisoned.zip")
    [(ahead,)] = fetch(office, "SELECT count(*) FROM change WHERE hlc > ?", (HORIZON,))  # its first file's claim too
    done = repair_clock(office.database, office.user_id)
    assert done.removed == ahead >= 1
    assert done.backup is None or "clock-repair" in done.backup.name
    assert fetch(office, "SELECT count(*) FROM change WHERE hlc > ?", (HORIZON,)) == [(0,)]
    assert fetch(office, "SELECT name FROM account WHERE id = ? AND hlc <= ?", (shop, HORIZON)) == \
        [("Lanna Foods (ร้านอาหาร)",)]
