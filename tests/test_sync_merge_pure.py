"""The sync merge (sync/merge.py) without a database: three copies edit offline, and whatever order
and whatever files their changes arrive in, a receiver ends with the same rows.

`Store` plays the database the way sync/apply.py and db/writer.py do: rows by key, the log by
(site, clock), the rows waiting. Clocks and wall times differ: copy B's wall clock is two hours
behind, so time order is not clock order, and the copies' clocks may tie (the site id decides).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.db.changelog import encode_fields
from crm_desktop.db.hlc import SEED_CEILING
from crm_desktop.sync.merge import Entity, Key, Logged, Merge, conflict
from crm_desktop.sync.records import ChangeRecord

SITES = ("A1", "B2", "C3")
SKEW = {"A1": timedelta(0), "B2": timedelta(hours=-2), "C3": timedelta(minutes=7)}  # the copies' wall clocks
START = datetime(2026, 12, 7, 9, 0)


def _decode(_name: str, text: str | None) -> Any:
    return None if text is None else json.loads(text)


ENTITIES = {
    "account": Entity(("name",), (), _decode),
    "deal": Entity(("title",), (("account_id", "account"),), _decode),
}
FIELDS = {"account": ("name", "note", "deleted_at"), "deal": ("title", "account_id", "amount", "deleted_at")}
IDS = {"account": ("a0", "a1", "a2"), "deal": ("d0", "d1")}
VALUES = ("ร้านกาแฟ", "Lanna", "Siam", None)


@dataclass(frozen=True)
class Change:
    """A change as made on a copy; `record()` makes the ChangeRecord anew (the merge may fill its dict)."""

    entity: str
    row_id: str
    hlc: int
    site: str
    base: int
    at: str
    fields: tuple[tuple[str, Any], ...]

    def record(self) -> ChangeRecord:
        fields = dict(self.fields)
        return ChangeRecord(self.entity, self.row_id, self.hlc, self.site, self.base, None, self.at, fields,
                            encode_fields(fields))


def stamp(site: str, hlc: int) -> str:
    """The wall time copy `site` writes with a change of clock `hlc`."""
    return (START + SKEW[site] + timedelta(seconds=hlc % 100_000)).isoformat(" ", "microseconds")


@dataclass
class Store:
    """A receiving copy's rows, log and waiting rows, written as db/writer.py writes them."""

    rows: dict[Key, dict[str, Any]] = field(default_factory=dict)
    log: dict[tuple[str, int], Logged] = field(default_factory=dict)
    waiting: set[Key] = field(default_factory=set)
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def apply(self, changes: list[Change]) -> None:
        """One import of `changes`; as sync/apply.py, changes the log holds are skipped."""
        records = [c.record() for c in changes if (c.site, c.hlc) not in self.log]
        if not records and not self.waiting:
            return
        merge = Merge(ENTITIES, records, self.waiting)
        for entity, ids in merge.ids().items():
            merge.know_current(entity, {i: (r["hlc"], r["site_id"], r.get("deleted_at")) for i in ids
                                        if (r := self.rows.get((entity, i))) is not None})
        wanted = merge.history_wanted()
        merge.know_logged([c for c in self.log.values() if (c[0], c[1]) in wanted], wanted)
        for r in records:
            self.log[(r.site_id, r.hlc)] = (r.entity, r.row_id, r.hlc, r.site_id, r.base_hlc, r.user_id,
                                            r.changed_at, r.log)
        plan = merge.decide(lambda table, ids: {i for i in ids if (table, i) in self.rows})
        for entity, rows in plan.inserts.items():
            for row_id, values in rows.items():
                self.rows[(entity, row_id)] = dict(values)
        for entity, rows in plan.updates.items():
            for row_id, values in rows.items():
                self.rows[(entity, row_id)].update(values)
        for entity, ids in plan.recreated.items():
            for row_id in ids:
                first = min(c for c in self.log.values() if c[:2] == (entity, row_id))  # by clock, then site
                self.rows[(entity, row_id)]["created_at"] = first[6]
        self.waiting = plan.waiting
        self.conflicts += plan.conflicts

    def state(self) -> tuple[dict[Key, dict[str, Any]], set[Key]]:
        """The rows (a field never set reads as empty, as a NULL column does) and the rows waiting."""
        return {k: {n: v for n, v in r.items() if v is not None} for k, r in self.rows.items()}, set(self.waiting)


