"""All entities, imported here so the metadata is complete wherever models are used.

The modules that map classes do without `from __future__ import annotations`: SQLAlchemy would
evaluate each of their 550 `Mapped[...]` annotations from its text, 20 ms of every start."""

from crm_desktop.models.account import Account
from crm_desktop.models.activity import Activity, ActivityException, Anniversary, Reminder
from crm_desktop.models.base import Base, SyncMixin, fixed_id, new_id, new_ids
from crm_desktop.models.consent import ConsentEvent
from crm_desktop.models.contact import Contact, ContactLink
from crm_desktop.models.lead import Lead, LeadScoringRule
from crm_desktop.models.login import Credential, SecurityEvent
from crm_desktop.models.marketing import Campaign, CampaignMember, Segment, SegmentMember
from crm_desktop.models.opportunity import Opportunity, Stage, StageHistory
from crm_desktop.models.planning import Alert, AlertDismissal, AlertRule, ForecastSnapshot, Target
from crm_desktop.models.sales import (
    OpportunityLine,
    Product,
    Quotation,
    QuotationLine,
    SalesOrder,
    SalesOrderLine,
)
from crm_desktop.models.service import Case, CaseStatusHistory
from crm_desktop.models.sync import SyncConflict, SyncExchange, SyncPeer, SyncPending
from crm_desktop.models.system import Change, LiveCount, LocalState, PickList, Setting
from crm_desktop.models.user import User


def synced_models() -> dict[str, type[SyncMixin]]:
    """Every entity the change log records, by table name (a change's `entity`)."""
    return {m.class_.__tablename__: m.class_ for m in Base.registry.mappers if issubclass(m.class_, SyncMixin)}


__all__ = [
    "Account", "Activity", "ActivityException", "Alert", "AlertDismissal", "AlertRule", "Anniversary", "Base",
    "Campaign", "CampaignMember", "Case", "CaseStatusHistory", "Change", "ConsentEvent", "Contact", "ContactLink",
    "Credential",
    "ForecastSnapshot", "Lead",
    "LeadScoringRule", "LiveCount", "LocalState", "Opportunity", "OpportunityLine", "PickList", "Product", "Quotation",
    "QuotationLine", "Reminder", "SalesOrder", "SalesOrderLine", "SecurityEvent", "Segment", "SegmentMember",
    "Setting", "Stage", "StageHistory",
    "SyncConflict", "SyncExchange", "SyncMixin", "SyncPeer", "SyncPending", "Target", "User", "fixed_id", "new_id",
    "new_ids", "synced_models",
]
