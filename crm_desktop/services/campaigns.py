"""Marketing campaigns that leads (and the deals made from them) are attributed to.

A campaign still linked to a live lead or deal cannot be deleted: clearing the links would silently
lose the attribution that tells the owner what a campaign brought in. A finished campaign is marked
"done" instead; a deleted one comes back with Undo.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.merge_fields import fields_in
from crm_desktop.models import Campaign
from crm_desktop.models.marketing import CAMPAIGN_STATUSES
from crm_desktop.services import validation
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.opportunities import amount

ENTITY = Entity.CAMPAIGN


@dataclass
class CampaignInput:
    """What the campaign form holds; the cost is already satang (the form parses money)."""

    name: str = ""
    channel: str = ""  # a lead-source key ("facebook", "trade_show"…) or free text
    status: str = "planned"
    starts_on: date | None = None
    ends_on: date | None = None
    cost_satang: int = 0  # the actual cost so far
    notes: str = ""
    budget_satang: int = 0
    template_subject: str = ""  # the mail merge's ({ชื่อ}, {ชื่อเล่น}, {บริษัท}…; crm_desktop/merge_fields.py)
    template_body: str = ""


def _check_name_free(uow: UnitOfWork, name: str, campaign_id: str | None) -> None:
    """Names are unique among live campaigns, ignoring case, so the picker never shows two alike."""
    for other in uow.campaigns.live():
        if other.id != campaign_id and other.name.casefold() == name.casefold():
            raise ValidationError("name", "There is already a campaign named {name}.", name=other.name)


def _clean(uow: UnitOfWork, data: CampaignInput, campaign_id: str | None) -> dict[str, Any]:
    name = validation.column_text(data.name, Campaign.name)
    _check_name_free(uow, name, campaign_id)
    if data.status not in CAMPAIGN_STATUSES:
        raise ValidationError("status", "A campaign is planned, active or done.")
    if data.starts_on is not None and data.ends_on is not None and data.ends_on < data.starts_on:
        raise ValidationError("ends_on", "A campaign cannot end before it starts.")
    return {
        "name": name,
        "channel": validation.column_text(data.channel, Campaign.channel),
        "status": data.status,
        "starts_on": data.starts_on,
        "ends_on": data.ends_on,
        "cost_satang": amount(data.cost_satang, "cost_satang"),
        "notes": validation.column_text(data.notes, Campaign.notes),
        "budget_satang": amount(data.budget_satang, "budget_satang"),
        "template_subject": _template(data.template_subject, Campaign.template_subject, "template_subject"),
        "template_body": _template(data.template_body, Campaign.template_body, "template_body"),
    }


def _template(text: str, column: Any, key: str) -> str:
    """A template as typed, its fields checked (an unknown one is named in the message)."""
    text = validation.column_text(text, column, key)
    fields_in(text, key)
    return text


def _live(uow: UnitOfWork, campaign_id: str) -> Campaign:
    campaign = uow.campaigns.get(campaign_id)
    if campaign is None:
        raise NotFound("The campaign was deleted by someone else. Refresh the list.")
    return campaign


def create_campaign(uow: UnitOfWork, data: CampaignInput) -> ChangeSet:
    with uow:
        campaign = uow.campaigns.add(Campaign(**_clean(uow, data, None)))
        uow.commit()
    return change(ENTITY, created=(campaign.id,))


def update_campaign(uow: UnitOfWork, campaign_id: str, data: CampaignInput) -> ChangeSet:
    with uow:
        campaign = _live(uow, campaign_id)
        for key, value in _clean(uow, data, campaign_id).items():
            setattr(campaign, key, value)
        uow.commit()
    return change(ENTITY, updated=(campaign_id,))


def campaign_input(uow: UnitOfWork, campaign_id: str) -> CampaignInput:
    """The stored campaign as form input, for the edit dialog."""
    with uow:
        campaign = _live(uow, campaign_id)
        return CampaignInput(**{f.name: getattr(campaign, f.name) for f in fields(CampaignInput)})


def delete_campaign(uow: UnitOfWork, campaign_id: str) -> ChangeSet:
    """Delete a campaign no live lead or deal points at (see the module docstring for why)."""
    with uow:
        campaign = _live(uow, campaign_id)
        leads = uow.campaigns.live_lead_count(campaign_id)
        deals = uow.campaigns.live_deal_count(campaign_id)
        if leads or deals:
            raise DomainError(
                "Campaign {name} is linked to {leads} lead(s) and {deals} deal(s), so it cannot be deleted. "
                "Mark it as done instead.",
                name=campaign.name,
                leads=leads,
                deals=deals,
            )
        uow.campaigns.soft_delete(campaign, uow.now())
        uow.commit()
    return change(ENTITY, deleted=(campaign_id,))


def restore_campaign(uow: UnitOfWork, campaign_id: str) -> ChangeSet:
    """Undo a delete (its name must still be free)."""
    with uow:
        campaign = uow.campaigns.get(campaign_id, include_deleted=True)
        if campaign is None:
            raise NotFound("The record no longer exists.")
        _check_name_free(uow, campaign.name, campaign_id)
        uow.campaigns.restore(campaign)
        uow.commit()
    return change(ENTITY, created=(campaign_id,))
