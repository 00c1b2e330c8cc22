"""Another desktop on the same database, in a process of its own (tests of several desktops at once).

The instance lock (db/lock.py) refuses a second app on one SQLite file: it protects someone who starts
the app twice. A server database has no such lock, and there every desktop is another process. The
other desktop of these tests is a child process that opens the database through the real open path
(`open_app`) with only that lock left out, here and nowhere else, so the user's protection stays; on a
server it is a desk of its own (its own folder, so its own site id).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def desk_target(ctx: Any) -> str:
    """What another desktop opens to reach `ctx`'s database: its file, or its server's address."""
    server = ctx.database.server
    return str(ctx.database.path) if server is None else str(server.url)


def other_desk(target: Path | str, *command: str) -> str:
    """Run `command` on another desktop (a child process) against `target`; what it printed."""
    return finished(start_other_desk(target, *command))


def start_other_desk(target: Path | str, *command: str) -> subprocess.Popen[str]:
    """`other_desk` started, not waited for: several desktops at once."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-m", "tests.desk_helpers", str(target), *command], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(desk: subprocess.Popen[str]) -> str:
    """What a desktop started by `start_other_desk` printed, once it ended; raises if it failed."""
    out, err = desk.communicate(timeout=120)
    if desk.returncode != 0:
        raise AssertionError(f"the other desktop failed: {err}")
    return out.strip()


def open_desk(target: str, clock: Any) -> Any:
    """The app context of another desktop on `target` (a file or a server's URL), with the instance lock
    of a file left out (see the module's docstring)."""
    import crm_desktop.db.database as database
    from crm_desktop.db.lock import InstanceLock
    from crm_desktop.db.server import Server, is_server_url
    from crm_desktop.services.app import open_app

    class Unlocked(InstanceLock):
        """The lock the first desktop holds, not taken."""

        def hold_identity(self) -> None:
            pass

        def release(self) -> None:
            pass

    database.acquire_instance_lock = Unlocked  # type: ignore[assignment]
    where = Server(target, Path(tempfile.mkdtemp())) if is_server_url(target) else Path(target)
    return open_app(where, clock=clock, create=False)


def add_note_line(ctx: Any, account_id: str, line: str) -> int:
    """Add a line to the company's notes as a user would: on the version the form read, and when told of
    a conflict, again on the newer version. How many conflicts it was told of."""
    from crm_desktop.errors import VersionConflict
    from crm_desktop.queries.timeline import record_version
    from crm_desktop.services.accounts import account_input, update_account
    from crm_desktop.services.changes import Entity

    conflicts = 0
    while True:
        version = record_version(ctx.database, Entity.ACCOUNT, account_id) or 0
        data = account_input(ctx.uow(), account_id)
        data.notes = f"{data.notes}\n{line}".strip()
        try:
            update_account(ctx.uow().expecting(Entity.ACCOUNT, account_id, version), account_id, data, ctx.today())
            return conflicts
        except VersionConflict:
            conflicts += 1


def _main(target: str, command: str, *args: str) -> None:
    from crm_desktop.services.accounts import AccountInput, account_input, create_account, update_account
    from tests.time_helpers import TEST_NOW, make_clock

    ctx = open_desk(target, make_clock(TEST_NOW + timedelta(minutes=5)))
    try:
        if command == "rename":  # rename ACCOUNT_ID NAME
            account_id, name = args
            data = account_input(ctx.uow(), account_id)
            data.name = name
            update_account(ctx.uow(), account_id, data, ctx.today())
        elif command == "note":  # note ACCOUNT_ID TAG COUNT: as many saves, each adding a line to the notes
            account_id, tag, count = args
            print(sum(add_note_line(ctx, account_id, f"{tag}{i}") for i in range(int(count))))
        elif command == "add":  # add NAME: prints the new account's id
            print(create_account(ctx.uow(), AccountInput(name=args[0]), ctx.today()).created[0])
        else:
            raise SystemExit(f"unknown command {command}")
    finally:
        ctx.close()


if __name__ == "__main__":
    _main(*sys.argv[1:])
