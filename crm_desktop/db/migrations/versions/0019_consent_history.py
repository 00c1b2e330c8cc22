"""consent history: each change of a person's marketing consent, and a lead's own consent

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06 23:40:00

PDPA asks the office to show when, how and by whom a person's marketing consent was given or
withdrawn. `consent_event` keeps one row per change (models/consent.py), written by the unit of work
and synced like any record. Leads get `marketing_consent` and `consent_on` as contacts have them, so a
lead's consent is recorded before conversion and carried over by it. No history is made up for
consent given before this revision: the rows start with the next change.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('consent_event',
    sa.Column('contact_id', sa.String(length=36), nullable=True),
    sa.Column('lead_id', sa.String(length=36), nullable=True),
    sa.Column('given', sa.Boolean(), nullable=False),
    sa.Column('consent_on', sa.Date(), nullable=True),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('wording', sa.String(length=500), nullable=False),
    sa.Column('source', sa.String(length=260), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_consent_event_contact_id_contact')),
    sa.ForeignKeyConstraint(['lead_id'], ['lead.id'], name=op.f('fk_consent_event_lead_id_lead')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_consent_event_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent_event'))
    )
    with op.batch_alter_table('consent_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_event_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consent_event_lead_id'), ['lead_id'], unique=False)
    # Plain ALTER TABLE, not a batch: a batch copies the table and would drop the search triggers on it.
    op.add_column('lead', sa.Column('marketing_consent', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column('lead', sa.Column('consent_on', sa.Date(), nullable=True))


def downgrade() -> None:
    op.drop_column('lead', 'consent_on')
    op.drop_column('lead', 'marketing_consent')
    with op.batch_alter_table('consent_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_event_lead_id'))
        batch_op.drop_index(batch_op.f('ix_consent_event_contact_id'))
    op.drop_table('consent_event')
