"""The orders leaving on a closed manifest, as the carriers' and platforms' files need them."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, select

from app.core.carriers import CarrierCode, parse_carrier
from app.core.dispatch.shipment import Shipment, ShippedItem
from app.core.label import ShipTo
from app.core.statuses import ParcelStatus
from app.db.models import Order, OrderLine, Product
from app.db.shipping_models import Parcel
from app.db.sql import core

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Collection, Sequence

    from sqlalchemy.orm import Session

_ORDER_COLUMNS = (
    Order.id,
    Order.number,
    Order.carrier,
    Order.service,
    Order.postal_code,
    Order.prefecture,
    Order.city,
    Order.address1,
    Order.address2,
    Order.customer_name,
    Order.phone,
    Order.email,
    Order.delivery_date,
    Order.delivery_time,
)
_ON_MANIFEST = select(Parcel.order_id).where(Parcel.manifest_id == bindparam("manifest"))
_ORDERS = select(*_ORDER_COLUMNS).where(Order.id.in_(_ON_MANIFEST)).order_by(Order.number)
_PARCELS = (
    select(Parcel.order_id, Parcel.tracking_number)
    .where(Parcel.manifest_id == bindparam("manifest"))
    .order_by(Parcel.order_id, Parcel.carton_no)
)
_ITEMS = (
    select(OrderLine.order_id, Product.sku, Product.name, Product.variant, OrderLine.packed)
    .join(Product, Product.id == OrderLine.product_id)
    .where(OrderLine.order_id.in_(_ON_MANIFEST), OrderLine.packed > 0)
    .order_by(OrderLine.order_id, OrderLine.line_no)
)
_SHIPPED_ORDERS = select(*_ORDER_COLUMNS).where(Order.id.in_(bindparam("orders", expanding=True)))
_SHIPPED_PARCELS = (
    select(Parcel.order_id, Parcel.tracking_number)
    .where(
        Parcel.order_id.in_(bindparam("orders", expanding=True)),
        Parcel.status != ParcelStatus.VOIDED,
        Parcel.manifest_id.is_not(None),
    )
    .order_by(Parcel.order_id, Parcel.carton_no)
)
_SHIPPED_ITEMS = (
    select(OrderLine.order_id, Product.sku, Product.name, Product.variant, OrderLine.packed)
    .join(Product, Product.id == OrderLine.product_id)
    .where(OrderLine.order_id.in_(bindparam("orders", expanding=True)), OrderLine.packed > 0)
    .order_by(OrderLine.order_id, OrderLine.line_no)
)


def manifest_shipments(session: Session, manifest_id: int, day: dt.date) -> list[Shipment]:
    """Each order with parcels on the manifest, its parcels on it and its packed items, by
    order number; `day` is the ship date."""
    c, given = core(session), {"manifest": manifest_id}
    return _built(
        c.execute(_ORDERS, given).all(),
        c.execute(_PARCELS, given).all(),
        c.execute(_ITEMS, given).all(),
        {},
        day,
    )


def shipped_orders(
    session: Session, orders: Collection[int], days: dict[int, dt.date]
) -> list[Shipment]:
    """The shipments of these shipped orders (`days`: each one's ship date), by number."""
    c, given = core(session), {"orders": sorted(orders)}
    return _built(
        c.execute(_SHIPPED_ORDERS, given).all(),
        c.execute(_SHIPPED_PARCELS, given).all(),
        c.execute(_SHIPPED_ITEMS, given).all(),
        days,
        None,
    )


def _built(
    orders: Sequence[Any],
    parcels: Sequence[Any],
    items: Sequence[Any],
    days: dict[int, dt.date],
    day: dt.date | None,
) -> list[Shipment]:
    numbers: dict[int, list[str]] = defaultdict(list)
    for order_id, tracking in parcels:
        numbers[order_id].append(tracking)
    lines: dict[int, list[ShippedItem]] = defaultdict(list)
    for order_id, sku, name, variant, packed in items:
        lines[order_id].append(ShippedItem(sku, f"{name} {variant}".strip(), packed))
    built = []
    for row in sorted(orders, key=lambda r: r[1]):
        (order_id, number, carrier, service, postal, pref, city, a1, a2, name, phone, email) = row[
            :12
        ]
        delivery_date, delivery_time = row[12], row[13]
        built.append(
            Shipment(
                order_number=number,
                carrier=parse_carrier(carrier) or CarrierCode.GENERIC,
                service=service,
                tracking_numbers=tuple(numbers[order_id]),
                ship_date=day if day is not None else days[order_id],
                ship_to=ShipTo(postal, pref, city, a1, a2, name, phone),
                email=email,
                delivery_date=delivery_date,
                delivery_time=delivery_time,
                items=tuple(lines[order_id]),
            )
        )
    return built
