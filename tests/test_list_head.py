"""A list's first screen from its head (count and first keys), the rest of the keys read only when needed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from crm_desktop.db import engine, migrate
from crm_desktop.queries.accounts import AccountFilter, account_head, account_keys
from crm_desktop.queries.contacts import ContactFilter, contact_head, contact_keys
from crm_desktop.queries.leads import LeadFilter, lead_head, lead_keys
from crm_desktop.services.accounts import AccountInput, create_account
from crm_desktop.services.app import AppContext
from crm_desktop.services.contacts import ContactInput, create_contact, delete_contacts
from crm_desktop.services.leads import LeadInput, create_lead, delete_leads
from crm_desktop.ui.table_model import Column, LazyTableModel
from tests.plan_helpers import query_plans

TODAY = date(2026, 12, 7)
NAMES = ("สมชาย", "Anna", "วิชัย", "anna", "Ben", "เกศินี", "Anna Marie", "โชติ")


def test_heads_are_the_count_and_first_keys_of_the_whole_list(ctx: AppContext) -> None:
    for i, name in enumerate(NAMES * 3):
        create_account(ctx.uow(), AccountInput(name=f"{name} {i % 4}", province="ขอนแก่น" if i % 2 else "ตาก"), TODAY)
        create_lead(ctx.uow(), LeadInput(first_name=name, last_name=f"{i % 5}", source="website" if i % 3 else "line"))
    delete_leads(ctx.uow(), [create_lead(ctx.uow(), LeadInput(first_name="Aaron")).created[0]])
    account = create_account(ctx.uow(), AccountInput(name="Anna Co"), TODAY).created[0]
    for i, name in enumerate(NAMES * 3):
        create_contact(ctx.uow(), ContactInput(first_name=name, last_name=NAMES[i % 5], province="ตาก" if i % 2 else "",
                                               account_id=account if i % 3 else None), TODAY)
    delete_contacts(ctx.uow(), [create_contact(ctx.uow(), ContactInput(first_name="Aaron"), TODAY).created[0]])
    db = ctx.database
    for flt in (AccountFilter(), AccountFilter(province="ตาก"), AccountFilter(text="anna")):
        for sort, descending in (("name", False), ("name", True), ("province", False), ("owner_name", True),
                                 ("parent_name", False)):
            keys = account_keys(db, flt, sort, descending)
            assert account_head(db, flt, sort, descending, 5) == (len(keys), keys[:5])
    for lflt in (LeadFilter(), LeadFilter(source="website"), LeadFilter(text="anna")):
        for sort, descending in (("name", False), ("name", True), ("score", True), ("campaign_name", False)):
            keys = lead_keys(db, lflt, sort, descending)
            assert lead_head(db, lflt, sort, descending, 5) == (len(keys), keys[:5])
    for cflt in (ContactFilter(), ContactFilter(kind="b2c"), ContactFilter(province="ตาก"), ContactFilter(text="anna")):
        for sort, descending in (("name", False), ("name", True), ("account_name", False), ("owner_name", True)):
            keys = contact_keys(db, cflt, sort, descending)
            assert contact_head(db, cflt, sort, descending, 5) == (len(keys), keys[:5])


def test_the_leads_head_reads_along_the_live_name_index(ctx: AppContext) -> None:
    """The count along the live rows' narrow index, the first page along the name (and id) index."""
    create_lead(ctx.uow(), LeadInput(first_name="สมชาย"))
    plans = query_plans(ctx.database.engine, lambda: lead_head(ctx.database, LeadFilter(), "name", False, 50),
                        lambda sql: "FROM lead" in sql)
    assert len(plans) == 1  # the first page (the count is the kept live count: tests/test_live_counts.py)
    assert all("USING INDEX ix_lead_live_name" in plan and "TEMP B-TREE" not in plan for plan in plans), plans


def test_the_contacts_head_reads_along_the_live_name_index(ctx: AppContext) -> None:
    create_contact(ctx.uow(), ContactInput(first_name="สมชาย"), TODAY)
    plans = query_plans(ctx.database.engine, lambda: contact_head(ctx.database, ContactFilter(), "name", False, 50),
                        lambda sql: "FROM contact" in sql)
    assert len(plans) == 1  # the first page (the count is the kept live count: tests/test_live_counts.py)
    assert all("USING INDEX ix_contact_live_name" in plan and "TEMP B-TREE" not in plan for plan in plans), plans


class Source:
    """1,000 keys (ids) in order; `head` gives the count and first keys, as the list queries do."""

    def __init__(self) -> None:
        self.keys = [f"id{k}" for k in range(1000, 2000)]

    def all_keys(self, _sort: str, _descending: bool) -> list[str]:
        return list(self.keys)

    def head(self, _sort: str, _descending: bool, limit: int) -> tuple[int, list[str]]:
        return len(self.keys), self.keys[:limit]

    def rows(self, keys: Sequence[str]) -> list[Any]:
        return [type("Row", (), {"id": k})() for k in keys if k in self.keys]


def lazy(source: Source) -> LazyTableModel:
    columns = [Column("id", "id", lambda r: r.id)]
    return LazyTableModel(columns, source.all_keys, source.rows, head_fn=source.head, block_size=100)


def test_the_model_reads_the_rest_of_the_keys_only_past_the_first_block(qtbot: Any) -> None:
    source = Source()
    model = lazy(source)
    model.reload()
    assert (model.rowCount(), model.rest_queries) == (1000, 0)
    assert model.id_at(0) == "id1000" and model.id_at(99) == "id1099"
    assert model.position_of_key("id1050") == 50
    assert (model.rest_queries, model.rows_fetched) == (0, 100)
    assert model.id_at(999) == "id1999"
    assert model.rest_queries == 1
    model.reload()
    assert model.position_of_key("id1500") == 500 and model.rest_queries == 2
    model.reload()
    assert model.position_of_key("id7") == -1 and model.rest_queries == 3
    model.reload()
    assert len(model.keys) == 1000 and model.rest_queries == 4


def test_keys_changed_between_the_head_and_the_rest_reload_the_list(qtbot: Any) -> None:
    source = Source()
    model = lazy(source)
    model.reload()
    del source.keys[500:600]  # another program deleted rows meanwhile
    assert model.key_at(950) is None  # past the keys now read: shown empty until the reload
    qtbot.waitUntil(lambda: model.rowCount() == 900)
    assert model.key_at(899) == "id1999"


def test_migration_0020_adds_the_lead_list_index_and_takes_it_away(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    eng = engine.make_engine(tmp_path / "crm.sqlite3")
    found = "SELECT count(*) FROM sqlite_master WHERE name = 'ix_lead_live_name'"
    with eng.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0020")
        assert conn.exec_driver_sql(found).scalar() == 1
        command.downgrade(config, "0019")
        assert conn.exec_driver_sql(found).scalar() == 0
    eng.dispose()
