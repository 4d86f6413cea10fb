"""Reading the audit trail: checking its chain, listing its rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.audit import Break, ChainWalk
from app.db import audit as store
from app.db.database import Database


@dataclass(frozen=True, slots=True)
class ChainCheck:
    """What walking the chain found: the first broken link, or none and a summary."""

    broken: Break | None
    summary: str

    def __str__(self) -> str:
        return str(self.broken) if self.broken else self.summary


def verify_chain(db: Database) -> ChainCheck:
    """Walk the audit trail in number order, in one read-only transaction, up to the first
    broken link; a page of rows in memory at a time."""
    walk = ChainWalk()
    with db.reading() as conn:
        for stored in store.chain(conn):
            broken = walk.step(stored.row, stored.prev_hash, stored.hash)
            if broken is not None:
                return ChainCheck(broken, walk.summary())
    return ChainCheck(None, walk.summary())


def audit_rows(
    db: Database, *, since: dt.date | None = None, action: str | None = None, limit: int = 100
) -> list[store.Listed]:
    """The newest audit rows, newest first: from the start of the local day `since`, of
    `action`, at most `limit`."""
    start = None
    if since is not None:
        start = dt.datetime.combine(since, dt.time()).astimezone().astimezone(dt.UTC)
    with db.read() as session:
        return store.listing(session, since=start, action=action, limit=limit)
