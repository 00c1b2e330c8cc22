"""Read side of leads: the filtered list (keys, then rows), the detail pane with its score explained,
and the scoring rules for the rules editor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, func, select

from crm_desktop import scoring
from crm_desktop.db.database import Database
from crm_desktop.models import Account, Activity, Campaign, Contact, Lead, LeadScoringRule, Opportunity, User
from crm_desktop.queries.accounts import full_name
from crm_desktop.queries.listing import fetch_by_keys, keys_select, list_head, list_keys

TABLE = Lead.__table__


@dataclass(frozen=True)
class LeadFilter:
    text: str = ""
    status: str = ""
    source: str = ""
    owner_id: str = ""
    min_score: int | None = None
    max_score: int | None = None
    campaign_id: str = ""
    created_from: date | None = None  # local dates, both ends included
    created_to: date | None = None
    consent_only: bool = False  # marketing (PDPA): only leads who gave consent


@dataclass(frozen=True)
class LeadRow:
    id: str
    name: str
    company_name: str
    mobile: str
    email: str
    province: str
    source: str
    status: str
    score: int
    owner_name: str
    campaign_name: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class TaskBrief:
    id: str
    subject: str
    due_on: date | None
    done: bool
    owner_name: str


@dataclass(frozen=True)
class LeadDetail:
    id: str
    name: str
    prefix: str
    first_name: str
    last_name: str
    company_name: str
    position: str
    mobile: str
    phone: str
    email: str
    line_id: str
    tax_id: str
    province: str
    interest: str
    budget_satang: int | None
    timeframe: str
    source: str
    campaign_id: str | None
    campaign_name: str
    status: str
    score: int
    disqualify_reason: str
    owner_id: str | None
    owner_name: str
    notes: str
    created_at: datetime
    updated_at: datetime
    converted_account_id: str | None
    converted_account_name: str
    converted_contact_id: str | None
    converted_contact_name: str
    converted_opportunity_id: str | None
    converted_opportunity_name: str
    score_lines: tuple[scoring.ScoreLine, ...]
    tasks: tuple[TaskBrief, ...]
    marketing_consent: bool = False
    consent_on: date | None = None


@dataclass(frozen=True)
class RuleRow:
    id: str
    label: str  # as the owner typed it ("" = none; the explanation then describes the rule)
    field: str
    condition: str
    value: str
    weight: int
    active: bool


SORTS: dict[str, ColumnElement[object]] = {
    "name": Lead.sort_key,
    "company_name": Lead.company_name,
    "mobile": Lead.mobile,
    "email": Lead.email,
    "province": Lead.province,
    "source": Lead.source,
    "status": Lead.status,
    "score": Lead.score,
    "owner_name": User.name,
    "campaign_name": Campaign.name,
    "created_at": Lead.created_at,
    "updated_at": Lead.updated_at,
}


def _utc(d: date) -> datetime:
    """Start of a local calendar day as naive UTC (how times are stored)."""
    return datetime.combine(d, time.min).astimezone(UTC).replace(tzinfo=None)


def conditions(flt: LeadFilter) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = [Lead.deleted_at.is_(None)]
    for value, column in (
        (flt.status, Lead.status),
        (flt.source, Lead.source),
        (flt.owner_id, Lead.owner_id),
        (flt.campaign_id, Lead.campaign_id),
    ):
        if value:
            cond.append(column == value)
    if flt.min_score is not None:
        cond.append(Lead.score >= flt.min_score)
    if flt.max_score is not None:
        cond.append(Lead.score <= flt.max_score)
    if flt.created_from is not None:
        cond.append(Lead.created_at >= _utc(flt.created_from))
    if flt.created_to is not None:
        cond.append(Lead.created_at < _utc(flt.created_to + timedelta(days=1)))
    if flt.consent_only:
        cond.append(Lead.marketing_consent.is_(True))
    return cond


JOINS = {"owner_name": (User, User.id == Lead.owner_id), "campaign_name": (Campaign, Campaign.id == Lead.campaign_id)}


def _keys_select(conn: Connection, flt: LeadFilter, sort: str, descending: bool) -> Select[Any]:
    return keys_select(conn, TABLE, conditions(flt), flt.text, SORTS.get(sort, Lead.created_at), descending,
                       JOINS.get(sort))


def lead_keys(db: Database, flt: LeadFilter, sort: str = "created_at", descending: bool = False) -> list[str]:
    """Ids of every live lead matching `flt`, in display order."""
    return list_keys(db, _keys_select, flt, sort, descending)


def lead_head(db: Database, flt: LeadFilter, sort: str, descending: bool, limit: int) -> tuple[int, list[str]]:
    """How many live leads match `flt`, and the ids of the first `limit` in display order (the list's first
    screen; unfiltered, the count is the live count)."""
    return list_head(db, _keys_select, flt, sort, descending, limit, "lead" if flt == LeadFilter() else None)


_ROW = (
    select(
        Lead.id, Lead.prefix, Lead.first_name, Lead.last_name, Lead.company_name,
        func.coalesce(func.nullif(Lead.mobile, ""), Lead.phone), Lead.email, Lead.province, Lead.source,
        Lead.status, Lead.score, func.coalesce(User.name, ""), func.coalesce(Campaign.name, ""),
        Lead.created_at, Lead.updated_at,
    )
    .select_from(TABLE)
    .outerjoin(User, User.id == Lead.owner_id)
    .outerjoin(Campaign, Campaign.id == Lead.campaign_id)
)


def lead_rows(db: Database, keys: Sequence[str]) -> list[LeadRow]:
    """Rows for `keys`, in the same order; keys of rows deleted meanwhile are skipped."""
    with db.engine.connect() as conn:
        found = fetch_by_keys(conn, _ROW, TABLE, keys)
    out = []
    for k in keys:
        r = found.get(k)
        if r is not None:
            out.append(LeadRow(r[0], full_name(r[1], r[2], r[3]), *r[4:]))
    return out


def scoring_rules(db: Database) -> list[RuleRow]:
    """Every live rule, in the order the score explanation lists them (biggest weight first)."""
    stmt = (
        select(LeadScoringRule.id, LeadScoringRule.label, LeadScoringRule.field, LeadScoringRule.condition,
               LeadScoringRule.value, LeadScoringRule.weight, LeadScoringRule.active)
        .where(LeadScoringRule.deleted_at.is_(None))
        .order_by(LeadScoringRule.weight.desc(), LeadScoringRule.label, LeadScoringRule.id)
    )
    with db.engine.connect() as conn:
        return [RuleRow(*r) for r in conn.execute(stmt)]


def _name_of(conn: Connection, stmt: Select[tuple[str]]) -> str:
    return conn.execute(stmt).scalar() or ""


def lead_detail(db: Database, lead_id: str) -> LeadDetail | None:
    """The detail pane: every field, names of linked records, nurture tasks and the score line by line."""
    rules = [scoring.ScoringRule(r.id, r.label, r.field, r.condition, r.value, r.weight, r.active)
             for r in scoring_rules(db)]
    with db.engine.connect() as conn:
        lead = conn.execute(select(TABLE).where(Lead.id == lead_id)).mappings().first()
        if lead is None or lead["deleted_at"] is not None:
            return None
        owner = _name_of(conn, select(User.name).where(User.id == lead["owner_id"]))
        campaign = _name_of(conn, select(Campaign.name).where(Campaign.id == lead["campaign_id"]))
        account = _name_of(conn, select(Account.name).where(Account.id == lead["converted_account_id"]))
        contact = conn.execute(
            select(Contact.prefix, Contact.first_name, Contact.last_name)
            .where(Contact.id == lead["converted_contact_id"])
        ).first()
        deal = _name_of(conn, select(Opportunity.name).where(Opportunity.id == lead["converted_opportunity_id"]))
        tasks = conn.execute(
            select(Activity.id, Activity.subject, Activity.due_on, Activity.status != "planned",
                   func.coalesce(User.name, ""))
            .outerjoin(User, User.id == func.coalesce(Activity.assignee_id, Activity.owner_id))
            .where(Activity.lead_id == lead_id, Activity.deleted_at.is_(None))
            .order_by(Activity.status != "planned", Activity.due_on.is_(None), Activity.due_on, Activity.subject)
        ).all()
    explained = scoring.score_lead(scoring.lead_values(lead), rules)
    fields = {k: lead[k] for k in LeadDetail.__dataclass_fields__ if k in lead}
    return LeadDetail(
        **fields,
        name=full_name(lead["prefix"], lead["first_name"], lead["last_name"]),
        campaign_name=campaign,
        owner_name=owner,
        converted_account_name=account,
        converted_contact_name=full_name(*contact) if contact is not None else "",
        converted_opportunity_name=deal,
        score_lines=explained.lines,
        tasks=tuple(TaskBrief(*t) for t in tasks),
    )


def lead_count(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(TABLE).where(Lead.deleted_at.is_(None))).scalar() or 0
