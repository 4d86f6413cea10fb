"""Stock allocation (引当): which open orders get which stock, as a pure rule.

Orders are served oldest first. An order is all or nothing: either every line
is covered and the order is allocated, or it is backordered with its short
lines named and reserves nothing, so its stock stays for the next order.
Within a product, lots go first-expiry-first-out: dated stock before undated,
earlier expiry first, ties broken by the bins' walk order, then by balance.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.core.orders import OrderStatus


@dataclass(frozen=True, slots=True)
class LineNeed:
    """One order line and the units it still needs reserved."""

    line_id: int
    product_id: int
    sku: str
    qty: int


@dataclass(frozen=True, slots=True)
class OpenOrder:
    """An order waiting for stock (`new` or `backordered`)."""

    order_id: int
    number: str
    ordered_at: dt.datetime
    lines: tuple[LineNeed, ...]
    was_backordered: bool = False


@dataclass(frozen=True, slots=True)
class StockSlot:
    """Units of one product free to reserve in one bin and lot (one stock balance)."""

    balance_id: int
    product_id: int
    available: int
    expiry: dt.date | None
    walk_seq: int


@dataclass(frozen=True, slots=True)
class LineReservation:
    """`qty` units of balance `balance_id` set aside for order line `line_id`."""

    line_id: int
    balance_id: int
    qty: int


@dataclass(frozen=True, slots=True)
class ShortLine:
    """An order line the stock cannot cover, and by how many units."""

    line_id: int
    sku: str
    short: int

    def __str__(self) -> str:
        return f"{self.sku} short {self.short}"


@dataclass(frozen=True, slots=True)
class OrderOutcome:
    """What allocation decided for one order."""

    order_id: int
    number: str
    reservations: tuple[LineReservation, ...]
    short: tuple[ShortLine, ...]
    was_backordered: bool = False

    @property
    def status(self) -> OrderStatus:
        return OrderStatus.BACKORDERED if self.short else OrderStatus.ALLOCATED

    @property
    def short_text(self) -> str:
        """The short lines as stored on the order and printed: `SKU-1 short 2; SKU-9 short 1`."""
        return "; ".join(str(line) for line in self.short)


def expiry_ok(expiry: dt.date | None, today: dt.date, min_shelf_life_days: int = 0) -> bool:
    """True when stock of this expiry may still go to a customer today.

    Undated stock always may. Dated stock may when it is not past its expiry and
    at least `min_shelf_life_days` of shelf life remain: a lot expiring on
    `today` is still good with no minimum, and with a minimum of 30 days the
    expiry must be at least 30 days after today.
    """
    if expiry is None:
        return True
    return expiry >= today + dt.timedelta(days=min_shelf_life_days)


def fefo_key(slot: StockSlot) -> tuple[bool, dt.date, int, int]:
    """Sort key putting a product's slots in the order they are given out."""
    return (slot.expiry is None, slot.expiry or dt.date.max, slot.walk_seq, slot.balance_id)


class _Shelf:
    """One product's usable slots in FEFO order and what is left of each."""

    __slots__ = ("first", "left", "slots", "total")

    def __init__(self, slots: list[StockSlot]) -> None:
        self.slots = sorted(slots, key=fefo_key)
        self.left = [slot.available for slot in self.slots]
        self.total = sum(self.left)
        # Slots are emptied front to back, so everything before `first` is empty.
        self.first = 0

    def take(self, line_id: int, qty: int) -> list[LineReservation]:
        """Reserve `qty` units (the caller made sure they are there), earliest expiry first."""
        taken: list[LineReservation] = []
        self.total -= qty
        i = self.first
        while qty:
            got = min(qty, self.left[i])
            if got:
                self.left[i] -= got
                qty -= got
                taken.append(LineReservation(line_id, self.slots[i].balance_id, got))
            if not self.left[i]:
                i += 1
        self.first = i
        return taken


def allocate_orders(
    orders: Iterable[OpenOrder],
    slots: Iterable[StockSlot],
    today: dt.date,
    min_shelf_life_days: Mapping[int, int] | None = None,
) -> list[OrderOutcome]:
    """Decide every open order, oldest first, against the stock in `slots`.

    `min_shelf_life_days` maps product id to the shelf life a customer must
    still get; dated stock with less (or already expired) is never given out.
    """
    shelf_life = min_shelf_life_days or {}
    usable: dict[int, list[StockSlot]] = defaultdict(list)
    for slot in slots:
        if slot.available > 0 and expiry_ok(slot.expiry, today, shelf_life.get(slot.product_id, 0)):
            usable[slot.product_id].append(slot)
    shelves = {product: _Shelf(found) for product, found in usable.items()}
    ordered = sorted(orders, key=lambda order: (order.ordered_at, order.order_id))
    return [_decide(order, shelves) for order in ordered]


def _decide(order: OpenOrder, shelves: dict[int, _Shelf]) -> OrderOutcome:
    lines = [line for line in order.lines if line.qty > 0]
    # Two lines of one product draw on the same stock, so compare their sum.
    wanted: dict[int, int] = defaultdict(int)
    for line in lines:
        wanted[line.product_id] += line.qty
    if all(product in shelves and shelves[product].total >= qty for product, qty in wanted.items()):
        reservations = [
            taken
            for line in lines
            for taken in shelves[line.product_id].take(line.line_id, line.qty)
        ]
        return OrderOutcome(
            order.order_id, order.number, tuple(reservations), (), order.was_backordered
        )
    # Name the lines the stock cannot cover; earlier lines are served first.
    left = {product: shelves[product].total if product in shelves else 0 for product in wanted}
    short: list[ShortLine] = []
    for line in lines:
        got = min(line.qty, left[line.product_id])
        left[line.product_id] -= got
        if got < line.qty:
            short.append(ShortLine(line.line_id, line.sku, line.qty - got))
    return OrderOutcome(order.order_id, order.number, (), tuple(short), order.was_backordered)
