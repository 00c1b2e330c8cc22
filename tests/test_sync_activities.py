"""Activities between three copies with fixed codes: one occurrence of a series acted on offline on
every copy (done on one, moved on another, handed over on the third) ends up as one row on every
copy, whatever order the files arrive in, even against the order of their clocks.

Taking an occurrence out of its series writes the whole occurrence (its start, its assignee…) as
that copy's change, so among copies that each took the same occurrence out, the latest one's values
win those fields (the others are listed as conflicts on the Sync tab, to keep if wanted); what only
one copy changed (done and its outcome) survives."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta
from itertools import permutations
from pathlib import Path

import pytest

from crm_desktop.clock import FixedClock, utc_time
from crm_desktop.queries.activities.occurrences import occurrences
from crm_desktop.services.activities.edit import (
    ActivityInput,
    complete_activity,
    create_activity,
    hand_over,
    move_activity,
)
from crm_desktop.services.app import AppContext
from crm_desktop.services.users import UserInput, create_user, set_active
from crm_desktop.sync.files import export_bundle, import_bundle
from tests.sync_helpers import dump, new_copy

OFFICE, REP, BRANCH = "0ff1ce0000000001", "4e70000000000002", "b4a0c40000000003"  # fixed copy codes
MONDAY = datetime(2026, 11, 30, 8, 0)  # office time
TODAY = date(2026, 11, 23)


def conflicts(ctx: AppContext, field: str) -> list[datetime]:
    """The losing values of `field` listed for review on this copy (as UTC times)."""
    with sqlite3.connect(ctx.database.path) as conn:
        rows = conn.execute("SELECT DISTINCT loser_value FROM sync_conflict WHERE entity = 'activity' AND field = ?",
                            (field,)).fetchall()
    return [datetime.fromisoformat(json.loads(r[0])) for r in rows]


def send(src: AppContext, dst: AppContext, path: Path) -> None:
    export_bundle(src.database, path, everything=True, force=True)
    import_bundle(dst.database, dst.user_id, path)


@pytest.fixture
def office_rep_branch(template: Path, tmp_path: Path, clock: FixedClock):
    made = [new_copy(template, tmp_path, name, clock, site=site)
            for name, site in (("office", OFFICE), ("rep", REP), ("branch", BRANCH))]
    yield made
    for ctx in made:
        ctx.close()


@pytest.mark.parametrize("order", list(permutations(range(3))))
def test_one_occurrence_changed_on_three_copies_converges_to_one_row(office_rep_branch, tmp_path: Path,
                                                                     clock: FixedClock, order) -> None:
    office, rep, branch = office_rep_branch
    anna = create_user(office.uow(), UserInput(name="Anna")).created[0]
    series = create_activity(office.uow(), ActivityInput(
        kind="meeting", subject="Weekly visit", starts_at=MONDAY, ends_at=MONDAY + timedelta(hours=1),
        rrule="FREQ=WEEKLY;COUNT=4", remind_minutes=30)).created[0]
    for other in (rep, branch):
        send(office, other, tmp_path / f"start-{other.database.site_id}.zip")
    # Offline, in clock order: the rep marks it done, the branch moves it, the office hands it over.
    complete_activity(rep.uow(), series, "Ordered 20 cases", MONDAY)
    clock.advance(timedelta(minutes=5))
    move_activity(branch.uow(), series, MONDAY + timedelta(hours=2), MONDAY + timedelta(hours=3), MONDAY, "this")
    clock.advance(timedelta(minutes=5))
    hand_over(office.uow(), series, anna, "Anna knows the buyer", MONDAY)
    copies = [rep, branch, office]
    files = []
    for n, ctx in enumerate(copies):
        path = tmp_path / f"offline-{n}.zip"
        export_bundle(ctx.database, path, everything=True)
        files.append((ctx, path))
    for ctx in copies:  # every copy takes the others' files in the same order, against clock order
        for n in order:
            src, path = files[n]
            if src is not ctx:
                import_bundle(ctx.database, ctx.user_id, path)
    assert dump(office) == dump(rep) == dump(branch)
    week = occurrences(office.database, MONDAY.date(), MONDAY.date() + timedelta(days=1))
    assert [(o.starts_at, o.status, o.outcome, o.assignee_id, o.recurring) for o in week] == [
        (MONDAY, "done", "Ordered 20 cases", anna, False)]  # the office's values were the latest
    moved = utc_time(MONDAY + timedelta(hours=2))
    assert all(moved in conflicts(ctx, "starts_at") for ctx in copies)  # the branch's move, there to keep
    assert len(occurrences(rep.database, TODAY, TODAY + timedelta(days=30))) == 4  # the other three stay


def test_a_person_deactivated_on_one_copy_while_given_work_on_another_still_syncs(office_rep_branch,
                                                                                  tmp_path: Path) -> None:
    office, rep, _ = office_rep_branch
    somchai = create_user(office.uow(), UserInput(name="Somchai")).created[0]
    send(office, rep, tmp_path / "1.zip")
    set_active(office.uow(), somchai, False)
    task = create_activity(rep.uow(), ActivityInput(subject="Call the buyer", due_on=TODAY,
                                                    assignee_id=somchai)).created[0]
    send(rep, office, tmp_path / "2.zip")
    send(office, rep, tmp_path / "3.zip")
    assert dump(office) == dump(rep)
    [row] = occurrences(office.database, TODAY, TODAY + timedelta(days=1))
    assert (row.activity_id, row.assignee_id) == (task, somchai)  # kept: history is not rewritten
