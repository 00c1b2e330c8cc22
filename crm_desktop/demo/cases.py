"""Service cases of the sample data: two years of customers' calls about what they bought, most of
them long closed, the recent ones still open, a few past their SLA; each with its status history.

Due times and the times of each step are the SLA's arithmetic (working hours, Thai holidays) over the
default policy, as a case opened in the app would get them.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from crm_desktop.clock import utc_time
from crm_desktop.db import bulk
from crm_desktop.demo.activities import Customers
from crm_desktop.demo.draws import Weighted
from crm_desktop.models import Case, CaseStatusHistory
from crm_desktop.models.base import new_ids
from crm_desktop.services.cases.sla import DEFAULT_SLA, OfficeHours, add_working_hours

DAYS = 730  # two years back
BATCH = 10_000
OFFICE = OfficeHours()

# (category, weight, subjects): what Thai customers call an aircon and appliance shop about.
CATEGORIES: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("ซ่อมแซม", 30, ("แอร์ไม่เย็น มีน้ำหยด", "เครื่องมีเสียงดังผิดปกติ", "เปิดไม่ติดหลังไฟดับ", "รีโมทใช้งานไม่ได้",
                     "คอมเพรสเซอร์ตัดบ่อย")),
    ("ติดตั้ง", 18, ("นัดวันติดตั้งใหม่", "ติดตั้งแล้วท่อน้ำทิ้งรั่ว", "ขอย้ายจุดติดตั้ง", "ช่างยังไม่เข้าตามนัด")),
    ("เคลมประกัน", 14, ("เคลมประกันคอมเพรสเซอร์", "สินค้าเสียภายใน 7 วัน ขอเปลี่ยน", "ขอตรวจสอบระยะประกัน")),
    ("จัดส่ง", 14, ("ของยังไม่ถึงตามกำหนด", "ส่งสินค้าผิดรุ่น", "สินค้าเสียหายระหว่างขนส่ง", "ของมาไม่ครบ")),
    ("บัญชีและเอกสาร", 12, ("ขอใบกำกับภาษีเต็มรูป", "แก้ชื่อบริษัทในใบกำกับภาษี", "ยอดโอนไม่ตรงใบแจ้งหนี้")),
    ("สอบถามการใช้งาน", 8, ("วิธีตั้งเวลาเปิดปิด", "ล้างแผ่นกรองอย่างไร", "ขอคู่มือการใช้งานภาษาไทย")),
    ("ร้องเรียน", 4, ("ช่างมาสาย ไม่แจ้งล่วงหน้า", "พนักงานพูดจาไม่สุภาพ", "โทรติดต่อแล้วไม่มีคนรับสาย")),
)
PRIORITIES = Weighted((("low", 18), ("normal", 55), ("high", 21), ("urgent", 6)))
CHANNELS = Weighted((("phone", 45), ("line", 30), ("email", 10), ("walk_in", 8), ("web", 7)))
CATEGORY = Weighted(tuple((i, w) for i, (_, w, _) in enumerate(CATEGORIES)))


class CaseGenerator:
    def __init__(self, rnd: random.Random, today: date, rep_ids: Sequence[str], customers: Customers,
                 orders: Sequence[dict[str, Any]], products: Sequence[str]) -> None:
        self.rnd = rnd
        self.today = today
        self.now = utc_time(datetime.combine(today, time(10, 0)))
        self.rep_ids = list(rep_ids)
        self.customers = customers
        self.orders = orders
        self.products = products

    def _opened(self) -> datetime:
        """A moment in office hours of the last two years, more of them lately."""
        r = self.rnd
        day = self.today - timedelta(days=int(DAYS * r.random() ** 1.3))
        while day.weekday() == 6:
            day -= timedelta(days=1)
        opened = utc_time(datetime.combine(day, time(8, 0)) + timedelta(minutes=r.randrange(10 * 60)))
        return min(opened, self.now - timedelta(minutes=5 + r.randrange(90)))  # today's: before now

    def _customer(self) -> tuple[str | None, str | None, str | None, str | None, str]:
        """(account, contact, order, product, owner): often about an order, else any customer."""
        r, c = self.rnd, self.customers
        if self.orders and r.random() < 0.45:
            order = self.orders[r.randrange(len(self.orders))]
            product = self.products[r.randrange(len(self.products))] if self.products else None
            return order.get("account_id"), order.get("contact_id"), order["id"], product, order["owner_id"]
        if c.contacts and r.random() < 0.3:
            contact, owner = c.contacts[r.randrange(len(c.contacts))]
            return None, contact, None, None, owner
        account, contact, owner = c.accounts[int(len(c.accounts) * r.random() ** 2)]
        return account, contact, None, None, owner

    def make(self, count: int) -> tuple[list[dict[str, Any]], dict[str, list[Any]]]:
        """`count` cases (numbered by year in opening order) and their history as columns."""
        r = self.rnd
        opened_at = sorted(self._opened() for _ in range(count))
        cases: list[dict[str, Any]] = []
        history: dict[str, list[Any]] = {k: [] for k in ("case_id", "from_status", "to_status", "changed_at",
                                                          "changed_by")}
        seq: dict[int, int] = {}
        for case_id, opened in zip(new_ids(count), opened_at, strict=True):
            priority = PRIORITIES.draw(r)
            sla = DEFAULT_SLA[priority]
            index = CATEGORY.draw(r)
            category, _, subjects = CATEGORIES[index]
            account, contact, order, product, owner = self._customer()
            if r.random() < 0.3:
                owner = self.rep_ids[r.randrange(len(self.rep_ids))]
            year = opened.year + 543
            seq[year] = seq.get(year, 0) + 1
            response_due = add_working_hours(opened, sla.response, OFFICE)
            resolution_due = add_working_hours(opened, sla.resolution, OFFICE)
            # Most answers come in time; one in eight is late, a few very late.
            answer = add_working_hours(opened, sla.response * (0.2 + r.random() * (0.7 if r.random() < 0.88 else 3)),
                                       OFFICE)
            work = sla.resolution * (0.15 + r.random() * (0.8 if r.random() < 0.85 else 2.5))
            resolved = max(add_working_hours(opened, work, OFFICE), answer + timedelta(minutes=30))
            closed = resolved + timedelta(days=1 + r.randrange(5), hours=r.randrange(8))
            moves: list[tuple[str, datetime]] = [("assigned", opened + timedelta(minutes=1 + r.randrange(20)))]
            if answer < self.now:
                moves.append(("in_progress", answer))
            if r.random() < 0.3 and answer < resolved:
                waiting = answer + (resolved - answer) * 0.4
                moves += [("waiting", waiting), ("in_progress", waiting + (resolved - answer) * 0.3)]
            stuck = self.now - opened < timedelta(days=60) and r.random() < 0.2  # still open, most of them late
            for step, when in (("resolved", resolved), ("closed", closed)):
                if when < self.now and not stuck:
                    moves.append((step, when))
            moves = [m for m in moves if m[1] < self.now]
            status = moves[-1][0] if moves else "new"
            row: dict[str, Any] = {
                "id": case_id, "number": f"CS{year}-{seq[year]:04d}", "subject": r.choice(subjects),
                "account_id": account, "contact_id": contact, "order_id": order, "product_id": product,
                "owner_id": owner, "channel": CHANNELS.draw(r), "category": category, "priority": priority,
                "status": status, "opened_at": opened, "response_due_at": response_due,
                "sla_due_at": resolution_due,
                "first_response_at": answer if answer < self.now else None,
                "resolved_at": resolved if status in ("resolved", "closed") else None,
                "closed_at": closed if status == "closed" else None,
            }
            cases.append(row)
            before = ""
            for step, when in [("new", opened), *moves]:
                for key, value in zip(history, (case_id, before, step, when, owner), strict=True):
                    history[key].append(value)
                before = step
        return cases, history

    def batches(self, count: int) -> Iterator[bulk.Batch]:
        cases, history = self.make(count)
        for start in range(0, len(cases), BATCH):
            yield Case, cases[start:start + BATCH]
        yield bulk.Columns(CaseStatusHistory, history)
