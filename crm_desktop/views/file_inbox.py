"""A sync file double-clicked while the app is already open goes to the open window.

On Windows a double-click starts a new process (`crm-desktop.exe FILE`), which would only be told that
the database is already open in another window. Instead that process hands the file's path to the
window already running (a local socket: a named pipe on Windows, a socket file elsewhere) and quits;
the window shows the file's import preview as if it had been opened there. (macOS does this itself: it
sends the running app a QFileOpenEvent, views/app.SyncFileOpener.)

The name is per user and per `--db` as given: a double-click (no --db) reaches the window started
without one. Whoever connects can only make a window show a preview; nothing is imported without the
user confirming it there.
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAIT_MS = 1500  # connecting and writing to a window on this computer: well under this
MAX_BYTES = 64 * 1024  # a path, not a file


def inbox_name(db_argument: str | None) -> str:
    """The local socket's name for windows started with this `--db` (None: without one) by this user."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name from the environment or the OS: one inbox for everyone unnamed
        user = ""
    digest = hashlib.sha256(f"{user}\0{db_argument or ''}".encode()).hexdigest()[:20]
    return f"crm-desktop-{digest}"


def hand_over(name: str, path: Path) -> bool:
    """Give `path` (made absolute: the window has its own working folder) to the window listening on
    `name`; False when there is none (this process then starts the app itself)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(str(path.absolute()).encode("utf-8") + b"\n")
    socket.flush()  # often writes it all at once; waitForBytesWritten is then False (nothing left to wait for)
    if socket.bytesToWrite() > 0:
        socket.waitForBytesWritten(WAIT_MS)
    written = socket.bytesToWrite() == 0
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(WAIT_MS)
    return written


class FileInbox(QObject):
    """Listens on `name` and calls `received(path)` for each path handed over."""

    def __init__(self, name: str, received: Callable[[Path], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.received = received
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connected)
        if not self.server.listen(name):
            # A socket file left by a window that crashed (Unix): nobody answers on it, so take it over.
            # A window that does answer keeps it, and this one simply does not receive files.
            probe = QLocalSocket()
            probe.connectToServer(name)
            if not probe.waitForConnected(WAIT_MS):
                QLocalServer.removeServer(name)
                self.server.listen(name)
            else:
                probe.disconnectFromServer()

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def close(self) -> None:
        self.server.close()

    def _connected(self) -> None:
        """Read each connection's one line at once and let it go: the other process wrote it right after
        connecting, so this waits milliseconds, and no socket outlives this call with a slot on it."""
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            data = b""
            while b"\n" not in data and len(data) <= MAX_BYTES and (
                    socket.bytesAvailable() > 0 or socket.waitForReadyRead(WAIT_MS)):
                data += bytes(socket.readAll().data())
            socket.abort()
            socket.deleteLater()
            line = data.split(b"\n", 1)[0].decode("utf-8", "replace").strip()
            if line and len(data) <= MAX_BYTES:
                self.received(Path(line))
