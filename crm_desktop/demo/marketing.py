"""Sample marketing: monthly LINE and e-mail newsletters besides the yearly campaigns of the pipeline (to
`MARKETING[size].campaigns` in all), their members with responses (people who agreed to marketing,
mostly), a message template with fields, and a few saved segments the owner would make.

Its own seeded draws: the other generators' draws (and so the rest of the demo) stay as they were.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from crm_desktop.db import bulk
from crm_desktop.demo.sizes import MarketingSize
from crm_desktop.models import Campaign, CampaignMember, Segment, new_id, new_ids
from crm_desktop.models.marketing import member_id
from crm_desktop.queries.campaign_results import ATTRIBUTION_DAYS
from crm_desktop.segment_filter import Bought, SegmentFilter

THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
               "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
NEWSLETTERS = (("จดหมายข่าวอีเมล {month} {year}", "E-mail", 4_000), ("LINE OA บรอดแคสต์ {month} {year}", "line", 2_500),
               ("SMS แจ้งโปรโมชัน {month} {year}", "SMS", 6_000), ("อีเมลลูกค้าประจำ {month} {year} รอบ {n}", "E-mail",
                                                                 1_500))
# A sent campaign's responses: their shares, in the order of the funnel (the rest stay "sent"). "Bought" is
# given to some of the members who ordered within the campaign's attribution window, never drawn blind.
RESPONSES = (("opened", 0.30), ("replied", 0.05), ("interested", 0.04), ("unsubscribed", 0.3))
BOUGHT_SHARE = 0.35  # of the members who ordered in the window, those who said the campaign brought them
SUBJECT = "ข่าวดีสำหรับคุณ{ชื่อ} จากร้านเรา"
BODY = ("เรียน คุณ{ชื่อ}\n\nขอบคุณที่เป็นลูกค้าของเราเสมอมา เดือนนี้เรามีส่วนลดพิเศษสำหรับ{บริษัท}และคุณ{ชื่อเล่น}\n"
        "แสดงข้อความนี้ที่ร้านหรือตอบกลับอีเมลนี้เพื่อรับสิทธิ์\n\nด้วยความเคารพ")
BATCH = 20_000


class MarketingGenerator:
    def __init__(self, today: date, size: MarketingSize, campaigns: Sequence[dict[str, Any]], people: Sequence[str],
                 consenting: Sequence[str], orders: Sequence[dict[str, Any]] = ()) -> None:
        self.rnd = random.Random(f"marketing:{today.isoformat()}:{size.campaigns}:{size.members}")
        self.today = today
        self.size = size
        self.campaigns = campaigns
        self.people = people
        self.consenting = consenting or people
        self.ordered: dict[str, list[date]] = {}  # a person's order days, in order
        for order in sorted(orders, key=lambda o: o["issued_on"]):
            if order.get("contact_id"):
                self.ordered.setdefault(order["contact_id"], []).append(order["issued_on"])

    def _bought_on(self, person: str, campaign: dict[str, Any]) -> date | None:
        """The person's first order in the campaign's attribution window, if they made one."""
        end = (campaign["ends_on"] or self.today) + timedelta(days=ATTRIBUTION_DAYS)
        return next((d for d in self.ordered.get(person, ()) if campaign["starts_on"] <= d <= end), None)

    def _newsletters(self) -> list[dict[str, Any]]:
        """Newsletters back from this month, one month after another, until the campaigns reach the size."""
        r, rows = self.rnd, []
        wanted = max(0, self.size.campaigns - len(self.campaigns))
        month = self.today.replace(day=1)
        n = 0
        while len(rows) < wanted:
            name, channel, cost = NEWSLETTERS[n % len(NEWSLETTERS)]
            starts = month + timedelta(days=r.randint(0, 20))
            status = "planned" if starts > self.today else "active" if starts + timedelta(days=14) >= self.today \
                else "done"
            rows.append({"id": new_id(), "name": name.format(month=THAI_MONTHS[month.month - 1], year=month.year + 543,
                                                             n=n // len(NEWSLETTERS) + 1),
                         "channel": channel, "status": status, "starts_on": starts,
                         "ends_on": starts + timedelta(days=14), "cost_satang": round(cost * r.uniform(0.7, 1.3)) * 100,
                         "budget_satang": cost * 100, "template_subject": SUBJECT, "template_body": BODY})
            n += 1
            if n % len(NEWSLETTERS) == 0:
                month = (month - timedelta(days=1)).replace(day=1)
        return rows

    def batches(self) -> Iterator[bulk.Batch]:
        news = self._newsletters()
        yield Campaign, news
        started = [c for c in [*self.campaigns, *news] if c["status"] != "planned"]
        yield from self._members(started)
        yield Segment, self._segments()

    def _members(self, started: list[dict[str, Any]]) -> Iterator[bulk.Batch]:
        """`size.members` in all, spread over the started campaigns (bigger for the newsletters)."""
        r = self.rnd
        if not started or not self.people:
            return
        agreed = set(self.consenting)
        per = max(1, self.size.members // len(started))
        left = self.size.members
        for i, campaign in enumerate(started):
            count = min(left if i == len(started) - 1 else per, len(self.consenting), left)
            left -= count
            chosen = r.sample(self.consenting, count)
            if count > 10:  # a few people whose consent is not recorded yet slip into a big list
                chosen[:count // 50] = r.sample(self.people, count // 50)
            chosen = list(dict.fromkeys(chosen))
            for start in range(0, len(chosen), BATCH):
                part = chosen[start:start + BATCH]
                statuses, days = [], []
                for person in part:
                    status, roll = "sent", r.random()
                    for key, share in RESPONSES:
                        if roll < share:
                            status = key
                            break
                        roll -= share
                    if status == "unsubscribed" and person in agreed:  # unsubscribing withdraws consent
                        status = "sent"
                    day = min(self.today, campaign["starts_on"] + timedelta(days=r.randint(0, 14)))
                    bought = self._bought_on(person, campaign)
                    if bought is not None and r.random() < BOUGHT_SHARE:
                        status, day = "bought", bought
                    statuses.append(status)
                    days.append(day)
                yield bulk.Columns(CampaignMember, {
                    "id": [member_id(campaign["id"], p) for p in part],
                    "campaign_id": [campaign["id"]] * len(part),
                    "contact_id": part,
                    "status": statuses,
                    "responded_on": days,
                })

    def _segments(self) -> list[dict[str, Any]]:
        examples = (
            ("ผู้หญิง กทม.-นนทบุรี 30-45 ซื้อใน 6 เดือน ยินยอม",
             SegmentFilter(age_min=30, age_max=45, genders=("female",), provinces=("กรุงเทพมหานคร", "นนทบุรี"),
                           consent=True, bought=Bought(months=6))),
            ("ลูกค้าชั้นดีที่เงียบหายไป 90 วัน", SegmentFilter(rfm=("at_risk",), quiet_for_days=90)),
            ("ภาคเหนือ ยินยอมรับข่าวสาร", SegmentFilter(regions=("north",), consent=True)),
            ("บริษัทภาคตะวันออก ซื้อเกิน 1 แสน ใน 12 เดือน",
             SegmentFilter(kind="accounts", regions=("east",), bought=Bought(months=12, min_satang=10_000_000))),
        )
        ids = new_ids(len(examples))
        return [{"id": i, "name": name, "kind": flt.kind, "filter_json": flt.to_json()}
                for i, (name, flt) in zip(ids, examples, strict=True)]
