"""Sync files that try to break a copy: clocks from the future (refused; a copy that took one in
before these checks is repaired), and files built to exhaust memory or the parser (refused early)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.clock import FixedClock, epoch_ms
from crm_desktop.db.hlc import FUTURE_MARGIN_MS, HLC_MAX, LOGICAL_BITS, ClockAhead, HybridClock, horizon
from crm_desktop.errors import DomainError, StorageError
from crm_desktop.main import main
from crm_desktop.services.accounts import AccountInput, account_input, create_account, update_account
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.sync import bundle, clocks, files
from crm_desktop.sync.bundle import LINE_MAX, BundleRefused
from crm_desktop.sync.conflicts import open_conflicts
from crm_desktop.sync.files import export_bundle, import_bundle
from crm_desktop.sync.repair import repair_clock
from crm_desktop.sync.state import peer_vectors
from tests.sync_helpers import dump
from tests.test_sync import full_dump, resealed, rewrite
from tests.time_helpers import TEST_NOW, TODAY

NOW = TEST_NOW  # what every copy's computer clock reads in these tests (standing still: the margin's edge is exact)
SITES = {"office": "00000000000000a1", "rep": "00000000000000b2", "branch": "00000000000000c3"}


class Wall:
    """A computer clock the test sets (ms since 1970)."""

    def __init__(self, moment: datetime) -> None:
        self.ms = epoch_ms(moment)

    def __call__(self) -> int:
        return self.ms


def set_date(ctx: AppContext, moment: datetime) -> None:
    """Set the copy's computer clock (its changes' times and clocks come from it)."""
    time = ctx.database.time
    assert isinstance(time, FixedClock)
    time.set(moment)


HORIZON = horizon(epoch_ms(NOW))  # the largest clock a file may carry at NOW


def open_copy(path: Path) -> AppContext:
    """A copy on its own computer, whose clock reads NOW until a test moves it."""
    return open_app(path, clock=FixedClock(NOW))


@pytest.fixture
def copies(template: Path, tmp_path: Path) -> Iterator[list[AppContext]]:
    """Three copies with fixed site codes, all computers at NOW."""
    made = []
    for name, site in SITES.items():
        path = tmp_path / f"{name}.sqlite3"
        shutil.copyfile(template, path)
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE local_state SET value = ? WHERE key = 'site_id'", (site,))
        made.append(open_copy(path))
    try:
        yield made
    finally:
        for ctx in made:
            ctx.close()


@pytest.fixture
def good_file(copies: list[AppContext], tmp_path: Path) -> Path:
    office = copies[0]
    create_account(office.uow(), AccountInput(name="Lanna Foods", phone="021234567"), TODAY)
    path = tmp_path / "good.zip"
    export_bundle(office.database, path, everything=True, user_id=office.user_id)
    return path


def lines_of(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as zf:
        return zf.read("changes.ndjson").decode().splitlines()


def manifest_of(path: Path) -> dict[str, object]:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("manifest.json"))


def with_account_line(src: Path, dst: Path, change: Callable[[str], str]) -> Path:
    """The file with its account's line changed (and the checksum fixed up)."""
    lines = [change(x) if '"e":"account"' in x else x for x in lines_of(src)]
    resealed(src, dst, ("\n".join(lines) + "\n").encode())
    return dst


def dated(src: Path, dst: Path, hlc: int) -> Path:
    return with_account_line(src, dst, lambda line: re.sub(r'"h":[0-9]+', f'"h":{hlc}', line))


def refused(ctx: AppContext, path: Path, *needles: str) -> BundleRefused:
    before = full_dump(ctx)
    with pytest.raises(BundleRefused) as err:
        import_bundle(ctx.database, ctx.user_id, path)
    for needle in needles:
        assert needle in err.value.text("en")
    assert err.value.text("th") != err.value.text("en")
    assert full_dump(ctx) == before
    return err.value


# --- clocks from the future are refused -----------------------------------------------------------


