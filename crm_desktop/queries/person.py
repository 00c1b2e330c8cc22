"""Everything the office holds about one person (a contact or a lead), for a PDPA access request:
"export this person's data" (reports/person.py prints it, exchange/person.py writes it as JSON).

What is gathered, live rows only (a deleted activity or deal is no longer the office's data about
them; the record's own change log, old values included, is):
- the record's stored fields (all but the derived match key and the sync bookkeeping), with the
  company's and the owner's names;
- marketing consent now and its history (queries/consent.py);
- activities, deals, quotations and orders (each document's grand total, VAT included, computed as
  the customer 360 page does), custom anniversaries, relationships to other people, campaigns;
- where the data came from: created when and by whom (the record's first change), on which copy, the
  lead's source and campaign, the lead a contact was converted from (or what a lead became), and the
  files of imports that changed their consent (imports record no file name elsewhere);
- every change of the record itself from the change log: when, by whom, the values written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Table, and_, func, literal, select

from crm_desktop.db.database import Database
from crm_desktop.models import (
    Account,
    Activity,
    Anniversary,
    Campaign,
    CampaignMember,
    Change,
    ConsentEvent,
    Contact,
    Lead,
    Opportunity,
    Quotation,
    QuotationLine,
    SalesOrder,
    SalesOrderLine,
    Stage,
    User,
)
from crm_desktop.queries.accounts import full_name
from crm_desktop.queries.consent import ConsentRow, Person, consent_history
from crm_desktop.queries.customer360 import contact_links, document_sums, grand_total

HIDDEN = frozenset({"match_key", "hlc", "site_id", "deleted_at"})  # derived, or sync bookkeeping


@dataclass(frozen=True)
class ActivityItem:
    id: str
    kind: str
    subject: str
    status: str
    starts_at: datetime | None  # UTC
    ends_at: datetime | None
    due_on: date | None
    location: str
    notes: str
    outcome: str


@dataclass(frozen=True)
class DealItem:
    id: str
    name: str
    stage: str
    stage_kind: str  # open / won / lost
    amount_satang: int
    expected_close: date | None
    created_at: datetime


@dataclass(frozen=True)
class DocumentItem:
    id: str
    number: str
    revision: int
    status: str
    issued_on: date
    grand_total_satang: int


@dataclass(frozen=True)
class DateItem:
    title: str
    month: int
    day: int
    year: int | None


@dataclass(frozen=True)
class LinkItem:
    kind: str  # models.contact.CONTACT_LINK_KINDS, read "<this person> is <kind> of <other>"
    other_id: str
    other_name: str
    note: str
    reversed: bool  # the other person is `kind` of this one


@dataclass(frozen=True)
class CampaignItem:
    campaign: str
    status: str
    response: str


@dataclass(frozen=True)
class ChangeItem:
    changed_at: datetime  # UTC
    user_name: str
    site_id: str  # the copy the change was made on
    fields: dict[str, Any]  # the values written, as the change log holds them (dates as ISO text)


@dataclass(frozen=True)
class Origin:
    created_at: datetime | None
    created_by: str
    created_on_copy: str
    lead_source: str  # a lead's source (a pick-list key), or the source of the lead a contact came from
    campaign: str
    converted_from: tuple[str, str] | None  # (lead id, name) a contact was converted from
    converted_to: tuple[tuple[str, str, str], ...]  # a lead's (kind, id, name): account, contact, deal
    imported_from: tuple[str, ...]  # file names of imports that changed their consent


@dataclass(frozen=True)
class PersonData:
    kind: Person
    id: str
    name: str
    made_at: datetime  # UTC, when this export was made
    fields: dict[str, Any]  # column -> stored value, in the table's order, then account_name, owner_name
    consent_given: bool
    consent_on: date | None
    consent_history: tuple[ConsentRow, ...]  # newest first
    activities: tuple[ActivityItem, ...]
    deals: tuple[DealItem, ...]
    quotations: tuple[DocumentItem, ...]
    orders: tuple[DocumentItem, ...]
    dates: tuple[DateItem, ...]
    links: tuple[LinkItem, ...]
    campaigns: tuple[CampaignItem, ...]
    origin: Origin
    changes: tuple[ChangeItem, ...]  # oldest first


def person_data(db: Database, kind: Person, person_id: str, now: datetime) -> PersonData | None:
    """Everything about the contact or lead `person_id`; None when there is no such live record."""
    model: Any = Contact if kind == "contact" else Lead
    table: Table = model.__table__
    with db.engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.id == person_id, table.c.deleted_at.is_(None))).first()
        if row is None:
            return None
        fields = {c.key: row._mapping[c] for c in table.columns if c.key not in HIDDEN}
        account_id = fields.get("account_id") if kind == "contact" else fields.get("converted_account_id")
        fields["account_name"] = _name_of(conn, Account.name, Account.id, account_id)
        fields["owner_name"] = _name_of(conn, User.name, User.id, fields.get("owner_id"))
        changes = _changes(conn, kind, person_id)
        data = PersonData(
            kind, person_id, full_name(fields["prefix"], fields["first_name"], fields["last_name"])
            or fields.get("company_name", ""), now, fields, bool(fields["marketing_consent"]), fields["consent_on"],
            consent_history(db, kind, person_id), _activities(conn, kind, person_id), _deals(conn, kind, person_id),
            _documents(conn, Quotation, QuotationLine, QuotationLine.quotation_id, kind, person_id),
            _documents(conn, SalesOrder, SalesOrderLine, SalesOrderLine.order_id, kind, person_id),
            _dates(conn, kind, person_id), _links(conn, kind, person_id), _campaigns(conn, kind, person_id),
            _origin(conn, kind, person_id, fields, changes), changes,
        )
    return data


def find_person(db: Database, person_id: str, now: datetime) -> PersonData | None:
    """`person_data` of the contact with this id, else of the lead; None when neither is live."""
    return person_data(db, "contact", person_id, now) or person_data(db, "lead", person_id, now)


def _name_of(conn: Connection, name: Any, key: Any, value: object) -> str:
    if not value:
        return ""
    return conn.execute(select(name).where(key == value)).scalar() or ""


def _activities(conn: Connection, kind: Person, person_id: str) -> tuple[ActivityItem, ...]:
    link = Activity.contact_id if kind == "contact" else Activity.lead_id
    stmt = (select(Activity.id, Activity.kind, Activity.subject, Activity.status, Activity.starts_at, Activity.ends_at,
                   Activity.due_on, Activity.location, Activity.notes, Activity.outcome)
            .where(link == person_id, Activity.deleted_at.is_(None))
            .order_by(func.coalesce(Activity.starts_at, Activity.due_on), Activity.id))
    return tuple(ActivityItem(*r) for r in conn.execute(stmt))


def _deals(conn: Connection, kind: Person, person_id: str) -> tuple[DealItem, ...]:
    link = Opportunity.contact_id if kind == "contact" else Opportunity.lead_id
    stmt = (select(Opportunity.id, Opportunity.name, Stage.name, Stage.kind, Opportunity.amount_satang,
                   Opportunity.expected_close, Opportunity.created_at)
            .join(Stage, Stage.id == Opportunity.stage_id)
            .where(link == person_id, Opportunity.deleted_at.is_(None))
            .order_by(Opportunity.created_at, Opportunity.id))
    return tuple(DealItem(*r) for r in conn.execute(stmt))


def _documents(conn: Connection, doc: Any, line: Any, line_link: Any, kind: Person,
               person_id: str) -> tuple[DocumentItem, ...]:
    """A contact's quotations or orders, every revision and status, oldest first; a lead has none."""
    if kind != "contact":
        return ()
    revision = doc.revision if doc is Quotation else literal(1)
    stmt = (select(doc.id, doc.number, revision, doc.status, doc.issued_on, *document_sums(line, doc))
            .select_from(doc)
            .outerjoin(line, and_(line.deleted_at.is_(None), line_link == doc.id))
            .where(doc.contact_id == person_id, doc.deleted_at.is_(None))
            .group_by(doc.id)
            .order_by(doc.issued_on, doc.number, doc.id))
    return tuple(DocumentItem(r[0], r[1], int(r[2]), r[3], r[4], grand_total(r[5:11])) for r in conn.execute(stmt))


