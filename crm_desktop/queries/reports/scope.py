"""What the pipeline, lead, activity and delivery analyses share: the day their "as of" figures are
taken at, local-time bounds of the period, and the narrowing of `ReportFilter` for the records they
read (a deal's, an activity's and an order's customer, as `measure` defines it for sales).

*As of*: a report on a period that is over shows it as it stood when the period ended; one on the
period still running shows it as of today. So `as_of(flt, today)` is the earlier of the day after
the period and today: overdue and late mean "due before that day".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, select

from crm_desktop.clock import utc_time
from crm_desktop.models import Account, Contact, Opportunity, OpportunityLine, Product
from crm_desktop.queries.reports.measure import ReportFilter, customer_province, customer_segment
from crm_desktop.recurrence import day_start

NONE = ""  # a text label cell for "none" (no rep, campaign, reason): the renderers show the word for it
FILTERS = tuple(f.name for f in fields(ReportFilter) if f.name not in ("start", "end"))  # the narrowing
NOT_APPLIED = "filters_not_applied"  # the note of a table some of the chosen filters mean nothing to


def as_of(flt: ReportFilter, today: date) -> date:
    """The day the period's "still open" figures are taken at (at its start): the day after the
    period, or today while the period runs."""
    return min(flt.end, today)


def utc_midnight(day: date) -> datetime:
    """The stored (UTC) moment of the office's midnight starting `day`."""
    return utc_time(day_start(day))


def note_for(flt: ReportFilter, applied: Iterable[str]) -> str:
    """NOT_APPLIED when `flt` sets a filter outside `applied` (the table then ignores it), else ""."""
    kept = set(applied)
    return NOT_APPLIED if any(getattr(flt, f) is not None and f not in kept for f in FILTERS) else ""


def owner_is(column: ColumnElement[str | None], owner_id: str) -> ColumnElement[bool]:
    """The rep filter: "" picks the records without an owner."""
    return column == owner_id if owner_id else column.is_(None)


def with_customer(stmt: Select[Any], flt: ReportFilter, account_id: Any, contact_id: Any) -> Select[Any]:
    """`stmt` joined (outer) to the Account and Contact of `account_id` and `contact_id` when `flt`
    narrows by segment or province (`customer_conditions` needs them); else as it is."""
    if flt.segment is None and flt.province is None:
        return stmt
    return stmt.outerjoin(Account, Account.id == account_id).outerjoin(Contact, Contact.id == contact_id)


def customer_conditions(flt: ReportFilter) -> list[ColumnElement[bool]]:
    """Segment and province of a record joined (outer) to its Account and Contact, as `measure` reads
    them for a sale: the account's segment, the account's province else the contact's."""
    cond: list[ColumnElement[bool]] = []
    if flt.segment is not None:
        cond.append(customer_segment() == flt.segment)
    if flt.province is not None:
        cond.append(customer_province() == flt.province)
    return cond


def deal_conditions(flt: ReportFilter) -> list[ColumnElement[bool]]:
    """The narrowing of deals (in a statement `with_customer` joined): owner, channel, the customer's
    segment and province, and a live line of the product or category (the deal then counts whole)."""
    cond = customer_conditions(flt)
    if flt.owner_id is not None:
        cond.append(owner_is(Opportunity.owner_id, flt.owner_id))
    if flt.channel is not None:
        cond.append(Opportunity.channel == flt.channel)
    if flt.product_id is not None or flt.category is not None:
        line = select(OpportunityLine.id).where(OpportunityLine.opportunity_id == Opportunity.id,
                                                OpportunityLine.deleted_at.is_(None))
        if flt.product_id is not None:
            line = line.where(OpportunityLine.product_id == flt.product_id)
        if flt.category is not None:
            in_category = select(Product.id).where(Product.category == flt.category)
            line = line.where(OpportunityLine.product_id.in_(in_category))
        cond.append(exists(line))
    return cond


def percent(part: int | Fraction, whole: int | Fraction) -> float | None:
    """part / whole as a percentage with one decimal, halves away from zero (exactly: 1 of 16 is 6.3,
    where float rounding gives 6.2; a margin's -1 of 16 is -6.3); None (no figure) when whole is 0.
    Whole numbers stay integers; fractions (a win rate) are taken exactly."""
    if not whole:
        return None
    if isinstance(part, Fraction) or isinstance(whole, Fraction):
        exact = Fraction(part * 1000) / whole
        top, bottom = exact.numerator, exact.denominator
    else:
        top, bottom = part * 1000, whole
    tenths = (2 * abs(top) + abs(bottom)) // (2 * abs(bottom))
    return (tenths if (top < 0) == (bottom < 0) or not tenths else -tenths) / 10
