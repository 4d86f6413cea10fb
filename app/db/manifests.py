"""The carriers' manifests: the open one's parcels, closing it, and a closed one read again.

A carrier's open manifest for day D holds its verified parcels on no closed
manifest that were loaded at the dock, or verified before D ended (Japan
time): those not loaded are the ones a supervisor leaves behind. Closing
writes the `manifests` row, stamps the loaded parcels with it (left-behind
ones keep none, so they join the next manifest), and ships every order whose
live parcels have all left.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import and_, bindparam, exists, func, insert, or_, select, update
from sqlalchemy.orm import aliased

from app.core.orders import OrderStatus
from app.core.statuses import ParcelStatus
from app.db.dispatch_models import Manifest
from app.db.dock import OPEN
from app.db.models import Order, User, table
from app.db.shipping_models import Parcel
from app.db.sql import core
from app.db.station_models import StationState

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class ManifestParcel:
    """One parcel of a manifest: its order, tracking number, carton and whether it is loaded."""

    parcel_id: int
    order_number: str
    tracking: str
    carton_no: int
    loaded: bool


@dataclass(frozen=True, slots=True)
class ClosedManifest:
    """A closed manifest as stored."""

    id: int
    carrier: str
    ship_date: dt.date
    parcels: int
    left_behind: int
    closed_at: dt.datetime
    closed_by: str
    left_by: str
    station: str


_LISTED = (
    Parcel.id,
    Order.number,
    Parcel.tracking_number,
    Parcel.carton_no,
    Parcel.loaded_at.is_not(None),
)
_OPEN_PARCELS = (
    select(*_LISTED)
    .join(Order, Order.id == Parcel.order_id)
    .where(
        OPEN,
        Parcel.carrier == bindparam("carrier"),
        or_(Parcel.loaded_at.is_not(None), Parcel.verified_at < bindparam("until")),
    )
    .order_by(Order.number, Parcel.carton_no)
)
_MANIFEST_PARCELS = (
    select(*_LISTED)
    .join(Order, Order.id == Parcel.order_id)
    .where(Parcel.manifest_id == bindparam("manifest"))
    .order_by(Order.number, Parcel.carton_no)
)
_CLOSER, _LEAVER = aliased(User), aliased(User)
_CLOSED = (
    select(
        Manifest.id,
        Manifest.carrier,
        Manifest.ship_date,
        Manifest.parcels,
        Manifest.left_behind,
        Manifest.closed_at,
        func.coalesce(_CLOSER.name, ""),
        func.coalesce(_LEAVER.name, ""),
        Manifest.station,
    )
    .outerjoin(_CLOSER, _CLOSER.id == Manifest.closed_by_id)
    .outerjoin(_LEAVER, _LEAVER.id == Manifest.left_by_id)
    .where(Manifest.carrier == bindparam("carrier"), Manifest.ship_date == bindparam("day"))
)
_PARCELS = table(Parcel).c
_ORDERS = table(Order).c
_STAMP = (
    update(table(Parcel))
    .where(
        _PARCELS.carrier == bindparam("of_carrier"),
        _PARCELS.status == ParcelStatus.VERIFIED,
        _PARCELS.manifest_id.is_(None),
        _PARCELS.loaded_at.is_not(None),
    )
    .values(manifest_id=bindparam("to_manifest"))
)
_LIVE_LEFT = aliased(Parcel)
_SHIP = (
    update(table(Order))
    .where(
        # The manifest's orders, found through its parcels (not every verified order's
        # parcels searched for the manifest).
        _ORDERS.id.in_(select(Parcel.order_id).where(Parcel.manifest_id == bindparam("manifest"))),
        _ORDERS.status == OrderStatus.VERIFIED,
        ~exists().where(
            and_(
                _LIVE_LEFT.order_id == _ORDERS.id,
                _LIVE_LEFT.status != ParcelStatus.VOIDED,
                _LIVE_LEFT.manifest_id.is_(None),
            )
        ),
    )
    .values(
        status=OrderStatus.SHIPPED, shipped_on=bindparam("day"), updated_at=bindparam("at_time")
    )
)
_COUNTED = (
    update(table(Manifest))
    .where(table(Manifest).c.id == bindparam("manifest"))
    .values(parcels=bindparam("stamped"))
)
_TRUCK_GONE = (
    update(table(StationState))
    .where(table(StationState).c.dock_carrier == bindparam("of_carrier"))
    .values(dock_carrier=None)
)


def open_parcels(session: Session, carrier: str, until: dt.datetime) -> list[ManifestParcel]:
    """The carrier's open manifest as of `until` (the end of its day): loaded parcels, and
    those verified before `until`, by order number."""
    rows = core(session).execute(_OPEN_PARCELS, {"carrier": carrier, "until": until})
    return [ManifestParcel(*row) for row in rows]


def manifest_parcels(session: Session, manifest_id: int) -> list[ManifestParcel]:
    """The parcels that left on a closed manifest, by order number."""
    rows = core(session).execute(_MANIFEST_PARCELS, {"manifest": manifest_id})
    return [ManifestParcel(*row) for row in rows]


def closed_manifest(session: Session, carrier: str, day: dt.date) -> ClosedManifest | None:
    """The carrier's manifest of `day` if it was closed, else None."""
    row = core(session).execute(_CLOSED, {"carrier": carrier, "day": day}).first()
    return ClosedManifest(*row) if row else None


@dataclass(frozen=True, slots=True)
class Closing:
    """A manifest to close: the carrier and day, how many parcels stay behind, and who."""

    carrier: str
    day: dt.date
    left_behind: int
    at: dt.datetime
    closed_by: int | None
    left_by: int | None
    station: str


def close(session: Session, closing: Closing) -> tuple[int, int]:
    """Close the manifest: its row written, the loaded parcels stamped with it, their orders
    shipped once all their live parcels have left, the carrier's trucks at the docks done.
    (The manifest's id, orders shipped.) The parcels stamped are those loaded when it
    closes, a parcel loaded a moment ago included."""
    manifest = (
        core(session)
        .execute(
            insert(table(Manifest)).returning(table(Manifest).c.id),
            {
                "carrier": closing.carrier,
                "ship_date": closing.day,
                "parcels": 0,
                "left_behind": closing.left_behind,
                "closed_at": closing.at,
                "closed_by_id": closing.closed_by,
                "left_by_id": closing.left_by,
                "station": closing.station,
            },
        )
        .scalar_one()
    )
    c = core(session)
    stamped = c.execute(_STAMP, {"of_carrier": closing.carrier, "to_manifest": manifest}).rowcount
    c.execute(_COUNTED, {"manifest": manifest, "stamped": stamped})
    shipped = c.execute(_SHIP, {"manifest": manifest, "day": closing.day, "at_time": closing.at})
    c.execute(_TRUCK_GONE, {"of_carrier": closing.carrier})
    return int(manifest), int(shipped.rowcount)
