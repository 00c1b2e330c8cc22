"""Segments, read side: one function (`segment_condition`) turns a segment's filter into a SQL condition
on contacts or accounts, and the count, the list, the export and a campaign's members all use it.

The filter's meaning is written once in `crm_desktop/segment_filter.py`; here it becomes SQLAlchemy
Core: plain comparisons on the record's own columns (the last contact and each sale's total among them,
kept by triggers: db/kept.py), sets of ids for what lies in other tables (the lead a person came from,
their orders and order lines), and the RFM classes as
one JSON-bound set of customer ids (`db/value_sets.one_of`), computed by the Reports tab's ranking.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, case, func, literal, not_, or_, select, true, union

from crm_desktop.db.database import Database
from crm_desktop.db.line_amounts import line_net
from crm_desktop.db.spelling import holds_like, unindexed
from crm_desktop.db.value_sets import one_of
from crm_desktop.models import Account, Contact, Lead, Product, SalesOrder, SalesOrderLine, Segment
from crm_desktop.models.marketing import SegmentMember
from crm_desktop.provinces import region_provinces
from crm_desktop.queries.reports.customers import rfm_classes
from crm_desktop.queries.reports.measure import ReportFilter, sold
from crm_desktop.queries.reports.sales import shift_months
from crm_desktop.segment_filter import SegmentFilter, parse_filter, years_before

RFM_MONTHS = 12
WALKED_IDS = 5_000  # an RFM class up to this size is bound as a list of ids (under SQLite's 32,766 parameters)
RfmGroups = Mapping[str, frozenset[str]]  # class -> the customer ids (accounts or contacts) in it


def rfm_groups(db: Database, today: date) -> RfmGroups:
    """The customers of each RFM class over the 12 months to `today`, as the Reports tab ranks them
    (top, at_risk, other); "none" is everyone without a sale in that time (the complement)."""
    found = rfm_classes(db, ReportFilter(shift_months(today, -RFM_MONTHS) + timedelta(days=1),
                                         today + timedelta(days=1)), today)
    return {k: frozenset(v) for k, v in found.items()}


def _words(column: Any, words: Sequence[str]) -> ColumnElement[bool]:
    """A comma-separated list column (tags, interests: "a, b") holds one of `words`, as a whole item, in
    any case (`holds_like`: no lower() of every person's list, a third of the count on SQLite)."""
    listed = literal(", ") + column + literal(", ")
    return or_(*(holds_like(listed, f"%, {_escaped(w)}, %") for w in words))


def _escaped(word: str) -> str:
    """`word` as a LIKE pattern (escape character `/`) that matches it literally."""
    return word.replace("/", "//").replace("%", "/%").replace("_", "/_")


def _link(record: Any, table: Any) -> Any:
    """The column of `table` (SalesOrder, Activity, Lead) that names the person or the company."""
    if table is Lead:
        return Lead.converted_contact_id if record is Contact else Lead.converted_account_id
    return table.contact_id if record is Contact else table.account_id


def _key(flt: SegmentFilter, record: Any) -> ColumnElement[str]:
    """The record's id as the sets of other tables (buyers, leads, activities) are matched with it.

    Each set is built once. When an index already narrows the records (gender and age, province,
    owner), the id is wrapped so SQLite looks each of those records up in the set; otherwise it may
    walk a small set to the records by their ids. (Walking is SQLite's choice whenever it can: the
    40,000 buyers of six months, one random read each, for the 1,800 women it had in an index range.)"""
    return func.coalesce(record.id, "") if _narrowed(flt) else record.id


def _narrowed(flt: SegmentFilter) -> bool:
    """An index narrows the records before any set of another table is consulted."""
    return bool(flt.genders or flt.provinces or flt.regions or flt.owner_ids)


def _among(key: ColumnElement[str], record: Any, table: Any, *cond: ColumnElement[bool]) -> ColumnElement[bool]:
    """The record is named by a row of `table` meeting `cond`: one uncorrelated set, not a subquery per
    record; never NULL, so NOT works."""
    link = _link(record, table)
    return key.in_(select(link).where(link.is_not(None), *cond))


def _bought(flt: SegmentFilter, key: ColumnElement[str], record: Any, today: date) -> ColumnElement[bool]:
    """They bought (these products / categories, for at least this much) in the period: orders of the
    contact itself, or of the company."""
    b = flt.bought
    assert b is not None
    period = ReportFilter(shift_months(today, -b.months), today + timedelta(days=1))
    link = _link(record, SalesOrder)
    if not (b.product_ids or b.categories):
        if not b.min_satang:
            return _among(key, record, SalesOrder, *sold(period))
        # Each sale's total is kept on it (db/kept.py): the period's sales read from the index by status
        # and day that covers the customer and the total, summed per customer.
        return key.in_(select(link).where(link.is_not(None), *sold(period)).group_by(link)
                       .having(func.sum(SalesOrder.lines_net_satang) >= b.min_satang))
    # The product tested line by line: as a term of the lines' index, SQLite sought each order's lines
    # once per product of the category (498 of them for "IT equipment": 1.3 s).
    product = unindexed(SalesOrderLine.product_id)
    lines = [SalesOrderLine.deleted_at.is_(None)]
    if b.product_ids:
        lines.append(product.in_(b.product_ids))
    if b.categories:
        lines.append(product.in_(
            select(Product.id).where(Product.category.in_(b.categories), Product.deleted_at.is_(None))))
    # The orders read in the order of their ids (`measure.sold`), so their lines are found in the order of
    # the lines' index: read by status and day, each order's lines were a random read (the 46,000 orders of
    # six months; a year's 93,000 summed: 0.8 s of 1.1).
    of_order = and_(SalesOrderLine.order_id == unindexed(SalesOrder.id), *lines)
    cond = [link.is_not(None), *sold(period, in_id_order=True)]
    if not b.min_satang:
        return key.in_(select(link).select_from(SalesOrder).join(SalesOrderLine, of_order).where(*cond))
    # The lines of these products summed: each order's first (along the ids, no sort), then each customer's.
    per_order = (select(link.label("customer"), func.sum(line_net(SalesOrderLine)).label("amount"))
                 .select_from(SalesOrder).join(SalesOrderLine, of_order).where(*cond).group_by(SalesOrder.id)
                 .subquery("per_order"))
    return key.in_(select(per_order.c.customer).group_by(per_order.c.customer)
                   .having(func.sum(per_order.c.amount) >= b.min_satang))


def _contacted(record: Any, days: int, today: date) -> ColumnElement[bool]:
    """Their last contact (`last_contact_on`, an office day kept by db/kept.py: an activity marked done)
    falls in the last `days` days: on today − `days` or later."""
    return record.last_contact_on >= today - timedelta(days=days)


def _quiet(record: Any, days: int, today: date) -> ColumnElement[Any]:
    """No contact in the last `days` days: their last contact fell before today − `days`, or there is none.
    As one term (not "IS NULL OR <"): SQLite reads the index of last contacts in one pass, where the OR
    was two ranges and a set of row numbers to merge them (35 → 20 ms for 150,000 people)."""
    return func.coalesce(record.last_contact_on < today - timedelta(days=days), true(), type_=Integer)  # (no "= 1")


def _rfm(flt: SegmentFilter, key: ColumnElement[str], record: Any, groups: RfmGroups) -> ColumnElement[bool]:
    """The record is a customer of one of the classes (a contact also through its company): the people
    of the classes found along the primary key and the company index, then probed as one set."""
    def among(column: Any, ids: frozenset[str]) -> ColumnElement[bool]:
        # A few thousand ids as a list SQLite walks along the column's index; more as one JSON value.
        return column.in_(sorted(ids)) if len(ids) <= WALKED_IDS else one_of(column, sorted(ids))

    def member(ids: frozenset[str]) -> ColumnElement[bool]:
        if record is Account:
            return among(Account.id, ids)
        people = Contact.__table__.alias("rfm_people")
        return key.in_(union(select(people.c.id).where(among(people.c.id, ids)),
                             select(people.c.id).where(among(people.c.account_id, ids))))

    parts = [member(groups[c]) for c in flt.rfm if c != "none"]
    if "none" in flt.rfm:
        parts.append(not_(member(frozenset().union(*groups.values()))))
    return or_(*parts)


def segment_condition(flt: SegmentFilter, today: date, rfm: RfmGroups | None = None) -> ColumnElement[bool]:
    """THE condition of a segment on `Contact` (kind "contacts") or `Account` (kind "accounts"), live
    records only. `rfm` is needed when the filter has RFM classes (`rfm_groups`)."""
    record: Any = Contact if flt.kind == "contacts" else Account
    cond: list[ColumnElement[bool]] = [record.deleted_at.is_(None)]
    key = _key(flt, record)
    if flt.age_min is not None:
        cond.append(Contact.birthday <= years_before(today, flt.age_min))
    if flt.age_max is not None:
        cond.append(Contact.birthday > years_before(today, flt.age_max + 1))
    if flt.genders:
        cond.append(Contact.gender.in_(flt.genders))
    if flt.provinces or flt.regions:
        names = set(flt.provinces).union(*(region_provinces(r) for r in flt.regions))
        # With a list condition the covering index is read whole, in one pass, rather than province by province.
        place = unindexed(record.province) if flt.interests or flt.tags else record.province
        cond.append(place.in_(sorted(names)))
    if flt.income_bands:
        cond.append(Contact.income_band.in_(flt.income_bands))
    if flt.interests:
        cond.append(_words(Contact.interests, flt.interests))
    if flt.tags:
        cond.append(_words(record.tags, flt.tags))
    if flt.consent is not None:
        cond.append(Contact.marketing_consent.is_(flt.consent))
    if flt.lead_sources:
        cond.append(_among(key, record, Lead, Lead.deleted_at.is_(None), Lead.source.in_(flt.lead_sources)))
    if flt.bought is not None:
        cond.append(_bought(flt, key, record, today))
    if flt.rfm:
        if rfm is None:
            raise ValueError("the RFM classes are needed for this filter")
        cond.append(_rfm(flt, key, record, rfm))
    if flt.contacted_within_days is not None:
        cond.append(_contacted(record, flt.contacted_within_days, today))
    if flt.quiet_for_days is not None:
        cond.append(_quiet(record, flt.quiet_for_days, today))
    if flt.owner_ids:
        cond.append(record.owner_id.in_(flt.owner_ids))
    return and_(*cond)


@dataclass(frozen=True)
class SegmentRow:
    id: str
    name: str
    kind: str
    static: bool
    filter_json: str
    notes: str


def saved_segments(db: Database) -> list[SegmentRow]:
    """The live segments, by name."""
    stmt = select(Segment.id, Segment.name, Segment.kind, Segment.static, Segment.filter_json, Segment.notes).where(
        Segment.deleted_at.is_(None)).order_by(func.lower(Segment.name), Segment.id)
    with db.engine.connect() as conn:
        return [SegmentRow(*r) for r in conn.execute(stmt)]


@dataclass(frozen=True)
class Who:
    """Whom a segment means: a filter (dynamic) or a static list's members, of contacts or accounts."""

    kind: str
    filter: SegmentFilter | None = None
    static_id: str | None = None

    @classmethod
    def of(cls, row: SegmentRow) -> Who:
        if row.static:
            return cls(row.kind, static_id=row.id)
        return cls(row.kind, filter=parse_filter(row.filter_json))

    @property
    def record(self) -> Any:
        return Contact if self.kind == "contacts" else Account

    def needs_rfm(self) -> bool:
        return self.filter is not None and bool(self.filter.rfm)

    def condition(self, today: date, rfm: RfmGroups | None = None) -> ColumnElement[bool]:
        if self.filter is not None:
            return segment_condition(self.filter, today, rfm)
        link = SegmentMember.contact_id if self.kind == "contacts" else SegmentMember.account_id
        members = select(link).where(SegmentMember.segment_id == self.static_id, SegmentMember.deleted_at.is_(None))
        return and_(self.record.deleted_at.is_(None), self.record.id.in_(members))


def resolve_rfm(db: Database, who: Who, today: date, rfm: RfmGroups | None) -> RfmGroups | None:
    return rfm if rfm is not None or not who.needs_rfm() else rfm_groups(db, today)



@dataclass(frozen=True)
class SegmentCount:
    total: int
    with_consent: int  # people who agreed to marketing (companies: all of them)

    @property
    def without_consent(self) -> int:
        return self.total - self.with_consent


def segment_count(db: Database, who: Who, today: date, rfm: RfmGroups | None = None) -> SegmentCount:
    """How many records the segment holds, and how many of them may get marketing (consent)."""
    rfm = resolve_rfm(db, who, today, rfm)
    consent = case((Contact.marketing_consent, 1), else_=0) if who.kind == "contacts" else literal(1)
    stmt = select(func.count(), func.coalesce(func.sum(consent), 0)).select_from(who.record)
    stmt = stmt.where(who.condition(today, rfm))
    with db.engine.connect() as conn:
        total, with_consent = conn.execute(stmt).one()
    return SegmentCount(int(total), int(with_consent))


def segment_ids(db: Database, who: Who, today: date, rfm: RfmGroups | None = None, *,
                consent_only: bool = False) -> list[str]:
    """The ids of the segment's records in their lists' order (people: only those who agreed to
    marketing with `consent_only`)."""
    rfm = resolve_rfm(db, who, today, rfm)
    record = who.record
    cond = who.condition(today, rfm)
    if consent_only and who.kind == "contacts":
        cond = and_(cond, Contact.marketing_consent.is_(True))
    stmt = select(record.id).where(cond).order_by(record.sort_key, record.id)
    with db.engine.connect() as conn:
        return list(conn.execute(stmt).scalars())



def products_by_sku(db: Database, skus: Sequence[str]) -> dict[str, str]:
    """SKU (as typed, any case) -> the id of the live product with that code, for the codes known."""
    if not skus:
        return {}
    wanted = {s.casefold(): s for s in skus}
    stmt = select(Product.sku, Product.id).where(Product.deleted_at.is_(None),
                                                 func.lower(Product.sku).in_(list(wanted)))
    with db.engine.connect() as conn:
        return {wanted[sku.casefold()]: pid for sku, pid in conn.execute(stmt) if sku.casefold() in wanted}


def product_skus(db: Database, ids: Sequence[str]) -> list[str]:
    """The codes of these products (deleted ones too: a saved segment may still name one)."""
    if not ids:
        return []
    with db.engine.connect() as conn:
        found = dict(conn.execute(select(Product.id, Product.sku).where(Product.id.in_(list(ids)))).all())
    return [found[i] for i in ids if i in found]
