"""How much sample data each demo size makes; apart from the generators so that the command line offers
the sizes without loading them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Size:
    accounts: int
    contacts: int
    reps: int
    leads: int
    deals: int
    activities: int  # one-off ones, besides the series
    key_accounts: int  # with a monthly visit
    anniversaries: int  # custom yearly dates
    products: int
    quotations: int  # asked for by customers directly, besides those of the deals
    order_lines: int
    cases: int  # service cases, with about five status moves each


SIZES = {
    "small": Size(accounts=200, contacts=600, reps=4, leads=300, deals=150, activities=3_000, key_accounts=6,
                  anniversaries=40, products=80, quotations=60, order_lines=2_000, cases=300),
    "medium": Size(accounts=5_000, contacts=15_000, reps=8, leads=3_000, deals=1_500, activities=60_000,
                   key_accounts=40, anniversaries=600, products=500, quotations=1_500, order_lines=25_000,
                   cases=5_000),
    # Sixty reps: a million activities in two years are about 35 a working day each.
    "large": Size(accounts=100_000, contacts=300_000, reps=60, leads=20_000, deals=10_000, activities=1_000_000,
                  key_accounts=300, anniversaries=6_000, products=2_000, quotations=20_000, order_lines=500_000,
                  cases=50_000),
}


@dataclass(frozen=True)
class MarketingSize:
    campaigns: int  # in all, the pipeline's yearly campaigns included
    members: int


MARKETING = {
    "small": MarketingSize(campaigns=30, members=1_500),
    "medium": MarketingSize(campaigns=80, members=30_000),
    "large": MarketingSize(campaigns=200, members=300_000),
}
