"""What quotations and sales orders share: the header form and its checks, lines written to rows,
and the deal moves the documents cause (a quotation sent, an order confirmed).

Every function here runs inside the caller's unit of work; the use cases in quotations.py and
orders.py open it, so one user action stays one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from crm_desktop import money
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.models import Opportunity, Stage
from crm_desktop.models.rules import MAX_AMOUNT_SATANG, rule_of
from crm_desktop.models.sales import DOCUMENT_LANGUAGES, VAT_BP, LineMixin, Quotation
from crm_desktop.services import opportunities, validation
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.formatting import format_money
from crm_desktop.services.sales.lines import LineInput, line_input
from crm_desktop.services.stages import default_stage_id

LINE_COLUMNS = ("product_id", "description", "unit", "quantity_milli", "unit_price_satang", "discount_bp",
                "discount_satang", "vatable", "position")
HEADER_COLUMNS = ("account_id", "contact_id", "opportunity_id", "owner_id", "issued_on", "channel",
                  "prices_include_vat", "vat_bp", "bill_discount_satang", "language", "payment_terms", "remarks",
                  "notes")


@dataclass
class DocumentInput:
    """The header of a quotation or order form; money in satang, `vat_bp` in basis points."""

    account_id: str | None = None
    contact_id: str | None = None  # B2C customer, or the person at the account
    opportunity_id: str | None = None
    owner_id: str | None = None  # None = the user making the document
    issued_on: date | None = None  # None = today
    channel: str = ""
    prices_include_vat: bool = False
    vat_bp: int = VAT_BP
    bill_discount_satang: int = 0
    language: str = "th"  # "th" | "en": the printed version
    payment_terms: str = ""
    remarks: str = ""  # printed
    notes: str = ""  # internal
    lines: list[LineInput] = field(default_factory=list)


@dataclass
class QuotationInput(DocumentInput):
    valid_until: date | None = None  # None = issued_on + 30 days


@dataclass
class OrderLineInput(LineInput):
    promised_on: date | None = None


@dataclass
class OrderInput(DocumentInput):
    delivery_address: str = ""
    lines: list[OrderLineInput] = field(default_factory=list)  # type: ignore[assignment]


def from_deal(uow: UnitOfWork, data: DocumentInput, opportunity_id: str, account_id: str | None,
              contact_id: str | None) -> list[LineInput]:
    """Fill a new document's header from its deal (customer unless given, owner, channel); the
    deal's product lines are returned for the caller's kind of line."""
    deal = uow.opportunities.get(opportunity_id)
    if deal is None:
        raise NotFound("The deal was deleted by someone else. Refresh the list.")
    data.opportunity_id = deal.id
    data.account_id = account_id or deal.account_id
    data.contact_id = contact_id or deal.contact_id
    data.owner_id = deal.owner_id or uow.user_id
    data.channel = deal.channel
    return [line_input(x) for x in uow.opportunity_lines.live_of(deal.id)]


def baht(satang: int) -> str:
    """An amount as a message shows it: 1,234.50."""
    return format_money(satang, with_symbol=False)


def quantity(milli: int) -> str:
    """A quantity in thousandths as typed: 2, 1.5, 0.125."""
    whole, rest = divmod(milli, 1000)
    return f"{whole:,}" + (f".{rest:03d}".rstrip("0") if rest else "")


def clean_header(uow: UnitOfWork, data: DocumentInput, today: date, current: Any = None) -> dict[str, object]:
    """The header's column values, or a ValidationError naming the field. A customer, deal or owner
    the stored document already points at stays valid after it was deleted."""
    def kept(name: str) -> bool:
        return current is not None and getattr(current, name) == getattr(data, name)

    if not data.account_id and not data.contact_id:
        raise ValidationError("account_id", "Choose a customer: an account or a contact.")
    for name, repo, message in (
        ("account_id", uow.accounts, "The chosen account no longer exists."),
        ("contact_id", uow.contacts, "The chosen contact no longer exists."),
        ("opportunity_id", uow.opportunities, "The chosen deal no longer exists."),
        ("owner_id", uow.users, "The chosen owner no longer exists."),
    ):
        value = getattr(data, name)
        if value and not kept(name) and repo.get(value) is None:
            raise ValidationError(name, message)
    if not rule_of(Quotation.vat_bp).allows_number(data.vat_bp):
        raise ValidationError("vat_bp", "VAT is a percentage from 0 to 100.")
    if data.language not in DOCUMENT_LANGUAGES:
        raise ValidationError("language", "A document is printed in Thai or in English.")
    discount = data.bill_discount_satang
    if isinstance(discount, bool) or not isinstance(discount, int) or not 0 <= discount <= MAX_AMOUNT_SATANG:
        raise ValidationError("bill_discount_satang", "The bill discount must be from 0 to the document's total.")
    v = validation
    return {
        "account_id": data.account_id or None,
        "contact_id": data.contact_id or None,
        "opportunity_id": data.opportunity_id or None,
        "owner_id": data.owner_id or uow.user_id,
        "issued_on": data.issued_on or today,
        "channel": v.column_text(data.channel, Quotation.channel),
        "prices_include_vat": bool(data.prices_include_vat),
        "vat_bp": data.vat_bp,
        "bill_discount_satang": discount,
        "language": data.language,
        "payment_terms": v.column_text(data.payment_terms, Quotation.payment_terms),
        "remarks": v.column_text(data.remarks, Quotation.remarks),
        "notes": v.column_text(data.notes, Quotation.notes),
    }


def check_bill_discount(discount: int, lines: Sequence[dict[str, Any]]) -> None:
    """A bill discount may not exceed the lines after their own discounts."""
    subtotal = money.totals(money.Line(x["quantity_milli"], x["unit_price_satang"], x["discount_bp"],
                                       x["discount_satang"], x["vatable"]) for x in lines).subtotal
    if discount > subtotal:
        raise ValidationError("bill_discount_satang",
                              "The bill discount ({discount} baht) is more than the lines' total ({subtotal} baht).",
                              discount=baht(discount), subtotal=baht(subtotal))


def line_values(line: LineMixin) -> dict[str, object]:
    """A stored line's own columns, to copy it into another document (a snapshot stays a snapshot)."""
    return {name: getattr(line, name) for name in LINE_COLUMNS}


