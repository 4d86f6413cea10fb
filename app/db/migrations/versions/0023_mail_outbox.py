"""mail outbox: each shipped order's e-mail once, and the shop's e-mail templates

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02

`mail_outbox` holds one row per order's shipment e-mail with its stable
Message-ID and where its sending stands; `mail_templates` the shop's own
template per language.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_STATUSES = ("queued", "sending", "sent", "retry", "failed", "check", "no_address")


def upgrade() -> None:
    op.create_table(
        "mail_outbox",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("order_id", _ID, nullable=False),
        sa.Column("message_id", sa.String(length=200), nullable=False),
        sa.Column("to_address", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("subject", sa.String(length=400), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resend_by_id", _ID, nullable=True),
        sa.CheckConstraint(
            f"status IN ({', '.join(repr(status) for status in _STATUSES)})",
            name=op.f("ck_mail_outbox_status_known"),
        ),
        sa.CheckConstraint("attempts >= 0", name=op.f("ck_mail_outbox_attempts_not_negative")),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_mail_outbox_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["resend_by_id"], ["users.id"], name=op.f("fk_mail_outbox_resend_by_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_outbox")),
        sa.UniqueConstraint("message_id", name=op.f("uq_mail_outbox_message_id")),
        sa.UniqueConstraint("order_id", name=op.f("uq_mail_outbox_order_id")),
    )
    op.create_index("ix_mail_outbox_due", "mail_outbox", ["status", "next_attempt_at"])
    op.create_table(
        "mail_templates",
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("subject", sa.String(length=400), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", _ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["users.id"], name=op.f("fk_mail_templates_updated_by_id_users")
        ),
        sa.PrimaryKeyConstraint("language", name=op.f("pk_mail_templates")),
    )


def downgrade() -> None:
    op.drop_table("mail_templates")
    op.drop_index("ix_mail_outbox_due", table_name="mail_outbox")
    op.drop_table("mail_outbox")
