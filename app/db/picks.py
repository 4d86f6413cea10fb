"""Reads and writes of picking by scan: the wave a station picks, its lines and what is taken.

A pick line is a reservation: an order line's units in one bin and lot; its
`line_id` is the reservation's id, its slot the order's position in the wave.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Integer, bindparam, delete, func, insert, or_, select, update

from app.core.allocation import ShortLine, StockSlot, expiry_ok, fefo_key
from app.core.errors import ConcurrentChange
from app.core.orders import OrderStatus
from app.core.pick.session import Pick, PickedUnit, PickLine, WaveCandidate
from app.core.scans import LotCheck
from app.core.statuses import PickStatus
from app.core.waves import WaveStatus, next_wave_number
from app.db import stock, waves
from app.db.allocation import LetGo, release
from app.db.clock import DatabaseLater, DatabaseNow, database_time
from app.db.models import (
    Location,
    Lot,
    Order,
    OrderLine,
    Product,
    Reservation,
    Station,
    StockBalance,
    table,
)
from app.db.pick_models import PickedUnit as PickedRow
from app.db.pick_models import PickSession
from app.db.sql import core
from app.db.station_models import StationState
from app.db.wave_models import Wave, WaveOrder

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class HeldPick:
    """The open pick session a station holds: its id, its wave's id and number."""

    session_id: int
    wave_id: int
    number: str
    at_bin: str | None
    tote: str | None = None
    #: How many orders the wave was made of: more than one is a cart (each into its slot).
    orders: int = 1


@dataclass(frozen=True, slots=True)
class WaveOnFile:
    """A wave (or order) number just scanned: what the rules are told, and the stored wave
    behind it."""

    candidate: WaveCandidate
    #: None for an allocated order picked on its own: its wave is made as it opens.
    wave_id: int | None
    #: Its open pick session (held elsewhere with a lapsed lease, or parked), if any.
    session_id: int | None
    #: The allocated order to make a wave of.
    order_id: int | None = None


@dataclass(frozen=True, slots=True)
class Shorted:
    """What a short pick did: the missing units reserved again in other bins (or lots), or
    the order backordered with the units picked for it to put back."""

    #: Units were taken for the short line: it stays, as picked as it gets.
    kept: bool
    #: The bins the missing units are reserved in now (empty when backordered).
    bins: tuple[str, ...] = ()
    #: The order backordered, if the stock could not cover the missing units.
    backordered: str | None = None
    #: Units picked for the backordered order, to put back.
    put_back: int = 0


@dataclass(frozen=True, slots=True)
class LineOf:
    """Where a pick line (a reservation) belongs: its order line and order."""

    order_line_id: int
    order_id: int


_SESSION = table(PickSession).c
_HELD_PICK = (
    select(
        _SESSION.id,
        _SESSION.wave_id,
        Wave.number,
        _SESSION.at_bin,
        _SESSION.tote,
        select(func.count())
        .where(WaveOrder.wave_id == _SESSION.wave_id)
        .correlate(table(PickSession))
        .scalar_subquery(),
    )
    .join(StationState, StationState.pick_session_id == _SESSION.id)
    .join(Wave, Wave.id == _SESSION.wave_id)
    .where(
        StationState.station_id == bindparam("station"),
        _SESSION.station_id == bindparam("station"),
        _SESSION.status == PickStatus.OPEN,
    )
)


def held_pick(session: Session, station_id: int) -> HeldPick | None:
    """The open pick the station holds (None when it holds none, or lost it to another)."""
    row = core(session).execute(_HELD_PICK, {"station": station_id}).one_or_none()
    return HeldPick(*row) if row is not None else None


_LOST_PICK = (
    select(Wave.number, Station.name)
    .join(PickSession, PickSession.wave_id == Wave.id)
    .join(StationState, StationState.pick_session_id == PickSession.id)
    .join(Station, Station.id == PickSession.station_id)
    .where(
        StationState.station_id == bindparam("station"),
        PickSession.station_id != bindparam("station"),
        PickSession.status == PickStatus.OPEN,
    )
)


