"""products, deal lines, quotations with revisions, sales orders with line deliveries, contact links

Revision ID: 0014
Revises: 0012
Create Date: 2026-12-06 11:00:00

The product, quotation and order tables of the first schema were placeholders that nothing ever
wrote (no service, import or sync file could create a row), so they are dropped and made again in
their real shape rather than altered column by column. Old copies refuse files of this schema
("made by a newer version"), as for every revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ('sales_order_line', 'sales_order', 'quotation_line', 'quotation', 'product'):
        op.drop_table(table)  # indexes go with them
    op.create_table('product',
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('name_th', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=100), nullable=False),
    sa.Column('unit', sa.String(length=30), nullable=False),
    sa.Column('price_satang', sa.BigInteger(), nullable=False),
    sa.Column('cost_satang', sa.BigInteger(), nullable=False),
    sa.Column('vatable', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product'))
    )
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.create_index('ix_product_live_category', ['category', 'name_th'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_product_live_name', ['name_th'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_product_live_sku', ['sku'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.create_table('contact_link',
    sa.Column('contact_id', sa.String(length=36), nullable=False),
    sa.Column('other_contact_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_contact_link_contact_id_contact')),
    sa.ForeignKeyConstraint(['other_contact_id'], ['contact.id'], name=op.f('fk_contact_link_other_contact_id_contact')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_link'))
    )
    with op.batch_alter_table('contact_link', schema=None) as batch_op:
        batch_op.create_index('ix_contact_link_contact', ['contact_id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_contact_link_other', ['other_contact_id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.create_table('opportunity_line',
    sa.Column('opportunity_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=True),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('unit', sa.String(length=30), nullable=False),
    sa.Column('quantity_milli', sa.BigInteger(), nullable=False),
    sa.Column('unit_price_satang', sa.BigInteger(), nullable=False),
    sa.Column('discount_bp', sa.Integer(), nullable=False),
    sa.Column('discount_satang', sa.BigInteger(), nullable=False),
    sa.Column('vatable', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_opportunity_line_opportunity_id_opportunity')),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_opportunity_line_product_id_product')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opportunity_line'))
    )
    with op.batch_alter_table('opportunity_line', schema=None) as batch_op:
        batch_op.create_index('ix_opportunity_line_deal', ['opportunity_id', 'position'], unique=False)

    op.create_table('quotation',
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('previous_id', sa.String(length=36), nullable=True),
    sa.Column('superseded', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('provisional_number', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=36), nullable=True),
    sa.Column('contact_id', sa.String(length=36), nullable=True),
    sa.Column('opportunity_id', sa.String(length=36), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=30), nullable=False),
    sa.Column('prices_include_vat', sa.Boolean(), nullable=False),
    sa.Column('vat_bp', sa.Integer(), nullable=False),
    sa.Column('bill_discount_satang', sa.BigInteger(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('payment_terms', sa.String(length=300), nullable=False),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_quotation_account_id_account')),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_quotation_contact_id_contact')),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_quotation_opportunity_id_opportunity')),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_quotation_owner_id_user')),
    sa.ForeignKeyConstraint(['previous_id'], ['quotation.id'], name=op.f('fk_quotation_previous_id_quotation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotation'))
    )
    with op.batch_alter_table('quotation', schema=None) as batch_op:
        batch_op.create_index('ix_quotation_live_account', ['account_id', 'issued_on'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_quotation_live_contact', ['contact_id', 'issued_on'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_quotation_live_deal', ['opportunity_id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_quotation_live_issued', ['issued_on'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_quotation_live_number', ['number', 'revision'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_quotation_live_status', ['status', 'valid_until'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.create_table('quotation_line',
    sa.Column('quotation_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=True),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('unit', sa.String(length=30), nullable=False),
    sa.Column('quantity_milli', sa.BigInteger(), nullable=False),
    sa.Column('unit_price_satang', sa.BigInteger(), nullable=False),
    sa.Column('discount_bp', sa.Integer(), nullable=False),
    sa.Column('discount_satang', sa.BigInteger(), nullable=False),
    sa.Column('vatable', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_quotation_line_product_id_product')),
    sa.ForeignKeyConstraint(['quotation_id'], ['quotation.id'], name=op.f('fk_quotation_line_quotation_id_quotation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotation_line'))
    )
    with op.batch_alter_table('quotation_line', schema=None) as batch_op:
        batch_op.create_index('ix_quotation_line_doc', ['quotation_id', 'position'], unique=False)

    op.create_table('sales_order',
    sa.Column('quotation_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('confirmed_on', sa.Date(), nullable=True),
    sa.Column('invoiced_on', sa.Date(), nullable=True),
    sa.Column('cancel_reason', sa.String(length=200), nullable=False),
    sa.Column('delivery_address', sa.String(length=500), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('provisional_number', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=36), nullable=True),
    sa.Column('contact_id', sa.String(length=36), nullable=True),
    sa.Column('opportunity_id', sa.String(length=36), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=30), nullable=False),
    sa.Column('prices_include_vat', sa.Boolean(), nullable=False),
    sa.Column('vat_bp', sa.Integer(), nullable=False),
    sa.Column('bill_discount_satang', sa.BigInteger(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('payment_terms', sa.String(length=300), nullable=False),
    sa.Column('remarks', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_sales_order_account_id_account')),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_sales_order_contact_id_contact')),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_sales_order_opportunity_id_opportunity')),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_sales_order_owner_id_user')),
    sa.ForeignKeyConstraint(['quotation_id'], ['quotation.id'], name=op.f('fk_sales_order_quotation_id_quotation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sales_order'))
    )
    with op.batch_alter_table('sales_order', schema=None) as batch_op:
        batch_op.create_index('ix_sales_order_live_account', ['account_id', 'issued_on'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_sales_order_live_contact', ['contact_id', 'issued_on'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_sales_order_live_deal', ['opportunity_id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_sales_order_live_issued', ['issued_on'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_sales_order_live_number', ['number'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_sales_order_live_owner', ['owner_id', 'issued_on'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_sales_order_live_quotation', ['quotation_id'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.create_index('ix_sales_order_live_status', ['status', 'issued_on'], unique=False, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.create_table('sales_order_line',
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('promised_on', sa.Date(), nullable=True),
    sa.Column('delivered_milli', sa.BigInteger(), nullable=False),
    sa.Column('delivered_on', sa.Date(), nullable=True),
    sa.Column('delivery_note', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=True),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('unit', sa.String(length=30), nullable=False),
    sa.Column('quantity_milli', sa.BigInteger(), nullable=False),
    sa.Column('unit_price_satang', sa.BigInteger(), nullable=False),
    sa.Column('discount_bp', sa.Integer(), nullable=False),
    sa.Column('discount_satang', sa.BigInteger(), nullable=False),
    sa.Column('vatable', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['sales_order.id'], name=op.f('fk_sales_order_line_order_id_sales_order')),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_sales_order_line_product_id_product')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sales_order_line'))
    )
    with op.batch_alter_table('sales_order_line', schema=None) as batch_op:
        batch_op.create_index('ix_sales_order_line_doc', ['order_id', 'position'], unique=False)
        batch_op.create_index('ix_sales_order_line_open_promise', ['promised_on'], unique=False, sqlite_where=sa.text('deleted_at IS NULL AND delivered_milli < quantity_milli'), postgresql_where=sa.text('deleted_at IS NULL AND delivered_milli < quantity_milli'))
        batch_op.create_index('ix_sales_order_line_product', ['product_id', 'order_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('sales_order_line', schema=None) as batch_op:
        batch_op.drop_index('ix_sales_order_line_product')
        batch_op.drop_index('ix_sales_order_line_open_promise', sqlite_where=sa.text('deleted_at IS NULL AND delivered_milli < quantity_milli'), postgresql_where=sa.text('deleted_at IS NULL AND delivered_milli < quantity_milli'))
        batch_op.drop_index('ix_sales_order_line_doc')

    op.drop_table('sales_order_line')
    with op.batch_alter_table('sales_order', schema=None) as batch_op:
        batch_op.drop_index('ix_sales_order_live_status', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_sales_order_live_quotation', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_sales_order_live_owner', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_sales_order_live_number', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_sales_order_live_issued', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_sales_order_live_deal', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_sales_order_live_contact', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_sales_order_live_account', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.drop_table('sales_order')
    with op.batch_alter_table('quotation_line', schema=None) as batch_op:
        batch_op.drop_index('ix_quotation_line_doc')

    op.drop_table('quotation_line')
    with op.batch_alter_table('quotation', schema=None) as batch_op:
        batch_op.drop_index('ix_quotation_live_status', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_quotation_live_number', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_quotation_live_issued', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_quotation_live_deal', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_quotation_live_contact', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_quotation_live_account', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.drop_table('quotation')
    with op.batch_alter_table('opportunity_line', schema=None) as batch_op:
        batch_op.drop_index('ix_opportunity_line_deal')

    op.drop_table('opportunity_line')
    with op.batch_alter_table('contact_link', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_link_other', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_contact_link_contact', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.drop_table('contact_link')
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.drop_index('ix_product_live_sku', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_product_live_name', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))
        batch_op.drop_index('ix_product_live_category', sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.drop_table('product')
    # The placeholders of the first schema, as 0001 made them.
    op.create_table('product',
    sa.Column('sku', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('unit', sa.String(length=30), nullable=False),
    sa.Column('category', sa.String(length=100), nullable=False),
    sa.Column('price_satang', sa.BigInteger(), nullable=False),
    sa.Column('cost_satang', sa.BigInteger(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product'))
    )
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_sku'), ['sku'], unique=False)
    op.create_table('quotation',
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=36), nullable=True),
    sa.Column('contact_id', sa.String(length=36), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('opportunity_id', sa.String(length=36), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('channel', sa.String(length=30), nullable=False),
    sa.Column('vat_bp', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_quotation_account_id_account')),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_quotation_contact_id_contact')),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_quotation_opportunity_id_opportunity')),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_quotation_owner_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotation'))
    )
    with op.batch_alter_table('quotation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotation_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotation_number'), ['number'], unique=False)
    op.create_table('quotation_line',
    sa.Column('quotation_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=True),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('quantity_milli', sa.BigInteger(), nullable=False),
    sa.Column('unit_price_satang', sa.BigInteger(), nullable=False),
    sa.Column('discount_satang', sa.BigInteger(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_quotation_line_product_id_product')),
    sa.ForeignKeyConstraint(['quotation_id'], ['quotation.id'], name=op.f('fk_quotation_line_quotation_id_quotation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotation_line'))
    )
    with op.batch_alter_table('quotation_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotation_line_quotation_id'), ['quotation_id'], unique=False)
    op.create_table('sales_order',
    sa.Column('quotation_id', sa.String(length=36), nullable=True),
    sa.Column('delivery_status', sa.String(length=16), nullable=False),
    sa.Column('delivery_due_on', sa.Date(), nullable=True),
    sa.Column('delivered_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('account_id', sa.String(length=36), nullable=True),
    sa.Column('contact_id', sa.String(length=36), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('opportunity_id', sa.String(length=36), nullable=True),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('channel', sa.String(length=30), nullable=False),
    sa.Column('vat_bp', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_sales_order_account_id_account')),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_sales_order_contact_id_contact')),
    sa.ForeignKeyConstraint(['opportunity_id'], ['opportunity.id'], name=op.f('fk_sales_order_opportunity_id_opportunity')),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_sales_order_owner_id_user')),
    sa.ForeignKeyConstraint(['quotation_id'], ['quotation.id'], name=op.f('fk_sales_order_quotation_id_quotation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sales_order'))
    )
    with op.batch_alter_table('sales_order', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sales_order_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sales_order_number'), ['number'], unique=False)
    op.create_table('sales_order_line',
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=True),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.Column('quantity_milli', sa.BigInteger(), nullable=False),
    sa.Column('unit_price_satang', sa.BigInteger(), nullable=False),
    sa.Column('discount_satang', sa.BigInteger(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['sales_order.id'], name=op.f('fk_sales_order_line_order_id_sales_order')),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_sales_order_line_product_id_product')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sales_order_line'))
    )
    with op.batch_alter_table('sales_order_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sales_order_line_order_id'), ['order_id'], unique=False)
