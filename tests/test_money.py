"""Money arithmetic against an exact reference (fractions), and the SQL line formula against Python."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select

from crm_desktop.db.line_amounts import line_discount, line_gross, line_net
from crm_desktop.models import QuotationLine
from crm_desktop.models.sales import MAX_QUANTITY_MILLI, MAX_UNIT_PRICE_SATANG
from crm_desktop.money import Line, line_amounts, totals


def half_up(value: Fraction) -> int:
    whole = value.numerator // value.denominator
    return whole + (1 if value - whole >= Fraction(1, 2) else 0)


def reference(lines: list[Line], bill: int, vat_bp: int, inclusive: bool) -> tuple[int, int, int]:
    """(amount, vat, grand total) computed with exact fractions, rounding only where the rule says."""
    nets, vatable_nets = [], []
    for line in lines:
        gross = half_up(Fraction(line.quantity_milli * line.unit_price_satang, 1000))
        discount = half_up(Fraction(gross * line.discount_bp, 10_000)) if line.discount_bp else line.discount_satang
        nets.append(gross - discount)
        vatable_nets.append(gross - discount if line.vatable else 0)
    subtotal = sum(nets)
    amount = subtotal - bill
    vatable = sum(vatable_nets) - (half_up(Fraction(bill * sum(vatable_nets), subtotal)) if subtotal else 0)
    rate = Fraction(vat_bp, 10_000)
    vat = half_up(vatable * rate / (1 + rate)) if inclusive else half_up(vatable * rate)
    return amount, vat, amount if inclusive else amount + vat


lines_strategy = st.lists(st.builds(
    Line,
    quantity_milli=st.integers(1, 10**7),
    unit_price_satang=st.integers(0, 10**8),
    discount_bp=st.sampled_from([0, 0, 500, 1000, 333, 10_000]),
    vatable=st.booleans(),
), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(lines=lines_strategy, inclusive=st.booleans(), bill_share=st.fractions(0, 1), vat_bp=st.sampled_from([700, 0]))
def test_totals_equal_the_exact_reference(lines: list[Line], inclusive: bool, bill_share: Fraction,
                                          vat_bp: int) -> None:
    subtotal = sum(line_amounts(ln.quantity_milli, ln.unit_price_satang, ln.discount_bp).net for ln in lines)
    bill = int(subtotal * bill_share)
    got = totals(lines, bill, vat_bp, inclusive)
    assert (got.amount, got.vat, got.grand_total) == reference(lines, bill, vat_bp, inclusive)
    assert got.before_vat + got.vat == got.grand_total


def test_rounding_halves_go_up() -> None:
    # 0.333 × 1.50 baht = 0.4995 baht → 50 satang; 7 % of 0.50 baht = 3.5 satang → 4 satang.
    assert line_amounts(333, 150).gross == 50
    assert totals([Line(1000, 50)]).vat == 4
    # Prices with VAT: 107.00 baht holds exactly 7.00 baht of VAT.
    inclusive = totals([Line(1000, 10_700)], prices_include_vat=True)
    assert (inclusive.vat, inclusive.before_vat, inclusive.grand_total) == (700, 10_000, 10_700)


def test_a_discount_may_equal_but_not_exceed_the_line() -> None:
    assert line_amounts(1000, 500, discount_satang=500).net == 0
    with pytest.raises(ValueError):
        line_amounts(1000, 500, discount_satang=501)
    with pytest.raises(ValueError):
        totals([Line(1000, 500)], bill_discount_satang=501)


def test_bill_discount_is_shared_between_vatable_and_exempt_lines() -> None:
    got = totals([Line(1000, 10_000), Line(1000, 10_000, vatable=False)], bill_discount_satang=2_000)
    assert got.vatable == 9_000 and got.vat == 630 and got.grand_total == 18_630


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(1, MAX_QUANTITY_MILLI), st.integers(0, MAX_UNIT_PRICE_SATANG),
                          st.integers(0, 10_000)), min_size=1, max_size=20))
def test_the_sql_line_formula_matches_python_at_the_limits(rows: list[tuple[int, int, int]]) -> None:
    engine = create_engine("sqlite://")
    table = QuotationLine.__table__
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE quotation_line (id INTEGER PRIMARY KEY, quantity_milli INTEGER, "
                             "unit_price_satang INTEGER, discount_bp INTEGER, discount_satang INTEGER)")
        conn.exec_driver_sql("INSERT INTO quotation_line VALUES (?, ?, ?, ?, 0)",
                             [(i, q, p, bp) for i, (q, p, bp) in enumerate(rows)])
        c = table.c
        got = conn.execute(select(line_gross(c), line_discount(c), line_net(c)).order_by(c.id)).all()
    expected = [line_amounts(q, p, bp) for q, p, bp in rows]
    assert [tuple(r) for r in got] == [(e.gross, e.discount, e.net) for e in expected]