def conflict_set(store: Store) -> set[tuple[Any, ...]]:
    return {tuple(sorted(c.items())) for c in store.conflicts}


@st.composite
def histories(draw: st.DrawFn) -> list[Change]:
    """Three copies creating, editing and deleting rows, and passing changes to each other now and then.

    Each copy keeps its own clock (beyond every clock it has seen) and the version it holds of each
    row (the base of its next change of it); an id no copy has shown it yet is created anew, as two
    copies creating a fixed id do."""
    made: list[Change] = []
    seen: dict[str, set[int]] = {s: set() for s in SITES}  # indexes into `made`
    clock = dict.fromkeys(SITES, SEED_CEILING)
    for _ in range(draw(st.integers(1, 14))):
        site = draw(st.sampled_from(SITES))
        if draw(st.integers(0, 4)) == 0:  # a file from another copy: everything it has seen
            other = draw(st.sampled_from(SITES))
            seen[site] |= seen[other]
            clock[site] = max(clock[site], clock[other])
            continue
        entity = draw(st.sampled_from(sorted(IDS)))
        row_id = draw(st.sampled_from(IDS[entity]))
        known = [made[i] for i in seen[site] if made[i].row_id == row_id]
        base = max((c.hlc for c in known), default=0)
        clock[site] += draw(st.integers(1, 3))  # copies' clocks may tie: the site id orders them
        hlc = clock[site]
        if base == 0:
            names = draw(st.sets(st.sampled_from(FIELDS[entity][1:-1]), max_size=2))
            fields = {ENTITIES[entity].required[0]: draw(st.sampled_from(VALUES[:-1]))}
        else:
            names = draw(st.sets(st.sampled_from(FIELDS[entity]), min_size=1, max_size=2))
            fields = {}
        for name in sorted(names):
            fields[name] = _value(draw, site, entity, name, hlc, seen, made)
        made.append(Change(entity, row_id, hlc, site, base, stamp(site, hlc), tuple(fields.items())))
        seen[site].add(len(made) - 1)
    return made


def _value(draw: st.DrawFn, site: str, entity: str, name: str, hlc: int, seen: dict[str, set[int]],
           made: list[Change]) -> Any:
    if name == "deleted_at":
        return draw(st.sampled_from((stamp(site, hlc), None)))
    if name == "account_id":  # an account this copy knows (a receiver may not have it yet: the deal waits)
        known = sorted({made[i].row_id for i in seen[site] if made[i].entity == "account"})
        return draw(st.sampled_from(known)) if known else None
    if name == "amount":
        return draw(st.integers(0, 3))
    value = draw(st.sampled_from(VALUES))
    return value if value is not None or name not in ("name", "title") else "x"


@st.composite
def arrivals(draw: st.DrawFn, changes: list[Change]) -> list[list[Change]]:
    """The changes in any order, cut into any number of files."""
    order = draw(st.permutations(changes))
    files: list[list[Change]] = [[]]
    for change in order:
        if files[-1] and draw(st.booleans()):
            files.append([])
        files[-1].append(change)
    return files


def received(files: list[list[Change]], store: Store | None = None) -> Store:
    store = store or Store()
    for changes in files:
        store.apply(changes)
    return store


def in_clock_order(changes: list[Change]) -> list[list[Change]]:
    return [sorted(changes, key=lambda c: (c.hlc, c.site))]


