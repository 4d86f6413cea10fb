"""Tracking-number blocks and parcels as stored: registering, issuing, attaching.

Issuing is one UPDATE that moves a block's `next_body` on by one and returns
it; the database's row lock makes two stations wait for each other instead of
reading the same value. On PostgreSQL a station that waited re-checks the row
after the other committed; when that took the block's last number the UPDATE
touches nothing and the next block is tried. On SQLite every write
transaction already holds the database's write lock (`BEGIN IMMEDIATE`).
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from app.core.carriers import CarrierCode
from app.core.orders import OrderStatus
from app.core.statuses import ParcelStatus
from app.core.tracking import (
    OutOfTrackingNumbers,
    ParcelSource,
    Rules,
    TrackingNumber,
    with_check_digit,
)
from app.db.models import Order, table
from app.db.shipping_models import Parcel, TrackingBlock
from app.db.sql import core

# Another station emptying the block we picked is retried; this many times at
# most, far more than stations that could take a block's last numbers at once.
_ISSUE_ATTEMPTS = 1_000
_BLOCKS = table(TrackingBlock)


@dataclass(frozen=True, slots=True)
class Block:
    """A registered block: its bodies without check digit, and how many are left."""

    carrier: str
    first: str
    last: str
    left: int
    created_at: dt.datetime


def lock_blocks(session: Session) -> None:
    """Hold the block register until the transaction ends (PostgreSQL).

    Two `add-range` commands at once could both find no overlap; on SQLite the
    write lock already keeps them apart.
    """
    if session.get_bind().dialect.name == "postgresql":
        key = zlib.crc32(b"kenpin.tracking_blocks")
        session.execute(select(func.pg_advisory_xact_lock(key)))


def overlapping_block(session: Session, first: int, last: int, digits: int) -> Block | None:
    """The oldest block of any carrier sharing a number with first..last, or None.

    Across carriers too: a parcel's tracking number is unique whatever its
    carrier, and the mod-7 carriers turn the same body into the same number.
    """
    row = session.scalars(
        select(TrackingBlock)
        .where(
            TrackingBlock.digits == digits,
            TrackingBlock.first_body <= last,
            TrackingBlock.last_body >= first,
        )
        .order_by(TrackingBlock.id)
        .limit(1)
    ).first()
    return _block(row) if row else None


def add_block(session: Session, carrier: CarrierCode, first: int, last: int, digits: int) -> None:
    """Register first..last (bodies of `digits` digits) as the carrier's newest block."""
    session.add(
        TrackingBlock(
            carrier=carrier.value, first_body=first, last_body=last, next_body=first, digits=digits
        )
    )
    session.flush()


def blocks(session: Session, carrier: CarrierCode) -> list[Block]:
    """The carrier's blocks, oldest first."""
    rows = session.scalars(
        select(TrackingBlock)
        .where(TrackingBlock.carrier == carrier.value)
        .order_by(TrackingBlock.id)
    )
    return [_block(row) for row in rows]


# Built once: a completing pack asks these (a statement built per call costs more than it runs).
_NUMBERS_LEFT = select(
    func.coalesce(func.sum(_BLOCKS.c.last_body - _BLOCKS.c.next_body + 1), 0)
).where(_BLOCKS.c.carrier == bindparam("carrier"))
_OLDEST_WITH_NUMBERS = (
    select(_BLOCKS.c.id)
    .where(_BLOCKS.c.carrier == bindparam("of_carrier"), _BLOCKS.c.next_body <= _BLOCKS.c.last_body)
    .order_by(_BLOCKS.c.id)
    .limit(1)
    .scalar_subquery()
)
_TAKE_NUMBER = (
    update(_BLOCKS)
    .where(_BLOCKS.c.id == _OLDEST_WITH_NUMBERS, _BLOCKS.c.next_body <= _BLOCKS.c.last_body)
    .values(next_body=_BLOCKS.c.next_body + 1)
    .returning(_BLOCKS.c.next_body, _BLOCKS.c.digits)
)


