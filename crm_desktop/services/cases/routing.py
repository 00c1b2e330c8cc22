"""Routing rules of service cases: a category or a province goes to a person or to a team.

The rules are one office-wide setting (`case_routing`, a JSON list, in order; the owner or a manager
edits it). The first rule whose category or province matches the case names its owner: a person, or
a team (a named list of people) taken in turn. The turn is read from the cases themselves: the team
member after the owner of the team's latest case of that rule (by opening time), in name order, so it
is the same after a restart and on every copy that holds the same cases.

A rule whose people have all been deactivated since it was saved does not lose the case: it is
skipped with a notice and the next matching rule decides (or nobody, and the case stays new for a
manager to assign). Saving a rule that names a deactivated person is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import and_, func, or_, select

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, ValidationError
from crm_desktop.models import Account, Case, Contact, User
from crm_desktop.roles import CASE_RULES
from crm_desktop.services import validation
from crm_desktop.services.changes import ChangeSet, Entity, change

ROUTING_KEY = "case_routing"
Field = Literal["category", "province"]
FIELDS: tuple[Field, ...] = ("category", "province")


@dataclass(frozen=True)
class RoutingRule:
    """Cases whose `field` is `value` go to `people` (one person, or a team taken in turn)."""

    field: Field
    value: str
    people: tuple[str, ...]
    team: str = ""  # the team's name, when the rule names several people

    def stored(self) -> dict[str, object]:
        return {"field": self.field, "value": self.value, "people": list(self.people), "team": self.team}


@dataclass(frozen=True)
class Routed:
    """Who a case goes to (None: nobody, it stays new) and the rules skipped on the way."""

    owner_id: str | None
    skipped: tuple[DomainError, ...] = field(default=())


def parse_rules(text: str) -> list[RoutingRule]:
    """The stored rules; an unreadable entry is left out (a newer copy's shape)."""
    try:
        data = json.loads(text) if text else []
    except ValueError:
        return []
    rules: list[RoutingRule] = []
    for item in data if isinstance(data, list) else []:
        try:
            if item["field"] in FIELDS:
                rules.append(RoutingRule(item["field"], str(item["value"]), tuple(str(p) for p in item["people"]),
                                         str(item.get("team", ""))))
        except (KeyError, TypeError):
            continue
    return rules


def rules_in(uow: UnitOfWork) -> list[RoutingRule]:
    return parse_rules(uow.settings.value(ROUTING_KEY))


def routing_rules(uow: UnitOfWork) -> list[RoutingRule]:
    with uow:
        return rules_in(uow)


def _clean(uow: UnitOfWork, rule: RoutingRule, number: int) -> RoutingRule:
    if rule.field not in FIELDS:
        raise ValidationError("routing", "A routing rule matches a category or a province.")
    value = " ".join(rule.value.split())
    if not value:
        raise ValidationError("routing", "Routing rule {number} has no category or province.", number=number)
    if rule.field == "province":
        value = validation.province(value, "routing")
    people = tuple(dict.fromkeys(rule.people))
    if not people:
        raise ValidationError("routing", "Routing rule {number} names nobody to take its cases.", number=number)
    for person_id in people:
        person = uow.users.get(person_id)
        if person is None:
            raise ValidationError("routing", "Routing rule {number} names a person who was removed.", number=number)
        if not person.active:
            raise ValidationError("routing", "Routing rule {number} names {name}, who is deactivated: choose "
                                             "someone active.", number=number, name=person.name)
    team = " ".join(rule.team.split())
    if len(people) > 1 and not team:
        raise ValidationError("routing", "Routing rule {number} names several people: give the team a name.",
                              number=number)
    return RoutingRule(rule.field, value, people, team if len(people) > 1 else "")


def set_routing_rules(uow: UnitOfWork, rules: list[RoutingRule]) -> ChangeSet:
    """Store the rules in this order (the owner or a manager); each is checked first."""
    with uow:
        uow.require(CASE_RULES)
        cleaned = [_clean(uow, rule, i) for i, rule in enumerate(rules, start=1)]
        uow.settings.set_value(ROUTING_KEY, json.dumps([r.stored() for r in cleaned], ensure_ascii=False))
        uow.commit()
    return change(Entity.SETTING, updated=(ROUTING_KEY,))


def case_province(uow: UnitOfWork, account_id: str | None, contact_id: str | None) -> str:
    """The province a case is routed by: its company's, else its contact's."""
    for model, row_id in ((Account, account_id), (Contact, contact_id)):
        if row_id:
            found = uow.session.scalar(select(model.province).where(model.id == row_id))
            if found:
                return str(found)
    return ""


def _matches(rule: RoutingRule, category: str, province: str) -> bool:
    wanted = category if rule.field == "category" else province
    return bool(wanted) and wanted.casefold() == rule.value.casefold()


def next_in_turn(members: list[tuple[str, str]], last_owner: str | None,
                 names: dict[str, str]) -> str:
    """Round-robin: the member after `last_owner` in name order (`members`: (name, id) sorted); the
    first when the last owner is not known or left the team ("after" where their name would be)."""
    if last_owner is None:
        return members[0][1]
    key = (names.get(last_owner, ""), last_owner)
    return next((pid for name, pid in members if (name, pid) > key), members[0][1])


def _last_owner(uow: UnitOfWork, rule: RoutingRule) -> str | None:
    """The owner of the latest live case of this rule's kind that went to one of its people."""
    if rule.field == "category":
        condition = func.lower(Case.category) == rule.value.lower()
        stmt = select(Case.owner_id)
    else:
        stmt = (select(Case.owner_id).outerjoin(Account, Account.id == Case.account_id)
                .outerjoin(Contact, Contact.id == Case.contact_id))
        condition = or_(Account.province == rule.value,
                        and_(func.coalesce(Account.province, "") == "", Contact.province == rule.value))
    found = uow.session.scalar(
        stmt.where(Case.deleted_at.is_(None), Case.owner_id.in_(rule.people), condition)
        .order_by(Case.opened_at.desc(), Case.id.desc()).limit(1))
    return None if found is None else str(found)


def route(uow: UnitOfWork, category: str, province: str) -> Routed:
    """Inside an open unit of work: who a new case of `category` in `province` goes to."""
    skipped: list[DomainError] = []
    for number, rule in enumerate(rules_in(uow), start=1):
        if not _matches(rule, category, province):
            continue
        people = {u.id: u for u in uow.session.scalars(select(User).where(User.id.in_(rule.people)))}
        active = sorted((u.name, u.id) for u in people.values() if u.active and u.deleted_at is None)
        gone = [people[p].name if p in people else "?" for p in rule.people
                if p not in people or not people[p].active or people[p].deleted_at is not None]
        if gone:
            skipped.append(DomainError("Routing rule {number} names {names}, who is no longer active: ask a manager "
                                       "to change the rule.", number=number, names=", ".join(gone)))
        if not active:
            continue
        names = {u.id: u.name for u in people.values()}
        return Routed(next_in_turn(active, _last_owner(uow, rule), names), tuple(skipped))
    return Routed(None, tuple(skipped))
