"""station holds: the running process that holds a station, until when (the database's clock)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

A station's window or a replay in progress holds its station: `held_by`
names the process (`PID@HOST`), `held_until` is when the hold lapses unless
renewed, on the database's clock. A process that crashed leaves a hold that
lapses by itself.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("station_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("held_by", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("held_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("station_state", schema=None) as batch_op:
        batch_op.drop_column("held_until")
        batch_op.drop_column("held_by")