def lost_pick(session: Session, station_id: int) -> tuple[str, str] | None:
    """The wave the station picked until another station took it over: (its number, the
    station holding it now); None when the station holds its pick or held none."""
    row = core(session).execute(_LOST_PICK, {"station": station_id}).one_or_none()
    return (row[0], row[1]) if row is not None else None


_WAVE = select(Wave.id, Wave.status).where(Wave.number == bindparam("number"))
_PICKING = (
    select(Order.id)
    .join(WaveOrder, WaveOrder.order_id == Order.id)
    .where(WaveOrder.wave_id == bindparam("wave"), Order.status == OrderStatus.PICKING)
    .limit(1)
)
_WAVE_SESSION = (
    select(
        PickSession.id,
        PickSession.station_id,
        (PickSession.lease_expires_at > DatabaseNow()).label("live"),
        Station.name,
    )
    .outerjoin(Station, Station.id == PickSession.station_id)
    .where(PickSession.wave_id == bindparam("wave"), PickSession.status == PickStatus.OPEN)
)


def wave_on_file(session: Session, number: str, station_id: int) -> WaveOnFile | None:
    """The wave of that number as a station scanning it finds it, or None."""
    connection = core(session)
    wave = connection.execute(_WAVE, {"number": number}).one_or_none()
    if wave is None:
        return None
    wave_id, status = wave
    picking = connection.execute(_PICKING, {"wave": wave_id}).first()
    open_session = connection.execute(_WAVE_SESSION, {"wave": wave_id}).one_or_none()
    locked_by = None
    session_id = None
    if open_session is not None:
        session_id, holder_id, live, holder = open_session
        if holder_id is not None and holder_id != station_id and live:
            locked_by = holder
    pickable = status == WaveStatus.OPEN and picking is not None
    return WaveOnFile(WaveCandidate(number, pickable, locked_by), wave_id, session_id)


def order_on_file(
    session: Session, number: str, station_id: int, held: HeldPick | None
) -> WaveOnFile | None:
    """An order number scanned at a pick station: an allocated order is picked on its own
    (a wave of one order is made as it opens); an order of the wave the station picks, or
    of a one-order wave, names that wave; any other cannot be picked now."""
    order = session.execute(
        select(Order.id, Order.status).where(Order.number == number)
    ).one_or_none()
    if order is None:
        return None
    order_id, status = order
    if status == OrderStatus.ALLOCATED:
        return WaveOnFile(WaveCandidate(number), None, None, order_id)
    wave = session.execute(
        select(Wave.id, Wave.number)
        .join(WaveOrder, WaveOrder.wave_id == Wave.id)
        .where(WaveOrder.order_id == order_id, WaveOrder.held.is_(True))
    ).one_or_none()
    if wave is not None and held is not None and wave[0] == held.wave_id:
        return WaveOnFile(WaveCandidate(held.number), held.wave_id, held.session_id)
    if wave is not None and status == OrderStatus.PICKING:
        orders = session.scalar(
            select(func.count()).select_from(WaveOrder).where(WaveOrder.wave_id == wave[0])
        )
        if orders == 1:
            return wave_on_file(session, wave[1], station_id)
    return WaveOnFile(WaveCandidate(number, pickable=False), None, None)


