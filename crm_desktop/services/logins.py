"""Logins: passwords (argon2id hashes), the login with its lock-out, and whether this copy asks for one.

Hashes, failed attempts and lock-outs live in the `credential` table and the security events in
`security_event` (models/login.py): local tables, never synced. Off by default on a SQLite copy; the
owner turns it on once they have a password. `ALWAYS_REQUIRED_DIALECTS` is the one flag that makes a
kind of database (a server) always ask, whatever the copy's setting.

Argon2 with the library's defaults (64 MiB, 3 passes) takes 0.1–0.15 s per check on the build
machine: fast enough for a click on the GUI thread, and slow for someone guessing offline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from crm_desktop.clock import office_time
from crm_desktop.db.access import role_of
from crm_desktop.db.changelog import logging_session_factory
from crm_desktop.db.database import Database
from crm_desktop.db.engine import make_engine
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.models import Credential, SecurityEvent, User
from crm_desktop.roles import SETTINGS, USERS, Role
from crm_desktop.services.app import AppContext

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MAX_FAILED = 5  # the 5th wrong password in a row locks the person out ...
LOCK_OUT = timedelta(minutes=15)  # ... for this long, by the application clock
PASSWORD_MIN = 8
REQUIRED_KEY = "login_required"  # LocalState: "1" when this copy asks for a login
# Database dialects that always ask for a login, whatever the copy's setting: on the office server several
# people work at once from desks anyone can sit at (issue 17).
ALWAYS_REQUIRED_DIALECTS: frozenset[str] = frozenset({"postgresql"})


@cache
def _hasher() -> PasswordHasher:
    """argon2id with the library's defaults; imported at the first password (22 ms: not at every start)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


class LoginRefused(DomainError):
    """A wrong password, a locked account, or someone who cannot log in; nothing else changed."""


@dataclass(frozen=True)
class LoggedIn:
    user_id: str
    must_change: bool  # the owner set this password: the person chooses their own now


def login_required(database: Database) -> bool:
    """Whether this copy starts with a login (and the command line asks for a password)."""
    if database.engine.dialect.name in ALWAYS_REQUIRED_DIALECTS:
        return True
    return database.local(REQUIRED_KEY) == "1"


def has_password(database: Database, user_id: str) -> bool:
    with UnitOfWork(database, None) as uow:
        return uow.session.get(Credential, user_id) is not None


def _event(uow: UnitOfWork, event: str, user_id: str | None, detail: str = "") -> None:
    by = uow.user_id if uow.user_id != user_id else None
    uow.session.add(SecurityEvent(at=uow.now(), event=event, user_id=user_id, by_user_id=by, detail=detail))


def _check_new(password: str) -> str:
    if len(password) < PASSWORD_MIN:
        raise ValidationError("password", "A password has at least {count} characters.", count=PASSWORD_MIN)
    if password != password.strip():
        raise ValidationError("password", "A password cannot begin or end with a space.")
    return password