def _dates(conn: Connection, kind: Person, person_id: str) -> tuple[DateItem, ...]:
    if kind != "contact":
        return ()
    stmt = (select(Anniversary.title, Anniversary.month, Anniversary.day, Anniversary.year)
            .where(Anniversary.contact_id == person_id, Anniversary.deleted_at.is_(None))
            .order_by(Anniversary.month, Anniversary.day, Anniversary.title))
    return tuple(DateItem(*r) for r in conn.execute(stmt))


def _links(conn: Connection, kind: Person, person_id: str) -> tuple[LinkItem, ...]:
    if kind != "contact":
        return ()
    return tuple(LinkItem(link.kind, link.other_contact_id, link.other_name, link.note, False)
                 if link.contact_id == person_id else
                 LinkItem(link.kind, link.contact_id, link.name, link.note, True)
                 for link in contact_links(conn, [person_id]))


def _campaigns(conn: Connection, kind: Person, person_id: str) -> tuple[CampaignItem, ...]:
    link = CampaignMember.contact_id if kind == "contact" else CampaignMember.lead_id
    stmt = (select(Campaign.name, CampaignMember.status, CampaignMember.response)
            .join(Campaign, Campaign.id == CampaignMember.campaign_id)
            .where(link == person_id, CampaignMember.deleted_at.is_(None))
            .order_by(Campaign.name))
    return tuple(CampaignItem(*r) for r in conn.execute(stmt))


