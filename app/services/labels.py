"""An order's current shipping label, rendered as ZPL or PDF (`kenpin label render`)."""

from __future__ import annotations

from pathlib import Path

from app.core.errors import EnvironmentFailure, Refused
from app.core.label import ShipTo, build_label
from app.db import labels as store
from app.db.database import Database
from app.labels.render import render_label
from app.services.documents import ship_from_environment


def order_label(db: Database, number: str, fmt: str, dpi: int = 203) -> bytes:
    """The label of the order's newest live parcel, as `fmt` (zpl or pdf) at `dpi`."""
    with db.read() as session:
        found = store.order_with_parcels(session, number)
    if found is None:
        raise Refused(f"no such order: {number}")
    order, parcels = found
    if not parcels:
        raise Refused(
            f"order {number} has no shipping label yet: it gets one when its pack is completed "
            "or a carrier's number is attached (kenpin carriers import)"
        )
    parcel = parcels[-1]
    content = build_label(
        order_number=order.number,
        ship_to=ShipTo(
            postal_code=order.postal_code,
            prefecture=order.prefecture,
            city=order.city,
            address1=order.address1,
            address2=order.address2,
            name=order.customer_name,
            phone=order.phone,
        ),
        ship_from=ship_from_environment(),
        carrier=parcel.carrier,
        service=parcel.service or order.service,
        tracking_number=parcel.tracking_number,
        delivery_date=order.delivery_date,
        delivery_time=order.delivery_time,
        parcel_no=len(parcels),
        parcel_count=len(parcels),
        gift=bool(order.gift_message),
    )
    return render_label(content, fmt, dpi)


def write_order_label(db: Database, number: str, fmt: str, out: Path, dpi: int = 203) -> str:
    """Write the order's current label to `out`; a one-line summary."""
    data = order_label(db, number, fmt, dpi)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise EnvironmentFailure(f"{out}: cannot write the label: {exc.strerror}") from exc
    return f"label of {number} written to {out} ({fmt}, {len(data):,} bytes)"
