"""Issue 16: from a keystroke in the search field to its results painted in the Ctrl+K pop-up.

    python bench/bench_search_popup.py [--db bench/data/large.sqlite3]

The real main window on the large demo (opened read only), offscreen. For each of 200 fragments people
type (bench_foundation.fragments), the field holds all but the fragment's last character, and the last
one is typed (a key event carrying it, as a Thai keyboard sends it): the timed span runs from that key
event to the pop-up's list painted (`repaint`), through whatever the pop-up waits for. From three
characters on the pop-up searches at the next turn of the event loop; a shorter query waits for the
150 ms pause (the bench says how many of the fragments do). Beside it, the floor: the search's own
statement (db.search_index.search_sql, the same index lookups and rows, the pop-up's kinds and limit)
through plain sqlite3. The issue's target: 16 ms (one frame at 60 Hz).

2026-12-07 11:30 UTC, load 1.6, h-search c83cc33, `python bench/bench_search_popup.py --db
bench/data/large.sqlite3` (1 fragment of 200 under three characters):

    keystroke to painted pop-up p50 / p95   5.2 / 7.5 ms   floor (the statement alone) 1.2 / 2.2 ms

Before (main 230f2af, timed from the 150 ms pause's end, not the keystroke): 18.4 / 30.5 ms, beside a
"plain" LIKE on five tables (159 ms p50) that did other work. Of the 4.9 ms, the search is 1.5 ms and
the list's fill and paint about 2.7 ms (1.9 ms of it painting the rows); reusing the list's items or
holding its updates during the fill changed nothing measurable, so the list is built as before.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import DEFAULT_DIR, ms, open_read_only, percentiles, row


def measure(path: Path) -> tuple[list[float], list[float], int]:
    from PySide6.QtCore import QEvent, QEventLoop, QSettings, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from bench.bench_foundation import fragments, plain_connection, raw_search
    from crm_desktop.main import SystemClock
    from crm_desktop.queries.search import PADDED
    from crm_desktop.services.app import CURRENT_USER_KEY, OWNER_ID, AppContext
    from crm_desktop.ui.prefs import Prefs
    from crm_desktop.views.app import build_main_window
    from crm_desktop.views.main_window import SEARCH_KINDS, SEARCH_LIMIT

    database = open_read_only(path, SystemClock())
    ctx = AppContext(database=database, user_id=database.local(CURRENT_USER_KEY) or OWNER_ID)
    with tempfile.TemporaryDirectory() as tmp:
        prefs = Prefs(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window = build_main_window(ctx, prefs=prefs, lang="th")
        app = QApplication.instance()
        window.show()
        app.processEvents()
        popup, edit = window.search_popup, window.search_edit
        searched = QEventLoop()
        popup.searched.connect(lambda _text: searched.quit())

        def keystroke(text: str) -> float:
            """Type the fragment's last character into the field holding the rest (as the Thai
            keyboard sends it: a key event carrying the character) and wait for its results painted."""
            edit.setText(text[:-1])  # no textEdited: no search for what came before
            start = time.perf_counter()
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                       text[-1]))
            searched.exec()
            popup.list.repaint()
            return time.perf_counter() - start

        for text in fragments(path, seed=8):  # warm, with other fragments
            keystroke(text)
        queries = fragments(path)
        ours = []
        for text in queries:
            ours.append(keystroke(text))
            app.processEvents()
        window.close()
    ctx.close()
    conn = plain_connection(path, database.memo[PADDED])
    plain = []
    for text in queries:
        start = time.perf_counter()
        raw_search(conn, text.strip(), SEARCH_LIMIT, SEARCH_KINDS, database.memo[PADDED])
        plain.append(time.perf_counter() - start)
    conn.close()
    return ours, plain, sum(len(q.strip()) < popup.instant_chars for q in queries)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT_DIR / "large.sqlite3")
    args = parser.parse_args()
    ours, plain, short = measure(args.db)
    (o50, o95), (p50, p95) = percentiles(ours), percentiles(plain)
    print(f"load average {os.getloadavg()[0]:.2f}; {short} of {len(ours)} fragments under 3 characters wait "
          "for the 150 ms pause")
    row("", "crm_desktop", "plain sqlite3", "target")
    row(f"keystroke to painted pop-up p50 ({len(ours)})", ms(o50), ms(p50), "")
    row("keystroke to painted pop-up p95", ms(o95), ms(p95), "<= 16 ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
