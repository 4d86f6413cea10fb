"""waves: allocated orders grouped for picking; orders may be `picking` and `picked`

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-01

`waves` holds each wave (`W-000001`), its state (`open`, `released`, `done`),
the carrier it was made for and who made it; `wave_orders` each order of a
wave with its slot (`position`). `held` is true while an open wave holds the
order and NULL after, so `uq_wave_orders_held` lets one open wave at most hold
an order. On SQLite the orders table is copied into a new one (batch mode) to
widen its status CHECK with `picking` and `picked`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_KNOWN = (
    "'new', 'allocated', 'backordered', 'packing', 'packed', "
    "'labelled', 'verified', 'shipped', 'cancelled', 'on_hold', 'importing'"
)


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_orders_status_known"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_orders_status_known"), f"status IN ({_KNOWN}, 'picking', 'picked')"
        )
    op.create_table(
        "waves",
        sa.Column("id", _ID, nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("carrier", sa.String(length=16), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", _ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_waves_created_by_users")
        ),
        sa.CheckConstraint(
            "status IN ('open', 'released', 'done')", name=op.f("ck_waves_status_known")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_waves")),
        sa.UniqueConstraint("number", name=op.f("uq_waves_number")),
    )
    op.create_table(
        "wave_orders",
        sa.Column("id", _ID, nullable=False),
        sa.Column("wave_id", _ID, nullable=False),
        sa.Column("order_id", _ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("held", sa.Boolean(), nullable=True),
        sa.CheckConstraint("held IS NULL OR held", name=op.f("ck_wave_orders_held_true_or_null")),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_wave_orders_order_id_orders")
        ),
        sa.ForeignKeyConstraint(["wave_id"], ["waves.id"], name=op.f("fk_wave_orders_wave_id_waves")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wave_orders")),
        sa.UniqueConstraint("order_id", "held", name="uq_wave_orders_held"),
        sa.UniqueConstraint("wave_id", "position", name="uq_wave_orders_slot"),
    )


def downgrade() -> None:
    op.drop_table("wave_orders")
    op.drop_table("waves")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_orders_status_known"), type_="check")
        batch_op.create_check_constraint(op.f("ck_orders_status_known"), f"status IN ({_KNOWN})")
