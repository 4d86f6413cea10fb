"""Reading open orders and stock for allocation, and recording what it decided.

Everything goes in bulk: a handful of statements per batch of orders, whatever
its size. On PostgreSQL the batch's orders and stock balances are read
`FOR UPDATE`, so no packer or other allocator changes them between the
decision and its recording; SQLite's `BEGIN IMMEDIATE` already gives that.

`release` is the way back: reservations let go of through the ledger (a short
ship at the bench, a short pick at the bin).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.core.allocation import LineNeed, OpenOrder, OrderOutcome, StockSlot
from app.core.orders import ALLOCATABLE, OrderStatus
from app.db import stock
from app.db.models import (
    Location,
    Lot,
    Order,
    OrderLine,
    Product,
    Reservation,
    StockBalance,
    table,
    utcnow,
)
from app.db.sql import add_rows, among, chunks, on_postgresql, update_rows

OPEN_STATUSES = sorted(status.value for status in ALLOCATABLE)

# Any fixed number will do as long as nothing else in Kenpin takes the same one.
ALLOCATION_LOCK_KEY = 0x4B454E50_414C4C4F  # "KENPALLO"


@dataclass
class OpenBatch:
    """A batch of open orders as loaded, with what allocation needs to know about them."""

    orders: list[OpenOrder] = field(default_factory=list)
    min_shelf_life_days: dict[int, int] = field(default_factory=dict)
    #: order id -> (status, short_lines) as stored, so unchanged orders are not rewritten.
    stored: dict[int, tuple[str, str]] = field(default_factory=dict)

    @property
    def product_ids(self) -> set[int]:
        return set(self.min_shelf_life_days)


def lock_allocation(session: Session) -> None:
    """Make allocators take turns: held on PostgreSQL until this transaction ends.

    SQLite needs nothing here: every write transaction there begins IMMEDIATE
    and so already excludes every other writer.
    """
    if on_postgresql(session):
        session.execute(select(func.pg_advisory_xact_lock(ALLOCATION_LOCK_KEY)))


def open_order_ids(session: Session) -> list[int]:
    """Ids of the orders waiting for stock, oldest first."""
    return list(
        session.scalars(
            select(Order.id)
            .where(Order.status.in_(OPEN_STATUSES))
            .order_by(Order.order_date, Order.id)
        )
    )


def load_open_orders(session: Session, order_ids: Sequence[int]) -> OpenBatch:
    """Those of `order_ids` that are still open, with their lines' unreserved units.

    Statuses are read again here, inside the allocating transaction: an order
    another allocator or a supervisor changed in the meantime drops out.
    """
    batch = OpenBatch()
    heads: dict[int, tuple[str, dt.datetime, bool]] = {}
    for ids in chunks(order_ids):
        query = select(
            Order.id, Order.number, Order.order_date, Order.status, Order.short_lines
        ).where(among(session, Order.id, ids), Order.status.in_(OPEN_STATUSES))
        for oid, number, ordered_at, status, short_lines in session.connection().execute(
            query.with_for_update(of=Order)
        ):
            heads[oid] = (number, ordered_at, status == OrderStatus.BACKORDERED)
            batch.stored[oid] = (status, short_lines)
    lines: dict[int, list[LineNeed]] = defaultdict(list)
    for ids in chunks(heads):
        line_query = (
            select(
                OrderLine.order_id,
                OrderLine.id,
                OrderLine.product_id,
                Product.sku,
                Product.min_shelf_life_days,
                OrderLine.qty - OrderLine.allocated,
            )
            .join(Product, Product.id == OrderLine.product_id)
            # Through the orders' primary key: PostgreSQL then walks each order's
            # lines by index, even before it has statistics on the order lines.
            .join(Order, Order.id == OrderLine.order_id)
            .where(among(session, Order.id, ids))
            .order_by(OrderLine.order_id, OrderLine.line_no)
        )
        for oid, line_id, product_id, sku, shelf_life, need in session.connection().execute(
            line_query
        ):
            lines[oid].append(LineNeed(line_id, product_id, sku, need))
            batch.min_shelf_life_days[product_id] = shelf_life
    for oid, (number, ordered_at, was_backordered) in heads.items():
        batch.orders.append(OpenOrder(oid, number, ordered_at, tuple(lines[oid]), was_backordered))
    return batch


def load_stock(session: Session, product_ids: Iterable[int]) -> list[StockSlot]:
    """Every balance of these products with units not yet reserved."""
    balances = table(StockBalance).c
    slots: list[StockSlot] = []
    for ids in chunks(sorted(product_ids)):
        query = (
            select(
                balances.id,
                balances.product_id,
                balances.on_hand - balances.reserved,
                Lot.expiry,
                Location.walk_seq,
            )
            .join(Lot, Lot.id == balances.lot_id)
            .join(Location, Location.id == balances.location_id)
            .where(among(session, balances.product_id, ids), balances.on_hand > balances.reserved)
            .with_for_update(of=table(StockBalance))
        )
        slots.extend(StockSlot(*row) for row in session.connection().execute(query))
    return slots


def record(session: Session, batch: OpenBatch, outcomes: Sequence[OrderOutcome]) -> None:
    """Write the decisions: reservations, ledger, lines' allocated units, orders' statuses."""
    now = utcnow()
    allocated = [o for o in outcomes if not o.short]
    reservations = [r for o in allocated for r in o.reservations]
    if reservations:
        _reserve(session, allocated)
        add_rows(
            session,
            table(Reservation),
            [
                {"order_line_id": r.line_id, "balance_id": r.balance_id, "qty": r.qty}
                for r in reservations
            ],
        )
    lines, orders = table(OrderLine).c, table(Order).c
    # All or nothing: an allocated order has every line covered in full. Lines are
    # named by their own ids: a lookup by primary key is fast with or without the
    # statistics PostgreSQL lacks on freshly imported order lines.
    order_lines = {order.order_id: order.lines for order in batch.orders}
    line_ids = [line.line_id for o in allocated for line in order_lines[o.order_id]]
    for ids in chunks(line_ids):
        session.execute(
            update(table(OrderLine))
            .where(among(session, lines.id, ids))
            .values(allocated=lines.qty)
        )
    for ids in chunks([o.order_id for o in allocated]):
        session.execute(
            update(table(Order))
            .where(among(session, orders.id, ids))
            .values(status=OrderStatus.ALLOCATED.value, short_lines="", updated_at=now)
        )
    short = [
        {"id": o.order_id, "short_lines": o.short_text}
        for o in outcomes
        if o.short and batch.stored.get(o.order_id) != (OrderStatus.BACKORDERED.value, o.short_text)
    ]
    update_rows(
        session,
        table(Order),
        short,
        lambda new: {
            "status": OrderStatus.BACKORDERED.value,
            "short_lines": new["short_lines"],
            "updated_at": now,
        },
    )


def _reserve(session: Session, outcomes: Sequence[OrderOutcome]) -> None:
    """Raise the balances' reserved units through the ledger, one entry per order and bin/lot."""
    moves = []
    for outcome in outcomes:
        per_balance: dict[int, int] = defaultdict(int)
        for r in outcome.reservations:
            per_balance[r.balance_id] += r.qty
        moves += [
            stock.Move(bid, reserved_delta=qty, reason="reserve", reference=outcome.number)
            for bid, qty in per_balance.items()
        ]
    stock.post(session, moves)


