"""confusion rollup: the confused product pairs added up per hour, like scan_hours

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01

`confusion_hours` holds the `not_on_order` refusals paired with the product of
the next unit accepted in the same pack, added up per UTC hour of the refusal,
expected product and scanned code; `unpaired_refusals` the refusals whose next
unit has not been accepted yet. The report tables start over empty (so the
pairs of the scans already recorded are added up too): the first report after
upgrading adds every recorded scan up again, as after 0015.
`ix_scans_not_on_order` (0015), which the report read the period's refusals
through, has no reader left and is dropped.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "confusion_hours",
        sa.Column("id", _ID, nullable=False),
        sa.Column("hour", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expected_product_id", _ID, nullable=False),
        sa.Column("scanned_code", sa.String(length=400), nullable=False),
        sa.Column("times", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["expected_product_id"],
            ["products.id"],
            name=op.f("fk_confusion_hours_expected_product_id_products"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_confusion_hours")),
    )
    op.create_index(
        "uq_confusion_hours_key",
        "confusion_hours",
        ["hour", "expected_product_id", "scanned_code"],
        unique=True,
    )
    op.create_table(
        "unpaired_refusals",
        sa.Column("scan_id", _ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["scan_id"], ["scans.id"], name=op.f("fk_unpaired_refusals_scan_id_scans")
        ),
        sa.PrimaryKeyConstraint("scan_id", name=op.f("pk_unpaired_refusals")),
    )
    for name in ("report_progress", "scan_hours", "refusal_hours"):
        op.execute(sa.text(f"DELETE FROM {name}"))
    op.drop_index("ix_scans_not_on_order", table_name="scans")


def downgrade() -> None:
    op.create_index(
        "ix_scans_not_on_order",
        "scans",
        ["at"],
        sqlite_where=sa.text("reason = 'not_on_order'"),
        postgresql_where=sa.text("reason = 'not_on_order'"),
    )
    op.drop_table("unpaired_refusals")
    op.drop_index("uq_confusion_hours_key", table_name="confusion_hours")
    op.drop_table("confusion_hours")
