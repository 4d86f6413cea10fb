"""What a station knows before a scan, read in the scan's own transaction.

One scan reads, in one query: the station's row with the pack it holds
(user, claim, last sequence number, the pack's order; locked on PostgreSQL
so one station's scans queue), whether it prints labels and which label it
waits for. Then, as the scan needs them, what is in that pack
(`app.db.pack_contents`) and the user, order or parcel a scanned code names,
each one indexed query. The writes under a claim are in `app.db.pack_claims`, the scan log in
`app.db.scan_log`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Select, bindparam, func, insert, select, true, update
from sqlalchemy.orm import Session, aliased

from app.core.bench_settings import DEFAULT_LOCKOUT_AFTER
from app.core.overrides import OverrideKind, OverrideStep, PendingOverride
from app.core.pack.labels import ParcelLabel
from app.core.pack.session import OrderCandidate
from app.core.station import StationUser
from app.core.statuses import PackStatus, ParcelStatus
from app.db.badges import badge_hash
from app.db.clock import DatabaseNow
from app.db.labels import lockout_after, prints_labels
from app.db.models import Order, Station, User, table
from app.db.shipping_models import Parcel, PrintJob
from app.db.sql import core
from app.db.station_models import PackSession, ScanRecord, StationState

_STATE = table(StationState).c
_SESSIONS = table(PackSession).c
_SCANS = table(ScanRecord).c
_USERS = table(User).c
_ORDERS = table(Order).c
_STATIONS = table(Station).c
_JOBS = table(PrintJob).c
_PARCELS = table(Parcel).c
# The awaited parcel's order, apart from the held pack's.
_PARCEL_ORDER = aliased(table(Order), name="parcel_order")
# The supervisor who approved the override under way, apart from the user logged in.
_SUPERVISOR = aliased(table(User), name="supervisor")


@dataclass(frozen=True, slots=True)
class Claim:
    """The pack a station holds: its session and the lease token the station was given."""

    session_id: int
    lease_token: int


@dataclass(frozen=True, slots=True)
class HeldPack:
    """The stored pack session a claim names, as it is now (possibly taken over since)."""

    session_id: int
    order_id: int
    order_number: str
    gift_message: str
    card_confirmed: bool
    carton_no: int
    status: str
    station_id: int | None
    lease_token: int

    def held_by(self, station_id: int, claim: Claim) -> bool:
        """True when the station still holds this pack under `claim`."""
        return (
            self.status == PackStatus.OPEN
            and self.station_id == station_id
            and self.lease_token == claim.lease_token
        )


@dataclass(frozen=True, slots=True)
class StationRow:
    """A station's lasting state as one scan finds it.

    `held` is the pack session its claim names, as stored now; `recorded` is
    True when the scan's client id is already in the scan log (a retry);
    `awaiting` the parcel whose label the station waits to have scanned back
    (none at a station that prints no labels).
    """

    station_id: int
    user: StationUser | None
    claim: Claim | None
    last_seq: int
    held: HeldPack | None = None
    recorded: bool = False
    labels_on: bool = True
    awaiting: ParcelLabel | None = None
    #: Refused product scans in a row, how many lock the station (0: never), and the
    #: supervisor override under way (`app.core.pack.overrides`).
    error_streak: int = 0
    lockout_after: int = DEFAULT_LOCKOUT_AFTER
    override: PendingOverride | None = None
    #: The carrier whose truck a dock station loads (`app.db.dock`), if any.
    dock_carrier: str | None = None

    def lost(self) -> bool:
        """True when the station's claim on its pack was taken over since."""
        return (
            self.held is not None
            and self.claim is not None
            and not self.held.held_by(self.station_id, self.claim)
        )


@dataclass(frozen=True, slots=True)
class OrderOnFile:
    """An order number just scanned: what `decide` is told, and the open session behind it."""

    candidate: OrderCandidate
    session_id: int | None
    lease_token: int | None
    #: Another station whose lease on the open pack ran out: opening the order takes it over.
    lapsed_from: str | None = None


