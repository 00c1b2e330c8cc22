"""Realistic, deterministic Thai and English sample data at three sizes.

The same size and day always give the same names, numbers, addresses and activities (a seeded
generator), so screenshots, benchmarks and bug reports are reproducible; the day is the application
clock's today, so the activities lie around the real today (past ones done, coming ones planned).
Rows go through `db.bulk.load`, so the sample data is in the change log like any other data and
syncs like it.
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from typing import Any

import geothai

from crm_desktop.db import bulk
from crm_desktop.db.database import Database
from crm_desktop.demo import vocab as V
from crm_desktop.demo.activities import ActivityGenerator, Customers
from crm_desktop.demo.cases import CaseGenerator
from crm_desktop.demo.draws import Draws
from crm_desktop.demo.marketing import MarketingGenerator
from crm_desktop.demo.pipeline import INTERESTS, PipelineGenerator
from crm_desktop.demo.sales import SalesGenerator
from crm_desktop.demo.sizes import MARKETING, SIZES, MarketingSize, Size
from crm_desktop.models import Account, Contact, User, fixed_id, new_ids
from crm_desktop.services.validation import make_tax_id

OFFICE_STAFF = 2  # besides the reps, people with the role "staff": a technician and a sales admin
BATCH = 5_000
BANGKOK_AREA = {"10", "11", "12", "13", "73", "74"}  # provinces on the 02 landline prefix
# Landline area codes by the first digit of the province code (1, 2, 7: central, east, west; 3, 4:
# north-east; 5, 6: north; 8, 9: south).
AREA_CODES = {
    "1": ("32", "34", "35", "36"), "2": ("33", "37", "38", "39"), "7": ("32", "34", "35"),
    "3": ("42", "43", "44", "45"), "4": ("42", "43", "44", "45"),
    "5": ("53", "54", "55"), "6": ("55", "56"),
    "8": ("73", "74", "75", "76", "77"), "9": ("73", "74"),
}
MOBILE_PREFIXES = ("061", "062", "063", "064", "065", "080", "081", "082", "083", "084", "085", "086",
                   "087", "088", "089", "090", "091", "092", "093", "094", "095", "096", "097", "098", "099")


def staff_colour(index: int) -> str:
    """A calendar colour for the index-th person, each far from the ones before (golden-ratio hues)."""
    red, green, blue = colorsys.hsv_to_rgb(index * 0.618034 % 1, 0.7, 0.8)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


@cache
def _places() -> tuple[tuple[str, str, str, str, str], ...]:
    """(subdistrict, district, province, postcode, province code) for every Thai subdistrict."""
    out = []
    for p in geothai.provinces():
        for d in geothai.districts(p.code):
            for s in geothai.subdistricts(d.code):
                if s.postal_codes:
                    out.append((s.name_th, d.name_th, p.name_th, s.postal_codes[0], p.code))
    return tuple(out)


class _Generator:
    def __init__(self, seed: int, size: Size, today: date, marketing: MarketingSize | None = None) -> None:
        self.rnd = Draws(seed)
        self.size = size
        self.marketing = marketing
        self.today = today
        self.places = _places()
        # Half of Thai businesses cluster in and around Bangkok: weight places accordingly.
        self.bangkok = [p for p in self.places if p[4] in BANGKOK_AREA]
        self.rep_ids = [fixed_id("demo-user", str(i)) for i in range(size.reps)]
        self.staff_ids = [fixed_id("demo-user", f"staff-{i}") for i in range(OFFICE_STAFF)]

    def weighted(self, pairs: tuple[tuple[str, int], ...]) -> str:
        return self.rnd.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]

    def place(self) -> tuple[str, str, str, str, str]:
        return self.rnd.choice(self.bangkok if self.rnd.random() < 0.45 else self.places)

    def address_line(self) -> str:
        r = self.rnd
        return r.choice(V.THAI_ADDRESS_LINE_FORMS).format(
            no=f"{r.randint(1, 999)}/{r.randint(1, 99)}" if r.random() < 0.4 else str(r.randint(1, 1999)),
            moo=r.randint(1, 15), soi=r.choice(V.THAI_SOI_NAMES), road=r.choice(V.THAI_ROAD_NAMES),
            village=r.choice(V.THAI_VILLAGE_NAMES), building=r.choice(V.THAI_BUILDING_NAMES),
            floor=r.randint(2, 30),
        ).strip()

    def landline(self, province_code: str) -> str:
        """02 + 7 digits around Bangkok; elsewhere a real area code of the province's region + 6 digits."""
        r = self.rnd
        if province_code in BANGKOK_AREA:
            return f"+662{r.randint(1000000, 9999999)}"
        codes = AREA_CODES.get(province_code[0], AREA_CODES["1"])
        return f"+66{r.choice(codes)}{r.randint(100000, 999999)}"

    def mobile(self) -> str:
        return f"+66{self.rnd.choice(MOBILE_PREFIXES)[1:]}{self.rnd.randint(1000000, 9999999)}"

    def users(self) -> list[dict[str, Any]]:
        """The reps (the first one manages them) and the office staff, each with a mobile and a colour."""
        roles = ["manager"] + ["sales"] * (len(self.rep_ids) - 1) + ["staff"] * OFFICE_STAFF
        rows = []
        for i, (user_id, role) in enumerate(zip(self.rep_ids + self.staff_ids, roles, strict=True)):
            female = i % 2 == 1
            first = self.rnd.choice(V.THAI_FEMALE_FIRST_NAMES if female else V.THAI_MALE_FIRST_NAMES)
            rows.append({"id": user_id, "name": f"{first} {self.rnd.choice(V.THAI_SURNAMES)}", "role": role,
                         "phone": self.mobile(), "colour": staff_colour(i)})
        return rows

    def account(self, index: int, earlier: list[str]) -> dict[str, Any]:
        r = self.rnd
        if r.random() < 0.15:
            name = self.weighted(V.EN_COMPANY_FORMS).format(
                name=f"{r.choice(V.EN_COMPANY_WORDS)} {r.choice(V.EN_COMPANY_SECTOR_WORDS)}")
            roman = name.split()[0].lower()
        else:
            stem, roman = r.choice(V.THAI_COMPANY_STEMS)
            if r.random() < 0.5:
                stem2, roman2 = r.choice(V.THAI_COMPANY_STEMS)
                if stem2 != stem:
                    stem, roman = stem + stem2, roman + roman2
            name = self.weighted(V.THAI_COMPANY_FORMS).format(name=stem)
        sub, district, province, postcode, pcode = self.place()
        founded = self.today - timedelta(days=r.randint(365, 365 * 60))
        row: dict[str, Any] = {
            "name": name,
            # Stored as a Thai office would type them; the lists offer these labels too.
            "industry": r.choice(V.INDUSTRIES)[1],
            "segment": r.choice(V.CUSTOMER_SEGMENTS)[1],
            "phone": self.landline(pcode),
            "address_line": self.address_line(),
            "subdistrict": sub, "district": district, "province": province, "postcode": postcode,
            "founded_on": founded if r.random() < 0.7 else None,
            "owner_id": r.choice(self.rep_ids),
            "tags": ", ".join(r.sample(V.TAGS, r.randint(0, 2))),
        }
        if r.random() < 0.85:
            row["tax_id"] = make_tax_id("0" + r.choice("1234579") + f"{r.randint(0, 9_999_999_999):010d}")
            row["branch_code"] = "00000" if r.random() < 0.9 else f"{r.randint(1, 30):05d}"
        if r.random() < 0.8:
            domain = f"{roman[:20]}{index % 97 if index > 1000 else ''}.{r.choice(V.COMPANY_EMAIL_SUFFIXES)}"
            row["email"] = f"{r.choice(V.COMPANY_EMAIL_MAILBOXES)}@{domain}"
            row["website"] = f"www.{domain}" if r.random() < 0.6 else ""
        if earlier and r.random() < 0.05:
            row["parent_id"] = r.choice(earlier)
        return row

    def contact(self, account_id: str | None) -> dict[str, Any]:
        r = self.rnd
        female = r.random() < 0.55
        if r.random() < 0.1:
            first = r.choice(V.EN_FEMALE_FIRST_NAMES if female else V.EN_MALE_FIRST_NAMES)
            last = r.choice(V.EN_SURNAMES)
            prefix = ("Ms" if r.random() < 0.7 else "Mrs") if female else "Mr"
            nick, roman = "", first.lower()
        else:
            first = r.choice(V.THAI_FEMALE_FIRST_NAMES if female else V.THAI_MALE_FIRST_NAMES)
            last = r.choice(V.THAI_SURNAMES)
            prefix = (r.choice(("นางสาว", "นาง", "คุณ")) if female else r.choice(("นาย", "นาย", "คุณ")))
            nick, roman = r.choice(V.THAI_FEMALE_NICKNAMES if female else V.THAI_MALE_NICKNAMES)
        birthday = self.today - timedelta(days=r.randint(20 * 365, 65 * 365))
        row: dict[str, Any] = {
            "prefix": prefix, "first_name": first, "last_name": last, "nickname": nick,
            "gender": "female" if female else "male",
            "account_id": account_id,
            "owner_id": r.choice(self.rep_ids),
            "mobile": self.mobile(),
            "birthday": birthday if r.random() < 0.7 else None,
            "income_band": r.choice(V.INCOME_BANDS)[0] if r.random() < 0.5 else "",
            "interests": ", ".join(i[0] for i in r.sample(V.INTERESTS, r.randint(0, 3))),
        }
        n = r.randint(1, 999)
        if r.random() < 0.75:
            row["email"] = f"{roman}.{n}@{r.choice(V.PERSONAL_EMAIL_DOMAINS)}"
        if r.random() < 0.6:
            row["line_id"] = r.choice(V.LINE_ID_PATTERNS).format(
                nick=roman, year=birthday.year, yy=f"{birthday.year % 100:02d}", nn=f"{n % 100:02d}")
        if account_id:
            row["position"] = r.choice(V.JOB_POSITIONS)[0]
        else:
            sub, district, province, postcode, _ = self.place()
            row.update(address_line=self.address_line(), subdistrict=sub, district=district,
                       province=province, postcode=postcode)
        if r.random() < 0.6:
            row["marketing_consent"] = True
            row["consent_on"] = self.today - timedelta(days=r.randint(0, 900))
        return row

    def batches(self) -> Iterator[bulk.Batch]:
        yield User, self.users()
        account_ids: list[str] = []
        account_owners: list[str] = []
        for start in range(0, self.size.accounts, BATCH):
            rows = []
            for i, row_id in zip(range(start, min(start + BATCH, self.size.accounts)), new_ids(BATCH), strict=False):
                row = self.account(i, account_ids)
                row["id"] = row_id
                rows.append(row)
            account_ids += [row["id"] for row in rows]
            account_owners += [row["owner_id"] for row in rows]
            yield Account, rows
        b2b = int(self.size.contacts * 0.7)
        first_contact: dict[str, str] = {}
        private: list[tuple[str, str]] = []
        people: list[str] = []  # every contact, and those who agreed to marketing (campaign members)
        consenting: list[str] = []
        for start in range(0, self.size.contacts, BATCH):
            stop = min(start + BATCH, self.size.contacts)
            rows = []
            for i, row_id in zip(range(start, stop), new_ids(stop - start), strict=True):
                account_id = account_ids[self.rnd.randrange(len(account_ids))] if i < b2b else None
                row = self.contact(account_id)
                row["id"] = row_id
                if account_id is not None:
                    first_contact.setdefault(account_id, row["id"])
                else:
                    private.append((row["id"], row["owner_id"]))
                rows.append(row)
                people.append(row_id)
                if row.get("marketing_consent"):
                    consenting.append(row_id)
            yield Contact, rows
        accounts = [(a, first_contact.get(a)) for a in account_ids]
        pipeline = PipelineGenerator(self.rnd, self.today, self.rep_ids, accounts, self.places, self.mobile)
        yield from pipeline.batches(self.size.leads, self.size.deals)
        customers = Customers([(a, c, o) for (a, c), o in zip(accounts, account_owners, strict=True)], private,
                              pipeline.worked_leads, pipeline.deal_links)
        activities = ActivityGenerator(self.rnd, self.today, self.rep_ids[0], self.rep_ids + self.staff_ids,
                                       customers, INTERESTS)
        yield from activities.batches(self.size.activities, self.size.key_accounts, self.size.anniversaries)
        sales = SalesGenerator(self.rnd, self.today, self.rep_ids, customers, pipeline.quoted)
        yield from sales.batches(self.size.products, self.size.quotations, self.size.order_lines)
        yield from CaseGenerator(self.rnd, self.today, self.rep_ids, customers, sales.made_orders,
                                 [p.id for p in sales.products]).batches(self.size.cases)
        if self.marketing is not None:
            yield from MarketingGenerator(self.today, self.marketing, pipeline.campaign_rows, people,
                                          consenting, sales.made_orders).batches()


