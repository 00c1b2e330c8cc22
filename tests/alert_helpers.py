"""Records at the edge of each alert rule's default threshold, on the test clock's day (TODAY,
2026-11-23, 10:00 in Bangkok): one just over or at it (fires) and one a step short (does not)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from crm_desktop.clock import utc_time
from crm_desktop.models import (
    Account,
    Activity,
    Case,
    Contact,
    Opportunity,
    Quotation,
    SalesOrder,
    SalesOrderLine,
    StageHistory,
)
from crm_desktop.services.app import AppContext
from crm_desktop.services.stages import default_stage_id
from tests.time_helpers import TEST_NOW, TODAY

NOW = TEST_NOW


def _order(uow, number: str, customer: Account | Contact, amount: int, issued: date, status: str = "confirmed",
           promised: date | None = None, delivered: bool = False) -> SalesOrder:
    is_account = isinstance(customer, Account)
    order = SalesOrder(number=number, issued_on=issued, status=status, account_id=customer.id if is_account else None,
                       contact_id=None if is_account else customer.id)
    uow.session.add(order)
    uow.session.flush()
    uow.session.add(SalesOrderLine(order_id=order.id, description="สินค้า", quantity_milli=1000,
                                   unit_price_satang=amount, promised_on=promised,
                                   delivered_milli=1000 if delivered else 0))
    return order


def build(ctx: AppContext) -> dict[str, str]:
    """Records at each rule's edge; the ids by name."""
    ids: dict[str, str] = {}
    with ctx.uow() as uow:
        s = uow.session

        def add(name: str, obj):
            s.add(obj)
            s.flush()
            ids[name] = obj.id
            return obj

        over = add("over", Account(name="บริษัท ซื้อเกิน จำกัด"))
        exact = add("exact", Account(name="บริษัท พอดี จำกัด"))
        last_month = add("last_month", Account(name="บริษัท เดือนก่อน จำกัด"))
        draft = add("draft_buyer", Account(name="ร้านร่าง"))
        top_quiet = add("top_quiet", Account(name="บริษัท ลูกค้าใหญ่ จำกัด"))
        top_person = add("top_person", Contact(first_name="สมศรี", last_name="ใจดี", birthday=date(1975, 11, 23)))
        fillers = [add(f"filler{i}", Account(name=f"ร้านย่อย {i}")) for i in range(5)]
        # big_spender: over 100,000 baht this month, and not: exactly it, last month, a draft
        _order(uow, "SO-1", over, 10_000_001, date(2026, 11, 5))
        _order(uow, "SO-2", exact, 10_000_000, date(2026, 11, 6))
        _order(uow, "SO-3", last_month, 20_000_000, date(2026, 10, 31))
        _order(uow, "SO-4", draft, 20_000_000, date(2026, 11, 7), status="draft")
        # the two top customers (of ten with sales in 12 months) by far
        _order(uow, "SO-5", top_quiet, 100_000_000, date(2026, 3, 1))
        _order(uow, "SO-6", top_person, 90_000_000, date(2026, 4, 1))
        # late_order: promised yesterday and open; promised today; late but delivered; late but cancelled
        late = _order(uow, "SO-7", fillers[0], 1_000_000, date(2026, 9, 1), promised=TODAY - timedelta(1))
        late.owner_id = ids["late_owner"] = ctx.user_id
        ids["late"] = late.id
        _order(uow, "SO-8", fillers[1], 1_000_000, date(2026, 9, 1), promised=TODAY)
        _order(uow, "SO-9", fillers[2], 1_000_000, date(2026, 9, 1), promised=TODAY - timedelta(5), delivered=True)
        _order(uow, "SO-10", fillers[3], 1_000_000, date(2026, 9, 1))
        _order(uow, "SO-11", fillers[4], 1_000_000, date(2026, 9, 1))
        _order(uow, "SO-12", fillers[4], 1_000_000, date(2026, 9, 1), status="cancelled", promised=TODAY - timedelta(9))
        # quiet_top_customer: last contact exactly 60 days ago (fires); 59 days ago (does not); a call
        # still planned is no contact
        s.add(Activity(kind="task", subject="โทรติดตาม", status="done", due_on=TODAY - timedelta(60),
                       account_id=top_quiet.id))
        s.add(Activity(kind="call", subject="โทรนัด", status="planned", starts_at=NOW - timedelta(days=2),
                       account_id=top_quiet.id))
        s.add(Activity(kind="call", subject="โทรหา", status="done", starts_at=NOW - timedelta(days=59),
                       contact_id=top_person.id))
        # top_birthday: in 7 days (fires), in 8 days (does not), today (fires), a non-top customer's (does not)
        add("birthday_7", Contact(first_name="วันชัย", birthday=date(1980, 11, 30), account_id=top_quiet.id))
        add("birthday_8", Contact(first_name="วันดี", birthday=date(1980, 12, 1), account_id=top_quiet.id))
        add("birthday_small", Contact(first_name="วันเพ็ญ", birthday=date(1980, 11, 25), account_id=fillers[0].id))
        # stuck_deal: in its stage since 30 days ago (fires), since the first minute of the day after that
        # (does not), won long ago (does not)
        for name, stage, moved in (("stuck", "quotation", [NOW - timedelta(days=90), NOW - timedelta(days=30)]),
                                   ("moving", "quotation", [utc_time(datetime.combine(TODAY - timedelta(29), time()))]),
                                   ("won", "won", [NOW - timedelta(days=90)])):
            deal = add(name, Opportunity(name=f"ดีล {name}", stage_id=default_stage_id(stage), account_id=over.id))
            for at in moved:
                s.add(StageHistory(opportunity_id=deal.id, to_stage_id=deal.stage_id, changed_at=at))
        # quotation_expiring: valid to today + 3 (fires), today + 4, yesterday, a draft (do not)
        for name, until, status in (("q3", 3, "sent"), ("q4", 4, "sent"), ("q_past", -1, "sent"),
                                    ("q_draft", 1, "draft")):
            add(name, Quotation(number=f"QT-{name}", issued_on=TODAY - timedelta(10), status=status,
                                valid_until=TODAY + timedelta(until), account_id=over.id))
        # case_sla: due in exactly 4 hours (near), a minute after that (not yet), a minute ago (past), resolved
        for name, due, status in (("near", timedelta(hours=4), "new"), ("later", timedelta(hours=4, minutes=1), "new"),
                                  ("past", timedelta(minutes=-1), "in_progress"),
                                  ("resolved", timedelta(hours=-5), "resolved")):
            add(f"case_{name}", Case(number=f"C-{name}", subject="แอร์ไม่เย็น", status=status, account_id=over.id,
                                     opened_at=NOW - timedelta(1), sla_due_at=NOW + due))
        uow.commit()
    return ids


