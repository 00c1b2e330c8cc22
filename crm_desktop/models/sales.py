"""Products, quotations and sales orders with their lines (money in satang, VAT in basis points)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import Base, SyncMixin
from crm_desktop.models.rules import NOTES_MAX, rules

DELIVERY_STATUSES = ("pending", "packed", "shipped", "delivered", "cancelled")


class Product(SyncMixin, Base):
    __tablename__ = "product"

    sku: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(30), default="")
    category: Mapped[str] = mapped_column(String(100), default="")
    price_satang: Mapped[int] = mapped_column(BigInteger, default=0)
    cost_satang: Mapped[int] = mapped_column(BigInteger, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class DocumentMixin:
    """Header fields shared by quotations and orders; numbers carry the site code so copies never clash."""

    number: Mapped[str] = mapped_column(String(40), index=True)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None, index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None)
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunity.id"), default=None)
    issued_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    channel: Mapped[str] = mapped_column(String(30), default="")
    vat_bp: Mapped[int] = mapped_column(Integer, default=700)
    notes: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))


class LineMixin:
    """One product line: quantity in thousandths so kilograms and litres fit in an integer."""

    product_id: Mapped[str | None] = mapped_column(ForeignKey("product.id"), default=None)
    description: Mapped[str] = mapped_column(String(300), default="")
    quantity_milli: Mapped[int] = mapped_column(BigInteger, default=1000)
    unit_price_satang: Mapped[int] = mapped_column(BigInteger, default=0)
    discount_satang: Mapped[int] = mapped_column(BigInteger, default=0)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Quotation(SyncMixin, DocumentMixin, Base):
    __tablename__ = "quotation"

    valid_until: Mapped[date | None] = mapped_column(Date, default=None)


class QuotationLine(SyncMixin, LineMixin, Base):
    __tablename__ = "quotation_line"

    quotation_id: Mapped[str] = mapped_column(ForeignKey("quotation.id"), index=True)


class SalesOrder(SyncMixin, DocumentMixin, Base):
    __tablename__ = "sales_order"

    quotation_id: Mapped[str | None] = mapped_column(ForeignKey("quotation.id"), default=None)
    delivery_status: Mapped[str] = mapped_column(String(16), default="pending", info=rules(choices=DELIVERY_STATUSES))
    delivery_due_on: Mapped[date | None] = mapped_column(Date, default=None)
    delivered_on: Mapped[date | None] = mapped_column(Date, default=None)


class SalesOrderLine(SyncMixin, LineMixin, Base):
    __tablename__ = "sales_order_line"

    order_id: Mapped[str] = mapped_column(ForeignKey("sales_order.id"), index=True)
