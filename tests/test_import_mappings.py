"""Column mappings saved by name (settings, so they sync) and the CLI's `import --mapping NAME`."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop import cli
from crm_desktop.clock import FixedClock
from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.exchange.fields import importable_fields
from crm_desktop.import_plans.mappings import Mapping, find_saved
from crm_desktop.services.app import AppContext
from crm_desktop.services.import_mappings import mapping_named, save_mapping, saved_mappings
from crm_desktop.services.settings import company_name
from tests.server_helpers import command_db, fetch
from tests.sync_helpers import dump

pytestmark = pytest.mark.server

HEADERS = ["ลูกค้า", "เบอร์", "หน้าที่"]  # "หน้าที่" (duty) is no header the guess knows
CSV = "ลูกค้า,เบอร์,หน้าที่\nสมชาย ใจดี,0812345678,จัดซื้อ\n"


def _mapping(name: str = "ลูกค้ารายเดือน") -> Mapping:
    return Mapping.from_guesses("contacts", name, HEADERS, ["full_name", "mobile", "position"])


def test_saved_by_name_found_again_without_case_and_chosen_for_the_same_header(ctx: AppContext) -> None:
    save_mapping(ctx.uow(), _mapping())
    save_mapping(ctx.uow(), _mapping("Monthly"))
    save_mapping(ctx.uow(), _mapping("MONTHLY"))  # replaces "Monthly"
    names = [m.name for m in saved_mappings(ctx.uow(), "contacts")]
    assert names == ["MONTHLY", "ลูกค้ารายเดือน"]
    assert saved_mappings(ctx.uow(), "companies") == []
    assert mapping_named(ctx.uow(), "contacts", "monthly").columns == _mapping().columns
    moved = [HEADERS[2], HEADERS[0], HEADERS[1]]  # the same sheet with its columns moved
    found = find_saved("contacts", moved, saved_mappings(ctx.uow(), "contacts"))
    assert found is not None
    assert found.fields_for(moved, importable_fields("contacts")) == ["position", "full_name", "mobile"]


def test_a_mapping_is_a_setting_so_it_syncs(ctx: AppContext) -> None:
    save_mapping(ctx.uow(), _mapping())
    logged = str(fetch(ctx, "SELECT fields FROM change WHERE entity = 'setting' ORDER BY seq DESC")[0][0])
    assert "import_mapping:contacts:" in logged and "ลูกค้ารายเดือน" in logged


def test_bad_names_and_damaged_mappings(ctx: AppContext) -> None:
    before = dump(ctx)
    with pytest.raises(ValidationError):
        save_mapping(ctx.uow(), _mapping("  "))
    with pytest.raises(NotFound) as unknown:
        mapping_named(ctx.uow(), "contacts", "nope")
    assert "nope" in unknown.value.text("th")
    assert dump(ctx) == before
    with ctx.uow() as uow:  # damaged by hand (or by an older copy): left out, never a crash
        uow.settings.set_value("import_mapping:contacts:broken", "{not json")
        uow.commit()
    assert saved_mappings(ctx.uow(), "contacts") == []
    assert company_name(ctx.uow()) == ""


def _run(db: str, clock: FixedClock, *args: str) -> int:
    return cli.run(cli.parse_args(["--db", db, "--lang", "en", "import", "contacts", *args]), clock)


def test_cli_import_with_a_saved_mapping_and_an_unknown_one(ctx: AppContext, tmp_path: Path, clock: FixedClock,
                                                           capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    save_mapping(ctx.uow(), _mapping())
    db = command_db(ctx, monkeypatch)
    ctx.close()
    path = tmp_path / "monthly.csv"
    path.write_text(CSV, encoding="utf-8")
    before = fetch(ctx, "SELECT count(*) FROM change")

    assert _run(db, clock, str(path), "--mapping", "Nope") == 1
    out, err = capsys.readouterr()
    assert out == "" and err.strip().count("\n") == 0 and "Nope" in err
    assert fetch(ctx, "SELECT count(*) FROM change") == before

    assert _run(db, clock, str(path), "--mapping", "ลูกค้ารายเดือน") == 0
    assert "1 new" in capsys.readouterr().out
    (row,) = fetch(ctx, "SELECT prefix, first_name, last_name, mobile, position FROM contact")
    assert row == ("", "สมชาย", "ใจดี", "+66812345678", "จัดซื้อ")  # the guess would drop the duty column
