"""The stock ledger: every change of on-hand or reserved goes through `post`.

`post` appends the ledger rows and adjusts the running balances in the caller's
transaction; the balances' CHECK constraints refuse anything that would take
on-hand or reserved below zero, so the whole unit of work rolls back instead.
The bins, lots and balances that moves name are found, or created when new,
here too: in bulk (`location_ids`, `lot_ids`, `balance_ids`) or one at a time.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import (
    Column,
    ColumnElement,
    MetaData,
    Table,
    and_,
    delete,
    func,
    insert,
    select,
)
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
from app.db.sql import add_rows, among, chunks, core, insert_rows, rows_in, update_rows


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


def _added(delta: Mapping[str, ColumnElement[Any]]) -> Mapping[str, Any]:
    """A balance's totals with a move's deltas added."""
    balances = table(StockBalance).c
    return {
        "on_hand": balances.on_hand + delta["on_hand"],
        "reserved": balances.reserved + delta["reserved"],
    }


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
        update_rows(
            session,
            table(StockBalance),
            [
                {"id": bid, "on_hand": on_hand, "reserved": reserved}
                for bid, (on_hand, reserved) in totals.items()
                if on_hand or reserved
            ],
            _added,
        )
        add_rows(
            session,
            table(StockMove),
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


LotKey = tuple[int, str, dt.date | None]
BalanceKey = tuple[int, int, int]
Key = TypeVar("Key", bound=tuple[Any, ...])


def _get_or_create(
    session: Session, target: Table, columns: Sequence[str], keys: Iterable[Key], **new: Any
) -> tuple[dict[Key, int], int]:
    """Key -> id of the rows of `target` whose `columns` hold these keys, inserting the rows
    that are missing (with the `new` values besides their keys); also how many were inserted.

    A key of one column is looked up by that column (indexed); a key of several by all of
    them at once (a unique index), a few hundred keys a query, so the answer never holds
    more rows than the keys asked for.
    """

    def lookup(wanted: Collection[Key]) -> dict[Key, int]:
        query = select(*(target.c[name] for name in columns), target.c.id)
        rows = (
            rows_in(session, query, query.selected_columns[0], {key[0] for key in wanted})
            if len(columns) == 1
            else _rows_by_keys(session, target, columns, wanted)
        )
        found = ((tuple(row[:-1]), row[-1]) for row in rows)
        return {cast(Key, key): int(rid) for key, rid in found if key in wanted}

    wanted = dict.fromkeys(keys)
    found = lookup(wanted)
    missing = [key for key in wanted if key not in found]
    if missing:
        insert_rows(
            session, target, [{**new, **dict(zip(columns, key, strict=True))} for key in missing]
        )
        found.update(lookup(set(missing)))
    return found, len(missing)


#: Keys of several columns looked up per query.
_KEYS_PER_QUERY = 5000


@functools.cache
def _key_table(target: Table, columns: tuple[str, ...]) -> Table:
    """A temporary table (one per connection) holding keys of `target`'s `columns`."""
    return Table(
        f"kenpin_keys_{target.name}_{'_'.join(columns)}",
        MetaData(),
        *(Column(name, target.c[name].type) for name in columns),
        prefixes=["TEMPORARY"],
    )


def _rows_by_keys(
    session: Session, target: Table, columns: Sequence[str], keys: Collection[Key]
) -> Iterator[Sequence[Any]]:
    """(columns..., id) of the rows of `target` whose `columns` hold one of `keys` exactly.

    The keys go into a temporary table joined with `target`, so each is found through
    `target`'s unique index on `columns` (an `IN` list of row values is not, on SQLite).
    Keys are grouped by which of their values are NULL, as `=` never matches a NULL:
    those columns are asked `IS NULL` instead.
    """
    conn = core(session)
    groups: dict[tuple[bool, ...], list[Key]] = defaultdict(list)
    for key in keys:
        groups[tuple(value is None for value in key)].append(key)
    for nulls, group in groups.items():
        named = tuple(name for name, null in zip(columns, nulls, strict=True) if not null)
        held = _key_table(target, named)
        held.create(conn, checkfirst=True)
        match = [target.c[name] == held.c[name] for name in named]
        match += [
            target.c[name].is_(None) for name, null in zip(columns, nulls, strict=True) if null
        ]
        query = select(*(target.c[name] for name in columns), target.c.id).join_from(
            held, target, and_(*match)
        )
        for part in chunks(group, _KEYS_PER_QUERY):
            conn.execute(delete(held))
            values = [
                {name: v for name, v, null in zip(columns, key, nulls, strict=True) if not null}
                for key in part
            ]
            conn.execute(insert(held), values)
            yield from conn.execute(query).all()
        conn.execute(delete(held))


def location_ids(
    session: Session, codes: Iterable[str], walk_seq: int = 0
) -> tuple[dict[str, int], int]:
    """Bin code -> id for `codes`, creating the bins that are new (at `walk_seq` in the walk);
    also how many were created."""
    found, created = _get_or_create(
        session, table(Location), ("code",), [(code,) for code in codes], walk_seq=walk_seq
    )
    return {code: lid for (code,), lid in found.items()}, created


def lot_ids(session: Session, keys: Iterable[LotKey]) -> dict[LotKey, int]:
    """(product id, lot code, expiry) -> lot id, creating the lots that are new.

    Untracked stock is kept in the product's empty lot, `(product id, "", None)`.
    """
    return _get_or_create(session, table(Lot), ("product_id", "lot_code", "expiry"), keys)[0]


def balance_ids(session: Session, keys: Iterable[BalanceKey]) -> dict[BalanceKey, int]:
    """(product id, location id, lot id) -> balance id, creating empty balances that are new."""
    columns = ("product_id", "location_id", "lot_id")
    return _get_or_create(session, table(StockBalance), columns, keys, on_hand=0, reserved=0)[0]


def location_id(session: Session, code: str, walk_seq: int | None = None) -> int:
    """The id of bin `code`, creating it (at `walk_seq`, else 0) when new."""
    return location_ids(session, [code], walk_seq or 0)[0][code]


def lot_id(session: Session, product_id: int, lot_code: str, expiry: dt.date | None) -> int:
    """The id of the product's lot (the empty lot for untracked stock), creating it when new."""
    key = (product_id, lot_code, expiry)
    return lot_ids(session, [key])[key]


def balance_id(session: Session, product_id: int, location: int, lot: int) -> int:
    """The id of the balance for product, bin and lot, creating an empty one when new."""
    key = (product_id, location, lot)
    return balance_ids(session, [key])[key]


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


def moves_for(session: Session, balances: Iterable[int]) -> list[StockMove]:
    """The ledger rows of some balances, oldest first."""
    return list(
        session.scalars(
            select(StockMove)
            .where(among(session, StockMove.balance_id, list(balances)))
            .order_by(StockMove.id)
        )
    )
