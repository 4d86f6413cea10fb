"""totes and carts: the order a tote carries to packing, a pick's tote, the cart at a bench

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-01

`totes` holds the order each tote (`TOTE-…`) carries from picking to packing;
`pick_sessions.tote` the tote of a one-order pick; `station_state.cart_wave_id`
the cart (a wave) at a pack station's bench, whose slot labels open their orders.
`picked_units` names the order line its units were taken for, and no longer
holds its reservation by a foreign key: packing the order consumes the
reservation, and the record of the pick outlives it.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


@contextmanager
def _picked_units() -> Iterator[Any]:
    """`picked_units` altered in batch (copied on SQLite). Reflecting it reaches `lots`,
    whose expression index SQLAlchemy cannot reflect and says so; the copy of
    `picked_units` does not need it."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
        with op.batch_alter_table("picked_units") as batch:
            yield batch


def upgrade() -> None:
    op.create_table(
        "totes",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("order_id", _ID, nullable=True),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_totes_order_id_orders")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_totes")),
    )
    op.create_index("ix_totes_order", "totes", ["order_id"])
    with op.batch_alter_table("pick_sessions") as batch:
        batch.add_column(sa.Column("tote", sa.String(length=32), nullable=True))
    with _picked_units() as batch:
        batch.drop_constraint(
            batch.f("fk_picked_units_reservation_id_reservations"), type_="foreignkey"
        )
        batch.add_column(sa.Column("order_line_id", _ID, nullable=True))
        batch.create_foreign_key(
            batch.f("fk_picked_units_order_line_id_order_lines"),
            "order_lines",
            ["order_line_id"],
            ["id"],
        )
    op.execute(
        "UPDATE picked_units SET order_line_id = (SELECT order_line_id FROM reservations"
        " WHERE reservations.id = picked_units.reservation_id)"
    )
    with op.batch_alter_table("station_state") as batch:
        batch.add_column(sa.Column("cart_wave_id", _ID, nullable=True))
        batch.create_foreign_key(
            batch.f("fk_station_state_cart_wave_id_waves"), "waves", ["cart_wave_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("station_state") as batch:
        batch.drop_constraint(batch.f("fk_station_state_cart_wave_id_waves"), type_="foreignkey")
        batch.drop_column("cart_wave_id")
    with _picked_units() as batch:
        batch.drop_constraint(
            batch.f("fk_picked_units_order_line_id_order_lines"), type_="foreignkey"
        )
        batch.drop_column("order_line_id")
        batch.create_foreign_key(
            batch.f("fk_picked_units_reservation_id_reservations"),
            "reservations",
            ["reservation_id"],
            ["id"],
        )
    with op.batch_alter_table("pick_sessions") as batch:
        batch.drop_column("tote")
    op.drop_index("ix_totes_order", table_name="totes")
    op.drop_table("totes")
