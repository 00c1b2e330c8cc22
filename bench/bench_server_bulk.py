"""Issue 17: bulk writes on the office server (PostgreSQL) beside the SQLite file, on the same machine, in one run.

    python bench/bench_server_bulk.py --server postgresql://crm@127.0.0.1:5432/postgres [--rows 100000]
        [--size large]

`--server` names a server and a role that may create databases (`crm_bench_bulk` is made and dropped).
- The import of `--rows` contacts from a CSV (bench_import_contacts.write_csv; read once, timed apart):
  the preview and the one-transaction import (`import_rows`: the rows, the change log, match keys and
  search) into a new file and into a new server database, then the undo of that import.
- Beside them, the same rows' values into a bare table with nothing else (no index but the key, no
  log): sqlite3's executemany, psycopg's executemany and psycopg's COPY, each in one transaction.
- `crm-desktop demo --size SIZE` as a user runs it, into a new file and into a new server database
  (`--size none` leaves it out).

Figures (2026-12-07, 2 cores shared with other jobs, PostgreSQL 15 on the same machine; wall seconds):

    18:19-18:49 UTC, load 2.9 -> 7.6 (the demos ran while other work loaded the machine)
                                        file         server
      preview of 100,000 contacts       2.16 s       6.11 s
      import (one transaction)          8.42 s      28.42 s
      bare table, executemany           1.50 s       5.49 s
      bare table, COPY                                0.86 s
      demo --size large               373.9 s       667.3 s
    19:26 UTC, load 3.6-4.4, --size none
      preview                           2.70 s       2.80 s
      import                           11.47 s      18.24 s
      undo of the import                8.32 s      20.80 s
      bare table, executemany           0.67 s       3.89 s
      bare table, COPY                                0.75 s
    The server keeps its indexes (the trigram search's GIN among them) and checks the foreign keys
    row by row while other desks read: most of what it takes beyond the file. psycopg's executemany
    sends a statement per row (4-6 times COPY on the bare table), hence COPY in `raw.insert_many`.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_import_contacts import Phase, write_csv  # noqa: E402
from crm_desktop.clock import FixedClock  # noqa: E402
from crm_desktop.db.server import Server  # noqa: E402
from crm_desktop.exchange.rows import read_import_file  # noqa: E402
from crm_desktop.import_plans.cells import NeutralRow  # noqa: E402
from crm_desktop.queries.imports import preview_rows  # noqa: E402
from crm_desktop.services.app import OWNER_ID, AppContext, Location, open_app  # noqa: E402
from crm_desktop.services.import_undo import undo_import  # noqa: E402
from crm_desktop.services.imports import import_rows  # noqa: E402
from crm_desktop.services.logins import set_first_password  # noqa: E402
from tests.server_helpers import create_database, drop_database  # noqa: E402

NAME = "crm_bench_bulk"
FIELDS = ("prefix", "first_name", "last_name", "mobile", "email", "province", "birthday", "address_line")
PASSWORD = "bench-password"


def import_into(location: Location, rows: list[NeutralRow], clock: FixedClock) -> tuple[Phase, Phase, Phase, int]:
    """The preview, the import of `rows` into the (new) database at `location`, and its undo."""
    ctx = open_app(location, clock=clock)
    try:
        with Phase() as previewed:
            preview = preview_rows(ctx.database, "contacts", rows)
        with Phase() as imported:
            result = import_rows(ctx.uow(), "contacts", rows, preview, clock.today())
        with Phase() as undone:
            undo_import(ctx.uow(), result.log_from, result.log_to)
    finally:
        ctx.close()
    return previewed, imported, undone, result.created


def bare_values(rows: list[NeutralRow]) -> list[tuple[object, ...]]:
    """Each row's id and values as the bare tables take them."""
    return [(f"row-{r.source_row}", *(_plain(r.values.get(k, "")) for k in FIELDS)) for r in rows]


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


BARE = f"CREATE TABLE bare (id TEXT PRIMARY KEY, {', '.join(f'{k} TEXT' for k in FIELDS)})"


