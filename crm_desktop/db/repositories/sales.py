"""Products, deal lines, quotations, sales orders and their lines, and links between people."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from crm_desktop.db.repositories.base import Repository
from crm_desktop.models import (
    ContactLink,
    OpportunityLine,
    Product,
    Quotation,
    QuotationLine,
    SalesOrder,
    SalesOrderLine,
)


class ProductRepository(Repository[Product]):
    model = Product

    def live_by_sku(self, sku: str) -> Product | None:
        stmt = select(Product).where(Product.sku == sku, Product.deleted_at.is_(None)).limit(1)
        return self.session.scalar(stmt)


class OpportunityLineRepository(Repository[OpportunityLine]):
    model = OpportunityLine

    def live_of(self, opportunity_id: str) -> list[OpportunityLine]:
        stmt = select(OpportunityLine).where(
            OpportunityLine.opportunity_id == opportunity_id, OpportunityLine.deleted_at.is_(None)
        ).order_by(OpportunityLine.position, OpportunityLine.id)
        return list(self.session.scalars(stmt))


class QuotationRepository(Repository[Quotation]):
    model = Quotation

    def revisions(self, number: str) -> list[Quotation]:
        """Every live revision under one number, newest first."""
        stmt = select(Quotation).where(Quotation.number == number, Quotation.deleted_at.is_(None)).order_by(
            Quotation.revision.desc())
        return list(self.session.scalars(stmt))

    def latest_revision(self, number: str) -> int:
        stmt = select(func.max(Quotation.revision)).where(Quotation.number == number)
        return self.session.scalar(stmt) or 0


class QuotationLineRepository(Repository[QuotationLine]):
    model = QuotationLine

    def live_of(self, quotation_id: str) -> list[QuotationLine]:
        stmt = select(QuotationLine).where(
            QuotationLine.quotation_id == quotation_id, QuotationLine.deleted_at.is_(None)
        ).order_by(QuotationLine.position, QuotationLine.id)
        return list(self.session.scalars(stmt))


class SalesOrderRepository(Repository[SalesOrder]):
    model = SalesOrder

    def live_from_quotation(self, quotation_ids: Sequence[str]) -> list[SalesOrder]:
        stmt = select(SalesOrder).where(SalesOrder.quotation_id.in_(quotation_ids), SalesOrder.deleted_at.is_(None))
        return list(self.session.scalars(stmt))


class SalesOrderLineRepository(Repository[SalesOrderLine]):
    model = SalesOrderLine

    def live_of(self, order_id: str) -> list[SalesOrderLine]:
        stmt = select(SalesOrderLine).where(
            SalesOrderLine.order_id == order_id, SalesOrderLine.deleted_at.is_(None)
        ).order_by(SalesOrderLine.position, SalesOrderLine.id)
        return list(self.session.scalars(stmt))


class ContactLinkRepository(Repository[ContactLink]):
    model = ContactLink

    def live_of(self, contact_id: str) -> list[ContactLink]:
        """Links in either direction."""
        stmt = select(ContactLink).where(
            (ContactLink.contact_id == contact_id) | (ContactLink.other_contact_id == contact_id),
            ContactLink.deleted_at.is_(None),
        )
        return list(self.session.scalars(stmt))
