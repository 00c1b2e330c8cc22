"""Who knows whom: links between two people (colleagues, family, who referred whom…), shown on the
customer 360 page. Links are rows of their own (`contact_link`), so they sync and undo like the rest."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.models import ContactLink
from crm_desktop.models.contact import CONTACT_LINK_KINDS
from crm_desktop.services import records, validation
from crm_desktop.services.changes import ChangeSet, Entity, change

ENTITY = Entity.CONTACT_LINK


@dataclass
class ContactLinkInput:
    """"`contact_id` is `kind` of `other_contact_id`" (e.g. Somchai referred_by Wipa)."""

    contact_id: str
    other_contact_id: str
    kind: str = "knows"
    note: str = ""


def add_contact_link(uow: UnitOfWork, data: ContactLinkInput) -> ChangeSet:
    """Link two people. Refuses a link to oneself and a second link of the same kind between the
    same two people (either way round)."""
    with uow:
        if data.kind not in CONTACT_LINK_KINDS:
            raise ValidationError("kind", "Unknown kind of relationship {value}.", value=data.kind)
        if not data.other_contact_id:
            raise ValidationError("other_contact_id", "Choose the person to link.")
        if data.contact_id == data.other_contact_id:
            raise ValidationError("other_contact_id", "A person cannot be linked to themselves.")
        for contact_id in (data.contact_id, data.other_contact_id):
            if uow.contacts.get(contact_id) is None:
                raise NotFound("The chosen contact no longer exists.")
        pair = {data.contact_id, data.other_contact_id}
        if any({link.contact_id, link.other_contact_id} == pair and link.kind == data.kind
               for link in uow.contact_links.live_of(data.contact_id)):
            raise ValidationError("other_contact_id", "These two people are already linked this way.")
        link = uow.contact_links.add(ContactLink(
            contact_id=data.contact_id, other_contact_id=data.other_contact_id, kind=data.kind,
            note=validation.column_text(data.note, ContactLink.note)))
        uow.commit()
    return change(ENTITY, created=(link.id,))


def remove_contact_links(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.soft_delete(uow, lambda u: u.contact_links, ENTITY, ids)


def restore_contact_links(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.restore(uow, lambda u: u.contact_links, ENTITY, ids)
