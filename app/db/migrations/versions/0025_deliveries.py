"""deliveries: expected deliveries and their lines; products' reorder point

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-02

`deliveries` and `delivery_lines` hold what `kenpin import expected` loads and
what the receive station counts against; `products.reorder_point` is the stock
below which a product is listed as low.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.db.models import NUMBER

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "deliveries",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("number", NUMBER, nullable=False),
        sa.Column("supplier", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("import_batch_id", _ID, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by_id", _ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batches.id"],
            name=op.f("fk_deliveries_import_batch_id_import_batches"),
        ),
        sa.ForeignKeyConstraint(
            ["closed_by_id"], ["users.id"], name=op.f("fk_deliveries_closed_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
        sa.UniqueConstraint("number", name=op.f("uq_deliveries_number")),
    )
    op.create_table(
        "delivery_lines",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("delivery_id", _ID, nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("product_id", _ID, nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("lot", sa.String(length=64), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.CheckConstraint("expected > 0", name=op.f("ck_delivery_lines_expected_positive")),
        sa.CheckConstraint("received >= 0", name=op.f("ck_delivery_lines_received_not_negative")),
        sa.ForeignKeyConstraint(
            ["delivery_id"], ["deliveries.id"], name=op.f("fk_delivery_lines_delivery_id_deliveries")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_delivery_lines_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_lines")),
        sa.UniqueConstraint("delivery_id", "line_no", name="uq_delivery_lines_position"),
    )
    op.create_index("ix_delivery_lines_product", "delivery_lines", ["product_id"])
    with op.batch_alter_table("products") as batch:
        batch.add_column(sa.Column("reorder_point", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("products") as batch:
        batch.drop_column("reorder_point")
    op.drop_index("ix_delivery_lines_product", table_name="delivery_lines")
    op.drop_table("delivery_lines")
    op.drop_table("deliveries")
