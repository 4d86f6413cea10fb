"""manifests: the carriers' closed manifests, parcels loaded at the dock, orders shipped

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-02

`manifests` holds each carrier's closed manifest of a day; `parcels` learn
when and by whom they were loaded at the dock and which manifest they left
on; `orders.shipped_on` is the day an order shipped; `station_state.dock_carrier`
the carrier whose truck a dock station loads; `notice_exports` the orders
written to each shop platform's shipment file.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_OPEN = "status = 'verified' AND manifest_id IS NULL"


def upgrade() -> None:
    op.create_table(
        "manifests",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("carrier", sa.String(length=16), nullable=False),
        sa.Column("ship_date", sa.Date(), nullable=False),
        sa.Column("parcels", sa.Integer(), nullable=False),
        sa.Column("left_behind", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by_id", _ID, nullable=True),
        sa.Column("left_by_id", _ID, nullable=True),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["closed_by_id"], ["users.id"], name=op.f("fk_manifests_closed_by_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["left_by_id"], ["users.id"], name=op.f("fk_manifests_left_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manifests")),
        sa.UniqueConstraint("carrier", "ship_date", name="uq_manifests_carrier_day"),
    )
    op.create_table(
        "notice_exports",
        sa.Column("order_id", _ID, nullable=False),
        sa.Column("platform", sa.String(length=16), nullable=False),
        sa.Column("exported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_notice_exports_order_id_orders")
        ),
        sa.PrimaryKeyConstraint("order_id", "platform", name=op.f("pk_notice_exports")),
    )
    with op.batch_alter_table("parcels") as batch:
        batch.add_column(sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("loaded_by_id", _ID, nullable=True))
        batch.add_column(sa.Column("loaded_station_id", _ID, nullable=True))
        batch.add_column(sa.Column("manifest_id", _ID, nullable=True))
        batch.create_foreign_key(
            batch.f("fk_parcels_loaded_by_id_users"), "users", ["loaded_by_id"], ["id"]
        )
        batch.create_foreign_key(
            batch.f("fk_parcels_loaded_station_id_stations"),
            "stations",
            ["loaded_station_id"],
            ["id"],
        )
        batch.create_foreign_key(
            batch.f("fk_parcels_manifest_id_manifests"), "manifests", ["manifest_id"], ["id"]
        )
    op.create_index("ix_parcels_manifest", "parcels", ["manifest_id"])
    op.create_index(
        "ix_parcels_open_manifest",
        "parcels",
        ["carrier", "loaded_at", "verified_at", "status", "manifest_id"],
        sqlite_where=sa.text(_OPEN),
        postgresql_where=sa.text(_OPEN),
    )
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("shipped_on", sa.Date(), nullable=True))
    with op.batch_alter_table("station_state") as batch:
        batch.add_column(sa.Column("dock_carrier", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("station_state") as batch:
        batch.drop_column("dock_carrier")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("shipped_on")
    op.drop_index("ix_parcels_open_manifest", table_name="parcels")
    op.drop_index("ix_parcels_manifest", table_name="parcels")
    with op.batch_alter_table("parcels") as batch:
        batch.drop_constraint(batch.f("fk_parcels_manifest_id_manifests"), type_="foreignkey")
        batch.drop_constraint(batch.f("fk_parcels_loaded_station_id_stations"), type_="foreignkey")
        batch.drop_constraint(batch.f("fk_parcels_loaded_by_id_users"), type_="foreignkey")
        batch.drop_column("manifest_id")
        batch.drop_column("loaded_station_id")
        batch.drop_column("loaded_by_id")
        batch.drop_column("loaded_at")
    op.drop_table("notice_exports")
    op.drop_table("manifests")
