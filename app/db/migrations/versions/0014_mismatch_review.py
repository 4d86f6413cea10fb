"""mismatch review: the refused product's SKU and facts, and indexes for newest-first filters

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01

`mismatch_log.sku` is the scanned product's SKU and `mismatch_log.facts` what
Kenpin knew of the refusal (JSON: item, expected, lot, reserved lot, ...), so
the review page shows expected against scanned without joining the scans.
Each filter of the review page (station, packer, reason, order, SKU) leads an
index that goes on in (at, id) order: a filtered page newest first is a short
walk down one index.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_INDEXES = {
    "ix_mismatch_log_station_at": ["station", "at", "id"],
    "ix_mismatch_log_user_at": ["user_id", "at", "id"],
    "ix_mismatch_log_reason_at": ["reason", "at", "id"],
    "ix_mismatch_log_order_at": ["order_id", "at", "id"],
    "ix_mismatch_log_sku_at": ["sku", "at", "id"],
}


def upgrade() -> None:
    with op.batch_alter_table("mismatch_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sku", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("facts", sa.Text(), server_default="", nullable=False))
    for name, columns in _INDEXES.items():
        op.create_index(name, "mismatch_log", columns)


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, table_name="mismatch_log")
    with op.batch_alter_table("mismatch_log", schema=None) as batch_op:
        batch_op.drop_column("facts")
        batch_op.drop_column("sku")
