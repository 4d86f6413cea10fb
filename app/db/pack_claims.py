"""Claiming an order for packing, and every write a station makes under its claim.

A station claims an order by opening a pack session, or by taking over one
that is parked or whose holder's lease has run out, always with a new lease
token, and keeps the token in its state row. Leases are set and compared
with the database's clock (`app.db.clock`) in the statements themselves,
never with a station's. Each later write under the claim
starts with `fenced`: one UPDATE of the session naming the station and the
token, which must hit exactly one row, so a station that lost its claim
changes nothing. Two stations claiming one order at the same moment (only
possible on PostgreSQL; SQLite lets one writer in at a time) surface as
`ConcurrentChange`, and the scan is decided again on what is stored now.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Update, bindparam, delete, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from app.core.errors import ConcurrentChange
from app.core.orders import OrderStatus
from app.core.statuses import PackStatus
from app.db import stock
from app.db.clock import DatabaseLater, DatabaseNow
from app.db.models import Order, OrderLine, Reservation, table, utcnow
from app.db.sql import ByKeys, core, on_postgresql
from app.db.station import Claim, OrderOnFile
from app.db.station_models import PackSession, ScanRecord, StationState

_SESSIONS = table(PackSession).c
_STATE = table(StationState).c
_LINES = table(OrderLine).c
_ORDERS = table(Order).c
_SCANS = table(ScanRecord).c
_RESERVATIONS = table(Reservation).c

# PostgreSQL's codes for a deadlock and a serialisation failure: both mean "try again".
_RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})


@contextlib.contextmanager
def conflicts_translated() -> Iterator[None]:
    """Turn a clash with another station's concurrent write (a unique key taken a moment
    ago, a deadlock) into ConcurrentChange, which the caller may retry."""
    try:
        yield
    except IntegrityError as exc:
        if "unique" not in str(exc.orig).lower() and _sqlstate(exc) != "23505":
            raise
        raise ConcurrentChange(f"another station wrote the same records: {exc.orig}") from exc
    except DBAPIError as exc:
        if _sqlstate(exc) not in _RETRYABLE_SQLSTATES:
            raise
        raise ConcurrentChange(f"another station wrote the same records: {exc.orig}") from exc


def _sqlstate(exc: DBAPIError) -> str | None:
    return getattr(exc.orig, "sqlstate", None)


@dataclass(frozen=True, slots=True)
class Lease:
    """A claim's lease as a write sets it: `length` from the database's clock (never the
    station's). `scanned_at` is only the time recorded for the scan that writes it (a pack
    opened then); it sets and checks nothing."""

    scanned_at: dt.datetime
    length: dt.timedelta

    @property
    def seconds(self) -> int:
        return round(self.length.total_seconds())


#: The lease's expiry as each write sets it: the database's clock plus the lease's seconds.
_EXPIRES = DatabaseLater(bindparam("lease_seconds", type_=Integer()))


def _open_session(insert: Any) -> Any:
    """`INSERT` of an open pack session that does nothing when the order already has one, in
    one database's spelling (`sqlite.insert` or `postgresql.insert`)."""
    return (
        insert(table(PackSession))
        # The partial index's predicate as a literal: PostgreSQL matches an ON CONFLICT target
        # to a partial index by its text, not through a bound parameter (which a prepared
        # statement's generic plan does not know).
        .values(lease_expires_at=_EXPIRES)
        .on_conflict_do_nothing(
            index_elements=["order_id"], index_where=text(f"status = '{PackStatus.OPEN}'")
        )
        .returning(_SESSIONS.id)
    )


_OPEN_SESSION = {
    "sqlite": _open_session(sqlite.insert),
    "postgresql": _open_session(postgresql.insert),
}


def _take_over(*held_by: Any) -> Update:
    """The statement that moves an open pack's claim to the claimant under a new token,
    when its token is still the one read and, if given, `held_by` allows it."""
    return (
        update(table(PackSession))
        .where(
            _SESSIONS.id == bindparam("held_session"),
            _SESSIONS.status == PackStatus.OPEN,
            _SESSIONS.lease_token == bindparam("held_token"),
            *held_by,
        )
        .values(
            station_id=bindparam("claimant"),
            user_id=bindparam("packer"),
            lease_token=_SESSIONS.lease_token + 1,
            lease_expires_at=_EXPIRES,
        )
    )


