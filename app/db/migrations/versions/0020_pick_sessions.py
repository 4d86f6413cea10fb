"""pick sessions: a wave picked by scan, held by one station; the units taken for it

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-01

`pick_sessions` is the claim on a wave (`uq_pick_sessions_open_wave`: one open
session per wave, so two stations never pick one wave), with the bin scanned
for the instruction in front of the picker; `picked_units` each unit taken for
a reservation (or a short pick on it); `station_state.pick_session_id` the
wave a station picks.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "pick_sessions",
        sa.Column("id", _ID, nullable=False),
        sa.Column("wave_id", _ID, nullable=False),
        sa.Column("station_id", _ID, nullable=True),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("lease_expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("at_bin", sa.String(length=32), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('open', 'done')", name=op.f("ck_pick_sessions_status_known")
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["stations.id"], name=op.f("fk_pick_sessions_station_id_stations")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_pick_sessions_user_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["wave_id"], ["waves.id"], name=op.f("fk_pick_sessions_wave_id_waves")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pick_sessions")),
    )
    op.create_index(
        "uq_pick_sessions_open_wave",
        "pick_sessions",
        ["wave_id"],
        unique=True,
        sqlite_where=sa.text("status = 'open'"),
        postgresql_where=sa.text("status = 'open'"),
    )
    op.create_table(
        "picked_units",
        sa.Column("id", _ID, nullable=False),
        sa.Column("pick_session_id", _ID, nullable=False),
        sa.Column("scan_ref", _ID, nullable=False),
        sa.Column("reservation_id", _ID, nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("lot", sa.String(length=64), nullable=True),
        sa.Column("slotted", sa.Boolean(), nullable=False),
        sa.Column("short", sa.Boolean(), nullable=False),
        sa.Column("undone", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pick_session_id"],
            ["pick_sessions.id"],
            name=op.f("fk_picked_units_pick_session_id_pick_sessions"),
        ),
        sa.ForeignKeyConstraint(
            ["reservation_id"],
            ["reservations.id"],
            name=op.f("fk_picked_units_reservation_id_reservations"),
        ),
        sa.ForeignKeyConstraint(
            ["scan_ref"], ["scans.id"], name=op.f("fk_picked_units_scan_ref_scans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_picked_units")),
    )
    op.create_index(
        "ix_picked_units_session", "picked_units", ["pick_session_id", "id"], unique=False
    )
    with op.batch_alter_table("station_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pick_session_id", _ID, nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_station_state_pick_session_id_pick_sessions"),
            "pick_sessions",
            ["pick_session_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("station_state", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_station_state_pick_session_id_pick_sessions"), type_="foreignkey"
        )
        batch_op.drop_column("pick_session_id")
    op.drop_index("ix_picked_units_session", table_name="picked_units")
    op.drop_table("picked_units")
    op.drop_index("uq_pick_sessions_open_wave", table_name="pick_sessions")
    op.drop_table("pick_sessions")
