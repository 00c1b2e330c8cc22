"""An import stopped midway leaves the database as it was (issue 15, Tests): `crm-desktop import
contacts BIG.csv` in a real process, killed with SIGKILL (a crash, a power cut) or interrupted with
Ctrl+C (the command line's Cancel) once it is writing; then the database holds exactly what it held
before and `crm-desktop check` says ok. The import is one transaction: SQLite's WAL drops the frames
of a transaction that never committed when the database is next opened; a server rolls back the
transaction of a client that went away."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.sync.records import synced_tables
from tests.server_helpers import command_db, fetch
from tests.time_helpers import TODAY

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[1]
ROWS = 40_000
WRITING = 8 * 1024 * 1024  # WAL bytes of several flushes (2,000 rows each, ~2 MB); opening writes a few KB


def big_csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        out.write("ชื่อ,นามสกุล,มือถือ,อีเมล,จังหวัด\n")
        for i in range(ROWS):
            out.write(f"สมชาย{i},ใจดี,08{i:08d},user{i}@example.co.th,เชียงใหม่\n")
    return path


def user_data(ctx: AppContext) -> dict[str, list[tuple[object, ...]]]:
    out = {name: fetch(ctx, f'SELECT * FROM "{name}" ORDER BY id') for name in synced_tables()}
    out["change"] = fetch(ctx, "SELECT * FROM change ORDER BY 1")
    return out


def writing(ctx: AppContext) -> Callable[[], bool]:
    """Whether another process's import is writing rows now: a file's WAL has grown by several flushes;
    on a server another connection's transaction holds the write lock on the contact table, which it keeps
    until it ends (the command's login writes first in a short transaction of its own, so an open
    transaction id alone may be that one's)."""
    if ctx.database.server is not None:
        return lambda: bool(fetch(ctx, "SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                                       "JOIN pg_database d ON d.oid = l.database "
                                       "WHERE d.datname = current_database() AND c.relname = 'contact' "
                                       "AND l.mode = 'RowExclusiveLock' AND l.granted "
                                       "AND l.pid <> pg_backend_pid()"))
    wal = ctx.database.path.with_name(ctx.database.path.name + "-wal")
    return lambda: wal.exists() and wal.stat().st_size > WRITING


def hears_ctrl_c() -> None:
    """The command hears Ctrl+C as in a terminal, even when the tests run where SIGINT is ignored (a
    background job of a shell: its children inherit that, and Python then never raises KeyboardInterrupt)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def crm(*argv: str) -> list[str]:
    return [sys.executable, "-m", "crm_desktop", "--lang", "en", *argv]


def environment() -> dict[str, str]:
    """The subprocess runs this checkout's code (a worktree's, not whatever is installed)."""
    return {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["kill -9", "Ctrl+C"])
def test_an_import_stopped_midway_leaves_the_database_as_it_was(ctx: AppContext, tmp_path: Path,
                                                                 stop: signal.Signals,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for name, mobile in (("มาลี", "0891112222"), ("Anan", "0865554444")):
        create_contact(ctx.uow(), ContactInput(first_name=name, mobile=mobile), TODAY)
    db = command_db(ctx, monkeypatch)
    ctx.close()
    before = user_data(ctx)
    source = big_csv(tmp_path / "BIG.csv")
    started = writing(ctx)
    process = subprocess.Popen(crm("--db", db, "import", "contacts", str(source)), env=environment(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=hears_ctrl_c)
    try:
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline:
            if started():
                break
            time.sleep(0.01)
        assert process.poll() is None, ("the import ended before it was stopped: the file is too small, or it "
                                        "committed along the way (a checkpoint kept the WAL from growing)")
        assert started()
        process.send_signal(stop)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if stop == signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
    else:
        assert process.returncode == 130 and b"interrupted; nothing was saved" in err
    assert b"new" not in out  # it never got to say what it imported
    checked = subprocess.run(crm("--db", db, "check"), env=environment(), capture_output=True, text=True,
                             timeout=120)
    assert (checked.returncode, checked.stdout.strip()) == (0, "ok"), checked.stderr
    assert user_data(ctx) == before
    assert fetch(ctx, "SELECT count(*) FROM contact") == [(2,)]
