"""What every carrier and platform file is written from: the orders leaving on a manifest."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.carriers import CarrierCode
from app.core.label import ShipTo


@dataclass(frozen=True, slots=True)
class ShippedItem:
    """One order line as it left: SKU, product name and units."""

    sku: str
    name: str
    qty: int


@dataclass(frozen=True, slots=True)
class Shipment:
    """One order leaving on a manifest: what every carrier and platform file is written from."""

    order_number: str
    carrier: CarrierCode
    #: 宅急便, 宅急便コンパクト, ネコポス, 飛脚宅配便, ゆうパック, ゆうパケット,
    #: クリックポスト, or "".
    service: str
    #: Digits only (check digit included), one per parcel, in carton order.
    tracking_numbers: tuple[str, ...]
    ship_date: dt.date
    ship_to: ShipTo
    email: str
    delivery_date: dt.date | None
    #: As stored: "" (no wish), "午前中", "14-16" style slots, or free text.
    delivery_time: str
    items: tuple[ShippedItem, ...]
