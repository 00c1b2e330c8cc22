"""Connecting a desk to the office server: the address as typed, a test of it, and the password kept
in the system's keyring (Windows Credential Manager, macOS Keychain, Secret Service), never in a file.

Where no keyring works (a Linux desk without one), the password is asked at each start instead. The
address this desk uses is remembered without its password (the views keep it with the user's settings).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url

from crm_desktop.db.engine import DB_ENV, default_db_path
from crm_desktop.db.probe import Kind
from crm_desktop.db.server import Server, probe_location, server_refusal
from crm_desktop.errors import ValidationError
from crm_desktop.services.app import Location, database_path

KEYRING_SERVICE = "crm_desktop"
DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class ServerInput:
    """The connection form, as typed."""

    host: str
    database: str = "crm"
    user: str = "crm"
    port: int = DEFAULT_PORT
    encrypted: bool = False  # TLS required (sslmode=require)


def server_address(data: ServerInput) -> str:
    """The address of `data` without a password (what is remembered and shown)."""
    host, database, user = data.host.strip(), data.database.strip(), data.user.strip()
    if not host:
        raise ValidationError("host", "Type the server's name or address.")
    if not database:
        raise ValidationError("database", "Type the name of the database on the server.")
    if not user:
        raise ValidationError("user", "Type the user name the server knows this office by.")
    if not 0 < data.port < 65536:
        raise ValidationError("port", "A port is a number from 1 to 65535.")
    query = {"sslmode": "require"} if data.encrypted else {}
    url = URL.create("postgresql", username=user, host=host, port=data.port, database=database, query=query)
    return url.render_as_string(hide_password=False)


def server_input(address: str) -> ServerInput:
    """The form for a remembered address."""
    url = make_url(address)
    return ServerInput(url.host or "", url.database or "", url.username or "", url.port or DEFAULT_PORT,
                       url.query.get("sslmode") == "require")


def with_password(address: str, password: str) -> str:
    """The address to connect with: `address` and the password (which the address never holds)."""
    return make_url(address).set(password=password or None).render_as_string(hide_password=False)


def test_connection(address: str, password: str) -> bool:
    """Reach the server as a desk would; True when its database is ours already, False when it is
    empty (the first desk sets it up). Refused with a readable error: unreachable, a wrong password,
    another program's database."""
    url = make_url(with_password(address, password))
    url = url.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
    server = Server(url.render_as_string(hide_password=False), default_db_path().parent)
    found = probe_location(server)
    error = server_refusal(server, found, create=True)
    if error is not None:
        raise error
    return found.kind is Kind.OURS


def start_location(cli_value: str | None, remembered: str, password: Callable[[str], str | None]) -> Location:
    """Where the app works: `--db`, else CRM_DESKTOP_DB, else the server this desk remembered (`password`
    gives its password: the keyring's, or the person's at a prompt), else the file in the user data folder."""
    if cli_value or os.environ.get(DB_ENV) or not remembered:
        return database_path(cli_value)
    return Server(with_password(remembered, password(remembered) or ""), default_db_path().parent)


def saved_password(address: str) -> str | None:
    """The password the keyring holds for `address`, or None (none kept, or no keyring works here)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, address)
    except KeyringError:
        return None


def keep_password(address: str, password: str) -> bool:
    """Keep the password in the keyring; False when no keyring works here (it is then asked at start)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, address, password)
    except KeyringError:
        return False
    return True


def forget_password(address: str) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    with suppress(PasswordDeleteError, KeyringError):  # nothing kept, or no keyring: nothing to forget
        keyring.delete_password(KEYRING_SERVICE, address)


def keyring_works() -> bool:
    """Whether this computer has a keyring to keep a password in."""
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    return not isinstance(keyring.get_keyring(), NoKeyring)
