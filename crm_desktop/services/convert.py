"""Convert a qualified lead into the customer records it stands for, all in one transaction.

A lead with a company becomes an account (new, or an existing one it is attached to) and a contact
at that account; a lead without a company becomes a B2C contact on its own. Optionally a deal
(opportunity) starts in the first open stage. The lead keeps links to everything it became and is
marked "converted". Any failure part-way leaves nothing behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.models import Account, Contact, Lead, Opportunity, Stage, StageHistory
from crm_desktop.services import accounts, contacts, opportunities, validation
from crm_desktop.services.changes import Changes, ChangeSet, Entity
from crm_desktop.services.leads import check_transition, live_lead


@dataclass
class ConvertOptions:
    """What the convert dialog asks.

    `account_id` attaches the contact to an existing account; otherwise a lead with a company gets
    a new account (from its company name, tax id, phone, e-mail and province). The deal amount
    defaults to the lead's budget, its name to the lead's interest or company.
    """

    account_id: str | None = None
    create_opportunity: bool = False
    opportunity_name: str = ""
    amount_satang: int | None = None
    expected_close: date | None = None


def _new_account(uow: UnitOfWork, lead: Lead, today: date) -> Account:
    data = accounts.AccountInput(
        name=lead.company_name, tax_id=lead.tax_id, phone=lead.phone, email=lead.email if not lead.first_name else "",
        province=lead.province, owner_id=lead.owner_id, notes=lead.notes,
    )
    account = uow.accounts.add(Account(**accounts.clean_account(uow, data, today, None)))
    uow.session.flush()  # the contact and the deal need its id
    return account


def _new_contact(uow: UnitOfWork, lead: Lead, account_id: str | None, today: date) -> Contact:
    if not lead.first_name:
        raise ValidationError("first_name", "Add the person's first name to the lead before converting it.")
    data = contacts.ContactInput(
        first_name=lead.first_name, prefix=lead.prefix, last_name=lead.last_name, position=lead.position,
        account_id=account_id, owner_id=lead.owner_id, mobile=lead.mobile,
        phone=lead.phone if account_id is None else "", email=lead.email, line_id=lead.line_id,
        interests=lead.interest, province=lead.province if account_id is None else "",
        notes=lead.notes if account_id is None else "",
        marketing_consent=lead.marketing_consent, consent_on=lead.consent_on,
    )
    contact = uow.contacts.add(Contact(**contacts.clean_contact(uow, data, today)))
    uow.session.flush()
    return contact


def first_open_stage(uow: UnitOfWork) -> Stage:
    stmt = (
        select(Stage)
        .where(Stage.deleted_at.is_(None), Stage.kind == "open")
        .order_by(Stage.position, Stage.name, Stage.id)
        .limit(1)
    )
    stage = uow.session.scalar(stmt)
    if stage is None:
        raise DomainError("There is no open pipeline stage to start the deal in. Add one in the settings first.")
    return stage


def _new_opportunity(uow: UnitOfWork, lead: Lead, opts: ConvertOptions, account_id: str | None,
                     contact_id: str) -> Opportunity:
    name = opts.opportunity_name.strip() or lead.interest or lead.company_name or " ".join(
        p for p in (lead.first_name, lead.last_name) if p
    )
    amount = opts.amount_satang if opts.amount_satang is not None else (lead.budget_satang or 0)
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise ValidationError("amount_satang", "A deal amount cannot be negative.")
    amount = opportunities.amount(amount)  # a lead's budget has no upper bound, a deal's amount has
    stage = first_open_stage(uow)
    deal = uow.opportunities.add(Opportunity(
        name=validation.column_text(name, Opportunity.name, "opportunity_name"),
        account_id=account_id, contact_id=contact_id, lead_id=lead.id, owner_id=lead.owner_id,
        stage_id=stage.id, amount_satang=amount, probability=stage.probability,
        expected_close=opts.expected_close, campaign_id=lead.campaign_id,
    ))
    uow.session.flush()
    uow.stage_history.add(StageHistory(
        opportunity_id=deal.id, from_stage_id=None, to_stage_id=stage.id, changed_at=uow.now(),
        changed_by=uow.user_id, amount_satang=amount,
    ))
    return deal


def convert_lead(uow: UnitOfWork, lead_id: str, opts: ConvertOptions, today: date) -> ChangeSet:
    """Turn a qualified lead into account + contact (+ deal); returns one change set: what was created and updated."""
    with uow:
        uow.note_consent("convert")
        lead = live_lead(uow, lead_id)
        check_transition(lead, "converted")
        account: Account | None = None
        created_account = False
        if opts.account_id:
            account = uow.accounts.get(opts.account_id)
            if account is None:
                raise ValidationError("account_id", "The chosen account no longer exists.")
        elif lead.company_name:
            account = _new_account(uow, lead, today)
            created_account = True
        account_id = account.id if account is not None else None
        contact = _new_contact(uow, lead, account_id, today)
        deal = _new_opportunity(uow, lead, opts, account_id, contact.id) if opts.create_opportunity else None
        lead.status = "converted"
        lead.converted_account_id = account_id
        lead.converted_contact_id = contact.id
        lead.converted_opportunity_id = deal.id if deal is not None else None
        uow.commit()
    result: list[Changes] = []
    if created_account and account is not None:
        result.append(Changes(Entity.ACCOUNT, created=(account.id,)))
    result.append(Changes(Entity.CONTACT, created=(contact.id,)))
    if deal is not None:
        result.append(Changes(Entity.OPPORTUNITY, created=(deal.id,)))
    result.append(Changes(Entity.LEAD, updated=(lead_id,)))
    return ChangeSet(tuple(result))
