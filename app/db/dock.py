"""The dock: parcels loaded onto their carrier's truck, and the truck a dock station loads.

A carrier's open manifest holds its verified parcels that left on no closed
manifest yet (`parcels.manifest_id` empty; see `app.db.dispatch_models`);
loading stamps one of them with when, by whom and at which station.
Loading is guarded by the row itself (`loaded_at` empty), so two stations
scanning one parcel at once load it once.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import and_, bindparam, func, select, update

from app.core.dock.rules import DockParcel
from app.core.errors import ConcurrentChange
from app.core.statuses import ParcelStatus
from app.db.models import Order, Station, table
from app.db.shipping_models import Parcel
from app.db.sql import core
from app.db.station_models import StationState

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

_PARCELS = table(Parcel).c
_STATES = table(StationState).c
_DOCK_PARCEL = (
    select(
        Parcel.id,
        Parcel.order_id,
        Parcel.tracking_number,
        Order.number,
        Parcel.carrier,
        Parcel.status,
        Station.name,
        Parcel.manifest_id,
    )
    .join(Order, Order.id == Parcel.order_id)
    .outerjoin(Station, Station.id == Parcel.loaded_station_id)
)
_BY_TRACKING = _DOCK_PARCEL.where(Parcel.tracking_number == bindparam("tracking"))
_LAST_LOADED = (
    _DOCK_PARCEL.where(
        Parcel.loaded_station_id == bindparam("station_id"),
        Parcel.manifest_id.is_(None),
        Parcel.loaded_at.is_not(None),
    )
    .order_by(Parcel.loaded_at.desc(), Parcel.id.desc())
    .limit(1)
)
_LOAD = (
    update(table(Parcel))
    .where(
        _PARCELS.id == bindparam("parcel"),
        _PARCELS.loaded_at.is_(None),
        _PARCELS.manifest_id.is_(None),
        _PARCELS.status == ParcelStatus.VERIFIED,
    )
    .values(
        loaded_at=bindparam("at"),
        loaded_by_id=bindparam("user"),
        loaded_station_id=bindparam("station"),
    )
)
_UNLOAD = (
    update(table(Parcel))
    .where(_PARCELS.id == bindparam("parcel"), _PARCELS.manifest_id.is_(None))
    .values(loaded_at=None, loaded_by_id=None, loaded_station_id=None)
)
_SET_TRUCK = (
    update(table(StationState))
    .where(_STATES.station_id == bindparam("station"))
    .values(dock_carrier=bindparam("carrier"))
)
#: The carrier's open manifest: verified parcels on no closed manifest (a partial index).
OPEN = and_(Parcel.status == ParcelStatus.VERIFIED, Parcel.manifest_id.is_(None))
_COUNTS = select(func.count(), func.count(Parcel.loaded_at)).where(
    OPEN, Parcel.carrier == bindparam("carrier")
)


def _parcel(row: tuple[object, ...] | None) -> DockParcel | None:
    if row is None:
        return None
    parcel_id, order_id, tracking, number, carrier, status, station, manifest = row
    return DockParcel(
        parcel_id=int(str(parcel_id)),
        order_id=int(str(order_id)),
        tracking=str(tracking),
        order_number=str(number),
        carrier=str(carrier),
        status=ParcelStatus(str(status)),
        loaded_at_station=str(station) if station is not None else None,
        shipped=manifest is not None,
    )


def dock_parcel(session: Session, tracking: str) -> DockParcel | None:
    """The parcel with this tracking number (normalised) as the dock sees it, or None."""
    return _parcel(core(session).execute(_BY_TRACKING, {"tracking": tracking}).first())


def last_loaded(session: Session, station_id: int) -> DockParcel | None:
    """The parcel this station loaded last that is still on its open manifest, or None."""
    return _parcel(core(session).execute(_LAST_LOADED, {"station_id": station_id}).first())


def load(session: Session, parcel_id: int, user_id: int, station_id: int, at: dt.datetime) -> None:
    """Stamp the parcel loaded; ConcurrentChange when another station loaded it meanwhile."""
    values = {"parcel": parcel_id, "at": at, "user": user_id, "station": station_id}
    if core(session).execute(_LOAD, values).rowcount != 1:
        raise ConcurrentChange(f"parcel {parcel_id} was loaded by another station meanwhile")


def unload(session: Session, parcel_id: int) -> None:
    """Take the parcel off the truck again (its manifest still open)."""
    core(session).execute(_UNLOAD, {"parcel": parcel_id})


def set_truck(session: Session, station_id: int, carrier: str | None) -> None:
    """The station loads `carrier`'s truck now (None: no truck)."""
    core(session).execute(_SET_TRUCK, {"station": station_id, "carrier": carrier})


def truck_counts(session: Session, carrier: str) -> tuple[int, int]:
    """(loaded, in all) of the carrier's open manifest."""
    total, loaded = core(session).execute(_COUNTS, {"carrier": carrier}).one()
    return int(loaded), int(total)
