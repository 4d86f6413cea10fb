"""staged imports: an import's batch has a state and a lease; orders may be `importing`

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

An orders import writes its orders a chunk at a time, each chunk its own
short transaction, as `importing` orders no one else takes; then it makes
them `new`. `import_batches.state` says how far it got (`staging`,
`publishing`, `done`; every batch before this revision is `done`) and
`lease_until` until when its process holds it, on the database's clock, so
the next import can clear or finish a batch whose process died. Orders are
found by their batch through `ix_orders_import_batch_id`. On SQLite the
orders table is copied into a new one (batch mode) to widen its CHECK.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_KNOWN = (
    "'new', 'allocated', 'backordered', 'packing', 'packed', "
    "'labelled', 'verified', 'shipped', 'cancelled', 'on_hold'"
)


def upgrade() -> None:
    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("state", sa.String(length=16), server_default="done", nullable=False)
        )
        batch_op.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_orders_status_known"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_orders_status_known"), f"status IN ({_KNOWN}, 'importing')"
        )
        batch_op.create_index("ix_orders_import_batch_id", ["import_batch_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_import_batch_id")
        batch_op.drop_constraint(op.f("ck_orders_status_known"), type_="check")
        batch_op.create_check_constraint(op.f("ck_orders_status_known"), f"status IN ({_KNOWN})")
    with op.batch_alter_table("import_batches", schema=None) as batch_op:
        batch_op.drop_column("lease_until")
        batch_op.drop_column("state")
