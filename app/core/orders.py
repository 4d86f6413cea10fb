"""Order statuses and the rules about which status may do what."""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    """An order's place in its life, spelled as INTERFACES.md prints it."""

    NEW = "new"
    ALLOCATED = "allocated"
    #: In an open wave: a picker is taking its units from the bins (`kenpin wave create`).
    PICKING = "picking"
    #: Every unit of it picked: it waits at the pack bench, packed like an allocated order.
    PICKED = "picked"
    BACKORDERED = "backordered"
    PACKING = "packing"
    PACKED = "packed"
    LABELLED = "labelled"
    VERIFIED = "verified"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"
    ON_HOLD = "on_hold"
    #: Written by an import still in progress: seen by nothing until the import publishes it.
    IMPORTING = "importing"


#: Orders `kenpin allocate` looks at.
ALLOCATABLE = frozenset({OrderStatus.NEW, OrderStatus.BACKORDERED})
