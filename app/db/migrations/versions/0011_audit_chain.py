"""audit chain: audit rows chained by SHA-256, and the table append-only

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01

`audit_log.prev_hash` and `audit_log.hash` chain each row to the one before
(`app.core.audit`). Rows already there are numbered 1, 2, 3, ... in the order
they were written and chained; a badge code an older `user.add` row quoted is
taken out first. Then triggers refuse UPDATE and DELETE of audit_log on SQLite
and PostgreSQL, and TRUNCATE on PostgreSQL. The downgrade drops the triggers
and the two columns.
"""

from __future__ import annotations

import datetime as dt
import re

import sqlalchemy as sa
from alembic import op

from app.core.audit import GENESIS, AuditRow, chain_hash

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_REFUSAL = "audit_log is append-only"
#: How `kenpin users add` wrote a badge into its row before 0011.
_BADGE_IN_DETAIL = re.compile(r", badge .*\Z", re.DOTALL)


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    _chain_rows_already_there()
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
    # After the batch steps: SQLite's batch mode copies the table, and a copy has no triggers.
    _append_only()


def downgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")


def _chain_rows_already_there() -> None:
    """Number the rows written before 0011 from 1 in their order and chain them."""
    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT id, at, user_id, station, action, detail FROM audit_log ORDER BY id")
    ).all()
    prev_hash = GENESIS
    for number, (old_id, at, user_id, station, action, detail) in enumerate(rows, start=1):
        if action == "user.add":
            detail = _BADGE_IN_DETAIL.sub("", detail)
        row = AuditRow(number, _as_datetime(at), user_id, station, action, detail)
        row_hash = chain_hash(prev_hash, row)
        # Each new number is free: every row before this one already moved to a smaller one.
        conn.execute(
            sa.text(
                "UPDATE audit_log SET id = :id, detail = :detail, prev_hash = :prev, hash = :hash"
                " WHERE id = :old"
            ),
            {"id": number, "detail": detail, "prev": prev_hash, "hash": row_hash, "old": old_id},
        )
        prev_hash = row_hash


def _as_datetime(at: dt.datetime | str) -> dt.datetime:
    """A time as read by a plain text query: SQLite hands back its stored text."""
    return dt.datetime.fromisoformat(at) if isinstance(at, str) else at


def _append_only() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{action.lower()} BEFORE {action} ON audit_log "
                f"BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END"
            )
        return
    op.execute(
        "CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{_REFUSAL}'; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_refuse()"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse()"
    )


def _drop_triggers() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        return
    op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
    op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
    op.execute("DROP FUNCTION IF EXISTS audit_log_refuse()")
