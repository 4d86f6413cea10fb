"""The stock ledger: every change of on-hand or reserved goes through `post`.

`post` appends the ledger rows and adjusts the running balances in the caller's
transaction; the balances' CHECK constraints refuse anything that would take
on-hand or reserved below zero, so the whole unit of work rolls back instead.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import Refused
from app.db.models import (
    Location,
    Lot,
    Product,
    Reservation,
    StockBalance,
    StockMove,
    table,
    utcnow,
)


class StockWouldGoNegative(Refused):
    """A move would take on-hand or reserved below zero (or reserve more than on hand)."""


@dataclass(frozen=True, slots=True)
class Move:
    """One ledger entry to post: what changes on which balance, and why."""

    balance_id: int
    on_hand_delta: int = 0
    reserved_delta: int = 0
    reason: str = ""
    reference: str = ""
    user_id: int | None = None


def post(session: Session, moves: Sequence[Move]) -> None:
    """Append `moves` to the ledger and apply them to the balances, in one go."""
    if not moves:
        return
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for move in moves:
        totals[move.balance_id][0] += move.on_hand_delta
        totals[move.balance_id][1] += move.reserved_delta
    now = utcnow()
    try:
        balances = table(StockBalance).c
        session.execute(
            update(table(StockBalance))
            .where(balances.id == bindparam("b_id"))
            .values(
                on_hand=balances.on_hand + bindparam("b_on_hand"),
                reserved=balances.reserved + bindparam("b_reserved"),
            ),
            [
                {"b_id": bid, "b_on_hand": oh, "b_reserved": rs}
                for bid, (oh, rs) in totals.items()
                if oh or rs
            ],
        )
        session.execute(
            insert(table(StockMove)),
            [
                {
                    "at": now,
                    "balance_id": m.balance_id,
                    "on_hand_delta": m.on_hand_delta,
                    "reserved_delta": m.reserved_delta,
                    "reason": m.reason,
                    "reference": m.reference,
                    "user_id": m.user_id,
                }
                for m in moves
            ],
        )
    except IntegrityError as exc:
        raise StockWouldGoNegative(
            "stock would go below zero (or more reserved than on hand); nothing was changed"
        ) from exc


def location_id(session: Session, code: str, walk_seq: int | None = None) -> int:
    """The id of bin `code`, creating it (walk order from its code) when new."""
    found = session.scalar(select(Location.id).where(Location.code == code))
    if found is not None:
        return found
    loc = Location(code=code, walk_seq=walk_seq if walk_seq is not None else 0)
    session.add(loc)
    session.flush()
    return loc.id


def lot_id(session: Session, product_id: int, lot_code: str, expiry: dt.date | None) -> int:
    """The id of the product's lot (the empty lot for untracked stock), creating it when new."""
    query = select(Lot.id).where(Lot.product_id == product_id, Lot.lot_code == lot_code)
    query = query.where(Lot.expiry.is_(None) if expiry is None else Lot.expiry == expiry)
    found = session.scalar(query)
    if found is not None:
        return found
    lot = Lot(product_id=product_id, lot_code=lot_code, expiry=expiry)
    session.add(lot)
    session.flush()
    return lot.id


def balance_id(session: Session, product_id: int, location: int, lot: int) -> int:
    """The id of the balance for product, bin and lot, creating an empty one when new."""
    found = session.scalar(
        select(StockBalance.id).where(
            StockBalance.product_id == product_id,
            StockBalance.location_id == location,
            StockBalance.lot_id == lot,
        )
    )
    if found is not None:
        return found
    balance = StockBalance(
        product_id=product_id, location_id=location, lot_id=lot, on_hand=0, reserved=0
    )
    session.add(balance)
    session.flush()
    return balance.id


@dataclass(frozen=True, slots=True)
class Drift:
    """A balance whose stored totals differ from what its ledger adds up to."""

    balance_id: int
    sku: str
    location: str
    lot: str
    field: str
    stored: int
    expected: int
    source: str

    def __str__(self) -> str:
        lot = f" lot {self.lot}" if self.lot else ""
        return (
            f"{self.sku} @ {self.location}{lot}: {self.field} is {self.stored}, "
            f"{self.source} {self.expected}"
        )


def check(session: Session) -> list[Drift]:
    """Recompute on-hand and reserved from the ledger and the reservations; list every drift."""
    ledger = {
        row.balance_id: (int(row.on_hand), int(row.reserved))
        for row in session.execute(
            select(
                StockMove.balance_id,
                func.sum(StockMove.on_hand_delta).label("on_hand"),
                func.sum(StockMove.reserved_delta).label("reserved"),
            ).group_by(StockMove.balance_id)
        )
    }
    reserved_by_orders = dict(
        session.execute(
            select(Reservation.balance_id, func.sum(Reservation.qty)).group_by(
                Reservation.balance_id
            )
        ).all()
    )
    drifts: list[Drift] = []
    rows = session.execute(
        select(StockBalance, Product.sku, Location.code, Lot.lot_code)
        .join(Product, Product.id == StockBalance.product_id)
        .join(Location, Location.id == StockBalance.location_id)
        .join(Lot, Lot.id == StockBalance.lot_id)
        .order_by(Product.sku, Location.code)
    )
    for balance, sku, loc, lot in rows:
        on_hand, reserved = ledger.get(balance.id, (0, 0))
        held = int(reserved_by_orders.get(balance.id, 0))
        for field, stored, expected, source in (
            ("on_hand", balance.on_hand, on_hand, "the ledger adds up to"),
            ("reserved", balance.reserved, reserved, "the ledger adds up to"),
            ("reserved", balance.reserved, held, "the orders' reservations add up to"),
        ):
            if stored != expected:
                drifts.append(Drift(balance.id, sku, loc, lot, field, stored, expected, source))
    return drifts


def moves_for(session: Session, balance_ids: Iterable[int]) -> list[StockMove]:
    """The ledger rows of some balances, oldest first."""
    return list(
        session.scalars(
            select(StockMove)
            .where(StockMove.balance_id.in_(list(balance_ids)))
            .order_by(StockMove.id)
        )
    )
