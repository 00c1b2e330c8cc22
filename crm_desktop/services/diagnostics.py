"""What the program is and where it keeps things (the About window, `crm-desktop --version`), and the
report of an unexpected error, written to a rotating log in the user log folder.

Nothing here is sent anywhere: the person copies the report, or the office IT person reads the log.

The report holds no personal data. An exception's message can quote what the person typed or what the
database held (SQLAlchemy's errors carry the SQL with its bound values, a ValueError may quote a name),
and a frame's locals hold the records themselves; so the report keeps only each exception's type and
its traceback's frames (file, line, function), never a message or a local. The one text kept is a
constant of our own code: the template of a DomainError (its parameters, which carry the values, are
dropped), SQLite's error code name (SQLITE_BUSY) and an OSError's errno name (ENOSPC).
"""

from __future__ import annotations

import errno
import logging
import logging.handlers
import os
import platform
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from types import TracebackType

import platformdirs

from crm_desktop.clock import Clock
from crm_desktop.db.database import Database
from crm_desktop.db.engine import APP_NAME, default_db_path, resolve_db_path, sqlite_version
from crm_desktop.db.paths import backups_dir
from crm_desktop.db.server import Server, server_version
from crm_desktop.errors import DomainError

LOG_FILE = "crm-desktop.log"
LOG_MAX_BYTES = 1_000_000  # a report is ~2 KB: hundreds of errors per file
LOG_BACKUPS = 5  # crm-desktop.log.1 ... .5: at most 6 MB on the disk
NOT_CREATED = "(not created yet)"
CHAIN_DEPTH = 5  # causes and contexts followed from the error that reached the top
PACKAGE = "crm_desktop"


def app_version() -> str:
    """The version pyproject.toml gives (the installed package's metadata); a bundle without the
    metadata falls back to `crm_desktop.__version__`, which a test keeps equal to it."""
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        from crm_desktop import __version__

        return __version__


def installed_qt() -> str:
    """The PySide6 the program is installed with, by its metadata (no Qt import); the desktop app and
    `--version` pass the running Qt's own version instead (ui/versions.py)."""
    for name in ("PySide6-Essentials", "PySide6"):
        try:
            return f"PySide6 {metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


def log_dir() -> Path:
    """The user log folder, named as the data folder is (db/engine.py)."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Facts:
    """The program's versions and folders: the About window shows them, `--version` prints them, and
    every error report starts with them."""

    version: str
    python: str
    qt: str
    sqlite: str
    database: str  # the file, or the server's address without its password
    data_folder: Path
    backup_folder: Path
    log_folder: Path
    database_file: Path | None = None  # None on an office server
    postgresql: str = ""  # the server's version, once connected

    @property
    def on_server(self) -> bool:
        return self.database_file is None

    def lines(self) -> list[str]:
        """Plain English lines, the first `crm-desktop <version>` (what IT people search for)."""
        lines = [
            f"crm-desktop {self.version}",
            f"Python {self.python}",
            f"Qt {self.qt}",
            f"SQLite {self.sqlite}",
        ]
        if self.on_server:
            lines.append(f"PostgreSQL {self.postgresql or 'not connected'}")
            lines.append(f"Database: office server {self.database}")
        else:
            lines.append(f"Database: {shown_path(self.database_file)}")
        lines += [
            f"Data folder: {shown_path(self.data_folder)}",
            f"Backup folder: {shown_path(self.backup_folder)}",
            f"Log folder: {shown_path(self.log_folder)}",
        ]
        return lines

    def text(self) -> str:
        return "\n".join(self.lines())


def shown_path(path: Path | None) -> str:
    if path is None:
        return ""
    return str(path) if path.exists() else f"{path} {NOT_CREATED}"


def gather_facts(
    location: Path | Server | str | None = None,
    *,
    qt: str = "",
    database: Database | None = None,
    log_folder: Path | None = None,
) -> Facts:
    """The facts for the database at `location` (a `--db` value; None: the environment's or the
    default), or the open `database` (with a server's PostgreSQL version). Nothing is opened or
    created: a missing database or folder is named as it would be."""
    if database is not None:
        location = database.server or database.path
    where = location if isinstance(location, Server | Path) else resolve_db_path(location)
    if isinstance(where, Server):
        shown, database_file, anchor = where.shown, None, where.anchor
    else:
        shown, database_file, anchor = str(where), where, where
    postgresql = server_version(database.engine) if database is not None and database.server else ""
    return Facts(
        version=app_version(),
        python=f"{platform.python_version()} ({platform.python_implementation()}, {sys.platform})",
        qt=qt or installed_qt(),
        sqlite=sqlite_version(),
        database=shown,
        database_file=database_file,
        data_folder=default_db_path().parent,
        backup_folder=backups_dir(anchor),
        log_folder=log_folder or log_dir(),
        postgresql=postgresql,
    )


# --- the error report --------------------------------------------------------------------------


def crash_report(exc: BaseException, *, now: datetime | None = None, facts: Facts | None = None) -> str:
    """The report of an error: when (the app's clock, UTC), the facts, then each exception of the chain
    by its type with the frames of its traceback. No message, no local: see the module's docstring."""
    lines = ["CRM Desktop error report"]
    if now is not None:
        lines.append(f"Time: {now:%Y-%m-%d %H:%M:%S} UTC")
    if facts is not None:
        lines += facts.lines()
    lines.append("")
    for depth, (error, how) in enumerate(_chain(exc)):
        lines.append(f"{how}: {_type_name(error)}{_safe_detail(error)}")
        lines += [f"  {frame}" for frame in frames(error.__traceback__)]
        if depth + 1 >= CHAIN_DEPTH:
            break
    return "\n".join(lines)


def _chain(exc: BaseException) -> list[tuple[BaseException, str]]:
    chain: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    how = "Error"
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, how))
        if current.__cause__ is not None:
            current, how = current.__cause__, "Caused by"
        elif current.__context__ is not None and not current.__suppress_context__:
            current, how = current.__context__, "While handling"
        else:
            current = None
    return chain


