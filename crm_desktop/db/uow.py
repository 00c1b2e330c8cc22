"""Unit of work: one session and one transaction per user action.

Leaving the `with` block without `commit()` rolls everything back, so a failed action leaves no
trace. Repositories share the session and never commit themselves.
"""

from __future__ import annotations

from datetime import datetime
from types import TracebackType

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from crm_desktop.db.access import record_refusal, require
from crm_desktop.db.changelog import CONTEXT_KEY, EXPECTED_KEY, ChangeContext
from crm_desktop.db.consent import NOTE_KEY, ConsentNote
from crm_desktop.db.database import Database
from crm_desktop.db.desks import own_changes, restored_elsewhere
from crm_desktop.db.errors import readable
from crm_desktop.db.hlc import SEED_CEILING, SeedClock
from crm_desktop.db.repositories import (
    AccountRepository,
    ActivityRepository,
    AlertDismissalRepository,
    AlertRuleRepository,
    AnniversaryRepository,
    CampaignRepository,
    CaseHistoryRepository,
    CaseRepository,
    ContactLinkRepository,
    ContactRepository,
    ForecastSnapshotRepository,
    LeadRepository,
    OpportunityLineRepository,
    OpportunityRepository,
    PickListRepository,
    ProductRepository,
    QuotationLineRepository,
    QuotationRepository,
    SalesOrderLineRepository,
    SalesOrderRepository,
    ScoringRuleRepository,
    SegmentRepository,
    SettingRepository,
    StageHistoryRepository,
    StageRepository,
    TargetRepository,
    UserRepository,
)
from crm_desktop.errors import RestoredElsewhere, VersionConflict
from crm_desktop.models import Change
from crm_desktop.roles import Action, Refused


class UnitOfWork:
    session: Session
    accounts: AccountRepository
    contacts: ContactRepository
    users: UserRepository
    settings: SettingRepository
    leads: LeadRepository
    scoring_rules: ScoringRuleRepository
    opportunities: OpportunityRepository
    stages: StageRepository
    stage_history: StageHistoryRepository
    targets: TargetRepository
    forecasts: ForecastSnapshotRepository
    pick_lists: PickListRepository
    activities: ActivityRepository
    campaigns: CampaignRepository
    anniversaries: AnniversaryRepository
    products: ProductRepository
    opportunity_lines: OpportunityLineRepository
    quotations: QuotationRepository
    quotation_lines: QuotationLineRepository
    orders: SalesOrderRepository
    order_lines: SalesOrderLineRepository
    contact_links: ContactLinkRepository
    cases: CaseRepository
    case_history: CaseHistoryRepository
    segments: SegmentRepository
    alert_rules: AlertRuleRepository
    alert_dismissals: AlertDismissalRepository

    def __init__(self, database: Database, user_id: str | None, *, seeding: bool = False) -> None:
        """`seeding`: writes the rows every copy creates by itself, with seed clocks (db/hlc.py)."""
        self.database = database
        self.user_id = user_id
        self.seeding = seeding
        self._committed = False
        self._expected: dict[tuple[str, str], int] = {}

    def expecting(self, entity: str, row_id: str, version: int) -> UnitOfWork:
        """Save only if the row is still at `version` (its `hlc` when a form loaded it); otherwise the
        write raises `VersionConflict` and nothing is saved. Checked inside the write's transaction."""
        self._expected[(entity, row_id)] = version
        return self

    def __enter__(self) -> UnitOfWork:
        if restored_elsewhere(self.database):  # its versions and screens describe data that is gone
            raise RestoredElsewhere
        self.session = self.database.sessions()
        clock = self._seed_clock() if self.seeding else self.database.clock
        self.session.info[CONTEXT_KEY] = ChangeContext(clock, self.database.site_id, self.user_id, self.database.time,
                                                       own_changes(self.database))
        self.session.info[EXPECTED_KEY] = dict(self._expected)
        self.accounts = AccountRepository(self.session)
        self.contacts = ContactRepository(self.session)
        self.users = UserRepository(self.session)
        self.settings = SettingRepository(self.session)
        self.leads = LeadRepository(self.session)
        self.scoring_rules = ScoringRuleRepository(self.session)
        self.opportunities = OpportunityRepository(self.session)
        self.stages = StageRepository(self.session)
        self.stage_history = StageHistoryRepository(self.session)
        self.targets = TargetRepository(self.session)
        self.forecasts = ForecastSnapshotRepository(self.session)
        self.pick_lists = PickListRepository(self.session)
        self.activities = ActivityRepository(self.session)
        self.campaigns = CampaignRepository(self.session)
        self.anniversaries = AnniversaryRepository(self.session)
        self.products = ProductRepository(self.session)
        self.opportunity_lines = OpportunityLineRepository(self.session)
        self.quotations = QuotationRepository(self.session)
        self.quotation_lines = QuotationLineRepository(self.session)
        self.orders = SalesOrderRepository(self.session)
        self.order_lines = SalesOrderLineRepository(self.session)
        self.contact_links = ContactLinkRepository(self.session)
        self.cases = CaseRepository(self.session)
        self.case_history = CaseHistoryRepository(self.session)
        self.segments = SegmentRepository(self.session)
        self.alert_rules = AlertRuleRepository(self.session)
        self.alert_dismissals = AlertDismissalRepository(self.session)
        self._committed = False
        return self

    def _seed_clock(self) -> SeedClock:
        change = Change.__table__.c  # the table's columns: every start seeds (ARCHITECTURE.md, Start-up)
        stmt = select(func.max(change.hlc)).where(change.site_id == self.database.site_id, change.hlc < SEED_CEILING)
        return SeedClock(self.session.execute(stmt).scalar() or 0)

    def now(self) -> datetime:
        """The application clock's current moment (naive UTC), for times a service stamps itself."""
        return self.database.time.now()

    def require(self, action: Action) -> None:
        """Refuse an action that is not a row of its own unless the acting person's role allows it
        (rows are checked at flush: db/access.py); call it inside the `with` block."""
        require(self.session, self.user_id, action)

    def note_consent(self, method: str, *, source: str = "", channel: str = "", wording: str = "") -> None:
        """How this unit of work's changes of marketing consent came about, for their history rows
        (db/consent.py); call it inside the `with` block, before the changes are flushed."""
        self.session.info[NOTE_KEY] = ConsentNote(method, source, channel, wording)

    def commit(self) -> None:
        self.session.commit()
        self._committed = True

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self._committed:
            self.session.rollback()
        self.session.close()
        if isinstance(exc, Refused):
            record_refusal(self.database, self.user_id, exc)
        if isinstance(exc, DBAPIError):
            raise readable(exc) from exc
        if isinstance(exc, StaleDataError):  # another writer committed between our read and our write
            raise VersionConflict() from exc
