"""One spelling per moment: the bulk loader, sync imports and the ORM store a time as the same text."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import DateTime, func, select
from sqlalchemy.dialects import sqlite

from crm_desktop.clock import FixedClock
from crm_desktop.db import bulk, engine, migrate
from crm_desktop.db.times import stored_time
from crm_desktop.models import Activity
from crm_desktop.services.app import AppContext
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.sync_helpers import make_template, new_copy

MOMENT = datetime(2026, 12, 1, 0, 0, 0)  # no microseconds: what sqlite3's own adapter wrote short
ORM_TIME = DateTime().dialect_impl(sqlite.dialect()).bind_processor(sqlite.dialect())


@given(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59, 999999)))
def test_a_time_is_stored_as_the_orm_stores_it(moment: datetime) -> None:
    assert stored_time(moment) == ORM_TIME(moment)


def test_a_time_with_an_offset_is_stored_in_utc_and_one_out_of_range_is_refused() -> None:
    bangkok = timezone(timedelta(hours=7))
    assert stored_time(datetime(2026, 12, 1, 7, 0, tzinfo=bangkok)) == "2026-12-01 00:00:00.000000"
    assert stored_time(datetime(2026, 12, 1, tzinfo=UTC)) == "2026-12-01 00:00:00.000000"
    with pytest.raises(ValueError):
        stored_time(datetime(1, 1, 1, tzinfo=bangkok))


@pytest.fixture
def copies(tmp_path: Path, clock: FixedClock) -> Iterator[tuple[AppContext, AppContext]]:
    template = make_template(tmp_path)
    made = new_copy(template, tmp_path, "office", clock), new_copy(template, tmp_path, "rep", clock)
    yield made
    for ctx in made:
        ctx.close()


def starts_at(ctx: AppContext) -> list[str]:
    with sqlite3.connect(ctx.database.path) as conn:
        return [r[0] for r in conn.execute("SELECT starts_at FROM activity ORDER BY subject")]


def test_the_same_moment_from_a_bulk_load_a_sync_import_and_the_orm_is_the_same_text(copies, tmp_path) -> None:
    office, rep = copies
    bulk.load(office.database, office.user_id, [(Activity, [{"subject": "bulk", "starts_at": MOMENT}])], 1)
    with office.uow() as uow:
        uow.session.add(Activity(subject="orm", starts_at=MOMENT))
        uow.commit()
    export_bundle(office.database, tmp_path / "f.zip", everything=True)
    import_bundle(rep.database, rep.user_id, tmp_path / "f.zip")
    assert starts_at(office) == starts_at(rep) == ["2026-12-01 00:00:00.000000"] * 2
    with rep.database.engine.connect() as conn:  # December's activities: the first moment of the month counts
        found = conn.execute(select(func.count()).select_from(Activity).where(Activity.starts_at >= MOMENT))
        assert found.scalar() == 2


def test_upgrade_to_0009_gives_short_times_their_microseconds(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    eng = engine.make_engine(tmp_path / "crm.sqlite3")
    with eng.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0008")
        for seq, at in enumerate(("2024-11-04 02:47:00", "2024-11-04 02:47:00.000001", "2026-01-01"), start=1):
            conn.exec_driver_sql(f"INSERT INTO change (seq, entity, row_id, hlc, site_id, changed_at) "
                                 f"VALUES ({seq}, 'account', 'a1', {seq}, 's', '{at}')")
        conn.exec_driver_sql("INSERT INTO sync_peer (site_id, vector_json, last_import_at) VALUES "
                             "('p1', '{}', '2026-11-30 23:59:59'), ('p2', '{}', NULL)")
        command.upgrade(config, "0009")
        assert [r[0] for r in conn.exec_driver_sql("SELECT changed_at FROM change ORDER BY seq")] == [
            "2024-11-04 02:47:00.000000", "2024-11-04 02:47:00.000001", "2026-01-01"]
        assert [r[0] for r in conn.exec_driver_sql("SELECT last_import_at FROM sync_peer ORDER BY site_id")] == [
            "2026-11-30 23:59:59.000000", None]
    eng.dispose()