def _type_name(exc: BaseException) -> str:
    kind = type(exc)
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


def _safe_detail(exc: BaseException) -> str:
    """The one constant of our code (or the library's) an exception may show: see the module docstring."""
    if isinstance(exc, DomainError):
        return f' "{exc.template}"'
    code = getattr(exc, "sqlite_errorname", None)
    if isinstance(code, str):
        return f" {code}"
    if isinstance(exc, OSError) and exc.errno in errno.errorcode:
        return f" {errno.errorcode[exc.errno]}"
    return ""


def frames(tb: TracebackType | None) -> list[str]:
    """`file:line in function` for each frame, the file relative to where Python found it (no home
    folder, no user name)."""
    return [f"{_short_file(frame.filename)}:{frame.lineno} in {frame.name}" for frame in traceback.extract_tb(tb)]


def _short_file(filename: str) -> str:
    path = os.path.abspath(filename)
    best = os.path.basename(path)
    for root in sys.path:
        if not root:
            continue
        root = os.path.abspath(root)
        if path.startswith(root + os.sep):
            relative = path[len(root) + 1:]
            if len(relative) < len(best) or best == os.path.basename(path):
                best = relative
    return best.replace(os.sep, "/")


class CrashLog:
    """The rotating log of error reports in `folder` (made at the first report, not before)."""

    def __init__(self, folder: Path, *, max_bytes: int = LOG_MAX_BYTES, backups: int = LOG_BACKUPS) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.backups = backups

    @property
    def path(self) -> Path:
        return self.folder / LOG_FILE

    def write(self, report: str) -> Path:
        """Append the report (the oldest file rotates away at its size); the file it went to."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            self.path, maxBytes=self.max_bytes, backupCount=self.backups, encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter("%(message)s\n"))  # the report has its time, by the app's clock
        try:
            handler.handle(logging.LogRecord(PACKAGE, logging.ERROR, "", 0, report, None, None))
        finally:
            handler.close()  # closed between reports: another process (or the next start) may rotate it
        return self.path


@dataclass
class Reporter:
    """Builds an error's report and writes it to the log: the desktop app installs one at its start
    (ui/crash.py), the command line makes one for an unexpected error."""

    clock: Clock | None = None
    facts: Callable[[], Facts] | None = None
    log: CrashLog | None = None

    def report(self, exc: BaseException) -> tuple[str, Path | None]:
        """The report's text and the log file it was written to (None: no log, or it could not be
        written; the report is still shown)."""
        try:
            facts = self.facts() if self.facts is not None else None
        except Exception:
            facts = None  # the facts must not hide the error being reported
        text = crash_report(exc, now=self.clock.now() if self.clock is not None else None, facts=facts)
        if self.log is None:
            return text, None
        try:
            path = self.log.write(text)
        except OSError:
            return text, None
        return text, path


def user_reporter(clock: Clock, location: Path | Server | str | None, *, qt: str = "") -> Reporter:
    """The reporter of the desktop app and the command line: the facts of the database at `location`,
    the rotating log in the user log folder."""
    folder = log_dir()
    return Reporter(clock, lambda: gather_facts(location, qt=qt, log_folder=folder), CrashLog(folder))


def log_unexpected(exc: BaseException, clock: Clock, location: str | None) -> Path | None:
    """The command line's unexpected error into the user log; the file, or None if it could not be
    written."""
    return user_reporter(clock, location).report(exc)[1]
