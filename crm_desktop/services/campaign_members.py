"""A campaign's members and their responses.

Members come from a segment (the ids the read side found) or by hand; each person is in a campaign
once: the row's id is fixed by (campaign, contact), so adding them again (or on another copy) finds the
same row, and a removed member added again is the same row restored. Many members go in the bulk way
(`db/bulk.insert_in_session`), with the change log and sync of any edit.

A response moves a member through sent, opened, replied, interested, bought; "unsubscribed" also
withdraws the person's marketing consent (PDPA: they said no to marketing), through the ORM, so the
consent history records it with the campaign as its source.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from crm_desktop.db.bulk import PackedRows, insert_in_session, tombstone_in_session
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.models import Campaign, CampaignMember, Contact
from crm_desktop.models.marketing import RESPONSES, member_id
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.segments import may_write

CHUNK = 500  # members loaded at a time


def _campaign(uow: UnitOfWork, campaign_id: str) -> Campaign:
    campaign = uow.campaigns.get(campaign_id)
    if campaign is None:
        raise NotFound("The campaign was deleted by someone else. Refresh the list.")
    return campaign


def add_members(uow: UnitOfWork, campaign_id: str, contact_ids: Sequence[str]) -> ChangeSet:
    """Add these people to the campaign (those already in it stay as they are). Refused when there is
    no one to add: an empty segment adds nothing and says so."""
    wanted = list(dict.fromkeys(contact_ids))
    if not wanted:
        raise DomainError("No one to add: the segment or list holds no one.")
    may_write(uow, "campaign_member")
    with uow:
        _campaign(uow, campaign_id)
        ids = {member_id(campaign_id, c): c for c in wanted}
        restored: list[str] = []
        keys = list(ids)
        for start in range(0, len(keys), CHUNK):
            stmt = select(CampaignMember).where(CampaignMember.id.in_(keys[start:start + CHUNK]))
            for member in uow.session.scalars(stmt):
                del ids[member.id]
                if member.deleted_at is not None:
                    member.deleted_at = None
                    restored.append(member.id)
        rows = PackedRows(CampaignMember)
        for contact_id in ids.values():
            rows.append({"campaign_id": campaign_id, "contact_id": contact_id})
        if rows:
            insert_in_session(uow.session, uow.database, rows.with_ids(list(ids)))
        uow.commit()
    return change(Entity.CAMPAIGN_MEMBER, created=(*ids, *restored))


def remove_members(uow: UnitOfWork, member_ids: Sequence[str]) -> ChangeSet:
    may_write(uow, "campaign_member")
    with uow:
        done = tombstone_in_session(uow.session, CampaignMember, list(member_ids))
        uow.commit()
    return change(Entity.CAMPAIGN_MEMBER, deleted=tuple(done))


def set_response(uow: UnitOfWork, member_ids: Sequence[str], status: str, today: date, note: str | None = None,
                 *, only_from: str | None = None) -> ChangeSet:
    """Record the same response for these members (the bulk edit of the campaign's list); `only_from`
    changes only members still at that response (the mail merge marks "added" ones "sent").
    "unsubscribed" withdraws each person's marketing consent too."""
    if status not in RESPONSES:
        raise ValidationError("status", "Unknown response {value}.", value=status)
    changed: list[str] = []
    people: list[str] = []
    with uow:
        ids = list(member_ids)
        for start in range(0, len(ids), CHUNK):
            stmt = select(CampaignMember).where(CampaignMember.id.in_(ids[start:start + CHUNK]),
                                                CampaignMember.deleted_at.is_(None))
            for member in uow.session.scalars(stmt):
                if only_from is not None and member.status != only_from:
                    continue
                if member.status != status:
                    member.status = status
                    member.responded_on = today
                    changed.append(member.id)
                if note is not None:
                    member.response = note.strip()[:300]
                if status == "unsubscribed" and member.contact_id:
                    people.append(member.contact_id)
        consent = _withdraw(uow, people, ids)
        uow.commit()
    result = change(Entity.CAMPAIGN_MEMBER, updated=tuple(changed))
    return result | change(Entity.CONTACT, updated=consent) if consent else result


def _withdraw(uow: UnitOfWork, contact_ids: list[str], member_ids: list[str]) -> tuple[str, ...]:
    """Withdraw the marketing consent of these people (recorded as coming from the campaign)."""
    if not contact_ids:
        return ()
    member = uow.session.get(CampaignMember, member_ids[0])
    campaign = uow.session.get(Campaign, member.campaign_id) if member is not None else None
    uow.note_consent("edit", source=f"Unsubscribed from campaign {campaign.name if campaign else ''}".strip())
    done: list[str] = []
    for start in range(0, len(contact_ids), CHUNK):
        stmt = select(Contact).where(Contact.id.in_(contact_ids[start:start + CHUNK]), Contact.deleted_at.is_(None),
                                     Contact.marketing_consent.is_(True))
        for contact in uow.session.scalars(stmt):
            contact.marketing_consent = False
            contact.consent_on = None
            done.append(contact.id)
    return tuple(done)
