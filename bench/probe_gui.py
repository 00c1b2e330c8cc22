"""Child process of bench_foundation.py: start the real app offscreen on a database and time it.

It imports what the app imports in the app's order: `main()` reads the program's options
(crm_desktop.options, not the command line's modules) and imports the data layer, then the views
(the other way round costs 20 MB); psutil, which the app does not use, loads after the window is timed.

Prints one JSON line: seconds from interpreter start to the end of the main window's first paint, the
wall clock then (the parent subtracts the moment it started this process), the same once three rounds
of events and a repaint of the list are over ("settled": the start-up work the window runs after its
first paint, the reminder scan, is done), the accounts tab refreshed and painted again (first page),
and RSS after opening both tabs. The database is opened read-only as it is,
even a schema revision behind the code (common.open_read_only: the large demo is never written nor
migrated); the app's own start adds the instance lock and the seed check, a few ms.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path

STARTED = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from crm_desktop.main import SystemClock  # noqa: E402
from crm_desktop.options import desktop_options  # noqa: E402

assert desktop_options(["--db", sys.argv[1]]) is not None  # the app's own first step, as `main()` takes it

# what `main()` imports next, as it does (`_desktop`): the data layer, then the views, with the collector
# off, and what they made frozen
gc.disable()
from crm_desktop.services.app import CURRENT_USER_KEY, OWNER_ID, AppContext  # noqa: E402

# isort: split
from crm_desktop.views.app import build_main_window  # noqa: E402

gc.freeze()
gc.enable()

# isort: split
from common import open_read_only  # noqa: E402
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from crm_desktop.ui.prefs import Prefs  # noqa: E402


def paint(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


class FirstPaint(QObject):
    """The moment the window's first paint is over: a 0 ms timer set when its first Paint event arrives
    fires once Qt has painted the whole window (the tabs and lists in it), before any timer the window
    sets while painting. (Timers set before that, due already, fire before Qt paints at all.)"""

    def __init__(self) -> None:
        super().__init__()
        self.at: tuple[float, float] | None = None
        self._armed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._armed:
            self._armed = True
            QTimer.singleShot(0, lambda: setattr(self, "at", (time.perf_counter(), time.time())))
        return False


def main() -> int:
    database = open_read_only(Path(sys.argv[1]), SystemClock())
    ctx = AppContext(database=database, user_id=database.local(CURRENT_USER_KEY) or OWNER_ID)
    with tempfile.TemporaryDirectory() as tmp:
        prefs = Prefs(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window = build_main_window(ctx, prefs=prefs, lang="th")
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        window.resize(1440, 900)
        first_paint = FirstPaint()
        window.installEventFilter(first_paint)
        window.show()
        paint(app)
        window.accounts_tab.table.viewport().repaint()
        settled = time.perf_counter() - STARTED  # the window painted and its start-up work done
        settled_at = time.time()
        assert first_paint.at is not None
        shown, shown_at = first_paint.at[0] - STARTED, first_paint.at[1]

        start = time.perf_counter()
        window.accounts_tab.refresh()
        window.accounts_tab.table.viewport().repaint()
        first_page = time.perf_counter() - start

        import psutil  # not the app's: loaded once the start is timed

        window.tabs.setCurrentWidget(window.contacts_tab)
        paint(app)
        window.contacts_tab.table.viewport().repaint()
        rss_mb = psutil.Process().memory_info().rss / 1e6
        window.close()
    ctx.close()
    print(json.dumps({"shown_after_launch": shown, "shown_at": shown_at, "settled_at": settled_at,
                      "settled_after_launch": settled, "first_page": first_page,
                      "rss_mb": rss_mb, "total": time.perf_counter() - STARTED}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
