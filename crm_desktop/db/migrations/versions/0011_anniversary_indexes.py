"""anniversary calendar: month-day indexes of birthdays, founding days and custom yearly dates

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 06:00:00

The calendar asks "whose birthday falls between 20 November and 20 December" of 100,000 contacts;
an index of each date's "MM-DD" (the ISO text's slice, `models.base.month_day`) over the live rows
that have the date answers from an index range instead of a table scan.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm_desktop.db.migrations.dialect import on_sqlite

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_MONTH_DAY = (('contact', 'ix_contact_birthday_md', 'birthday'), ('account', 'ix_account_founded_md', 'founded_on'))


# A server stores dates as dates: the same "MM-DD" through a function it may index (models.base.month_day).
_SERVER_MONTH_DAY = ("CREATE FUNCTION crm_month_day(d date) RETURNS text LANGUAGE sql IMMUTABLE STRICT "
                     "PARALLEL SAFE AS $$ SELECT to_char(d, 'MM-DD') $$")


def upgrade() -> None:
    sqlite = on_sqlite()
    if not sqlite:
        op.execute(_SERVER_MONTH_DAY)
    for table, name, column in _MONTH_DAY:
        where = sa.text(f'{column} IS NOT NULL AND deleted_at IS NULL')
        expression = f'substr({column}, 6, 5)' if sqlite else f'crm_month_day({column})'
        op.create_index(name, table, [sa.text(expression)], unique=False, sqlite_where=where, postgresql_where=where)
    op.create_index('ix_anniversary_live_month_day', 'anniversary', ['month', 'day'], unique=False,
                    sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))


def downgrade() -> None:
    op.drop_index('ix_anniversary_live_month_day', table_name='anniversary')
    for table, name, _column in _MONTH_DAY:
        op.drop_index(name, table_name=table)
    if not on_sqlite():
        op.execute("DROP FUNCTION crm_month_day(date)")