def _verify(stored: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def set_password(ctx: AppContext, user_id: str, password: str, *, current: str = "") -> None:
    """Set a password. A person changes their own (giving the current one, if they have one); the owner
    sets or resets anyone else's, who must then choose their own at their next login."""
    with ctx.uow() as uow:
        person = uow.users.get(user_id)
        if person is None or not person.active:
            raise DomainError("Only an active person on the list can have a password.")
        own = user_id == uow.user_id
        if not own:
            uow.require(USERS)
        stored = uow.session.get(Credential, user_id)
        if own and stored is not None and not _verify(stored.password_hash, current):
            raise ValidationError("current", "The current password is not right.")
        hashed = _hasher().hash(_check_new(password))
        if stored is None:
            stored = Credential(user_id=user_id, password_hash=hashed)
            uow.session.add(stored)
        stored.password_hash, stored.changed_at, stored.must_change = hashed, uow.now(), not own
        stored.failed_attempts, stored.locked_until = 0, None
        _event(uow, "password_set" if own else "password_reset", user_id)
        uow.commit()


def _owners_with_password(uow: UnitOfWork) -> int:
    stmt = select(func.count()).select_from(Credential).join(User, User.id == Credential.user_id).where(
        User.role == Role.OWNER, User.active.is_(True), User.deleted_at.is_(None))
    return uow.session.scalar(stmt) or 0


def needs_first_password(database: Database) -> bool:
    """Whether this database asks for a login while no owner can give one yet: a server just set up.
    The desk that opens it first chooses an owner's password (`set_first_password`)."""
    if not login_required(database):
        return False
    with UnitOfWork(database, None) as uow:
        return _owners_with_password(uow) == 0


def set_first_password(ctx: AppContext, owner_id: str, password: str) -> None:
    """An owner's first password, on a database that asks for a login and where no owner has one yet;
    whoever sets it works as that owner from then on. Refused once any owner has a password: from
    then on passwords are set as usual (`set_password`), by the owner."""
    if not needs_first_password(ctx.database):
        raise DomainError("An owner already has a password: log in as them to set or reset passwords.")
    with UnitOfWork(ctx.database, owner_id) as uow:
        owner = uow.users.get(owner_id)
        if owner is None or not owner.active or owner.role != Role.OWNER:
            raise DomainError("Only an active owner can have the first password.")
        uow.session.add(Credential(user_id=owner_id, password_hash=_hasher().hash(_check_new(password)),
                                   changed_at=uow.now(), must_change=False))
        _event(uow, "password_set", owner_id, "first")
        uow.commit()
    ctx.user_id = owner_id


def set_login_required(ctx: AppContext, on: bool) -> None:
    """The owner turns the login on (only once they have a password: nobody could log in as owner
    otherwise) or off."""
    with ctx.uow() as uow:
        uow.require(SETTINGS)
        if on and uow.session.get(Credential, uow.user_id) is None:
            raise DomainError("Set your own password first: with logins on, nobody could log in as the owner.")
        _event(uow, "logins_on" if on else "logins_off", uow.user_id)
        uow.commit()
    ctx.database.set_local(REQUIRED_KEY, "1" if on else "0")


def keep_an_owner_who_can_log_in(uow: UnitOfWork, leaving: User) -> None:
    """With logins on, an active owner with a password always remains (users.py calls this before a
    demotion or deactivation): otherwise nobody could manage the office's people again."""
    if uow.session.get(Credential, leaving.id) is None or not login_required(uow.database):
        return
    if _owners_with_password(uow) <= 1:
        raise DomainError("{name} is the only owner with a password and logins are on; give another owner a "
                          "password first.", name=leaving.name)


@contextmanager
def _writable(database: Database) -> Iterator[Database]:
    """The database itself, or for a read-only command (`search`) a writable connection to the same file
    for the login's two rows: a failed attempt counts whichever command makes it. (A server's connection
    writes whatever the command does.)"""
    if not database.read_only or database.server is not None:
        yield database
        return
    engine = make_engine(database.path)
    try:
        yield replace(database, engine=engine, sessions=logging_session_factory(engine), read_only=False)
    finally:
        engine.dispose()


def log_in(database: Database, user_id: str, password: str) -> LoggedIn:
    """Check a person's password; the 5th wrong one in a row locks them out for 15 minutes."""
    with _writable(database) as writable:
        return _log_in(writable, user_id, password)


def _log_in(database: Database, user_id: str, password: str) -> LoggedIn:
    with UnitOfWork(database, None) as uow:
        person = uow.users.get(user_id)
        stored = uow.session.get(Credential, user_id) if person is not None and person.active else None
        if person is None or stored is None:
            raise LoginRefused("This person cannot log in: the owner has not given them a password.")
        now = uow.now()
        if stored.locked_until is not None and now < stored.locked_until:
            raise _locked(stored.locked_until)
        if _verify(stored.password_hash, password):
            stored.failed_attempts, stored.locked_until = 0, None
            _event(uow, "login_ok", user_id)
            uow.commit()
            return LoggedIn(user_id, stored.must_change)
        stored.failed_attempts += 1
        locked = stored.failed_attempts >= MAX_FAILED
        if locked:
            stored.failed_attempts, stored.locked_until = 0, now + LOCK_OUT
        _event(uow, "locked_out" if locked else "login_failed", user_id)
        uow.commit()
    if stored.locked_until is not None:
        raise _locked(stored.locked_until)
    raise LoginRefused("Wrong password ({count} of {most} wrong tries; at {most} the account is locked for 15 "
                       "minutes).", count=stored.failed_attempts, most=MAX_FAILED)


def _locked(until: datetime) -> LoginRefused:
    return LoginRefused("Too many wrong passwords: this account is locked until {time}.",
                        time=office_time(until).strftime("%H:%M"))



def act_as(ctx: AppContext, name: str | None, password: Callable[[], str]) -> None:
    """Who the command line acts as: with logins on, the person called `name` once their password
    (asked for only then) is right; with logins off, `name` if given (as Settings' "I am" switch,
    without a password), else the copy's current person."""
    required = login_required(ctx.database)
    if required and needs_first_password(ctx.database):
        raise LoginRefused("Nobody can log in yet: open this database once in the app, which asks for the "
                           "owner's first password.")
    if required and not name:
        raise LoginRefused("This copy asks for a login: give --user NAME (or set CRM_DESKTOP_USER) and the "
                           "password when asked (or in CRM_DESKTOP_PASSWORD).")
    if not name:
        return
    person = _person_named(ctx, name)
    if required:
        log_in(ctx.database, person, password())
    ctx.user_id = person


def _person_named(ctx: AppContext, name: str) -> str:
    wanted = " ".join(name.split()).casefold()
    user = User.__table__.c
    with ctx.database.engine.connect() as conn:
        found = [row.id for row in conn.execute(select(user.id, user.name).where(
            user.active.is_(True), user.deleted_at.is_(None))) if " ".join(row.name.split()).casefold() == wanted]
    if len(found) != 1:
        raise LoginRefused("Nobody active is called {name} (or several are); give the name as the list of "
                           "people shows it.", name=name)
    return found[0]


def acting_role(ctx: AppContext) -> Role:
    """The role of who is working now, for screens that hide or disable what it may not do (the
    services refuse it anyway)."""
    return role_of(ctx.database, ctx.user_id)
