"""Products, deal lines, quotations and sales orders (money in satang, quantities in thousandths).

Totals are never stored: they follow from the lines by `crm_desktop.money` (and the same formula in
SQL, `db/line_amounts.py`), so two copies editing different lines of one document offline
still agree on its total after a sync. A line keeps the product's name, unit and price as they were
when it was written: a later price change or a deleted product does not rewrite history.
"""

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, Integer, String, Text, TextClause, text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.models.base import SORT_KEY, Base, SyncMixin, partial_index, sparse_index
from crm_desktop.models.rules import MAX_AMOUNT_SATANG, NOTES_MAX, rules

LIVE = text("deleted_at IS NULL")
MAX_QUANTITY_MILLI = 10**9  # a million units a line: quantity × unit price stays inside 64 bits
MAX_UNIT_PRICE_SATANG = 10**9  # ten million baht a unit
FULL_DISCOUNT_BP = 10_000  # 100 % in basis points
VAT_BP = 700  # Thai VAT, 7 %
QUOTATION_STATUSES = ("draft", "sent", "accepted", "rejected", "expired")
ORDER_STATUSES = ("draft", "confirmed", "partly_delivered", "delivered", "invoiced", "cancelled")
DOCUMENT_LANGUAGES = ("th", "en")


def _live_index(name: str, *columns: str | TextClause) -> Index:
    return partial_index(name, *columns, where=LIVE)


class Product(SyncMixin, Base):
    """Something the office sells. Price history is the change log of `price_satang` / `cost_satang`."""

    __tablename__ = "product"
    __table_args__ = (
        _live_index("ix_product_live_sku", "sku"),
        _live_index("ix_product_live_name", "sort_key", "id"),
        _live_index("ix_product_live_category", "category", "name_th"),
        # The Products tab lists active products by default: these keep its sorts and its category
        # filter to an index scan (through the ones above, every row cost a table read to test
        # `active`: 300 ms for the first page of 50,000 products).
        _live_index("ix_product_live_active_sku", "active", "sku"),
        _live_index("ix_product_live_active_thai", "active", "sort_key", "id"),
        _live_index("ix_product_live_active_category", "active", "category", "sku"),
    )

    sku: Mapped[str] = mapped_column(String(40), info=rules(required=True))
    name_th: Mapped[str] = mapped_column(String(200), info=rules(required=True))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(100), default="")
    unit: Mapped[str] = mapped_column(String(30), default="")
    price_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=rules(low=0, high=MAX_UNIT_PRICE_SATANG))
    cost_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=rules(low=0, high=MAX_UNIT_PRICE_SATANG))
    vatable: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    description: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))
    # Thai dictionary order of the Thai name (crm_desktop/collation.py), kept by db/derived.py; never logged.
    sort_key: Mapped[str] = mapped_column(SORT_KEY, default="")


class LineMixin:
    """One line of a deal, quotation or order: a product or free text.

    The discount is either a percentage (`discount_bp`, basis points of the line's gross) or an amount
    (`discount_satang`); the services keep at most one of them non-zero.
    """

    product_id: Mapped[str | None] = mapped_column(ForeignKey("product.id"), default=None)
    description: Mapped[str] = mapped_column(String(500), info=rules(required=True))
    unit: Mapped[str] = mapped_column(String(30), default="")
    quantity_milli: Mapped[int] = mapped_column(BigInteger, default=1000, info=rules(low=1, high=MAX_QUANTITY_MILLI))
    unit_price_satang: Mapped[int] = mapped_column(BigInteger, default=0,
                                                   info=rules(low=0, high=MAX_UNIT_PRICE_SATANG))
    discount_bp: Mapped[int] = mapped_column(Integer, default=0, info=rules(low=0, high=FULL_DISCOUNT_BP))
    discount_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=rules(low=0, high=MAX_AMOUNT_SATANG))
    vatable: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0, info=rules(low=0, high=10_000))


