"""The office's people: add, edit, deactivate. A person who leaves is deactivated, never deleted, so
their history keeps its name; they drop out of pickers and the round-robin."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.models import User
from crm_desktop.models.user import COLOUR, ROLES
from crm_desktop.services import validation
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.logins import keep_an_owner_who_can_log_in

ENTITY = Entity.USER


@dataclass
class UserInput:
    name: str = ""
    role: str = "sales"
    email: str = ""
    phone: str = ""
    colour: str = ""


def _live(uow: UnitOfWork, user_id: str) -> User:
    person = uow.users.get(user_id)
    if person is None:
        raise NotFound("This person was removed by someone else. Refresh the list.")
    return person


def _apply(uow: UnitOfWork, person: User, data: UserInput) -> None:
    name = validation.column_text(data.name, User.name)
    if data.role not in ROLES:
        raise ValidationError("role", "Choose a role.")
    colour = data.colour.strip().lower()
    if colour and re.fullmatch(COLOUR, colour) is None:
        raise ValidationError("colour", "A colour is written as #rrggbb.")
    same_name = select(func.count()).select_from(User).where(
        func.lower(User.name) == name.lower(), User.id != person.id, User.deleted_at.is_(None))
    if uow.session.scalar(same_name):
        raise ValidationError("name", "{name} is already on the list; add something to tell them apart.", name=name)
    email, phone = validation.email(data.email), validation.phone(data.phone)
    if person.role == "owner" and data.role != "owner" and person.active:
        _keep_an_owner(uow, person)
    person.name, person.role, person.colour, person.email, person.phone = name, data.role, colour, email, phone


def _keep_an_owner(uow: UnitOfWork, leaving: User) -> None:
    others = select(func.count()).select_from(User).where(
        User.role == "owner", User.active.is_(True), User.deleted_at.is_(None), User.id != leaving.id)
    if not uow.session.scalar(others):
        raise DomainError("{name} is the only active owner; make someone else owner first.", name=leaving.name)
    keep_an_owner_who_can_log_in(uow, leaving)


def create_user(uow: UnitOfWork, data: UserInput) -> ChangeSet:
    with uow:
        person = User(active=True)
        _apply(uow, person, data)
        uow.users.add(person)
        uow.commit()
    return change(ENTITY, created=(person.id,))


def update_user(uow: UnitOfWork, user_id: str, data: UserInput) -> ChangeSet:
    with uow:
        _apply(uow, _live(uow, user_id), data)
        uow.commit()
    return change(ENTITY, updated=(user_id,))


def set_active(uow: UnitOfWork, user_id: str, active: bool) -> ChangeSet:
    """Deactivate someone who left (their records and history stay theirs) or bring them back."""
    with uow:
        person = _live(uow, user_id)
        if not active:
            if user_id == uow.user_id:
                raise DomainError("You cannot deactivate yourself; another person must do it.")
            if person.role == "owner":
                _keep_an_owner(uow, person)
        person.active = active
        uow.commit()
    return change(ENTITY, updated=(user_id,))


def user_input(uow: UnitOfWork, user_id: str) -> UserInput:
    with uow:
        p = _live(uow, user_id)
        return UserInput(p.name, p.role, p.email, p.phone, p.colour)
