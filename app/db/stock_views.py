"""Reading the stock for people: balances by bin and lot, low stock, backorders, the ledger."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.core.errors import Refused
from app.core.orders import OrderStatus
from app.core.stock_views import BackorderRow, LedgerRow, LowStockRow, StockRow
from app.core.text import shown
from app.core.times import as_utc
from app.db.models import Location, Lot, Order, OrderLine, Product, StockBalance, StockMove, User


def product_id(session: Session, sku: str) -> int:
    """The id of the product `sku`; refused when there is none."""
    found = session.scalar(select(Product.id).where(Product.sku == sku))
    if found is None:
        raise Refused(f"no product with SKU {shown(sku)}")
    return int(found)


def _location_id(session: Session, code: str) -> int:
    found = session.scalar(select(Location.id).where(Location.code == code))
    if found is None:
        raise Refused(f"no bin {shown(code)}")
    return int(found)


def stock_rows(
    session: Session, sku: str | None = None, bin_code: str | None = None
) -> list[StockRow]:
    """Every balance holding or reserving units, by SKU, bin in walking order, then expiry.

    `sku` and `bin_code` narrow it to one product or one bin; an unknown one is refused.
    """
    query = (
        select(
            Product.sku,
            Location.code,
            Lot.lot_code,
            Lot.expiry,
            StockBalance.on_hand,
            StockBalance.reserved,
        )
        .join_from(StockBalance, Product, Product.id == StockBalance.product_id)
        .join(Location, Location.id == StockBalance.location_id)
        .join(Lot, Lot.id == StockBalance.lot_id)
        .where(or_(StockBalance.on_hand > 0, StockBalance.reserved > 0))
    )
    if sku is not None:
        query = query.where(StockBalance.product_id == product_id(session, sku))
    if bin_code is not None:
        query = query.where(StockBalance.location_id == _location_id(session, bin_code))
    # Undated lots last, as a picker would take them.
    query = query.order_by(
        Product.sku,
        Location.walk_seq,
        Location.code,
        Lot.expiry.is_(None),
        Lot.expiry,
        Lot.lot_code,
    )
    return [StockRow(*row) for row in session.execute(query)]


def _backordered_units(session: Session) -> dict[int, tuple[int, int]]:
    """Product id -> (units still needed, orders needing them) over backordered orders."""
    query = (
        select(
            OrderLine.product_id,
            func.sum(OrderLine.qty - OrderLine.allocated),
            func.count(func.distinct(OrderLine.order_id)),
        )
        .join(Order, Order.id == OrderLine.order_id)
        .where(Order.status == OrderStatus.BACKORDERED, OrderLine.qty > OrderLine.allocated)
        .group_by(OrderLine.product_id)
    )
    return {int(pid): (int(units), int(orders)) for pid, units, orders in session.execute(query)}


def backorder_rows(session: Session) -> list[BackorderRow]:
    """Units still needed by backordered orders (quantity less allocated), per product by SKU."""
    needed = _backordered_units(session)
    if not needed:
        return []
    names = session.execute(
        select(Product.id, Product.sku, Product.name).where(Product.id.in_(list(needed)))
    )
    rows = [BackorderRow(sku, name, *needed[pid]) for pid, sku, name in names]
    return sorted(rows, key=lambda row: row.sku)


def low_stock_rows(session: Session) -> list[LowStockRow]:
    """Products with a reorder point whose available units, summed over bins, are below it."""
    available = (
        select(
            StockBalance.product_id,
            func.sum(StockBalance.on_hand - StockBalance.reserved).label("units"),
        )
        .group_by(StockBalance.product_id)
        .subquery()
    )
    units = func.coalesce(available.c.units, 0)
    query = (
        select(Product.id, Product.sku, Product.name, units, Product.reorder_point)
        .outerjoin(available, available.c.product_id == Product.id)
        .where(Product.reorder_point.is_not(None), units < Product.reorder_point)
        .order_by(Product.sku)
    )
    needed = _backordered_units(session)
    return [
        LowStockRow(sku, name, int(have), int(point), needed.get(pid, (0, 0))[0])
        for pid, sku, name, have, point in session.execute(query)
    ]


def ledger_rows(session: Session, sku: str) -> list[LedgerRow]:
    """Every move of the product `sku`, oldest first, its time in the station's local time."""
    query = (
        select(
            StockMove.at,
            Location.code,
            Lot.lot_code,
            StockMove.on_hand_delta,
            StockMove.reserved_delta,
            StockMove.reason,
            StockMove.reference,
            User.name,
        )
        .join_from(StockMove, StockBalance, StockBalance.id == StockMove.balance_id)
        .join(Location, Location.id == StockBalance.location_id)
        .join(Lot, Lot.id == StockBalance.lot_id)
        .outerjoin(User, User.id == StockMove.user_id)
        .where(StockBalance.product_id == product_id(session, sku))
        .order_by(StockMove.id)
    )
    return [
        LedgerRow(
            as_utc(at).astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            code,
            lot,
            on_hand,
            reserved,
            reason,
            reference,
            user or "",
        )
        for at, code, lot, on_hand, reserved, reason, reference, user in session.execute(query)
    ]
