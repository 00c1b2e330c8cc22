"""Issue 17: the office server (PostgreSQL) beside the SQLite file, on the same large demo, in one run.

    python bench/bench_server.py --server postgresql://crm@127.0.0.1:5432/postgres [--db bench/data/large.sqlite3]

`--server` names a server and a role that may create databases. The demo's rows are copied into a new
database `crm_bench` there (set up by the app's own migrations, then filled by COPY, foreign keys
checked at the end), so both engines hold the same records. Then, for each engine:
- open: `open_app` to a context, as the app and every command start (the server's first one sets it
  up, so it is timed on the second);
- the companies list's first page (`account_head` and the rows on screen);
- search p50 and p95 over the same 200 fragments people type (bench_foundation.fragments), after 200
  others to warm the caches, through `search_all` (the Ctrl+K pop-up's call).
A plain psycopg ILIKE on the server's trigram index sits beside the server's search, as plain sqlite3
sits beside the file's in bench_foundation.

`--keep` keeps the server's copy (and reuses it the next time: the copy takes about two minutes).

The rest of issue 17's benchmark is in bench_server_sync.py (a sync import of 100k changes),
bench_server_report.py (the monthly report), bench_server_bulk.py (an import of 100k contacts, the demo)
and bench_desk_edits.py (two desks editing at once for a minute, lost updates counted).

Figures (2026-12-07, 2 cores, the large demo: 4.5M rows copied in 111-117 s):

    16:55 UTC, load 1.4                  server        file
      open (to an app context)          22.4 ms      7.4 ms   (699 ms before the clock's loose index scan)
      companies list, first page        40.5 ms      1.6 ms
      search p50 (200 fragments)        44.8 ms      2.2 ms
      search p95                       657.1 ms      3.2 ms
      plain psycopg ILIKE on the contacts' trigram index: p50 5.1 ms, p95 116.9 ms
    16:59 UTC, load 1.5: 22.5 / 39.1 / 46.6 / 637.1 ms against 7.7 / 1.5 / 2.1 / 2.9 ms; plain 5.0 / 125.9 ms.
      The server's slowest fragments are phones and e-mails with digits ('089-281' 745 ms, 'z.492' 894 ms):
      digit trigrams are common to thousands of people, whose whole text is then checked. The p50 is one
      statement per kind (seven round trips where SQLite runs one UNION).
    17:12 UTC, load 1.6, a kind's ids chosen on its table alone, then joined to what is shown
      open 19.3 ms (file 6.8), first page 34.9 ms (1.5), search p50 17.3 ms (2.0), p95 268.3 ms (2.8);
      plain ILIKE p50 4.6, p95 119.5 ms. The phones are 12-40 ms now; the slowest are e-mail pieces with
      a dot ('z.492' 634 ms, 't.514' 579 ms) and common English trigrams ('mily', 'ebor': about 300 ms).
    18:32 UTC (session 9), load 5.4 from three other workers' tests, after the index is asked for at most
      1,000 matches before the ids are walked (a rare fragment sorted, a common one walked with strpos) and
      Thai marks kept inside words (0027): open 73.3 ms (file 19.6), first page 45.2 ms (1.6), search p50
      42.9 ms (5.7), p95 133.5 ms (8.7); the slowest: 'l.com' 621 ms, 'ก. ศ' 556 ms, 'f.8' 524 ms.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import best_of, ms, open_read_only, percentiles, server_beside_file  # noqa: E402

SKIPPED = ("alembic_version", "local_state", "live_count", "credential", "security_event")


def copy_rows(source: Path, url: str) -> dict[str, int]:
    """Every row of the file's tables into the server's (same names and columns), by COPY."""
    import psycopg

    lite = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    tables = [r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                         "'sqlite_%' AND name NOT LIKE '%fts%'")]
    counts: dict[str, int] = {}
    with psycopg.connect(url) as pg:
        pg.execute("SET session_replication_role = replica")  # foreign keys checked below, once
        served = {r[0] for r in pg.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        for table in tables:
            if table in SKIPPED or table not in served:
                continue
            columns = [r[1] for r in lite.execute(f'PRAGMA table_info("{table}")')]
            kinds = {r[0]: r[1] for r in pg.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s", (table,))}
            columns = [c for c in columns if c in kinds]
            pg.execute(f'DELETE FROM "{table}"')
            flags = [kinds[c] == "boolean" for c in columns]
            names = ", ".join(f'"{c}"' for c in columns)
            rows = 0
            with pg.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in lite.execute(f'SELECT {names} FROM "{table}"'):
                    copy.write_row([bool(v) if flag and v is not None else v
                                    for v, flag in zip(row, flags, strict=True)])
                    rows += 1
            counts[table] = rows
        pg.execute("SET session_replication_role = origin")
        pg.execute("SELECT setval('change_seq_seq', (SELECT coalesce(max(seq), 1) FROM change))")
    with psycopg.connect(url, autocommit=True) as pg:
        pg.execute("ANALYZE")
    lite.close()
    return counts


def _exists(server: str) -> bool:
    import psycopg
    from sqlalchemy.engine import make_url

    plain = make_url(server).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain) as pg:
        return pg.execute("SELECT 1 FROM pg_database WHERE datname = 'crm_bench'").fetchone() is not None


def _filled(url: str) -> bool:
    import psycopg

    with psycopg.connect(url) as pg:
        found = pg.execute("SELECT to_regclass('contact')").fetchone()
        return bool(found and found[0] and pg.execute("SELECT count(*) FROM contact").fetchone()[0])


def figures(db: object, fragments: list[str], warm: list[str]) -> dict[str, float]:
    from crm_desktop.queries.accounts import AccountFilter, account_head, account_rows
    from crm_desktop.queries.search import search_all

    def page() -> None:
        _count, keys = account_head(db, AccountFilter(), "name", False, 200)  # type: ignore[arg-type]
        account_rows(db, keys[:50])  # type: ignore[arg-type]

    first = best_of(5, page)
    for text in warm:
        search_all(db, text)  # type: ignore[arg-type]
    took = []
    for text in fragments:
        start = time.perf_counter()
        search_all(db, text)  # type: ignore[arg-type]
        took.append(time.perf_counter() - start)
    p50, p95 = percentiles(took)
    slowest = sorted(zip(took, fragments, strict=True), reverse=True)[:8]
    print("  slowest:", ", ".join(f"{text!r} {ms(t).strip()}" for t, text in slowest))
    return {"page": first, "p50": p50, "p95": p95}


def plain_server_search(url: str, fragments: list[str]) -> tuple[float, float]:
    """The contacts' trigram index through psycopg alone: the floor of a server's search."""
    import psycopg

    from crm_desktop.db.search_index import INDEXED
    from crm_desktop.db.server_search import indexed_pattern, indexed_text

    body = next(e for e in INDEXED if e.table == "contact").body_sql("contact", padded=False).replace("%", "%%")
    looked_up = indexed_text(body)
    took = []
    with psycopg.connect(url) as pg:
        for text in fragments:
            start = time.perf_counter()
            pg.execute(f"SELECT id FROM contact WHERE deleted_at IS NULL AND {looked_up} ILIKE %s ORDER BY id LIMIT 10",
                       (indexed_pattern(text),)).fetchall()
            took.append(time.perf_counter() - start)
    return percentiles(took)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "data" / "large.sqlite3")
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the server's copy, crm_bench")
    args = parser.parse_args()
    from sqlalchemy.engine import make_url

    from bench.bench_foundation import fragments
    from crm_desktop.db.server import Server
    from crm_desktop.main import SystemClock
    from crm_desktop.services.app import open_app
    from tests.server_helpers import create_database, database_url, drop_database

    clock = SystemClock()
    url = database_url(args.server, "crm_bench") if args.keep and _exists(args.server) else create_database(
        args.server, "crm_bench")
    plain_url = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        with tempfile.TemporaryDirectory() as desk:
            if not (args.keep and _filled(plain_url)):
                open_app(Server(url, Path(desk)), clock=clock).close()  # sets the server up
                start = time.perf_counter()
                counts = copy_rows(args.db, plain_url)
                copied = time.perf_counter() - start
                print(f"copied {sum(counts.values()):,} rows into the server in {copied:.1f} s "
                      f"({counts.get('account', 0):,} companies, {counts.get('contact', 0):,} people)")
            opened = best_of(3, lambda: open_app(Server(url, Path(desk)), clock=clock).close())
            server_db = open_app(Server(url, Path(desk)), clock=clock)
            file_opened = best_of(3, lambda: open_read_only(args.db, clock).close())
            file_db = open_read_only(args.db, clock)
            queries, warm = fragments(args.db), fragments(args.db, seed=8)
            on_server = figures(server_db.database, queries, warm)
            on_file = figures(file_db, queries, warm)
            plain50, plain95 = plain_server_search(plain_url, queries)
            server_db.close()
            file_db.close()
    finally:
        if not args.keep:
            drop_database(args.server, "crm_bench")
    server_beside_file([("open (to an app context)", opened, file_opened),
                        ("companies list, first page", on_server["page"], on_file["page"]),
                        ("search p50 (200 fragments)", on_server["p50"], on_file["p50"]),
                        ("search p95", on_server["p95"], on_file["p95"])], 38)
    print(f"plain psycopg ILIKE on the contacts' trigram index: p50 {ms(plain50)}, p95 {ms(plain95)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
