"""print jobs by station: every scan asks for its station's newest print job

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_print_jobs_station", "print_jobs", ["station_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_print_jobs_station", table_name="print_jobs")