def bare_sqlite(path: Path, values: list[tuple[object, ...]]) -> Phase:
    with sqlite3.connect(path) as con:
        con.execute(BARE)
        with Phase() as bare:
            con.executemany(f"INSERT INTO bare VALUES ({', '.join('?' * (len(FIELDS) + 1))})", values)
            con.commit()
    return bare


def bare_server(url: str, values: list[tuple[object, ...]], copy: bool) -> Phase:
    import psycopg

    with psycopg.connect(url) as pg:
        pg.execute("DROP TABLE IF EXISTS bare")
        pg.execute(BARE)
        pg.commit()
        with Phase() as bare, pg.cursor() as cur:
            if copy:
                with cur.copy("COPY bare FROM STDIN") as stream:
                    for row in values:
                        stream.write_row(row)
            else:
                cur.executemany(f"INSERT INTO bare VALUES ({', '.join(['%s'] * (len(FIELDS) + 1))})", values)
            pg.commit()
        pg.execute("DROP TABLE bare")
    return bare


def demo(db: str, size: str, env: dict[str, str]) -> float:
    """Seconds of `crm-desktop --db DB demo --size SIZE` in a child process, as a user runs it."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "crm_desktop", "--db", db, "demo", "--size", size], check=True, env=env,
                   cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def new_server(server: str, desk: Path, clock: FixedClock) -> str:
    """A new server database, set up with the owner's first password (a command logs in); its URL."""
    url = create_database(server, NAME)
    ctx: AppContext = open_app(Server(url, desk), clock=clock)
    try:
        set_first_password(ctx, OWNER_ID, PASSWORD)
    finally:
        ctx.close()
    return url


def on_new_server(server: str, desk: Path, clock: FixedClock, work: Callable[[str], object]) -> None:
    try:
        work(new_server(server, desk, clock))
    finally:
        drop_database(server, NAME)


def line(name: str, phases: Sequence[Phase | None], rows: int) -> None:
    cells = [f"{p.wall:7.2f} s {rows / p.wall:8,.0f}/s" if p is not None else f"{'':21}" for p in phases]
    print(f"{name:38}" + "".join(f"{c:>24}" for c in cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--size", default="large", help="the demo's size, or none")
    args = parser.parse_args()
    clock = FixedClock(datetime(2026, 11, 23, 3, 0))
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        desk = work / "desk"
        csv = work / "contacts.csv"
        write_csv(csv, args.rows)
        with Phase() as read:
            rows = read_import_file(csv, "contacts").rows
        file_preview, file_import, file_undo, created = import_into(work / "import.sqlite3", rows, clock)
        assert created == args.rows, created
        found: dict[str, Phase] = {}

        def import_on_server(url: str) -> None:
            found["preview"], found["import"], found["undo"], made = import_into(Server(url, desk), rows, clock)
            assert made == args.rows, made

        on_new_server(args.server, desk, clock, import_on_server)
        values = bare_values(rows)
        bare_file = bare_sqlite(work / "bare.sqlite3", values)

        def bare_on_server(url: str) -> None:
            found["executemany"] = bare_server(url, values, copy=False)
            found["copy"] = bare_server(url, values, copy=True)

        on_new_server(args.server, desk, clock, bare_on_server)
        print(f"{args.rows:,} contacts from a CSV (read once: {read.wall:.2f} s)")
        print(f"{'':38}{'file':>24}{'server':>24}")
        line("preview (new database)", [file_preview, found["preview"]], args.rows)
        line("import (one transaction)", [file_import, found["import"]], args.rows)
        line("undo of the import", [file_undo, found["undo"]], args.rows)
        line("bare table, executemany", [bare_file, found["executemany"]], args.rows)
        line("bare table, COPY", [None, found["copy"]], args.rows)
        if args.size != "none":
            env = {**os.environ, "XDG_DATA_HOME": str(work / "data"), "CRM_DESKTOP_USER": "Owner",
                   "CRM_DESKTOP_PASSWORD": PASSWORD, "PYTHONPATH": str(ROOT)}
            on_file = demo(str(work / "demo.sqlite3"), args.size, env)
            took: list[float] = []
            on_new_server(args.server, desk, clock, lambda url: took.append(demo(url, args.size, env)))
            print(f"{f'demo --size {args.size}':38}{on_file:>22.1f} s{took[0]:>22.1f} s")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
