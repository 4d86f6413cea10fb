"""`kenpin allocate`: reserve stock for the orders waiting for it.

Orders are taken oldest first in batches, each batch its own short
transaction, so packers' scans wait at most one batch rather than the whole
run. That changes no decision: an order is all or nothing, and a later batch
sees the stock earlier batches reserved. Two allocators running at once take
turns batch by batch (an advisory lock on PostgreSQL, the write lock on
SQLite) and each re-reads the orders' statuses once it has its turn.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.core.allocation import OrderOutcome, allocate_orders
from app.db import allocation as store
from app.db.database import Database

# About 50 ms of writing per batch on SQLite: the longest a packer's scan waits
# behind the allocator. Larger batches are hardly faster overall.
BATCH_ORDERS = 500
SHORT_LISTED = 20


@dataclass
class AllocationSummary:
    """How many orders one run allocated or backordered, and what they are short of."""

    allocated: int = 0
    backordered: int = 0
    still_backordered: int = 0
    #: (order number, short lines) of the first backordered orders, oldest first.
    short: list[tuple[str, str]] = field(default_factory=list)

    def count(self, outcomes: list[OrderOutcome]) -> None:
        """Add one batch's decisions."""
        for outcome in outcomes:
            if not outcome.short:
                self.allocated += 1
                continue
            if outcome.was_backordered:
                self.still_backordered += 1
            else:
                self.backordered += 1
            if len(self.short) < SHORT_LISTED:
                self.short.append((outcome.number, outcome.short_text))

    def __str__(self) -> str:
        short_orders = self.backordered + self.still_backordered
        if not self.allocated and not short_orders:
            return "allocate: no orders waiting for stock"
        text = [
            f"allocate: {self.allocated} allocated, {self.backordered} backordered, "
            f"{self.still_backordered} still backordered"
        ]
        text += [f"  {number}: {short}" for number, short in self.short]
        if short_orders > len(self.short):
            text.append(f"  and {short_orders - len(self.short)} more backordered orders")
        return "\n".join(text)


def allocate(
    db: Database, today: dt.date | None = None, *, batch_orders: int = BATCH_ORDERS
) -> AllocationSummary:
    """Reserve stock for every `new` and `backordered` order, oldest first."""
    today = today or dt.date.today()
    with db.read() as session:
        waiting = store.open_order_ids(session)
    summary = AllocationSummary()
    for start in range(0, len(waiting), batch_orders):
        with db.write() as session:
            store.lock_allocation(session)
            batch = store.load_open_orders(session, waiting[start : start + batch_orders])
            slots = store.load_stock(session, batch.product_ids)
            outcomes = allocate_orders(batch.orders, slots, today, batch.min_shelf_life_days)
            store.record(session, batch, outcomes)
        summary.count(outcomes)
    return summary
