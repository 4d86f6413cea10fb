"""What the stock views show: balances by bin and lot, low stock, backorders, a product's ledger.

Plain rows, filled by `app.db.stock_views` and shown by the `kenpin stock` commands and the
window's Stock page; their `columns` and `cells` are the CSV's and the JSON's, in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from app.core.spreadsheet import Cell

#: A lot expiring within this many days is shown as near expiry.
NEAR_EXPIRY_DAYS = 30


class StockStatus(StrEnum):
    """Whether a balance may be allocated. Quarantine comes with returns; today all is available."""

    AVAILABLE = "available"
    QUARANTINE = "quarantine"


class Freshness(StrEnum):
    """How close a lot is to its expiry, as the Stock page colours it."""

    FRESH = "fresh"
    NEAR_EXPIRY = "near_expiry"
    EXPIRED = "expired"


def freshness(expiry: dt.date | None, today: dt.date) -> Freshness:
    """Expired from the day after `expiry`; near expiry within `NEAR_EXPIRY_DAYS` of it."""
    if expiry is None:
        return Freshness.FRESH
    if expiry < today:
        return Freshness.EXPIRED
    if expiry <= today + dt.timedelta(days=NEAR_EXPIRY_DAYS):
        return Freshness.NEAR_EXPIRY
    return Freshness.FRESH


@dataclass(frozen=True, slots=True)
class StockRow:
    """Units of one product in one bin and lot."""

    columns = ("sku", "bin", "lot", "expiry", "on_hand", "reserved", "status")

    sku: str
    bin: str
    lot: str
    expiry: dt.date | None
    on_hand: int
    reserved: int
    status: StockStatus = StockStatus.AVAILABLE

    def cells(self) -> tuple[Cell, ...]:
        """The row's values in `columns` order (the expiry as a date, or None)."""
        return (
            self.sku,
            self.bin,
            self.lot,
            self.expiry,
            self.on_hand,
            self.reserved,
            self.status.value,
        )


@dataclass(frozen=True, slots=True)
class LowStockRow:
    """A product whose available units (on hand less reserved) are below its reorder point."""

    columns = ("sku", "name", "available", "reorder_point", "backordered")

    sku: str
    name: str
    available: int
    reorder_point: int
    backordered: int

    def cells(self) -> tuple[Cell, ...]:
        """The row's values in `columns` order."""
        return (self.sku, self.name, self.available, self.reorder_point, self.backordered)


@dataclass(frozen=True, slots=True)
class BackorderRow:
    """Units backordered orders still need of one product, and how many orders need them."""

    columns = ("sku", "name", "backordered", "orders")

    sku: str
    name: str
    backordered: int
    orders: int

    def cells(self) -> tuple[Cell, ...]:
        """The row's values in `columns` order."""
        return (self.sku, self.name, self.backordered, self.orders)


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One move of a product's stock; `at` is the station's local time, `YYYY-MM-DD HH:MM:SS`."""

    columns = (
        "at",
        "bin",
        "lot",
        "on_hand_delta",
        "reserved_delta",
        "reason",
        "reference",
        "user",
    )

    at: str
    bin: str
    lot: str
    on_hand_delta: int
    reserved_delta: int
    reason: str
    reference: str
    user: str

    def cells(self) -> tuple[Cell, ...]:
        """The row's values in `columns` order."""
        return (
            self.at,
            self.bin,
            self.lot,
            self.on_hand_delta,
            self.reserved_delta,
            self.reason,
            self.reference,
            self.user,
        )


StockViewRow = StockRow | LowStockRow | BackorderRow | LedgerRow
