"""Use cases for leads: capture and edit (score kept current), the lead flow.

Flow: new → contacted → qualified (handed to a rep) or disqualified (with a reason from the
editable list); a disqualified lead can be reopened; a qualified lead is converted by
`services.convert`. Every save recomputes the lead's score with the live scoring rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from operator import attrgetter
from typing import Any

from sqlalchemy import select

from crm_desktop import scoring
from crm_desktop.db.spelling import json_text
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.models import Change, Lead, User
from crm_desktop.models.rules import rule_of
from crm_desktop.services import picklists, records, validation
from crm_desktop.services.accounts import normalize_tags
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.consent import ConsentSaid, consent_values, note_form
from crm_desktop.services.scoring import score_of

ENTITY = Entity.LEAD
REP_ROLES = ("sales", "manager")
TIMEFRAMES = scoring.TIMEFRAMES

# Status -> the statuses a lead may move to from it (conversion is services.convert's job).
TRANSITIONS: dict[str, frozenset[str]] = {
    "new": frozenset({"contacted", "qualified", "disqualified"}),
    "contacted": frozenset({"qualified", "disqualified"}),
    "qualified": frozenset({"disqualified", "converted"}),
    "disqualified": frozenset({"new"}),
    "converted": frozenset(),
}


@dataclass
class LeadInput:
    """What the lead form holds, as typed; the budget is already satang (the form parses money)."""

    first_name: str = ""
    prefix: str = ""
    last_name: str = ""
    company_name: str = ""
    position: str = ""
    mobile: str = ""
    phone: str = ""
    email: str = ""
    line_id: str = ""
    tax_id: str = ""
    province: str = ""
    interest: str = ""
    budget_satang: int | None = None
    timeframe: str = ""
    source: str = ""
    campaign_id: str | None = None
    owner_id: str | None = None
    notes: str = ""
    marketing_consent: bool = False
    consent_on: date | None = None


def clean_lead(uow: UnitOfWork, data: LeadInput, current: Lead | None) -> dict[str, Any]:
    """The lead's column values, validated and normalized (`current`: the lead being edited, whose
    source and campaign may stay though no longer on offer); commits nothing (the form and the import
    share it)."""
    v = validation
    first = v.column_text(data.first_name, Lead.first_name)
    company = v.column_text(data.company_name, Lead.company_name)
    if not first and not company:
        raise ValidationError("first_name", "Enter the person's name or the company name.")
    budget = data.budget_satang
    if budget is not None and not rule_of(Lead.budget_satang).allows_number(budget):
        raise ValidationError("budget_satang", "A budget cannot be negative.")
    if data.timeframe not in ("", *TIMEFRAMES):
        raise ValidationError("timeframe", "Unknown timeframe {value}.", value=data.timeframe)
    source = v.column_text(data.source, Lead.source)
    kept = current is not None and current.source == source
    if source and not kept and source not in picklists.live_values(uow, picklists.LEAD_SOURCE):
        raise ValidationError("source", "Unknown lead source {value}.", value=source)
    campaign_kept = current is not None and current.campaign_id == data.campaign_id
    if data.campaign_id and not campaign_kept and uow.campaigns.get(data.campaign_id) is None:
        raise ValidationError("campaign_id", "The chosen campaign no longer exists.")
    if data.owner_id and uow.users.get(data.owner_id) is None:
        raise ValidationError("owner_id", "The chosen owner no longer exists.")
    return {
        "prefix": v.column_text(data.prefix, Lead.prefix),
        "first_name": first,
        "last_name": v.column_text(data.last_name, Lead.last_name),
        "company_name": company,
        "position": v.column_text(data.position, Lead.position),
        "mobile": v.phone(data.mobile, "mobile", mobile_only=True),
        "phone": v.phone(data.phone),
        "email": v.email(data.email),
        "line_id": v.column_text(data.line_id.strip().lstrip("@"), Lead.line_id),
        "tax_id": v.tax_id(data.tax_id),
        "province": v.province(data.province),
        "interest": v.column_text(normalize_tags(data.interest), Lead.interest),
        "budget_satang": budget,
        "timeframe": data.timeframe,
        "source": source,
        "campaign_id": data.campaign_id or None,
        "owner_id": data.owner_id or None,
        "notes": v.column_text(data.notes, Lead.notes),
        **consent_values(data.marketing_consent, data.consent_on, uow.database.time.today()),
    }


def live_lead(uow: UnitOfWork, lead_id: str) -> Lead:
    lead = uow.leads.get(lead_id)
    if lead is None:
        raise NotFound("The lead was deleted by someone else. Refresh the list.")
    return lead


def create_lead(uow: UnitOfWork, data: LeadInput, said: ConsentSaid | None = None) -> ChangeSet:
    """`said`: how the person gave consent, for its history, when the form asked."""
    with uow:
        note_form(uow, said)
        values = clean_lead(uow, data, None)
        lead = uow.leads.add(Lead(**values, status="new", score=score_of(uow, values)))
        uow.commit()
    return change(ENTITY, created=(lead.id,))


def update_lead(uow: UnitOfWork, lead_id: str, data: LeadInput, said: ConsentSaid | None = None) -> ChangeSet:
    with uow:
        note_form(uow, said)
        lead = live_lead(uow, lead_id)
        values = clean_lead(uow, data, lead)
        for key, value in values.items():
            setattr(lead, key, value)
        lead.score = score_of(uow, values)
        uow.commit()
    return change(ENTITY, updated=(lead_id,))


def lead_input(uow: UnitOfWork, lead_id: str) -> LeadInput:
    """The stored lead as form input, for the edit dialog."""
    with uow:
        lead = live_lead(uow, lead_id)
        values = {f.name: getattr(lead, f.name) for f in fields(LeadInput)}
    return LeadInput(**values)


def delete_leads(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.soft_delete(uow, attrgetter("leads"), ENTITY, ids)


def restore_leads(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.restore(uow, attrgetter("leads"), ENTITY, ids)


# --- Flow ------------------------------------------------------------------------------------

_REFUSED = {
    "contacted": "Only a new lead can be marked as contacted.",
    "qualified": "Only a new or contacted lead can be qualified.",
    "disqualified": "Only a new, contacted or qualified lead can be disqualified.",
    "new": "Only a disqualified lead can be reopened.",
    "converted": "Only a qualified lead can be converted.",
}


def check_transition(lead: Lead, target: str) -> None:
    """Raise a readable error unless the lead may move to `target` from its status."""
    if target not in TRANSITIONS.get(lead.status, frozenset()):
        if lead.status == "converted":
            raise DomainError("This lead was already converted; work on its account, contact or deal instead.")
        raise DomainError(_REFUSED[target])


def mark_contacted(uow: UnitOfWork, lead_id: str) -> ChangeSet:
    with uow:
        lead = live_lead(uow, lead_id)
        check_transition(lead, "contacted")
        lead.status = "contacted"
        uow.commit()
    return change(ENTITY, updated=(lead_id,))


def _reps(uow: UnitOfWork) -> list[User]:
    stmt = (
        select(User)
        .where(User.deleted_at.is_(None), User.active.is_(True), User.role.in_(REP_ROLES))
        .order_by(User.name, User.id)
    )
    return list(uow.session.scalars(stmt))


def _last_qualified_owner(uow: UnitOfWork) -> User | None:
    """The rep of the lead most recently qualified, from the change log (newest change first)."""
    stmt = (
        select(Lead.owner_id)
        .select_from(Change)
        .join(Lead, Lead.id == Change.row_id)
        .where(Change.entity == ENTITY, json_text(Change.fields, "status") == "qualified",
               Lead.owner_id.is_not(None))
        .order_by(Change.seq.desc())
        .limit(1)
    )
    owner_id = uow.session.scalar(stmt)
    return None if owner_id is None else uow.session.get(User, owner_id)


def next_rep(uow: UnitOfWork) -> User:
    """Round-robin: the active sales rep or manager after the one who got the last qualified lead.

    Reps are taken in name order; "after" a rep who has since left means after where their
    name would be. Derived from the data, so every user on the copy gets the same answer.
    """
    reps = _reps(uow)
    if not reps:
        raise DomainError("There is no active sales rep or manager to hand the lead to.")
    last = _last_qualified_owner(uow)
    if last is None:
        return reps[0]
    key = (last.name, last.id)
    return next((rep for rep in reps if (rep.name, rep.id) > key), reps[0])


def qualify(uow: UnitOfWork, lead_id: str, owner_id: str | None) -> ChangeSet:
    """Qualify a lead and hand it to `owner_id`, or to the next rep in turn when None."""
    with uow:
        lead = live_lead(uow, lead_id)
        check_transition(lead, "qualified")
        if owner_id is None:
            owner = next_rep(uow)
        else:
            found = uow.users.get(owner_id)
            if found is None or not found.active:
                raise ValidationError("owner_id", "The chosen owner no longer exists.")
            owner = found
        lead.owner_id = owner.id
        lead.status = "qualified"
        lead.disqualify_reason = ""
        uow.commit()
    return change(ENTITY, updated=(lead_id,))


def disqualify(uow: UnitOfWork, lead_id: str, reason: str) -> ChangeSet:
    """Disqualify a lead; the reason is required and must be one of the list's reasons."""
    with uow:
        lead = live_lead(uow, lead_id)
        check_transition(lead, "disqualified")
        text = reason.strip()
        if not text:
            raise ValidationError("reason", "Choose why the lead is disqualified.")
        if text not in picklists.live_values(uow, picklists.DISQUALIFY_REASON):
            raise ValidationError("reason", "{value} is not one of the disqualify reasons.", value=text)
        lead.status = "disqualified"
        lead.disqualify_reason = text
        uow.commit()
    return change(ENTITY, updated=(lead_id,))


def reopen(uow: UnitOfWork, lead_id: str) -> ChangeSet:
    """Bring a disqualified lead back as new (its reason is cleared)."""
    with uow:
        lead = live_lead(uow, lead_id)
        check_transition(lead, "new")
        lead.status = "new"
        lead.disqualify_reason = ""
        uow.commit()
    return change(ENTITY, updated=(lead_id,))