#: Opening a pack that is parked, this station's own, or whose lease ran out.
_TAKE_OVER = _take_over(
    or_(
        _SESSIONS.station_id.is_(None),
        _SESSIONS.station_id == bindparam("claimant"),
        _SESSIONS.lease_expires_at <= DatabaseNow(),
    )
)
#: A supervisor's take-over (`KCMD:TAKEOVER`): whichever station holds the pack, under a
#: live lease too; the new token fences that station out.
_TAKE_OVER_HELD = _take_over()


def claim(
    session: Session, station_id: int, user_id: int, on_file: OrderOnFile, lease: Lease
) -> Claim:
    """Open the order's pack at this station, or take over its open pack (parked, this
    station's own, or one whose lease ran out), under a new lease token."""
    if on_file.session_id is None:
        dialect = "postgresql" if on_postgresql(session) else "sqlite"
        new_id = core(session).scalar(
            _OPEN_SESSION[dialect],
            {
                "order_id": on_file.candidate.order_id,
                "station_id": station_id,
                "user_id": user_id,
                "status": PackStatus.OPEN,
                "lease_token": 1,
                "lease_seconds": lease.seconds,
                "carton_no": 1,
                "card_confirmed": False,
                "opened_at": lease.scanned_at,
            },
        )
        if new_id is None:
            raise ConcurrentChange("another station opened this order a moment ago")
        return Claim(int(new_id), 1)
    return _moved(session, _TAKE_OVER, on_file, _claimant(station_id, user_id, lease))


def take_over(
    session: Session, station_id: int, user_id: int, on_file: OrderOnFile, lease: Lease
) -> Claim:
    """A supervisor's take-over: the order's pack moves here whichever station holds it
    (opened here when none does), under a new token that fences that station out."""
    if on_file.session_id is None:
        return claim(session, station_id, user_id, on_file, lease)
    return _moved(session, _TAKE_OVER_HELD, on_file, _claimant(station_id, user_id, lease))


def _claimant(station_id: int, user_id: int, lease: Lease) -> dict[str, Any]:
    """Who a pack's claim moves to, for how long."""
    return {"claimant": station_id, "packer": user_id, "lease_seconds": lease.seconds}


def _moved(
    session: Session, statement: Update, on_file: OrderOnFile, claimant: Mapping[str, Any]
) -> Claim:
    """Move the open pack `on_file` names to `claimant` with `statement`; its new claim."""
    assert on_file.session_id is not None and on_file.lease_token is not None
    taken = core(session).execute(
        statement,
        {"held_session": on_file.session_id, "held_token": on_file.lease_token, **claimant},
    )
    if taken.rowcount != 1:
        raise ConcurrentChange("another station took this order a moment ago")
    return Claim(on_file.session_id, on_file.lease_token + 1)


# The fence as one statement built once; the columns it sets come with each call's values.
_FENCED = (
    update(table(PackSession))
    .where(
        _SESSIONS.id == bindparam("held_session"),
        _SESSIONS.station_id == bindparam("held_by"),
        _SESSIONS.lease_token == bindparam("held_token"),
        _SESSIONS.status == PackStatus.OPEN,
    )
    .values(lease_expires_at=_EXPIRES)
)
_COUNTED = (
    update(table(OrderLine))
    .where(_LINES.id == bindparam("line_id"))
    .values(packed=_LINES.packed + bindparam("units", type_=Integer()))
)


def fenced(
    session: Session,
    station_id: int,
    held: Claim,
    lease: Lease,
    values: Mapping[str, Any] | None = None,
) -> bool:
    """Renew the lease of the pack this station holds, setting `values` on the session too;
    False (and nothing changed) when the station no longer holds it under that token."""
    done = core(session).execute(
        _FENCED,
        {
            "held_session": held.session_id,
            "held_by": station_id,
            "held_token": held.lease_token,
            "lease_seconds": lease.seconds,
            **(values or {}),
        },
    )
    return bool(done.rowcount == 1)


