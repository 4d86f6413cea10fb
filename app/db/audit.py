"""The audit trail's rows: appended by `record` alone, read back in pages.

`record` reads the last row's number and hash and inserts the next row,
chained to it (`app.core.audit`), inside the caller's transaction. Two
stations appending at once must not both chain to the same row: SQLite's
write transactions already take one lock (`BEGIN IMMEDIATE`), and on
PostgreSQL `record` takes a transaction-scoped advisory lock first, held until
the caller commits. The row's number is given, not drawn from a sequence, so
numbers run 1, 2, 3, ... with no gap but a removed row, and a writer that
missed the lock would clash on the primary key rather than fork the chain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, Select, bindparam, func, insert, select
from sqlalchemy.orm import Session

from app.core.audit import GENESIS, AuditRow, chain_hash
from app.core.times import as_utc
from app.db.models import AuditEntry, User, table, utcnow
from app.db.sql import core, on_postgresql

#: The PostgreSQL advisory lock every audit append takes ("KENPAUDT").
AUDIT_LOCK_KEY = 0x4B454E50_41554454
#: Rows per page when the chain is read back.
PAGE = 1000

_AUDIT = table(AuditEntry)
_LOCK = select(func.pg_advisory_xact_lock(AUDIT_LOCK_KEY))
_LAST = select(_AUDIT.c.id, _AUDIT.c.hash).order_by(_AUDIT.c.id.desc()).limit(1)
_INSERT = insert(_AUDIT)
_CONTENT = (
    _AUDIT.c.id,
    _AUDIT.c.at,
    _AUDIT.c.user_id,
    _AUDIT.c.station,
    _AUDIT.c.action,
    _AUDIT.c.detail,
)
_PAGE = (
    select(*_CONTENT, _AUDIT.c.prev_hash, _AUDIT.c.hash)
    .where(_AUDIT.c.id > bindparam("after"))
    .order_by(_AUDIT.c.id)
    .limit(PAGE)
)


def record(
    session: Session,
    action: str,
    *,
    user_id: int | None = None,
    station: str = "",
    detail: str = "",
) -> int:
    """Append one row to the audit trail in the session's transaction; its number.

    The row's time is this machine's clock as it is written (a replayed scan's
    own time is in the scan log, not here). `detail` names people and things by
    name or id, never by badge code. Call it after the transaction's other
    writes: on PostgreSQL the append lock is then held only until the commit,
    and never while waiting for a row another writer of the trail has locked.
    """
    conn = core(session)
    if on_postgresql(session):
        conn.execute(_LOCK)
    last = conn.execute(_LAST).first()
    last_id, prev_hash = (int(last[0]), str(last[1])) if last is not None else (0, GENESIS)
    # Kept in UTC: SQLite stores a time without its zone, and the hash covers it in UTC.
    row = AuditRow(last_id + 1, utcnow(), user_id, station, action, detail)
    conn.execute(
        _INSERT,
        {
            "id": row.id,
            "at": row.at,
            "user_id": row.user_id,
            "station": row.station,
            "action": row.action,
            "detail": row.detail,
            "prev_hash": prev_hash,
            "hash": chain_hash(prev_hash, row),
        },
    )
    return row.id


@dataclass(frozen=True, slots=True)
class StoredRow:
    """An audit row as stored: its content and the two hashes stored with it."""

    row: AuditRow
    prev_hash: str
    hash: str


def chain(conn: Connection) -> Iterator[StoredRow]:
    """Every audit row in number order, read a page at a time (never all in memory)."""
    after = 0
    while True:
        page = conn.execute(_PAGE, {"after": after}).all()
        for found in page:
            yield StoredRow(AuditRow(*found[:6]), found.prev_hash, found.hash)
        if len(page) < PAGE:
            return
        after = page[-1].id


@dataclass(frozen=True, slots=True)
class Listed:
    """An audit row as `kenpin audit list` shows it: with the user's name."""

    id: int
    at: dt.datetime
    user: str
    station: str
    action: str
    detail: str


#: Audit rows with their user's name, as `listed` reads them; callers add WHERE and ORDER BY.
LISTED = select(
    AuditEntry.id,
    AuditEntry.at,
    User.name,
    AuditEntry.station,
    AuditEntry.action,
    AuditEntry.detail,
).outerjoin(User, User.id == AuditEntry.user_id)


def listed(session: Session, query: Select[int, dt.datetime, str, str, str, str]) -> list[Listed]:
    """The rows of `query` (built on `LISTED`) as `Listed`."""
    return [
        Listed(row_id, as_utc(at), user or "", station, act, detail)
        for row_id, at, user, station, act, detail in session.execute(query)
    ]


def listing(
    session: Session, *, since: dt.datetime | None, action: str | None, limit: int
) -> list[Listed]:
    """The newest `limit` audit rows (from `since`, of `action`), newest first."""
    query = LISTED.order_by(AuditEntry.id.desc()).limit(limit)
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    return listed(session, query)
