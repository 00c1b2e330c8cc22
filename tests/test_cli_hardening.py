"""Commands that write files, odd --db targets and odd arguments (issue 11, points 5–7).

- An output file never lands on the database or a backup, an existing one is replaced only with
  --force, and a failure leaves no partial file and the old file intact.
- A database is created only when asked (`demo`, `sync import`, the app); another program's file
  is refused without a byte changed; commands that only read never create, migrate or write.
- Every refusal is one line on stderr: status 1, or 2 when the command line cannot be understood.
"""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from crm_desktop.db import migrate
from crm_desktop.db.backup import list_backups
from crm_desktop.db.database import open_database
from crm_desktop.db.engine import make_engine
from crm_desktop.errors import StorageError
from crm_desktop.main import main
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import open_app
from crm_desktop.services.backups import back_up_now
from crm_desktop.sync.files import export_bundle
from tests.time_helpers import TEST_NOW, TODAY, make_clock

SIDE_FILES = ("-wal", "-shm", "-journal", ".lock")
NAMES = ["ร้านกาแฟดอยช้าง", "บริษัท สยามการค้า จำกัด"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv], make_clock())
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("crm-desktop: ") and "Traceback" not in err


def dump(path: Path) -> list[str]:
    """Schema and rows: 'the database is exactly as it was' compares two of these."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def account_names(path: Path) -> list[str]:
    ctx = open_app(path, clock=make_clock(), read_only=True)
    try:
        with ctx.database.engine.connect() as conn:
            return sorted(r[0] for r in conn.exec_driver_sql("SELECT name FROM account"))
    finally:
        ctx.close()


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's bytes and which files lie beside it: what 'not touched' means for a file not ours."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in path.parent.iterdir())


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".part", ".tmp")))


@pytest.fixture
def db(tmp_path: Path, new_database: Callable[[Path], Path]) -> Path:
    """A closed database of ours with two accounts."""
    path = new_database(tmp_path / "crm.sqlite3")
    ctx = open_app(path, clock=make_clock())
    try:
        for name in NAMES:
            create_account(ctx.uow(), AccountInput(name=name), TODAY)
    finally:
        ctx.close()
    return path


@pytest.fixture
def foreign(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """Another program's SQLite file, closed, in its own folder (so nothing else lies beside it)."""
    folder = tmp_path / "other-program"
    folder.mkdir()
    path = folder / "inventory.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL" if getattr(request, "param", "") == "wal" else "PRAGMA journal_mode=DELETE")
    conn.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)")
    conn.executemany("INSERT INTO item (name) VALUES (?)", [("ข้าวสาร",), ("น้ำปลา",)])
    conn.commit()
    conn.close()
    return path


# --- point 5: output files --------------------------------------------------------------------------------


def spellings_of_the_database(db: Path) -> Iterator[Path]:
    yield db
    yield db.parent / "." / db.name
    yield db.with_name(db.name + "-wal")
    yield db.with_name(db.name + "-shm")
    hard = db.parent / "elsewhere" / "hard-link.sqlite3"
    hard.parent.mkdir(exist_ok=True)
    os.link(db, hard)
    yield hard
    soft = db.parent / "elsewhere" / "symlink.sqlite3"
    soft.symlink_to(db)
    yield soft


