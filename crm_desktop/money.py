"""Line amounts, discounts and VAT of deals, quotations and orders: whole satang, never floats.

Rounding rule (printed documents and reports use exactly this):
- A line's gross is quantity × unit price, rounded half up to the satang (quantities are stored in
  thousandths, so this is the only place a fraction of a satang can appear).
- A percentage line discount is that percentage of the gross, rounded half up to the satang; an
  amount discount is taken as it is. A discount may not exceed the line's gross.
- A bill discount comes off the sum of the lines. Where only some lines carry VAT, the bill
  discount is shared between the VAT-able and the exempt lines in proportion to their amounts,
  rounded half up on the VAT-able share.
- VAT is computed once, on the VAT-able amount of the whole document, rounded half up:
  prices without VAT: VAT = base × 7 / 100, grand total = amount + VAT;
  prices with VAT: VAT = amount × 7 / 107, amount before VAT = amount − VAT, grand total = amount.
All amounts are non-negative, so "half up" is also "half away from zero".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

BP = 10_000  # basis points in one whole
MILLI = 1000  # quantities are stored in thousandths


def round_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator to the nearest whole number, halves up (both non-negative)."""
    return (2 * numerator + denominator) // (2 * denominator)


@dataclass(frozen=True, slots=True)
class LineAmounts:
    gross: int  # quantity × unit price
    discount: int
    net: int  # gross − discount


def line_amounts(quantity_milli: int, unit_price_satang: int, discount_bp: int = 0,
                 discount_satang: int = 0) -> LineAmounts:
    """One line's amounts. Raises ValueError for a discount larger than the gross (services check
    this first and say it in words)."""
    gross = round_half_up(quantity_milli * unit_price_satang, MILLI)
    discount = round_half_up(gross * discount_bp, BP) if discount_bp else discount_satang
    if discount > gross:
        raise ValueError("discount exceeds the line's amount")
    return LineAmounts(gross, discount, gross - discount)


@dataclass(frozen=True, slots=True)
class Line:
    """What the totals need of a line."""

    quantity_milli: int
    unit_price_satang: int
    discount_bp: int = 0
    discount_satang: int = 0
    vatable: bool = True


@dataclass(frozen=True, slots=True)
class Totals:
    gross: int  # the lines before their discounts
    line_discounts: int
    subtotal: int  # the lines after their discounts
    bill_discount: int
    amount: int  # subtotal − bill discount (with VAT when prices include it)
    vatable: int  # the part of `amount` VAT applies to
    before_vat: int  # the amount without VAT
    vat: int
    grand_total: int  # what the customer pays


def totals(lines: Iterable[Line], bill_discount_satang: int = 0, vat_bp: int = 700,
           prices_include_vat: bool = False) -> Totals:
    """The document's totals by the rounding rule above. Raises ValueError when a line's discount
    exceeds its gross or the bill discount exceeds the subtotal."""
    gross = discounts = vatable_net = 0
    for line in lines:
        amounts = line_amounts(line.quantity_milli, line.unit_price_satang, line.discount_bp, line.discount_satang)
        gross += amounts.gross
        discounts += amounts.discount
        if line.vatable:
            vatable_net += amounts.net
    return document_totals(gross, discounts, vatable_net, bill_discount_satang, vat_bp, prices_include_vat)


def document_totals(gross: int, line_discounts: int, vatable_net: int, bill_discount_satang: int = 0,
                    vat_bp: int = 700, prices_include_vat: bool = False) -> Totals:
    """The totals from the sums of a document's lines (their gross, their discounts, the net of the
    VAT-able ones): what `totals` does after its loop, for sums taken in SQL (db/line_amounts.py)."""
    subtotal = gross - line_discounts
    if bill_discount_satang > subtotal:
        raise ValueError("bill discount exceeds the subtotal")
    amount = subtotal - bill_discount_satang
    share = round_half_up(bill_discount_satang * vatable_net, subtotal) if subtotal else 0
    vatable = vatable_net - share
    if prices_include_vat:
        vat = round_half_up(vatable * vat_bp, BP + vat_bp)
        before_vat, grand_total = amount - vat, amount
    else:
        vat = round_half_up(vatable * vat_bp, BP)
        before_vat, grand_total = amount, amount + vat
    return Totals(gross, line_discounts, subtotal, bill_discount_satang, amount, vatable, before_vat, vat, grand_total)
