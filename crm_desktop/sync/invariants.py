"""Rules across rows that an import leaves true, and the repairs of those a merge broke.

Two honest copies can break such a rule together by acting concurrently (the office deletes an empty
stage while a rep, offline, moves a deal into it): each file is right, the merge is not. Refusing
either file would stop those copies from ever syncing again, so an import never refuses a broken
invariant. After its last batch, inside its transaction, every rule is checked on the merged data and
a broken one is repaired by a choice that depends only on the data (the same on every copy that holds
the same changes), written as an ordinary edit: a new change with a fresh clock, so it wins over the
change it undoes and travels to the other copies, which then converge. Each repaired field is listed
on the Sync tab as a conflict with its rule.

- **In use** (`pins_parent` on a link column, models/rules.py: a deal's stage and campaign, a
  lead's campaign): a live row never points at a deleted one; the deleted one is restored.
- **Stage kinds**: the pipeline keeps a live open, won and lost stage; a stage is brought back for
  the missing kind: a deleted stage of that kind, else a stage that is not the last of its own kind
  (the default stage of the missing kind first), given that kind.
- **Owner**: an active owner exists; the owner every copy was installed with is reinstated.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from crm_desktop.db.changelog import encode_value
from crm_desktop.db.repositories.pipeline import DEFAULT_STAGES
from crm_desktop.db.synclog import changes_of_row, deleted_parents_in_use, has_active_owner, stages
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.models import Stage, User, fixed_id, synced_models
from crm_desktop.models.base import SyncMixin
from crm_desktop.models.opportunity import STAGE_KINDS
from crm_desktop.models.rules import rule_of
from crm_desktop.services.app import OWNER_ID

IN_USE = "in_use"
STAGE_KINDS_RULE = "stage_kinds"
OWNER = "owner"
# The default stage that stands for each kind (the first of that kind every copy was installed with).
DEFAULT_OF_KIND = {kind: fixed_id("stage", next(key for key, _n, _p, k in DEFAULT_STAGES if k == kind))
                   for kind in STAGE_KINDS}


@dataclass(frozen=True)
class Pin:
    """A link that keeps its target alive: `child.column` -> `parent` (see models.rules.FieldRule)."""

    child: str
    column: str
    parent: str


@cache
def pins() -> tuple[Pin, ...]:
    return tuple(Pin(name, column.key, next(iter(column.foreign_keys)).column.table.name)
                 for name, model in sorted(synced_models().items()) for column in model.__table__.columns  # type: ignore[attr-defined]
                 if rule_of(column).pins_parent)


class Repairs:
    """The repairs of one import: made through the unit of work (so they are logged), each field's
    repair also kept as a conflict row for the Sync tab."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.conflicts: list[dict[str, Any]] = []
        self.restored: dict[str, list[str]] = {}  # entity -> rows brought back from deleted
        self.updated: dict[str, list[str]] = {}  # entity -> rows otherwise changed

    def run(self) -> None:
        """Check every rule in turn on the data as the repairs before left it; a repair never breaks a
        rule checked before it."""
        for pin in pins():
            self._in_use(pin)
            self._flush()
        self._stage_kinds()
        self._flush()
        self._owner()
        self._flush()

    def _flush(self) -> None:
        """Write (and log) the repairs made so far; their conflicts get the clocks of those changes."""
        self.uow.session.flush()
        for conflict in self.conflicts:
            winner = conflict.pop("row", None)
            if winner is not None:
                conflict.update(winner_hlc=winner.hlc, winner_site=winner.site_id)

    def _in_use(self, pin: Pin) -> None:
        model = synced_models()[pin.parent]
        for row_id in deleted_parents_in_use(self.uow.session.connection(), pin.parent, pin.child, pin.column):
            self._set(model, row_id, {"deleted_at": None}, IN_USE)

    def _stage_kinds(self) -> None:
        found = stages(self.uow.session.connection())
        live = Counter(kind for _id, kind, is_live, _h, _d in found if is_live)
        for kind in STAGE_KINDS:
            if live[kind]:
                continue
            # Not the last live stage of another kind; a stage without deals, deleted, of this kind and
            # the default one first; then the latest changed (a repair must not depend on which copy runs it).
            candidates = [s for s in found if not (s[2] and live[s[1]] == 1)]
            chosen = min(candidates, default=None, key=lambda s: (
                s[4], s[2], s[1] != kind, s[0] != DEFAULT_OF_KIND[kind], -s[3], s[0]))
            if chosen is None:  # fewer than three stages at all: the defaults every copy has are gone
                continue
            stage_id, old_kind, is_live, _hlc, _deals = chosen
            self._set(Stage, stage_id, {"deleted_at": None, "kind": kind}, STAGE_KINDS_RULE)
            live[kind] += 1
            if is_live:
                live[old_kind] -= 1
            found = [(i, kind if i == stage_id else k, True if i == stage_id else v, h, d)
                     for i, k, v, h, d in found]

    def _owner(self) -> None:
        if not has_active_owner(self.uow.session.connection()):
            self._set(User, OWNER_ID, {"deleted_at": None, "active": True, "role": "owner"}, OWNER)

    def _set(self, model: type[SyncMixin], row_id: str, values: dict[str, Any], rule: str) -> None:
        """Give the row these values as an edit of this copy; each field changed becomes a conflict row."""
        row = self.uow.session.get(model, row_id, populate_existing=True)
        if row is None:  # a seeded row every copy has; nothing to repair with otherwise
            return
        changed = {name: value for name, value in values.items() if getattr(row, name) != value}
        if not changed:
            return
        entity = model.__tablename__  # type: ignore[attr-defined]
        for name, value in changed.items():
            loser = self._last_change(row, name)
            setattr(row, name, value)
            self.conflicts.append({
                "entity": entity, "row_id": row_id, "field": name, "rule": rule, "row": row,
                "winner_value": encode_value(value), "winner_user": self.uow.user_id, **loser,
            })
        how = self.restored if "deleted_at" in changed else self.updated
        how.setdefault(entity, []).append(row_id)

    def _last_change(self, row: SyncMixin, name: str) -> dict[str, Any]:
        """The logged change that gave the field the value a repair overrides: the latest one setting
        it, else (a column default is never logged) the row's latest change."""
        logged = changes_of_row(self.uow.session.connection(), row.__tablename__, row.id)  # type: ignore[attr-defined]
        value = getattr(row, name)
        hlc, site, user = (row.hlc, row.site_id, None) if not logged else logged[0][:3]
        for hlc_, site_, user_, fields in logged:
            values = json.loads(fields)
            if name in values:
                value, hlc, site, user = values[name], hlc_, site_, user_
                break
        return {"loser_value": encode_value(value), "loser_hlc": hlc, "loser_site": site, "loser_user": user}