def _aware(moment: dt.datetime) -> dt.datetime:
    """A stored time in UTC (SQLite gives it back without its zone)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


_PICK_LINES = (
    select(
        Reservation.id,
        Order.number,
        WaveOrder.position,
        Product.id,
        Product.sku,
        Product.name,
        Product.variant,
        Location.code,
        Location.walk_seq,
        Reservation.qty,
        Lot.lot_code,
        Lot.expiry,
        Product.lot_tracked,
        Product.lot_check,
        Product.min_shelf_life_days,
        OrderLine.id,
        Order.id,
        Order.status,
    )
    .join(OrderLine, OrderLine.id == Reservation.order_line_id)
    .join(Order, Order.id == OrderLine.order_id)
    .join(WaveOrder, WaveOrder.order_id == Order.id)
    .join(StockBalance, StockBalance.id == Reservation.balance_id)
    .join(Location, Location.id == StockBalance.location_id)
    .join(Lot, Lot.id == StockBalance.lot_id)
    .join(Product, Product.id == OrderLine.product_id)
    # The wave's orders are found through the wave alone (its index); their status is
    # looked at in Python, so no planner ever starts from the orders by status.
    .where(WaveOrder.wave_id == bindparam("wave"), WaveOrder.held.is_(True))
    .order_by(Reservation.id)
)


#: The statuses of a wave's orders whose lines are the pick's: being picked, or picked
#: while the rest of the wave goes on.
_PICKED_HERE = frozenset({OrderStatus.PICKING, OrderStatus.PICKED})


def pick_lines(session: Session, wave_id: int) -> tuple[tuple[PickLine, ...], dict[int, LineOf]]:
    """The wave's pick lines (its `picking` orders' reservations) and where each belongs."""
    lines: list[PickLine] = []
    where: dict[int, LineOf] = {}
    for row in core(session).execute(_PICK_LINES, {"wave": wave_id}):
        (rid, number, slot, product_id, sku, name, variant, bin_code, walk, qty) = row[:10]
        lot_code, expiry, lot_tracked, lot_check, shelf_life, line_id, order_id, status = row[10:]
        if status not in _PICKED_HERE:
            continue
        lines.append(
            PickLine(
                rid,
                number,
                slot,
                product_id,
                sku,
                name,
                variant,
                bin_code,
                walk,
                qty,
                lot=lot_code or None,
                expiry=expiry,
                lot_tracked=lot_tracked,
                lot_check=LotCheck(lot_check),
                min_shelf_life_days=shelf_life,
            )
        )
        where[rid] = LineOf(line_id, order_id)
    return tuple(lines), where


_TAKEN = (
    select(
        PickedRow.scan_ref,
        PickedRow.reservation_id,
        PickedRow.units,
        PickedRow.lot,
        PickedRow.slotted,
        PickedRow.short,
    )
    .where(PickedRow.pick_session_id == bindparam("pick_session"), PickedRow.undone.is_(False))
    .order_by(PickedRow.id)
)


def stored_pick(session: Session, held: HeldPick, lines: tuple[PickLine, ...]) -> Pick:
    """The pick as stored: its lines, the units taken (and the one awaiting its slot), shorts."""
    rows = core(session).execute(_TAKEN, {"pick_session": held.session_id}).all()
    # A line whose order was packed while the wave goes on (its reservations consumed) is
    # no longer the pick's, nor are its units.
    known = {line.line_id for line in lines}
    picked = tuple(
        PickedUnit(ref, rid, units, lot)
        for ref, rid, units, lot, _, short in rows
        if not short and rid in known
    )
    unslotted = next(
        (
            PickedUnit(ref, rid, units, lot)
            for ref, rid, units, lot, slotted, short in rows
            if not slotted and not short
        ),
        None,
    )
    short = frozenset(rid for _, rid, _, _, _, is_short in rows if is_short)
    # A cart stays a cart when one of its orders leaves it (backordered, packed early).
    batch = held.orders > 1
    return Pick(held.number, lines, batch, picked, held.at_bin, unslotted, short, held.tote)


def open_pick(
    session: Session,
    station_id: int,
    user_id: int,
    on_file: WaveOnFile,
    lease: dt.timedelta,
) -> int:
    """Claim the wave for the station under a lease: a new session, or the one left open
    (parked or lapsed) taken over. Returns the session's id."""
    now = database_time(session)
    until = now + lease
    wave_id = on_file.wave_id
    if wave_id is None:
        # One allocated order picked on its own: a wave of its own, released like any.
        assert on_file.order_id is not None
        number = next_wave_number(waves.last_wave_number(session))
        wave_id = waves.add_wave(session, number, None, user_id, [on_file.order_id])
    if on_file.session_id is not None:
        # Only while it is still free to take: a station that took it over a moment ago
        # holds it under a live lease, and this scan is decided again (`order_locked`).
        taken = session.execute(
            update(PickSession)
            .where(
                PickSession.id == on_file.session_id,
                PickSession.status == PickStatus.OPEN,
                or_(
                    PickSession.station_id.is_(None),
                    PickSession.station_id == station_id,
                    PickSession.lease_expires_at <= now,
                ),
            )
            .values(station_id=station_id, user_id=user_id, lease_expires_at=until)
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount != 1:  # type: ignore[attr-defined]
            raise ConcurrentChange("another station took the wave a moment ago")
        session_id = on_file.session_id
    else:
        row = PickSession(
            wave_id=wave_id,
            station_id=station_id,
            user_id=user_id,
            status=PickStatus.OPEN,
            lease_expires_at=until,
        )
        session.add(row)
        session.flush()
        session_id = row.id
    _hold(session, station_id, session_id)
    return session_id


_HOLD = update(StationState).where(StationState.station_id == bindparam("station"))


def _hold(session: Session, station_id: int, session_id: int | None) -> None:
    core(session).execute(_HOLD, {"station": station_id, "pick_session_id": session_id})


_RENEW = (
    update(table(PickSession))
    .where(
        _SESSION.id == bindparam("pick_session"),
        _SESSION.station_id == bindparam("station"),
        _SESSION.status == PickStatus.OPEN,
    )
    .values(lease_expires_at=DatabaseLater(bindparam("lease_seconds", type_=Integer())))
)


def renew(session: Session, station_id: int, session_id: int, lease: dt.timedelta) -> None:
    """The station's lease on its pick, renewed by its scan before it changes the pick (on
    the database's clock, in the statement): the fence. Refused as a concurrent change when
    another station took the pick over since it was read (the scan is then decided again:
    `order_locked`)."""
    renewed = core(session).execute(
        _RENEW,
        {
            "pick_session": session_id,
            "station": station_id,
            "lease_seconds": round(lease.total_seconds()),
        },
    )
    if renewed.rowcount != 1:
        raise ConcurrentChange("another station took the wave over a moment ago")


_AT_BIN = update(table(PickSession)).where(_SESSION.id == bindparam("pick_session"))


def set_at_bin(session: Session, session_id: int, at_bin: str | None) -> None:
    core(session).execute(_AT_BIN, {"pick_session": session_id, "at_bin": at_bin})


def add_picked(session: Session, session_id: int, unit: PickedUnit, *, slotted: bool) -> None:
    """One unit taken for its reservation (on a cart, `slotted` once in its slot)."""
    _insert(session, session_id, unit, slotted=slotted, short=False)


def add_short(session: Session, session_id: int, scan_ref: int, line_id: int, units: int) -> None:
    """A short pick: `units` of reservation `line_id` are not in its bin."""
    _insert(
        session,
        session_id,
        PickedUnit(scan_ref, line_id, units),
        slotted=True,
        short=True,
    )


_PICKED = table(PickedRow).c
_INSERT_PICKED = insert(table(PickedRow)).values(
    pick_session_id=bindparam("pick_session"),
    scan_ref=bindparam("ref"),
    reservation_id=bindparam("reservation"),
    order_line_id=select(Reservation.order_line_id)
    .where(Reservation.id == bindparam("reservation"))
    .scalar_subquery(),
    units=bindparam("taken"),
    lot=bindparam("taken_lot"),
    slotted=bindparam("in_slot"),
    short=bindparam("is_short"),
    undone=False,
)


def _insert(
    session: Session, session_id: int, unit: PickedUnit, *, slotted: bool, short: bool
) -> None:
    core(session).execute(
        _INSERT_PICKED,
        {
            "pick_session": session_id,
            "ref": unit.scan_ref,
            "reservation": unit.line_id,
            "taken": unit.units,
            "taken_lot": unit.lot,
            "in_slot": slotted,
            "is_short": short,
        },
    )


_MARK_UNIT = update(table(PickedRow)).where(
    _PICKED.pick_session_id == bindparam("pick_session"), _PICKED.scan_ref == bindparam("ref")
)


def slot_unit(session: Session, session_id: int, scan_ref: int) -> None:
    """The unit of scan `scan_ref` is in its cart slot."""
    core(session).execute(
        _MARK_UNIT, {"pick_session": session_id, "ref": scan_ref, "slotted": True}
    )


def undo_unit(session: Session, session_id: int, scan_ref: int) -> None:
    """The unit of scan `scan_ref` is put back."""
    marked = {"pick_session": session_id, "ref": scan_ref, "undone": True}
    core(session).execute(_MARK_UNIT, marked)


def finish(session: Session, held: HeldPick, station_id: int, at: dt.datetime) -> list[str]:
    """Every line picked (or short): the wave's orders `picked`, the wave and session done,
    the station holds no pick. Returns the orders' numbers."""
    numbers = list(
        session.scalars(
            select(Order.number)
            .join(WaveOrder, WaveOrder.order_id == Order.id)
            .where(WaveOrder.wave_id == held.wave_id, Order.status == OrderStatus.PICKING)
            .order_by(WaveOrder.position)
        )
    )
    in_wave = select(WaveOrder.order_id).where(WaveOrder.wave_id == held.wave_id)
    session.execute(
        update(Order)
        .where(Order.id.in_(in_wave), Order.status == OrderStatus.PICKING)
        .values(status=OrderStatus.PICKED, updated_at=at)
        .execution_options(synchronize_session=False)
    )
    session.execute(update(Wave).where(Wave.id == held.wave_id).values(status=WaveStatus.DONE))
    # The wave holds its orders no more: they may be waved again (none is: they are picked).
    session.execute(update(WaveOrder).where(WaveOrder.wave_id == held.wave_id).values(held=None))
    session.execute(
        update(PickSession)
        .where(PickSession.id == held.session_id)
        .values(status=PickStatus.DONE, closed_at=at)
    )
    _hold(session, station_id, None)
    return numbers


def mark_picked(session: Session, order_ids: list[int], at: dt.datetime) -> None:
    """The orders' last units are picked: `picked` now, while the wave goes on."""
    session.execute(
        update(Order)
        .where(Order.id.in_(order_ids), Order.status == OrderStatus.PICKING)
        .values(status=OrderStatus.PICKED, updated_at=at)
        .execution_options(synchronize_session=False)
    )


@dataclass(frozen=True, slots=True)
class ShortSaid:
    """A short pick as said at the bin: `missing` units of pick line `line_id`, by whom."""

    line_id: int
    missing: int
    today: dt.date
    user_id: int


def short_pick(session: Session, held: HeldPick, said: ShortSaid) -> Shorted:
    """`missing` units of reservation `line_id` are not in its bin: let go of them through
    the ledger and reserve them in another bin or lot (FEFO, expiry allowing); when the
    stock cannot cover them, backorder the order: every reservation it holds let go of, its
    units picked to put back, the order out of the wave."""
    row = session.execute(
        select(
            Reservation.qty,
            Reservation.balance_id,
            Reservation.order_line_id,
            StockBalance.location_id,
            StockBalance.product_id,
            Order.id,
            Order.number,
            Product.sku,
            Product.min_shelf_life_days,
        )
        .join(StockBalance, StockBalance.id == Reservation.balance_id)
        .join(OrderLine, OrderLine.id == Reservation.order_line_id)
        .join(Order, Order.id == OrderLine.order_id)
        .join(Product, Product.id == StockBalance.product_id)
        .where(Reservation.id == said.line_id)
    ).one()
    qty, balance_id, order_line_id, location_id, product_id, order_id, number, sku, shelf = row
    line_id, missing, user_id = said.line_id, said.missing, said.user_id
    kept = int(qty) - missing
    release(session, [LetGo(line_id, balance_id, int(qty), missing)], "shortpick", number, user_id)
    moves: list[stock.Move] = []
    found = _free_elsewhere(session, product_id, location_id, said.today, shelf)
    if sum(slot.available for slot in found) < missing:
        short = str(ShortLine(order_line_id, sku, missing))
        put_back = _backorder(session, held, (order_id, number), short, user_id)
        return Shorted(False, backordered=number, put_back=put_back)
    left, bins = missing, []
    for slot in found:
        got = min(left, slot.available)
        if not got:
            break
        left -= got
        session.add(Reservation(order_line_id=order_line_id, balance_id=slot.balance_id, qty=got))
        moves.append(_move(slot.balance_id, got, "reserve", number, user_id))
        bins.append(slot.bin)
    session.flush()
    stock.post(session, moves)
    return Shorted(bool(kept), tuple(bins))


@dataclass(frozen=True, slots=True)
class _Free:
    """Units of the product free to reserve in one bin and lot, and the bin's code."""

    balance_id: int
    available: int
    bin: str


def _free_elsewhere(
    session: Session, product_id: int, location_id: int, today: dt.date, shelf_life: int
) -> list[_Free]:
    """The product's unreserved units outside the shorted bin, expiry allowing, FEFO."""
    rows = session.execute(
        select(
            StockBalance.id,
            StockBalance.on_hand - StockBalance.reserved,
            Lot.expiry,
            Location.walk_seq,
            Location.code,
        )
        .join(Lot, Lot.id == StockBalance.lot_id)
        .join(Location, Location.id == StockBalance.location_id)
        .where(
            StockBalance.product_id == product_id,
            StockBalance.location_id != location_id,
            StockBalance.on_hand > StockBalance.reserved,
        )
        .with_for_update(of=StockBalance)
    ).all()
    slots = {
        bid: (StockSlot(bid, product_id, int(free), expiry, walk), code)
        for bid, free, expiry, walk, code in rows
        if expiry_ok(expiry, today, shelf_life)
    }
    ordered = sorted((slot for slot, _ in slots.values()), key=fefo_key)
    return [_Free(slot.balance_id, slot.available, slots[slot.balance_id][1]) for slot in ordered]


def _move(balance_id: int, units: int, reason: str, number: str, user_id: int) -> stock.Move:
    return stock.Move(
        balance_id, reserved_delta=units, reason=reason, reference=number, user_id=user_id
    )


def _backorder(
    session: Session, held: HeldPick, order: tuple[int, str], short: str, user_id: int
) -> int:
    """The order (id, number) backordered out of the wave, `short` its short lines: its
    reservations let go of through the ledger, its units picked dropped (to put back).
    Returns how many units were picked for it."""
    order_id, number = order
    held_rows = session.execute(
        select(Reservation.id, Reservation.balance_id, Reservation.qty)
        .join(OrderLine, OrderLine.id == Reservation.order_line_id)
        .where(OrderLine.order_id == order_id)
    ).all()
    ids = [rid for rid, _, _ in held_rows]
    put_back = session.scalar(
        select(func.coalesce(func.sum(PickedRow.units), 0)).where(
            PickedRow.pick_session_id == held.session_id,
            PickedRow.reservation_id.in_(ids),
            PickedRow.short.is_(False),
            PickedRow.undone.is_(False),
        )
    )
    session.execute(delete(PickedRow).where(PickedRow.reservation_id.in_(ids)))
    let_go = [LetGo(rid, bid, int(qty), int(qty)) for rid, bid, qty in held_rows]
    release(session, let_go, "shortpick", number, user_id)
    session.execute(update(OrderLine).where(OrderLine.order_id == order_id).values(allocated=0))
    session.execute(
        update(Order)
        .where(Order.id == order_id)
        .values(
            status=OrderStatus.BACKORDERED,
            short_lines=short,
            updated_at=database_time(session),
        )
    )
    session.execute(
        update(WaveOrder)
        .where(WaveOrder.wave_id == held.wave_id, WaveOrder.order_id == order_id)
        .values(held=None)
    )
    return int(put_back or 0)
