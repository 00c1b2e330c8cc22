"""change log: a change's field values as one JSON object on the change row

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 18:00:00

`change_field` held one row per changed field: 1.35 million rows for 100k imported records, the
biggest single cost of sync imports, exports and bulk loads. `change.fields` holds the same values
as one JSON object per change.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.migrations.dialect import on_sqlite

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fields', sa.Text(), server_default='{}', nullable=False))
    if on_sqlite():  # a server's change log is empty at this revision (migrations/dialect.py)
        op.execute(
            "UPDATE change SET fields = (SELECT json_group_object(f.field, json(f.value)) FROM change_field f "
            "WHERE f.change_seq = change.seq) WHERE seq IN (SELECT change_seq FROM change_field)"
        )
    op.drop_table('change_field')


def downgrade() -> None:
    op.create_table(
        'change_field',
        sa.Column('change_seq', sa.Integer(), nullable=False),
        sa.Column('field', sa.String(length=60), nullable=False),
        sa.Column('value', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['change_seq'], ['change.seq'], name=op.f('fk_change_field_change_seq_change')),
        sa.PrimaryKeyConstraint('change_seq', 'field', name=op.f('pk_change_field')),
        sqlite_with_rowid=False,
    )
    op.execute(
        "INSERT INTO change_field (change_seq, field, value) SELECT c.seq, j.key, "
        "CASE j.type WHEN 'null' THEN NULL WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' "
        "WHEN 'text' THEN json_quote(j.value) ELSE CAST(j.value AS TEXT) END "
        "FROM change c, json_each(c.fields) j"
    )
    op.drop_column('change', 'fields')  # in place (SQLite 3.35+): a rebuilt table would break the new foreign key
