"""Alert rules the owner or a manager edits, the alerts a scan raises, and what a person does with one.

The read side finds what the active rules match (`queries.alerts.find_alerts`); `raise_alerts` keeps
each finding as an `Alert` row through the unit of work (change log, sync). The row's id is fixed by
(rule, record, period) (`models.planning.alert_id`): a finding already kept, on this copy or by another
whose file came in, is left as it is, so a re-scan never duplicates an alert nor brings back one that
was dismissed. Dismissing and snoozing are each person's: an `AlertDismissal` of (alert, person acting),
its id fixed by the two, so a dismissal on one copy holds on every copy after a sync and the same
person dismissing on two copies makes one row; Undo deletes it. A rule with
"also make a task" gives the record's owner one task per new alert, its id fixed by the alert's, so
two copies raising the same alert make the same task.

The rules' parameters are checked per kind (`models.planning.ALERT_PARAMS`): days and hours from 1,
an amount above 0 and at most a billion baht; anything else is refused with a message and nothing is
saved. Every copy seeds the same default rules (fixed ids) at start, active with defaults that suit a
small Thai business; the owner changes or switches them off, and a change is never undone by a start.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from operator import attrgetter
from typing import Any, Literal

from crm_desktop.clock import office_time, utc_time
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import DomainError, NotFound, ValidationError
from crm_desktop.messages import translate
from crm_desktop.models import Activity, Alert, AlertDismissal, AlertRule, fixed_id
from crm_desktop.models.planning import ALERT_AMOUNT_MAX, ALERT_KINDS, ALERT_PARAMS, AlertFinding, dismissal_id
from crm_desktop.services import records
from crm_desktop.services.changes import ChangeSet, Entity, change
from crm_desktop.services.formatting import format_date, format_money, parse_money
from crm_desktop.text import ascii_digits

RULE = Entity.ALERT_RULE
ALERT = Entity.ALERT
DISMISSAL = Entity.ALERT_DISMISSAL
NAME_MAX = 200

# The rules every database starts with: (kind, Thai name, parameters).
DEFAULT_RULES: tuple[tuple[str, str, dict[str, int]], ...] = (
    ("big_spender", "ลูกค้าซื้อเกิน 100,000 บาทในเดือนนี้", {"amount_satang": 10_000_000}),
    ("quiet_top_customer", "ลูกค้าคนสำคัญไม่ได้ติดต่อเกิน 60 วัน", {"days": 60}),
    ("stuck_deal", "ดีลค้างอยู่ขั้นเดิมเกิน 30 วัน", {"days": 30}),
    ("quotation_expiring", "ใบเสนอราคาจะหมดอายุใน 3 วัน", {"days": 3}),
    ("late_order", "คำสั่งซื้อส่งของล่าช้า", {"days": 1}),
    ("case_sla", "เรื่องบริการใกล้ถึงหรือเลยกำหนด SLA (4 ชั่วโมง)", {"hours": 4}),
    ("top_birthday", "วันเกิดลูกค้าคนสำคัญใน 7 วัน", {"days": 7}),
)


def default_rule_id(kind: str) -> str:
    return fixed_id("alert_rule", f"default:{kind}")


def ensure_default_alert_rules(uow: UnitOfWork) -> int:
    """Inside an open unit of work: add the default rules this database never had (a deleted one's
    tombstone counts); the caller commits. Returns how many were added."""
    ids = {default_rule_id(kind): (kind, name, params) for kind, name, params in DEFAULT_RULES}
    table = AlertRule.__table__
    present = set(uow.session.scalars(table.select().with_only_columns(table.c.id).where(table.c.id.in_(list(ids)))))
    added = 0
    for rule_id, (kind, name, params) in ids.items():
        if rule_id not in present:
            uow.session.add(AlertRule(id=rule_id, name=name, kind=kind, params_json=json.dumps(params), active=True,
                                      make_task=False))
            added += 1
    return added


# --- rules -------------------------------------------------------------------------------------


@dataclass
class RuleInput:
    """What the rule editor holds."""

    kind: str
    name: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    active: bool = True
    make_task: bool = False


_PARAM_MESSAGES = {
    "days": ("days", "The number of days is a whole number from {low} to {high}."),
    "hours": ("hours", "The number of hours is a whole number from {low} to {high}."),
}


def check_params(kind: str, given: dict[str, Any]) -> dict[str, int]:
    """The kind's parameters from `given`, each checked; a missing one takes the kind's default."""
    if kind not in ALERT_KINDS:
        raise ValidationError("kind", "Unknown kind of alert rule: {kind}.", kind=kind)
    params: dict[str, int] = {}
    for name, low, high, default in ALERT_PARAMS[kind]:
        value = given.get(name, default)
        ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
        if ok:
            params[name] = value
        elif name == "amount_satang":
            raise ValidationError(name, "The amount is more than 0 baht and at most {most} baht.",
                                  most=format_money(ALERT_AMOUNT_MAX, with_symbol=False).removesuffix(".00"))
        else:
            field_name, template = _PARAM_MESSAGES[name]
            raise ValidationError(field_name, template, low=low, high=high)
    return params


def params_from_text(kind: str, text: str) -> dict[str, Any]:
    """The kind's one parameter as typed in the rule editor: baht ("100,000") or a number of days or
    hours; text that is no number gets the parameter's own message."""
    if kind not in ALERT_KINDS:
        raise ValidationError("kind", "Unknown kind of alert rule: {kind}.", kind=kind)
    name, low, high, _default = ALERT_PARAMS[kind][0]
    if name == "amount_satang":
        return {name: parse_money(text)}
    digits = ascii_digits(text).strip()
    if not re.fullmatch(r"-?[0-9]{1,9}", digits):
        field_name, template = _PARAM_MESSAGES[name]
        raise ValidationError(field_name, template, low=low, high=high)
    return {name: int(digits)}


