"""Unexpected errors in the desktop app: a dialog with a short sentence and a report the person can copy,
the same report in the rotating log (services/diagnostics.py: no message, no personal data).

`install` (at the app's start, views/app.py) makes every error that escapes to Python's hooks come here:
an error in a slot or an event handler (PySide6 hands it to `sys.excepthook` and goes on), in a thread
(`threading.excepthook`, shown in the GUI thread). The screens' own "the action failed" path
(ui/errors.show_unexpected_error) uses the same reporter and dialog.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.diagnostics import Reporter


class ErrorDialog(QDialog):
    """A short sentence, what to do, the report (read-only) and "Copy report"."""

    def __init__(self, parent: QWidget | None, message: str, report: str, log_file: Path | None) -> None:
        super().__init__(parent)
        self.setObjectName("unexpectedErrorBox")
        self.setWindowTitle(QCoreApplication.translate("ErrorDialogs", "Action failed"))
        self.message = QLabel(message)
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        hint = QCoreApplication.translate(
            "ErrorDialogs", "You can try again. If it keeps failing, copy the report and send it to whoever supports "
                            "this program. Nothing is sent from this computer, and the report holds no names, phones "
                            "or e-mails.")
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        kept = QCoreApplication.translate("ErrorDialogs", "The report is also kept in %1")
        self.where = QLabel(kept.replace("%1", str(log_file)) if log_file else "")
        self.where.setObjectName("logFile")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setVisible(log_file is not None)
        self.details = QPlainTextEdit(report)
        self.details.setObjectName("errorReport")
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(140)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(QCoreApplication.translate("ErrorDialogs", "Close"))
        self.copy_button = QPushButton(QCoreApplication.translate("ErrorDialogs", "Copy report"))
        self.copy_button.setObjectName("copyReport")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.message, self.hint, self.details, self.where, buttons):
            layout.addWidget(widget)
        self.resize(560, 360)

    def text(self) -> str:
        return self.message.text()

    def report(self) -> str:
        return self.details.toPlainText()

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report())
        self.copy_button.setText(QCoreApplication.translate("ErrorDialogs", "Copied"))


class _State:
    reporter = Reporter()  # no clock, no log: until the app installs its own
    showing: ErrorDialog | None = None  # the hook's dialog: one at a time, later errors are only logged
    bridge: _Bridge | None = None
    previous: tuple[object, object] | None = None


class _Bridge(QObject):
    """Carries an error from another thread to the GUI thread (a queued signal)."""

    failed = Signal(object)


def reporter() -> Reporter:
    return _State.reporter


def error_dialog(parent: QWidget | None, exc: BaseException, message: str) -> ErrorDialog:
    """The report of `exc` (written to the log) in a dialog, not yet shown."""
    report, log_file = _State.reporter.report(exc)
    return ErrorDialog(parent, message, report, log_file)


def install(app: QApplication, with_reporter: Reporter) -> None:
    """Route the errors nothing caught to `with_reporter` and the dialog (see the module docstring)."""
    _State.reporter = with_reporter
    if _State.previous is None:
        _State.previous = (sys.excepthook, threading.excepthook)
    bridge = _Bridge(app)
    bridge.failed.connect(show_uncaught)
    _State.bridge = bridge
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook


def uninstall() -> None:
    """Python's own hooks back, no reporter (tests)."""
    if _State.previous is not None:
        sys.excepthook, threading.excepthook = _State.previous  # type: ignore[assignment]
        _State.previous = None
    _State.reporter = Reporter()
    _State.bridge = None
    _State.showing = None


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    show_uncaught(exc)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    exc = args.exc_value
    if exc is None or _State.bridge is None:
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(args.exc_traceback)
    _State.bridge.failed.emit(exc)


def show_uncaught(exc: BaseException) -> ErrorDialog | None:
    """An error that escaped everything: logged, and shown unless its dialog is already open."""
    try:
        if _State.showing is not None and _State.showing.isVisible():
            _State.reporter.report(exc)  # into the log; one dialog is enough
            return None
        message = QCoreApplication.translate(
            "ErrorDialogs", "Something went wrong. What you were doing may not have been saved.")
        dialog = error_dialog(QApplication.activeWindow(), exc, message)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(_State, "showing", None))
        _State.showing = dialog
        dialog.open()
        return dialog
    except Exception:  # the dialog itself failed: the report, at least, on stderr
        print(_State.reporter.report(exc)[0], file=sys.stderr)
        return None
