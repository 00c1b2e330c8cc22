"""The live counts the lists and the status bar show stay exact through every kind of write."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.db.live_counts import COUNTED
from crm_desktop.demo.generate import load_demo
from crm_desktop.queries.accounts import AccountFilter, account_count, account_head
from crm_desktop.queries.contacts import contact_count
from crm_desktop.services.accounts import AccountInput, create_account, delete_accounts, restore_accounts
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact, delete_contacts
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.plan_helpers import query_plans

TODAY = date(2026, 11, 23)


def _counted(path: Path) -> dict[str, tuple[int, int]]:
    """table -> (the live count kept, the live rows counted)."""
    with sqlite3.connect(path) as conn:
        kept = dict(conn.execute("SELECT entity, live FROM live_count").fetchall())
        return {t: (kept.get(t, -1), conn.execute(f'SELECT count(*) FROM "{t}" WHERE deleted_at IS NULL').fetchone()[0])
                for t in COUNTED}


def _exact(path: Path) -> bool:
    return all(kept == real for kept, real in _counted(path).values())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(["add", "delete", "restore"]), st.integers(0, 5)), max_size=12))
def test_the_count_follows_adds_deletes_and_restores(ctx: AppContext, steps: list[tuple[str, int]]) -> None:
    before = account_count(ctx.database)  # the examples share one database
    live: list[str] = []
    deleted: list[str] = []
    for action, pick in steps:
        if action == "delete" and live:
            gone = live.pop(pick % len(live))
            delete_accounts(ctx.uow(), [gone])
            deleted.append(gone)
        elif action == "restore" and deleted:
            back = deleted.pop(pick % len(deleted))
            restore_accounts(ctx.uow(), [back])
            live.append(back)
        else:
            live.append(create_account(ctx.uow(), AccountInput(name=f"ร้าน {len(live)}"), TODAY).created[0])
        assert account_count(ctx.database) == before + len(live) == _counted(ctx.database.path)["account"][1]


def test_bulk_loads_and_sync_imports_keep_the_counts(copies: list[AppContext], tmp_path: Path) -> None:
    office, rep = copies[0], copies[1]
    load_demo(office.database, "small", office.user_id)
    gone = create_contact(office.uow(), ContactInput(first_name="ลบ"), TODAY).created[0]
    delete_contacts(office.uow(), [gone])
    assert _exact(office.database.path)
    export_bundle(office.database, tmp_path / "office.zip", everything=True)
    import_bundle(rep.database, rep.user_id, tmp_path / "office.zip")
    assert _exact(rep.database.path)
    assert contact_count(rep.database) == contact_count(office.database) > 500


def test_an_unfiltered_list_reads_its_count_instead_of_counting(ctx: AppContext) -> None:
    for name in ("กา", "ขนม", "ไก่"):
        create_account(ctx.uow(), AccountInput(name=name), TODAY)
    db = ctx.database
    plans = query_plans(db.engine, lambda: account_head(db, AccountFilter(), "name", False, 50),
                        lambda sql: "count(" in sql)
    assert plans == []  # no count(*) ran: the number came from live_count
    assert account_head(db, AccountFilter(), "name", False, 50)[0] == 3