def numbers_left(session: Session, carrier: CarrierCode) -> int:
    """How many numbers the carrier's blocks still hold; check it before completing a pack."""
    left = core(session).scalar(_NUMBERS_LEFT, {"carrier": carrier.value})
    return int(left or 0)


def issue_number(
    session: Session, carrier: CarrierCode, rules: Rules | None = None
) -> TrackingNumber:
    """The next number of the carrier's oldest block with numbers left, in the caller's transaction.

    Never the same number twice, also with several stations at once; raises
    OutOfTrackingNumbers when no block has a number left.
    """
    for _attempt in range(_ISSUE_ATTEMPTS):
        row = core(session).execute(_TAKE_NUMBER, {"of_carrier": carrier.value}).first()
        if row is not None:
            body = str(row.next_body - 1).zfill(row.digits)
            return with_check_digit(carrier, body, rules)
        if numbers_left(session, carrier) == 0:
            break
    raise OutOfTrackingNumbers(carrier)


@dataclass(frozen=True, slots=True)
class OrderForLabel:
    """What attaching a number needs of an order."""

    id: int
    number: str
    status: OrderStatus
    carrier: str
    service: str


_ORDER_FOR_LABEL = (table(Order).c.id, Order.number, Order.status, Order.carrier, Order.service)
_ORDER_BY_NUMBER = select(*_ORDER_FOR_LABEL).where(Order.number == bindparam("number"))


def order_by_number(session: Session, number: str) -> OrderForLabel | None:
    """The order with this number, or None."""
    row = core(session).execute(_ORDER_BY_NUMBER, {"number": number}).first()
    return OrderForLabel(*row) if row else None


def orders_by_number(session: Session, numbers: set[str]) -> dict[str, OrderForLabel]:
    """The orders with these numbers, by number (unknown numbers are left out)."""
    rows = session.execute(select(*_ORDER_FOR_LABEL).where(Order.number.in_(numbers)))
    return {row.number: OrderForLabel(*row) for row in rows}


def parcel_orders(session: Session, numbers: set[str]) -> dict[str, str]:
    """For each of these tracking numbers already on a parcel: the order number it is on."""
    rows = session.execute(
        select(Parcel.tracking_number, Order.number)
        .join(Order, Order.id == Parcel.order_id)
        .where(Parcel.tracking_number.in_(numbers))
    )
    return {tracking: order for tracking, order in rows}


def next_carton_no(session: Session, order_id: int) -> int:
    """The carton number after the order's highest live parcel (1 for an order without any)."""
    highest = session.scalar(
        select(func.max(Parcel.carton_no)).where(
            Parcel.order_id == order_id, Parcel.status != ParcelStatus.VOIDED
        )
    )
    return int(highest or 0) + 1


def add_parcel(
    session: Session,
    order: OrderForLabel,
    carton_no: int,
    number: TrackingNumber,
    *,
    source: ParcelSource = ParcelSource.ISSUED,
) -> int:
    """Record a labelled parcel of `order` under `number`; its id."""
    parcel_id = core(session).scalar(
        _ADD_PARCEL,
        {
            "order_id": order.id,
            "carton_no": carton_no,
            "carrier": number.carrier.value,
            "service": order.service,
            "tracking_number": number.digits,
            "status": ParcelStatus.LABELLED,
            "source": source,
        },
    )
    assert parcel_id is not None
    return int(parcel_id)


_ADD_PARCEL = insert(table(Parcel)).returning(table(Parcel).c.id)


def _block(row: TrackingBlock) -> Block:
    return Block(
        carrier=row.carrier,
        first=str(row.first_body).zfill(row.digits),
        last=str(row.last_body).zfill(row.digits),
        left=row.last_body - row.next_body + 1,
        created_at=row.created_at,
    )
