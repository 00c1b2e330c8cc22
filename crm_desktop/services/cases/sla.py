"""The SLA of service cases: hours per priority, counted in the office's working hours.

A due time is the opening time plus so many *working* hours: only the office's hours (Monday to
Friday 08:30–17:30 office time unless the settings say otherwise) count, never a weekend or a Thai
public holiday of the activity calendar (services/activities/holidays.py). The arithmetic is pure
(`add_working_hours`, `working_hours_between`); the settings (`sla_policy`, `office_hours`) are
office-wide settings that travel with sync, written by the owner or a manager.
"""

from __future__ import annotations

import json
from collections.abc import Container
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache

from crm_desktop.clock import office_time, utc_time
from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import ValidationError
from crm_desktop.messages import translate
from crm_desktop.models.service import CASE_PRIORITIES
from crm_desktop.roles import CASE_RULES
from crm_desktop.services.activities.holidays import FIRST_YEAR, LAST_YEAR, holidays_between
from crm_desktop.services.changes import ChangeSet, Entity, change

SLA_KEY = "case_sla"
HOURS_KEY = "case_office_hours"
MAX_SLA_HOURS = 2000  # about a year of working hours: anything above is a typing mistake
_SEARCH_DAYS = 3660  # a due time is looked for ten years ahead at most


@dataclass(frozen=True)
class OfficeHours:
    """When the office works, in office time: weekdays (Monday 0) from `start` to `end`."""

    start: time = time(8, 30)
    end: time = time(17, 30)
    weekdays: frozenset[int] = frozenset(range(5))

    def check(self) -> OfficeHours:
        if self.end <= self.start:
            raise ValidationError("office_hours", "The office must close after it opens.")
        if not self.weekdays or not self.weekdays <= frozenset(range(7)):
            raise ValidationError("office_hours", "Choose at least one working day.")
        return self

    def stored(self) -> str:
        return json.dumps({"start": self.start.strftime("%H:%M"), "end": self.end.strftime("%H:%M"),
                           "weekdays": sorted(self.weekdays)})

    @classmethod
    def parse(cls, text: str) -> OfficeHours:
        """The stored value; the default hours for a missing or unreadable one."""
        try:
            data = json.loads(text)
            return cls(time.fromisoformat(data["start"]), time.fromisoformat(data["end"]),
                       frozenset(int(d) for d in data["weekdays"])).check()
        except (ValueError, TypeError, KeyError, ValidationError):
            return cls()


@cache
def thai_holidays() -> frozenset[date]:
    """The days off of the activity calendar (the years its table knows)."""
    return frozenset(holidays_between(date(FIRST_YEAR, 1, 1), date(LAST_YEAR + 1, 1, 1)))


def _day_window(day: date, hours: OfficeHours, holidays: Container[date]) -> tuple[datetime, datetime] | None:
    """The office's working time on `day` (office time), None on a day off."""
    if day.weekday() not in hours.weekdays or day in holidays:
        return None
    return datetime.combine(day, hours.start), datetime.combine(day, hours.end)


def add_working_hours(start: datetime, hours: float, office: OfficeHours = OfficeHours(),
                      holidays: Container[date] | None = None) -> datetime:
    """The stored (naive UTC) moment `hours` working hours after `start` (naive UTC).

    Time outside the office's hours, weekends and `holidays` (the Thai holidays by default) does
    not count. A case opened after hours starts counting when the office next opens; a due time
    that falls exactly at closing stays at closing rather than moving to the next morning."""
    days_off = thai_holidays() if holidays is None else holidays
    remaining = timedelta(hours=hours)
    local = office_time(start)
    day = local.date()
    for _ in range(_SEARCH_DAYS):
        window = _day_window(day, office, days_off)
        if window is not None:
            begin = max(local, window[0])
            if begin < window[1]:
                available = window[1] - begin
                if remaining <= available:
                    return utc_time(begin + remaining)
                remaining -= available
        day += timedelta(days=1)
    raise ValidationError("hours", "No working day was found within ten years: check the office hours.")


