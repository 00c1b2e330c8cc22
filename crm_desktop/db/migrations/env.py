"""Alembic environment: always run programmatically with a connection from crm_desktop.db.migrate."""

from __future__ import annotations

import warnings

from alembic import context
from sqlalchemy.exc import SAWarning

from crm_desktop.db.migrations.env_filters import include_object
from crm_desktop.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection, target_metadata=Base.metadata, render_as_batch=True, include_object=include_object
)
# A batch operation on SQLite reflects the table and the tables its keys refer to; SQLAlchemy cannot
# reflect our expression indexes (birthday and founding day by month-day) and says so on the console.
# Those tables are only read for their columns, never rebuilt from the reflection, so the note is noise.
with context.begin_transaction(), warnings.catch_warnings():
    warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index", SAWarning)
    context.run_migrations()
