"""Small lists for pickers and filters: users, values in use."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from crm_desktop.db.database import Database
from crm_desktop.models import Account, User


@dataclass(frozen=True)
class UserRow:
    id: str
    name: str
    role: str
    active: bool


def users(db: Database, active_only: bool = True) -> list[UserRow]:
    stmt = select(User.id, User.name, User.role, User.active).where(User.deleted_at.is_(None)).order_by(User.name)
    if active_only:
        stmt = stmt.where(User.active.is_(True))
    with db.engine.connect() as conn:
        return [UserRow(*r) for r in conn.execute(stmt)]


def account_values(db: Database, column: str) -> list[str]:
    """Distinct non-empty values of an account column (segment, industry) for filter menus."""
    col = {"segment": Account.segment, "industry": Account.industry}[column]
    stmt = select(col).where(Account.deleted_at.is_(None), col != "").distinct().order_by(col)
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(stmt)]
