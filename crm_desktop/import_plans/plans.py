"""What each row of an import would do: the preview the read side makes and the write side applies.

Plain data, shared by queries/imports.py (which makes it) and services/imports.py (which applies it);
the wizard shows it in between. It imports no layer (only the shared kernel), so both sides may use it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from crm_desktop.errors import DomainError

NEW, UPDATE, DUPLICATE, ERROR = "new", "update", "duplicate", "error"
STATUSES = (NEW, UPDATE, DUPLICATE, ERROR)
DETAILED_ROWS = 1_000  # rows the preview shows one by one; the counts cover all
# kind of import → the records it writes
ENTITIES = {"contacts": "contact", "companies": "account", "leads": "lead", "products": "product",
            "activities": "activity"}


class RowLike(Protocol):
    """A row read from a file (exchange.mapping.NeutralRow): its number, field → value, its errors."""

    @property
    def source_row(self) -> int: ...
    @property
    def values(self) -> dict[str, object]: ...
    @property
    def errors(self) -> Sequence[object]: ...


@dataclass(frozen=True, slots=True)
class RowPlan:
    """What one row would do. `match_id`: the record it updates or duplicates; `match_row`: the
    earlier row of the file it duplicates; `reasons`: the keys shared ("sku", "tax_id", "email",
    "phone", "same_name"). `links`: form fields the row names by words, resolved (an owner's name →
    `owner_id`, a lead source's label → its key, a contact's company → `account_id`); `new_company`: the
    company the import creates for a contact (no live account has its name or tax id); `problems`:
    why the row cannot be imported beyond its cells' errors (an unknown owner, a new record without a
    field its form requires)."""

    source_row: int
    status: str
    match_id: str | None = None
    match_row: int | None = None
    reasons: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()
    new_company: str = ""
    problems: tuple[DomainError, ...] = ()


@dataclass
class Preview:
    """Every row's plan (in file order) and the counts per status; `detailed` is what a screen shows.
    `name_keys`: the match keys the preview computed, by the tuple of the name fields' texts (the
    import's bulk insert stores them instead of computing each again)."""

    plans: list[RowPlan] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    name_keys: dict[tuple[str, ...], str] = field(default_factory=dict)

    @property
    def detailed(self) -> list[RowPlan]:
        return self.plans[:DETAILED_ROWS]


