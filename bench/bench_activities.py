"""Activities benchmark (issue 12) on the large demo: a million activities over two years around today.

    python bench/bench_activities.py [--db PATH]

Builds the large demo once (the whole `crm-desktop demo --size large` run is the first figure), or
reuses the database at --db, then times the real functions for the busiest sales rep and the busiest
account, each beside raw sqlite3 reading the same rows in the same run: the week and the month view of
the calendar tab (query, widget built and painted offscreen with QWidget.grab()), the first page of
the account's timeline, My day, the reminder scan a running app makes every minute, and the rep's year
as an .ics file. "now" is the machine's clock: the demo lies around the day it was made.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEFAULT_DIR, best_of, ensure_demo_db, ms, row
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from crm_desktop.clock import office_time, utc_time
from crm_desktop.db.times import stored_time
from crm_desktop.exchange.ics import export_ics
from crm_desktop.main import SystemClock
from crm_desktop.queries.activities.my_day import MyDayFilter, my_day
from crm_desktop.queries.activities.reminders import scan_reminders
from crm_desktop.queries.timeline import timeline
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.ui.actions import ChangeBus, UndoDelete
from crm_desktop.ui.prefs import Prefs
from crm_desktop.views.calendar.tab import CalendarTab
from crm_desktop.views.common import ViewEnv

# The rows a calendar shows, as the app reads them: the activity, its assignee and its customer. The
# conditions below name the index a careful hand would use ("+col" keeps SQLite off an index; every
# status listed lets one person's rows be read through the (assignee, status, time) indexes).
ANY_STATUS = "a.status IN ('planned', 'done', 'cancelled')"
RAW_RANGE = """
SELECT a.*, u.name, u.colour, ac.name, c.first_name, c.last_name, l.first_name, l.last_name
FROM activity a LEFT JOIN user u ON u.id = a.assignee_id LEFT JOIN account ac ON ac.id = a.account_id
LEFT JOIN contact c ON c.id = a.contact_id LEFT JOIN lead l ON l.id = a.lead_id
WHERE a.deleted_at IS NULL AND {where}
"""


def raw_range(conn: sqlite3.Connection, person: str, start: date, end: date) -> int:
    """One person's one-off activities on office dates start <= d < end, and their series rows."""
    lo, hi = (stored_time(utc_time(datetime.combine(d, datetime.min.time()))) for d in (start, end))
    timed = conn.execute(RAW_RANGE.format(where=f"a.assignee_id = ? AND {ANY_STATUS} AND a.rrule = '' "
                                                "AND a.starts_at >= ? AND a.starts_at < ?"),
                         (person, lo, hi)).fetchall()
    dated = conn.execute(RAW_RANGE.format(where=f"a.assignee_id = ? AND {ANY_STATUS} AND a.rrule = '' "
                                                "AND +a.starts_at IS NULL "
                                                "AND a.due_on >= ? "
                                                "AND a.due_on < ?"), (person, start.isoformat(), end.isoformat()))
    series = conn.execute(RAW_RANGE.format(where="+a.assignee_id = ? AND a.rrule != ''"), (person,)).fetchall()
    return len(timed) + len(dated.fetchall()) + len(series)


