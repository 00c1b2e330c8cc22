"""The data core: change log, transactions, soft delete, migrations and the one-instance lock."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock
from crm_desktop.db import engine, migrate
from crm_desktop.db.hlc import HybridClock
from crm_desktop.db.migrate import SCHEMA_HEAD, known_revisions
from crm_desktop.errors import DomainError, StorageError, ValidationError
from crm_desktop.queries.accounts import AccountFilter, account_detail, account_keys
from crm_desktop.services.accounts import (
    AccountInput,
    create_account,
    delete_accounts,
    restore_accounts,
    update_account,
)
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.contacts import ContactInput, create_contact
from tests.log_helpers import logged_fields

TODAY = date(2026, 11, 23)


@pytest.fixture
def app(clock: FixedClock, tmp_path: Path) -> Iterator[AppContext]:
    ctx = open_app(tmp_path / "crm.sqlite3", clock=clock)
    yield ctx
    ctx.close()


def table_dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table: 'the database is exactly as it was' compares two of these."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: sorted(map(tuple, conn.execute(f'SELECT * FROM "{n}"')), key=repr) for n in names}
    finally:
        conn.close()


def changes_of(app: AppContext, row_id: str) -> list[tuple[str, str | None, str]]:
    return logged_fields(app.database.path, row_id)


def test_create_and_edit_write_field_level_changes_in_the_same_transaction(app: AppContext) -> None:
    created = create_account(app.uow(), AccountInput(name="บริษัท ศรีสยาม จำกัด", tax_id="0105536061479"), TODAY)
    account_id = created.created[0]
    logged = {field: json.loads(value) for field, value, _ in changes_of(app, account_id)}
    assert logged["name"] == "บริษัท ศรีสยาม จำกัด"
    assert logged["tax_id"] == "0105536061479"
    assert logged["branch_code"] == "00000"

    update_account(app.uow(), account_id, AccountInput(name="บริษัท ศรีสยาม จำกัด (มหาชน)", tax_id="0105536061479"),
                   TODAY)
    rows = changes_of(app, account_id)
    assert rows[-1][0] == "name" and json.loads(rows[-1][1]) == "บริษัท ศรีสยาม จำกัด (มหาชน)"
    assert all(site == app.database.site_id for _, _, site in rows)
    # An edit logs only the field that changed, not the whole record again.
    conn = sqlite3.connect(app.database.path)
    last = conn.execute("SELECT fields FROM change ORDER BY seq DESC LIMIT 1").fetchone()[0]
    conn.close()
    assert list(json.loads(last)) == ["name"]


def test_invalid_tax_id_saves_nothing(app: AppContext) -> None:
    before = table_dump(app.database.path)
    with pytest.raises(ValidationError) as err:
        create_account(app.uow(), AccountInput(name="ร้านทดสอบ", tax_id="0105536061478"), TODAY)
    assert err.value.field == "tax_id"
    assert "เลขประจำตัวผู้เสียภาษี" in err.value.text("th")
    assert table_dump(app.database.path) == before


def test_duplicate_tax_id_and_branch_is_refused(app: AppContext) -> None:
    create_account(app.uow(), AccountInput(name="A", tax_id="0105536061479"), TODAY)
    with pytest.raises(ValidationError, match="already has tax id"):
        create_account(app.uow(), AccountInput(name="B", tax_id="0105536061479", branch_code="00000"), TODAY)
    # Another branch of the same company is a different account.
    create_account(app.uow(), AccountInput(name="B", tax_id="0105536061479", branch_code="00001"), TODAY)


def test_hierarchy_loop_is_refused(app: AppContext) -> None:
    parent = create_account(app.uow(), AccountInput(name="Group"), TODAY).created[0]
    child = create_account(app.uow(), AccountInput(name="Branch", parent_id=parent), TODAY).created[0]
    with pytest.raises(ValidationError, match="own parent"):
        update_account(app.uow(), parent, AccountInput(name="Group", parent_id=child), TODAY)
    assert account_detail(app.database, parent).parent_id is None  # type: ignore[union-attr]


def test_delete_is_a_tombstone_and_undo_restores(app: AppContext) -> None:
    account_id = create_account(app.uow(), AccountInput(name="ลบแล้วกู้คืน"), TODAY).created[0]
    delete_accounts(app.uow(), [account_id])
    assert account_detail(app.database, account_id) is None
    assert account_keys(app.database, AccountFilter(text="กู้คืน")) == []
    restore_accounts(app.uow(), [account_id])
    assert account_detail(app.database, account_id).name == "ลบแล้วกู้คืน"  # type: ignore[union-attr]
    assert len(account_keys(app.database, AccountFilter(text="กู้คืน"))) == 1
    fields = [f for f, _, _ in changes_of(app, account_id)]
    assert fields.count("deleted_at") == 2


def test_failure_part_way_through_an_action_leaves_no_trace(app: AppContext) -> None:
    before = table_dump(app.database.path)
    uow = app.uow()
    with pytest.raises(RuntimeError), uow:
        from crm_desktop.models import Account

        uow.accounts.add(Account(name="half done"))
        uow.session.flush()  # rows and change log are written...
        raise RuntimeError("crash before commit")  # ...and then the action fails
    assert table_dump(app.database.path) == before


def test_contact_without_account_is_b2c(app: AppContext) -> None:
    created = create_contact(app.uow(), ContactInput(first_name="สมหญิง", mobile="089-123-4567"), TODAY)
    assert created.created


def test_second_instance_is_refused(clock: FixedClock, app: AppContext) -> None:
    with pytest.raises(StorageError, match="already open"):
        open_app(app.database.path, clock=clock)


def test_newer_schema_is_refused_and_file_untouched(clock: FixedClock, tmp_path: Path) -> None:
    path = tmp_path / "crm.sqlite3"
    open_app(path, clock=clock).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StorageError, match="newer version") as err:
        open_app(path, clock=clock)
    assert "ใหม่กว่า" in err.value.text("th")
    assert path.read_bytes() == before


def test_not_a_database_is_refused_with_a_message(clock: FixedClock, tmp_path: Path) -> None:
    path = tmp_path / "crm.sqlite3"
    path.write_bytes(b"this is a spreadsheet, not a database" * 100)
    with pytest.raises(DomainError, match="not a crm_desktop database"):
        open_app(path, clock=clock)


def test_schema_head_matches_the_migrations() -> None:
    assert known_revisions()[0] == SCHEMA_HEAD


def test_opening_a_current_database_neither_migrates_nor_backs_up(clock: FixedClock, tmp_path: Path) -> None:
    path = tmp_path / "crm.sqlite3"
    open_app(path, clock=clock).close()
    ctx = open_app(path, clock=clock)
    ctx.close()
    assert not ctx.database.migrated
    assert not (tmp_path / "backups").exists()


def test_upgrade_of_an_older_schema_makes_a_backup_first(
    clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "crm.sqlite3"
    ctx = open_app(path, clock=clock)
    create_account(ctx.uow(), AccountInput(name="ก่อนอัปเกรด"), TODAY)
    ctx.close()
    # Pretend this build expects a newer head than the file has: the file's revision is known, so
    # it is an upgrade, which must copy the file first.
    monkeypatch.setattr(migrate, "SCHEMA_HEAD", "0002_future_build")
    ctx = open_app(path, clock=clock)
    ctx.close()
    assert ctx.database.migrated
    backups = list((tmp_path / "backups").glob("crm-*-before-upgrade.sqlite3"))
    assert len(backups) == 1
    names = sqlite3.connect(backups[0]).execute("SELECT name FROM account").fetchall()
    assert names == [("ก่อนอัปเกรด",)]


def test_locked_database_gives_a_clear_message_and_changes_nothing(
    app: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 100)
    app.database.engine.dispose()  # new connections pick up the short timeout
    before = table_dump(app.database.path)
    other = sqlite3.connect(app.database.path)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    try:
        with pytest.raises(StorageError) as err:
            create_account(app.uow(), AccountInput(name="ระหว่างล็อก"), TODAY)
        assert "Another program is using the database" in err.value.text("en")
        assert "มีโปรแกรมอื่น" in err.value.text("th")
    finally:
        other.rollback()
        other.close()
    assert table_dump(app.database.path) == before


def test_hybrid_clock_never_goes_back() -> None:
    wall = iter([1000, 1000, 999, 2000, 2000, 2000]).__next__  # observe() reads the wall too (its horizon)
    clock = HybridClock(0, wall)
    stamps = [clock.tick() for _ in range(4)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 4
    clock.observe(stamps[-1] + 50)
    assert clock.tick() > stamps[-1] + 50


def test_real_upgrade_from_0001_keeps_data_and_indexes_old_leads(clock: FixedClock, tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "crm.sqlite3"
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    eng = engine.make_engine(path)
    with eng.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.exec_driver_sql(
            "INSERT INTO lead (id, first_name, company_name, status, score, created_at, updated_at, hlc, site_id, "
            "prefix, last_name, position, mobile, phone, email, line_id, tax_id, province, interest, timeframe, "
            "source, disqualify_reason, notes) VALUES ('l1', 'วิไล', 'ร้านเก่าแก่', 'new', 0, '2026-01-01', "
            "'2026-01-01', 1, 's', '', '', '', '', '', '', '', '', '', '', '', '', '', '')"
        )
    eng.dispose()
    ctx = open_app(path, clock=clock)
    try:
        assert ctx.database.migrated
        assert list((tmp_path / "backups").glob("*before-upgrade*"))
        with ctx.database.engine.connect() as conn:
            found = conn.exec_driver_sql("SELECT rowid FROM lead_fts WHERE body LIKE '%เก่าแก่%'").fetchall()
        assert len(found) == 1
    finally:
        ctx.close()


def test_migrations_build_exactly_the_models(app: AppContext) -> None:
    """A model changed without a migration (or the reverse) shows up here, not in a user's database."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from crm_desktop.db.migrations.env_filters import include_object
    from crm_desktop.models import Base

    with app.database.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []


