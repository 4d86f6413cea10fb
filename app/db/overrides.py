"""The writes of the supervisor overrides at the bench (`app.core.pack.overrides`).

The override under way and the error streak live on the station's row
(`station_state`); a short ship releases the missing units' reservations
through the ledger and splits them off into a backorder order; a new code
joins the product's barcodes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.core.errors import Refused
from app.core.intake.products import BarcodeKind
from app.core.orders import OrderStatus
from app.core.overrides import PendingOverride
from app.core.pack.session import Pack
from app.db.allocation import LetGo, release
from app.db.codes import code_owners
from app.db.models import (
    Barcode,
    Lot,
    Order,
    OrderLine,
    Reservation,
    StockBalance,
    table,
    utcnow,
)
from app.db.sql import core
from app.db.station_models import StationState

_STATE = table(StationState).c
_ORDERS = table(Order).c
_LINES = table(OrderLine).c
_RESERVATIONS = table(Reservation).c
_BALANCES = table(StockBalance).c
_LOTS = table(Lot).c


def set_override(session: Session, station_id: int, pending: PendingOverride | None) -> None:
    """Store the override under way at the station (None: none is)."""
    supervisor = pending.supervisor if pending else None
    core(session).execute(
        update(table(StationState))
        .where(_STATE.station_id == station_id)
        .values(
            override_kind=pending.kind.value if pending else None,
            override_step=pending.step.value if pending else None,
            override_by=supervisor.user_id if supervisor else None,
            override_code=pending.code if pending else None,
        )
    )


def set_error_streak(session: Session, station_id: int, streak: int) -> None:
    """Store the refused product scans in a row at the station."""
    core(session).execute(
        update(table(StationState))
        .where(_STATE.station_id == station_id)
        .values(error_streak=streak)
    )


@dataclass(frozen=True, slots=True)
class ShippedShort:
    """A short ship's split: the backorder order made, and the units it carries."""

    backorder: str
    units: int


def ship_short(session: Session, pack: Pack, reason: str, user_id: int | None) -> ShippedShort:
    """Split the units not in the box off `pack`'s order into a backorder order.

    Each short line keeps the reservations of the lots that were packed and
    lets go of the rest through the ledger (reserved down, reason
    `short:REASON`); its `short` column counts the units, so the order is
    complete with what was packed. The backorder (`NUMBER-B1`, `-B2`, ...)
    copies the order's customer and address and waits, `new`, for the next
    allocation run.
    """
    missing = {
        line.line_id: line.ordered - pack.packed_on(line.line_id)
        for line in pack.lines
        if pack.packed_on(line.line_id) < line.ordered
    }
    packed_lots: dict[int, Counter[str | None]] = defaultdict(Counter)
    for unit in pack.packed:
        packed_lots[unit.line_id][unit.lot] += unit.units
    for line in pack.lines:
        if line.line_id not in missing:
            continue
        let_go = _let_go(session, line.line_id, packed_lots[line.line_id], line.lot_tracked)
        released = release(session, let_go, f"short:{reason}", pack.order_number, user_id)
        core(session).execute(
            update(table(OrderLine))
            .where(_LINES.id == line.line_id)
            .values(short=missing[line.line_id], allocated=_LINES.allocated - released)
        )
    number = _backorder_number(session, pack.order_number)
    _copy_order(session, pack, number, missing)
    return ShippedShort(number, sum(missing.values()))


def _let_go(
    session: Session, line_id: int, packed: Counter[str | None], lot_tracked: bool
) -> list[LetGo]:
    """The line's reservations beyond what was packed (of a lot line, the lots that were
    not packed first), to let go of."""
    rows = session.execute(
        select(_RESERVATIONS.id, _RESERVATIONS.balance_id, _RESERVATIONS.qty, _LOTS.lot_code)
        .join(table(StockBalance), _BALANCES.id == _RESERVATIONS.balance_id)
        .join(table(Lot), _LOTS.id == _BALANCES.lot_id)
        .where(_RESERVATIONS.order_line_id == line_id)
        .order_by(_RESERVATIONS.id)
    ).all()
    keep = Counter(packed) if lot_tracked else Counter({None: sum(packed.values())})
    let_go = []
    for reservation_id, balance_id, qty, lot_code in rows:
        lot = lot_code if lot_tracked else None
        kept = min(int(qty), keep[lot])
        keep[lot] -= kept
        if kept < int(qty):
            let_go.append(LetGo(int(reservation_id), int(balance_id), int(qty), int(qty) - kept))
    return let_go


def _backorder_number(session: Session, number: str) -> str:
    """The next free backorder number of an order: `NUMBER-B1`, then `-B2`, ..."""
    base = number
    taken = set(
        session.scalars(select(_ORDERS.number).where(_ORDERS.number.like(f"{base}-B%"))).all()
    )
    n = 1
    while f"{base}-B{n}" in taken:
        n += 1
    return f"{base}-B{n}"


_COPIED = (
    "source",
    "order_date",
    "customer_name",
    "email",
    "postal_code",
    "prefecture",
    "city",
    "address1",
    "address2",
    "country",
    "phone",
    "carrier",
    "service",
    "delivery_date",
    "delivery_time",
    "notes",
)


def _copy_order(session: Session, pack: Pack, number: str, missing: dict[int, int]) -> None:
    """The backorder order: the original's customer, address and carrier, the missing units."""
    original = session.execute(
        select(*(_ORDERS[name] for name in _COPIED)).where(_ORDERS.id == pack.order_id)
    ).one()
    now = utcnow()
    order_id = core(session).scalar(
        insert(table(Order))
        .values(
            **dict(zip(_COPIED, original, strict=True)),
            number=number,
            status=OrderStatus.NEW,
            gift_message="",
            content_hash=f"backorder:{pack.order_number}",
            short_lines="",
            backorder_of=pack.order_id,
            created_at=now,
            updated_at=now,
        )
        .returning(_ORDERS.id)
    )
    products = {line.line_id: line.product_id for line in pack.lines}
    core(session).execute(
        insert(table(OrderLine)),
        [
            {
                "order_id": order_id,
                "line_no": line_no,
                "product_id": products[line_id],
                "qty": qty,
                "allocated": 0,
                "packed": 0,
                "short": 0,
            }
            for line_no, (line_id, qty) in enumerate(sorted(missing.items()), start=1)
        ],
    )


def add_code(session: Session, code: str, product_id: int, units: int) -> None:
    """Register `code` to the product: a unit barcode, or a case of `units` units; refused
    when something holds the code already (a tracking block's future label, say)."""
    held = code_owners(session, [code]).get(code)
    if held:
        raise Refused(f"{code} is already {held[0].name}")
    kind = BarcodeKind.CASE if units > 1 else BarcodeKind.UNIT
    core(session).execute(
        insert(table(Barcode)).values(code=code, product_id=product_id, kind=kind, qty=units)
    )
