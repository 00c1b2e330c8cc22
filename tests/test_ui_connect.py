"""File › Connect to an office server…, and where the app starts: the remembered server (its password
from the keyring, or asked), never a password in a file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from sqlalchemy.engine import make_url

from crm_desktop.db.server import Server
from crm_desktop.services.connections import ServerInput, server_address, start_location
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.server.connect_dialog import ConnectDialog
from tests.server_helpers import create_database, drop_database, server_url


class MemoryKeyring(KeyringBackend):
    """A keyring of the test's own: what the dialog keeps, and nothing of the machine's."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def ring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


ADDRESS = "postgresql://crm@office-server:5432/crm"


def test_the_start_takes_db_then_the_environment_then_the_remembered_server(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CRM_DESKTOP_DB", raising=False)
    asked: list[str] = []

    def password(address: str) -> str:
        asked.append(address)
        return "s3cret"

    file = tmp_path / "crm.sqlite3"
    assert start_location(str(file), ADDRESS, password) == file
    monkeypatch.setenv("CRM_DESKTOP_DB", str(file))
    assert start_location(None, ADDRESS, password) == file
    assert asked == []
    monkeypatch.delenv("CRM_DESKTOP_DB")
    server = start_location(None, ADDRESS, password)
    assert isinstance(server, Server) and asked == [ADDRESS]
    assert make_url(server.url).password == "s3cret" and "s3cret" not in server.shown
    assert not isinstance(start_location(None, "", password), Server)  # nothing remembered: the file


def test_the_address_is_checked_and_holds_no_password() -> None:
    typed = ServerInput("office-server", "crm", "crm", 5433, encrypted=True)
    assert server_address(typed) == "postgresql://crm@office-server:5433/crm?sslmode=require"
    with pytest.raises(Exception, match="server's name"):
        server_address(ServerInput(" "))


def _fill(dialog: ConnectDialog, url: str) -> None:
    parsed = make_url(url)
    dialog.host.setText(parsed.host or "")
    dialog.port.setValue(parsed.port or 5432)
    dialog.database.setText(parsed.database or "")
    dialog.user.setText(parsed.username or "")
    dialog.password.setText(str(parsed.password or ""))


def test_an_unreachable_server_is_said_in_the_dialog_and_nothing_is_remembered(
        qtbot: object, prefs: Prefs, ring: MemoryKeyring) -> None:
    dialog = ConnectDialog(prefs, "en")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    assert not dialog.file_button.isVisible()  # nothing remembered: no file to go back to
    _fill(dialog, "postgresql://crm:pw@127.0.0.1:1/crm")
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: "Cannot reach the office server" in dialog.banner.text(), timeout=15000)  # type: ignore[attr-defined]
    assert "pw" not in dialog.banner.text().replace("postgresql", "")
    assert prefs.office_server == "" and ring.kept == {} and dialog.result() == 0
    dialog.host.setText("")
    dialog.test_button.click()
    assert "server's name" in dialog.banner.text()


@pytest.mark.skipif(server_url() is None, reason="CRM_TEST_SERVER names no PostgreSQL server")
def test_connecting_tests_the_server_and_remembers_it_for_the_next_start(
        qtbot: object, prefs: Prefs, ring: MemoryKeyring) -> None:
    url = server_url()
    assert url is not None
    made = create_database(url, "crm_test_connect")
    try:
        dialog = ConnectDialog(prefs, "en")
        qtbot.addWidget(dialog)  # type: ignore[attr-defined]
        _fill(dialog, made)
        dialog.password.setText("not-used-by-a-trust-server")
        dialog.test_button.click()
        qtbot.waitUntil(lambda: "Connected" in dialog.banner.text(), timeout=15000)  # type: ignore[attr-defined]
        assert "empty" in dialog.banner.text() and prefs.office_server == ""  # a test remembers nothing
        with qtbot.waitSignal(dialog.accepted, timeout=15000):  # type: ignore[attr-defined]
            dialog.connect_button.click()
        address = make_url(made)._replace(password=None).render_as_string(hide_password=False)
        assert prefs.office_server == address == dialog.address
        assert ring.kept == {("crm_desktop", address): "not-used-by-a-trust-server"}
        again = ConnectDialog(prefs, "en")  # opened again: the remembered server, its password from the keyring
        qtbot.addWidget(again)  # type: ignore[attr-defined]
        again.show()
        assert again.file_button.isVisible()
        assert again.host.text() == make_url(made).host and again.password.text() == "not-used-by-a-trust-server"
        again.file_button.click()
        assert prefs.office_server == "" and ring.kept == {}
    finally:
        drop_database(url, "crm_test_connect")
