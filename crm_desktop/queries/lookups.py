"""Small lists for pickers and filters: users, values in use."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from crm_desktop.db.database import Database
from crm_desktop.errors import ValidationError
from crm_desktop.models import Account, Case, Contact, Lead, Opportunity, Product, Quotation, SalesOrder, User
from crm_desktop.models.base import Base


@dataclass(frozen=True)
class UserRow:
    id: str
    name: str
    role: str
    active: bool
    email: str = ""


def users(db: Database, active_only: bool = True) -> list[UserRow]:
    user = User.__table__.c  # the table's columns: the first screen asks (ARCHITECTURE.md, Start-up)
    stmt = (select(user.id, user.name, user.role, user.active, user.email)
            .where(user.deleted_at.is_(None)).order_by(user.name))
    if active_only:
        stmt = stmt.where(user.active.is_(True))
    with db.engine.connect() as conn:
        return [UserRow(*r) for r in conn.execute(stmt)]


def user_named(db: Database, name: str) -> UserRow:
    """The one person (active or not: their history stays) called `name`, whatever the case and spacing
    (the command line's --owner)."""
    return person_named(users(db, active_only=False), name)


def person_named(people: Sequence[UserRow], name: str) -> UserRow:
    """The one of `people` whose name or e-mail is `name`, whatever the case and spacing (an imported
    file's owner column too); a readable ValidationError when nobody or several are."""
    wanted = " ".join(name.split()).casefold()
    found = [p for p in people if wanted in (" ".join(p.name.split()).casefold(), p.email.casefold())]
    if not found:
        raise ValidationError("owner", "Nobody is named {name}. The people are: {names}.",
                              name=name, names=", ".join(p.name for p in people))
    if len(found) > 1:
        raise ValidationError("owner", "{count} people are named {name}; give one of them another name in the "
                              "settings first.", count=len(found), name=name)
    return found[0]


def account_values(db: Database, column: str) -> list[str]:
    """Distinct non-empty values of an account column (segment, industry) for filter menus."""
    account = Account.__table__.c  # (as `users`)
    col = {"segment": account.segment, "industry": account.industry}[column]
    stmt = select(col).where(account.deleted_at.is_(None), col != "").distinct().order_by(col)
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(stmt)]


def record_key(db: Database, entity: str, record_id: str) -> str | None:
    """The list key of a record (its id) while it is live, so a list can find and select it; None
    once it was deleted."""
    model = {"account": Account, "contact": Contact, "lead": Lead, "opportunity": Opportunity,
             "product": Product, "quotation": Quotation, "sales_order": SalesOrder, "case": Case}[entity]
    stmt = select(model.id).where(model.id == record_id, model.deleted_at.is_(None))
    with db.engine.connect() as conn:
        return conn.execute(stmt).scalar()


OWNERS_ASKED = 500  # selected rows whose owners a screen looks up (more: the service decides alone)


def owners(db: Database, entity: str, ids: Sequence[str]) -> set[str | None]:
    """The owners of the rows `ids` of an owned kind (None: unassigned)."""
    table = Base.metadata.tables[entity]
    with db.engine.connect() as conn:
        return {o for (o,) in conn.execute(select(table.c.owner_id).where(table.c.id.in_(list(ids))))}
