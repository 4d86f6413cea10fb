"""An orders import in progress: its batch's state and lease, and its orders a chunk at a time.

An orders import writes its orders in short transactions as `importing`
orders, which nothing else takes (allocation takes `new` and `backordered`,
a pack `allocated`), then makes them `new` a chunk at a time. The batch's
`state` says how far it got: `staging` (its orders can all be deleted, no
one has seen them), `publishing` (some may already be `new`: the rest is
made `new` too) and `done`. Its `lease_until`, on the database's clock, is
renewed with every chunk; a batch whose lease ran out belongs to a process
that died, and the next import clears or finishes it.
"""

from __future__ import annotations

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from app.core.orders import OrderStatus
from app.db.clock import DatabaseLater, DatabaseNow
from app.db.models import ImportBatch, Order, OrderLine, utcnow
from app.db.sql import among, core

STAGING = "staging"
PUBLISHING = "publishing"
DONE = "done"
#: How long a batch stays held by its process without a chunk written.
LEASE_S = 60
#: Orders written or deleted (with their lines) in one transaction, and orders made
#: `new` in one: each transaction a few hundred milliseconds at most, so a station's
#: scan never waits longer behind one.
ORDERS_PER_CHUNK = 2_000
PUBLISHED_PER_CHUNK = 5_000

_LATER = DatabaseLater(bindparam("seconds"))


def renew(session: Session, batch_id: int, state: str) -> bool:
    """Hold the batch for another lease while it is in `state`; False when it is not
    (another process took it over after its lease ran out, or it is gone)."""
    held = core(session).execute(
        update(ImportBatch)
        .where(ImportBatch.id == batch_id, ImportBatch.state == state)
        .values(lease_until=_LATER),
        {"seconds": LEASE_S},
    )
    return bool(held.rowcount)


def set_state(session: Session, batch_id: int, state: str) -> None:
    """Move the batch to `state`; `done` lets it go (no lease) as imported now."""
    values: dict[str, object] = {"state": state}
    if state == DONE:
        values.update(lease_until=None, imported_at=utcnow())
    core(session).execute(update(ImportBatch).where(ImportBatch.id == batch_id).values(**values))


def lapsed_batches(session: Session) -> list[tuple[int, str]]:
    """(id, state) of the unfinished batches whose lease ran out, taken over by this
    transaction (their lease renewed), so no two processes finish the same batch."""
    lapsed = ImportBatch.state != DONE, ImportBatch.lease_until < DatabaseNow()
    found = list(session.execute(select(ImportBatch.id, ImportBatch.state).where(*lapsed)))
    taken = []
    for batch_id, state in found:
        # Asked again in the update: another process may have taken it over meanwhile.
        held = core(session).execute(
            update(ImportBatch)
            .where(ImportBatch.id == batch_id, *lapsed)
            .values(lease_until=_LATER),
            {"seconds": LEASE_S},
        )
        if held.rowcount:
            taken.append((int(batch_id), str(state)))
    return taken


def any_lapsed(session: Session) -> bool:
    """Whether an unfinished batch's lease ran out (read only)."""
    query = select(ImportBatch.id).where(
        ImportBatch.state != DONE, ImportBatch.lease_until < DatabaseNow()
    )
    return session.scalar(query.limit(1)) is not None


def publish_chunk(session: Session, batch_id: int) -> int:
    """Make up to a chunk of the batch's `importing` orders `new`; how many."""
    ids = session.scalars(
        select(Order.id)
        .where(Order.status == OrderStatus.IMPORTING, Order.import_batch_id == batch_id)
        .order_by(Order.id)
        .limit(PUBLISHED_PER_CHUNK)
    ).all()
    if ids:
        core(session).execute(
            update(Order)
            .where(among(session, Order.id, list(ids)))
            .values(status=OrderStatus.NEW, updated_at=utcnow())
        )
    return len(ids)


def clear_chunk(session: Session, batch_id: int) -> int:
    """Delete up to a chunk of the batch's orders with their lines; how many orders."""
    ids = list(
        session.scalars(
            select(Order.id).where(Order.import_batch_id == batch_id).limit(ORDERS_PER_CHUNK)
        ).all()
    )
    if ids:
        core(session).execute(delete(OrderLine).where(among(session, OrderLine.order_id, ids)))
        core(session).execute(delete(Order).where(among(session, Order.id, ids)))
    return len(ids)


def delete_batch(session: Session, batch_id: int) -> None:
    """Forget the batch (its orders already deleted): its file may be imported again."""
    core(session).execute(delete(ImportBatch).where(ImportBatch.id == batch_id))
