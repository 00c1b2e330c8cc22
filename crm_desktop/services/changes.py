"""What one user action changed, so views refresh just those rows (no global reload).

A service returns one `ChangeSet` per call, however many kinds of record it touched (a lead
conversion: lead, account, contact and deal); the `ui/` action helper stamps who asked on it and
broadcasts it once. Views match its parts on `Entity` members, never on table names spelled by hand,
so a misspelt kind fails where it is written instead of never refreshing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum


class Entity(StrEnum):
    """Every synced kind of record, by its table name (a sync import may report any of them)."""

    ACCOUNT = "account"
    ACTIVITY = "activity"
    ACTIVITY_EXCEPTION = "activity_exception"
    ALERT = "alert"
    ALERT_DISMISSAL = "alert_dismissal"
    ALERT_RULE = "alert_rule"
    ANNIVERSARY = "anniversary"
    CAMPAIGN = "campaign"
    CAMPAIGN_MEMBER = "campaign_member"
    CASE = "case"
    CASE_STATUS_HISTORY = "case_status_history"
    CONSENT_EVENT = "consent_event"
    CONTACT = "contact"
    CONTACT_LINK = "contact_link"
    FORECAST = "forecast_snapshot"
    LEAD = "lead"
    LEAD_SCORING_RULE = "lead_scoring_rule"
    MERGE_LOG = "merge_log"
    OPPORTUNITY = "opportunity"
    OPPORTUNITY_LINE = "opportunity_line"
    PICK_LIST = "pick_list"
    PRODUCT = "product"
    QUOTATION = "quotation"
    QUOTATION_LINE = "quotation_line"
    REMINDER = "reminder"
    SALES_ORDER = "sales_order"
    SALES_ORDER_LINE = "sales_order_line"
    SEGMENT = "segment"
    SEGMENT_MEMBER = "segment_member"
    SETTING = "setting"
    STAGE = "stage"
    STAGE_HISTORY = "stage_history"
    TARGET = "target"
    USER = "user"


@dataclass(frozen=True)
class Changes:
    """One kind of record's part of a change set: the ids created, updated and deleted.

    `entity` may be given as its table name (sync builds it so); an unknown name raises here.
    """

    entity: Entity
    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "entity", Entity(self.entity))

    @property
    def ids(self) -> tuple[str, ...]:
        return self.created + self.updated + self.deleted


def _joined(parts: Iterable[Changes]) -> tuple[Changes, ...]:
    """One part per entity, in the order first met; ids kept once each, in the order given."""
    by_entity: dict[Entity, list[dict[str, None]]] = {}
    for part in parts:
        sets = by_entity.setdefault(part.entity, [{}, {}, {}])
        for ids, found in zip(sets, (part.created, part.updated, part.deleted), strict=True):
            ids.update(dict.fromkeys(found))
    return tuple(Changes(entity, tuple(c), tuple(u), tuple(d)) for entity, (c, u, d) in by_entity.items())


@dataclass(frozen=True)
class ChangeSet:
    """What one user action changed: one part per kind of record touched, and who asked.

    `initiator` is an opaque token (the ui passes the widget that ran the action; services leave it
    None): a view that already showed its own edit skips the broadcast it made. It takes no part in
    equality. A part may hold no ids: the kind was touched as a whole (e.g. an import that wrote
    nothing still names its kind).
    """

    parts: tuple[Changes, ...] = ()
    initiator: object = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "parts", _joined(self.parts))

    def __iter__(self) -> Iterator[Changes]:
        return iter(self.parts)

    def __contains__(self, entity: object) -> bool:
        """Whether the action touched this kind; a name that is no kind raises (a misspelt match
        would otherwise never be true)."""
        kind = Entity(entity)
        return any(part.entity == kind for part in self.parts)

    def __getitem__(self, entity: Entity) -> Changes:
        """That kind's part; an empty one when the action did not touch it."""
        kind = Entity(entity)
        return next((part for part in self.parts if part.entity == kind), Changes(kind))

    def __or__(self, other: ChangeSet) -> ChangeSet:
        """Both actions' changes as one (this one's initiator)."""
        return ChangeSet((*self.parts, *other.parts), self.initiator)

    def touches(self, *entities: Entity) -> bool:
        return any(entity in self for entity in entities)

    @property
    def entities(self) -> tuple[Entity, ...]:
        return tuple(part.entity for part in self.parts)

    @property
    def created(self) -> tuple[str, ...]:
        """Every id created, whatever its kind, the action's own kind first (a view that cares
        about the kind reads its part: `changes[Entity.LEAD].created`)."""
        return tuple(i for part in self.parts for i in part.created)

    @property
    def updated(self) -> tuple[str, ...]:
        return tuple(i for part in self.parts for i in part.updated)

    @property
    def deleted(self) -> tuple[str, ...]:
        return tuple(i for part in self.parts for i in part.deleted)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every id named, whatever its kind (a view checking whether a shown record changed)."""
        return tuple(i for part in self.parts for i in part.ids)

    def by(self, initiator: object) -> ChangeSet:
        return replace(self, initiator=initiator)

    def made_by(self, who: object) -> bool:
        return who is not None and self.initiator is who


def change(entity: Entity, *, created: Iterable[str] = (), updated: Iterable[str] = (),
           deleted: Iterable[str] = ()) -> ChangeSet:
    """The change set of an action that touched one kind of record."""
    return ChangeSet((Changes(entity, tuple(created), tuple(updated), tuple(deleted)),))
