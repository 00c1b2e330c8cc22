"""Keep the derived `match_key` column (duplicate blocking key) in step with the names it comes from.

Mapper events compute it on every ORM insert and update; `db/bulk.py` calls `match_key_for` for bulk
loads. The column is derived data (models.base.DERIVED_COLUMNS): the change log never records it and
every copy recomputes it, so a rule change needs only a migration that recomputes the keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapper

from crm_desktop.models import Account, Contact, Lead
from crm_desktop.text import company_key, person_key


def match_key_for(table: str, row: Mapping[str, Any]) -> str:
    """The blocking key of a row of `table` ("account", "contact" or "lead") given its name fields."""
    if table == "account":
        return company_key(row.get("name") or "")
    person = person_key(row.get("first_name") or "", row.get("last_name") or "")
    if table == "contact":
        return person
    return person or company_key(row.get("company_name") or "")  # a lead: the person, else the company


SOURCES = {"account": ("name",), "contact": ("first_name", "last_name"),
            "lead": ("first_name", "last_name", "company_name")}


def _stamp(_mapper: Mapper[Any], _conn: Connection, target: Any) -> None:
    table = target.__tablename__
    target.match_key = match_key_for(table, {k: getattr(target, k) for k in SOURCES[table]})


for _model in (Account, Contact, Lead):
    event.listen(_model, "before_insert", _stamp)
    event.listen(_model, "before_update", _stamp)