def total_rows(size: str) -> int:
    """Records a demo load adds, for its progress bar (stage history counted as about 3 per deal,
    campaigns as two years of each, a quotation with its lines as 4, an order line with its share of the
    order as 1.3, a case with its history as 6)."""
    s = SIZES[size]
    people = s.reps + OFFICE_STAFF
    return (people + s.accounts + s.contacts + 2 * len(V.CAMPAIGNS) + s.leads + 4 * s.deals + s.reps * 26
            + s.activities + 2 * people + s.key_accounts + s.anniversaries
            + s.products + 4 * (s.quotations + s.deals // 2) + s.order_lines * 13 // 10 + 6 * s.cases
            + MARKETING[size].campaigns + MARKETING[size].members)


def load_demo(database: Database, size: str, user_id: str | None, progress: bulk.Progress | None = None, *,
              alone: bool = False) -> int:
    """Fill `database` with sample data of the given size, around the clock's today, in one transaction;
    returns rows added. `alone` as in `bulk.load` (the `demo` command)."""
    return bulk.load(database, user_id, demo_batches(size, database.time.today()), total_rows(size), progress,
                     alone=alone)


def demo_batches(size: str, today: date) -> Iterator[bulk.Batch]:
    """The sample data of a size around `today`, batch by batch (the benchmark times them one by one)."""
    return _Generator(seed=2026, size=SIZES[size], today=today, marketing=MARKETING[size]).batches()
