"""Imports written a chunk at a time, each chunk a short transaction, the file still all or nothing.

On SQLite one write transaction holds the whole database: a file of tens
of thousands of orders written in one would make every station's scan wait
seconds behind it. The orders are written as `importing` (taken by nothing)
in chunks, then made `new` in chunks (see `app.db.import_batches`); a
stock file's checked rows are staged in chunks, then posted to the ledger in
chunks (see `app.db.stock_staging`). A failure while writing deletes what
the batch wrote; a process that died leaves a batch whose lease runs out,
which the next import clears (still staging) or finishes (already
publishing) before anything else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy.orm import Session

from app.core.errors import ConcurrentChange
from app.db import import_batches as batches
from app.db import stock_staging
from app.db.database import Database

#: Writes one chunk (given the write transaction) and says how many orders it handled.
Chunk = Callable[[Session], int]


def recover_lapsed(db: Database) -> None:
    """Clear or finish every unfinished import whose process died (its lease ran out)."""
    with db.read() as session:
        if not batches.any_lapsed(session):
            return
    with db.write() as session:
        lapsed = batches.lapsed_batches(session)
    for batch_id, state in lapsed:
        if state == batches.STAGING:
            clear(db, batch_id)
        else:
            publish(db, batch_id)


def stage(
    db: Database,
    batch_id: int,
    parts: Iterable[Chunk],
    check: Callable[[], None] | None = None,
    seal: Chunk | None = None,
) -> None:
    """Write each part in its own transaction while the batch is held; then `check` what
    was written (read only, raising to refuse the file) and, in the transaction that makes
    the batch `publishing`, `seal` it (a last check or write under the lock). On any
    failure delete what was written and raise."""
    try:
        for part in parts:
            with db.write_chunk() as session:
                _hold(session, batch_id, batches.STAGING)
                part(session)
        if check is not None:
            check()
        with db.write() as session:
            _hold(session, batch_id, batches.STAGING)
            if seal is not None:
                seal(session)
            batches.set_state(session, batch_id, batches.PUBLISHING)
    except BaseException:
        clear(db, batch_id)
        raise


def publish(db: Database, batch_id: int, finished: Callable[[Session], None] | None = None) -> None:
    """Make the batch's `importing` orders `new` (an orders file) or post its staged rows
    to the ledger (a stock file) a chunk at a time, then mark it done (and run `finished`
    in that last transaction)."""
    while True:
        with db.write_chunk() as session:
            _hold(session, batch_id, batches.PUBLISHING)
            if batches.publish_chunk(session, batch_id) or stock_staging.post_chunk(
                session, batch_id
            ):
                continue
            batches.set_state(session, batch_id, batches.DONE)
            if finished is not None:
                finished(session)
            return


def clear(db: Database, batch_id: int) -> None:
    """Delete a staging batch's staged stock rows or orders a chunk at a time, then the
    batch; nothing when another process holds it now."""
    while True:
        with db.write_chunk() as session:
            if not batches.renew(session, batch_id, batches.STAGING):
                return
            if stock_staging.clear_chunk(session, batch_id) or batches.clear_chunk(
                session, batch_id
            ):
                continue
            batches.delete_batch(session, batch_id)
            return


def _hold(session: Session, batch_id: int, state: str) -> None:
    if not batches.renew(session, batch_id, state):
        raise ConcurrentChange(
            "the import stalled so long that another program took it over; "
            "run the import again to see what it left"
        )
