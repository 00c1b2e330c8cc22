"""Use cases for contacts (people): B2B staff of an account or B2C customers on their own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from operator import attrgetter

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.models import Contact
from crm_desktop.models.contact import GENDERS, INCOME_BANDS
from crm_desktop.services import records, validation
from crm_desktop.services.accounts import normalize_tags
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.consent import ConsentSaid, consent_values, note_form

ENTITY = Entity.CONTACT


@dataclass
class ContactInput:
    """What the contact form holds, as typed by the user."""

    first_name: str
    prefix: str = ""
    last_name: str = ""
    nickname: str = ""
    position: str = ""
    account_id: str | None = None
    owner_id: str | None = None
    mobile: str = ""
    phone: str = ""
    email: str = ""
    line_id: str = ""
    birthday: date | None = None
    gender: str = ""
    income_band: str = ""
    interests: str = ""
    marketing_consent: bool = False
    consent_on: date | None = None
    address_line: str = ""
    subdistrict: str = ""
    district: str = ""
    province: str = ""
    postcode: str = ""
    tags: str = ""
    notes: str = ""


def clean_contact(uow: UnitOfWork, data: ContactInput, today: date) -> dict[str, object]:
    """The contact's column values, validated and normalized; commits nothing (the form and the import share it)."""
    v = validation
    if data.account_id and uow.accounts.get(data.account_id) is None:
        raise ValidationError("account_id", "The chosen account no longer exists.")
    if data.owner_id and uow.users.get(data.owner_id) is None:
        raise ValidationError("owner_id", "The chosen owner no longer exists.")
    if data.gender not in GENDERS:
        raise ValidationError("gender", "Unknown gender {value}.", value=data.gender)
    if data.income_band not in INCOME_BANDS:
        raise ValidationError("income_band", "Unknown income band {value}.", value=data.income_band)
    return {
        "prefix": v.column_text(data.prefix, Contact.prefix),
        "first_name": v.column_text(data.first_name, Contact.first_name),
        "last_name": v.column_text(data.last_name, Contact.last_name),
        "nickname": v.column_text(data.nickname, Contact.nickname),
        "position": v.column_text(data.position, Contact.position),
        "account_id": data.account_id or None,
        "owner_id": data.owner_id or None,
        "mobile": v.phone(data.mobile, "mobile", mobile_only=True),
        "phone": v.phone(data.phone),
        "email": v.email(data.email),
        "line_id": v.column_text(data.line_id.strip().lstrip("@"), Contact.line_id),
        "birthday": v.not_future(data.birthday, today, "birthday"),
        "gender": data.gender,
        "income_band": data.income_band,
        "interests": v.column_text(normalize_tags(data.interests), Contact.interests),
        **consent_values(data.marketing_consent, data.consent_on, today),
        "address_line": v.column_text(data.address_line, Contact.address_line),
        "subdistrict": v.column_text(data.subdistrict, Contact.subdistrict),
        "district": v.column_text(data.district, Contact.district),
        "province": v.province(data.province),
        "postcode": v.postcode(data.postcode),
        "tags": v.column_text(normalize_tags(data.tags), Contact.tags),
        "notes": v.column_text(data.notes, Contact.notes),
    }


def create_contact(uow: UnitOfWork, data: ContactInput, today: date, said: ConsentSaid | None = None) -> ChangeSet:
    """`said`: how the person gave consent, for its history, when the form asked."""
    with uow:
        note_form(uow, said)
        contact = uow.contacts.add(Contact(**clean_contact(uow, data, today)))
        uow.commit()
    return change(ENTITY, created=(contact.id,))


def update_contact(uow: UnitOfWork, contact_id: str, data: ContactInput, today: date,
                   said: ConsentSaid | None = None) -> ChangeSet:
    with uow:
        note_form(uow, said)
        contact = uow.contacts.get(contact_id)
        if contact is None:
            raise NotFound("The contact was deleted by someone else. Refresh the list.")
        for key, value in clean_contact(uow, data, today).items():
            setattr(contact, key, value)
        uow.commit()
    return change(ENTITY, updated=(contact_id,))


def contact_input(uow: UnitOfWork, contact_id: str) -> ContactInput:
    """The stored contact as form input, for the edit dialog."""
    with uow:
        contact = uow.contacts.get(contact_id)
        if contact is None:
            raise NotFound("The contact was deleted by someone else. Refresh the list.")
        values = {f.name: getattr(contact, f.name) for f in fields(ContactInput)}
    return ContactInput(**values)


def delete_contacts(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.soft_delete(uow, attrgetter("contacts"), ENTITY, ids)


def restore_contacts(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.restore(uow, attrgetter("contacts"), ENTITY, ids)
