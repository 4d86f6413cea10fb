"""badge hashes and PIN failures: badges kept as keyed hashes, wrong PINs counted

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01

`badge_keys` holds one random key, made here; every user's badge code is
replaced by HMAC-SHA256(key, code) in `users.badge_hash` (was `badge_code`)
(0011 already took the badge out of the `user.add` audit rows that quoted it,
and the audit trail refuses updates since).
`badge_failures` keeps each wrong PIN given with a supervising badge, with
the lock the last one allowed set. PIN hashes (salted scrypt) stay as they are.
Going down cannot give the badge codes back: each user keeps the hash in
`badge_code`, and badges must be given again.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "badge_keys",
        sa.Column("id", _ID, nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_badge_keys")),
    )
    op.create_table(
        "badge_failures",
        sa.Column("id", _ID, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("place", sa.String(length=80), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_badge_failures_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_badge_failures")),
    )
    op.create_index("ix_badge_failures_user_at", "badge_failures", ["user_id", "at"])
    key = secrets.token_hex(32)
    conn = op.get_bind()
    conn.execute(
        sa.text("INSERT INTO badge_keys (key, created_at) VALUES (:key, CURRENT_TIMESTAMP)"),
        {"key": key},
    )
    users = conn.execute(sa.text("SELECT id, badge_code FROM users")).all()
    for user_id, code in users:
        digest = hmac.new(bytes.fromhex(key), code.encode(), hashlib.sha256).hexdigest()
        conn.execute(
            sa.text("UPDATE users SET badge_code = :digest WHERE id = :id"),
            {"digest": digest, "id": user_id},
        )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("uq_users_badge_code"), type_="unique")
        batch_op.alter_column("badge_code", new_column_name="badge_hash")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_unique_constraint(op.f("uq_users_badge_hash"), ["badge_hash"])


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("uq_users_badge_hash"), type_="unique")
        batch_op.alter_column("badge_hash", new_column_name="badge_code")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_unique_constraint(op.f("uq_users_badge_code"), ["badge_code"])
    op.drop_index("ix_badge_failures_user_at", table_name="badge_failures")
    op.drop_table("badge_failures")
    op.drop_table("badge_keys")