# The rest of a scan's writes, built once too.
_SET_CLAIM = update(table(StationState)).where(_STATE.station_id == bindparam("station"))
_SET_ORDER_STATUS = (
    update(table(Order))
    .where(
        _ORDERS.id == bindparam("order"), _ORDERS.status.in_(bindparam("only_from", expanding=True))
    )
    .values(status=bindparam("to_status"), updated_at=bindparam("at"))
)
_TAKE_BACK = (
    update(table(ScanRecord))
    .where(_SCANS.id == bindparam("scan_ref"), _SCANS.undone.is_(False))
    .values(undone=True)
)
_RESERVED_FOR_LINES = ByKeys.of(
    _RESERVATIONS.order_line_id,
    lambda among_lines: (
        select(_RESERVATIONS.id, _RESERVATIONS.balance_id, _RESERVATIONS.qty)
        .where(among_lines)
        .order_by(_RESERVATIONS.id)
    ),
)
_DROP_RESERVATIONS = ByKeys.of(
    _RESERVATIONS.id, lambda among_ids: delete(table(Reservation)).where(among_ids)
)


def set_claim(session: Session, station_id: int, held: Claim | None) -> None:
    """Remember (or forget) the pack this station holds."""
    core(session).execute(
        _SET_CLAIM,
        {
            "station": station_id,
            "pack_session_id": held.session_id if held else None,
            "lease_token": held.lease_token if held else None,
        },
    )


def set_order_status(
    session: Session, order_id: int, status: OrderStatus, only_from: frozenset[str]
) -> bool:
    """Move the order to `status` when it is in one of `only_from`; False when it was not."""
    done = core(session).execute(
        _SET_ORDER_STATUS,
        {
            "order": order_id,
            "only_from": sorted(only_from),
            "to_status": status.value,
            "at": utcnow(),
        },
    )
    return bool(done.rowcount == 1)


def count_units(session: Session, line_id: int, units: int) -> None:
    """Add units to a line's packed count (the line's CHECK keeps it within the ordered qty)."""
    core(session).execute(_COUNTED, {"line_id": line_id, "units": units})


def take_back(session: Session, scan_ref: int, line_id: int, units: int) -> None:
    """Mark an accepted scan undone and take its units off the line's packed count."""
    done = core(session).execute(_TAKE_BACK, {"scan_ref": scan_ref})
    if done.rowcount != 1:
        raise ConcurrentChange("that unit was taken back a moment ago")
    count_units(session, line_id, -units)


def ship_out(session: Session, order_number: str, line_ids: list[int], user_id: int | None) -> None:
    """Move the order's reserved stock out of its bins through the ledger (on hand and
    reserved both down, reason `pack`) and drop the reservations."""
    rows = _RESERVED_FOR_LINES.run(session, line_ids).all()
    per_balance: dict[int, int] = defaultdict(int)
    for _rid, balance_id, qty in rows:
        per_balance[int(balance_id)] += int(qty)
    stock.post(
        session,
        [
            stock.Move(
                balance_id,
                on_hand_delta=-qty,
                reserved_delta=-qty,
                reason="pack",
                reference=order_number,
                user_id=user_id,
            )
            # In id order, so two stations completing at once lock balances alike.
            for balance_id, qty in sorted(per_balance.items())
        ],
    )
    if rows:
        _DROP_RESERVATIONS.run(session, [int(row[0]) for row in rows])


def log_in(session: Session, station_id: int, user_id: int, at: dt.datetime) -> None:
    """Log the user in here, and out of any other station (one station at a time)."""
    core(session).execute(
        update(table(StationState))
        .where(_STATE.user_id == user_id, _STATE.station_id != station_id)
        .values(user_id=None, logged_in_at=None)
    )
    core(session).execute(
        update(table(StationState))
        .where(_STATE.station_id == station_id)
        .values(user_id=user_id, logged_in_at=at, seen_at=at)
    )


def log_out(session: Session, station_id: int, at: dt.datetime) -> None:
    """Nobody is logged in here any more; a pack held here stays held."""
    core(session).execute(
        update(table(StationState))
        .where(_STATE.station_id == station_id)
        .values(user_id=None, logged_in_at=None, seen_at=at)
    )
