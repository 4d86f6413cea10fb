"""lot check and typed scans: how a lot product proves its lot, and scans keyed in by hand

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01

`products.lot_check` says how a lot product's unit proves its lot at the
bench: `gs1` (its GS1 code must carry the lot) or `confirm` (a plain JAN is
accepted and the reserved lot recorded). `scans.lot_read` is false where
the recorded lot was taken from the reservation, not read from the unit.
`scans.typed` and `mismatch_log.typed` mark a code keyed in by hand.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("lot_check", sa.String(length=8), server_default="gs1", nullable=False)
        )
        batch_op.create_check_constraint(
            op.f("ck_products_lot_check_known"), "lot_check IN ('gs1', 'confirm')"
        )
    with op.batch_alter_table("scans", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("typed", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("lot_read", sa.Boolean(), server_default=sa.true(), nullable=False)
        )
    with op.batch_alter_table("mismatch_log", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("typed", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("mismatch_log", schema=None) as batch_op:
        batch_op.drop_column("typed")
    with op.batch_alter_table("scans", schema=None) as batch_op:
        batch_op.drop_column("lot_read")
        batch_op.drop_column("typed")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_products_lot_check_known"), type_="check")
        batch_op.drop_column("lot_check")
