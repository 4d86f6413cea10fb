"""What is in a pack: the order's lines as the rules check them, and the units in the box.

Both are read when a station opens or resumes a pack (and kept between its
scans), so each is one statement built once, shaped so that PostgreSQL plans
it as the few rows it is even before it has statistics on freshly imported
orders.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, Table, bindparam, func, select
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Result
from sqlalchemy.orm import Session

from app.core.pack.session import Pack, PackedUnit, PackLine
from app.core.scans import LotCheck
from app.db.handover import picked_by
from app.db.models import Location, Lot, Order, OrderLine, Product, Reservation, StockBalance, table
from app.db.sql import ByKeys, core, on_postgresql
from app.db.station import HeldPack
from app.db.station_models import PackSession, ScanRecord

_SESSIONS = table(PackSession).c
_SCANS = table(ScanRecord).c
_ORDERS = table(Order).c


def _looked_up(column: Any, key: Any, where: Any) -> Any:
    """`column` of the row whose primary key `key` equals `where`, as a correlated subquery.

    A lookup by primary key per row is the plan both databases keep whatever
    they know of the tables; a join may be planned as a scan of the whole
    product or bin table while PostgreSQL has no statistics yet (freshly
    imported data), a couple of milliseconds lost on every scan.
    """
    return select(column).where(key == where).scalar_subquery()


@dataclass(frozen=True, slots=True)
class _ByKey:
    """A statement for the rows of one key, built once in each database's spelling.

    PostgreSQL is sent `key IN (SELECT unnest($1))` rather than `key = $1`: the
    key stays out of the planner's equivalences, so a join through the parent's
    primary key makes it expect the few child rows there are, even before it
    has statistics; for `order_id = $1` it guesses 0.5% of all order lines, a
    plan costly enough to be JIT-compiled on every scan.
    """

    sqlite: Select[Any]
    postgresql: Select[Any]

    @classmethod
    def of(cls, build: Callable[[Callable[[Any], Any]], Select[Any]]) -> _ByKey:
        """`build(is_key)`, where `is_key(column)` is the condition on the key column."""
        return cls(
            build(lambda column: column == bindparam("key", type_=column.type)),
            build(
                lambda column: column.in_(
                    select(func.unnest(bindparam("keys", type_=postgresql.ARRAY(column.type))))
                )
            ),
        )

    def rows(self, session: Session, key: int) -> Result[*tuple[Any, ...]]:
        """The statement's rows for `key`."""
        if on_postgresql(session):
            return core(session).execute(self.postgresql, {"keys": [key]})
        return core(session).execute(self.sqlite, {"key": key})


def _lines_of(is_key: Callable[[Any], Any]) -> Select[Any]:
    lines, products = table(OrderLine).c, table(Product).c
    return (
        select(
            lines.id,
            lines.product_id,
            lines.qty,
            *(
                _looked_up(column, products.id, lines.product_id).label(column.name)
                for column in (
                    products.sku,
                    products.name,
                    products.variant,
                    products.lot_tracked,
                    products.expiry_tracked,
                    products.min_shelf_life_days,
                    products.lot_check,
                )
            ),
        )
        .join(table(Order), _ORDERS.id == lines.order_id)
        .where(is_key(_ORDERS.id))
        .order_by(lines.line_no)
    )


def _packed_in(is_key: Callable[[Any], Any]) -> Select[Any]:
    return (
        select(
            _SCANS.id,
            _SCANS.order_line_id,
            _SCANS.units,
            _SCANS.lot,
            _SCANS.serial,
            _SCANS.carton_no,
        )
        .join(table(PackSession), _SESSIONS.id == _SCANS.pack_session_id)
        .where(is_key(_SESSIONS.id), _SCANS.effect == "count", _SCANS.undone.is_(False))
        .order_by(_SCANS.id)
    )


_LINES_OF_ORDER = _ByKey.of(_lines_of)
_PACKED_IN_SESSION = _ByKey.of(_packed_in)


