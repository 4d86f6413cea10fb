"""typed statuses: orders.status refuses a status Kenpin does not know, like the others

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

The status, role and kind columns are now typed with the enums of app/core
(stored as the same lower-case strings, in the same VARCHARs, not as native
enums). All of them but orders.status already had their CHECK constraint,
under the same names and with the same values; orders.status gets its own,
`ck_orders_status_known`. On SQLite the orders table is copied into a new
one (batch mode); `app.db.schema.migrate` holds foreign keys off meanwhile.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ORDER_STATUSES = (
    "'new', 'allocated', 'backordered', 'packing', 'packed', "
    "'labelled', 'verified', 'shipped', 'cancelled', 'on_hold'"
)


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_check_constraint(
            op.f("ck_orders_status_known"), f"status IN ({ORDER_STATUSES})"
        )


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_orders_status_known"), type_="check")
