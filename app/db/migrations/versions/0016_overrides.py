"""overrides at the bench: the station's error streak and pending override, short-shipped units

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01

`station_state.error_streak` counts the refused product scans in a row within
the held pack (the error lock-out); `override_kind` / `override_step` say
which supervisor override the station is in the middle of (`short`,
`takeover`, `alias`, `lockout`) and what it waits for next; `override_by` is
the supervisor who authorised it, `override_code` what the override has been
told so far (an alias's unknown code). `order_lines.short` counts the units
shipped short (they went to the backorder order), and `orders.backorder_of`
names the order a backorder was split from.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("station_state", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("error_streak", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("override_kind", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("override_step", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("override_by", _ID, nullable=True))
        batch_op.add_column(sa.Column("override_code", sa.String(length=400), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_station_state_override_by_users"), "users", ["override_by"], ["id"]
        )
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("short", sa.Integer(), server_default="0", nullable=False))
        batch_op.create_check_constraint(
            op.f("ck_order_lines_short_in_range"), "short >= 0 AND packed + short <= qty"
        )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "backorder_of", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
            )
        )
        batch_op.create_foreign_key(
            op.f("fk_orders_backorder_of_orders"), "orders", ["backorder_of"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("fk_orders_backorder_of_orders"), type_="foreignkey")
        batch_op.drop_column("backorder_of")
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_order_lines_short_in_range"), type_="check")
        batch_op.drop_column("short")
    with op.batch_alter_table("station_state", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("fk_station_state_override_by_users"), type_="foreignkey")
        for column in (
            "override_code",
            "override_by",
            "override_step",
            "override_kind",
            "error_streak",
        ):
            batch_op.drop_column(column)