KINDS = ALERT_KINDS  # for the rule editor


def param_of(kind: str) -> str:
    """The name of a kind's one parameter: "amount_satang", "days" or "hours"."""
    return ALERT_PARAMS[kind][0][0]


def param_text(kind: str, params: dict[str, int]) -> str:
    """A rule's parameter as the editor shows it: baht without satang, or the number."""
    if kind not in ALERT_PARAMS:
        return ""
    name = ALERT_PARAMS[kind][0][0]
    value = params.get(name, ALERT_PARAMS[kind][0][3])
    return format_money(value, with_symbol=False).removesuffix(".00") if name == "amount_satang" else str(value)


def _apply(rule: AlertRule, data: RuleInput) -> None:
    name = data.name.strip()
    if not name:
        raise ValidationError("name", "This field is required.")
    if len(name) > NAME_MAX:
        raise ValidationError("name", "Too long: at most {max_len} characters, this has {length}.", max_len=NAME_MAX,
                              length=len(name))
    params = check_params(data.kind, data.params)
    rule.name, rule.kind, rule.params_json = name, data.kind, json.dumps(params, sort_keys=True)
    rule.active, rule.make_task = bool(data.active), bool(data.make_task)


def create_rule(uow: UnitOfWork, data: RuleInput) -> ChangeSet:
    with uow:
        rule = AlertRule()
        _apply(rule, data)
        uow.session.add(rule)
        uow.commit()
        return change(RULE, created=(rule.id,))


def update_rule(uow: UnitOfWork, rule_id: str, data: RuleInput) -> ChangeSet:
    with uow:
        rule = _live_rule(uow, rule_id)
        _apply(rule, data)
        uow.commit()
    return change(RULE, updated=(rule_id,))


def delete_rule(uow: UnitOfWork, rule_id: str) -> ChangeSet:
    """Delete a rule; its alerts stay as they are (dismiss them as usual)."""
    return records.soft_delete(uow, attrgetter("alert_rules"), RULE, (rule_id,))


def _live_rule(uow: UnitOfWork, rule_id: str) -> AlertRule:
    rule = uow.session.get(AlertRule, rule_id)
    if rule is None or rule.deleted_at is not None:
        raise NotFound("The record was already deleted by someone else. Refresh the list.")
    return rule


# --- the scan's write ------------------------------------------------------------------------


def task_id(alert: str) -> str:
    """The task a new alert makes for the record's owner: one per alert, the same on every copy."""
    return fixed_id("alert_task", alert)


