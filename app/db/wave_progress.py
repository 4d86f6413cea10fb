"""What the supervisors' wave page reads: the waves being picked (and just done), who holds
each, its pick lines and what was taken for them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from app.core.scans import Reason
from app.core.waves import WaveStatus
from app.db.models import OrderLine, Reservation, Station, User
from app.db.pick_models import PickedUnit, PickSession
from app.db.station_models import Mismatch
from app.db.wave_models import Wave, WaveOrder


class WaveOnBoard(NamedTuple):
    """A wave as the page lists it."""

    id: int
    number: str
    status: str
    created_at: dt.datetime
    orders: int
    short_picks: int


class Picker(NamedTuple):
    """The last pick session of a wave: who, at which station, since and until when."""

    user: str
    station: str | None
    opened_at: dt.datetime
    closed_at: dt.datetime | None


class LineTaken(NamedTuple):
    """One pick line (a reservation) of a wave: units to take, taken, and missing (short)."""

    wave_id: int
    qty: int
    taken: int
    short: int


def waves_on_board(session: Session, done_since: dt.datetime) -> list[WaveOnBoard]:
    """The open waves and those whose pick ended after `done_since`, newest first, each
    with its orders and the short picks said in it."""
    ended = exists().where(
        PickSession.wave_id == Wave.id,
        PickSession.closed_at.is_not(None),
        PickSession.closed_at >= done_since,
    )
    orders = (
        select(func.count()).where(WaveOrder.wave_id == Wave.id).correlate(Wave).scalar_subquery()
    )
    # Every short pick said for the wave's orders since it was made, from the mismatch log:
    # one whose order was backordered left the wave's lines, not its count.
    shorts = (
        select(func.count())
        .select_from(Mismatch)
        .join(WaveOrder, WaveOrder.order_id == Mismatch.order_id)
        .where(
            WaveOrder.wave_id == Wave.id,
            Mismatch.reason == Reason.SHORT_PICK,
            Mismatch.at >= Wave.created_at,
        )
        .correlate(Wave)
        .scalar_subquery()
    )
    query = (
        select(Wave.id, Wave.number, Wave.status, Wave.created_at, orders, shorts)
        .where(or_(Wave.status == WaveStatus.OPEN, and_(Wave.status == WaveStatus.DONE, ended)))
        .order_by(Wave.number.desc())
    )
    return [WaveOnBoard(*row) for row in session.execute(query)]


def pickers(session: Session, wave_ids: Sequence[int]) -> dict[int, Picker]:
    """Each wave's latest pick session, with the picker's name and station."""
    query = (
        select(
            PickSession.wave_id,
            User.name,
            Station.name,
            PickSession.opened_at,
            PickSession.closed_at,
        )
        .join(User, User.id == PickSession.user_id)
        .outerjoin(Station, Station.id == PickSession.station_id)
        .where(PickSession.wave_id.in_(wave_ids))
        .order_by(PickSession.id)
    )
    # Later sessions overwrite earlier ones: a wave taken over shows who holds it now.
    return {row[0]: Picker(*row[1:]) for row in session.execute(query)}


def lines_taken(session: Session, wave_ids: Sequence[int]) -> list[LineTaken]:
    """Every pick line of the waves with the units taken and said short for it (undone
    units left out)."""
    counted = ~PickedUnit.undone
    taken = (
        select(
            PickedUnit.reservation_id.label("rid"),
            func.sum(case((PickedUnit.short, 0), else_=PickedUnit.units)).label("taken"),
            func.sum(case((PickedUnit.short, PickedUnit.units), else_=0)).label("short"),
        )
        .join(PickSession, PickSession.id == PickedUnit.pick_session_id)
        .where(PickSession.wave_id.in_(wave_ids), counted)
        .group_by(PickedUnit.reservation_id)
        .subquery()
    )
    query = (
        select(
            WaveOrder.wave_id,
            Reservation.qty,
            func.coalesce(taken.c.taken, 0),
            func.coalesce(taken.c.short, 0),
        )
        .join(OrderLine, OrderLine.order_id == WaveOrder.order_id)
        .join(Reservation, Reservation.order_line_id == OrderLine.id)
        .outerjoin(taken, taken.c.rid == Reservation.id)
        .where(WaveOrder.wave_id.in_(wave_ids))
    )
    return [LineTaken(*row) for row in session.execute(query)]
