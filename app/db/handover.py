"""The hand-over from picking to packing: the tote an order travels in, the cart at a pack
bench and its slots, and who picked an order.

A tote holds its order while the order is `picking`, `picked` or `packing`
(`ACTIVE`); once the order is packed, backordered or back to `allocated`, the
tote is free again without a write, so nothing has to remember to free it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, exists, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from app.core.errors import ConcurrentChange
from app.core.orders import OrderStatus
from app.core.statuses import PickStatus
from app.db.models import Order, OrderLine, User, table
from app.db.pick_models import PickedUnit, PickSession, Tote
from app.db.sql import core
from app.db.station_models import StationState
from app.db.wave_models import Wave, WaveOrder

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: The statuses in which an order keeps its tote: from picking until it is packed.
ACTIVE = (OrderStatus.PICKING, OrderStatus.PICKED, OrderStatus.PACKING)


@dataclass(frozen=True, slots=True)
class Picked:
    """Who picked an order (the picker holding its pick when it finished) and when."""

    by: str
    at: dt.datetime


_TOTES = table(Tote).c
_TOTE_HOLDER = (
    select(Order.number)
    .join(Tote, Tote.order_id == Order.id)
    .where(Tote.code == bindparam("tote"), Order.status.in_(ACTIVE))
)
_NEW_TOTE = {
    name: dialect.insert(table(Tote)).values(code=bindparam("tote")).on_conflict_do_nothing()
    for name, dialect in (("sqlite", sqlite), ("postgresql", postgresql))
}
_BUSY = exists().where(
    Order.id == _TOTES.order_id, Order.id != bindparam("order"), Order.status.in_(ACTIVE)
)
_TAKE_TOTE = (
    update(table(Tote))
    .where(_TOTES.code == bindparam("tote"), or_(_TOTES.order_id.is_(None), ~_BUSY))
    .values(order_id=bindparam("order"), taken_at=bindparam("at"))
)
_PICK_TOTE = update(table(PickSession)).where(table(PickSession).c.id == bindparam("pick_session"))


def tote_holder(session: Session, code: str) -> str | None:
    """The number of the order tote `code` holds now (the order a pack station opens when
    the tote is scanned), or None when it is free (or new)."""
    return core(session).execute(_TOTE_HOLDER, {"tote": code}).scalar()


def take_tote(
    session: Session, code: str, order_id: int, pick_session_id: int, at: dt.datetime
) -> None:
    """Tote `code` holds order `order_id` now, the tote of pick session `pick_session_id`.

    Made when first scanned. Refused as a concurrent change when another order took
    the tote since it was read (the scan is then decided again: `tote_in_use`).
    """
    connection = core(session)
    connection.execute(_NEW_TOTE[session.get_bind().dialect.name], {"tote": code})
    taken = connection.execute(_TAKE_TOTE, {"tote": code, "order": order_id, "at": at})
    if taken.rowcount != 1:
        raise ConcurrentChange(f"{code} was taken for another order a moment ago")
    connection.execute(_PICK_TOTE, {"pick_session": pick_session_id, "tote": code})


def cart_at(session: Session, station_id: int) -> tuple[int, str] | None:
    """The cart at a pack station's bench: its wave's (id, number), or None."""
    row = session.execute(
        select(Wave.id, Wave.number)
        .join(StationState, StationState.cart_wave_id == Wave.id)
        .where(StationState.station_id == station_id)
    ).one_or_none()
    return (row[0], row[1]) if row is not None else None


def set_cart(session: Session, station_id: int, wave_id: int) -> None:
    """The cart of wave `wave_id` is at the station's bench now."""
    session.execute(
        update(StationState)
        .where(StationState.station_id == station_id)
        .values(cart_wave_id=wave_id)
    )


def order_in_slot(session: Session, wave_id: int, slot: int) -> str | None:
    """The order in slot `slot` of the cart of wave `wave_id` (whatever its status: the
    pack rules say why a packed or backordered one is not packed), or None."""
    return session.scalar(
        select(Order.number)
        .join(WaveOrder, WaveOrder.order_id == Order.id)
        .where(WaveOrder.wave_id == wave_id, WaveOrder.position == slot)
    )


def picked_by(session: Session, order_id: int) -> Picked | None:
    """Who picked the order's reserved units by scan, and when the pick finished; None when
    they were not picked by scan (packed straight from `allocated`)."""
    row = session.execute(
        select(User.name, PickSession.closed_at)
        .join(PickSession, PickSession.user_id == User.id)
        .join(PickedUnit, PickedUnit.pick_session_id == PickSession.id)
        .join(OrderLine, OrderLine.id == PickedUnit.order_line_id)
        .where(
            OrderLine.order_id == order_id,
            PickSession.status == PickStatus.DONE,
            PickedUnit.undone.is_(False),
            PickedUnit.short.is_(False),
        )
        .order_by(PickSession.closed_at.desc())
        .limit(1)
    ).one_or_none()
    if row is None or row[1] is None:
        return None
    at = row[1]
    return Picked(row[0], at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC))
