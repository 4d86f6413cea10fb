"""order numbers in code-point order: orders.number is COLLATE "C" on PostgreSQL

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

The order queue's number search is a range (`number >= :p AND number <
:p_next`) walked on the index on `number`; `:p_next` raises the last
character by one code point, so the range is only right in code-point order.
A PostgreSQL database created with an ICU or libc language collation sorts
otherwise (`:` before `0`), and `KP-10009` fell outside its own range. The
column (and with it its unique index and `ix_orders_status_number`) now uses
the "C" collation. SQLite already compares text by code point: nothing to do.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.alter_column(
        "orders",
        "number",
        type_=sa.String(64, collation="C"),
        existing_type=sa.String(64),
        existing_nullable=False,
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.alter_column(
        "orders",
        "number",
        type_=sa.String(64),
        existing_type=sa.String(64, collation="C"),
        existing_nullable=False,
    )
