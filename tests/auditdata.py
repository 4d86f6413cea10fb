"""Audit trails for the tests: many rows appended, and rows changed or removed behind the
application's back (as the database's owner, the triggers dropped first)."""

from __future__ import annotations

from sqlalchemy import text

from app.db import audit
from app.db.database import Database


def append_rows(db: Database, count: int, *, per_transaction: int = 500) -> None:
    """`count` audit rows, appended through `audit.record` a batch per transaction."""
    done = 0
    while done < count:
        with db.write() as s:
            for n in range(done, min(count, done + per_transaction)):
                audit.record(s, "test.row", station=f"S{n % 3}", detail=f"row {n + 1}")
        done = min(count, done + per_transaction)


def drop_triggers(db: Database) -> None:
    """What the database's owner can do: take the audit trail's triggers away."""
    with db.write() as s:
        if db.is_sqlite:
            s.execute(text("DROP TRIGGER audit_log_no_update"))
            s.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            s.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))


def behind_the_back(db: Database, statement: str) -> None:
    """Run `statement` on the audit trail with its triggers dropped."""
    drop_triggers(db)
    with db.write() as s:
        s.execute(text(statement))