def pack_lines(session: Session, order_id: int) -> tuple[PackLine, ...]:
    """The order's lines with product, reserved bins (in walking order) and reserved lots."""
    heads = _LINES_OF_ORDER.rows(session, order_id).all()
    bins, lots = _reserved(session, [int(head.id) for head in heads])
    return tuple(
        PackLine(
            line_id=int(head.id),
            product_id=int(head.product_id),
            sku=head.sku,
            name=head.name,
            variant=head.variant,
            bins=", ".join(bins.get(head.id, [])),
            ordered=int(head.qty),
            lot_tracked=bool(head.lot_tracked),
            expiry_tracked=bool(head.expiry_tracked),
            min_shelf_life_days=int(head.min_shelf_life_days),
            reserved_lots=lots.units.get(head.id, {}),
            lot_check=LotCheck(head.lot_check),
            lot_expiry=lots.expiry.get(head.id, {}),
        )
        for head in heads
    )


def _of_balance(column: Any, other: Table, key: Any) -> Any:
    """`column` of the reservation's bin or lot: through its balance by key, then theirs."""
    balances = table(StockBalance).c
    return (
        select(column)
        .select_from(table(StockBalance).join(other, other.c.id == key))
        .where(balances.id == table(Reservation).c.balance_id)
        .scalar_subquery()
    )


_RESERVED_FOR_LINES = ByKeys.of(
    table(Reservation).c.order_line_id,
    lambda among_lines: select(
        table(Reservation).c.order_line_id,
        table(Reservation).c.qty,
        _of_balance(table(Location).c.walk_seq, table(Location), table(StockBalance).c.location_id),
        _of_balance(table(Location).c.code, table(Location), table(StockBalance).c.location_id),
        _of_balance(table(Lot).c.lot_code, table(Lot), table(StockBalance).c.lot_id),
        _of_balance(table(Lot).c.expiry, table(Lot), table(StockBalance).c.lot_id),
    ).where(among_lines),
)


@dataclass(slots=True)
class _ReservedLots:
    """Per line: units reserved of each lot, and each lot's expiry (the earliest, should one
    lot code have been received with two dates)."""

    units: dict[int, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    expiry: dict[int, dict[str, dt.date | None]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, line_id: int, lot: str, qty: int, expiry: dt.date | None) -> None:
        units, dates = self.units[line_id], self.expiry[line_id]
        units[lot] = units.get(lot, 0) + qty
        dates[lot] = min((d for d in (dates.get(lot), expiry) if d is not None), default=None)


def _reserved(session: Session, line_ids: list[int]) -> tuple[dict[int, list[str]], _ReservedLots]:
    """The bins (in walking order) and the lots (units each, and their expiry) reserved for
    each line."""
    lots = _ReservedLots()
    if not line_ids:
        return {}, lots
    rows = _RESERVED_FOR_LINES.run(session, line_ids).all()
    bins: dict[int, list[str]] = defaultdict(list)
    for line_id, qty, _walk, bin_code, lot_code, expiry in sorted(rows, key=lambda r: (r[2], r[3])):
        if bin_code not in bins[line_id]:
            bins[line_id].append(bin_code)
        if lot_code:
            lots.add(line_id, lot_code, qty, expiry)
    return bins, lots


def packed_units(session: Session, session_id: int) -> tuple[PackedUnit, ...]:
    """The units in the box: the session's counted scans not taken back, oldest first."""
    rows = _PACKED_IN_SESSION.rows(session, session_id)
    return tuple(
        PackedUnit(int(ref), int(line), int(units), lot, serial, int(carton or 1))
        for ref, line, units, lot, serial, carton in rows
    )


def stored_pack(session: Session, held: HeldPack) -> Pack:
    """The pack session as stored: its order's lines (with their reserved bins and lots),
    the units in the box, and who picked the order by scan."""
    picked = picked_by(session, held.order_id)
    return Pack(
        held.order_id,
        held.order_number,
        pack_lines(session, held.order_id),
        held.gift_message,
        held.card_confirmed,
        packed_units(session, held.session_id),
        held.carton_no,
        picked_by=picked.by if picked else None,
        picked_at=picked.at if picked else None,
    )