def busiest(conn: sqlite3.Connection) -> tuple[str, str]:
    """The sales rep with the most activities and the account with the most of its own."""
    rep = conn.execute("SELECT a.assignee_id FROM activity a JOIN user u ON u.id = a.assignee_id "
                       "WHERE u.role = 'sales' GROUP BY a.assignee_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    account = conn.execute("SELECT account_id FROM activity WHERE account_id IS NOT NULL GROUP BY account_id "
                           "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    return rep, account


def view_env(ctx: AppContext, folder: Path) -> ViewEnv:
    prefs = Prefs(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    return ViewEnv(ctx, prefs, ChangeBus(), UndoDelete())


def calendar_figures(env: ViewEnv, conn: sqlite3.Connection, rep: str, today: date) -> None:
    tab = CalendarTab(env)
    tab.resize(1440, 900)
    tab.set_people([rep])
    for mode, target in (("week", "≤ 100 ms"), ("month", "≤ 150 ms")):
        tab.set_mode(mode)

        def shown() -> None:
            tab.go(today)
            tab.grab()

        ours = best_of(5, shown)
        start, end = tab.shown_range()
        raw = best_of(5, lambda s=start, e=end: raw_range(conn, rep, s, e))
        row(f"{mode} view shown ({len(tab.rows)} items)", ms(ours), ms(raw), target)
    tab.close()


def my_day_figure(ctx: AppContext, conn: sqlite3.Connection, rep: str, now: datetime) -> None:
    today = office_time(now).date()
    sections = my_day(ctx.database, now, MyDayFilter(assignee_id=rep))
    ours = best_of(5, lambda: my_day(ctx.database, now, MyDayFilter(assignee_id=rep)))

    def raw() -> None:
        """The same sections by hand: the newest 50 overdue timed and dated ones, the next 8 days' planned."""
        planned = "a.assignee_id = ? AND a.status = 'planned' AND a.rrule = '' AND "
        conn.execute(RAW_RANGE.format(where=planned + "a.starts_at < ? ORDER BY a.starts_at DESC LIMIT 50"),
                     (rep, stored_time(now))).fetchall()
        conn.execute(RAW_RANGE.format(where=planned + "+a.starts_at IS NULL AND a.due_on < ? ORDER BY a.due_on DESC "
                                                      "LIMIT 50"), (rep, today.isoformat())).fetchall()
        end = today + timedelta(days=8)
        lo, hi = (stored_time(utc_time(datetime.combine(d, datetime.min.time()))) for d in (today, end))
        conn.execute(RAW_RANGE.format(where=planned + "a.starts_at >= ? AND a.starts_at < ? LIMIT 200"),
                     (rep, lo, hi)).fetchall()
        dated = "+a.starts_at IS NULL AND a.due_on >= ? AND a.due_on < ? LIMIT 200"
        conn.execute(RAW_RANGE.format(where=planned + dated), (rep, today.isoformat(), end.isoformat())).fetchall()
        conn.execute(RAW_RANGE.format(where="+a.assignee_id = ? AND +a.status = 'planned' AND a.rrule != ''"),
                     (rep,)).fetchall()

    shown = sum(len(s.rows) for s in sections)
    row(f"My day ({shown} of {sum(s.total for s in sections)} shown)", ms(ours), ms(best_of(5, raw)), "≤ 50 ms")


def reminder_figure(ctx: AppContext, conn: sqlite3.Connection, rep: str, now: datetime) -> None:
    since = now - timedelta(minutes=1)
    ours = best_of(20, lambda: scan_reminders(ctx.database, rep, since, now))
    horizon = stored_time(now + timedelta(days=61))
    raw = best_of(20, lambda: conn.execute(
        "SELECT id, starts_at, remind_minutes FROM activity WHERE assignee_id = ? AND status = 'planned' "
        "AND remind_minutes IS NOT NULL AND starts_at >= ? AND starts_at < ?",
        (rep, stored_time(since), horizon)).fetchall())
    row("reminder scan (a minute of one rep)", ms(ours), ms(raw), "≤ 5 ms")


def timeline_figure(ctx: AppContext, conn: sqlite3.Connection, account: str) -> None:
    total = conn.execute("SELECT count(*) FROM activity WHERE account_id = ?", (account,)).fetchone()[0]
    ours = best_of(5, lambda: timeline(ctx.database, "account", account))
    raw = best_of(5, lambda: conn.execute(
        "SELECT * FROM activity WHERE account_id = ? AND deleted_at IS NULL "
        "ORDER BY coalesce(starts_at, due_on) DESC LIMIT 20", (account,)).fetchall())
    row(f"account timeline p. 1 ({total} acts)", ms(ours), ms(raw), "≤ 50 ms")


def ics_figure(ctx: AppContext, conn: sqlite3.Connection, rep: str, today: date, folder: Path) -> None:
    start, end = today - timedelta(days=365), today
    done = export_ics(ctx.database, folder / "rep.ics", start=start, end=end, person_id=rep)
    ours = best_of(3, lambda: export_ics(ctx.database, folder / "rep.ics", start=start, end=end, person_id=rep,
                                         force=True))

    def raw() -> None:
        rows = conn.execute(RAW_RANGE.format(where="a.assignee_id = ? AND coalesce(a.starts_at, a.due_on) >= ? AND "
                                                   "coalesce(a.starts_at, a.due_on) < ?"),
                            (rep, start.isoformat(), end.isoformat())).fetchall()
        with (folder / "raw.ics").open("w", encoding="utf-8") as out:
            for r in rows:
                out.write(f"BEGIN:VEVENT\r\nUID:{r['id']}\r\nSUMMARY:{r['subject']}\r\nEND:VEVENT\r\n")

    row(f"ics of a rep's year ({done.events} events)", f"{ours:8.2f} s", f"{best_of(3, raw):8.2f} s",
        "≤ 1 s")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=DEFAULT_DIR / "activities-large.sqlite3")
    args = parser.parse_args()
    print(f"database: {args.db}")
    made = ensure_demo_db(args.db, "large")
    row("", "crm_desktop", "raw sqlite3", "target")
    # The demo has the sales too now: bench/bench_demo.py gives the activities part and a raw baseline.
    if made is None:
        row("demo large, whole run", "not measured: database reused", "", "≤ 150 s with sales")
    else:
        row("demo large, whole run (with sales)", f"{made:8.1f} s", "", "≤ 150 s with sales")
    app = QApplication.instance() or QApplication([])
    ctx = open_app(args.db, read_only=True, clock=SystemClock())
    conn = sqlite3.connect(args.db)
    conn.row_factory = sqlite3.Row
    try:
        count = conn.execute("SELECT count(*) FROM activity").fetchone()[0]
        rep, account = busiest(conn)
        print(f"{count:,} activities; rep {rep}, account {account}")
        now, today = ctx.now(), ctx.today()
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            calendar_figures(view_env(ctx, folder), conn, rep, today)
            my_day_figure(ctx, conn, rep, now)
            reminder_figure(ctx, conn, rep, now)
            timeline_figure(ctx, conn, account)
            ics_figure(ctx, conn, rep, today, folder)
    finally:
        conn.close()
        ctx.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