def working_hours_between(start: datetime, end: datetime, office: OfficeHours = OfficeHours(),
                          holidays: Container[date] | None = None) -> float:
    """The working hours from `start` to `end` (naive UTC; 0 when `end` is not after `start`)."""
    days_off = thai_holidays() if holidays is None else holidays
    a, b = office_time(start), office_time(end)
    total = timedelta()
    day = a.date()
    while day <= b.date():
        window = _day_window(day, office, days_off)
        if window is not None:
            begin, finish = max(a, window[0]), min(b, window[1])
            if finish > begin:
                total += finish - begin
        day += timedelta(days=1)
    return total / timedelta(hours=1)


@dataclass(frozen=True)
class SlaHours:
    """One priority's promise: the first response and the resolution, in working hours."""

    response: float
    resolution: float


DEFAULT_SLA: dict[str, SlaHours] = {
    "urgent": SlaHours(1, 8),
    "high": SlaHours(4, 18),
    "normal": SlaHours(8, 45),
    "low": SlaHours(18, 90),
}


class PriorityProblem(ValidationError):
    """A problem with one priority's hours; the priority is named in the message's language."""

    def text(self, lang: str = "en") -> str:
        params = dict(self.params)
        params["priority"] = translate(f"{params['priority']} priority", lang)
        return translate(self.template, lang).format(**params)


def check_sla(policy: dict[str, SlaHours]) -> dict[str, SlaHours]:
    """Every priority with a response and a resolution time above 0 (an SLA of 0 hours would make
    every case late the moment it is opened), the response no later than the resolution."""
    checked: dict[str, SlaHours] = {}
    for priority in CASE_PRIORITIES:
        hours = policy.get(priority)
        if hours is None:
            raise ValidationError("sla", "Give response and resolution hours for every priority.")
        for value in (hours.response, hours.resolution):
            if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
                raise ValidationError("sla", "SLA hours must be a number.")
            if value <= 0:
                raise PriorityProblem("sla", "An SLA of 0 hours cannot be met: give at least a few minutes "
                                             "({priority}).", priority=priority)
            if value > MAX_SLA_HOURS:
                raise ValidationError("sla", "An SLA is at most {max} working hours.", max=MAX_SLA_HOURS)
        if hours.response > hours.resolution:
            raise PriorityProblem("sla", "The first response cannot be due after the resolution "
                                         "({priority}).", priority=priority)
        checked[priority] = SlaHours(float(hours.response), float(hours.resolution))
    return checked


def parse_sla(text: str) -> dict[str, SlaHours]:
    """The stored policy; the default for a missing or unreadable one."""
    try:
        data = json.loads(text)
        return check_sla({p: SlaHours(*data[p]) for p in CASE_PRIORITIES})
    except (ValueError, TypeError, KeyError, ValidationError):
        return dict(DEFAULT_SLA)


def stored_sla(policy: dict[str, SlaHours]) -> str:
    return json.dumps({p: [h.response, h.resolution] for p, h in policy.items()})


def sla_policy_in(uow: UnitOfWork) -> dict[str, SlaHours]:
    """Inside an open unit of work: the office's SLA per priority."""
    return parse_sla(uow.settings.value(SLA_KEY))


def office_hours_in(uow: UnitOfWork) -> OfficeHours:
    return OfficeHours.parse(uow.settings.value(HOURS_KEY))


def sla_settings(uow: UnitOfWork) -> tuple[dict[str, SlaHours], OfficeHours]:
    """The SLA per priority and the office hours, as the settings dialog shows them."""
    with uow:
        return sla_policy_in(uow), office_hours_in(uow)


def set_sla_settings(uow: UnitOfWork, policy: dict[str, SlaHours], hours: OfficeHours) -> ChangeSet:
    """Store the SLA and the office hours (owner or manager); new due times use them, cases already
    open keep the due times they were given."""
    checked = check_sla(policy)
    hours.check()
    with uow:
        uow.require(CASE_RULES)
        uow.settings.set_value(SLA_KEY, stored_sla(checked))
        uow.settings.set_value(HOURS_KEY, hours.stored())
        uow.commit()
    return change(Entity.SETTING, updated=(SLA_KEY, HOURS_KEY))


def due_times(opened_at: datetime, priority: str, policy: dict[str, SlaHours], office: OfficeHours,
              holidays: Container[date] | None = None) -> tuple[datetime, datetime]:
    """(first response due, resolution due) of a case of `priority` opened at `opened_at`."""
    hours = policy.get(priority, DEFAULT_SLA["normal"])
    return (add_working_hours(opened_at, hours.response, office, holidays),
            add_working_hours(opened_at, hours.resolution, office, holidays))

