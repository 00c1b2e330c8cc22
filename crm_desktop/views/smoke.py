"""The desktop app's smoke run, for the built bundle's check (scripts/smoke_bundle.py) and the start-up
bench (bench/startup.py): they run the executable, which no test can reach inside, so the app itself
says on stdout how far it got. Only `CRM_DESKTOP_SMOKE` turns it on (views/app.run_app):

    ready   print "ready" once the window has painted, then quit
    tabs    "ready", then the Qt plugins it found and the app's font ("qt images=png,svg,... styles=Fusion,...
            font=Sarabun"; the bundle must hold them), then open every tab once ("tab NAME" each); with a
            sync file to open, wait for its import preview ("preview KIND=COUNT ...") or the message that
            refuses it ("refused TEXT"); then "done" and quit. A tab that fails prints "FAIL ..." and the
            exit status is 1.
    preview "ready", then wait for a sync file's preview, however it arrives (another start of the program
            handing its file over, views/file_inbox.py), print it as above, "done" and quit.
"""

from __future__ import annotations

import sys
import traceback

from PySide6.QtCore import QTimer
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory

from crm_desktop.ui.crash import ErrorDialog
from crm_desktop.views.main_window import MainWindow
from crm_desktop.views.sync.tab import PreviewDialog

WAIT_MS = 60_000  # longest wait for the sync file's preview (a small demo's file takes about a second)
POLL_MS = 50
ERROR_BOXES = {"domainErrorBox", "unexpectedErrorBox"}  # ui/errors.py


def say(line: str) -> None:
    if sys.stdout is not None:  # a windowed Windows executable has no stdout
        print(line, flush=True)


def start_smoke(window: MainWindow, mode: str, *, expect_file: bool = False) -> None:
    """Run after the window's first paint; `mode` as in the module's docstring."""
    say("ready")
    if mode == "preview":
        wait_for_preview(window, False)
        return
    if mode != "tabs":
        QApplication.exit(0)
        return
    images = ",".join(sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()))
    font = QApplication.font().family().replace(" ", "_")  # Sarabun when the bundle holds it (ui/fonts.py)
    say(f"qt images={images} styles={','.join(QStyleFactory.keys())} font={font}")
    failed = False
    names = list(window.slots)

    def next_tab() -> None:
        nonlocal failed
        if not names:
            if expect_file:
                wait_for_preview(window, failed)
            else:
                finish(failed)
            return
        name = names.pop(0)
        try:
            window.slots[name].content()  # built here, so that what fails in it raises here
            window.tabs.setCurrentWidget(window.slots[name])
            QApplication.processEvents()
            say(f"tab {name}")
        except Exception:  # the smoke run reports what broke and goes on with the other tabs
            failed = True
            say(f"FAIL tab {name}: {traceback.format_exc()}")
        QTimer.singleShot(0, next_tab)

    QTimer.singleShot(0, next_tab)


def wait_for_preview(window: MainWindow, failed: bool, waited: int = 0) -> None:
    """The sync file's preview (or its refusal) opened by `crm-desktop FILE`."""
    preview = window.sync_tab.preview if window.slots["sync"].built is not None else None
    if isinstance(preview, PreviewDialog) and preview.isVisible():
        table = preview.table
        counts = " ".join(f"{table.item(r, 0).text()}={table.item(r, 1).text()}" for r in range(table.rowCount()))
        say(f"preview {counts}".rstrip())
        finish(failed)
        return
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox | ErrorDialog) and w.isVisible() and w.objectName() in ERROR_BOXES]
    if boxes:
        say(f"refused {boxes[0].text()}")
        finish(failed)
        return
    if waited >= WAIT_MS:
        say("FAIL no import preview")
        finish(True)
        return
    QTimer.singleShot(POLL_MS, lambda: wait_for_preview(window, failed, waited + POLL_MS))


def finish(failed: bool) -> None:
    say("done")
    QApplication.exit(1 if failed else 0)
