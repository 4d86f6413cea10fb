"""shop settings: the label's sender and the carriers' account codes, shared by every station

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01

`shop_settings` holds one row per key (`shop.name`, `yamato.customer_code`, ...);
what a key may hold is checked by `app.core.shop` before it is stored, so a new
key needs no migration. Who changed a value is in the audit log (`settings.set`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shop_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=400), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_shop_settings")),
    )


def downgrade() -> None:
    op.drop_table("shop_settings")