class OpportunityLine(SyncMixin, LineMixin, Base):
    """A product line of a deal: what the customer is talking about buying."""

    __tablename__ = "opportunity_line"
    __table_args__ = (Index("ix_opportunity_line_deal", "opportunity_id", "position"),)

    opportunity_id: Mapped[str] = mapped_column(ForeignKey("opportunity.id"), info=rules(pins_parent=True))


class DocumentMixin:
    """Header fields shared by quotations and orders.

    `number` is given by services/sales/numbers.py: a copy other than the office puts its copy code
    in it, so two copies never give the same number; `provisional_number` keeps that first number
    after the office renumbers the document.
    """

    number: Mapped[str] = mapped_column(String(40), info=rules(required=True))
    provisional_number: Mapped[str] = mapped_column(String(40), default="")
    account_id: Mapped[str | None] = mapped_column(ForeignKey("account.id"), default=None)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contact.id"), default=None)
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunity.id"), default=None)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), default=None)
    issued_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(30), default="")
    prices_include_vat: Mapped[bool] = mapped_column(Boolean, default=False)
    vat_bp: Mapped[int] = mapped_column(Integer, default=VAT_BP, info=rules(low=0, high=FULL_DISCOUNT_BP))
    bill_discount_satang: Mapped[int] = mapped_column(BigInteger, default=0,
                                                      info=rules(low=0, high=MAX_AMOUNT_SATANG))
    language: Mapped[str] = mapped_column(String(2), default="th", info=rules(choices=DOCUMENT_LANGUAGES))
    payment_terms: Mapped[str] = mapped_column(String(300), default="")
    remarks: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))  # printed
    notes: Mapped[str] = mapped_column(Text, default="", info=rules(max_len=NOTES_MAX))  # internal


class Quotation(SyncMixin, DocumentMixin, Base):
    """A quotation (ใบเสนอราคา). A revision is a new row with the same number and `revision` + 1;
    the one it replaces keeps its lines and gets `superseded`, so what was sent stays readable."""

    __tablename__ = "quotation"
    __table_args__ = (
        _live_index("ix_quotation_live_issued", "issued_on", "id"),  # the list's order and key (0021)
        _live_index("ix_quotation_live_number", "number", "revision"),
        _live_index("ix_quotation_live_account", "account_id", "issued_on"),
        _live_index("ix_quotation_live_contact", "contact_id", "issued_on"),
        _live_index("ix_quotation_live_deal", "opportunity_id"),
        _live_index("ix_quotation_live_status", "status", "valid_until"),
        sparse_index("ix_quotation_provisional", "provisional_number"),  # search by an old number (0021)
    )

    revision: Mapped[int] = mapped_column(Integer, default=1, info=rules(low=1, high=999))
    previous_id: Mapped[str | None] = mapped_column(ForeignKey("quotation.id"), default=None)
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="draft", info=rules(choices=QUOTATION_STATUSES))
    valid_until: Mapped[date | None] = mapped_column(Date, default=None)
    sent_on: Mapped[date | None] = mapped_column(Date, default=None)
    decided_on: Mapped[date | None] = mapped_column(Date, default=None)  # accepted or rejected


class QuotationLine(SyncMixin, LineMixin, Base):
    __tablename__ = "quotation_line"
    __table_args__ = (Index("ix_quotation_line_doc", "quotation_id", "position"),)

    quotation_id: Mapped[str] = mapped_column(ForeignKey("quotation.id"), info=rules(pins_parent=True))