def test_migrations_build_every_index_of_the_models_expression_indexes_too(app: AppContext) -> None:
    """compare_metadata cannot see expression indexes (a birthday by month-day), and the migrations hide
    SQLAlchemy's note that it skipped them: a batch migration that rebuilt their table and lost them
    shows up here."""
    from crm_desktop.models import Base

    wanted = {index.name for table in Base.metadata.tables.values() for index in table.indexes}
    with sqlite3.connect(app.database.path) as conn:
        built = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"ix_account_founded_md", "ix_contact_birthday_md"} <= wanted
    assert wanted - built == set()


def test_upgrade_to_0007_moves_each_change_field_into_the_change_row_and_back(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    path = tmp_path / "crm.sqlite3"
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    logged = [(1, "name", '"ร้าน \\"ดี\\" จำกัด"'), (1, "employees", "12"), (1, "active", "true"),
              (1, "tags", '["ส่ง", "VIP"]'), (2, "deleted_at", None), (2, "founded_on", '"2019-02-28"')]

    def field_rows(conn: object) -> list[tuple[object, ...]]:
        return sorted(conn.exec_driver_sql("SELECT * FROM change_field").fetchall())  # type: ignore[attr-defined]

    eng = engine.make_engine(path)
    with eng.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0006")
        for seq in (1, 2, 3):
            conn.exec_driver_sql("INSERT INTO change (seq, entity, row_id, hlc, site_id, changed_at) "
                                 f"VALUES ({seq}, 'account', 'a1', {seq}, 's', '2026-01-01')")
        conn.exec_driver_sql("INSERT INTO change_field VALUES (?, ?, ?)", logged)  # type: ignore[arg-type]
        before = field_rows(conn)
        command.upgrade(config, "0007")
        stored = [json.loads(f) for (f,) in conn.exec_driver_sql("SELECT fields FROM change ORDER BY seq")]
        assert stored == [{"active": True, "employees": 12, "name": 'ร้าน "ดี" จำกัด', "tags": ["ส่ง", "VIP"]},
                          {"deleted_at": None, "founded_on": "2019-02-28"}, {}]
        command.downgrade(config, "0006")
        assert [(s, f, v if v is None else json.loads(v)) for s, f, v in field_rows(conn)] == \
            [(s, f, v if v is None else json.loads(v)) for s, f, v in before]
    eng.dispose()