@settings(max_examples=150, deadline=None)
@given(data=st.data(), changes=histories())
def test_any_arrival_order_and_any_split_gives_the_same_rows(data: st.DataObject, changes: list[Change]) -> None:
    expected = received(in_clock_order(changes)).state()
    assert received(data.draw(arrivals(changes))).state() == expected


@settings(max_examples=100, deadline=None)
@given(data=st.data(), changes=histories())
def test_every_row_holds_the_latest_value_of_each_field_and_its_first_time(data: st.DataObject,
                                                                          changes: list[Change]) -> None:
    """The rule itself, not just agreement: last writer wins per field by (clock, site), and a row is
    created when its first change in clock order was made (not at the earliest wall time)."""
    rows, waiting = received(data.draw(arrivals(changes))).state()
    for (entity, row_id), row in rows.items():
        mine = sorted((c for c in changes if (c.entity, c.row_id) == (entity, row_id)), key=lambda c: (c.hlc, c.site))
        latest: dict[str, Any] = {}
        for change in mine:
            latest.update(change.fields)
        assert {n: v for n, v in latest.items() if v is not None} == {n: row[n] for n in FIELDS[entity] if n in row}
        assert (row["hlc"], row["site_id"], row["updated_at"]) == (mine[-1].hlc, mine[-1].site, mine[-1].at)
        assert row["created_at"] == mine[0].at
    assert rows.keys() == {(c.entity, c.row_id) for c in changes} and not waiting  # every parent arrived


@settings(max_examples=100, deadline=None)
@given(data=st.data(), changes=histories())
def test_applying_the_same_changes_again_changes_nothing(data: st.DataObject, changes: list[Change]) -> None:
    """Idempotent: some of the changes (rows may wait for a parent), then the same again in any order
    and files. (The log check makes it so: a change merged against itself could be taken for a
    concurrent version of a copy whose clock ties with it.)"""
    files = data.draw(arrivals(changes))
    store = received(files[:data.draw(st.integers(1, len(files)))])
    before, conflicts, log = store.state(), conflict_set(store), list(store.log.values())
    received(data.draw(arrivals([c for c in changes if (c.site, c.hlc) in store.log])), store)
    assert (store.state(), conflict_set(store), list(store.log.values())) == (before, conflicts, log)


@settings(max_examples=100, deadline=None)
@given(data=st.data(), changes=histories())
def test_every_conflict_names_two_versions_written_without_seeing_each_other(data: st.DataObject,
                                                                             changes: list[Change]) -> None:
    by_clock = {(c.site, c.hlc): c for c in changes}
    for c in received(data.draw(arrivals(changes))).conflicts:
        winner, loser = by_clock[(c["winner_site"], c["winner_hlc"])], by_clock[(c["loser_site"], c["loser_hlc"])]
        assert (winner.hlc, winner.site) > (loser.hlc, loser.site) and winner.site != loser.site
        assert winner.base < loser.hlc and c["winner_value"] != c["loser_value"]


# --- two copies, one field, from the same version: the conflict whatever the order ----------------

CREATED = Change("account", "a0", SEED_CEILING + 1, "A1", 0, stamp("A1", 1), (("name", "Siam"),))


@settings(max_examples=50, deadline=None)
@given(clocks=st.lists(st.integers(2, 9), min_size=2, max_size=2),
       values=st.lists(st.sampled_from(VALUES[:-1]), min_size=2, max_size=2),
       sites=st.permutations(SITES).map(lambda s: s[:2]))
