"""One narrow repository per aggregate (a module each): the only code that builds ORM queries for writes."""

from crm_desktop.db.repositories.accounts import AccountRepository
from crm_desktop.db.repositories.alerts import AlertDismissalRepository, AlertRuleRepository
from crm_desktop.db.repositories.base import Repository
from crm_desktop.db.repositories.contacts import ContactRepository
from crm_desktop.db.repositories.leads import LeadRepository, ScoringRuleRepository
from crm_desktop.db.repositories.lists import ActivityRepository, AnniversaryRepository, PickListRepository
from crm_desktop.db.repositories.marketing import CampaignRepository, SegmentRepository
from crm_desktop.db.repositories.pipeline import (
    ForecastSnapshotRepository,
    OpportunityRepository,
    StageHistoryRepository,
    StageRepository,
    TargetRepository,
)
from crm_desktop.db.repositories.sales import (
    ContactLinkRepository,
    OpportunityLineRepository,
    ProductRepository,
    QuotationLineRepository,
    QuotationRepository,
    SalesOrderLineRepository,
    SalesOrderRepository,
)
from crm_desktop.db.repositories.service import CaseHistoryRepository, CaseRepository
from crm_desktop.db.repositories.users import SettingRepository, UserRepository

__all__ = [
    "AccountRepository",
    "ActivityRepository",
    "AlertDismissalRepository",
    "AlertRuleRepository",
    "AnniversaryRepository",
    "CampaignRepository",
    "CaseHistoryRepository",
    "CaseRepository",
    "ContactLinkRepository",
    "ContactRepository",
    "ForecastSnapshotRepository",
    "LeadRepository",
    "OpportunityLineRepository",
    "OpportunityRepository",
    "PickListRepository",
    "ProductRepository",
    "QuotationLineRepository",
    "QuotationRepository",
    "Repository",
    "SalesOrderLineRepository",
    "SalesOrderRepository",
    "ScoringRuleRepository",
    "SegmentRepository",
    "SettingRepository",
    "StageHistoryRepository",
    "StageRepository",
    "TargetRepository",
    "UserRepository",
]
