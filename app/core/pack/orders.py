"""Which orders a station may open for packing, and why the others may not."""

from __future__ import annotations

from app.core.orders import OrderStatus
from app.core.pack.effects import Refusal
from app.core.pack.session import OrderCandidate
from app.core.scans import Fact, Reason, ScanKind

#: What opens an order's pack when scanned: its number, the tote it travels in, its cart slot.
OPENS_ORDER = frozenset({ScanKind.ORDER, ScanKind.TOTE, ScanKind.SLOT})

#: Order statuses a pack may be opened (or resumed) on.
PACKABLE = frozenset({OrderStatus.ALLOCATED, OrderStatus.PICKED, OrderStatus.PACKING})

#: Why an order cannot be packed, by status, in the words the packer reads.
_NOT_PACKABLE: dict[str, str] = {
    OrderStatus.NEW: "is not allocated yet",
    OrderStatus.BACKORDERED: "is backordered",
    OrderStatus.PICKING: "is being picked",
    OrderStatus.ON_HOLD: "is on hold",
    OrderStatus.CANCELLED: "is cancelled",
    OrderStatus.PACKED: "is already packed",
    OrderStatus.LABELLED: "is already labelled",
    OrderStatus.VERIFIED: "is already verified",
    OrderStatus.SHIPPED: "is already shipped",
    OrderStatus.IMPORTING: "is still being imported",
}


def order_refusal(order: OrderCandidate) -> Refusal | None:
    """Why this station may not open `order`'s pack, or None when it may.

    The status is told before the lock: a cancelled or packed order stays
    unpackable whichever station still holds it.
    """
    if order.status not in PACKABLE or (
        order.picking_required and order.status == OrderStatus.ALLOCATED
    ):
        why = _NOT_PACKABLE.get(order.status, f"is {order.status}")
        if order.status == OrderStatus.ALLOCATED:
            why = "is not picked yet: this shop packs picked orders only"
        return Refusal(
            Reason.ORDER_NOT_PACKABLE,
            f"order {order.number} {why}",
            {Fact.ORDER: order.number, Fact.STATUS: order.status},
        )
    if order.locked_by is not None:
        return Refusal(
            Reason.ORDER_LOCKED,
            f"order {order.number} is open at station {order.locked_by}",
            {Fact.ORDER: order.number, Fact.HOLDER: order.locked_by},
        )
    return None
