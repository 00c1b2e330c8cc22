"""Sample campaigns, leads, deals with two years of stage history, and monthly targets per rep.

Deals walk the default stages in order (Prospecting → … → Won or Lost) with realistic gaps, so
time-in-stage, win rates, loss reasons and target attainment look like a real small business.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from crm_desktop.db import bulk
from crm_desktop.db.repositories.pipeline import DEFAULT_STAGES
from crm_desktop.demo import vocab as V
from crm_desktop.demo.sales import QuotedDeal
from crm_desktop.models import Campaign, Lead, Opportunity, StageHistory, Target, fixed_id, new_id
from crm_desktop.scoring import ScoringRule, lead_values, scorer
from crm_desktop.services.picklists import DISQUALIFY_REASONS, LOSS_REASONS
from crm_desktop.services.scoring import DEFAULT_RULES, default_rule_id
from crm_desktop.services.stages import default_stage_id as stage_id

OPEN_PATH = ("prospecting", "qualification", "quotation", "negotiation")
SOURCES = (("walk_in", 14), ("phone", 16), ("line", 22), ("facebook", 16), ("website", 10), ("referral", 12),
           ("trade_show", 5), ("campaign", 5))
STATUSES = (("new", 35), ("contacted", 25), ("qualified", 15), ("disqualified", 15), ("converted", 10))
TIMEFRAMES = ("immediate", "1_month", "3_months", "6_months", "12_months", "later")
INTERESTS = ("เครื่องปรับอากาศ", "กล้องวงจรปิด", "ระบบ POS", "ตู้แช่", "เครื่องพิมพ์", "โซลาร์เซลล์", "คอมพิวเตอร์",
             "บริการบำรุงรักษา", "ซอฟต์แวร์บัญชี", "เฟอร์นิเจอร์สำนักงาน")
COMPETITORS = ("ร้านคู่แข่งในจังหวัด", "Siam Supply", "ThaiTech Solutions", "ผู้ขายออนไลน์", "")
BATCH = 5_000
CAMPAIGN_CHANNELS = ("trade_show", "facebook", "line")  # leads from these sources often answer a campaign
UPCOMING_DAYS = 60  # campaigns starting this soon are already planned
LEAD_DAYS = 730  # leads came in over the two years before today


def _weighted(rnd: random.Random, pairs: Sequence[tuple[str, int]]) -> str:
    return rnd.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _at(day: date, rnd: random.Random) -> datetime:
    return datetime.combine(day, time(rnd.randint(2, 10), rnd.randint(0, 59)))  # 09:00–17:59 Bangkok, in UTC


class PipelineGenerator:
    """Leads and deals for accounts, contacts and reps the main generator already made."""

    def __init__(self, rnd: random.Random, today: date, rep_ids: list[str], accounts: list[tuple[str, str | None]],
                 places: Sequence[tuple[str, str, str, str, str]], mobile: Any) -> None:
        self.rnd = rnd
        self.today = today
        self.rep_ids = rep_ids
        self.accounts = accounts  # (account id, one of its contact ids or None)
        self.places = places
        self.mobile = mobile
        rules = [ScoringRule(default_rule_id(k), label, f, c, v, w) for k, label, f, c, v, w in DEFAULT_RULES]
        self.score = scorer(rules)  # the same default rules a new database ships with
        # When each lead came in, from a generator of its own so that the other draws stay as they were.
        self.arrivals = random.Random(f"lead-arrivals:{today.isoformat()}")
        self.campaign_rows = self._campaigns()
        started = [c for c in self.campaign_rows if c["status"] != "planned"]
        self.started_campaigns = [c["id"] for c in started]
        self.campaigns_by_channel = {ch: [c["id"] for c in started if c["channel"] == ch] for ch in CAMPAIGN_CHANNELS}
        self.worked_leads: list[tuple[str, str]] = []  # (lead, owner) of leads someone is working on
        self.deal_links: list[tuple[str, str, str | None, str]] = []  # (deal, account, contact, owner)
        self.quoted: list[QuotedDeal] = []  # deals that reached the quotation stage, for the sample sales

    def _campaigns(self) -> list[dict[str, Any]]:
        """Each yearly campaign of the vocabulary that started in the last 24 months or starts soon."""
        r, today = self.rnd, self.today
        rows = []
        for year in range(today.year - 2, today.year + 1):
            for name, channel, month, days, cost in V.CAMPAIGNS:
                starts = date(year, month, r.randint(1, 10))
                if not today - timedelta(days=730) <= starts <= today + timedelta(days=UPCOMING_DAYS):
                    continue
                ends = starts + timedelta(days=days - 1)
                status = "planned" if starts > today else "active" if ends >= today else "done"
                rows.append({
                    "id": new_id(),
                    "name": name.format(year=year + 543),
                    "channel": channel,
                    "status": status,
                    "starts_on": starts,
                    "ends_on": ends,
                    "cost_satang": round(cost * r.uniform(0.8, 1.2) / 500) * 500 * 100,
                })
        return rows

    def _campaign_of(self, source: str) -> str | None:
        """Every "campaign" lead names its campaign; most trade-show, Facebook and LINE leads do too."""
        r = self.rnd
        if source == "campaign":
            return r.choice(self.started_campaigns) if self.started_campaigns else None
        choices = self.campaigns_by_channel.get(source)
        return r.choice(choices) if choices and r.random() < 0.6 else None

    def arrival(self, status: str) -> datetime:
        """A new lead came in during the last 30 days; the others over the two years before today, more
        of them lately (the business grows), so that leads by source per month have something to show."""
        r = self.arrivals
        days = r.randint(1, 30) if status == "new" else int(r.triangular(1, LEAD_DAYS, 1))
        return _at(self.today - timedelta(days=days), r)

    def lead(self) -> dict[str, Any]:
        r = self.rnd
        female = r.random() < 0.55
        first = r.choice(V.THAI_FEMALE_FIRST_NAMES if female else V.THAI_MALE_FIRST_NAMES)
        status = _weighted(r, STATUSES)
        source = _weighted(r, SOURCES)
        row: dict[str, Any] = {
            "prefix": r.choice(("นางสาว", "นาง", "คุณ")) if female else r.choice(("นาย", "คุณ")),
            "first_name": first,
            "last_name": r.choice(V.THAI_SURNAMES),
            "mobile": self.mobile() if r.random() < 0.85 else "",
            "province": r.choice(self.places)[2],
            "interest": r.choice(INTERESTS),
            "budget_satang": None if r.random() < 0.3 else r.randint(1, 80) * 5_000_00,  # 5,000–400,000 baht
            "timeframe": r.choice(TIMEFRAMES) if r.random() < 0.7 else "",
            "source": source,
            "campaign_id": self._campaign_of(source),
            "status": status,
            "owner_id": r.choice(self.rep_ids) if status != "new" else None,
        }
        if r.random() < 0.6:
            stem, _roman = r.choice(V.THAI_COMPANY_STEMS)
            row["company_name"] = _weighted(r, V.THAI_COMPANY_FORMS).format(name=stem)
            row["position"] = r.choice(V.JOB_POSITIONS)[0]
        if r.random() < 0.5:
            row["email"] = f"{r.choice(V.THAI_NICKNAMES)[1]}.{r.randint(1, 999)}@{r.choice(V.PERSONAL_EMAIL_DOMAINS)}"
        if status == "disqualified":
            row["disqualify_reason"] = r.choice(DISQUALIFY_REASONS)
        if status == "converted":
            account_id, contact_id = r.choice(self.accounts)
            row["converted_account_id"], row["converted_contact_id"] = account_id, contact_id
        row["created_at"] = self.arrival(status)
        row["score"] = self.score(lead_values(row))
        row["id"] = new_id()
        if status in ("contacted", "qualified"):
            self.worked_leads.append((row["id"], row["owner_id"]))
        return row

    def deal(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """One deal and its stage history, started within the last 24 months."""
        r = self.rnd
        account_id, contact_id = r.choice(self.accounts)
        owner = r.choice(self.rep_ids)
        amount = r.randint(10, 4_000) * 500_00
        started = self.today - timedelta(days=r.randint(0, 730))
        path = list(OPEN_PATH[: r.randint(1, len(OPEN_PATH))])
        age = (self.today - started).days
        if age > 120 or (age > 45 and r.random() < 0.8):  # older deals are closed, won or lost
            path.append("won" if r.random() < 0.4 else "lost")
        steps: list[tuple[str, datetime]] = []
        when = _at(started, r)
        for key in path:
            if when.date() > self.today:
                break  # the rest of its road lies in the future: the deal is still in its last stage
            steps.append((key, when))
            when += timedelta(days=r.randint(2, 35), minutes=r.randint(0, 600))
        deal_id = new_id()
        history, previous = [], None
        for key, when in steps:
            history.append({"opportunity_id": deal_id, "from_stage_id": previous, "to_stage_id": stage_id(key),
                            "changed_at": when, "changed_by": owner, "amount_satang": amount})
            previous = stage_id(key)
        final = steps[-1][0]
        quoted_on = next((when.date() for key, when in steps if key == "quotation"), None)
        probability = next(p for key, _name, p, _kind in DEFAULT_STAGES if key == final)
        interest = r.choice(INTERESTS)
        deal = {
            "id": deal_id,
            "name": f"{interest} {r.randint(1, 20)} ชุด",
            "account_id": account_id,
            "contact_id": contact_id,
            "owner_id": owner,
            "stage_id": stage_id(final),
            "amount_satang": amount,
            "probability": probability,
            "expected_close": steps[-1][1].date() + timedelta(days=r.randint(0, 60)),
            "channel": r.choice(("direct", "line", "facebook", "website", "dealer")),
        }
        if final == "lost":
            deal["loss_reason"] = r.choice(LOSS_REASONS)
            deal["competitor"] = r.choice(COMPETITORS)
        self.deal_links.append((deal_id, account_id, contact_id, owner))
        if quoted_on is not None:
            closed = steps[-1][1].date() if final in ("won", "lost") else None
            self.quoted.append(QuotedDeal(deal_id, account_id, contact_id, owner, interest, quoted_on, final, closed))
        return deal, history

    def targets(self) -> list[dict[str, Any]]:
        """A monthly target per rep for the last 24 months and the next 2."""
        rows = []
        for rep in self.rep_ids:
            base = self.rnd.randint(4, 20) * 100_000_00
            for back in range(-2, 24):
                y, m = divmod(self.today.year * 12 + self.today.month - 1 - back, 12)
                month = f"{y:04d}-{m + 1:02d}"
                rows.append({"id": fixed_id("target", f"{rep}:{month}"), "owner_id": rep, "month": month,
                             "amount_satang": base, "commission_bp": 300})
        return rows

    def batches(self, leads: int, deals: int) -> Iterator[bulk.Batch]:
        yield Campaign, self.campaign_rows
        for start in range(0, leads, BATCH):
            yield Lead, [self.lead() for _ in range(start, min(start + BATCH, leads))]
        for start in range(0, deals, BATCH):
            made = [self.deal() for _ in range(start, min(start + BATCH, deals))]
            yield Opportunity, [d for d, _ in made]
            yield StageHistory, [h for _, hs in made for h in hs]
        yield Target, self.targets()
