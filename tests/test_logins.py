"""Logins: passwords, the lock-out by the application clock, the owner who cannot lock the office out,
hashes that never travel, and the command line acting as a person."""

from __future__ import annotations

import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from crm_desktop.clock import FixedClock
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.models import Credential, SecurityEvent
from crm_desktop.roles import Refused
from crm_desktop.services.app import OWNER_ID, AppContext, open_app
from crm_desktop.services.logins import (
    LoginRefused,
    has_password,
    log_in,
    login_required,
    set_login_required,
    set_password,
)
from crm_desktop.services.users import UserInput, set_active, update_user
from crm_desktop.sync.files import export_bundle
from tests.people_helpers import add_user
from tests.test_cli_hardening import run
from tests.time_helpers import make_clock

pytestmark = pytest.mark.server

OWNER_PASSWORD = "ร้านสมใจ2569"  # Thai letters are fine



def events(ctx: AppContext) -> list[str]:
    with UnitOfWork(ctx.database, None) as uow:
        return list(uow.session.scalars(select(SecurityEvent.event).order_by(SecurityEvent.seq)))


@pytest.mark.sqlite_only  # a file's login is optional; a server always asks (test_server.py)
def test_logins_are_off_until_the_owner_with_a_password_turns_them_on(ctx: AppContext) -> None:
    assert not login_required(ctx.database)
    with pytest.raises(DomainError, match="Set your own password first"):
        set_login_required(ctx, True)
    assert not login_required(ctx.database)
    set_password(ctx, OWNER_ID, OWNER_PASSWORD)
    set_login_required(ctx, True)
    assert login_required(ctx.database) and has_password(ctx.database, OWNER_ID)
    nok = AppContext(ctx.database, add_user(ctx, "Nok"))
    with pytest.raises(Refused, match="Only the owner can change settings"):
        set_login_required(nok, False)
    assert events(ctx) == ["password_set", "logins_on", "refused"]


def test_a_password_is_checked_and_the_fifth_wrong_one_locks_for_fifteen_minutes(
        ctx: AppContext, clock: FixedClock) -> None:
    set_password(ctx, OWNER_ID, OWNER_PASSWORD)
    assert log_in(ctx.database, OWNER_ID, OWNER_PASSWORD).must_change is False
    for attempt in range(1, 5):
        with pytest.raises(LoginRefused) as wrong:
            log_in(ctx.database, OWNER_ID, "not it")
        assert wrong.value.text("en") == (f"Wrong password ({attempt} of 5 wrong tries; at 5 the account is "
                                          "locked for 15 minutes).")
    assert log_in(ctx.database, OWNER_ID, OWNER_PASSWORD)  # the 4th did not lock; a right one starts over
    for _attempt in range(4):
        with pytest.raises(LoginRefused, match="Wrong password"):
            log_in(ctx.database, OWNER_ID, "not it")
    with pytest.raises(LoginRefused) as locked:  # the 5th
        log_in(ctx.database, OWNER_ID, "not it")
    assert locked.value.text("en") == "Too many wrong passwords: this account is locked until 10:15."  # Bangkok
    assert locked.value.text("th") == "ใส่รหัสผ่านผิดหลายครั้งเกินไป บัญชีนี้ถูกล็อกจนถึงเวลา 10:15 น."
    clock.advance(timedelta(minutes=14))
    with pytest.raises(LoginRefused, match="locked until 10:15"):
        log_in(ctx.database, OWNER_ID, OWNER_PASSWORD)  # even the right password, while locked
    clock.advance(timedelta(minutes=1))
    assert log_in(ctx.database, OWNER_ID, OWNER_PASSWORD).user_id == OWNER_ID
    assert events(ctx).count("locked_out") == 1 and events(ctx)[-1] == "login_ok"


def test_the_owner_resets_a_password_and_the_person_chooses_their_own(ctx: AppContext) -> None:
    nok_id = add_user(ctx, "Nok")
    nok = AppContext(ctx.database, nok_id)
    with pytest.raises(LoginRefused, match="has not given them a password"):
        log_in(ctx.database, nok_id, "anything")
    set_password(ctx, nok_id, "temporary-1")
    assert log_in(ctx.database, nok_id, "temporary-1").must_change
    with pytest.raises(ValidationError, match="current password is not right"):
        set_password(nok, nok_id, "my-own-pass", current="wrong")
    set_password(nok, nok_id, "my-own-pass", current="temporary-1")
    assert not log_in(ctx.database, nok_id, "my-own-pass").must_change
    with pytest.raises(Refused, match="Only the owner can add or change people and their passwords"):
        set_password(nok, OWNER_ID, "taken-over!")
    with pytest.raises(ValidationError, match="at least 8 characters"):
        set_password(ctx, nok_id, "short")


