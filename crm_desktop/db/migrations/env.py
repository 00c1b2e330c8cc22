"""Alembic environment: always run programmatically with a connection from crm_desktop.db.migrate."""

from __future__ import annotations

from alembic import context

from crm_desktop.db.migrations.env_filters import include_object
from crm_desktop.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection, target_metadata=Base.metadata, render_as_batch=True, include_object=include_object
)
with context.begin_transaction():
    context.run_migrations()