class SalesOrder(SyncMixin, DocumentMixin, Base):
    """A sales order; its delivery progress is the sum of its lines' deliveries."""

    __tablename__ = "sales_order"
    __table_args__ = (
        # The list's order and key (0021); covering what a sale is worth (`measure.order_sales`), so the
        # alerts read a month's sales per customer from the index alone (0032).
        _live_index("ix_sales_order_live_issued", "issued_on", "id", "status", "account_id", "contact_id",
                    "lines_net_satang", "bill_discount_satang", "prices_include_vat", "vat_bp", "deleted_at"),
        _live_index("ix_sales_order_live_number", "number"),
        # A customer's sales by day, and whether one came before a day, from the index alone (0018).
        _live_index("ix_sales_order_live_account_issued", "account_id", "issued_on", "status"),
        _live_index("ix_sales_order_live_contact_issued", "contact_id", "issued_on", "status", "account_id"),
        _live_index("ix_sales_order_live_owner", "owner_id", "issued_on"),
        # By status and day; covering the customer and the total (who bought, for how much, in a period:
        # segments, 0030, 0032).
        _live_index("ix_sales_order_live_status", "status", "issued_on", "contact_id", "account_id", "lines_net_satang",
                    "deleted_at"),
        # Every sale in the order of its id, covering (who spent how much in a period: segments, 0030).
        _live_index("ix_sales_order_live_id", "id", "status", "issued_on", "contact_id", "account_id", "deleted_at"),
        _live_index("ix_sales_order_live_deal", "opportunity_id"),
        _live_index("ix_sales_order_live_quotation", "quotation_id"),
        # A customer's sales by status from the index alone (the 360 page, "bought together"; 0016).
        _live_index("ix_sales_order_live_account_status", "account_id", "status", "id", "deleted_at"),
        _live_index("ix_sales_order_live_contact_status", "contact_id", "status", "account_id", "id", "deleted_at"),
        sparse_index("ix_sales_order_provisional", "provisional_number"),  # search by an old number (0021)
    )

    quotation_id: Mapped[str | None] = mapped_column(ForeignKey("quotation.id"), default=None)
    status: Mapped[str] = mapped_column(String(16), default="draft", info=rules(choices=ORDER_STATUSES))
    confirmed_on: Mapped[date | None] = mapped_column(Date, default=None)
    invoiced_on: Mapped[date | None] = mapped_column(Date, default=None)
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")
    delivery_address: Mapped[str] = mapped_column(String(500), default="")
    # The sum of its live lines' net (db/line_amounts.line_net), kept by triggers (db/kept.py); never
    # logged, never written by the ORM.
    lines_net_satang: Mapped[int] = mapped_column(BigInteger, default=0)


class SalesOrderLine(SyncMixin, LineMixin, Base):
    """An order line with its delivery: promised date, quantity delivered so far and when."""

    __tablename__ = "sales_order_line"
    __table_args__ = (
        Index("ix_sales_order_line_doc", "order_id", "position"),
        # Purchase history and "bought together" hints read lines by product.
        Index("ix_sales_order_line_product", "product_id", "order_id"),
        # An order's lines' products and amounts from the index alone: other buyers' baskets (0016) and
        # every sales figure's line formula (0017).
        _live_index("ix_sales_order_line_live_amount", "order_id", "product_id", "quantity_milli", "unit_price_satang",
                    "discount_bp", "discount_satang", "vatable", "deleted_at"),
        # Lines delivered in a period (late deliveries; 0018).
        partial_index("ix_sales_order_line_live_delivered", "delivered_on",
                      where="deleted_at IS NULL AND delivered_on IS NOT NULL"),
        # Late deliveries: promised before today and not fully delivered.
        partial_index("ix_sales_order_line_open_promise", "promised_on",
                      where="deleted_at IS NULL AND delivered_milli < quantity_milli"),
    )

    order_id: Mapped[str] = mapped_column(ForeignKey("sales_order.id"), info=rules(pins_parent=True))
    promised_on: Mapped[date | None] = mapped_column(Date, default=None)
    delivered_milli: Mapped[int] = mapped_column(BigInteger, default=0, info=rules(low=0, high=MAX_QUANTITY_MILLI))
    delivered_on: Mapped[date | None] = mapped_column(Date, default=None)  # the latest delivery
    delivery_note: Mapped[str] = mapped_column(String(300), default="")