def test_the_last_owner_who_can_log_in_cannot_be_demoted_or_deactivated(ctx: AppContext) -> None:
    set_password(ctx, OWNER_ID, OWNER_PASSWORD)
    second = add_user(ctx, "Somsri", "owner")  # an owner without a password does not count
    set_login_required(ctx, True)
    with pytest.raises(DomainError, match="only owner with a password"):
        update_user(ctx.uow(), OWNER_ID, UserInput(name="Owner", role="manager"))
    somsri = AppContext(ctx.database, second)
    with pytest.raises(DomainError, match="only owner with a password"):
        set_active(somsri.uow(), OWNER_ID, False)
    set_password(ctx, second, "somsri-pass")
    update_user(ctx.uow(), OWNER_ID, UserInput(name="Owner", role="manager"))  # Somsri can log in as owner


@pytest.mark.sqlite_only  # a server's sync files come later (issue 17)
def test_a_password_hash_never_travels_in_a_sync_file(ctx: AppContext, tmp_path: Path) -> None:
    set_password(ctx, OWNER_ID, OWNER_PASSWORD)
    set_login_required(ctx, True)
    with UnitOfWork(ctx.database, None) as uow:
        stored = uow.session.get(Credential, OWNER_ID)
        assert stored is not None and stored.password_hash.startswith("$argon2id$")
        hashed = stored.password_hash
    out = export_bundle(ctx.database, tmp_path / "all.zip", everything=True, user_id=OWNER_ID)
    with zipfile.ZipFile(out.path) as bundle:
        text = b"".join(bundle.read(name) for name in bundle.namelist()).decode("utf-8")
    assert out.changes > 0
    for secret in (hashed, hashed.split("$")[-1], "credential", "security_event", "login_required"):
        assert secret not in text


# --- the command line -----------------------------------------------------------------------



@pytest.fixture
def locked_office(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite3"
    ctx = open_app(path, clock=make_clock())
    try:
        add_user(ctx, "Nok")
        set_password(ctx, OWNER_ID, OWNER_PASSWORD)
        set_login_required(ctx, True)
    finally:
        ctx.close()
    return path


def test_with_logins_on_the_command_line_asks_who_and_their_password(
        locked_office: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(locked_office)
    code, _out, err = run(capsys, "--db", db, "search", "x")
    assert code == 1 and err.startswith("crm-desktop: This copy asks for a login: give --user NAME")
    assert err.count("\n") == 1
    monkeypatch.setenv("CRM_DESKTOP_PASSWORD", "wrong password")
    code, _out, err = run(capsys, "--db", db, "--user", "owner", "search", "x")
    assert (code, err) == (1, "crm-desktop: Wrong password (1 of 5 wrong tries; at 5 the account is locked for 15 "
                              "minutes).\n")
    monkeypatch.setenv("CRM_DESKTOP_PASSWORD", OWNER_PASSWORD)
    code, _out, err = run(capsys, "--db", db, "--user", "Owner", "search", "x")
    assert (code, err) == (0, "")
    monkeypatch.delenv("CRM_DESKTOP_PASSWORD")
    monkeypatch.setattr("getpass.getpass", lambda prompt: OWNER_PASSWORD)  # asked when not in the environment
    monkeypatch.setenv("CRM_DESKTOP_USER", "Owner")
    code, out, err = run(capsys, "--db", db, "backup")
    assert code == 0 and out.strip().endswith(".sqlite3")
    code, _out, err = run(capsys, "--db", db, "--user", "Nok", "search", "x")  # Nok has no password
    assert code == 1 and "has not given them a password" in err


def test_a_read_only_command_counts_failed_attempts_too(locked_office: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRM_DESKTOP_PASSWORD", "guessing")
    for _attempt in range(5):
        run(capsys, "--db", str(locked_office), "--user", "Owner", "search", "x")
    monkeypatch.setenv("CRM_DESKTOP_PASSWORD", OWNER_PASSWORD)
    code, _out, err = run(capsys, "--db", str(locked_office), "--user", "Owner", "search", "x")
    assert code == 1 and "locked until" in err


@pytest.mark.sqlite_only  # a server is restored by pg_restore
def test_a_restore_keeps_this_copys_passwords_and_who_logged_in(ctx: AppContext) -> None:
    from crm_desktop.services.backups import back_up_now, restore_backup

    saved = back_up_now(ctx.database.path, now=ctx.now())  # before any password
    manager = add_user(ctx, "Mali", "manager")  # not in the backup
    set_password(ctx, OWNER_ID, OWNER_PASSWORD)
    set_login_required(ctx, True)
    ctx.user_id = log_in(ctx.database, OWNER_ID, OWNER_PASSWORD).user_id
    set_password(ctx, manager, "mali-password")
    restore_backup(ctx, saved)
    assert login_required(ctx.database) and ctx.user_id == OWNER_ID
    assert log_in(ctx.database, OWNER_ID, OWNER_PASSWORD)  # not locked out by a backup without passwords
    with pytest.raises(LoginRefused, match="has not given them a password"):
        log_in(ctx.database, manager, "mali-password")  # Mali is not in the restored data
    assert "login_ok" in events(ctx)  # the security events stay this copy's too
