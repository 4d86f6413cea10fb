"""What the paper documents print: a wave's reservations bin by bin, and one order's slip."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.orders import OrderStatus
from app.db.models import Location, Lot, Order, OrderLine, Product, Reservation, StockBalance

# Keeps each IN (...) list well inside SQLite's and PostgreSQL's parameter limits.
_CHUNK = 500


class WaveOrder(NamedTuple):
    """An order of a pick wave, as its order list shows it."""

    id: int
    number: str
    status: str
    customer_name: str
    order_date: dt.datetime


class PickRow(NamedTuple):
    """Units of one reservation: which bin and lot to take them from, for which order."""

    location: str
    walk_seq: int
    sku: str
    name: str
    variant: str
    lot_code: str
    expiry: dt.date | None
    order_number: str
    qty: int


class SlipLine(NamedTuple):
    """One order line as the packing slip lists it."""

    sku: str
    name: str
    variant: str
    qty: int


def oldest_allocated_orders(session: Session, limit: int | None) -> list[WaveOrder]:
    """The `allocated` orders, oldest first (all of them, or the first `limit`)."""
    query = (
        select(Order.id, Order.number, Order.status, Order.customer_name, Order.order_date)
        .where(Order.status == OrderStatus.ALLOCATED)
        .order_by(Order.order_date, Order.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return [WaveOrder(*row) for row in session.execute(query)]


def orders_by_number(session: Session, numbers: Sequence[str]) -> dict[str, WaveOrder]:
    """The orders of `numbers` that exist, by number."""
    found: dict[str, WaveOrder] = {}
    for start in range(0, len(numbers), _CHUNK):
        query = select(
            Order.id, Order.number, Order.status, Order.customer_name, Order.order_date
        ).where(Order.number.in_(numbers[start : start + _CHUNK]))
        found.update((row.number, WaveOrder(*row)) for row in session.execute(query))
    return found


_PICK_COLUMNS = (
    Location.code,
    Location.walk_seq,
    Product.sku,
    Product.name,
    Product.variant,
    Lot.lot_code,
    Lot.expiry,
    Order.number,
)


def pick_rows(session: Session, order_ids: Sequence[int]) -> list[PickRow]:
    """Every reservation of the orders, in the order the picker walks the bins."""
    rows: list[PickRow] = []
    for start in range(0, len(order_ids), _CHUNK):
        query = (
            select(*_PICK_COLUMNS, func.sum(Reservation.qty))
            .join(OrderLine, OrderLine.id == Reservation.order_line_id)
            .join(Order, Order.id == OrderLine.order_id)
            .join(Product, Product.id == OrderLine.product_id)
            .join(StockBalance, StockBalance.id == Reservation.balance_id)
            .join(Location, Location.id == StockBalance.location_id)
            .join(Lot, Lot.id == StockBalance.lot_id)
            .where(Order.id.in_(order_ids[start : start + _CHUNK]))
            .group_by(*_PICK_COLUMNS, Order.order_date, Order.id)
        )
        rows.extend(PickRow(*row) for row in session.execute(query))
    # Sorted here, not in SQL, because the wave may have been read in chunks.
    rows.sort(key=lambda r: (r.walk_seq, r.location, r.sku, r.lot_code, r.expiry or dt.date.max))
    return rows


def slip_order(session: Session, number: str) -> Order | None:
    """The order a packing slip or message card is printed for, or None."""
    return session.scalars(select(Order).where(Order.number == number)).one_or_none()


def slip_lines(session: Session, order_id: int) -> list[SlipLine]:
    """An order's lines in line order, with what the slip names them."""
    query = (
        select(Product.sku, Product.name, Product.variant, OrderLine.qty)
        .join(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id == order_id)
        .order_by(OrderLine.line_no)
    )
    return [SlipLine(*row) for row in session.execute(query)]
