"""Use cases for products: create, edit, deactivate, delete with undo.

A product's price history is its change log (`price_satang` / `cost_satang`), so editing a price
is an ordinary update; lines already written keep the price they were written with.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from operator import attrgetter

from crm_desktop.db.uow import UnitOfWork
from crm_desktop.errors import NotFound, ValidationError
from crm_desktop.models import Product
from crm_desktop.models.sales import MAX_UNIT_PRICE_SATANG
from crm_desktop.services import records, validation
from crm_desktop.services.changes import ChangeSet, Entity, change

ENTITY = Entity.PRODUCT
MAX_PRICE_SATANG = MAX_UNIT_PRICE_SATANG  # ten million baht: what a product or a line may cost


@dataclass
class ProductInput:
    """What the product form holds. Money in satang; `unit` from the "product_unit" list or typed."""

    sku: str
    name_th: str
    name_en: str = ""
    category: str = ""
    unit: str = ""
    price_satang: int = 0
    cost_satang: int = 0
    vatable: bool = True
    active: bool = True
    description: str = ""


def unit_price(value: object, field: str) -> int:
    """A price or cost: whole satang from 0 to 10,000,000 baht (what a line may carry)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "An amount must be a whole number of satang.")
    if value < 0:
        raise ValidationError(field, "An amount cannot be negative.")
    if value > MAX_PRICE_SATANG:
        raise ValidationError(field, "A price is at most 10,000,000 baht.")
    return value


def _sku(uow: UnitOfWork, value: str, product_id: str | None) -> str:
    """Trimmed, spaces collapsed, upper case: "ac-12 000" and "AC-12 000" are one code."""
    sku = validation.column_text(" ".join(value.split()).upper(), Product.sku)
    other = uow.products.live_by_sku(sku)
    if other is not None and other.id != product_id:
        raise ValidationError("sku", "SKU {sku} is already used by {name}.", sku=sku, name=other.name_th)
    return sku


def clean_product(uow: UnitOfWork, data: ProductInput, product_id: str | None) -> dict[str, object]:
    """The product's column values, validated and normalized (`product_id`: the one being edited, which
    keeps its SKU); commits nothing (the form and the import share it)."""
    v = validation
    return {
        "sku": _sku(uow, data.sku, product_id),
        "name_th": v.column_text(data.name_th, Product.name_th),
        "name_en": v.column_text(data.name_en, Product.name_en),
        "category": v.column_text(" ".join(data.category.split()), Product.category),
        "unit": v.column_text(data.unit, Product.unit),
        "price_satang": unit_price(data.price_satang, "price_satang"),
        "cost_satang": unit_price(data.cost_satang, "cost_satang"),
        "vatable": bool(data.vatable),
        "active": bool(data.active),
        "description": v.column_text(data.description, Product.description),
    }


def create_product(uow: UnitOfWork, data: ProductInput) -> ChangeSet:
    with uow:
        product = uow.products.add(Product(**clean_product(uow, data, None)))
        uow.commit()
    return change(ENTITY, created=(product.id,))


def _live(uow: UnitOfWork, product_id: str) -> Product:
    product = uow.products.get(product_id)
    if product is None:
        raise NotFound("The product was deleted by someone else. Refresh the list.")
    return product


def update_product(uow: UnitOfWork, product_id: str, data: ProductInput) -> ChangeSet:
    with uow:
        product = _live(uow, product_id)
        for key, value in clean_product(uow, data, product_id).items():
            if getattr(product, key) != value:  # only real edits reach the change log (price history)
                setattr(product, key, value)
        uow.commit()
    return change(ENTITY, updated=(product_id,))


def set_products_active(uow: UnitOfWork, ids: Iterable[str], active: bool) -> ChangeSet:
    """Deactivate (or reactivate): an inactive product leaves the pickers and stays in history."""
    with uow:
        done = []
        for product_id in ids:
            product = _live(uow, product_id)
            if product.active != active:
                product.active = active
                done.append(product_id)
        uow.commit()
    return change(ENTITY, updated=tuple(done))


def product_input(uow: UnitOfWork, product_id: str) -> ProductInput:
    """The stored product as form input, for the edit dialog."""
    with uow:
        product = _live(uow, product_id)
        return ProductInput(**{f.name: getattr(product, f.name) for f in fields(ProductInput)})


def delete_products(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    """Soft delete: lines that used a product keep their snapshot; new lines cannot pick it."""
    return records.soft_delete(uow, attrgetter("products"), ENTITY, ids)


def restore_products(uow: UnitOfWork, ids: Iterable[str]) -> ChangeSet:
    """Undo a delete, in one transaction. Refused when a live product took the SKU meanwhile."""
    with uow:
        done = []
        for product_id in ids:
            product = uow.products.get(product_id, include_deleted=True)
            if product is None:
                raise NotFound("The record no longer exists.")
            other = uow.products.live_by_sku(product.sku)
            if other is not None and other.id != product_id:
                raise ValidationError("sku", "SKU {sku} is already used by {name}.", sku=product.sku,
                                      name=other.name_th)
            uow.products.restore(product)
            done.append(product_id)
        uow.commit()
    return change(ENTITY, created=tuple(done))