@pytest.mark.parametrize("hlc", [HLC_MAX - 4, HORIZON + (1 << LOGICAL_BITS) * 3_600_000])  # 2^63, an hour past
def test_a_change_dated_beyond_the_margin_is_refused_naming_the_file_and_the_copy(copies, good_file, tmp_path,
                                                                                 hlc) -> None:
    err = refused(copies[1], dated(good_file, tmp_path / "future.zip", hlc), "future.zip",
                  f"from copy {SITES['office']} (Owner)", "more than 24 hours ahead", "2026-11-23 03:00 UTC",
                  "repair-clock")
    assert "repair-clock" in err.text("th") and SITES["office"] in err.text("th")


def with_vector_entry(src: Path, dst: Path, hlc: object) -> Path:
    manifest = manifest_of(src)
    manifest["vector"] = {**manifest["vector"], SITES["branch"]: hlc}  # type: ignore[dict-item]
    rewrite(src, dst, manifest=manifest)
    return dst


@pytest.mark.parametrize("where", [dated, with_vector_entry])
def test_the_margin_is_a_boundary(copies, good_file, tmp_path, where) -> None:
    """Any counter of the millisecond 24 hours ahead is accepted, in a change or in the manifest's
    vector; the next millisecond is not."""
    last_of_the_margin = ((epoch_ms(NOW) + FUTURE_MARGIN_MS) << LOGICAL_BITS) + (1 << LOGICAL_BITS) - 1
    assert last_of_the_margin == HORIZON
    rep = copies[1]
    refused(rep, where(good_file, tmp_path / "beyond.zip", HORIZON + 1), "more than 24 hours ahead")
    import_bundle(rep.database, rep.user_id, where(good_file, tmp_path / "edge.zip", HORIZON))
    assert clocks.clock_warning(rep.database) is None


def test_a_change_at_the_margin_moves_the_clock_there(copies, good_file, tmp_path) -> None:
    rep = copies[1]
    import_bundle(rep.database, rep.user_id, dated(good_file, tmp_path / "edge.zip", HORIZON))
    assert rep.database.clock.last == HORIZON


def test_a_file_imported_again_after_the_computer_clock_went_back_is_refused(copies, good_file, tmp_path) -> None:
    """A file imported before is not read again, but its newest change still meets the horizon of now."""
    rep = copies[1]
    edge = dated(good_file, tmp_path / "edge.zip", HORIZON)
    import_bundle(rep.database, rep.user_id, edge)
    set_date(rep, datetime(2026, 11, 23, 2, 0))  # an hour earlier than when it was imported
    refused(rep, edge, "more than 24 hours ahead")


@pytest.mark.parametrize("value", [10**40, -1, 1 << 63, 1.5, True, "7", None])
def test_a_manifest_vector_holding_an_impossible_clock_is_refused(copies, good_file, tmp_path, value) -> None:
    refused(copies[1], with_vector_entry(good_file, tmp_path / "vector.zip", value), "clock value no copy can have")


@pytest.mark.parametrize("base", [-1, HORIZON + 1, HLC_MAX, 1 << 63])
def test_a_base_clock_out_of_range_is_refused(copies, good_file, tmp_path, base) -> None:
    bad = with_account_line(good_file, tmp_path / "base.zip", lambda line: re.sub(r'"b":[0-9]+', f'"b":{base}', line))
    refused(copies[1], bad, "is not a valid change")


def test_an_export_from_a_copy_ahead_is_refused(copies, tmp_path) -> None:
    office = copies[0]
    set_date(office, datetime(2027, 11, 23))  # the office computer's date is a year ahead
    create_account(office.uow(), AccountInput(name="Lanna Foods"), TODAY)
    set_date(office, NOW)  # and put right
    with pytest.raises(DomainError) as err:
        export_bundle(office.database, tmp_path / "out.zip", everything=True)
    assert "2027-11-23 00:00 UTC" in err.value.text("en") and "repair-clock" in err.value.text("en")
    assert not (tmp_path / "out.zip").exists()


