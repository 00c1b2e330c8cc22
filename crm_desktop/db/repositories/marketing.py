"""Campaigns, and how many live leads and deals still point at one (a campaign in use is kept); segments."""

from __future__ import annotations

from sqlalchemy import func, select

from crm_desktop.db.repositories.base import Repository
from crm_desktop.models import Campaign, Lead, Opportunity, Segment


class CampaignRepository(Repository[Campaign]):
    model = Campaign

    def live(self) -> list[Campaign]:
        return list(self.session.scalars(select(Campaign).where(Campaign.deleted_at.is_(None))))

    def live_lead_count(self, campaign_id: str) -> int:
        stmt = select(func.count()).select_from(Lead).where(Lead.campaign_id == campaign_id, Lead.deleted_at.is_(None))
        return self.session.scalar(stmt) or 0

    def live_deal_count(self, campaign_id: str) -> int:
        stmt = (
            select(func.count())
            .select_from(Opportunity)
            .where(Opportunity.campaign_id == campaign_id, Opportunity.deleted_at.is_(None))
        )
        return self.session.scalar(stmt) or 0


class SegmentRepository(Repository[Segment]):
    model = Segment
