"""Sample sales: products, quotations and two years of sales orders with real shapes.

Products come from the categories of `sales_vocab` (brands, variants and model codes make ~2,000 at the
large size). Deals that reached the quotation stage have a quotation (a quarter of them a revision
too): won ones accepted and turned into an order, lost ones rejected, open ones sent or expired; other
customers ask for quotations directly. Orders fill the 24 months before today: regular customers
re-buy their consumables at their own interval (a basket each), the rest buy by the month's weights,
so aircon peaks from March to May and gifts in December. An order's status follows its age: old ones
invoiced, recent ones confirmed or partly delivered, some lines late (promised before today), a few
cancelled. B2B prices exclude VAT, B2C (people without a company) mostly include it. Numbers are the
office's `QT{year}-{seq}` / `SO{year}-{seq}` (Buddhist Era year of the document date, running per year,
in date order), as `services/sales/numbers.py` gives them on a copy that is the office.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from typing import Any

from crm_desktop.db import bulk
from crm_desktop.demo import sales_vocab as S
from crm_desktop.demo.activities import Customers
from crm_desktop.demo.draws import Weighted
from crm_desktop.models import Product, Quotation, QuotationLine, SalesOrder, SalesOrderLine, new_ids
from crm_desktop.money import line_amounts

DAYS = 730  # orders over the 24 months before today
QUOTE_VALID_DAYS = 30
REGULAR_SHARE = 0.3  # of the order lines: regular customers re-buying consumables
B2C_SHARE = 0.25  # of the one-off orders: people without a company
LINE_COUNTS = Weighted(list(zip(range(1, 10), (30, 25, 17, 10, 7, 5, 3, 2, 1), strict=True)))  # lines on an order
CHANNELS_B2B, CHANNELS_B2C = Weighted(S.ORDER_CHANNELS_B2B), Weighted(S.ORDER_CHANNELS_B2C)
# Order statuses by age: over 45 days, over 15 days, the last 15 days.
OLD = Weighted((('invoiced', 94), ('delivered', 3), ('cancelled', 3)))
RECENT = Weighted((('invoiced', 45), ('delivered', 35), ('partly_delivered', 8), ('confirmed', 7), ('cancelled', 5)))
NEW = Weighted((('draft', 12), ('confirmed', 45), ('partly_delivered', 18), ('delivered', 20), ('cancelled', 5)))
DIRECT_OUTCOMES = Weighted((('accepted', 40), ('rejected', 25), ('expired', 35)))  # of old direct quotations
LINE_DISCOUNTS_BP = (200, 300, 500, 1000)
ORDER_BATCH = 20_000
# What a deal's interest (pipeline.INTERESTS) is bought from.
INTEREST_CATEGORIES = {"เครื่องปรับอากาศ": "aircon", "กล้องวงจรปิด": "it", "ระบบ POS": "it", "ตู้แช่": "appliance",
                       "เครื่องพิมพ์": "it", "โซลาร์เซลล์": "electrical", "คอมพิวเตอร์": "it",
                       "บริการบำรุงรักษา": "aircon_service", "ซอฟต์แวร์บัญชี": "it",
                       "เฟอร์นิเจอร์สำนักงาน": "furniture"}
LATE_LEAD = {"aircon": (3, 14), "it": (2, 10), "furniture": (5, 21), "appliance": (2, 7)}  # days to deliver
DEFAULT_LEAD = (1, 5)


@dataclass(frozen=True)
class QuotedDeal:
    """A sample deal that reached the quotation stage (from the pipeline generator)."""

    deal_id: str
    account_id: str
    contact_id: str | None
    owner_id: str
    interest: str
    quoted_on: date
    final: str  # its stage key now: "quotation", "negotiation", "won" or "lost"
    closed_on: date | None  # when it was won or lost


@dataclass(frozen=True)
class _Product:
    id: str
    category: int  # index in S.CATEGORIES
    name_th: str
    name_en: str
    unit: str
    price: int  # satang, before VAT
    quantity: tuple[int, int]


@dataclass
class _Doc:
    """A quotation or an order being made: its header values and lines (product, quantity, price, % off, ฿ off)."""

    issued_on: date
    header: dict[str, Any]
    lines: list[tuple[_Product, int, int, int, int]] = field(default_factory=list)


def _be_year(day: date) -> int:
    return day.year + 543


class SalesGenerator:
    def __init__(self, rnd: random.Random, today: date, rep_ids: Sequence[str], customers: Customers,
                 quoted: Sequence[QuotedDeal]) -> None:
        self.rnd = rnd
        self.today = today
        self.first_day = today - timedelta(days=DAYS)
        self.rep_ids = list(rep_ids)
        self.customers = customers
        self.quoted = quoted
        self.products: list[_Product] = []
        self.made_orders: list[dict[str, Any]] = []
        self.by_category: list[list[_Product]] = [[] for _ in S.CATEGORIES]
        # Line categories by month: each category's share times its month weight.
        self.month_weights = [list(accumulate(c.share * c.months[m] for c in S.CATEGORIES)) for m in range(12)]
        # Order days: weekdays busy, Sunday quiet, a slow growth over the two years, and each month's volume.
        volume = [sum(c.share * c.months[m] for c in S.CATEGORIES) for m in range(12)]
        self.days = [self.first_day + timedelta(days=i) for i in range(DAYS + 1)]
        self.day_weights = list(accumulate((1.0, 1.0, 1.0, 1.0, 1.0, 0.45, 0.1)[d.weekday()] * (0.85 + 0.3 * i / DAYS)
                                           * volume[d.month - 1] for i, d in enumerate(self.days)))

    # Products ---------------------------------------------------------------------------------------

    def make_products(self, count: int) -> list[dict[str, Any]]:
        """`count` products, each category's share of them by its number of item-brand-variant combinations
        (beyond them, more models of the same)."""
        r = self.rnd
        combos = [[(item, brand, variant) for item in c.items for brand in c.brands for variant in c.variants]
                  for c in S.CATEGORIES]
        total = sum(len(c) for c in combos)
        wanted = [max(1, round(count * len(c) / total)) for c in combos]
        wanted[wanted.index(max(wanted))] += count - sum(wanted)  # exactly `count`
        rows = []
        ids = iter(new_ids(count))
        for index, (category, mine) in enumerate(zip(S.CATEGORIES, combos, strict=True)):
            r.shuffle(mine)
            models: set[str] = set()
            for n in range(wanted[index]):
                item, brand, (variant_th, variant_en, factor) = mine[n % len(mine)]
                model = ""
                if brand:
                    while not model or model in models:
                        model = f"{brand[:2].upper()}{r.randint(10, 999)}{r.choice('ABCDEFGHJKLMNPRSTUVWXZ')}"
                    models.add(model)
                name_th = " ".join(p for p in (item.th, brand, variant_th, f"รุ่น {model}" if model else "") if p)
                name_en = " ".join(p for p in (brand, item.en, variant_en, model) if p)
                baht = item.price * factor * r.uniform(0.85, 1.3)
                price = (round(baht / 10) * 10 - 10 if baht > 200 else round(baht)) * 100
                product = _Product(next(ids), index, name_th, name_en, item.unit, price, item.quantity)
                self.products.append(product)
                self.by_category[index].append(product)
                rows.append({"id": product.id, "sku": f"{category.sku}-{n + 1:04d}", "name_th": name_th,
                             "name_en": name_en, "category": category.th, "unit": item.unit, "price_satang": price,
                             "cost_satang": round(price * r.uniform(0.62, 0.85) / 100) * 100,
                             "active": r.random() < 0.97})
        return rows

    # Drawing ----------------------------------------------------------------------------------------

    def _day(self) -> date:
        return self.days[bisect(self.day_weights, self.rnd.random() * self.day_weights[-1])]

    def _category(self, month: int) -> int:
        weights = self.month_weights[month - 1]
        return bisect(weights, self.rnd.random() * weights[-1])

    def _product(self, category: int) -> _Product:
        """A product of the category; the first ones (the popular models) sell most."""
        mine = self.by_category[category]
        return mine[int(len(mine) * self.rnd.random() ** 1.5)]

    def _quantity(self, product: _Product, b2c: bool) -> int:
        low, high = product.quantity
        if b2c:
            high = max(1, low)
            low = 1
        units = self.rnd.randint(low, high) * 1000
        if product.unit in ("เมตร", "กิโลกรัม", "ลิตร") and self.rnd.random() < 0.1:
            units += 500  # a half
        return units

    def _line(self, product: _Product, quantity: int, vat_included: bool) -> tuple[_Product, int, int, int, int]:
        """One line: its price (with VAT when the document's prices include it) and now and then a discount."""
        r = self.rnd
        price = round(product.price * 1.07 / 100) * 100 if vat_included else product.price
        percent = baht = 0
        if r.random() < 0.08:
            if r.random() < 0.6:
                percent = r.choice(LINE_DISCOUNTS_BP)
            else:
                gross = line_amounts(quantity, price).gross
                baht = min(gross, max(100, gross // 20 // 1000 * 1000))  # about 5 %, in tens of baht
        return product, quantity, price, percent, baht

    def _customer(self, b2c: bool) -> tuple[str | None, str | None, str]:
        """(account, contact, owner): key accounts (the first ones) buy most."""
        c = self.customers
        if b2c and c.contacts:
            contact, owner = c.contacts[self.rnd.randrange(len(c.contacts))]
            return None, contact, owner
        account, contact, owner = c.accounts[int(len(c.accounts) * self.rnd.random() ** 2)]
        return account, contact, owner

    def _header(self, account: str | None, contact: str | None, owner: str) -> dict[str, Any]:
        r = self.rnd
        b2c = account is None
        english = not b2c and r.random() < 0.08
        terms = r.randrange(len(S.PAYMENT_TERMS)) if not b2c else 0
        return {"account_id": account, "contact_id": contact,
                "owner_id": owner if r.random() < 0.9 else r.choice(self.rep_ids),
                "channel": (CHANNELS_B2C if b2c else CHANNELS_B2B).draw(r),
                "prices_include_vat": b2c and r.random() < 0.9, "language": "en" if english else "th",
                "payment_terms": (S.PAYMENT_TERMS_EN if english else S.PAYMENT_TERMS)[terms]}

    def _fill(self, doc: _Doc, count: int, first_category: int | None = None) -> None:
        """`count` lines of different products, drawn by the month's weights (the first from `first_category`)."""
        b2c = doc.header["account_id"] is None
        seen: set[str] = set()
        for n in range(count):
            category = first_category if n == 0 and first_category is not None else self._category(
                doc.issued_on.month)
            product = self._product(category)
            if product.id in seen:
                continue
            seen.add(product.id)
            doc.lines.append(self._line(product, self._quantity(product, b2c), doc.header["prices_include_vat"]))

    def _bill_discount(self, doc: _Doc) -> None:
        """A few documents get a round bill discount of up to about 3 %."""
        if self.rnd.random() < 0.04:
            subtotal = sum(line_amounts(q, p, bp, baht).net for _, q, p, bp, baht in doc.lines)
            doc.header["bill_discount_satang"] = subtotal * 3 // 100 // 10_000 * 10_000

    # Quotations -------------------------------------------------------------------------------------

    def quotations(self, direct: int) -> list[_Doc]:
        """A quotation for each quoted deal (a quarter revised once) and `direct` ones asked for by customers;
        revisions carry `previous` in their header until numbers are given."""
        r, today = self.rnd, self.today
        docs: list[_Doc] = []
        categories = {c.key: i for i, c in enumerate(S.CATEGORIES)}
        for deal in self.quoted:
            issued = max(deal.quoted_on, self.first_day)
            head = self._header(deal.account_id, deal.contact_id, deal.owner_id)
            head["opportunity_id"] = deal.deal_id
            first = _Doc(issued, head)
            self._fill(first, r.choice((1, 1, 2, 3, 4)), categories[INTEREST_CATEGORIES.get(deal.interest, "it")])
            docs.append(first)
            last = first
            if r.random() < 0.25:  # revised after talking about the price: a bit off every line
                revised_on = min(today, issued + timedelta(days=r.randint(2, 12)))
                second = _Doc(revised_on, {**head, "previous": first})
                second.lines = [(p, q, price, max(bp, 300) if not baht else 0, baht) for p, q, price, bp, baht in
                                first.lines]
                docs.append(second)
                first.header.update(superseded=True, status="sent", sent_on=issued)
                last = second
            decided = deal.closed_on if deal.closed_on is not None and deal.closed_on >= last.issued_on else None
            if deal.final == "won":
                last.header.update(status="accepted", decided_on=decided or last.issued_on)
            elif deal.final == "lost":
                last.header.update(status="rejected", decided_on=decided or last.issued_on)
            else:
                last.header["status"] = "expired" if last.issued_on + timedelta(days=QUOTE_VALID_DAYS) < today \
                    else "sent"
        for _ in range(direct):
            issued = self._day()
            account, contact, owner = self._customer(r.random() < 0.15)
            doc = _Doc(issued, self._header(account, contact, owner))
            self._fill(doc, LINE_COUNTS.draw(r))
            age = (today - issued).days
            if age < 7:
                status = r.choice(("draft", "sent", "sent", "sent"))
            elif age <= QUOTE_VALID_DAYS:
                status = r.choice(("sent", "sent", "accepted", "rejected"))
            else:
                status = DIRECT_OUTCOMES.draw(r)
            doc.header["status"] = status
            if status in ("accepted", "rejected"):
                doc.header["decided_on"] = min(today, issued + timedelta(days=r.randint(1, QUOTE_VALID_DAYS)))
            docs.append(doc)
        for doc in docs:
            self._bill_discount(doc)
            doc.header.setdefault("status", "sent")
            if doc.header["status"] != "draft":
                doc.header.setdefault("sent_on", doc.issued_on)
            doc.header["valid_until"] = doc.issued_on + timedelta(days=QUOTE_VALID_DAYS)
            if r.random() < 0.3:
                doc.header["remarks"] = r.choice(S.QUOTATION_REMARKS)
        return docs

    # Orders -----------------------------------------------------------------------------------------

    def orders(self, quotations: Sequence[_Doc], line_target: int) -> list[_Doc]:
        """Orders from the accepted quotations, the regular customers' re-purchases, then one-off orders
        until there are about `line_target` lines."""
        r = self.rnd
        orders: list[_Doc] = []
        for quote in quotations:
            if quote.header["status"] == "accepted":
                on = quote.header["decided_on"]
                head = {k: v for k, v in quote.header.items() if k in (
                    "account_id", "contact_id", "owner_id", "channel", "prices_include_vat", "language",
                    "payment_terms", "opportunity_id", "bill_discount_satang")}
                orders.append(_Doc(on, {**head, "quotation": quote}, list(quote.lines)))
        lines = sum(len(o.lines) for o in orders)
        regulars = self._regulars()
        for account, contact, owner, interval, basket in regulars:
            if lines >= line_target * REGULAR_SHARE:
                break
            head = self._header(account, contact, owner)
            day = self.first_day + timedelta(days=r.randrange(interval))
            while day <= self.today:
                doc = _Doc(day, dict(head))
                b2c = account is None
                doc.lines = [self._line(p, max(1000, round(q * r.uniform(0.7, 1.3) / 1000) * 1000) if not b2c else q,
                                        head["prices_include_vat"]) for p, q in basket]
                orders.append(doc)
                lines += len(doc.lines)
                day += timedelta(days=max(1, round(interval * r.uniform(0.85, 1.15))))
        while lines < line_target:
            account, contact, owner = self._customer(r.random() < B2C_SHARE)
            doc = _Doc(self._day(), self._header(account, contact, owner))
            self._fill(doc, LINE_COUNTS.draw(r))
            orders.append(doc)
            lines += len(doc.lines)
        for doc in orders:
            if "quotation" not in doc.header:
                self._bill_discount(doc)
        return orders

    def _regulars(self) -> Iterator[tuple[str | None, str | None, str, int, list[tuple[_Product, int]]]]:
        """Customers who re-buy consumables: (account, contact, owner, their interval in days, their basket
        of products and quantities), one per customer and consumable category, busiest customers first."""
        r, c = self.rnd, self.customers
        consumables = [i for i, cat in enumerate(S.CATEGORIES) if cat.repurchase_days]
        people = list(c.contacts[: len(c.contacts) // 20])
        for index, (account, contact, owner) in enumerate(c.accounts):
            customers = [(account, contact, owner)]
            if people and index % 8 == 7:
                person, person_owner = people.pop()
                customers.append((None, person, person_owner))
            for account_id, contact_id, owner_id in customers:
                for category in r.sample(consumables, r.randint(1, 2)):
                    days = S.CATEGORIES[category].repurchase_days
                    interval = max(7, round(days * r.uniform(0.7, 1.5)))
                    picks = dict.fromkeys(self._product(category) for _ in range(r.randint(1, 4)))  # in draw order
                    b2c = account_id is None
                    basket = [(p, self._quantity(p, b2c)) for p in picks]
                    yield account_id, contact_id, owner_id, interval, basket

    def _deliver(self, doc: _Doc) -> tuple[dict[str, Any], list[tuple[date | None, int, date | None, str]]]:
        """The order's status by its age, and each line's (promised, delivered quantity, delivered on, note)."""
        r, today = self.rnd, self.today
        age = (today - doc.issued_on).days
        status = (OLD if age > 45 else RECENT if age > 15 else NEW).draw(r)
        if status == "partly_delivered" and age == 0:
            status = "confirmed"
        header: dict[str, Any] = {"status": status}
        if status == "draft":
            return header, [(None, 0, None, "")] * len(doc.lines)
        if status == "cancelled":
            header["cancel_reason"] = r.choice(S.CANCEL_REASONS)
            return header, [(None, 0, None, "")] * len(doc.lines)
        confirmed = min(today, doc.issued_on + timedelta(days=r.randint(0, 1)))
        header["confirmed_on"] = confirmed
        out = []
        partly = r.randrange(len(doc.lines)) if status == "partly_delivered" else -1
        for n, (product, quantity, *_rest) in enumerate(doc.lines):
            low, high = LATE_LEAD.get(S.CATEGORIES[product.category].key, DEFAULT_LEAD)
            promised = confirmed + timedelta(days=r.randint(low, high))
            if status in ("delivered", "invoiced") or (status == "partly_delivered" and n != partly):
                on = min(today, max(confirmed, promised + timedelta(days=r.randint(-1, 3))))
                out.append((promised, quantity, on, r.choice(S.DELIVERY_NOTES)))
            elif status == "partly_delivered" and len(doc.lines) == 1 and quantity >= 2000:
                on = min(today, max(confirmed, promised - timedelta(days=1)))
                out.append((promised, quantity // 2000 * 1000, on, "ส่งบางส่วน"))
            else:
                out.append((promised, 0, None, ""))
        if status == "partly_delivered" and not any(d for _, d, _, _ in out):
            header["status"] = "confirmed"
        if status == "invoiced":
            last = max(on for _, _, on, _ in out if on is not None)
            header["invoiced_on"] = min(today, last + timedelta(days=r.randint(0, 7)))
        return header, out

    # Numbers and batches ----------------------------------------------------------------------------

    @staticmethod
    def _number(docs: Sequence[_Doc], prefix: str) -> None:
        """The office's numbers: per Buddhist Era year of the document date, in date order."""
        seq: dict[int, int] = {}
        for doc in sorted(docs, key=lambda d: d.issued_on):
            previous = doc.header.get("previous")
            if previous is not None:
                continue
            year = _be_year(doc.issued_on)
            seq[year] = seq.get(year, 0) + 1
            doc.header["number"] = f"{prefix}{year}-{seq[year]:04d}"
        for doc in docs:
            previous = doc.header.pop("previous", None)
            if previous is not None:
                doc.header.update(number=previous.header["number"], revision=2, previous_id=previous.header["id"])

    def batches(self, products: int, quotations: int, order_lines: int) -> Iterator[bulk.Batch]:
        yield Product, self.make_products(products)
        quotes = self.quotations(quotations)
        for doc, quote_id in zip(quotes, new_ids(len(quotes)), strict=True):
            doc.header["id"] = quote_id
        self._number(quotes, "QT")
        orders = self.orders(quotes, order_lines)
        for doc, order_id in zip(orders, new_ids(len(orders)), strict=True):
            doc.header["id"] = order_id
            quote = doc.header.pop("quotation", None)
            if quote is not None:
                doc.header["quotation_id"] = quote.header["id"]
        self._number(orders, "SO")
        # What service cases are about (demo/cases.py) and who bought after a campaign (demo/marketing.py).
        self.made_orders = [{**doc.header, "issued_on": doc.issued_on} for doc in orders]
        yield Quotation, [{**d.header, "issued_on": d.issued_on} for d in quotes if "previous_id" not in d.header]
        yield Quotation, [{**d.header, "issued_on": d.issued_on} for d in quotes if "previous_id" in d.header]
        yield self._lines(QuotationLine, "quotation_id", quotes, None)
        for start in range(0, len(orders), ORDER_BATCH):
            chunk = orders[start:start + ORDER_BATCH]
            deliveries = [self._deliver(doc) for doc in chunk]
            yield SalesOrder, [{**doc.header, **header, "issued_on": doc.issued_on}
                               for doc, (header, _) in zip(chunk, deliveries, strict=True)]
            yield self._lines(SalesOrderLine, "order_id", chunk, [d for _, d in deliveries])

    @staticmethod
    def _lines(model: type[QuotationLine] | type[SalesOrderLine], parent: str, docs: Sequence[_Doc],
               deliveries: Sequence[list[tuple[date | None, int, date | None, str]]] | None) -> bulk.Columns:
        """The lines of `docs` as one column batch (order lines with their deliveries)."""
        columns: dict[str, list[Any]] = {k: [] for k in (
            parent, "position", "product_id", "description", "unit", "quantity_milli", "unit_price_satang",
            "discount_bp", "discount_satang")}
        for doc in docs:
            english = doc.header.get("language") == "en"
            for position, (product, quantity, price, percent, baht) in enumerate(doc.lines):
                columns[parent].append(doc.header["id"])
                columns["position"].append(position)
                columns["product_id"].append(product.id)
                columns["description"].append(product.name_en if english else product.name_th)
                columns["unit"].append(product.unit)
                columns["quantity_milli"].append(quantity)
                columns["unit_price_satang"].append(price)
                columns["discount_bp"].append(percent)
                columns["discount_satang"].append(baht)
        if deliveries is not None:
            flat = [d for lines in deliveries for d in lines]
            for index, key in enumerate(("promised_on", "delivered_milli", "delivered_on", "delivery_note")):
                columns[key] = [d[index] for d in flat]
        return bulk.Columns(model, columns)