CLOCKS = st.one_of(st.integers(min_value=-(1 << 70), max_value=1 << 70),
                   st.sampled_from([0, 1, HORIZON - 1, HORIZON, HORIZON + 1, HLC_MAX, HLC_MAX + 1]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hlc=CLOCKS, base=CLOCKS, seen=CLOCKS)
def test_any_clock_in_a_file_is_refused_or_leaves_the_copy_working(copies, good_file, tmp_path, hlc, base,
                                                                  seen) -> None:
    """Whatever clocks a file carries (its change, the change's base, its vector): a refusal that
    changes nothing, or an import after which the clock is within the horizon and edits work."""
    rep = copies[1]
    bad = with_account_line(good_file, tmp_path / "a.zip", lambda line: re.sub(
        r'"b":[0-9]+', f'"b":{base}', re.sub(r'"h":[0-9]+', f'"h":{hlc}', line)))
    bad = with_vector_entry(bad, tmp_path / "b.zip", seen)
    before, last = full_dump(rep), rep.database.clock.last
    try:
        import_bundle(rep.database, rep.user_id, bad)
    except BundleRefused as err:
        assert err.text("th") != err.text("en")
        assert full_dump(rep) == before
        return
    # (the base is only read when the change is new: a change already here is skipped unread)
    assert 0 < hlc <= HORIZON and 0 <= seen <= HORIZON
    # (a local edit right after a change at the very edge goes one counter past it while time stands still)
    assert rep.database.clock.last <= max(HORIZON, last)
    create_account(rep.uow(), AccountInput(name=f"ร้านที่ {hlc}"), TODAY)


# --- the clock itself ------------------------------------------------------------------------------


def test_the_clock_never_goes_past_what_it_can_hold() -> None:
    clock = HybridClock(HLC_MAX - 2, Wall(NOW))
    assert [clock.tick(), clock.tick()] == [HLC_MAX - 1, HLC_MAX]
    with pytest.raises(ClockAhead) as err:
        clock.tick()
    assert isinstance(err.value, StorageError) and "repair-clock" in err.value.text("en")
    assert clock.last == HLC_MAX
    absurd = HybridClock(0, lambda: 1 << 47)  # a computer clock beyond the year 6429
    with pytest.raises(ClockAhead):
        absurd.tick()
    assert absurd.last == 0


@given(remote=st.one_of(st.integers(min_value=HORIZON + 1, max_value=1 << 70), st.integers(max_value=-1)))
def test_observing_a_clock_beyond_the_horizon_is_refused_and_changes_nothing(remote: int) -> None:
    clock = HybridClock(1000, Wall(NOW))
    with pytest.raises(ClockAhead) as err:
        clock.observe(remote)
    assert clock.last == 1000 and err.value.text("th") != err.value.text("en")


@given(remote=st.integers(min_value=0, max_value=HORIZON))
def test_observing_a_clock_within_the_horizon_moves_past_it(remote: int) -> None:
    clock = HybridClock(0, Wall(NOW))
    clock.observe(remote)
    assert clock.tick() > remote


# --- a copy that took in a clock from the future is repaired -----------------------------------------


def accept_anything(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a version without the checks did: take any clock in, and export it on."""
    monkeypatch.setattr(HybridClock, "horizon", lambda self: HLC_MAX)
    monkeypatch.setattr(HybridClock, "observe", lambda self, remote: HybridClock.resume(self, remote))


def name_of(ctx: AppContext, account_id: str) -> str:
    return account_input(ctx.uow(), account_id).name


def rename(ctx: AppContext, account_id: str, name: str) -> None:
    data = account_input(ctx.uow(), account_id)
    data.name = name
    update_account(ctx.uow(), account_id, data, TODAY)


def reopen(ctx: AppContext) -> AppContext:
    """Close and open again: the clock starts after the newest logged change."""
    ctx.close()
    return open_copy(ctx.database.path)


def send(src: AppContext, dst: AppContext, path: Path) -> None:
    export_bundle(src.database, path, everything=True, user_id=src.user_id)
    import_bundle(dst.database, dst.user_id, path)


def beyond(ctx: AppContext) -> list[tuple[object, ...]]:
    """Every clock of the copy's data and bookkeeping dated beyond the horizon."""
    with sqlite3.connect(ctx.database.path) as conn:
        found = conn.execute("SELECT 'change', hlc FROM change WHERE hlc > ?1 UNION ALL "
                             "SELECT 'account', hlc FROM account WHERE hlc > ?1 UNION ALL "
                             "SELECT 'conflict', winner_hlc FROM sync_conflict WHERE max(winner_hlc, loser_hlc) > ?1",
                             (HORIZON,)).fetchall()
    return found + [("peer", s, v) for s, seen in peer_vectors_of(ctx).items() for v in seen.values() if v > HORIZON]


def peer_vectors_of(ctx: AppContext) -> dict[str, dict[str, int]]:
    with ctx.database.engine.connect() as conn:
        return peer_vectors(conn)


def poisoned_pair(copies: list[AppContext], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                  future: datetime) -> tuple[list[AppContext], str]:
    """The office's computer had the date `future` for one edit; an older version exported it and the
    rep imported it. Both copies reopened (their clocks start after that edit), back at NOW."""
    office, rep, branch = copies
    account_id = create_account(office.uow(), AccountInput(name="Lanna Foods", phone="021234567"), TODAY).created[0]
    send(office, rep, tmp_path / "start.zip")
    send(rep, office, tmp_path / "back.zip")  # each copy remembers what the other has
    with monkeypatch.context() as patched:
        accept_anything(patched)
        set_date(office, future)
        rename(office, account_id, "Lanna Foods (ร้านอาหาร)")
        set_date(office, NOW)
        send(office, rep, tmp_path / "poisoned.zip")
        send(rep, office, tmp_path / "echo.zip")  # the rep's vector claims the future clock too
    return [reopen(office), reopen(rep), branch], account_id


@pytest.mark.parametrize("future", [datetime(2027, 6, 1), datetime(6429, 10, 17, 2, 45)])  # months ahead, ~2^63
def test_a_poisoned_copy_opens_warns_and_is_repaired(copies, tmp_path, monkeypatch, future) -> None:
    (office, rep, branch), account_id = poisoned_pair(copies, tmp_path, monkeypatch, future)
    try:
        for ctx in (office, rep):
            assert ctx.database.clock.last > HORIZON and beyond(ctx)
            warning = clocks.clock_warning(ctx.database)
            assert warning is not None and "repair-clock" in warning.text("en")
        with pytest.raises(DomainError, match="repair-clock"):
            export_bundle(rep.database, tmp_path / "refused.zip", everything=True)
        before = full_dump(rep)
        dry = repair_clock(rep.database, rep.user_id, dry_run=True)
        assert (dry.removed, dry.rows, dry.dry_run, dry.backup) == (1, 1, True, None)
        assert full_dump(rep) == before
        for ctx in (office, rep):
            done = repair_clock(ctx.database, ctx.user_id)
            assert (done.removed, done.rows) == (1, 1) and f"{done.newest:%Y-%m-%d}" == f"{future:%Y-%m-%d}"
            assert done.backup is not None and done.backup.exists() and "clock-repair" in done.backup.name
            assert beyond(ctx) == [] and clocks.clock_warning(ctx.database) is None
            assert name_of(ctx, account_id) == "Lanna Foods (ร้านอาหาร)"  # what people saw stays
            assert repair_clock(ctx.database, ctx.user_id).needed is False  # a second run finds nothing
        assert SITES["office"] not in peer_vectors_of(office)[SITES["rep"]]  # what the rep lacks is sent again
        # A later edit on a copy that never took the clock in wins the field everywhere.
        send(office, branch, tmp_path / "o-b.zip")
        rename(branch, account_id, "Lanna Foods สาขาเชียงใหม่")
        send(branch, office, tmp_path / "b-o.zip")
        send(branch, rep, tmp_path / "b-r.zip")
        for ctx in (office, rep, branch):
            assert name_of(ctx, account_id) == "Lanna Foods สาขาเชียงใหม่"
        rename(rep, account_id, "Lanna Foods Co.")  # and a local edit on a repaired copy works and travels
        export_bundle(rep.database, tmp_path / "rep.zip", everything=True)
        assert all(json.loads(x)["h"] <= HORIZON for x in lines_of(tmp_path / "rep.zip"))
        assert max(manifest_of(tmp_path / "rep.zip")["vector"].values()) <= HORIZON  # type: ignore[union-attr]
        import_bundle(office.database, office.user_id, tmp_path / "rep.zip")
        assert name_of(office, account_id) == "Lanna Foods Co."
    finally:
        office.close()
        rep.close()


def test_three_copies_converge_after_each_repairs(copies, tmp_path, monkeypatch) -> None:
    (office, rep, branch), account_id = poisoned_pair(copies, tmp_path, monkeypatch, datetime(6429, 1, 1))
    try:
        for ctx, phone in ((office, "021111111"), (rep, "022222222")):  # edits before the repair: still ahead
            data = account_input(ctx.uow(), account_id)
            data.phone = phone
            update_account(ctx.uow(), account_id, data, TODAY)
        # Files written by the unrepaired rep with an older version are refused, saying what to do there.
        with monkeypatch.context() as patched:
            patched.setattr(files.clocks, "refuse_export_ahead", lambda *args: None)
            export_bundle(rep.database, tmp_path / "old.zip", everything=True, user_id=rep.user_id)
        refused(office, tmp_path / "old.zip", f"from copy {SITES['rep']} (Owner)", "repair-clock")
        for ctx in (office, rep):
            repair_clock(ctx.database, ctx.user_id)
        everyone = (office, rep, branch)
        for round_ in range(2):
            for src in everyone:
                for dst in everyone:
                    if src is not dst:
                        send(src, dst, tmp_path / f"{round_}-{src.database.site_id}-{dst.database.site_id}.zip")
        assert dump(office) == dump(rep) == dump(branch)
        assert all(beyond(ctx) == [] for ctx in everyone)
        phones = {account_input(ctx.uow(), account_id).phone for ctx in everyone}
        assert len(phones) == 1
        assert {c.field for c in open_conflicts(office.database)} <= {"phone"}
    finally:
        office.close()
        rep.close()


def test_a_file_whose_change_a_repair_took_out_is_read_again(copies, tmp_path, monkeypatch) -> None:
    """The repair forgets the imported files that held a change it removed: imported again by a copy
    that takes any clock, such a file brings the change back, as a file never seen would."""
    (office, rep, _), _ = poisoned_pair(copies, tmp_path, monkeypatch, datetime(2027, 6, 1))
    try:
        repair_clock(rep.database, rep.user_id)
        assert beyond(rep) == []
        with monkeypatch.context() as patched:
            accept_anything(patched)
            import_bundle(rep.database, rep.user_id, tmp_path / "poisoned.zip")
        assert ("change" in [kind for kind, *_ in beyond(rep)])
    finally:
        office.close()
        rep.close()


def test_restoring_the_backup_made_before_a_repair_brings_the_warning_back(copies, tmp_path, monkeypatch) -> None:
    """The restored log is ahead again: the clock follows it (no error after the restore) and says so."""
    from crm_desktop.services.backups import restore_backup

    (office, rep, _), _ = poisoned_pair(copies, tmp_path, monkeypatch, datetime(2027, 6, 1))
    try:
        done = repair_clock(rep.database, rep.user_id)
        assert clocks.clock_warning(rep.database) is None and done.backup is not None
        restore_backup(rep, done.backup)
        assert clocks.clock_warning(rep.database) is not None
        assert repair_clock(rep.database, rep.user_id).removed == 1
    finally:
        office.close()
        rep.close()


def test_repair_clock_from_the_command_line(copies, tmp_path, monkeypatch, capsys) -> None:
    (office, rep, _), _ = poisoned_pair(copies, tmp_path, monkeypatch, datetime(6429, 1, 1))
    path = rep.database.path
    office.close()
    rep.close()

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--lang", "en", "--db", str(path), *argv], FixedClock(NOW))
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("sync", "status")
    assert code == 0 and "repair-clock" in out
    code, out, _ = run("sync", "repair-clock", "--dry-run")
    assert code == 0 and out.startswith("Dry run, nothing was saved") and "1 changes dated up to 6429-01-01" in out
    code, out, _ = run("sync", "repair-clock")
    assert code == 0 and out.startswith("Repaired: took 1 changes") and "Backup made before the repair" in out
    code, out, _ = run("sync", "repair-clock")
    assert code == 0 and out.startswith("Nothing to repair")
    code, out, _ = run("sync", "status")
    assert "repair-clock" not in out


def test_a_local_edit_on_a_copy_at_the_end_of_the_clock_fails_with_a_message(copies, tmp_path, monkeypatch) -> None:
    office, rep, _ = copies
    account_id = create_account(office.uow(), AccountInput(name="Lanna Foods"), TODAY).created[0]
    export_bundle(office.database, tmp_path / "f.zip", everything=True)
    with monkeypatch.context() as patched:
        accept_anything(patched)
        import_bundle(rep.database, rep.user_id, dated(tmp_path / "f.zip", tmp_path / "max.zip", HLC_MAX))
    rep = reopen(rep)
    try:
        before = full_dump(rep)
        with pytest.raises(ClockAhead, match="repair-clock"):
            rename(rep, account_id, "ใหม่")
        assert full_dump(rep) == before
        repair_clock(rep.database, rep.user_id)
        rename(rep, account_id, "ใหม่")
        assert name_of(rep, account_id) == "ใหม่"
    finally:
        rep.close()


# --- files built to exhaust memory or the parser -----------------------------------------------------


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [3, 100_000])
def test_deep_nesting_in_a_line_is_refused(copies, good_file, tmp_path, depth) -> None:
    ours = with_account_line(good_file, tmp_path / "ours.zip",
                             lambda line: line.replace('"f":{', f'"f":{{"notes":{nested(depth)},'))
    refused(copies[1], ours, "is not a valid change")
    theirs = with_account_line(good_file, tmp_path / "theirs.zip",
                               lambda line: '{"x":' + nested(depth) + "," + line[1:])
    refused(copies[1], theirs, "is not a valid change")


@pytest.mark.parametrize("where", ["vector", "extra", "top"])
def test_deep_nesting_in_the_manifest_is_refused(copies, good_file, tmp_path, where) -> None:
    manifest = json.dumps(manifest_of(good_file))
    deep = {"vector": manifest.replace('"vector": {', '"vector": {"x": [1], '),
            "extra": manifest.replace('"extra": {', '"extra": {"x": {"y": 1}, '),
            "top": manifest.replace('"extra": {', f'"extra": {{"x": {nested(100_000)}, ')}[where]
    with zipfile.ZipFile(good_file) as zf:
        payload = zf.read("changes.ndjson")
    with zipfile.ZipFile(tmp_path / "deep.zip", "w") as zf:
        zf.writestr("manifest.json", deep)
        zf.writestr("changes.ndjson", payload)
    refused(copies[1], tmp_path / "deep.zip", "nested deeper than this program writes")


def zeros_file(path: Path, good: Path, size: int) -> Path:
    """A sync file whose payload is `size` zero bytes (one endless line): 200 MB pack into 200 KB."""
    digest = hashlib.sha256()
    chunk = bytes(1 << 20)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        with zf.open("changes.ndjson", "w", force_zip64=True) as out:
            for _ in range(size >> 20):
                out.write(chunk)
                digest.update(chunk)
        zf.writestr("manifest.json", json.dumps({**manifest_of(good), "payload_sha256": digest.hexdigest()}))
    return path


def declare(path: Path, member: str, size: int) -> None:
    """Make the zip's directory claim `size` bytes for `member` (headers are not to be trusted)."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + name_len] == member.encode():
            data[at + 24:at + 28] = size.to_bytes(4, "little")
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def peak_mb_of(work: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        work()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak / (1 << 20)


def test_200_mb_of_zeros_is_refused_in_flat_memory(copies, good_file, tmp_path) -> None:
    path = zeros_file(tmp_path / "zeros.zip", good_file, 200 << 20)
    assert path.stat().st_size < 1 << 20
    peak = peak_mb_of(lambda: refused(copies[1], path, "Line 1 of zeros.zip is longer than 16 MB"))
    assert peak < 3 * LINE_MAX / (1 << 20)  # was 600 MB: the line was read whole before it was refused


def test_a_part_declared_too_big_is_refused_before_it_is_read(copies, good_file, tmp_path) -> None:
    shutil.copyfile(good_file, tmp_path / "big.zip")
    declare(tmp_path / "big.zip", "changes.ndjson", bundle.PAYLOAD_MAX + 1)
    refused(copies[1], tmp_path / "big.zip", "part changes.ndjson holds more than 2048 MB")
    manifest = json.dumps({**manifest_of(good_file), "extra": {"label": "x" * bundle.MANIFEST_MAX}})
    with zipfile.ZipFile(good_file) as zf:
        payload = zf.read("changes.ndjson")
    with zipfile.ZipFile(tmp_path / "label.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", manifest)
        zf.writestr("changes.ndjson", payload)
    refused(copies[1], tmp_path / "label.zip", "part manifest.json holds more than 1 MB")


@pytest.mark.parametrize("member", ["changes.ndjson", "manifest.json"])
def test_a_part_bigger_than_its_header_says_is_refused_without_reading_it_all(copies, good_file, tmp_path,
                                                                              member) -> None:
    path = zeros_file(tmp_path / "liar.zip", good_file, 200 << 20)
    if member == "manifest.json":  # 200 MB of zeros behind the manifest's name, declared as 1 KB
        with zipfile.ZipFile(tmp_path / "liar.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
            with zf.open("manifest.json", "w", force_zip64=True) as out:
                for _ in range(200):
                    out.write(bytes(1 << 20))
            zf.writestr("changes.ndjson", b"")
    declare(path, member, 1024)
    peak = peak_mb_of(lambda: refused(copies[1], path, "damaged or incomplete"))
    assert peak < 20


def test_a_line_up_to_the_limit_is_read_and_one_byte_more_is_refused(copies, good_file, tmp_path) -> None:
    lines = lines_of(good_file)
    for size, needle in ((LINE_MAX, "is not a valid change"), (LINE_MAX + 1, "longer than 16 MB")):
        payload = ("\n".join(lines) + "\n").encode() + b"x" * size + b"\n"
        resealed(good_file, tmp_path / "long.zip", payload)
        err = refused(copies[1], tmp_path / "long.zip", needle)
        assert f"Line {len(lines) + 1} of long.zip" in err.text("en")


def test_a_part_packed_another_way_or_encrypted_is_refused(copies, good_file, tmp_path) -> None:
    with zipfile.ZipFile(good_file) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    with zipfile.ZipFile(tmp_path / "bz.zip", "w", compression=zipfile.ZIP_BZIP2) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    refused(copies[1], tmp_path / "bz.zip", "not a sync file of this program")
    shutil.copyfile(good_file, tmp_path / "locked.zip")
    data = bytearray((tmp_path / "locked.zip").read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:  # the "encrypted" flag in the directory
        data[at + 8] |= 1
        at = data.find(b"PK\x01\x02", at + 4)
    (tmp_path / "locked.zip").write_bytes(bytes(data))
    refused(copies[1], tmp_path / "locked.zip", "not a sync file of this program")


# --- the app on a poisoned copy ----------------------------------------------------------------------


def test_the_app_opens_a_poisoned_copy_and_repairs_it_when_asked(qtbot, copies, tmp_path, monkeypatch, prefs) -> None:
    from PySide6.QtWidgets import QMessageBox

    from crm_desktop.views import app as views_app
    from crm_desktop.views.main_window import MainWindow

    (office, rep, _), account = poisoned_pair(copies, tmp_path, monkeypatch, datetime(6429, 1, 1))
    try:
        window = MainWindow(rep, prefs)
        qtbot.addWidget(window)
        window.show()
        box = views_app.warn_if_clock_ahead(window)
        assert box is not None and "6429" in box.text()
        later = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
        later.click()
        assert rep.database.clock.ahead()  # "Later" changes nothing
        box = views_app.warn_if_clock_ahead(window)
        assert box is not None
        repair = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
        repair.click()
        qtbot.waitUntil(lambda: not rep.database.clock.ahead(), timeout=10_000)
        qtbot.waitUntil(lambda: "Clock repaired" in window.last_action_label.text(), timeout=10_000)
        assert views_app.warn_if_clock_ahead(window) is None
        rename(rep, account, "ชื่อหลังซ่อม")  # a local edit works again
        assert name_of(rep, account) == "ชื่อหลังซ่อม"
    finally:
        office.close()
        rep.close()
