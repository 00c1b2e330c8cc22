"""Use cases for accounts (companies): create, edit, delete with undo."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from operator import attrgetter

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.models import Account
from crm_desktop.services import records, validation
from crm_desktop.services.changes import ChangeSet, Entity, change

ENTITY = Entity.ACCOUNT


@dataclass
class AccountInput:
    """What the account form holds, as typed by the user; services validate and normalize it."""

    name: str
    tax_id: str = ""
    branch_code: str = ""
    industry: str = ""
    segment: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    address_line: str = ""
    subdistrict: str = ""
    district: str = ""
    province: str = ""
    postcode: str = ""
    founded_on: date | None = None
    parent_id: str | None = None
    owner_id: str | None = None
    tags: str = ""
    notes: str = ""


def normalize_tags(text: str) -> str:
    """Comma-separated, trimmed, without repeats, in the order typed."""
    if not text:
        return ""  # most records of an import: no tags, no interests
    seen: list[str] = []
    for tag in text.replace("،", ",").split(","):
        tag = " ".join(tag.split())
        if tag and tag not in seen:
            seen.append(tag)
    return ", ".join(seen)


def clean_account(uow: UnitOfWork, data: AccountInput, today: date, account_id: str | None) -> dict[str, object]:
    """The account's column values, validated and normalized (`account_id`: the one being edited);
    commits nothing (the form and the import share it)."""
    v = validation
    tax_id = v.tax_id(data.tax_id)
    branch = v.branch_code(data.branch_code)
    if branch and not tax_id:
        raise ValidationError("branch_code", "A branch code needs a tax id.")
    if tax_id and not branch:
        branch = "00000"
    if tax_id:
        for other in uow.accounts.by_tax_id(tax_id, branch):
            if other.id != account_id:
                raise ValidationError(
                    "tax_id", "{name} already has tax id {tax_id}, branch {branch}.",
                    name=other.name, tax_id=tax_id, branch=branch,
                )
    if data.parent_id:
        if data.parent_id == account_id or (account_id and account_id in uow.accounts.ancestors_ids(data.parent_id)):
            raise ValidationError("parent_id", "An account cannot be its own parent, directly or through others.")
        if uow.accounts.get(data.parent_id) is None:
            raise ValidationError("parent_id", "The parent account no longer exists.")
    if data.owner_id and uow.users.get(data.owner_id) is None:
        raise ValidationError("owner_id", "The chosen owner no longer exists.")
    return {
        "name": v.column_text(data.name, Account.name),
        "tax_id": tax_id,
        "branch_code": branch,
        "industry": v.column_text(data.industry, Account.industry),
        "segment": v.column_text(data.segment, Account.segment),
        "phone": v.phone(data.phone),
        "email": v.email(data.email),
        "website": v.column_text(data.website, Account.website),
        "address_line": v.column_text(data.address_line, Account.address_line),
        "subdistrict": v.column_text(data.subdistrict, Account.subdistrict),
        "district": v.column_text(data.district, Account.district),
        "province": v.province(data.province),
        "postcode": v.postcode(data.postcode),
        "founded_on": v.not_future(data.founded_on, today, "founded_on"),
        "parent_id": data.parent_id or None,
        "owner_id": data.owner_id or None,
        "tags": v.column_text(normalize_tags(data.tags), Account.tags),
        "notes": v.column_text(data.notes, Account.notes),
    }


def create_account(uow: UnitOfWork, data: AccountInput, today: date) -> ChangeSet:
    with uow:
        account = uow.accounts.add(Account(**clean_account(uow, data, today, None)))
        uow.commit()
    return change(ENTITY, created=(account.id,))


def update_account(uow: UnitOfWork, account_id: str, data: AccountInput, today: date) -> ChangeSet:
    with uow:
        account = uow.accounts.get(account_id)
        if account is None:
            raise NotFound("The account was deleted by someone else. Refresh the list.")
        for key, value in clean_account(uow, data, today, account_id).items():
            setattr(account, key, value)
        uow.commit()
    return change(ENTITY, updated=(account_id,))


def account_input(uow: UnitOfWork, account_id: str) -> AccountInput:
    """The stored account as form input, for the edit dialog."""
    with uow:
        account = uow.accounts.get(account_id)
        if account is None:
            raise NotFound("The account was deleted by someone else. Refresh the list.")
        values = {f.name: getattr(account, f.name) for f in fields(AccountInput)}
    return AccountInput(**values)


def delete_accounts(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.soft_delete(uow, attrgetter("accounts"), ENTITY, ids)


def restore_accounts(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    return records.restore(uow, attrgetter("accounts"), ENTITY, ids)
