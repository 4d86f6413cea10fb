"""Alembic environment: runs on the connection `app.db.schema` hands over."""

from __future__ import annotations

from alembic import context

from app.db import (  # noqa: F401  (their tables belong to the schema)
    dispatch_models,
    mail_models,
    pick_models,
    receiving_models,
    report_models,
    shipping_models,
    signin_models,
    station_models,
    wave_models,
)
from app.db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
