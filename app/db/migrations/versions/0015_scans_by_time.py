"""scans by time: the reports pick a period's scans by their time

Revision ID: 0015
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_scans_at", "scans", ["at"])


def downgrade() -> None:
    op.drop_index("ix_scans_at", table_name="scans")
