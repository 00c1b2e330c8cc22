"""Read side of products: the list (keys, then rows), the detail pane, the line editor's picker,
categories and the price history read from the change log."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select

from crm_desktop.db.database import Database
from crm_desktop.models import Change, Product, User
from crm_desktop.queries.listing import fetch_by_keys, ordered_keys, text_filter

TABLE = Product.__table__
PICK_LIMIT = 20


@dataclass(frozen=True)
class ProductFilter:
    text: str = ""  # any part of the SKU or the Thai or English name
    category: str = ""
    active: bool | None = True  # None: active and inactive
    vatable: bool | None = None
    price_min: int | None = None  # satang, inclusive
    price_max: int | None = None


@dataclass(frozen=True)
class ProductRow:
    id: str
    sku: str
    name_th: str
    name_en: str
    category: str
    unit: str
    price_satang: int
    cost_satang: int
    vatable: bool
    active: bool
    updated_at: datetime

    @property
    def name(self) -> str:  # what delete confirmations list
        return f"{self.sku} {self.name_th}"


@dataclass(frozen=True)
class ProductDetail:
    id: str
    sku: str
    name_th: str
    name_en: str
    category: str
    unit: str
    price_satang: int
    cost_satang: int
    vatable: bool
    active: bool
    description: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class ProductPick:
    """A product as the line editor's picker offers it: what a line copies as its snapshot."""

    id: str
    sku: str
    name_th: str
    name_en: str
    unit: str
    price_satang: int
    vatable: bool


@dataclass(frozen=True)
class PriceChange:
    """One change of a product's price or cost, with the values before it (None at creation)."""

    changed_at: datetime
    user_name: str
    price_satang: int
    cost_satang: int
    old_price_satang: int | None
    old_cost_satang: int | None


# Each sort is its keys in order; Thai names in dictionary order (their sort key).
SORTS: dict[str, tuple[ColumnElement[Any], ...]] = {
    "sku": (Product.sku,),
    "name_th": (Product.sort_key,),
    "name_en": (Product.name_en,),
    "category": (Product.category,),
    "unit": (Product.unit,),
    "price_satang": (Product.price_satang,),
    "cost_satang": (Product.cost_satang,),
    "vatable": (Product.vatable,),
    "active": (Product.active,),
    "updated_at": (Product.updated_at,),
}


def conditions(flt: ProductFilter) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = [Product.deleted_at.is_(None)]
    if flt.category:
        cond.append(Product.category == flt.category)
    if flt.active is not None:
        cond.append(Product.active.is_(flt.active))
    if flt.vatable is not None:
        cond.append(Product.vatable.is_(flt.vatable))
    if flt.price_min is not None:
        cond.append(Product.price_satang >= flt.price_min)
    if flt.price_max is not None:
        cond.append(Product.price_satang <= flt.price_max)
    return cond


def product_keys(db: Database, flt: ProductFilter, sort: str = "sku", descending: bool = False) -> list[str]:
    """Ids of every product matching `flt`, in display order."""
    order = [key.desc() if descending else key for key in SORTS.get(sort, SORTS["sku"])]
    with db.engine.connect() as conn:
        cond = conditions(flt)
        matched = text_filter(conn, TABLE, flt.text)
        if matched is not None:
            cond.append(matched)
        stmt = select(Product.id).where(and_(*cond)).order_by(*order, Product.id)
        return ordered_keys(conn, stmt)


_ROW = select(
    Product.id, Product.sku, Product.name_th, Product.name_en, Product.category, Product.unit,
    Product.price_satang, Product.cost_satang, Product.vatable, Product.active, Product.updated_at,
).select_from(TABLE)


def product_rows(db: Database, keys: Sequence[str]) -> list[ProductRow]:
    """Rows for `keys`, in the same order; keys of rows deleted meanwhile are skipped."""
    with db.engine.connect() as conn:
        found = fetch_by_keys(conn, _ROW.where(Product.deleted_at.is_(None)), TABLE, keys)
    return [ProductRow(*found[k]) for k in keys if k in found]


def product_detail(db: Database, product_id: str) -> ProductDetail | None:
    with db.engine.connect() as conn:
        row = conn.execute(select(TABLE).where(Product.id == product_id)).mappings().first()
    if row is None or row["deleted_at"] is not None:
        return None
    return ProductDetail(**{k: row[k] for k in ProductDetail.__dataclass_fields__})


def categories(db: Database) -> list[str]:
    """Categories in use by live products, for the filter and the form."""
    stmt = (select(Product.category).where(Product.deleted_at.is_(None), Product.category != "")
            .distinct().order_by(Product.category))
    with db.engine.connect() as conn:
        return [r[0] for r in conn.execute(stmt)]


def pick_products(db: Database, text: str, limit: int = PICK_LIMIT) -> list[ProductPick]:
    """Up to `limit` active products whose SKU or name contains `text`: the exact SKU first, then
    SKUs starting with it, then the rest by SKU (so a scanned or typed code lands on top)."""
    code = " ".join(text.split()).upper()
    with db.engine.connect() as conn:
        cond = [Product.deleted_at.is_(None), Product.active.is_(True)]
        matched = text_filter(conn, TABLE, text)
        if matched is not None:
            cond.append(matched)
        rank = case((Product.sku == code, 0), (Product.sku.startswith(code, autoescape=True), 1), else_=2)
        stmt = (select(Product.id, Product.sku, Product.name_th, Product.name_en, Product.unit,
                       Product.price_satang, Product.vatable)
                .where(and_(*cond)).order_by(rank, Product.sku).limit(limit))
        return [ProductPick(*r) for r in conn.execute(stmt)]


def price_history(db: Database, product_id: str) -> list[PriceChange]:
    """The product's price and cost over time from its change log, newest first: its creation and
    every change that carried a new price or cost (other edits are left out)."""
    stmt = (select(Change.changed_at, func.coalesce(User.name, ""), Change.fields)
            .outerjoin(User, User.id == Change.user_id)
            .where(Change.entity == "product", Change.row_id == product_id)
            .order_by(Change.hlc, Change.site_id, Change.seq))
    with db.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    price = cost = 0  # the columns' defaults: an insert logs only what differs from them
    found: list[PriceChange] = []
    for position, (changed_at, user_name, fields_json) in enumerate(rows):
        fields = json.loads(fields_json)
        new_price = fields.get("price_satang", price)
        new_cost = fields.get("cost_satang", cost)
        if position == 0:
            found.append(PriceChange(changed_at, user_name, new_price, new_cost, None, None))
        elif (new_price, new_cost) != (price, cost):
            found.append(PriceChange(changed_at, user_name, new_price, new_cost, price, cost))
        price, cost = new_price, new_cost
    return found[::-1]


def product_count(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(TABLE).where(Product.deleted_at.is_(None))).scalar() or 0


def product_skus(db: Database, ids: Sequence[str]) -> dict[str, str]:
    """SKUs of products by id, deleted ones included (a stored line still names its product)."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    with db.engine.connect() as conn:
        return {r.id: r.sku for r in conn.execute(select(Product.id, Product.sku).where(Product.id.in_(wanted)))}
