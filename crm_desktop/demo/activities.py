"""Sample activities around today: two years of calls, e-mails, tasks, meetings, visits and notes.

What happened is done with an outcome (a few cancelled, a few left overdue in the last days), what
comes is planned, thinning out the further ahead it lies. Activities belong to the customer's owner
(now and then handed to a colleague with a note), key accounts get many more than the rest, and
there are the series every office has: a weekly sales meeting per person, a monthly visit to key
accounts and a monthly sales summary, each with a few exceptions (holidays skipped, an occurrence
moved). A million rows go in as column batches (`bulk.Columns`): each column is drawn at once from
a seeded generator, and repeating values (subjects, half-hour starts) are converted and logged once.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import Any

from crm_desktop.clock import office_time, utc_time
from crm_desktop.db import bulk
from crm_desktop.demo import activity_vocab as W
from crm_desktop.models import Activity, ActivityException, Anniversary, fixed_id, new_id
from crm_desktop.recurrence import Recurrence, expand

PAST_DAYS, FUTURE_DAYS = 640, 90  # about two years around today
RECENT_OVERDUE_DAYS = 10  # what was due in these last days may still be open (overdue)
BATCH = 20_000
SLOT = timedelta(minutes=15)
FIRST_SLOT = time(8, 0)  # office time: starts from 08:00 to 16:45
SLOTS = 36
KINDS = tuple(k for k, _ in W.KIND_WEIGHTS)
TIMED = {"call": (1, 2), "meeting": (4, 6), "visit": (4, 8), "note": (0, 0)}  # length in slots (min, max)
ENGLISH_SHARE = 0.1  # written in English: offices serving foreign-owned companies
ALL_DAY_SHARE = 0.03  # meetings and visits that take the whole day (a fair, a training)
REMIND_CHOICES = (15, 30, 60, 1440)
PRIORITIES = (("normal", 75), ("high", 15), ("low", 10))
# Who a customer is: (share, which list); an activity about a deal names its account and contact too.
LINKS = (("account", 55), ("contact", 15), ("lead", 12), ("deal", 18))


@dataclass(frozen=True)
class Customers:
    """The records activities are about, with the owner who looks after each."""

    accounts: Sequence[tuple[str, str | None, str]]  # (account, its first contact or None, owner)
    contacts: Sequence[tuple[str, str]]  # people without a company: (contact, owner)
    leads: Sequence[tuple[str, str]]  # leads someone works on: (lead, owner)
    deals: Sequence[tuple[str, str, str | None, str]]  # (deal, account, contact, owner)


def _draw(rnd: random.Random, pairs: Sequence[tuple[str, int]], count: int) -> list[str]:
    """`count` values drawn by their weights."""
    return rnd.choices([p[0] for p in pairs], weights=[p[1] for p in pairs], k=count)


class ActivityGenerator:
    def __init__(self, rnd: random.Random, today: date, manager: str, staff: Sequence[str], customers: Customers,
                 products: Sequence[str]) -> None:
        self.rnd = rnd
        self.today = today
        self.manager = manager
        self.staff = list(staff)
        self.customers = customers
        self.first_day = today - timedelta(days=PAST_DAYS)
        self.days = [self.first_day + timedelta(days=i) for i in range(PAST_DAYS + FUTURE_DAYS + 1)]
        self.today_index = PAST_DAYS
        self.day_weights = list(accumulate(self._day_weight(i, d) for i, d in enumerate(self.days)))
        self.starts = [[utc_time(datetime.combine(d, FIRST_SLOT) + s * SLOT) for s in range(SLOTS + 8)]
                       for d in self.days]
        self.subjects = {k: [t.format(product=p) for t in W.THAI_SUBJECTS[k] for p in products]
                         if any("{product}" in t for t in W.THAI_SUBJECTS[k]) else list(W.THAI_SUBJECTS[k])
                         for k in KINDS}

    def _day_weight(self, index: int, day: date) -> float:
        """Weekdays are busy, Saturday a little, Sunday hardly; plans thin out the further ahead."""
        weight = (1.0, 1.0, 1.0, 1.0, 1.0, 0.3, 0.05)[day.weekday()]
        ahead = index - PAST_DAYS
        return weight * max(0.15, 1 - ahead / 100) if ahead > 0 else weight

    def _customer(self, link: str) -> tuple[str | None, str | None, str | None, str | None, str]:
        """(account, contact, lead, deal, owner) of one customer; key accounts (the first ones) come up most."""
        r, c = self.rnd, self.customers
        if link == "account" or not {"contact": c.contacts, "lead": c.leads, "deal": c.deals}[link]:
            account, contact, owner = c.accounts[int(len(c.accounts) * r.random() ** 2)]
            return account, contact if r.random() < 0.7 else None, None, None, owner
        if link == "contact":
            contact, owner = c.contacts[r.randrange(len(c.contacts))]
            return None, contact, None, None, owner
        if link == "lead":
            lead, owner = c.leads[r.randrange(len(c.leads))]
            return None, None, lead, None, owner
        deal, account, contact, owner = c.deals[int(len(c.deals) * r.random() ** 2)]
        return account, contact, None, deal, owner

    def columns(self, count: int) -> bulk.Columns:
        """`count` one-off activities, column by column."""
        r, today = self.rnd, self.today_index
        kinds = _draw(r, W.KIND_WEIGHTS, count)
        days = r.choices(range(len(self.days)), cum_weights=self.day_weights, k=count)
        days = [min(d, 2 * today - d) if k == "note" else d for d, k in zip(days, kinds, strict=True)]  # notes are past
        slots = [r.randrange(SLOTS) for _ in range(count)]
        all_day = [k in ("meeting", "visit") and r.random() < ALL_DAY_SHARE for k in kinds]
        timed = [k in TIMED and not a for k, a in zip(kinds, all_day, strict=True)]
        starts = [self.starts[d][s] if t else None for d, s, t in zip(days, slots, timed, strict=True)]
        ends = [self.starts[d][s + r.randint(*TIMED[k])] if t and k != "note" else None
                for d, s, t, k in zip(days, slots, timed, kinds, strict=True)]
        statuses = [self._status(k, d - today, s) for k, d, s in zip(kinds, days, slots, strict=True)]
        english = [r.random() < ENGLISH_SHARE for _ in range(count)]  # subject and outcome in one language
        customers = [self._customer(link) for link in _draw(r, LINKS, count)]
        owners = [c[4] for c in customers]
        assignees = [o if r.random() < 0.95 else r.choice(self.staff) for o in owners]
        return bulk.Columns(Activity, {
            "kind": kinds,
            "subject": [r.choice(W.ENGLISH_SUBJECTS[k] if e else self.subjects[k]) for k, e in zip(kinds, english,
                                                                                                    strict=True)],
            "location": [r.choice(W.LOCATIONS[k]) if k in W.LOCATIONS else "" for k in kinds],
            "starts_at": starts,
            "ends_at": ends,
            "due_on": [None if t else self.days[d] for d, t in zip(days, timed, strict=True)],
            "all_day": all_day,
            "status": statuses,
            "outcome": [self._outcome(k, s, e) for k, s, e in zip(kinds, statuses, english, strict=True)],
            "priority": _draw(r, PRIORITIES, count),
            "remind_minutes": [r.choice(REMIND_CHOICES) if t and k != "note" and r.random() < 0.35 else None
                               for t, k in zip(timed, kinds, strict=True)],
            "owner_id": owners,
            "assignee_id": assignees,
            "handover_note": [r.choice(W.HANDOVER_NOTES) if a != o else ""
                              for a, o in zip(assignees, owners, strict=True)],
            "account_id": [c[0] for c in customers],
            "contact_id": [c[1] for c in customers],
            "lead_id": [c[2] for c in customers],
            "opportunity_id": [c[3] for c in customers],
        })

    def _status(self, kind: str, ahead: int, slot: int) -> str:
        """Past: done (some cancelled, a few of the last days still open); today: done till noon; ahead: planned."""
        if kind == "note":
            return "done"
        if ahead > 0 or (ahead == 0 and slot >= SLOTS // 2):
            return "planned"
        u = self.rnd.random()
        if u < 0.06:
            return "cancelled"
        if u > 0.95 and ahead > -RECENT_OVERDUE_DAYS and kind in ("task", "call", "email"):
            return "planned"
        return "done"

    def _outcome(self, kind: str, status: str, english: bool) -> str:
        r = self.rnd
        if status == "cancelled":
            return r.choice(W.ENGLISH_CANCEL_REASONS if english else W.CANCEL_REASONS)
        if status != "done":
            return ""
        return r.choice(W.ENGLISH_OUTCOMES[kind] if english else W.THAI_OUTCOMES[kind])

    def series(self, key_accounts: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The recurring activities and their exceptions: a weekly meeting per person (holiday weeks
        skipped), a monthly visit per key account (one visit in three series moved by a day) and a
        monthly summary per person."""
        r = self.rnd
        rows: list[dict[str, Any]] = []
        skipped: list[dict[str, Any]] = []
        monday = self.first_day + timedelta(days=-self.first_day.weekday() % 7)
        month_end = self.first_day.replace(day=25) + timedelta(days=31 if self.first_day.day > 25 else 0)
        for person in self.staff:
            first = utc_time(datetime.combine(monday, time(9, 0)))
            meeting = {"id": new_id(), "kind": "meeting", "subject": W.WEEKLY_MEETING,
                       "location": W.WEEKLY_MEETING_PLACE, "starts_at": first, "ends_at": first + timedelta(hours=1),
                       "rrule": Recurrence("weekly", weekdays=(0,)).text(), "remind_minutes": 15,
                       "owner_id": self.manager, "assignee_id": person}
            rows.append(meeting)
            skipped += [self._exception(meeting["id"], utc_time(datetime.combine(d, time(9, 0))))
                        for d in self._holiday_mondays(monday)]
            rows.append({"id": new_id(), "kind": "task", "subject": W.MONTHLY_REPORT,
                         "due_on": month_end.replace(day=25), "rrule": Recurrence("monthly").text(),
                         "priority": "high", "owner_id": self.manager, "assignee_id": person})
        for index in range(min(key_accounts, len(self.customers.accounts))):
            account, contact, owner = self.customers.accounts[index]
            day = self.first_day + timedelta(days=r.randrange(28))
            day += timedelta(days=(1 - day.weekday()) % 7)  # a Tuesday: "the 2nd Tuesday" of every month
            first = utc_time(datetime.combine(day, time(10, 0)))
            visit = {"id": new_id(), "kind": "visit", "subject": W.MONTHLY_VISIT, "location": W.LOCATIONS["visit"][0],
                     "starts_at": first, "ends_at": first + timedelta(minutes=90),
                     "rrule": Recurrence("monthly", by_weekday=True).text(day), "remind_minutes": 1440,
                     "owner_id": owner, "assignee_id": owner, "account_id": account, "contact_id": contact}
            rows.append(visit)
            if index % 3 == 0:
                rows.append(self._moved(visit, months=r.randint(1, 12)))
                skipped.append(self._exception(visit["id"], rows[-1]["occurrence"]))
        return rows, skipped

    def _holiday_mondays(self, monday: date) -> list[date]:
        """Mondays of the range in the New Year and Songkran weeks (the office is closed)."""
        out = []
        for year in range(self.days[0].year, self.days[-1].year + 1):
            for holiday in (date(year, 1, 1), date(year, 4, 13)):
                closed = holiday - timedelta(days=holiday.weekday())
                if monday <= closed <= self.days[-1]:
                    out.append(closed)
        return out

    def _moved(self, visit: dict[str, Any], months: int) -> dict[str, Any]:
        """One occurrence of a monthly visit (`months` after the first) detached and moved to the next day
        (its id fixed by series and start, as the services make it)."""
        first: datetime = visit["starts_at"]
        local = office_time(first)
        occurrence = utc_time(expand(visit["rrule"], local, local, local + timedelta(days=31 * (months + 1)))[months])
        moved = occurrence + timedelta(days=1)
        past = office_time(moved).date() < self.today
        return {**visit, "id": fixed_id("activity_occurrence", f"{visit['id']}|{occurrence.isoformat()}"), "rrule": "",
                "series_id": visit["id"], "occurrence": occurrence,
                "starts_at": moved, "ends_at": moved + (visit["ends_at"] - first),
                "status": "done" if past else "planned",
                "outcome": self.rnd.choice(W.THAI_OUTCOMES["visit"]) if past else ""}

    @staticmethod
    def _exception(series_id: str, occurrence: datetime) -> dict[str, Any]:
        """Fixed id as the services give it, so the same skip made on two copies is one row."""
        return {"id": fixed_id("activity_exception", f"{series_id}|{occurrence.isoformat()}"),
                "activity_id": series_id, "occurrence": occurrence}

    def anniversaries(self, count: int) -> list[dict[str, Any]]:
        """Custom yearly dates (wedding, first order, membership) on contacts and accounts."""
        r, c = self.rnd, self.customers
        rows = []
        for _ in range(count):
            title, on_contact = r.choice(W.ANNIVERSARIES)
            day = self.today - timedelta(days=r.randint(200, 365 * 25))
            row: dict[str, Any] = {"kind": "custom", "title": title, "month": day.month, "day": day.day,
                                   "year": day.year if r.random() < 0.7 else None,
                                   "remind_days_before": r.choice((1, 3, 7))}
            if on_contact and c.contacts:
                row["contact_id"] = r.choice(c.contacts)[0]
            else:
                row["account_id"] = c.accounts[int(len(c.accounts) * r.random() ** 2)][0]
            rows.append(row)
        return rows

    def batches(self, count: int, key_accounts: int, anniversaries: int) -> Iterator[bulk.Batch]:
        series, skipped = self.series(key_accounts)
        yield Activity, [s for s in series if not s.get("series_id")]
        yield Activity, [s for s in series if s.get("series_id")]
        yield ActivityException, skipped
        yield Anniversary, self.anniversaries(anniversaries)
        for start in range(0, count, BATCH):
            yield self.columns(min(BATCH, count - start))

