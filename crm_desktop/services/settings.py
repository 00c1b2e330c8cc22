"""Office-wide settings stored in the database (they travel with sync), and the user list."""

from __future__ import annotations

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.services import validation
from crm_desktop.services.changes import Changes

COMPANY_NAME = "company_name"


def company_name(uow: UnitOfWork) -> str:
    with uow:
        return uow.settings.value(COMPANY_NAME)


def set_company_name(uow: UnitOfWork, name: str) -> Changes:
    with uow:
        uow.settings.set_value(COMPANY_NAME, validation.optional_text(name, "company_name", 200))
        uow.commit()
    return Changes("setting", updated=(COMPANY_NAME,))
