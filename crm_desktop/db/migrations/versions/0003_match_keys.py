"""duplicate matching: match keys, phone and e-mail indexes, merge log

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 14:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Trade-off: the backfill uses today's key functions instead of a frozen copy. A frozen copy would
# keep this revision reproducible forever, but the keys are derived data that must equal what the
# running code computes on save (db/derived.py); a later change of the rules ships its own
# migration that recomputes every key, so importing the live functions is the consistent choice.
from crm_desktop.db.migrations.dialect import on_sqlite
from crm_desktop.text import company_key, person_key

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

BATCH = 5000

# table -> (name columns read, extra indexes: name -> columns)
TABLES = {
    "account": (("name",), {"ix_account_phone": ["phone"], "ix_account_email": ["email"]}),
    "contact": (("first_name", "last_name"), {"ix_contact_mobile": ["mobile"], "ix_contact_email": ["email"]}),
    "lead": (("first_name", "last_name", "company_name"), {
        "ix_lead_mobile": ["mobile"], "ix_lead_phone": ["phone"], "ix_lead_email": ["email"],
        "ix_lead_tax_id": ["tax_id"],
    }),
}


def _key(table: str, values: tuple[str | None, ...]) -> str:
    if table == "account":
        return company_key(values[0] or "")
    person = person_key(values[0] or "", values[1] or "")
    if table == "contact":
        return person
    return person or company_key(values[2] or "")


def _backfill(table: str, columns: tuple[str, ...]) -> None:
    if not on_sqlite():
        return  # a server's tables are empty at this revision (migrations/dialect.py)
    conn = op.get_bind()
    select_sql = sa.text(
        f'SELECT rowid, {", ".join(columns)} FROM "{table}" WHERE rowid > :after ORDER BY rowid LIMIT {BATCH}'
    )
    update_sql = sa.text(f'UPDATE "{table}" SET match_key = :k WHERE rowid = :r')
    after = 0
    while True:
        rows = conn.execute(select_sql, {"after": after}).fetchall()
        if not rows:
            return
        updates = [{"k": key, "r": row[0]} for row in rows if (key := _key(table, tuple(row[1:])))]
        if updates:
            conn.execute(update_sql, updates)
        after = rows[-1][0]


def upgrade() -> None:
    for table, (columns, indexes) in TABLES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('match_key', sa.String(length=200), nullable=False, server_default=''))
        _backfill(table, columns)
        # Indexes after the backfill: one sort instead of 300k index updates.
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(f'ix_{table}_match_key', ['match_key'], unique=False)
            for name, cols in indexes.items():
                batch_op.create_index(name, cols, unique=False)

    op.create_table('merge_log',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('winner_id', sa.String(length=36), nullable=False),
    sa.Column('loser_id', sa.String(length=36), nullable=False),
    sa.Column('winner_before_json', sa.Text(), nullable=False),
    sa.Column('relinked_json', sa.Text(), nullable=False),
    sa.Column('merged_at', sa.DateTime(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('hlc', sa.BigInteger(), nullable=False),
    sa.Column('site_id', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merge_log'))
    )
    with op.batch_alter_table('merge_log', schema=None) as batch_op:
        batch_op.create_index('ix_merge_log_winner_id', ['winner_id'], unique=False)
        batch_op.create_index('ix_merge_log_loser_id', ['loser_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('merge_log', schema=None) as batch_op:
        batch_op.drop_index('ix_merge_log_loser_id')
        batch_op.drop_index('ix_merge_log_winner_id')
    op.drop_table('merge_log')
    for table, (_columns, indexes) in TABLES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in indexes:
                batch_op.drop_index(name)
            batch_op.drop_index(f'ix_{table}_match_key')
        # Plain ALTER TABLE DROP COLUMN (SQLite >= 3.35): a batch rebuild would drop the FTS triggers.
        op.execute(f'ALTER TABLE "{table}" DROP COLUMN match_key')
