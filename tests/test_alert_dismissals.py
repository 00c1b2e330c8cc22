"""Dismissing and snoozing an alert is each person's: a rep's dismissal leaves the owner's list alone, a
snooze ends exactly at its time, Undo brings the alert back, and a person's dismissal crosses copies
(the same person dismissing on two copies makes one row)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from crm_desktop.clock import FixedClock
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import NotFound
from crm_desktop.main import main
from crm_desktop.models import Alert, AlertDismissal, Change
from crm_desktop.queries.alerts import alert_rules, find_alerts, open_alert_count, open_alerts
from crm_desktop.services.alerts import alert_text, bring_back, dismiss_alerts, raise_alerts, snooze_alerts
from crm_desktop.services.app import AppContext, open_app
from crm_desktop.services.users import UserInput, create_user
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.alert_helpers import NOW, build
from tests.sync_helpers import copies_with_codes
from tests.time_helpers import make_clock

pytestmark = pytest.mark.server

SITES = {"office": "0ff1ce00000000a1", "rep": "7f3a0000000000a2"}


def _raise(ctx: AppContext) -> dict[str, str]:
    """The helper's records, the seeded rules' alerts kept: {kind: an alert id of that kind}."""
    build(ctx)
    found = find_alerts(ctx.database, alert_rules(ctx.database, active_only=True), NOW)
    raise_alerts(ctx.uow(), found)
    return {f.kind: f.id for f in found}


def _open(ctx: AppContext, person: str, at=NOW) -> set[str]:
    return {a.id for a in open_alerts(ctx.database, at, person=person)}


def _rep(ctx: AppContext) -> str:
    return create_user(ctx.uow(), UserInput(name="สมชาย", role="sales")).created[0]


def test_a_reps_dismissal_leaves_the_owners_list_and_badge_alone(ctx: AppContext) -> None:
    alerts = _raise(ctx)
    rep, owner = _rep(ctx), ctx.user_id
    everything = _open(ctx, owner)
    assert len(everything) == 9 and _open(ctx, rep) == everything
    late = alerts["late_order"]
    dismiss_alerts(UnitOfWork(ctx.database, rep), [late])
    assert _open(ctx, rep) == everything - {late}
    assert _open(ctx, owner) == everything  # the owner still has it
    assert open_alert_count(ctx.database, NOW, person=rep) == 8
    assert open_alert_count(ctx.database, NOW, person=owner) == 9
    # Dismissed on an older version (office-wide, its person not known): hidden from everyone.
    stuck = alerts["stuck_deal"]
    with ctx.database.engine.begin() as conn:
        conn.execute(update(Alert).where(Alert.id == stuck).values(dismissed_at=NOW))
    assert stuck not in _open(ctx, owner) | _open(ctx, rep)


def test_a_snooze_ends_exactly_at_its_time_for_that_person_only(ctx: AppContext) -> None:
    alerts = _raise(ctx)
    rep, owner = _rep(ctx), ctx.user_id
    quotation = alerts["quotation_expiring"]
    until = NOW + timedelta(hours=1)
    snooze_alerts(UnitOfWork(ctx.database, rep), [quotation], until)
    assert quotation not in _open(ctx, rep, until - timedelta(microseconds=1))
    assert quotation in _open(ctx, rep, until)  # back at its time exactly
    assert quotation in _open(ctx, owner, NOW)
    assert open_alert_count(ctx.database, until - timedelta(microseconds=1), person=rep) == 8
    assert open_alert_count(ctx.database, until, person=rep) == 9


def test_undo_brings_a_dismissed_alert_back_and_it_can_be_dismissed_again(ctx: AppContext) -> None:
    alerts = _raise(ctx)
    late = alerts["late_order"]
    done = dismiss_alerts(ctx.uow(), [late])
    assert late not in _open(ctx, ctx.user_id)
    undone = bring_back(ctx.uow(), [late])
    assert undone.deleted == done.created and late in _open(ctx, ctx.user_id)
    with pytest.raises(NotFound) as err:  # undone already (another window)
        bring_back(ctx.uow(), [late])
    assert err.value.text("en") == "The record was already deleted by someone else. Refresh the list."
    again = dismiss_alerts(ctx.uow(), [late])
    assert again.updated == done.created and late not in _open(ctx, ctx.user_id)  # the same row, back
    with ctx.database.sessions() as session:  # each step is in the change log, so each one syncs
        logged = session.scalars(select(Change.fields).where(Change.entity == "alert_dismissal")
                                 .order_by(Change.seq)).all()
    assert len(logged) == 3 and '"deleted_at":null' in logged[2]  # dismissed, undone, dismissed again


@pytest.fixture
def two_copies(template: Path, tmp_path: Path, clock: FixedClock) -> Iterator[dict[str, AppContext]]:
    with copies_with_codes(template, tmp_path, clock, SITES) as made:
        yield made


def _send(src: AppContext, dst: AppContext, path: Path) -> None:
    export_bundle(src.database, path, everything=True, force=True)
    import_bundle(dst.database, dst.user_id, path)


def _dismissals(ctx: AppContext) -> list[tuple]:
    with ctx.database.sessions() as session:
        return [(d.id, d.alert_id, d.user_id, d.dismissed_at, d.snoozed_until, d.deleted_at)
                for d in session.scalars(select(AlertDismissal).order_by(AlertDismissal.id))]


def test_a_persons_dismissal_crosses_copies_and_two_copies_dismissing_converge(
        two_copies: dict[str, AppContext], tmp_path: Path) -> None:
    office, laptop = two_copies["office"], two_copies["rep"]
    alerts = _raise(office)
    rep = _rep(office)
    _send(office, laptop, tmp_path / "records.crmsync")
    late, stuck = alerts["late_order"], alerts["stuck_deal"]
    # The rep dismisses "order late" on the laptop: after a sync the office's copy hides it from him
    # and still shows it to the owner.
    dismiss_alerts(UnitOfWork(laptop.database, rep), [late])
    _send(laptop, office, tmp_path / "late.crmsync")
    assert late not in _open(office, rep) and late in _open(office, office.user_id)
    # He dismisses the stuck deal on both copies before they sync: one row, the same on both.
    dismiss_alerts(UnitOfWork(office.database, rep), [stuck])
    dismiss_alerts(UnitOfWork(laptop.database, rep), [stuck])
    _send(office, laptop, tmp_path / "a.crmsync")
    _send(laptop, office, tmp_path / "b.crmsync")
    rows = _dismissals(office)
    assert rows == _dismissals(laptop) and len(rows) == 2
    assert {r[1] for r in rows} == {late, stuck} and {r[2] for r in rows} == {rep}
    for ctx in (office, laptop):
        assert {late, stuck}.isdisjoint(_open(ctx, rep)) and {late, stuck} <= _open(ctx, ctx.user_id)


def test_the_command_leaves_out_only_what_the_person_acting_dismissed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "office.sqlite3"
    ctx = open_app(path, clock=make_clock())
    try:
        late = _raise(ctx)["late_order"]
        rep = _rep(ctx)
        dismiss_alerts(UnitOfWork(ctx.database, rep), [late])
        late_text = alert_text(*next((a.kind, a.params) for a in open_alerts(ctx.database, NOW, person=ctx.user_id)
                                     if a.id == late), "en", buddhist=False)
    finally:
        ctx.close()

    def printed(*user: str) -> list[str]:
        assert main(["--lang", "en", "--db", str(path), *user, "alerts"], make_clock()) == 0
        out, err = capsys.readouterr()
        assert err == ""
        return out.splitlines()

    owners = printed()
    assert len(owners) == 9 and any(late_text in line for line in owners)
    reps = printed("--user", "สมชาย")
    assert len(reps) == 8 and not any(late_text in line for line in reps)