def assign(row: Any, values: dict[str, object]) -> bool:
    """Set the values that differ (so the change log records only real changes); True if any did."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def write_lines(uow: UnitOfWork, stored: Sequence[Any], wanted: Sequence[dict[str, object]],
                new_line: Any) -> None:
    """Make the stored lines say `wanted`, position by position: changed rows are updated, extra
    ones deleted, missing ones made by `new_line(values)` and added."""
    for row, values in zip(stored, wanted, strict=False):
        assign(row, values)
    for values in wanted[len(stored):]:
        uow.session.add(new_line(values))
    now = uow.now()
    for row in stored[len(wanted):]:
        row.deleted_at = now


def _won_stage(uow: UnitOfWork) -> Stage | None:
    default = uow.stages.get(default_stage_id("won"))
    if default is not None and default.kind == "won":
        return default
    return next((s for s in uow.stages.live_ordered() if s.kind == "won"), None)


def deal_to_quotation_stage(uow: UnitOfWork, opportunity_id: str | None, now: datetime) -> ChangeSet:
    """A quotation was sent: its deal enters the "Quotation" stage when it is in an earlier open one.
    The deal's change, if it moved (the caller adds it to the document's)."""
    deal = uow.opportunities.get(opportunity_id) if opportunity_id else None
    target = uow.stages.get(default_stage_id("quotation"))
    if deal is None or target is None or target.kind != "open":
        return ChangeSet()
    current = uow.stages.get(deal.stage_id, include_deleted=True)
    if current is None or current.kind != "open" or current.position >= target.position:
        return ChangeSet()
    opportunities.move_in_open_uow(uow, deal, target, now)
    return change(Entity.OPPORTUNITY, updated=(deal.id,))


def deal_won(uow: UnitOfWork, opportunity_id: str | None, now: datetime) -> ChangeSet:
    """An order was confirmed: its deal is won, if it is not already. The deal's change, if it moved."""
    deal: Opportunity | None = uow.opportunities.get(opportunity_id) if opportunity_id else None
    if deal is None:
        return ChangeSet()
    current = uow.stages.get(deal.stage_id, include_deleted=True)
    won = _won_stage(uow)
    if won is None or (current is not None and current.kind == "won"):
        return ChangeSet()
    opportunities.move_in_open_uow(uow, deal, won, now)
    return change(Entity.OPPORTUNITY, updated=(deal.id,))