def raise_alerts(uow: UnitOfWork, findings: Iterable[AlertFinding], task_rules: Iterable[str] = ()) -> ChangeSet:
    """Keep the findings not kept yet as alerts (raised now), with a task for the record's owner where
    the finding's rule is in `task_rules`. Findings already kept (live, dismissed or snoozed) are left
    alone. One transaction; nothing is written when nothing is new."""
    findings = list({f.id: f for f in findings}.values())
    tasks = set(task_rules)
    if not findings:
        return ChangeSet()
    created: list[str] = []
    made: list[str] = []
    with uow:
        now = uow.now()
        table = Alert.__table__
        ids = [f.id for f in findings]
        kept: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            kept |= set(uow.session.scalars(table.select().with_only_columns(table.c.id).where(table.c.id.in_(chunk))))
        today = office_time(now).date()
        for finding in findings:
            if finding.id in kept:
                continue
            uow.session.add(Alert(id=finding.id, rule_id=finding.rule_id, kind=finding.kind, entity=finding.entity,
                                  row_id=finding.row_id, period=finding.period,
                                  params_json=json.dumps(finding.params, ensure_ascii=False, sort_keys=True),
                                  owner_id=finding.owner_id, raised_at=now))
            created.append(finding.id)
            if finding.rule_id in tasks and finding.owner_id is not None:
                made.append(_add_task(uow, finding, today))
        if created:
            uow.commit()
    parts = change(ALERT, created=tuple(created))
    return parts | change(Entity.ACTIVITY, created=tuple(made)) if made else parts


def _add_task(uow: UnitOfWork, finding: AlertFinding, today: date) -> str:
    row_id = task_id(finding.id)
    if uow.session.get(Activity, row_id) is None:
        uow.session.add(Activity(
            id=row_id, kind="task", subject=alert_text(finding.kind, finding.params, "th")[:200], status="planned",
            due_on=today, owner_id=finding.owner_id, assignee_id=finding.owner_id, account_id=finding.account_id,
            contact_id=finding.contact_id, opportunity_id=finding.opportunity_id, case_id=finding.case_id))
    return row_id


# --- what a person does with an alert -----------------------------------------------------------

Snooze = Literal["1h", "tomorrow", "next_week"]
SNOOZES: tuple[Snooze, ...] = ("1h", "tomorrow", "next_week")
MORNING = time(9, 0)  # "tomorrow" and "next week" mean 09:00 office time


def snooze_until(choice: Snooze, now: datetime) -> datetime:
    """When an alert snoozed now with `choice` comes back (UTC): in an hour, tomorrow 09:00, or next
    Monday 09:00 (office time)."""
    if choice == "1h":
        return now + timedelta(hours=1)
    day = office_time(now).date()
    day += timedelta(days=1) if choice == "tomorrow" else timedelta(days=7 - day.weekday())
    return utc_time(datetime.combine(day, MORNING))


def _alerts(uow: UnitOfWork, ids: Iterable[str]) -> list[Alert]:
    rows = [uow.session.get(Alert, i) for i in dict.fromkeys(ids)]
    found = [r for r in rows if r is not None and r.deleted_at is None]
    if not found:
        raise NotFound("The record was already deleted by someone else. Refresh the list.")
    return found


def acting_person(uow: UnitOfWork) -> str:
    """Whose dismissals and snoozes a unit of work writes: the person acting (with logins off, the
    desk's current person, which the app context always names); the owner when none is named."""
    if uow.user_id is not None:
        return uow.user_id
    from crm_desktop.services.app import OWNER_ID  # app seeds the rules: imported here, not at the top

    return OWNER_ID


def _dismissals(uow: UnitOfWork, ids: Iterable[str]) -> tuple[list[AlertDismissal], list[str]]:
    """The acting person's dismissal rows of these live alerts, made where missing and brought back
    where undone; and the ids of those made."""
    person = acting_person(uow)
    rows: list[AlertDismissal] = []
    made: list[str] = []
    for alert in _alerts(uow, ids):
        row = uow.alert_dismissals.get(dismissal_id(alert.id, person), include_deleted=True)
        if row is None:
            row = uow.alert_dismissals.add(AlertDismissal(id=dismissal_id(alert.id, person), alert_id=alert.id,
                                                          user_id=person))
            made.append(row.id)
        else:
            uow.alert_dismissals.restore(row)
        rows.append(row)
    return rows, made


def _changed(rows: list[AlertDismissal], made: list[str]) -> ChangeSet:
    return change(DISMISSAL, created=tuple(made), updated=tuple(r.id for r in rows if r.id not in made))


