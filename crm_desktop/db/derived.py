"""Columns derived from a row's own fields, declared once: every writer keeps them the same way.

The ORM keeps them through the mapper events below; the bulk loader, the sync import and an erasure
call `derived_values` for the rows they write. Derived columns (models.base.DERIVED_COLUMNS) are not
user data: the change log never records them and every copy computes them itself, so a change of a
rule needs only a migration that computes the column again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper

from crm_desktop.collation import sort_key
from crm_desktop.models import Account, Contact, Lead, Opportunity, Product
from crm_desktop.text import company_key, person_key


@dataclass(frozen=True)
class Derived:
    """One derived column: its name, the fields it is made of, and how (from those fields' values)."""

    column: str
    sources: tuple[str, ...]
    compute: Callable[..., Any]


def _company(name: str | None) -> str:
    return company_key(name or "")


def _person(first: str | None, last: str | None) -> str:
    return person_key(first or "", last or "")


def _lead(first: str | None, last: str | None, company: str | None) -> str:
    return _person(first, last) or _company(company)  # the person, else the company


def _name_order(*parts: str | None) -> str:
    return sort_key(" ".join(filter(None, parts)))


_NAME_ORDER = Derived("sort_key", ("name",), _name_order)
_PERSON_ORDER = Derived("sort_key", ("first_name", "last_name"), _name_order)
DERIVED: dict[str, tuple[Derived, ...]] = {
    "account": (Derived("match_key", ("name",), _company), _NAME_ORDER),
    "contact": (Derived("match_key", ("first_name", "last_name"), _person), _PERSON_ORDER),
    "lead": (Derived("match_key", ("first_name", "last_name", "company_name"), _lead), _PERSON_ORDER),
    "opportunity": (_NAME_ORDER,),
    "product": (Derived("sort_key", ("name_th",), _name_order),),
}
# table -> every field some derived column of it is made of
SOURCES: dict[str, tuple[str, ...]] = {
    table: tuple(dict.fromkeys(s for d in columns for s in d.sources)) for table, columns in DERIVED.items()}


def derived_values(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """The derived columns of a row of `table` from its fields (empty for a table that has none)."""
    return {d.column: d.compute(*map(row.get, d.sources)) for d in DERIVED.get(table, ())}


_MATCH = {table: d for table, columns in DERIVED.items() for d in columns if d.column == "match_key"}


def match_key_for(table: str, row: Mapping[str, Any]) -> str:
    """The duplicate blocking key of a row of `table` ("account", "contact" or "lead") from its names."""
    match = _MATCH[table]
    key: str = match.compute(*map(row.get, match.sources))
    return key


def _stamp(_mapper: Mapper[Any], _conn: Connection, target: Any) -> None:
    table = target.__tablename__
    for column, value in derived_values(table, {k: getattr(target, k) for k in SOURCES[table]}).items():
        setattr(target, column, value)


for _model in (Account, Contact, Lead, Opportunity, Product):
    event.listen(_model, "before_insert", _stamp)
    event.listen(_model, "before_update", _stamp)
