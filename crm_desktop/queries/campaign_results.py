"""A campaign's members and responses, and what it earned (ROI): the read side of the Marketing tab.

Apart from `queries/campaigns.py`, which the Leads tab (the first screen) reads: these need the sales
figures' SQL (`queries/reports`), which a start does not load.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, select, union

from crm_desktop.db.database import Database
from crm_desktop.models import (
    Account,
    Campaign,
    CampaignMember,
    Contact,
    Lead,
    Opportunity,
    Product,
    SalesOrder,
    SalesOrderLine,
)
from crm_desktop.models.marketing import RESPONSES
from crm_desktop.queries.reports.margins import costed
from crm_desktop.queries.reports.measure import SOLD, line_cost, line_sales, satang

RESPONSE_KEYS = RESPONSES  # the screens' order of responses
ATTRIBUTION_DAYS = 30  # a member who bought: their orders up to this many days after the campaign's end


@dataclass(frozen=True)
class MemberRow:
    id: str
    contact_id: str | None
    name: str
    nickname: str
    company: str
    email: str
    mobile: str
    status: str
    responded_on: date | None
    consent: bool
    response: str


def _member_sort(sort: str) -> Any:
    return {"status": CampaignMember.status, "responded_on": CampaignMember.responded_on,
            "company": func.coalesce(Account.sort_key, "")}.get(sort, Contact.sort_key)


def _members_where(campaign_id: str, status: str = "") -> list[ColumnElement[bool]]:
    cond = [CampaignMember.campaign_id == campaign_id, CampaignMember.deleted_at.is_(None)]
    if status:
        cond.append(CampaignMember.status == status)
    return cond


def _joined(stmt: Select[Any]) -> Select[Any]:
    return stmt.select_from(CampaignMember).join(Contact, Contact.id == CampaignMember.contact_id).outerjoin(
        Account, and_(Account.id == Contact.account_id, Account.deleted_at.is_(None)))


def member_keys(db: Database, campaign_id: str, status: str = "", sort: str = "name",
                descending: bool = False) -> list[str]:
    """The campaign's live members (with `status`: only those) in the list's order: their ids."""
    key = _member_sort(sort)
    stmt = _joined(select(CampaignMember.id)).where(*_members_where(campaign_id, status))
    stmt = stmt.order_by(key.desc() if descending else key, CampaignMember.id)
    with db.engine.connect() as conn:
        return list(conn.execute(stmt).scalars())


def member_rows(db: Database, ids: Sequence[str]) -> list[MemberRow]:
    """The rows of these members, in the order of `ids` (one deleted meanwhile is left out)."""
    name = func.trim(Contact.prefix + Contact.first_name + " " + Contact.last_name)
    stmt = _joined(select(CampaignMember.id, CampaignMember.contact_id, name, Contact.nickname,
                          func.coalesce(Account.name, ""), Contact.email, Contact.mobile, CampaignMember.status,
                          CampaignMember.responded_on, Contact.marketing_consent, CampaignMember.response))
    with db.engine.connect() as conn:
        found = {r[0]: MemberRow(*r) for r in conn.execute(stmt.where(CampaignMember.id.in_(list(ids))))}
    return [found[i] for i in ids if i in found]


def response_counts(db: Database, campaign_id: str) -> dict[str, int]:
    """How many live members have each response (along the campaign's members-by-response index)."""
    stmt = select(CampaignMember.status, func.count()).where(*_members_where(campaign_id)).group_by(
        CampaignMember.status)
    with db.engine.connect() as conn:
        return dict(conn.execute(stmt).all())


@dataclass(frozen=True)
class CampaignRoi:
    """What a campaign cost and earned. Attributed orders: live sales (confirmed or later) of a deal
    linked to the campaign, and those of members marked "bought" issued from its start to 30 days
    after its end. Margin: each line's sales less its product's cost price; lines without a cost
    price are left out of the margin and counted apart (`uncosted_*`)."""

    budget: int
    cost: int
    members: int
    leads: int
    deals: int
    orders: int
    sales: int  # all attributed sales, before VAT
    costed_sales: int
    cost_of_goods: int
    uncosted_sales: int
    uncosted_lines: int

    @property
    def margin(self) -> int:
        return self.costed_sales - self.cost_of_goods

    @property
    def roi(self) -> float | None:
        """(margin − cost) / cost; None without a cost."""
        return (self.margin - self.cost) / self.cost if self.cost else None


def attributed_orders(campaign: Any, today: date) -> ColumnElement[bool]:
    """The condition on SalesOrder of the orders attributed to `campaign` (a row of Campaign's columns)."""
    deals = select(Opportunity.id).where(Opportunity.campaign_id == campaign.id, Opportunity.deleted_at.is_(None))
    buyers = select(CampaignMember.contact_id).where(CampaignMember.campaign_id == campaign.id,
                                                     CampaignMember.deleted_at.is_(None),
                                                     CampaignMember.status == "bought")
    end = (campaign.ends_on or today) + timedelta(days=ATTRIBUTION_DAYS)
    order = SalesOrder.__table__.alias("attributed")
    window = [order.c.issued_on <= end]
    if campaign.starts_on is not None:
        window.append(order.c.issued_on >= campaign.starts_on)
    found = union(select(order.c.id).where(order.c.opportunity_id.in_(deals)),
                  select(order.c.id).where(order.c.contact_id.in_(buyers), *window))  # each along its index
    return and_(SalesOrder.deleted_at.is_(None), SalesOrder.status.in_(SOLD), SalesOrder.id.in_(found))


def campaign_roi(db: Database, campaign_id: str, today: date) -> CampaignRoi:
    with db.engine.connect() as conn:
        campaign = conn.execute(select(Campaign.id, Campaign.starts_on, Campaign.ends_on, Campaign.cost_satang,
                                       Campaign.budget_satang).where(Campaign.id == campaign_id)).one()
        members = conn.execute(select(func.count()).where(*_members_where(campaign_id))).scalar() or 0
        leads = conn.execute(select(func.count()).select_from(Lead).where(
            Lead.campaign_id == campaign_id, Lead.deleted_at.is_(None))).scalar() or 0
        deals = conn.execute(select(func.count()).select_from(Opportunity).where(
            Opportunity.campaign_id == campaign_id, Opportunity.deleted_at.is_(None))).scalar() or 0
        orders = conn.execute(select(func.count()).select_from(SalesOrder).where(
            attributed_orders(campaign, today))).scalar() or 0
        has_cost = costed()
        sales, costed_sales, cogs, uncosted = conn.execute(
            select(func.sum(line_sales()), func.sum(case((has_cost, line_sales()), else_=0.0)),
                   func.sum(case((has_cost, line_cost()), else_=0.0)), func.sum(case((has_cost, 0), else_=1)))
            .select_from(SalesOrder).join(SalesOrderLine, and_(SalesOrderLine.order_id == SalesOrder.id,
                                                               SalesOrderLine.deleted_at.is_(None)))
            .outerjoin(Product, Product.id == SalesOrderLine.product_id)
            .where(attributed_orders(campaign, today))).one()
    return CampaignRoi(campaign.budget_satang, campaign.cost_satang, members, leads, deals, orders, satang(sales),
                       satang(costed_sales), satang(cogs), satang(sales) - satang(costed_sales), int(uncosted or 0))
