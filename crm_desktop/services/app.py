"""Opening the CRM: the application context every screen, command and service call receives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from crm_desktop.clock import Clock
from crm_desktop.db.database import Database, open_database
from crm_desktop.db.engine import resolve_db_path
from crm_desktop.db.errors import environment_error
from crm_desktop.db.probe import Kind
from crm_desktop.db.server import Server, probe_location
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError
from crm_desktop.models import User, fixed_id
from crm_desktop.roles import Action
from crm_desktop.services.alerts import ensure_default_alert_rules
from crm_desktop.services.picklists import ensure_default_pick_lists
from crm_desktop.services.scoring import ensure_default_rules
from crm_desktop.services.stages import ensure_default_stages

OWNER_ID = fixed_id("user", "owner")
Location = Path | Server  # where a database is: a file, or an office server (db/server.py)
CURRENT_USER_KEY = "user_id"


@dataclass
class AppContext:
    """Passed explicitly (no globals): the open database and who is working."""

    database: Database
    user_id: str

    @property
    def clock(self) -> Clock:
        """The one source of now and today for this session (a fixed clock in tests)."""
        return self.database.time

    def now(self) -> datetime:
        return self.database.time.now()

    def today(self) -> date:
        return self.database.time.today()

    def uow(self) -> UnitOfWork:
        """A fresh unit of work: one per user action."""
        return UnitOfWork(self.database, self.user_id)

    def require(self, action: Action) -> None:
        """Refuse an action that writes no row through a unit of work (a restore, a backup) unless the
        acting person's role allows it."""
        with self.uow() as uow:
            uow.require(action)

    def close(self) -> None:
        self.database.close()


def readable_failure(exc: BaseException) -> DomainError | None:
    """What to tell the user about an exception that escaped a command: a message for a failure of
    the environment (the database file, the disk), None for a bug."""
    return environment_error(exc)


def database_path(cli_value: str | Path | None) -> Location:
    """`--db`, else `CRM_DESKTOP_DB`, else the platform's user data folder; a file or an office server."""
    return resolve_db_path(cli_value)


def has_database(path: Location) -> bool:
    """Whether something is at `path` that a command would open (False: nothing, or an empty file or
    server database)."""
    return probe_location(path).kind not in (Kind.MISSING, Kind.BLANK)


def open_app(path: Location, *, clock: Clock, create: bool = True, read_only: bool = False) -> AppContext:
    """Open the database at `path` (a file, or an office server) for the current user (see
    `open_database` for what is refused).

    `clock` is where every now and today of this session comes from: `main.SystemClock()` in the app
    and the command line, a `FixedClock` in tests. `create`: a missing file becomes a new database,
    with the owner and the default stages, lists and rules (the app's first start; commands say
    whether they may create). `read_only`: for commands that only read; nothing is created,
    migrated, seeded or locked.
    """
    database = open_database(path, clock=clock, create=create, read_only=read_only)
    try:
        if not read_only:
            _seed(database)
        user_id = database.local(CURRENT_USER_KEY) or OWNER_ID
    except BaseException:
        database.close()
        raise
    return AppContext(database=database, user_id=user_id)


def _seed(database: Database) -> None:
    with UnitOfWork(database, None, seeding=True) as uow:
        if uow.users.count() == 0:
            # Every copy creates the same owner row (fixed id), so syncs never duplicate it.
            uow.users.add(User(id=OWNER_ID, name="Owner", role="owner"))
        # Default pick lists and scoring rules: fixed ids too; only the missing ones are added.
        ensure_default_pick_lists(uow)
        ensure_default_rules(uow)
        ensure_default_alert_rules(uow)
        uow.commit()
        ensure_default_stages(uow)


def switch_user(ctx: AppContext, user_id: str) -> None:
    """Remember who works on this copy; their name goes into the change log from now on."""
    ctx.database.set_local(CURRENT_USER_KEY, user_id)
    ctx.user_id = user_id
