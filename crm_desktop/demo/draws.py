"""The sample data's seeded random draws, made cheaper where millions of them are taken.

`random.Random` draws an index (choice, randint, randrange) by asking for random bits until they
fit, about 1 µs a draw in Python: the large demo takes some 30 million of them. `Draws` scales one
`random()` instead (53 bits: no bias that shows for lists and ranges this size), and `Weighted`
keeps its cumulative weights instead of summing them at every draw as `Random.choices` does. The
same seed still gives the same data.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Draws(random.Random):
    def choice(self, seq: Sequence[T]) -> T:
        return seq[int(self.random() * len(seq))]

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:  # type: ignore[override]
        if step != 1:
            raise ValueError("only steps of 1")
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))


class Weighted(Generic[T]):
    """Values drawn by their weights, the cumulative weights summed once."""

    def __init__(self, pairs: Sequence[tuple[T, float]]) -> None:
        self.values = [v for v, _ in pairs]
        self.cumulative = list(accumulate(w for _, w in pairs))

    def draw(self, rnd: random.Random) -> T:
        return self.values[bisect(self.cumulative, rnd.random() * self.cumulative[-1])]
