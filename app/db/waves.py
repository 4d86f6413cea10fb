"""What waves read and write: the orders a wave may take, the wave and its orders' slots."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import ConcurrentChange
from app.core.orders import OrderStatus
from app.core.waves import WaveCandidate, WaveStatus
from app.db.models import Order, OrderLine, table, utcnow
from app.db.sql import among
from app.db.wave_models import Wave, WaveOrder

# Keeps each IN (...) list well inside SQLite's and PostgreSQL's parameter limits.
_CHUNK = 500
_CANDIDATE = (Order.id, Order.number, Order.status, Order.carrier, Order.order_date)


class WaveRow(NamedTuple):
    """A wave as stored."""

    id: int
    number: str
    status: str
    carrier: str | None


class SlotRow(NamedTuple):
    """One order of a wave, in slot order."""

    id: int
    number: str
    status: str
    customer_name: str
    order_date: dt.datetime
    position: int


def oldest_allocated(
    session: Session, carrier: str | None, limit: int | None
) -> list[WaveCandidate]:
    """The allocated orders (of `carrier`, when given), oldest first, the first `limit`."""
    query = select(*_CANDIDATE).where(Order.status == OrderStatus.ALLOCATED)
    if carrier is not None:
        query = query.where(Order.carrier == carrier)
    query = query.order_by(Order.order_date, Order.number)
    if limit is not None:
        query = query.limit(limit)
    return [WaveCandidate(*row) for row in session.execute(query)]


def candidates_by_number(session: Session, numbers: Sequence[str]) -> dict[str, WaveCandidate]:
    """The orders of `numbers` that exist, by number, each with the open wave holding it."""
    found: dict[str, WaveCandidate] = {}
    for start in range(0, len(numbers), _CHUNK):
        query = (
            select(*_CANDIDATE, Wave.number)
            .outerjoin(WaveOrder, (WaveOrder.order_id == Order.id) & WaveOrder.held.is_(True))
            .outerjoin(Wave, Wave.id == WaveOrder.wave_id)
            .where(among(session, Order.number, list(numbers[start : start + _CHUNK])))
        )
        found.update((row[1], WaveCandidate(*row)) for row in session.execute(query))
    return found


def last_wave_number(session: Session) -> str | None:
    """The highest wave number so far (they are zero-padded, so the text sorts as the number)."""
    return session.scalar(select(func.max(Wave.number)))


def add_wave(
    session: Session,
    number: str,
    carrier: str | None,
    created_by: int | None,
    orders: Sequence[int],
) -> int:
    """A new open wave holding `orders` (slot 1 the first), each made `picking`; its id.

    Refused as a concurrent change when another wave took the number or one of
    the orders first: each order must still be allocated as it is taken.
    """
    try:
        wave_id = session.scalars(
            insert(Wave)
            .values(number=number, status=WaveStatus.OPEN, carrier=carrier, created_by=created_by)
            .returning(Wave.id)
        ).one()
        now = utcnow()
        taken = 0
        for start in range(0, len(orders), _CHUNK):
            chunk = list(orders[start : start + _CHUNK])
            result = session.execute(
                update(Order)
                .where(among(session, Order.id, chunk), Order.status == OrderStatus.ALLOCATED)
                .values(status=OrderStatus.PICKING, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            taken += result.rowcount  # type: ignore[attr-defined]
        if taken != len(orders):
            raise ConcurrentChange("another wave took some of these orders a moment ago")
        session.execute(
            insert(table(WaveOrder)),
            [
                {"wave_id": wave_id, "order_id": order_id, "position": n, "held": True}
                for n, order_id in enumerate(orders, start=1)
            ],
        )
    except IntegrityError as exc:
        raise ConcurrentChange("another wave was created a moment ago") from exc
    return wave_id


def wave_by_number(session: Session, number: str) -> WaveRow | None:
    """The wave of that number, or None."""
    query = select(Wave.id, Wave.number, Wave.status, Wave.carrier).where(Wave.number == number)
    row = session.execute(query).one_or_none()
    return WaveRow(*row) if row is not None else None


def wave_slots(session: Session, wave_id: int) -> list[SlotRow]:
    """The wave's orders in slot order."""
    query = (
        select(
            Order.id,
            Order.number,
            Order.status,
            Order.customer_name,
            Order.order_date,
            WaveOrder.position,
        )
        .join(WaveOrder, WaveOrder.order_id == Order.id)
        .where(WaveOrder.wave_id == wave_id)
        .order_by(WaveOrder.position)
    )
    return [SlotRow(*row) for row in session.execute(query)]


def wave_size(session: Session, order_ids: Sequence[int]) -> tuple[int, int]:
    """The order lines and units of these orders."""
    lines = units = 0
    for start in range(0, len(order_ids), _CHUNK):
        query = select(func.count(), func.coalesce(func.sum(OrderLine.qty), 0)).where(
            among(session, OrderLine.order_id, list(order_ids[start : start + _CHUNK]))
        )
        count, qty = session.execute(query).one()
        lines, units = lines + int(count), units + int(qty)
    return lines, units


def release_wave(session: Session, wave_id: int) -> int:
    """Mark the wave released and its orders still `picking` allocated again; how many.

    Refused as a concurrent change when the wave is no longer open.
    """
    now = utcnow()
    released = session.execute(
        update(Wave)
        .where(Wave.id == wave_id, Wave.status == WaveStatus.OPEN)
        .values(status=WaveStatus.RELEASED)
        .execution_options(synchronize_session=False)
    )
    if released.rowcount != 1:  # type: ignore[attr-defined]
        raise ConcurrentChange("the wave was released a moment ago")
    held = select(WaveOrder.order_id).where(WaveOrder.wave_id == wave_id)
    back = session.execute(
        update(Order)
        .where(Order.id.in_(held), Order.status == OrderStatus.PICKING)
        .values(status=OrderStatus.ALLOCATED, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(WaveOrder)
        .where(WaveOrder.wave_id == wave_id)
        .values(held=None)
        .execution_options(synchronize_session=False)
    )
    return int(back.rowcount)  # type: ignore[attr-defined]
