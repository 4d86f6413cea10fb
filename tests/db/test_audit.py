"""The audit trail in the database: a long chain verifies, a row changed or removed behind
the application's back is found and named, the database itself refuses UPDATE, DELETE and
(PostgreSQL) TRUNCATE, and stations appending at once keep one chain."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from app.core.audit import Flaw
from app.db import audit
from app.db.database import Database
from app.db.models import AuditEntry
from app.services.audit import verify_chain
from tests.auditdata import append_rows, behind_the_back

ROWS = 2000


def test_two_thousand_rows_verify_page_after_page(db: Database) -> None:
    append_rows(db, ROWS)
    check = verify_chain(db)
    assert check.broken is None
    with db.read() as s:
        last = s.scalar(select(AuditEntry.hash).where(AuditEntry.id == ROWS))
    assert str(check) == f"2,000 audit rows, chain intact; last hash {last}"
    assert ROWS > audit.PAGE  # read in more than one page


def test_an_empty_trail_is_intact(db: Database) -> None:
    assert str(verify_chain(db)) == "0 audit rows, chain intact"


def test_a_row_edited_behind_the_applications_back_is_found_and_named(db: Database) -> None:
    append_rows(db, 30)
    behind_the_back(db, "UPDATE audit_log SET detail = 'nothing happened' WHERE id = 17")
    check = verify_chain(db)
    assert check.broken is not None and check.broken.flaw is Flaw.CHANGED
    assert str(check).startswith("audit row 17 (")
    assert "was changed after it was written" in str(check)
    assert check.summary.startswith("16 audit rows")


def test_a_row_deleted_behind_the_applications_back_is_found(db: Database) -> None:
    append_rows(db, 30)
    behind_the_back(db, "DELETE FROM audit_log WHERE id = 9")
    check = verify_chain(db)
    assert check.broken is not None and check.broken.flaw is Flaw.MISSING
    assert str(check).startswith("row 9 is missing: audit row 10 (")


@pytest.mark.parametrize(
    "statement", ["UPDATE audit_log SET detail = 'edited'", "DELETE FROM audit_log"]
)
def test_the_database_refuses_to_change_or_delete_audit_rows(db: Database, statement: str) -> None:
    append_rows(db, 3)
    with pytest.raises(DBAPIError, match="audit_log is append-only"), db.write() as s:
        s.execute(text(statement))
    assert verify_chain(db).summary.startswith("3 audit rows, chain intact")


@pytest.mark.pg
def test_postgresql_refuses_to_truncate_the_audit_trail(pg_copy: str) -> None:
    db = Database(pg_copy)
    append_rows(db, 3)
    with pytest.raises(DBAPIError, match="audit_log is append-only"), db.write() as s:
        s.execute(text("TRUNCATE audit_log"))
    assert verify_chain(db).summary.startswith("3 audit rows, chain intact")
    db.dispose()


@pytest.mark.pg
def test_stations_appending_at_once_on_postgresql_keep_one_chain(pg_copy: str) -> None:
    stations, each = 4, 60
    # Each station waits for the others every ten appends, so they run into each other.
    start = threading.Barrier(stations, timeout=60)

    def station(n: int) -> None:
        db = Database(pg_copy)
        try:
            for k in range(each):
                if k % 10 == 0:
                    start.wait()
                with db.write() as s:
                    audit.record(s, "test.row", station=f"S{n}", detail=f"{k}")
        finally:
            db.dispose()

    with ThreadPoolExecutor(stations) as pool:
        for done in [pool.submit(station, n) for n in range(stations)]:
            done.result()
    db = Database(pg_copy)
    assert str(verify_chain(db)).startswith(f"{stations * each} audit rows, chain intact")
    db.dispose()


@pytest.mark.pg
def test_a_second_append_waits_for_the_first_to_commit_and_chains_to_it(pg_copy: str) -> None:
    first, second = Database(pg_copy), Database(pg_copy)
    append_rows(first, 1)
    with ThreadPoolExecutor(1) as pool, first.write() as s:
        audit.record(s, "test.first")
        waiting = pool.submit(_append_one, second)
        _until_an_append_waits_for_the_lock(first)
        assert not waiting.done()
    assert waiting.result() == 3  # it read the last row once the first had committed
    assert str(verify_chain(first)).startswith("3 audit rows, chain intact")
    for db in (first, second):
        db.dispose()


def _append_one(db: Database) -> int:
    with db.write() as s:
        return audit.record(s, "test.second")


def _until_an_append_waits_for_the_lock(db: Database) -> None:
    """Until another connection waits for the audit trail's advisory lock (or 10 s)."""
    deadline = time.monotonic() + 10
    query = text(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
        " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    )
    while time.monotonic() < deadline:
        with db.engine.connect() as conn:
            if conn.scalar(query):
                return
        time.sleep(0.01)
    raise AssertionError("the second append never waited for the lock")


def test_a_row_added_without_record_is_refused(db: Database) -> None:
    """Only `record` appends: a row without its hashes does not get in."""
    with pytest.raises(DBAPIError), db.write() as s:
        s.add(AuditEntry(action="sneaked.in"))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0