def test_two_concurrent_edits_give_the_same_conflict_in_either_order(clocks: list[int], values: list[str],
                                                                    sites: list[str]) -> None:
    """Each edit in its own file, on a receiver that holds the row they were both made on.

    (Not a property of any set of changes: a conflict is found between an arriving version and the
    one the receiver holds, so versions arriving in one file are not compared with each other, and
    with three concurrent versions which pairs are compared depends on the order.)"""
    edits = [Change("account", "a0", SEED_CEILING + h, s, CREATED.hlc, stamp(s, h), (("name", v),))
             for h, s, v in zip(clocks, sites, values, strict=True)]
    found = []
    for order in (edits, edits[::-1]):
        store = received([[CREATED], *([e] for e in order)])
        found.append((store.state(), conflict_set(store)))
    assert found[0] == found[1]
    win, lose = sorted(edits, key=lambda e: (e.hlc, e.site), reverse=True)
    assert len(found[0][1]) == (values[0] != values[1])
    assert found[0][0][0][("account", "a0")]["name"] == dict(win.fields)["name"]
    assert all(dict(c)["winner_hlc"] == win.hlc and dict(c)["loser_hlc"] == lose.hlc for c in found[0][1])


# --- a tombstone against an edit ------------------------------------------------------------------


@settings(max_examples=75, deadline=None)
@given(data=st.data(), deleted=st.integers(2, 9), edited=st.integers(2, 9),
       sites=st.permutations(SITES).map(lambda s: s[:2]), holds_row=st.booleans())
def test_a_deletion_and_a_concurrent_edit_both_land(data: st.DataObject, deleted: int, edited: int,
                                                   sites: list[str], holds_row: bool) -> None:
    """One copy deletes the row while another edits a field of it: the row ends deleted and edited,
    whichever order, on every receiver, and no conflict (they changed different fields)."""
    at = stamp(sites[0], deleted)
    tomb = Change("account", "a0", SEED_CEILING + deleted, sites[0], CREATED.hlc, at, (("deleted_at", at),))
    edit = Change("account", "a0", SEED_CEILING + edited, sites[1], CREATED.hlc, stamp(sites[1], edited),
                  (("note", "Lanna"),))
    store = received([[CREATED]]) if holds_row else Store()
    changes = [tomb, edit] if holds_row else [CREATED, tomb, edit]
    received(data.draw(arrivals(changes)), store)
    row = store.state()[0][("account", "a0")]
    assert (row["deleted_at"], row["note"], row["name"]) == (at, "Lanna", "Siam")
    assert store.conflicts == []


# --- seeded defaults --------------------------------------------------------------------------------


@settings(max_examples=75, deadline=None)
@given(data=st.data(), seeds=st.lists(st.tuples(st.integers(1, 50), st.sampled_from(VALUES[:-1])),
                                      min_size=1, max_size=3),
       edit=st.tuples(st.integers(0, 5), st.sampled_from(VALUES[:-1]), st.sampled_from(SITES)))
def test_a_seed_clock_never_wins_over_or_conflicts_with_a_real_edit(
        data: st.DataObject, seeds: list[tuple[int, str]], edit: tuple[int, str, str]) -> None:
    """Every copy seeds the same fixed row with clocks below SEED_CEILING (values may differ between
    versions); a real edit, even one made without seeing any seed, wins the field and names no seed
    in a conflict, whatever the order."""
    seeded = [Change("account", "a0", hlc, site, 0, stamp(site, hlc), (("name", value),))
              for (hlc, value), site in zip(seeds, SITES, strict=False)]
    clock, value, site = edit
    real = Change("account", "a0", SEED_CEILING + clock, site, 0, stamp(site, clock), (("name", value),))
    store = received(data.draw(arrivals([*seeded, real])))
    row = store.state()[0][("account", "a0")]
    assert (row["name"], row["hlc"]) == (value, real.hlc)
    assert store.conflicts == []


def test_a_seed_version_never_conflicts() -> None:
    """The rule itself: a seeded loser is no conflict, a real one is."""
    from crm_desktop.sync.merge import Version

    seed = Version(5, "A1", 0, None, '"Siam"', stamp("A1", 5), False)
    real = Version(SEED_CEILING + 1, "B2", 0, None, '"Lanna"', stamp("B2", 1), True)
    assert conflict(seed, real) is None
    assert conflict(Version(SEED_CEILING, "A1", 0, None, '"Siam"', stamp("A1", 0), False), real) is not None
