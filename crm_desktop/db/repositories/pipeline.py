"""Opportunities, their stages and stage history, sales targets and frozen forecasts."""

from __future__ import annotations

from sqlalchemy import func, select

from crm_desktop.db.repositories.base import Repository
from crm_desktop.models import ForecastSnapshot, Opportunity, PickList, Stage, StageHistory, Target

# The stages every copy seeds (fixed ids from the key): key, English name, probability %, kind.
# Names are stored in English; the UI shows a translation by key while the name is unchanged.
DEFAULT_STAGES: tuple[tuple[str, str, int, str], ...] = (
    ("prospecting", "Prospecting", 10, "open"),
    ("qualification", "Qualification", 25, "open"),
    ("quotation", "Quotation", 50, "open"),
    ("negotiation", "Negotiation", 75, "open"),
    ("won", "Won", 100, "won"),
    ("lost", "Lost", 0, "lost"),
)

LOSS_REASON_KIND = "loss_reason"


class OpportunityRepository(Repository[Opportunity]):
    model = Opportunity

    def live_count_in_stage(self, stage_id: str) -> int:
        stmt = select(func.count()).select_from(Opportunity).where(
            Opportunity.stage_id == stage_id, Opportunity.deleted_at.is_(None)
        )
        return self.session.scalar(stmt) or 0

    def loss_reason_known(self, value: str) -> bool:
        """True when `value` is a live entry of the "loss_reason" pick list."""
        stmt = select(PickList.id).where(
            PickList.kind == LOSS_REASON_KIND, PickList.value == value, PickList.deleted_at.is_(None)
        ).limit(1)
        return self.session.scalar(stmt) is not None


class StageRepository(Repository[Stage]):
    model = Stage

    def live_ordered(self) -> list[Stage]:
        stmt = select(Stage).where(Stage.deleted_at.is_(None)).order_by(Stage.position, Stage.name)
        return list(self.session.scalars(stmt))

    def max_position(self) -> int:
        stmt = select(func.max(Stage.position)).where(Stage.deleted_at.is_(None))
        return self.session.scalar(stmt) or 0


class StageHistoryRepository(Repository[StageHistory]):
    model = StageHistory


class TargetRepository(Repository[Target]):
    model = Target


class ForecastSnapshotRepository(Repository[ForecastSnapshot]):
    model = ForecastSnapshot

    def kept(self, months: list[str]) -> set[tuple[str, str | None]]:
        """(month, rep) of the forecasts of these months kept already, by any copy, deleted or not."""
        return set(self.session.execute(select(ForecastSnapshot.month, ForecastSnapshot.owner_id)
                                        .where(ForecastSnapshot.month.in_(months))))  # type: ignore[arg-type]
