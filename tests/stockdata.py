"""Small warehouse set-ups for tests: products, bins, lots, stock and orders.

Rows are written with the models and the stock ledger directly, inside the
caller's transaction, so tests do not depend on the CSV importer.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import stock
from app.db.database import Database
from app.db.models import Order, OrderLine, Product, Reservation, StockBalance

FIRST_ORDER_AT = dt.datetime(2026, 4, 1, 9, 0, tzinfo=dt.UTC)


def add_product(
    session: Session, sku: str, *, min_shelf_life_days: int = 0, expiry_tracked: bool = False
) -> int:
    """A product named after its SKU; returns its id."""
    product = Product(
        sku=sku,
        name=f"item {sku}",
        lot_tracked=expiry_tracked,
        expiry_tracked=expiry_tracked,
        min_shelf_life_days=min_shelf_life_days,
    )
    session.add(product)
    session.flush()
    return product.id


def receive(
    session: Session,
    product_id: int,
    bin_code: str,
    qty: int,
    *,
    lot: str = "",
    expiry: dt.date | None = None,
    walk_seq: int | None = None,
) -> int:
    """Put `qty` units into a bin (and lot) through the ledger; returns the balance id."""
    balance = stock.balance_id(
        session,
        product_id,
        stock.location_id(session, bin_code, walk_seq),
        stock.lot_id(session, product_id, lot, expiry),
    )
    stock.post(
        session, [stock.Move(balance, on_hand_delta=qty, reason="receipt", reference=bin_code)]
    )
    return balance


def add_order(
    session: Session,
    number: str,
    lines: list[tuple[int, int]],
    *,
    minutes: int = 0,
    status: str = "new",
) -> int:
    """An order of (product id, qty) lines placed `minutes` after the first order; its id."""
    order = Order(
        number=number,
        source="generic",
        status=status,
        order_date=FIRST_ORDER_AT + dt.timedelta(minutes=minutes),
        customer_name=f"customer {number}",
        carrier="yamato",
        content_hash=f"test-{number}",
    )
    session.add(order)
    session.flush()
    for line_no, (product_id, qty) in enumerate(lines, start=1):
        session.add(OrderLine(order_id=order.id, line_no=line_no, product_id=product_id, qty=qty))
    session.flush()
    return order.id


def order_state(db: Database, number: str) -> tuple[str, str, list[int]]:
    """An order's status, short lines and each line's allocated units, as stored."""
    with db.read() as s:
        order = s.scalars(select(Order).where(Order.number == number)).one()
        return order.status, order.short_lines, [line.allocated for line in order.lines]


def reserved(db: Database, balance_id: int) -> tuple[int, int]:
    """A balance's (on hand, reserved) units."""
    with db.read() as s:
        balance = s.get_one(StockBalance, balance_id)
        return balance.on_hand, balance.reserved


def reservations_of(db: Database, number: str) -> list[tuple[int, int]]:
    """(balance id, qty) of every reservation an order holds, line by line."""
    with db.read() as s:
        rows = s.execute(
            select(Reservation.balance_id, Reservation.qty)
            .join(OrderLine, OrderLine.id == Reservation.order_line_id)
            .join(Order, Order.id == OrderLine.order_id)
            .where(Order.number == number)
            .order_by(OrderLine.line_no, Reservation.id)
        )
        return [(bid, qty) for bid, qty in rows]
