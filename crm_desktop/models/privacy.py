"""Which fields hold a person's data, declared once for "erase this person" (PDPA; services/erase.py).

An erase sets each personal field of the person's record to its erased value (the column's empty
default; the first name takes an anonymous mark) in the record and in every change the log holds
of it. Business records that point at the person keep their amounts, dates and links; only their
free texts that may copy the person's name, phone or e-mail (`COPIES`) get those replaced by the mark.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table

from crm_desktop.models.base import Base

# The change log's entity of an erase: its row id is the erased record's, its fields {"entity": kind}.
ERASURE = "erasure"

PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    # Kept: position, company link, owner, province (coarse; reports count by it), the office's
    # own facts (created, updated, deleted).
    "contact": ("prefix", "first_name", "last_name", "nickname", "mobile", "phone", "email", "line_id",
                "birthday", "gender", "income_band", "interests", "marketing_consent", "consent_on", "tags",
                "notes", "address_line", "subdistrict", "district", "postcode"),
    # Kept: company name, position, province, budget, timeframe, source, campaign, status and its
    # reason, owner, links. A lead's tax id is erased: for a person it is their national ID number
    # (a company's stays on its account after conversion).
    "lead": ("prefix", "first_name", "last_name", "mobile", "phone", "email", "line_id", "tax_id", "interest",
             "notes", "marketing_consent", "consent_on"),
}
MARKED_FIELD = "first_name"  # required on a contact: it holds the mark instead of a name
# Values searched for in other records' texts: the person's identifiers (not the notes or tags).
NEEDLE_FIELDS = ("first_name", "last_name", "nickname", "mobile", "phone", "email", "line_id", "tax_id",
                 "address_line")
PHONE_FIELDS = ("mobile", "phone")

# Free texts of records that point at a person and may name them, per table.
COPIES: dict[str, tuple[str, ...]] = {
    "activity": ("subject", "notes", "location", "outcome", "handover_note"),
    "anniversary": ("title",),
    "campaign_member": ("response",),
    "consent_event": ("wording", "source"),  # the history stays, as the proof of what was agreed and withdrawn
    "case": ("subject", "description"),
    "contact_link": ("note",),
    "lead": ("disqualify_reason",),
    "opportunity": ("name", "notes", "competitor"),
    "quotation": ("payment_terms", "remarks", "notes"),
    "sales_order": ("delivery_address", "remarks", "notes", "cancel_reason"),
    "merge_log": ("winner_before_json",),
}
# Links that are no foreign keys: a merge names the two records it merged.
PLAIN_LINKS: dict[str, tuple[str, ...]] = {"merge_log": ("winner_id", "loser_id")}


def erase_mark(row_id: str) -> str:
    """The anonymous mark of an erased record: the same on every copy (a function of the id only)."""
    return f"ลบตาม PDPA #{row_id.replace('-', '')[-8:]}"


def erased_values(entity: str, row_id: str) -> dict[str, Any]:
    """The value each personal field of `entity` takes when the record `row_id` is erased."""
    table: Table = Base.metadata.tables[entity]
    values: dict[str, Any] = {}
    for name in PERSONAL_FIELDS[entity]:
        default = table.c[name].default
        values[name] = default.arg if default is not None and default.is_scalar else None
    values[MARKED_FIELD] = erase_mark(row_id)
    return values
