"""What an order's shipping label is made from: the order and its live parcels."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Order
from app.db.shipping_models import VOIDED, Parcel


@dataclass(frozen=True, slots=True)
class LiveParcel:
    """A parcel of the order whose label has not been voided."""

    carton_no: int
    tracking_number: str
    carrier: str
    service: str
    status: str


def order_with_parcels(session: Session, number: str) -> tuple[Order, list[LiveParcel]] | None:
    """The order with this number and its live parcels by carton, or None for no such order."""
    order = session.scalar(select(Order).where(Order.number == number))
    if order is None:
        return None
    rows = session.execute(
        select(
            Parcel.carton_no, Parcel.tracking_number, Parcel.carrier, Parcel.service, Parcel.status
        )
        .where(Parcel.order_id == order.id, Parcel.status != VOIDED)
        .order_by(Parcel.carton_no)
    )
    return order, [LiveParcel(*row) for row in rows]
