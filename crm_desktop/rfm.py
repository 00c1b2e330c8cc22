"""The customer ranking's arithmetic (RFM: recency, frequency, money), pure and shared: the settings
service stores the owner's weights with it, the report reads them back with it.

Each customer gets three scores from 1 to 5, by where their value stands among the customers ranked
together: a score is 1 + the fifths of the others the customer beats outright (`fifth_scores`), so
5 means "better than at least 80 % of the customers", equal values get equal scores and a tie shared
by most customers (one order each) keeps them all low. Recency is better when fewer days have passed
since the last order; frequency (orders) and money (sales) when higher.

The weighted score is the weighted mean of the three, put on a 0-100 scale: 0 when all three are 1,
100 when all three are 5. The owner's weights are whole numbers from 0 to `MAX_WEIGHT`, at least one
above 0; stored as "r,f,m" in the office setting `WEIGHTS_KEY`, so every copy ranks alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WEIGHTS_KEY = "rfm_weights"
MAX_WEIGHT = 10
SCORES = 5  # fifths
AT_RISK_RECENCY = 2  # at most this recency score…
AT_RISK_PAST = 4  # …with frequency and money scores averaging at least this: a good customer gone quiet


@dataclass(frozen=True)
class Weights:
    recency: int = 1
    frequency: int = 1
    monetary: int = 1

    def problem(self) -> str | None:
        """Why these weights cannot be used (a message for the form), or None."""
        values = (self.recency, self.frequency, self.monetary)
        if any(isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= MAX_WEIGHT for v in values):
            return "A weight is a whole number from 0 to {max}."
        if not any(values):
            return "At least one weight must be above 0."
        return None

    def stored(self) -> str:
        return f"{self.recency},{self.frequency},{self.monetary}"

    def points(self, recency: int, frequency: int, monetary: int) -> int:
        """The weighted sum of the scores: from `total` (all 1) to `SCORES` × `total` (all 5)."""
        return self.recency * recency + self.frequency * frequency + self.monetary * monetary

    @property
    def total(self) -> int:
        return self.recency + self.frequency + self.monetary


DEFAULT_WEIGHTS = Weights()


def parse_weights(text: str) -> Weights:
    """The stored "r,f,m"; the default for anything else (an unset setting, a value a bad sync left)."""
    parts = text.split(",")
    if len(parts) != 3 or not all(p.strip().isdigit() for p in parts):
        return DEFAULT_WEIGHTS
    weights = Weights(*(int(p) for p in parts))
    return DEFAULT_WEIGHTS if weights.problem() else weights


def fifth_scores(values: Sequence[int]) -> list[int]:
    """For each value (higher is better), 1 + 5 × (how many values are strictly lower) // n."""
    ordered = sorted(values)
    n = len(values)
    below: dict[int, int] = {}
    for index, value in enumerate(ordered):
        below.setdefault(value, index)
    return [1 + SCORES * below[v] // n for v in values]


def at_risk(recency: int, frequency: int, monetary: int) -> bool:
    """Bought often and much, but not lately."""
    return recency <= AT_RISK_RECENCY and frequency + monetary >= 2 * AT_RISK_PAST