def _changes(conn: Connection, kind: Person, person_id: str) -> tuple[ChangeItem, ...]:
    stmt = (select(Change.changed_at, func.coalesce(User.name, ""), Change.site_id, Change.fields)
            .outerjoin(User, User.id == Change.user_id)
            .where(Change.entity == kind, Change.row_id == person_id)
            .order_by(Change.hlc, Change.site_id))
    return tuple(ChangeItem(at, who, site, json.loads(fields or "{}")) for at, who, site, fields in conn.execute(stmt))


def _origin(conn: Connection, kind: Person, person_id: str, fields: dict[str, Any],
            changes: tuple[ChangeItem, ...]) -> Origin:
    first = changes[0] if changes else None
    lead_source, campaign_id = fields.get("source", ""), fields.get("campaign_id")
    converted_from: tuple[str, str] | None = None
    converted_to: list[tuple[str, str, str]] = []
    if kind == "contact":
        lead = conn.execute(select(Lead.id, Lead.prefix, Lead.first_name, Lead.last_name, Lead.company_name,
                                   Lead.source, Lead.campaign_id)
                            .where(Lead.converted_contact_id == person_id).order_by(Lead.id)).first()
        if lead is not None:
            converted_from = (lead[0], full_name(lead[1], lead[2], lead[3]) or lead[4])
            lead_source, campaign_id = lead[5], lead[6]
    else:
        for label, column, key in (("account", Account.name, "converted_account_id"),
                                   ("contact", None, "converted_contact_id"),
                                   ("opportunity", Opportunity.name, "converted_opportunity_id")):
            target = fields.get(key)
            if not target:
                continue
            if column is None:
                found = conn.execute(select(Contact.prefix, Contact.first_name, Contact.last_name)
                                     .where(Contact.id == target)).first()
                name = full_name(*found) if found is not None else ""
            else:
                name = _name_of(conn, column, column.class_.id, target)
            converted_to.append((label, target, name))
    link = ConsentEvent.contact_id if kind == "contact" else ConsentEvent.lead_id
    files = conn.execute(select(ConsentEvent.source).distinct()
                         .where(link == person_id, ConsentEvent.method == "import", ConsentEvent.source != "")
                         .order_by(ConsentEvent.source)).scalars()
    return Origin(fields.get("created_at"), first.user_name if first else "", first.site_id if first else "",
                  lead_source or "", _name_of(conn, Campaign.name, Campaign.id, campaign_id), converted_from,
                  tuple(converted_to), tuple(files))

