"""report rollup: scans added up per hour, station and user; confused picks found by time

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01

`scan_hours` and `refusal_hours` hold every scan added up per UTC hour, station
and user (`user_key` 0: nobody logged in), `report_progress` through which scan
id. They start empty: the first report adds up the scans already recorded.
`ix_scans_not_on_order` finds a period's `not_on_order` refusals for the
confused-products report.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _key_columns(name: str) -> list[sa.SchemaItem]:
    return [
        sa.Column("id", _ID, nullable=False),
        sa.Column("hour", sa.DateTime(timezone=True), nullable=False),
        sa.Column("station_id", _ID, nullable=False),
        sa.Column("user_key", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f(f"fk_{name}_station_id_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    ]


def upgrade() -> None:
    op.create_table(
        "scan_hours",
        *_key_columns("scan_hours"),
        sa.Column("scans", sa.Integer(), nullable=False),
        sa.Column("packs", sa.Integer(), nullable=False),
        sa.Column("units_counted", sa.Integer(), nullable=False),
        sa.Column("units_undone", sa.Integer(), nullable=False),
        sa.Column("product_scans", sa.Integer(), nullable=False),
        sa.Column("refused_product_scans", sa.Integer(), nullable=False),
    )
    op.create_index(
        "uq_scan_hours_key", "scan_hours", ["hour", "station_id", "user_key"], unique=True
    )
    op.create_table(
        "refusal_hours",
        *_key_columns("refusal_hours"),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("refusals", sa.Integer(), nullable=False),
    )
    op.create_index(
        "uq_refusal_hours_key",
        "refusal_hours",
        ["hour", "station_id", "user_key", "reason"],
        unique=True,
    )
    op.create_table(
        "report_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scans_through", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_progress")),
    )
    op.create_index(
        "ix_scans_not_on_order",
        "scans",
        ["at"],
        sqlite_where=sa.text("reason = 'not_on_order'"),
        postgresql_where=sa.text("reason = 'not_on_order'"),
    )


def downgrade() -> None:
    op.drop_index("ix_scans_not_on_order", table_name="scans")
    op.drop_table("report_progress")
    op.drop_index("uq_refusal_hours_key", table_name="refusal_hours")
    op.drop_table("refusal_hours")
    op.drop_index("uq_scan_hours_key", table_name="scan_hours")
    op.drop_table("scan_hours")