def open_station(session: Session, name: str, printer_uri: str | None = None) -> int:
    """The id of station `name`, creating it (and its state row) on first use."""
    station_id = session.scalar(select(_STATIONS.id).where(_STATIONS.name == name))
    if station_id is None:
        session.execute(insert(table(Station)).values(name=name, printer_uri=printer_uri or ""))
        station_id = session.scalar(select(_STATIONS.id).where(_STATIONS.name == name))
        assert station_id is not None
    elif printer_uri is not None:
        set_printer(session, station_id, printer_uri)
    # A station made elsewhere (before the pack bench had its tables) gets its state row here.
    if session.scalar(select(_STATE.station_id).where(_STATE.station_id == station_id)) is None:
        session.execute(insert(table(StationState)).values(station_id=station_id))
    return int(station_id)


def set_printer(session: Session, station_id: int, printer_uri: str) -> None:
    """The station prints its labels on `printer_uri` from now on."""
    session.execute(
        update(table(Station)).where(_STATIONS.id == station_id).values(printer_uri=printer_uri)
    )


def _station_query(*, lock: bool) -> Select[Any]:
    station_id = bindparam("station_id", type_=Integer())
    last_seq = (
        select(func.coalesce(func.max(_SCANS.seq), 0))
        .where(_SCANS.station_id == station_id)
        .scalar_subquery()
    )
    recorded = select(_SCANS.id).where(_SCANS.scan_id == bindparam("scan_id")).scalar_subquery()
    # The station waits for the parcel of its newest print job while that parcel is labelled
    # (not yet verified, not voided): completing a pack, closing a carton, a reprint and a
    # void's replacement label each queue a job at the station.
    newest_job = select(func.max(_JOBS.id)).where(_JOBS.station_id == station_id).scalar_subquery()
    query = (
        select(
            _STATE.user_id,
            _USERS.name,
            _USERS.role,
            _USERS.active,
            _STATE.pack_session_id,
            _STATE.lease_token,
            last_seq.label("last_seq"),
            recorded.label("recorded"),
            _STATIONS.settings,
            _PARCELS.id,
            _PARCELS.tracking_number,
            _PARCEL_ORDER.c.number,
            _PARCELS.carton_no,
            _PARCELS.status,
            _PARCELS.order_id,
            *_HELD_COLUMNS,
            _STATE.error_streak,
            _STATE.override_kind,
            _STATE.override_step,
            _STATE.override_code,
            _SUPERVISOR.c.id,
            _SUPERVISOR.c.name,
            _SUPERVISOR.c.role,
            _STATE.dock_carrier,
        )
        .select_from(
            table(StationState)
            .join(table(Station), _STATIONS.id == _STATE.station_id)
            .outerjoin(table(User), _USERS.id == _STATE.user_id)
            .outerjoin(table(PackSession), _SESSIONS.id == _STATE.pack_session_id)
            .outerjoin(table(Order), _ORDERS.id == _SESSIONS.order_id)
            .outerjoin(table(PrintJob), _JOBS.id == newest_job)
            .outerjoin(
                table(Parcel),
                (_PARCELS.id == _JOBS.parcel_id) & (_PARCELS.status == ParcelStatus.LABELLED),
            )
            .outerjoin(_PARCEL_ORDER, _PARCEL_ORDER.c.id == _PARCELS.order_id)
            .outerjoin(_SUPERVISOR, _SUPERVISOR.c.id == _STATE.override_by)
        )
        .where(_STATE.station_id == station_id)
    )
    # PostgreSQL: one station's scans take turns (SQLite lets one writer in anyway).
    return query.with_for_update(of=table(StationState)) if lock else query


_HELD_COLUMNS = (
    _SESSIONS.id,
    _SESSIONS.order_id,
    _ORDERS.number,
    _ORDERS.gift_message,
    _SESSIONS.card_confirmed,
    _SESSIONS.carton_no,
    _SESSIONS.status,
    _SESSIONS.station_id,
    _SESSIONS.lease_token,
)
# Built once: the statements of every scan are compiled and cached once, not per scan.
_STATION = _station_query(lock=True)
_STATION_SEEN = _station_query(lock=False)
_HELD = (
    select(*_HELD_COLUMNS)
    .join(table(Order), _ORDERS.id == _SESSIONS.order_id)
    .where(_SESSIONS.id == bindparam("session_id"))
)


