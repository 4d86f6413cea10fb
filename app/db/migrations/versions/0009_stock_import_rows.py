"""stock import rows: a stock file's checked rows, staged before they are posted

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01

A stock import writes its checked rows into `stock_import_rows` a chunk at
a time, then posts them to the ledger a chunk at a time, deleting each as
it is posted, so no transaction holds SQLite's write lock for long and an
import whose process died can be finished from the rows still staged.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stock_import_rows",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("batch_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("location", sa.String(length=32), nullable=False),
        sa.Column("lot_code", sa.String(length=64), nullable=False),
        sa.Column("expiry", sa.Date(), nullable=True),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["import_batches.id"], name=op.f("fk_stock_import_rows_batch_id_import_batches")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_stock_import_rows_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_import_rows")),
    )
    op.create_index("ix_stock_import_rows_batch", "stock_import_rows", ["batch_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_stock_import_rows_batch", table_name="stock_import_rows")
    op.drop_table("stock_import_rows")
