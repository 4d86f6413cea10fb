"""Queries behind the station's order queue: keyset pages, one order's details, counts.

Pages never use OFFSET and never count the whole table. Browsing (no search)
walks orders newest first by id, `WHERE id < :last` on the primary key or on
`ix_orders_status_id` (status, id) when a status is picked. A search walks the
unique index on `number` in number order with a prefix range
`number >= :p AND number < :p_next`, which both SQLite (binary collation) and
PostgreSQL (the column is `COLLATE "C"`, whatever the database's own collation)
answer from the index, in code-point order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.core.orders import OrderStatus
from app.db.models import Location, Lot, Order, OrderLine, Product, Reservation, StockBalance
from app.db.sql import among


@dataclass(frozen=True, slots=True)
class QueueCursor:
    """Where the next page starts: just after this order."""

    order_id: int
    number: str


@dataclass(frozen=True, slots=True)
class OrderRow:
    """One order as a row of the queue."""

    id: int
    number: str
    order_date: dt.datetime
    status: str
    carrier: str
    service: str
    lines: int
    units: int
    customer_name: str
    prefecture: str

    @property
    def cursor(self) -> QueueCursor:
        """The cursor of the page that follows this row."""
        return QueueCursor(self.id, self.number)


@dataclass(frozen=True, slots=True)
class ReservedStock:
    """Units of an order line set aside in one bin and lot."""

    location: str
    lot_code: str
    expiry: dt.date | None
    qty: int


@dataclass(frozen=True, slots=True)
class OrderLineDetails:
    """One line of an order with its allocation and where its units are reserved."""

    line_no: int
    sku: str
    name: str
    variant: str
    qty: int
    allocated: int
    packed: int
    reserved: tuple[ReservedStock, ...]


@dataclass(frozen=True, slots=True)
class OrderDetails:
    """Everything the details pane shows about one order."""

    id: int
    number: str
    status: str
    order_date: dt.datetime
    customer_name: str
    postal_code: str
    prefecture: str
    city: str
    address1: str
    address2: str
    phone: str
    email: str
    carrier: str
    service: str
    delivery_date: dt.date | None
    delivery_time: str
    gift_message: str
    notes: str
    short_lines: str
    lines: tuple[OrderLineDetails, ...]


_ROW_COLUMNS = (
    Order.id,
    Order.number,
    Order.order_date,
    Order.status,
    Order.carrier,
    Order.service,
    Order.customer_name,
    Order.prefecture,
)


def prefix_variants(search: str) -> list[str]:
    """The number prefixes a search stands for: as typed, upper and lower case, and
    with a leading `#` when it starts with a digit (Shopify numbers are `#1001`)."""
    text = search.strip()
    if not text:
        return []
    variants = [text, text.upper(), text.lower()]
    if text[0].isdigit():
        variants += ["#" + v for v in variants]
    return list(dict.fromkeys(variants))


def _after_prefix(prefix: str) -> str | None:
    """The smallest string greater than every string starting with `prefix`."""
    last = ord(prefix[-1])
    if last >= 0x10FFFF:
        return None
    return prefix[:-1] + chr(last + 1)


def queue_page(
    session: Session,
    status: str | None,
    search: str,
    after: QueueCursor | None,
    limit: int,
) -> list[OrderRow]:
    """Up to `limit` orders after `after`: newest first, or by number when searching."""
    prefixes = prefix_variants(search)
    if not prefixes:
        query = select(*_ROW_COLUMNS).order_by(Order.id.desc()).limit(limit)
        query = query.where(_shown(status))
        if after is not None:
            query = query.where(Order.id < after.order_id)
        found: list[Any] = list(session.execute(query))
    else:
        # One index range per case variant, merged here: an OR of ranges would make
        # SQLite collect and sort every match before the LIMIT.
        by_id: dict[int, Any] = {}
        for prefix in prefixes:
            for row in _prefix_rows(session, prefix, status, after, limit):
                by_id[row.id] = row
        found = sorted(by_id.values(), key=lambda r: r.number)[:limit]
    sizes = _line_sizes(session, [row.id for row in found])
    return [
        OrderRow(
            id=row.id,
            number=row.number,
            order_date=row.order_date,
            status=row.status,
            carrier=row.carrier,
            service=row.service,
            lines=sizes.get(row.id, (0, 0))[0],
            units=sizes.get(row.id, (0, 0))[1],
            customer_name=row.customer_name,
            prefecture=row.prefecture,
        )
        for row in found
    ]


def _prefix_rows(
    session: Session, prefix: str, status: str | None, after: QueueCursor | None, limit: int
) -> list[Any]:
    query = select(*_ROW_COLUMNS).where(Order.number >= prefix)
    upper = _after_prefix(prefix)
    if upper is not None:
        query = query.where(Order.number < upper)
    query = query.where(_shown(status))
    if after is not None:
        query = query.where(Order.number > after.number)
    return list(session.execute(query.order_by(Order.number).limit(limit)))


def _line_sizes(session: Session, order_ids: list[int]) -> dict[int, tuple[int, int]]:
    """Line count and units per order, for just the orders of one page."""
    if not order_ids:
        return {}
    rows = session.execute(
        select(OrderLine.order_id, func.count(), func.sum(OrderLine.qty))
        .where(among(session, OrderLine.order_id, order_ids))
        .group_by(OrderLine.order_id)
    )
    return {order_id: (int(lines), int(units or 0)) for order_id, lines, units in rows}


def _shown(status: str | None) -> ColumnElement[bool]:
    """The orders of `status`, or of every status but `importing` (orders an import is
    still writing appear all at once when it has written them all)."""
    if status:
        return Order.status == status
    return Order.status != OrderStatus.IMPORTING


def status_counts(session: Session) -> dict[str, int]:
    """How many orders are in each status (statuses with none, and orders an import is
    still writing, are left out)."""
    rows = session.execute(
        select(Order.status, func.count())
        .where(Order.status != OrderStatus.IMPORTING)
        .group_by(Order.status)
    )
    return {status: int(count) for status, count in rows}


def order_details(session: Session, order_id: int) -> OrderDetails | None:
    """The order with its lines and reserved bins and lots, or None when it is gone."""
    order = session.get(Order, order_id)
    if order is None:
        return None
    lines = session.execute(
        select(
            OrderLine.id,
            OrderLine.line_no,
            Product.sku,
            Product.name,
            Product.variant,
            OrderLine.qty,
            OrderLine.allocated,
            OrderLine.packed,
        )
        .join(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id == order_id)
        .order_by(OrderLine.line_no)
    ).all()
    reserved = _reserved_by_line(session, [line.id for line in lines])
    return OrderDetails(
        id=order.id,
        number=order.number,
        status=order.status,
        order_date=order.order_date,
        customer_name=order.customer_name,
        postal_code=order.postal_code,
        prefecture=order.prefecture,
        city=order.city,
        address1=order.address1,
        address2=order.address2,
        phone=order.phone,
        email=order.email,
        carrier=order.carrier,
        service=order.service,
        delivery_date=order.delivery_date,
        delivery_time=order.delivery_time,
        gift_message=order.gift_message,
        notes=order.notes,
        short_lines=order.short_lines,
        lines=tuple(
            OrderLineDetails(
                line_no=line.line_no,
                sku=line.sku,
                name=line.name,
                variant=line.variant,
                qty=line.qty,
                allocated=line.allocated,
                packed=line.packed,
                reserved=tuple(reserved.get(line.id, [])),
            )
            for line in lines
        ),
    )


def _reserved_by_line(session: Session, line_ids: list[int]) -> dict[int, list[ReservedStock]]:
    """The bins and lots reserved for each order line, in walking order."""
    if not line_ids:
        return {}
    rows = session.execute(
        select(Reservation.order_line_id, Location.code, Lot.lot_code, Lot.expiry, Reservation.qty)
        .join(StockBalance, StockBalance.id == Reservation.balance_id)
        .join(Location, Location.id == StockBalance.location_id)
        .join(Lot, Lot.id == StockBalance.lot_id)
        .where(among(session, Reservation.order_line_id, line_ids))
        .order_by(Location.walk_seq, Location.code, Lot.expiry, Reservation.id)
    )
    found: dict[int, list[ReservedStock]] = {}
    for line_id, code, lot_code, expiry, qty in rows:
        found.setdefault(line_id, []).append(ReservedStock(code, lot_code, expiry, qty))
    return found


def database_label(url: str) -> str:
    """The database as the status bar names it: the file name, or user@host:port/dbname
    (never the password)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        name = parsed.database or ":memory:"
        return name.replace("\\", "/").rsplit("/", 1)[-1]
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    user = f"{parsed.username}@" if parsed.username else ""
    return f"{parsed.get_backend_name()} {user}{host}{port}/{parsed.database or ''}"
