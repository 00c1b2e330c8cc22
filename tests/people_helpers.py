"""The office's people for tests of roles and logins: added by the owner, who alone may add them."""

from __future__ import annotations

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.models import User
from crm_desktop.services.app import OWNER_ID, AppContext


def add_user(ctx: AppContext, name: str, role: str = "sales") -> str:
    with UnitOfWork(ctx.database, OWNER_ID) as uow:
        person = uow.users.add(User(name=name, role=role, active=True))
        uow.commit()
    return person.id
