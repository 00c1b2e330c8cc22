"""Office-wide settings stored in the database (they travel with sync), and the user list."""

from __future__ import annotations

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import ValidationError
from crm_desktop.rfm import MAX_WEIGHT, WEIGHTS_KEY, Weights, parse_weights
from crm_desktop.services import validation
from crm_desktop.services.changes import ChangeSet, Entity, change

COMPANY_NAME = "company_name"


def company_name(uow: UnitOfWork) -> str:
    with uow:
        return uow.settings.value(COMPANY_NAME)


def set_company_name(uow: UnitOfWork, name: str) -> ChangeSet:
    with uow:
        uow.settings.set_value(COMPANY_NAME, validation.optional_text(name, "company_name", 200))
        uow.commit()
    return change(Entity.SETTING, updated=(COMPANY_NAME,))


def rfm_weights(uow: UnitOfWork) -> Weights:
    """The weights of the customer ranking (RFM) the owner set; equal weights until then."""
    with uow:
        return parse_weights(uow.settings.value(WEIGHTS_KEY))


def set_rfm_weights(uow: UnitOfWork, weights: Weights) -> ChangeSet:
    """Store the ranking's weights for the whole office (they travel with sync)."""
    problem = weights.problem()
    if problem:
        raise ValidationError("rfm_weights", problem, max=MAX_WEIGHT)
    with uow:
        uow.settings.set_value(WEIGHTS_KEY, weights.stored())
        uow.commit()
    return change(Entity.SETTING, updated=(WEIGHTS_KEY,))
