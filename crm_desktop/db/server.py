"""An office server database (PostgreSQL) named by a URL: what it is, how it is reached, what it holds.

Several desktops work on one server at once (issue 17). Each desktop is a copy of its own for the
change log: its own site id, kept in its folder for that server (`Server.folder`), so two desks never
give two changes the same (site, clock) name without asking each other at every write. The folder
also holds what the desk keeps of the server: its instance lock and the server's backups.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from crm_desktop.db.probe import OUR_TABLES, Found, Kind, probe
from crm_desktop.errors import StorageError

SCHEMES = ("postgresql", "postgres")
DRIVER = "postgresql+psycopg"
SITE_FILE = "site_id"
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


def is_server_url(value: str) -> bool:
    """Whether a `--db` value names a server (a URL) rather than a database file."""
    scheme = value.split("://", 1)[0].lower() if "://" in value else ""
    return scheme.split("+", 1)[0] in SCHEMES


@dataclass(frozen=True)
class Server:
    """A server database as the user named it (`postgresql://crm@office-server/crm`), with the local
    folder where this desk keeps what belongs to it (`base`: the user data folder)."""

    url: str
    base: Path

    def __post_init__(self) -> None:
        try:
            parsed = make_url(self.url)
        except ArgumentError as exc:
            raise StorageError("{url} is not a database address ({reason}).", url=self.url, reason=exc) from exc
        if not parsed.database:
            raise StorageError("The server address {url} names no database: add /name at its end.",
                               url=self.shown)

    @property
    def shown(self) -> str:
        """The address as messages show it: without a password."""
        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except ArgumentError:
            return self.url.split("@")[-1]

    @property
    def folder(self) -> Path:
        """This desk's folder for this server: its name readable, and unique by a hash of the address
        without the password (a changed password is the same server)."""
        parsed = make_url(self.url)._replace(password=None)
        plain = parsed.render_as_string(hide_password=False)
        name = _SLUG.sub("-", f"{parsed.host or 'local'}-{parsed.database}")[:60]
        return self.base / "servers" / f"{name}-{hashlib.sha256(plain.encode()).hexdigest()[:10]}"

    @property
    def anchor(self) -> Path:
        """A path standing for the database among files (locks, backups beside it, output checks)."""
        return self.folder / "server.dump"

    def engine(self) -> Engine:
        """An engine on psycopg (a `postgresql://` URL names it), connections checked before use: a
        desk's connection may have been closed by the server or the network overnight."""
        url = make_url(self.url)
        url = url.set(drivername=DRIVER)
        return create_engine(url, pool_pre_ping=True, pool_size=4, max_overflow=4)


def server_version(engine: Engine) -> str:
    """The PostgreSQL version of a server the engine has connected to ("" before its first connection)."""
    info = getattr(engine.dialect, "server_version_info", None)
    return ".".join(str(part) for part in info) if info else ""


def server_reason(exc: BaseException) -> str:
    """What the server or its driver said, in one line: the first of the driver's own message (the rest
    repeats the statement), or the kind of error when it said nothing."""
    lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def unreachable(server: Server, exc: BaseException) -> StorageError:
    """Why the server could not be reached, in one line the user can act on."""
    return StorageError("Cannot reach the office server {url}: {reason}", url=server.shown,
                        reason=server_reason(exc))


def probe_server(engine: Engine, server: Server) -> Found:
    """What the server database holds: nothing yet, ours (and its revision), or another program's."""
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if not tables:
                return Found(Kind.BLANK)
            if not tables >= OUR_TABLES:
                return Found(Kind.FOREIGN)
            row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
    except DBAPIError as exc:
        raise unreachable(server, exc) from exc
    if row is None:
        return Found(Kind.UNREADABLE, reason="no schema revision")
    return Found(Kind.OURS, revision=row[0])


def probe_location(location: Path | Server) -> Found:
    """`probe` of a database file, or of a server database (refused with a message when unreachable)."""
    if not isinstance(location, Server):
        return probe(location)
    engine = location.engine()
    try:
        return probe_server(engine, location)
    finally:
        engine.dispose()


def server_refusal(server: Server, found: Found, *, create: bool) -> StorageError | None:
    """Why the server database cannot be used; None when it can (or, with `create`, be set up)."""
    if found.kind is Kind.OURS or (create and found.kind is Kind.BLANK):
        return None
    if found.kind is Kind.BLANK:
        return StorageError("The server database {url} is empty. Open it once in the app to set it up.",
                            url=server.shown)
    if found.kind is Kind.FOREIGN:
        return StorageError("The server database {url} belongs to another program, not to crm_desktop. "
                            "It was not changed; choose another database.", url=server.shown)
    return StorageError("The server database {url} is not a crm_desktop database or it is damaged ({reason}).",
                        url=server.shown, reason=found.reason)


def desk_site(server: Server) -> str | None:
    """The site id this desk uses on `server`, None before its first write there."""
    try:
        value = (server.folder / SITE_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return value if re.fullmatch(r"[0-9a-f]{16}", value) else None


def keep_desk_site(server: Server, site_id: str) -> None:
    """Remember this desk's site id for `server` (written whole, then renamed into place)."""
    with writing_in(server):
        part = server.folder / f"{SITE_FILE}.part"
        part.write_text(site_id, encoding="ascii")
        part.replace(server.folder / SITE_FILE)


@contextmanager
def writing_in(server: Server) -> Iterator[Path]:
    """This desk's folder for `server`, made if need be; a failure to write there is a readable error."""
    try:
        server.folder.mkdir(parents=True, exist_ok=True)
        yield server.folder
    except OSError as exc:
        raise StorageError("Cannot write in the folder {path}: {reason}", path=str(server.folder),
                           reason=exc) from exc
