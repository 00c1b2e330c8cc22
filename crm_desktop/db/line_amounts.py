"""`crm_desktop.money`'s line formula in SQL, so lists and reports sum lines in the database.

The same integers as `money.line_amounts`, without leaving 64 bits: a percentage discount is split
as gross = 10,000·a + b, so that gross × rate never has to be formed (gross reaches 10^15 satang).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import case
from sqlalchemy.sql import ColumnElement

from crm_desktop.db.spelling import smaller
from crm_desktop.money import BP, MILLI


def _half_up(numerator: ColumnElement[Any], denominator: int) -> ColumnElement[int]:
    """Integer division rounding halves up, as `money.round_half_up` (operands are integers)."""
    return (2 * numerator + denominator) // (2 * denominator)


def line_gross(line: Any) -> ColumnElement[int]:
    """A line's quantity × unit price in satang; `line` is a line model or an alias of one."""
    return _half_up(line.quantity_milli * line.unit_price_satang, MILLI)


def _stored_discount(line: Any) -> ColumnElement[int]:
    gross = line_gross(line)
    by_rate = (gross // BP) * line.discount_bp + _half_up((gross % BP) * line.discount_bp, BP)
    return case((line.discount_bp > 0, by_rate), else_=line.discount_satang)


def line_discount(line: Any) -> ColumnElement[int]:
    """A line's discount, at most its gross. The services never store more, but a sync can (two
    copies' edits of one line merged: a lower price and a larger discount); every figure then takes
    the discount as cut to the gross, as `queries/sales/detail.safe_totals` does."""
    return smaller(_stored_discount(line), line_gross(line))


def line_discount_cut(line: Any) -> ColumnElement[bool]:
    """True for a line whose stored discount exceeds its gross (`line_discount` cuts it)."""
    return _stored_discount(line) > line_gross(line)


def line_net(line: Any) -> ColumnElement[int]:
    """A line's amount after its own discount (before the bill discount and VAT)."""
    return line_gross(line) - line_discount(line)
