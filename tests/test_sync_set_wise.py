"""The set-wise shortcuts of big imports and exports give what the row-by-row path gives: live counts
taken once instead of by triggers, and sync-file lines written by SQLite or by a server."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import pytest

from crm_desktop.db.live_counts import COUNTED
from crm_desktop.services.accounts import AccountInput, create_account, delete_accounts
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.server_helpers import fetch
from tests.sync_helpers import deferrals

pytestmark = pytest.mark.server
TODAY = date(2026, 11, 23)


def live_counts(ctx: AppContext) -> dict[str, tuple[int, int]]:
    """table -> (the live count kept, the live rows counted)."""
    with sqlite3.connect(ctx.database.path) as conn:
        kept = dict(conn.execute("SELECT entity, live FROM live_count").fetchall())
        return {t: (kept[t], conn.execute(f'SELECT count(*) FROM "{t}" WHERE deleted_at IS NULL').fetchone()[0])
                for t in COUNTED}


def test_a_big_import_takes_the_live_counts_once_and_exactly(copies: list[AppContext], tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables that grow many-fold are counted once at the end (their count triggers set aside): the
    counts come out as the triggers keep them, deleted rows and rows already here included, and the
    triggers count again afterwards."""
    office, rep, _ = copies
    ids = [create_account(office.uow(), AccountInput(name=f"ร้านค้าที่ {i}"), TODAY).created[0] for i in range(6)]
    delete_accounts(office.uow(), ids[:2])
    for i in range(4):
        create_contact(office.uow(), ContactInput(first_name=f"สมชาย {i}", account_id=ids[3]), TODAY)
    create_account(rep.uow(), AccountInput(name="ร้านของสาขา"), TODAY)
    export_bundle(office.database, tmp_path / "all.zip", everything=True)
    seen = deferrals(monkeypatch)
    import_bundle(rep.database, rep.user_id, tmp_path / "all.zip")
    assert {"account", "contact"} <= {table for deferred in seen for table, _ in deferred.counted}
    counts = live_counts(rep)
    assert counts["account"] == (5, 5) and counts["contact"] == (4, 4)
    assert all(kept == real for kept, real in counts.values())
    create_account(rep.uow(), AccountInput(name="ร้านใหม่"), TODAY)  # the triggers are back
    assert live_counts(rep)["account"] == (6, 6)


def test_an_exported_line_is_the_logged_change_as_python_writes_json(ctx: AppContext, tmp_path: Path) -> None:
    """SQLite or the server writes the file's lines (db/synclog.py): each is the logged change, byte for
    byte as Python's json module writes it (HeadReader reads such lines without parsing them), whatever
    the text, and its time as a file stores it."""
    odd = 'ร้าน "ดี" \\ ทาง\nสอง\tแท็บ \x01 \x1f \x7f \u2028 😀'
    create_account(ctx.uow(), AccountInput(name=odd, website="https://ex.co/a?b=\"c\""), TODAY)
    export_bundle(ctx.database, tmp_path / "out.zip", everything=True)
    with zipfile.ZipFile(tmp_path / "out.zip") as zf:
        lines = zf.read("changes.ndjson").decode().split("\n")
    assert lines.pop() == ""
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    logged = fetch(ctx, "SELECT entity, row_id, hlc, site_id, base_hlc, user_id, changed_at, fields FROM change "
                        "ORDER BY site_id, hlc, seq")
    assert len(lines) == len(logged) > 1
    for line, (e, r, h, s, b, u, at, f) in zip(lines, logged, strict=True):
        t = at if isinstance(at, str) else at.strftime("%Y-%m-%d %H:%M:%S.%f")  # type: ignore[attr-defined]
        assert line == (f'{{"e":{dumps(e)},"r":{dumps(r)},"h":{h},"s":{dumps(s)},"b":{b},"u":{dumps(u)},'
                        f'"t":{dumps(t)},"f":{f}}}')
    assert any(odd in json.loads(line)["f"].get("name", "") for line in lines)

