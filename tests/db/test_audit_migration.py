"""Migration 0011 on a database in use: the audit rows already there are numbered and chained
(a badge code an old `user.add` row quoted taken out), the triggers come with it, and its
downgrade takes them away again."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app.db.database import Database
from app.db.models import AuditEntry
from app.db.schema import migrate
from app.services.audit import verify_chain

OLD_ROWS = [
    (3, "user.add", "Hanako (packer), badge B-001"),
    (8, "label.void", '{"order": "#1001", "voided": "1", "new": "2", "reason": ""}'),
    (9, "user.add", "Boss (supervisor), badge B-900"),
]


def test_rows_written_before_the_chain_are_chained_and_lose_their_badges(
    empty_db_url: str,
) -> None:
    db = Database(empty_db_url)
    migrate(db, "upgrade", "0010")
    with db.write() as s:
        for row_id, action, detail in OLD_ROWS:  # ids with gaps, as a sequence leaves them
            s.execute(
                text(
                    "INSERT INTO audit_log (id, at, station, action, detail)"
                    " VALUES (:id, CURRENT_TIMESTAMP, '', :action, :detail)"
                ),
                {"id": row_id, "action": action, "detail": detail},
            )
    migrate(db, "upgrade", "0011")
    assert str(verify_chain(db)).startswith("3 audit rows, chain intact")
    with db.read() as s:
        rows = s.execute(select(AuditEntry.id, AuditEntry.detail).order_by(AuditEntry.id)).all()
    assert [tuple(row) for row in rows] == [
        (1, "Hanako (packer)"),
        (2, OLD_ROWS[1][2]),
        (3, "Boss (supervisor)"),
    ]
    with pytest.raises(DBAPIError, match="append-only"), db.write() as s:
        s.execute(text("DELETE FROM audit_log"))

    migrate(db, "downgrade", "0010")
    with db.write() as s:  # no triggers left
        s.execute(text("DELETE FROM audit_log"))
    db.dispose()
