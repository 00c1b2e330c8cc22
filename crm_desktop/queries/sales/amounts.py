"""`crm_desktop.money`'s line formula in SQL, so lists and reports sum lines in the database.

The same integers as `money.line_amounts`, without leaving 64 bits: a percentage discount is split
as gross = 10,000·a + b, so that gross × rate never has to be formed (gross reaches 10^15 satang).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import case
from sqlalchemy.sql import ColumnElement

from crm_desktop.money import BP, MILLI


def _half_up(numerator: ColumnElement[Any], denominator: int) -> ColumnElement[int]:
    """Integer division rounding halves up, as `money.round_half_up` (operands are integers)."""
    return (2 * numerator + denominator) // (2 * denominator)


def line_gross(line: Any) -> ColumnElement[int]:
    """A line's quantity × unit price in satang; `line` is a line model or an alias of one."""
    return _half_up(line.quantity_milli * line.unit_price_satang, MILLI)


def line_discount(line: Any) -> ColumnElement[int]:
    gross = line_gross(line)
    by_rate = (gross // BP) * line.discount_bp + _half_up((gross % BP) * line.discount_bp, BP)
    return case((line.discount_bp > 0, by_rate), else_=line.discount_satang)


def line_net(line: Any) -> ColumnElement[int]:
    """A line's amount after its own discount (before the bill discount and VAT)."""
    return line_gross(line) - line_discount(line)
