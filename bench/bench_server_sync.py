"""Issue 17: a sync import of 100,000 changes into an office server and into a SQLite file, in one run.

    python bench/bench_server_sync.py --server postgresql://crm@127.0.0.1:55432/postgres [--work DIR]

`--server` names a server and a role that may create databases (and set `session_replication_role`,
for the floor). A laptop's SQLite copy gets ~100k changes through the demo generator (bench_sync's
companies, people, leads, deals), and its whole log is exported once. That file is imported into a
new SQLite copy and into a new server database (`crm_bench_sync`, set up by the app's migrations, a
desk of its own), each timed with its backup beside it (a file copy; pg_dump), and again (the same
file: nothing read). Then the laptop edits 100,000 times (bench_sync.make_edits) and each target
imports what it lacks. Last, each target exports its whole log.

The floors: for the file, bench_sync's raw sqlite3 (the same rows and change rows in one
transaction, search entries and live counts set-wise); for the server, bench_server's COPY of the same
rows into another new database (foreign keys not checked: `session_replication_role = replica`), and
psycopg reading the log's rows for the export.

2026-12-07 19:23-19:26 UTC, h-sync ede99e3, PostgreSQL 15 on the same 2 CPUs, load 2.8-4.8 (other
helpers' work beside it), `PYTHONPATH=$PWD python bench/bench_server_sync.py --server
postgresql://crm@127.0.0.1:55432/postgres`:
    104,805 changes in the laptop's file (15.9 MB); 100,045 edits
                                        server     floor (COPY)     file     floor (sqlite3)
    import into a new copy              21.9 s     16.8 s           16.3 s   9.3 s
    the same file again                  0.02 s                      0.03 s
    import of the edits                 13.5 s                       6.1 s
    export (whole log, 204,895)          2.2 s      0.9 s            3.0 s    0.8 s
The server's imports include their pg_dump backup, made beside them on the same two CPUs.
Earlier runs, at load 4-7 (two other helpers' test runs beside them: compare within a run):
- 18:22, before any COPY: new copy 53.0 s (file 40.0), edits 56.6 s (file 18.3), export 7.8 s (file 4.5).
  cProfile of the server's import (no pg_dump beside): the rows' INSERTs 46 s, the log's 9.5 s.
- 18:48, rows and many-row updates by COPY, the lines read in binary: new copy 45.4 s (floor 22.3,
  file 25.3, floor 13.3), edits 31.8 s (file 11.1), export 4.1 s (floor 1.3; file 4.5, floor 1.1).
  cProfile (load 5.5): the rows' COPY 17.8 s (mostly the server keeping its indexes, the trigram ones
  too), the change log 9.5 s, the file's checks 8 s, derived columns 4.5 s, the commit 3 s; the edits'
  UPDATE from COPY 14.7 s, their log 8.6 s. Then the change log went by COPY too (ede99e3).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_server import copy_rows  # noqa: E402
from bench.bench_sync import SIZE, make_edits, raw_export, raw_import, secs  # noqa: E402
from bench.common import timed  # noqa: E402

TARGET = "crm_bench_sync"
FLOOR = "crm_bench_sync_raw"


def raw_server_export(url: str) -> float:
    """psycopg reading every change row: the floor of a server's export."""
    import psycopg

    with psycopg.connect(url) as pg:
        return timed(lambda: pg.execute("SELECT * FROM change ORDER BY seq").fetchall())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--work", type=Path, help="folder for the files (default: a temporary one)")
    args = parser.parse_args()
    from sqlalchemy.engine import make_url

    from crm_desktop.db import bulk
    from crm_desktop.db.server import Server
    from crm_desktop.demo.generate import _Generator
    from crm_desktop.main import SystemClock
    from crm_desktop.services.app import AppContext, open_app
    from crm_desktop.sync.files import export_bundle, import_bundle
    from crm_desktop.sync.state import sender_site
    from tests.server_helpers import create_database, drop_database

    work = args.work or Path(tempfile.mkdtemp(prefix="bench-server-sync-"))
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    clock = SystemClock()
    laptop = open_app(work / "laptop.sqlite3", clock=clock)
    bulk.load(laptop.database, laptop.user_id, _Generator(seed=2026, size=SIZE, today=laptop.today()).batches(), 0)
    bundle = work / "laptop.zip"
    sent = export_bundle(laptop.database, bundle, everything=True)
    laptop.close()
    shutil.copyfile(work / "laptop.sqlite3", work / "laptop-exported.sqlite3")
    url = create_database(args.server, TARGET)
    floor_url = create_database(args.server, FLOOR)
    plain = {name: make_url(u).set(drivername="postgresql").render_as_string(hide_password=False)
             for name, u in (("target", url), ("floor", floor_url))}
    figures: dict[str, dict[str, float]] = {"server": {}, "file": {}}
    try:
        file_copy = open_app(work / "file.sqlite3", clock=clock)
        file_copy.close()
        shutil.copyfile(work / "file.sqlite3", work / "raw.sqlite3")
        targets: dict[str, AppContext] = {"server": open_app(Server(url, work / "desk"), clock=clock),
                                          "file": open_app(work / "file.sqlite3", clock=clock)}
        open_app(Server(floor_url, work / "floor-desk"), clock=clock).close()  # set up by the migrations
        for name, ctx in targets.items():
            figures[name]["import"] = timed(lambda c=ctx: import_bundle(c.database, c.user_id, bundle))
            figures[name]["again"] = timed(lambda c=ctx: import_bundle(c.database, c.user_id, bundle))
            export_bundle(ctx.database, work / f"from-{name}.zip", everything=True)
        raw = {"file": raw_import(work / "laptop-exported.sqlite3", work / "raw.sqlite3")}
        start = time.perf_counter()
        copy_rows(work / "laptop-exported.sqlite3", plain["floor"])
        raw["server"] = time.perf_counter() - start  # (with its ANALYZE)
        # A working day later: the laptop hears from both, edits 100,000 times and sends each what it lacks.
        laptop = open_app(work / "laptop.sqlite3", clock=clock)
        for name in targets:
            import_bundle(laptop.database, laptop.user_id, work / f"from-{name}.zip")
        site = laptop.database.site_id
        laptop.close()
        make_edits(work / "laptop.sqlite3", site)
        laptop = open_app(work / "laptop.sqlite3", clock=clock)
        edits = {name: export_bundle(laptop.database, work / f"edits-{name}.zip", for_site=sender_site(ctx.database))
                 for name, ctx in targets.items()}
        laptop.close()
        for name, ctx in targets.items():
            figures[name]["edits"] = timed(lambda c=ctx, n=name: import_bundle(c.database, c.user_id,
                                                                             work / f"edits-{n}.zip"))
            figures[name]["export"] = timed(lambda c=ctx, n=name: export_bundle(
                c.database, work / f"whole-{n}.zip", everything=True))
        exported = {name: export_bundle(ctx.database, work / f"whole-{name}.zip", everything=True, force=True)
                    for name, ctx in targets.items()}
        for ctx in targets.values():
            ctx.close()
        raw_exports = {"server": raw_server_export(plain["target"]), "file": raw_export(work / "file.sqlite3")}
    finally:
        drop_database(args.server, TARGET)
        drop_database(args.server, FLOOR)
    print(f"{sent.changes:,} changes in the laptop's file ({bundle.stat().st_size / 1e6:.1f} MB); "
          f"{edits['server'].changes:,} edits; whole logs exported: server {exported['server'].changes:,}, "
          f"file {exported['file'].changes:,}")
    print(f"{'':36}{'server':>12}{'floor':>12}{'file':>12}{'floor':>12}")
    for label, key in (("import into a new copy", "import"), ("the same file again", "again"),
                       ("import of the edits", "edits"), ("export (whole log)", "export")):
        floors = {"import": raw, "export": raw_exports}.get(key, {})
        print(f"{label:36}{secs(figures['server'][key]):>12}{secs(floors['server']) if floors else '':>12}"
              f"{secs(figures['file'][key]):>12}{secs(floors['file']) if floors else '':>12}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
