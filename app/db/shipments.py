"""Orders as they left, for the files and e-mails that tell of them: each order's address,
its parcels' tracking numbers and the items shipped (`app.core.dispatch.shipment`).

Read for a closed manifest (its parcels only: a parcel left behind goes on the next one),
or for shipped orders (every live parcel), three statements whatever the number of orders.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import BindParameter, ColumnElement, Executable, bindparam, select

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
    Order.shipped_on,
)


#: The statements of one way of reading shipments: orders, parcels, items.
Statements = tuple[Executable, Executable, Executable]


def _statements(orders: ColumnElement[bool], parcels: ColumnElement[bool]) -> Statements:
    """The orders matching `orders`, their parcels matching `parcels`, their items shipped."""
    order_ids = select(Order.id).where(orders)
    return (
        select(*_ORDER_COLUMNS).where(orders).order_by(Order.number),
        select(Parcel.order_id, Parcel.tracking_number)
        .where(parcels)
        .order_by(Parcel.order_id, Parcel.carton_no),
        select(OrderLine.order_id, Product.sku, Product.name, Product.variant)
        .add_columns(OrderLine.qty - OrderLine.short)
        .join(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id.in_(order_ids), OrderLine.qty > OrderLine.short)
        .order_by(OrderLine.order_id, OrderLine.line_no),
    )


_ON_MANIFEST = Parcel.manifest_id == bindparam("manifest")
_MANIFEST = _statements(Order.id.in_(select(Parcel.order_id).where(_ON_MANIFEST)), _ON_MANIFEST)
_GIVEN: BindParameter[int] = bindparam("orders", expanding=True)
_SHIPPED = _statements(
    Order.id.in_(_GIVEN), Parcel.order_id.in_(_GIVEN) & (Parcel.status != ParcelStatus.VOIDED)
)


def manifest_shipments(session: Session, manifest_id: int, day: dt.date) -> list[Shipment]:
    """Each order with parcels on the manifest, its parcels on it and its items, by order
    number; `day` (the manifest's) is the ship date."""
    return _read(session, _MANIFEST, {"manifest": manifest_id}, day)


def shipped_orders(session: Session, orders: Collection[int]) -> list[Shipment]:
    """The shipments of these shipped orders (each on its own ship date), by order number."""
    return _read(session, _SHIPPED, {"orders": sorted(orders)}, None)


def _read(
    session: Session,
    statements: Statements,
    given: dict[str, Any],
    day: dt.date | None,
) -> list[Shipment]:
    c = core(session)
    orders, parcels, items = (c.execute(statement, given).all() for statement in statements)
    return _built(orders, parcels, items, day)


def _built(
    orders: Sequence[Any], parcels: Sequence[Any], items: Sequence[Any], day: dt.date | None
) -> list[Shipment]:
    numbers: dict[int, list[str]] = defaultdict(list)
    for order_id, tracking in parcels:
        numbers[order_id].append(tracking)
    lines: dict[int, list[ShippedItem]] = defaultdict(list)
    for order_id, sku, name, variant, qty in items:
        lines[order_id].append(ShippedItem(sku, f"{name} {variant}".strip(), qty))
    built = []
    for row in orders:
        (order_id, number, carrier, service, postal, pref, city, a1, a2, name, phone, email) = row[
            :12
        ]
        delivery_date, delivery_time, shipped_on = row[12:15]
        built.append(
            Shipment(
                order_number=number,
                carrier=parse_carrier(carrier) or CarrierCode.GENERIC,
                service=service,
                tracking_numbers=tuple(numbers[order_id]),
                ship_date=day or shipped_on,
                ship_to=ShipTo(postal, pref, city, a1, a2, name, phone),
                email=email,
                delivery_date=delivery_date,
                delivery_time=delivery_time,
                items=tuple(lines[order_id]),
            )
        )
    return built