@dataclass(frozen=True, slots=True)
class LetGo:
    """`units` of reservation `reservation_id` (`held` units of balance `balance_id`) to let
    go of; all of them takes the reservation away."""

    reservation_id: int
    balance_id: int
    held: int
    units: int


def release(
    session: Session, let_go: Sequence[LetGo], reason: str, reference: str, user_id: int | None
) -> int:
    """Let go of reserved units through the ledger: each reservation down by its units (gone
    when none are left), the balances' reserved down as much, one entry per balance (in id
    order, so two stations releasing at once lock balances alike). The units let go of."""
    reservations = table(Reservation).c
    gone = [r.reservation_id for r in let_go if r.units >= r.held]
    for r in let_go:
        if 0 < r.units < r.held:
            session.execute(
                update(table(Reservation))
                .where(reservations.id == r.reservation_id)
                .values(qty=r.held - r.units)
            )
    for ids in chunks(gone):
        session.execute(delete(table(Reservation)).where(among(session, reservations.id, ids)))
    per_balance: dict[int, int] = defaultdict(int)
    for r in let_go:
        per_balance[r.balance_id] += r.units
    moves = [
        stock.Move(bid, reserved_delta=-units, reason=reason, reference=reference, user_id=user_id)
        for bid, units in sorted(per_balance.items())
        if units
    ]
    stock.post(session, moves)
    return sum(per_balance.values())
