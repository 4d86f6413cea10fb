"""The order queue the station shows: pages of orders, one order's details, counts.

Each call is its own read transaction, so browsing never holds a lock a
packer's scan is waiting for.
"""

from __future__ import annotations

from app.db import order_queue as store
from app.db.database import Database
from app.db.order_queue import (
    OrderDetails,
    OrderLineDetails,
    OrderRow,
    QueueCursor,
    ReservedStock,
)

__all__ = [
    "PAGE_SIZE",
    "OrderDetails",
    "OrderLineDetails",
    "OrderQueue",
    "OrderRow",
    "QueueCursor",
    "ReservedStock",
]

#: Rows fetched per page: a few screens' worth, small enough to fetch in a few ms.
PAGE_SIZE = 200


class OrderQueue:
    """Read-only access to the orders for the queue screen."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def database_label(self) -> str:
        """The database's file name or server and database name, without a password."""
        return store.database_label(self._db.url)

    def page(
        self,
        status: str | None = None,
        search: str = "",
        after: QueueCursor | None = None,
        limit: int = PAGE_SIZE,
    ) -> list[OrderRow]:
        """The next `limit` orders after `after`.

        Without a search, newest first (by id); with a search, the orders whose
        number starts with it (case-insensitively, `#` optional before a digit) in
        number order. `status` keeps only orders in that status.
        """
        with self._db.read() as session:
            return store.queue_page(session, status or None, search, after, limit)

    def details(self, order_id: int) -> OrderDetails | None:
        """The order with its address, lines and reserved bins and lots; None when gone."""
        with self._db.read() as session:
            return store.order_details(session, order_id)

    def counts_by_status(self) -> dict[str, int]:
        """How many orders are in each status (statuses with none are left out)."""
        with self._db.read() as session:
            return store.status_counts(session)