@pytest.mark.parametrize("command", [("sync", "export", "--all"), ("backup",)])
def test_an_output_file_is_never_the_database_even_with_force(
    db: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    before = dump(db)
    for target in spellings_of_the_database(db):
        for force in ((), ("--force",)):
            code, out, err = run(capsys, "--db", str(db), *command, "--out", str(target), *force)
            assert (code, out) == (1, "") and one_line(err) and "is the database itself" in err, (target, force)
    assert dump(db) == before
    assert account_names(db) == sorted(NAMES)  # the live database still opens, with its data
    assert leftovers(db.parent) == []


@pytest.mark.parametrize("command", [("sync", "export", "--all"), ("backup",)])
def test_an_output_file_is_never_a_backup_even_with_force(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    assert run(capsys, "--db", str(db), "backup")[0] == 0
    backup = list_backups(db)[0].path
    linked = tmp_path / "looks-like-any-file.sqlite3"
    os.link(backup, linked)
    kept = backup.read_bytes()
    for target in (backup, linked):
        code, _, err = run(capsys, "--db", str(db), *command, "--out", str(target), "--force")
        assert code == 1 and one_line(err) and "one of the database's backups" in err
    assert backup.read_bytes() == kept


@pytest.mark.parametrize("command", [("sync", "export", "--all"), ("backup",)])
def test_an_existing_file_is_replaced_only_with_force(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    target = tmp_path / "mine.out"
    target.write_bytes(b"someone's notes")
    code, out, err = run(capsys, "--db", str(db), *command, "--out", str(target))
    assert (code, out) == (1, "") and one_line(err) and "already exists" in err and "--force" in err
    assert target.read_bytes() == b"someone's notes"
    assert run(capsys, "--db", str(db), *command, "--out", str(target), "--force")[0] == 0
    if command[0] == "sync":
        assert zipfile.ZipFile(target).namelist() == ["changes.ndjson", "manifest.json"]
    else:
        assert account_names(target) == sorted(NAMES)
    assert leftovers(tmp_path) == []
    folder = tmp_path / "folder.out"
    folder.mkdir()
    code, _, err = run(capsys, "--db", str(db), *command, "--out", str(folder), "--force")
    assert code == 1 and one_line(err) and "is a folder" in err


def test_a_failed_export_leaves_the_old_file_and_no_partial_one(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import crm_desktop.sync.files as files

    target = tmp_path / "last-week.zip"
    target.write_bytes(b"last week's file")
    lines = files._lines

    def full_disk(*args: object) -> Iterator[str]:
        yield from list(lines(*args))[:5]  # type: ignore[arg-type]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files, "_lines", full_disk)
    history = dump(db)
    code, _, err = run(capsys, "--db", str(db), "sync", "export", "--all", "--out", str(target), "--force")
    assert code == 1 and one_line(err) and "No space left on device" in err
    assert target.read_bytes() == b"last week's file"
    assert leftovers(tmp_path) == []
    assert [line for line in dump(db) if "sync_exchange" in line] == [
        line for line in history if "sync_exchange" in line]  # no export recorded either


@pytest.mark.parametrize("failure", ["cancel", "full disk"])
def test_a_failed_backup_leaves_the_old_file_and_no_partial_one(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    import crm_desktop.db.backup as backup

    target = tmp_path / "yesterday.sqlite3"
    target.write_bytes(b"yesterday")
    if failure == "full disk":
        def copy(*_args: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(backup, "copy_database", copy)
    with pytest.raises(StorageError if failure == "full disk" else Exception) as raised:
        back_up_now(db, target, (lambda _done, _total: False) if failure == "cancel" else None, now=TEST_NOW,
                    force=True)
    assert ("full" if failure == "full disk" else "Cancelled") in str(raised.value)
    assert target.read_bytes() == b"yesterday"
    assert leftovers(tmp_path) == []


# --- point 6: a database only where one was asked for ------------------------------------------------------

FOREIGN_COMMANDS = [
    ("search", "ข้าว"), ("sync", "status"), ("check",), ("backup",), ("sync", "key", "k"),
    ("sync", "export", "--all", "--out", "{tmp}/out.zip"), ("sync", "import", "{tmp}/in.zip"),
    ("sync", "import", "--dry-run", "{tmp}/in.zip"), ("demo",), ("restore", "{backup}"),
]


@pytest.mark.parametrize("foreign", ["delete", "wal"], indirect=True)
@pytest.mark.parametrize("command", FOREIGN_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_another_programs_database_is_refused_without_a_byte_changed(
    foreign: Path, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    assert run(capsys, "--db", str(db), "sync", "export", "--all", "--out", str(tmp_path / "in.zip"))[0] == 0
    backup = back_up_now(db, now=TEST_NOW)
    argv = [a.format(tmp=tmp_path, backup=backup) for a in command]
    before = fingerprint(foreign)
    code, out, err = run(capsys, "--db", str(foreign), *argv)
    assert (code, out) == (1, "") and one_line(err) and "another program" in err
    assert fingerprint(foreign) == before  # same bytes, and no -wal, -shm, .lock or backups folder beside it
    assert not (tmp_path / "out.zip").exists()


def test_the_app_refuses_another_programs_database_and_files_that_are_not_sqlite(foreign: Path) -> None:
    text = foreign.with_name("notes.txt")
    text.write_text("ไม่ใช่ฐานข้อมูล", encoding="utf-8")
    for path, words in ((foreign, "another program"), (text, "not a SQLite file")):
        before = fingerprint(path)
        for read_only in (False, True):
            with pytest.raises(StorageError, match=words):
                open_app(path, clock=make_clock(), read_only=read_only)  # create=True: the app's own start
        assert fingerprint(path) == before


def test_the_desktop_app_says_why_it_cannot_open_another_programs_database(
    qtbot: object, foreign: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.views.app import create_application, open_or_recover

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    before = fingerprint(foreign)
    assert open_or_recover(create_application([]), foreign, "en", make_clock()) is None  # quits, changing nothing
    assert "another program" in shown[0] and fingerprint(foreign) == before


MISSING_COMMANDS = [
    ("search", "x"), ("sync", "status"), ("check",), ("backup",), ("backup", "--out", "{tmp}/b.sqlite3"),
    ("sync", "key", "k"), ("sync", "export", "--out", "{tmp}/out.zip"), ("restore", "{tmp}/b.sqlite3"),
]


@pytest.mark.parametrize("command", MISSING_COMMANDS, ids=" ".join)
def test_commands_that_do_not_create_refuse_a_missing_or_empty_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    argv = [a.format(tmp=tmp_path) for a in command]
    missing = tmp_path / "typo" / "crm.sqlite3"
    code, out, err = run(capsys, "--db", str(missing), *argv)
    assert (code, out) == (1, "") and one_line(err) and "There is no database at" in err
    assert not missing.parent.exists()
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    code, _, err = run(capsys, "--db", str(empty), *argv)
    assert code == 1 and "There is no database at" in err
    assert empty.read_bytes() == b"" and sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite3"]


def test_demo_and_sync_import_create_a_database_but_a_dry_run_does_not(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "all.zip"
    assert run(capsys, "--db", str(db), "sync", "export", "--all", "--out", str(bundle))[0] == 0
    copy = tmp_path / "branch" / "new-copy.sqlite3"
    code, out, _ = run(capsys, "--db", str(copy), "sync", "import", "--dry-run", str(bundle))
    assert code == 0 and out.startswith("Dry run") and not copy.parent.exists()
    assert run(capsys, "--db", str(copy), "sync", "import", str(bundle))[0] == 0
    assert account_names(copy) == sorted(NAMES)
    demo = tmp_path / "demo" / "a?b#c%41.sqlite3"  # characters a URL would cut the name at
    assert run(capsys, "--db", str(demo), "demo")[0] == 0
    assert demo.is_file() and not (demo.parent / "a").exists()
    assert run(capsys, "--db", str(demo), "search", "บริษัท", "--limit", "1")[1].count("\n") >= 1


def older_schema(path: Path) -> None:
    """A database as an older version left it (schema 0006) with one account."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    engine = make_engine(path)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0006")
        values = {"id": "a1", "name": "ร้านเก่า"}
        for _cid, name, kind, notnull, default, _pk in conn.exec_driver_sql("PRAGMA table_info(account)"):
            if notnull and default is None and name not in values:
                values[name] = 0 if kind.startswith(("INT", "BIGINT", "BOOL")) else \
                    "2026-01-01 00:00:00" if kind == "DATETIME" else ""
        marks = ", ".join("?" for _ in values)
        conn.exec_driver_sql(f"INSERT INTO account ({', '.join(values)}) VALUES ({marks})", tuple(values.values()))
    engine.dispose()


@pytest.mark.parametrize("command", [("search", "ร้าน"), ("sync", "status")], ids=" ".join)
def test_commands_that_only_read_never_migrate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    old = tmp_path / "old.sqlite3"
    older_schema(old)
    before = dump(old)
    code, out, err = run(capsys, "--db", str(old), *command)
    assert (code, out) == (1, "") and one_line(err) and "older version" in err and "Open it once in the app" in err
    assert dump(old) == before and migrate.stored_revision(old) == "0006"
    assert not (tmp_path / "backups").exists()
    assert run(capsys, "--db", str(old), "check")[:2] == (0, "ok\n")  # checking reads, and needs no upgrade


# --- point 7: one line, never a traceback ---------------------------------------------------------------


@pytest.fixture
def read_only(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The database file made read-only; for root (whom permissions do not stop) the OS's answer too."""
    db.chmod(0o444)
    if os.geteuid() == 0:
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p).resolve() == db.resolve()
                            and mode & os.W_OK else real(p, mode, **kw))
    yield db
    db.chmod(0o644)


@pytest.mark.parametrize("command", [("sync", "key", "k"), ("sync", "export", "--all", "--out", "{tmp}/o.zip"),
                                     ("demo",), ("sync", "import", "{tmp}/o.zip")], ids=lambda c: " ".join(c[:2]))
def test_a_read_only_database_is_refused_before_anything_is_written(
    read_only: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    before = dump(read_only)
    code, out, err = run(capsys, "--db", str(read_only), *[a.format(tmp=tmp_path) for a in command])
    assert (code, out) == (1, "") and one_line(err) and "read-only" in err
    assert not (tmp_path / "o.zip").exists() and not (tmp_path / "backups").exists()
    assert dump(read_only) == before
    assert run(capsys, "--db", str(read_only), "search", "ร้าน")[0] == 0  # reading still works


def test_a_write_that_sqlite_refuses_is_a_message_and_an_export_leaves_no_file(db: Path, tmp_path: Path) -> None:
    """Past the early check (the file turned read-only meanwhile), SQLite's own refusal reads the same."""
    from crm_desktop.sync.state import set_office_key

    database = open_database(db, clock=make_clock(), read_only=True)  # cannot write, like one to a read-only file
    try:
        with pytest.raises(StorageError, match="read-only"):
            set_office_key(database, "k", by=None)
        with pytest.raises(StorageError, match="read-only"):
            export_bundle(database, tmp_path / "o.zip", everything=True)
    finally:
        database.close()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("crm.sqlite3")) == []


@pytest.mark.parametrize("limit", ["0", "-1", "-99999999999999999999"])
def test_search_refuses_a_limit_below_one(db: Path, capsys: pytest.CaptureFixture[str], limit: str) -> None:
    code, out, err = run(capsys, "--db", str(db), "search", "ร้าน", f"--limit={limit}")
    assert (code, out) == (1, "") and one_line(err) and "The limit must be 1 or more" in err


def test_search_takes_a_huge_limit_as_no_limit(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(db), "search", "ร้าน", "--limit", "99999999999999999999")
    assert code == 0 and out.count("\n") == 1
    code, out, _ = run(capsys, "--db", str(db), "search", "บ", "--limit", "1")
    assert code == 0 and out.count("\n") == 1


def test_usage_errors_are_one_line_with_status_2_in_the_chosen_language(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (["frobnicate"], ["search"], ["search", "x", "--limit", "abc"], ["sync"], ["--lang", "de"]):
        code = main(argv, make_clock())
        out, err = capsys.readouterr()
        assert (code, out) == (2, "") and one_line(err) and "--help" in err, argv
    assert main(["--lang", "th", "search", "x", "--limit", "abc"], make_clock()) == 2
    assert "คำสั่งไม่ถูกต้อง" in capsys.readouterr().err


def test_arguments_that_are_not_utf8_are_refused_in_one_line(tmp_path: Path) -> None:
    """Real bytes on a real command line: Python hands them over as surrogate escapes."""
    for argv in ([b"--db", b"crm\xff.sqlite3", b"demo"], [b"search", b"\xe0\xb8"], [b"--lang", b"\xff", b"check"],
                 [b"--db", b"x.sqlite3", b"sync", b"export", b"--out", b"\xff.zip"]):
        done = subprocess.run([sys.executable, "-m", "crm_desktop", *argv], cwd=tmp_path, capture_output=True,
                              env={**os.environ, "LANG": "C.UTF-8", "PYTHONPATH": os.pathsep.join(sys.path)})
        assert (done.returncode, done.stdout) == (1, b""), argv
        assert done.stderr.count(b"\n") == 1 and b"is not valid UTF-8 text" in done.stderr, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_database_path_from_the_environment_must_be_text_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRM_DESKTOP_DB", str(tmp_path / "crm\udcff.sqlite3"))
    code, _, err = run(capsys, "demo")
    assert code == 1 and one_line(err) and "is not valid UTF-8 text" in err
    assert list(tmp_path.iterdir()) == []


def test_a_failed_migration_leaves_the_database_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic.operations import Operations

    old = tmp_path / "old.sqlite3"
    older_schema(old)
    before = dump(old)

    def broken_step(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("step 0007 failed half-way")

    with monkeypatch.context() as patch:  # 0007 adds a column, copies the fields, then drops a table
        patch.setattr(Operations, "drop_table", broken_step)
        code, out, err = run(capsys, "--db", str(old), "sync", "key", "k")
    assert (code, out) == (1, "") and one_line(err) and "could not be brought up to date" in err
    assert "left as it was" in err and "step 0007 failed half-way" in err
    assert dump(old) == before and migrate.stored_revision(old) == "0006"
    assert [b.reason for b in list_backups(old)] == ["before-upgrade"]
    assert run(capsys, "--db", str(old), "sync", "key", "k")[0] == 0  # nothing half-done blocks the real upgrade
    assert migrate.stored_revision(old) == migrate.SCHEMA_HEAD


def test_an_unexpected_error_is_one_line_with_a_hint_and_the_traceback_on_request(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import crm_desktop.cli as cli

    def bug(*_args: object, **_kwargs: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(cli, "search_all", bug)
    code, out, err = run(capsys, "--db", str(db), "search", "x")
    assert (code, out) == (1, "") and one_line(err) and "KeyError" in err and "CRM_DESKTOP_DEBUG=1" in err
    monkeypatch.setenv("CRM_DESKTOP_DEBUG", "1")
    with pytest.raises(KeyError):
        main(["--db", str(db), "search", "x"], make_clock())


def test_a_failure_of_the_environment_anywhere_in_a_command_reads_as_such(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import crm_desktop.cli as cli

    def denied(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "/media/usb/crm.zip")

    monkeypatch.setattr(cli, "search_all", denied)
    code, _, err = run(capsys, "--db", str(db), "search", "x")
    assert code == 1 and one_line(err) and "could not be read or written" in err and "/media/usb/crm.zip" in err
