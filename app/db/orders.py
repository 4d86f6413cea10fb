"""Order queries shared by the command line and the reports."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Order, OrderLine, Product
from app.db.shipping_models import Parcel


def order_listing(session: Session, status: str | None = None) -> list[dict[str, Any]]:
    """Orders as `kenpin orders list --json` prints them, oldest first."""
    query = select(Order.id, Order.number, Order.status, Order.carrier).order_by(
        Order.order_date, Order.id
    )
    if status:
        query = query.where(Order.status == status)
    orders = session.execute(query).all()
    lines: dict[int, list[dict[str, Any]]] = defaultdict(list)
    line_query = (
        select(
            OrderLine.order_id, Product.sku, OrderLine.qty, OrderLine.allocated, OrderLine.packed
        )
        .join(Product, Product.id == OrderLine.product_id)
        .order_by(OrderLine.order_id, OrderLine.line_no)
    )
    if status:
        line_query = line_query.join(Order, Order.id == OrderLine.order_id).where(
            Order.status == status
        )
    for order_id, sku, qty, allocated, packed in session.execute(line_query):
        lines[order_id].append({"sku": sku, "qty": qty, "allocated": allocated, "packed": packed})
    parcels: dict[int, list[dict[str, Any]]] = defaultdict(list)
    parcel_query = select(Parcel.order_id, Parcel.tracking_number, Parcel.status).order_by(
        Parcel.order_id, Parcel.carton_no, Parcel.id
    )
    if status:
        parcel_query = parcel_query.join(Order, Order.id == Parcel.order_id).where(
            Order.status == status
        )
    for order_id, tracking, parcel_status in session.execute(parcel_query):
        parcels[order_id].append({"tracking": tracking, "status": parcel_status})
    return [
        {
            "number": number,
            "status": st,
            "carrier": carrier,
            "lines": lines.get(oid, []),
            "parcels": parcels.get(oid, []),
        }
        for oid, number, st, carrier in orders
    ]
