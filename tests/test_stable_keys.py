"""Lists and search are keyed by the record's id: rows renumbered under them (a VACUUM may do it) change
nothing a list holds or a search finds, and the search index stays right for edits made afterwards."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from crm_desktop.db import engine, migrate
from crm_desktop.queries.contacts import ContactFilter, contact_keys, contact_rows
from crm_desktop.queries.lookups import record_key
from crm_desktop.queries.search import search_all
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.ui.table_model import Column, LazyTableModel

TODAY = date(2026, 11, 23)


def vacuum_renumbering(path: Path, table: str) -> None:
    """VACUUM the file, then number `table`'s rows again from 1 in their order, as a VACUUM may do
    to a table without an INTEGER PRIMARY KEY (SQLite's documentation of VACUUM). SQLite 3.40 keeps
    them while the table has an index; a table rebuilt by a migration, or another version, need not.
    Updating the rowid fires no trigger of the search index (they watch named columns)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("VACUUM")
        old = [r[0] for r in conn.execute(f"SELECT rowid FROM {table} ORDER BY rowid")]
        conn.execute("BEGIN")
        conn.execute(f"UPDATE {table} SET rowid = -rowid")
        conn.executemany(f"UPDATE {table} SET rowid = ? WHERE rowid = ?", [(i, -r) for i, r in enumerate(old, 1)])
        conn.execute("COMMIT")
        assert [r[0] for r in conn.execute(f"SELECT rowid FROM {table} ORDER BY rowid")] == list(range(1, len(old) + 1))
    finally:
        conn.close()


def ids_found(ctx: AppContext, text: str) -> list[str]:
    return [hit.id for hit in search_all(ctx.database, text, kinds=("contact",))]


def test_lists_and_search_survive_rows_renumbered_by_a_vacuum(ctx: AppContext, qtbot: Any) -> None:
    ids = [create_contact(ctx.uow(), ContactInput(first_name=f"สมชาย{i:02d}", last_name="ใจดี",
                                                  nickname=f"nick{i:02d}"), TODAY).created[0] for i in range(12)]
    db, flt = ctx.database, ContactFilter()
    model = LazyTableModel([Column("name", "Name", lambda r: r.name)], lambda s, d: contact_keys(db, flt, s, d),
                           lambda keys: contact_rows(db, keys), block_size=4)
    model.reload()  # the keys of the whole list, read before, with the first block's rows (0-3)
    with db.engine.begin() as conn:  # three rows in the middle go (an erasure deletes rows so)
        conn.exec_driver_sql(f"DELETE FROM contact WHERE id IN ({','.join('?' * 3)})", tuple(ids[3:6]))
    vacuum_renumbering(db.path, "contact")

    assert [model.id_at(r) for r in range(12)] == [*ids[:4], None, None, *ids[6:]]  # row 3: read before
    model.reload()
    assert model.keys == ids[:3] + ids[6:]
    assert model.position_of_key(record_key(db, "contact", ids[8]) or "") == 5

    assert ids_found(ctx, "nick08") == [ids[8]]
    assert ids_found(ctx, "nick04") == []
    with db.engine.begin() as conn:  # an edit afterwards: its old entry goes, no other record's
        conn.exec_driver_sql("UPDATE contact SET nickname = 'ต้นกล้า' WHERE id = ?", (ids[9],))
    assert ids_found(ctx, "ต้นกล้า") == [ids[9]]
    assert ids_found(ctx, "nick09") == []
    assert sorted(ids_found(ctx, "สมชาย")) == sorted(ids[:3] + ids[6:])


def test_migration_0023_keys_the_search_index_by_id_and_takes_it_back(ctx: AppContext) -> None:
    """Down to 0022 (the index keyed by rowids) and up again: search finds the same records."""
    from alembic import command
    from alembic.config import Config

    made = create_contact(ctx.uow(), ContactInput(first_name="มานี", nickname="ต้นข้าว"), TODAY).created[0]
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    eng = engine.make_engine(ctx.database.path)
    keyed = "SELECT count(*) FROM sqlite_master WHERE name = 'contact_fts_key'"
    by_rowid = "SELECT c.id FROM contact_fts f JOIN contact c ON c.rowid = f.rowid WHERE f.body LIKE '%ต้นข้าว%'"
    with eng.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0022")
        assert conn.exec_driver_sql(keyed).scalar() == 0
        assert [r[0] for r in conn.exec_driver_sql(by_rowid)] == [made]
        command.upgrade(config, "0023")
        assert conn.exec_driver_sql(keyed).scalar() == 1
    eng.dispose()
    assert ids_found(ctx, "ต้นข้าว") == [made]