def dismiss_alerts(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    """Dismiss these alerts for the person acting, here and, after a sync, on every copy; a re-scan
    does not bring them back. Everyone else still sees them."""
    with uow:
        now = uow.now()
        rows, made = _dismissals(uow, ids)
        for row in rows:
            row.dismissed_at, row.snoozed_until = now, None
        uow.commit()
    return _changed(rows, made)


def snooze_alerts(uow: UnitOfWork, ids: Iterable[str], until: datetime) -> ChangeSet:
    """Hide these alerts from the person acting until `until` (UTC): back at that moment exactly."""
    with uow:
        if until <= uow.now():
            raise DomainError("Snooze until a later time.")
        rows, made = _dismissals(uow, ids)
        for row in rows:
            row.snoozed_until, row.dismissed_at = until, None
        uow.commit()
    return _changed(rows, made)


def bring_back(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    """Undo the acting person's dismissal or snooze of these alerts (Undo after Dismiss or Snooze): the
    dismissal rows are deleted as any record is, and the alerts are on the person's list again."""
    person = acting_person(uow)
    return records.soft_delete(uow, attrgetter("alert_dismissals"), DISMISSAL,
                               [dismissal_id(a, person) for a in dict.fromkeys(ids)])


# --- the text ----------------------------------------------------------------------------------

KIND_NAMES = {
    "big_spender": "A customer who spent over an amount this month",
    "quiet_top_customer": "A top customer with no contact for some days",
    "stuck_deal": "A deal in the same stage for some days",
    "quotation_expiring": "A quotation expiring within some days",
    "late_order": "An order late for delivery",
    "case_sla": "A case near or past its SLA",
    "top_birthday": "A top customer's birthday within some days",
}

TEXTS = {
    "big_spender": "{customer} bought {amount} baht this month",
    "quiet_top_customer": "Top customer {customer}: no contact since {last}",
    "quiet_top_customer_never": "Top customer {customer} has never been contacted",
    "stuck_deal": "Deal {deal} has been in stage {stage} since {since}",
    "quotation_expiring": "Quotation {number} for {customer} expires on {valid_until}",
    "late_order": "Order {number} for {customer} was promised for {promised} and is not delivered",
    "case_sla_near": "Case {number} ({subject}) is due by {due}",
    "case_sla_past": "Case {number} ({subject}) is past its SLA, due {due}",
    "case_response_near": "Case {number} ({subject}) needs a first response by {due}",
    "case_response_past": "Case {number} ({subject}) is past its first-response time, due {due}",
    "top_birthday": "Birthday of top customer {customer} on {on}",
}


def kind_name(kind: str, lang: str) -> str:
    return translate(KIND_NAMES.get(kind, kind), lang)


def alert_text(kind: str, params: dict[str, Any], lang: str, buddhist: bool = False) -> str:
    """An alert's one-line message in `lang` ("th" or "en"), its dates as the settings show them."""
    key = kind
    if kind == "quiet_top_customer" and not params.get("last"):
        key = "quiet_top_customer_never"
    elif kind == "case_sla":
        step = "response" if params.get("step") == "response" else "sla"
        key = f"case_{step}_{'past' if params.get('state') == 'past' else 'near'}"
    template = TEXTS.get(key)
    if template is None:
        return kind
    values = _Blank({name: _shown(name, value, lang, buddhist) for name, value in params.items()})
    return translate(template, lang).format_map(values)


class _Blank(dict[str, str]):
    """A parameter a message names but an alert lacks (a value a bad sync left) shows empty."""

    def __missing__(self, key: str) -> str:
        return ""


def _shown(name: str, value: Any, lang: str, buddhist: bool) -> str:
    if value is None:
        return ""
    if name == "amount" and isinstance(value, int) and not isinstance(value, bool):
        return format_money(value, with_symbol=False)
    if not isinstance(value, str):
        return str(value)
    try:
        if name in ("last", "valid_until", "promised", "on"):
            return format_date(date.fromisoformat(value), lang, buddhist)
        if name in ("since", "due"):
            moment = office_time(datetime.fromisoformat(value))
            shown = format_date(moment.date(), lang, buddhist)
            return shown if name == "since" else f"{shown} {moment:%H:%M}"
    except ValueError:
        return value
    return value.replace("{", "(").replace("}", ")")
