"""scans by order: the index an order's history reads its scans on

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-02

An order's history (`kenpin orders history`, the Orders page) lists every scan
concerning the order: those naming it (`ix_scans_order`) and those of its labels,
which name no order (`ix_scans_label_code`, label scans only). Without them that
would read the whole scan log.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

_LABELS = "kind = 'label'"


def upgrade() -> None:
    op.create_index("ix_scans_order", "scans", ["order_id", "id"])
    op.create_index(
        "ix_scans_label_code",
        "scans",
        ["code"],
        sqlite_where=sa.text(_LABELS),
        postgresql_where=sa.text(_LABELS),
    )


def downgrade() -> None:
    op.drop_index("ix_scans_label_code", table_name="scans")
    op.drop_index("ix_scans_order", table_name="scans")