def load_station(
    session: Session, station_id: int, scan_id: str | None = None, *, for_scan: bool = True
) -> StationRow:
    """In one query: the station's user, claim, last sequence number, held pack, label
    setting and awaited label, and whether `scan_id` is already recorded. For a scan the
    station's row stays locked (PostgreSQL) until the transaction ends, so two processes
    running one station take turns."""
    query = _STATION if for_scan else _STATION_SEEN
    row = core(session).execute(query, {"station_id": station_id, "scan_id": scan_id}).one()
    user_id, name, role, active, session_id, token, last_seq, recorded, settings = row[:9]
    parcel = row[9:15]
    user = StationUser(int(user_id), name, role) if user_id is not None and active else None
    claim = Claim(int(session_id), int(token)) if session_id is not None else None
    held = HeldPack(*row[15:24]) if session_id is not None else None
    labels_on = prints_labels(settings)
    awaiting = ParcelLabel(*parcel) if labels_on and parcel[0] is not None else None
    streak, kind, step, code, supervisor_id, supervisor_name, supervisor_role = row[24:31]
    override = None
    if kind is not None and step is not None:
        supervisor = None
        if supervisor_id is not None:
            supervisor = StationUser(int(supervisor_id), supervisor_name, supervisor_role)
        override = PendingOverride(OverrideKind(kind), OverrideStep(step), supervisor, code)
    return StationRow(
        station_id,
        user,
        claim,
        int(last_seq),
        held,
        recorded is not None,
        labels_on,
        awaiting,
        int(streak or 0),
        lockout_after(settings),
        override,
        row[31],
    )


def held_pack(session: Session, session_id: int) -> HeldPack | None:
    """The pack session `session_id` with its order's number and gift message."""
    row = core(session).execute(_HELD, {"session_id": session_id}).first()
    return HeldPack(*row) if row is not None else None


_ORDER_ON_FILE = (
    select(
        _ORDERS.id,
        _ORDERS.number,
        _ORDERS.status,
        _SESSIONS.id,
        _SESSIONS.station_id,
        _SESSIONS.lease_token,
        # Whether the holder's lease still runs, by the database's clock.
        (_SESSIONS.lease_expires_at > DatabaseNow()).label("lease_live"),
        _STATIONS.name,
    )
    .select_from(
        table(Order)
        .outerjoin(
            table(PackSession),
            (_SESSIONS.order_id == _ORDERS.id) & (_SESSIONS.status == PackStatus.OPEN),
        )
        .outerjoin(table(Station), _STATIONS.id == _SESSIONS.station_id)
    )
    .where(_ORDERS.number == bindparam("number"))
)
_BADGE_USER = select(_USERS.id, _USERS.name, _USERS.role).where(
    _USERS.badge_hash == bindparam("badge_hash"), _USERS.active == true()
)
_HOLDER = (
    select(_STATIONS.name)
    .join(table(PackSession), _SESSIONS.station_id == _STATIONS.id)
    .where(_SESSIONS.id == bindparam("session_id"), _SESSIONS.status == PackStatus.OPEN)
)


def badge_user(session: Session, code: str) -> StationUser | None:
    """The active user whose badge this is (found by its keyed hash)."""
    row = core(session).execute(_BADGE_USER, {"badge_hash": badge_hash(session, code)}).first()
    return StationUser(int(row[0]), row[1], row[2]) if row is not None else None


def order_on_file(session: Session, number: str, station_id: int) -> OrderOnFile | None:
    """The order with this number and its open pack session: held here, held elsewhere
    under a lease still running by the database's clock (`locked_by` names that station),
    or free to take."""
    row = core(session).execute(_ORDER_ON_FILE, {"number": number}).first()
    if row is None:
        return None
    order_id, number, status, session_id, holder, token, live, holder_name = row
    elsewhere = holder is not None and holder != station_id
    locked_by = holder_name if elsewhere and live else None
    candidate = OrderCandidate(
        int(order_id), number, status, locked_by=locked_by, open_here=holder == station_id
    )
    return OrderOnFile(
        candidate, session_id, token, holder_name if elsewhere and not live else None
    )


def holder_name(session: Session, session_id: int) -> str | None:
    """The name of the station holding pack session `session_id` now, if any."""
    return core(session).scalar(_HOLDER, {"session_id": session_id})
