"""Starting the desktop app: QApplication, fonts, language, main window, first-run sample data."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from crm_desktop.errors import DomainError
from crm_desktop.queries.accounts import account_count
from crm_desktop.queries.contacts import contact_count
from crm_desktop.services.app import AppContext, database_path, open_app
from crm_desktop.ui.errors import show_error
from crm_desktop.ui.fonts import install_app_font
from crm_desktop.ui.i18n import UiLanguage
from crm_desktop.ui.prefs import Prefs, configure_application, default_language
from crm_desktop.ui.tasks import ProgressFn, Task
from crm_desktop.views.main_window import MainWindow

LoadDemo = Callable[[ProgressFn], object]
"""Fills the open (empty) database with sample data; calls progress(done, total) and stops when
it returns False."""


def create_application(argv: Sequence[str]) -> QApplication:
    """The QApplication (created once), named for QSettings."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    configure_application(app)
    return app


def is_empty(ctx: AppContext) -> bool:
    return account_count(ctx.database) == 0 and contact_count(ctx.database) == 0


def build_main_window(
    ctx: AppContext,
    argv: Sequence[str] = (),
    *,
    prefs: Prefs | None = None,
    lang: str | None = None,
) -> MainWindow:
    """Everything `run_app` does before the event loop: app, fonts, translator, window (not shown)."""
    app = create_application(argv or sys.argv[:1])
    install_app_font(app)
    prefs = prefs or Prefs()
    if lang in ("th", "en"):
        prefs.language = lang
    language = UiLanguage(app)
    language.apply(prefs.language)
    return MainWindow(ctx, prefs, language=language)  # the window keeps `language` (and its translators)


def run_app(
    ctx: AppContext,
    argv: Sequence[str],
    *,
    load_demo: LoadDemo | None = None,
    demo: bool = False,
    prefs: Prefs | None = None,
    lang: str | None = None,
) -> int:
    """Run the desktop app on an open database until the window closes; returns the exit code.

    With `load_demo`, an empty database gets sample data: at once when `demo` (started with
    --demo), otherwise after asking the user.
    """
    app = create_application(argv)
    window = build_main_window(ctx, argv, prefs=prefs, lang=lang)
    window.show()
    if load_demo is not None and is_empty(ctx):
        if demo:
            QTimer.singleShot(0, lambda: start_sample_data(window, load_demo))
        else:
            QTimer.singleShot(0, lambda: offer_sample_data(window, load_demo))
    code = app.exec()
    for task in list(window.tasks):
        task.cancel()
    QThreadPool.globalInstance().waitForDone()
    return int(code)


def offer_sample_data(window: MainWindow, load_demo: LoadDemo) -> QMessageBox:
    """First run on an empty database: ask whether to load sample data (non-blocking)."""
    box = QMessageBox(window)
    box.setObjectName("sampleDataBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("FirstRun", "Welcome"))
    box.setText(QCoreApplication.translate("FirstRun", "This database is empty. Load sample data to try the program?"))
    box.setInformativeText(QCoreApplication.translate("FirstRun",
        "Sample data adds Thai and English companies and contacts so you can see how everything works. "
        "For real work, start with an empty database file."
    ))
    load = box.addButton(QCoreApplication.translate("FirstRun", "Load sample data"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("FirstRun", "Start empty"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(load)

    def finished(_result: int) -> None:
        if box.clickedButton() is load:
            start_sample_data(window, load_demo)

    box.finished.connect(finished)
    window.sample_data_box = box
    box.open()
    return box


def start_sample_data(window: MainWindow, load_demo: LoadDemo) -> Task:
    """Load sample data in the background with a progress dialog; the lists reload afterwards."""
    task = Task(
        window,
        load_demo,
        title=QCoreApplication.translate("FirstRun", "Sample data"),
        label=QCoreApplication.translate("FirstRun", "Creating sample companies and contacts…"),
        min_duration_ms=0,
    )

    def done(_result: object) -> None:
        window.reload_everything()
        window.last_action_label.setText(QCoreApplication.translate("FirstRun", "Sample data loaded"))

    def cancelled() -> None:
        window.reload_everything()
        window.last_action_label.setText(QCoreApplication.translate("FirstRun", "Loading sample data was cancelled"))

    def failed(exc: object) -> None:
        window.reload_everything()
        if isinstance(exc, BaseException):
            show_error(window, exc, window.env.lang)

    task.finished.connect(done)
    task.cancelled.connect(cancelled)
    task.failed.connect(failed)
    window.keep_task(task)
    return task.start()


def launch(args: argparse.Namespace, load_demo: Callable[[AppContext, ProgressFn], object] | None = None) -> int:
    """Entry used by `crm_desktop.main`: open the database named by --db (or the default) and run.

    `load_demo(ctx, progress)` comes from the composition root (views do not import the demo
    package); without it there is no sample-data offer.
    """
    argv = sys.argv[:1]
    app = create_application(argv)
    lang = getattr(args, "lang", None)
    try:
        ctx = open_app(database_path(getattr(args, "db", None)))
    except DomainError as err:
        install_app_font(app)
        QMessageBox.critical(None, "CRM", err.text(lang or Prefs().language or default_language()))
        return 1
    try:
        loader: LoadDemo | None = None
        if load_demo is not None:
            def loader(progress: ProgressFn) -> object:
                return load_demo(ctx, progress)
        return run_app(ctx, argv, load_demo=loader, demo=bool(getattr(args, "demo", False)), lang=lang)
    finally:
        ctx.close()
