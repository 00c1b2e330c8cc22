"""The lines of deals, quotations and orders: one check for all three, in words a user understands.

A line refers to a product or is free text. It is stored as a snapshot (description, unit, price and
VAT flag as typed), so the document keeps saying what was offered after the product changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import ValidationError
from crm_desktop.models.rules import MAX_AMOUNT_SATANG
from crm_desktop.models.sales import (
    FULL_DISCOUNT_BP,
    MAX_QUANTITY_MILLI,
    MAX_UNIT_PRICE_SATANG,
    LineMixin,
    OpportunityLine,
)
from crm_desktop.money import Line, line_amounts
from crm_desktop.services import validation

MAX_LINES = 500  # a document longer than this is a price list, not a quotation


@dataclass
class LineInput:
    """One row of the lines editor. Quantity in thousandths, money in satang.

    `price_zero_confirmed`: the user said yes to "this line is free of charge?"; without it a line
    priced 0 is refused, because a forgotten price is the commoner case.
    """

    description: str
    quantity_milli: int = 1000
    unit_price_satang: int = 0
    product_id: str | None = None
    unit: str = ""
    discount_bp: int = 0
    discount_satang: int = 0
    vatable: bool = True
    price_zero_confirmed: bool = False


def money_line(data: LineInput | LineMixin) -> Line:
    """What `money.totals` needs of a line input or a stored line."""
    return Line(data.quantity_milli, data.unit_price_satang, data.discount_bp, data.discount_satang, data.vatable)


def _whole(value: object, number: int, low: int, high: int, message: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(f"line {number}", message, number=number)
    return value


def clean_line(uow: UnitOfWork, data: LineInput, number: int, kept_product_id: str | None = None) -> dict[str, object]:
    """The column values of one line, or a ValidationError naming the line (1-based `number`).

    `kept_product_id`: the product the stored line already points at; it may have been deleted
    since, and an unchanged line stays valid (a new or changed one may not use a deleted product).
    """
    field = f"line {number}"
    if data.product_id and data.product_id != kept_product_id and uow.products.get(data.product_id) is None:
        raise ValidationError(field, "Line {number}: the product was deleted; choose another or type the line.",
                              number=number)
    if isinstance(data.quantity_milli, int) and not isinstance(data.quantity_milli, bool) and \
            data.quantity_milli <= 0:
        raise ValidationError(field, "Line {number}: the quantity must be more than 0.", number=number)
    quantity = _whole(data.quantity_milli, number, 1, MAX_QUANTITY_MILLI,
                      "Line {number}: the quantity is too large.")
    price = _whole(data.unit_price_satang, number, 0, MAX_UNIT_PRICE_SATANG,
                   "Line {number}: the unit price must be from 0 to 10,000,000 baht.")
    percent = _whole(data.discount_bp, number, 0, FULL_DISCOUNT_BP,
                     "Line {number}: a discount is from 0 to 100 %.")
    baht_off = _whole(data.discount_satang, number, 0, MAX_AMOUNT_SATANG,
                      "Line {number}: a discount cannot be negative.")
    if percent and baht_off:
        raise ValidationError(field, "Line {number}: give the discount either in % or in baht, not both.",
                              number=number)
    if price == 0 and not data.price_zero_confirmed:
        raise ValidationError(field, "Line {number} has no price. Enter the price, or confirm that it is free.",
                              number=number)
    try:
        line_amounts(quantity, price, percent, baht_off)
    except ValueError:
        raise ValidationError(field, "Line {number}: the discount is more than the line's amount.",
                              number=number) from None
    description = data.description.strip()
    if not description:
        raise ValidationError(field, "Line {number} needs a description or a product.", number=number)
    return {
        "product_id": data.product_id or None,
        # A mapped class's columns (the mixin's own attributes are not columns yet); every kind of
        # line has the same ones.
        "description": validation.column_text(description, OpportunityLine.description, field),
        "unit": validation.column_text(data.unit, OpportunityLine.unit, field),
        "quantity_milli": quantity,
        "unit_price_satang": price,
        "discount_bp": percent,
        "discount_satang": baht_off,
        "vatable": bool(data.vatable),
    }


def clean_lines(uow: UnitOfWork, lines: Sequence[LineInput],
                kept_products: Sequence[str | None] = ()) -> list[dict[str, object]]:
    """Every line checked, in order, with its position; `kept_products[i]` as in `clean_line`."""
    if len(lines) > MAX_LINES:
        raise ValidationError("lines", "A document has at most {max} lines.", max=MAX_LINES)
    cleaned = []
    for index, data in enumerate(lines):
        kept = kept_products[index] if index < len(kept_products) else None
        values = clean_line(uow, data, index + 1, kept)
        values["position"] = index
        cleaned.append(values)
    return cleaned


def line_input(line: LineMixin) -> LineInput:
    """A stored line as the editor shows it (a stored 0 price was confirmed when it was saved)."""
    return LineInput(line.description, line.quantity_milli, line.unit_price_satang, line.product_id, line.unit,
                     line.discount_bp, line.discount_satang, line.vatable, price_zero_confirmed=True)
