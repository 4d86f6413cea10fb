"""One station's scans over the shared database, in one mode, each scan one transaction.

All of a station's state (who is logged in, which pack it holds, the label
it waits for) is stored, so a new `Station` on the same name resumes where
the last one stopped. What it keeps in memory between scans is only a copy,
used while the stored station has not moved on (see `pipeline.Kept`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from app.core.errors import Refused
from app.core.scans import Scan
from app.core.shop import Override
from app.core.text import check_text
from app.core.times import too_far_ahead
from app.db import pack_claims as claims
from app.db import station as store
from app.db.clock import database_time
from app.db.database import Database
from app.db.models import utcnow
from app.labels.printer_local import check_on_this_pc
from app.labels.printer_uri import parse_printer_uri
from app.services.station.hold import StationHold
from app.services.station.outcome import ScanOutcome
from app.services.station.pipeline import (
    Incoming,
    Kept,
    StationMode,
    StationRef,
    Tx,
    in_utc,
    retried,
    run_scan,
    scan_key,
)

#: The longest station name and printer URI the stations table holds.
MAX_STATION_NAME, MAX_PRINTER_URI = 64, 400

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

S = TypeVar("S")
D = TypeVar("D")
A = TypeVar("A")
H = TypeVar("H")
V = TypeVar("V")

#: How long a station's claim on an order lasts unless renewed.
LEASE_SECONDS = 60

Clock = Callable[[], dt.datetime]


@dataclass(frozen=True, slots=True)
class Opening:
    """What a process sets as it opens a station: the printer it names (None: the one the
    station has), the hold it takes while it runs (None: it takes none), and the shop
    settings its environment overrides (deprecated `KENPIN_SHOP_*`)."""

    printer: str | None = None
    hold: StationHold | None = None
    shop_overrides: Mapping[str, Override] = field(default_factory=dict)


class Station(Generic[S, D, A, H, V]):
    """A station's scan pipeline in `mode` (see `open_station` for its `ref`)."""

    def __init__(
        self,
        db: Database,
        ref: StationRef,
        mode: StationMode[S, D, A, H, V],
        *,
        lease_seconds: int = LEASE_SECONDS,
        clock: Clock = utcnow,
    ) -> None:
        self._db = db
        self._mode = mode
        self._lease = dt.timedelta(seconds=lease_seconds)
        self._clock = clock
        self._kept: Kept[H] | None = None
        self.ref = ref

    @property
    def station(self) -> str:
        """The station's name."""
        return self.ref.name

    def scan(
        self,
        scan: Scan,
        *,
        scan_id: str | None = None,
        at: dt.datetime | None = None,
        pin: str | None = None,
        note: str | None = None,
    ) -> ScanOutcome:
        """Apply one scan and return its committed outcome, with the view after it; `pin` is
        the PIN given with a supervisor's or admin's badge (checked, never recorded), `note`
        a supervisor's words on the override the scan completes (kept with it)."""
        moment = in_utc(at) if at is not None else self._clock()
        incoming = Incoming(
            scan, scan_key(scan_id or uuid.uuid4().hex), moment, self._lease, pin=pin, note=note
        )

        def attempt() -> ScanOutcome:
            with claims.conflicts_translated(), self._db.write() as session:
                if at is not None:
                    _refuse_if_ahead(session, moment)
                self._keep_hold(session)
                row = store.load_station(session, self.ref.id, incoming.scan_id)
                shown = run_scan(self._mode, Tx(session, self.ref, row, self._kept), incoming)
            # Committed: only now is what the scan changed worth keeping.
            self._kept = shown.kept
            return shown.outcome

        return retried(attempt)

    def view(self) -> V:
        """The station's current state for the screen (one read transaction)."""
        with self._db.read() as session:
            row = store.load_station(session, self.ref.id, for_scan=False)
            tx = Tx(session, self.ref, row, self._kept)
            view, held = self._mode.screen(tx)
            self._kept = Kept(row.last_seq, tx.scope, tx.recent(), held)
        return view

    def renew_lease(self) -> bool:
        """Keep this station's claim on its open order alive (called every few seconds): the
        lease runs from the database's clock.

        False when the station holds no pack or has lost it to another station
        (its next scan on the pack says so); nothing is changed then.
        """
        lease = claims.Lease(self._clock(), self._lease)
        with claims.conflicts_translated(), self._db.write() as session:
            self._keep_hold(session, now=True)
            row = store.load_station(session, self.ref.id)
            if row.claim is None:
                return False
            return claims.fenced(session, self.ref.id, row.claim, lease)

    def keep_hold(self) -> None:
        """Renew this process's hold on the station (the window's timer, no pack open)."""
        if self.ref.hold is not None:
            with claims.conflicts_translated(), self._db.write() as session:
                self._keep_hold(session, now=True)

    def release(self) -> None:
        """Let go of the station's hold: this process is done with it."""
        if self.ref.hold is not None:
            with claims.conflicts_translated(), self._db.write() as session:
                self.ref.hold.release(session, self.ref.id)

    def _keep_hold(self, session: Session, *, now: bool = False) -> None:
        if self.ref.hold is not None:
            self.ref.hold.keep(session, self.ref.id, self.ref.name, now=now)


def _refuse_if_ahead(session: Session, at: dt.datetime) -> None:
    """Refuse a scan said to be made `at` when that is too far ahead of the database's clock
    (the window's own clock is never refused: only its recorded time would be off)."""
    ahead = too_far_ahead(at, database_time(session))
    if ahead is not None:
        raise Refused(f"at: {ahead}")


def database_clock(db: Database) -> dt.datetime:
    """The database's clock now: what leases run on, and what scan times are checked by."""
    with db.read() as session:
        return database_time(session)


def open_station(db: Database, name: str, opening: Opening | None = None) -> StationRef:
    """The station called `name`, created on first use. The opening's hold is taken first
    (refused while another running process holds the station); then its printer, when
    given, is stored as the station's printer."""
    opening = opening or Opening()
    name = check_station_name(name)
    if opening.printer is not None:
        check_printer_uri(opening.printer)

    def opened() -> int:
        with claims.conflicts_translated(), db.write() as session:
            station_id = store.open_station(session, name)
            if opening.hold is not None:
                opening.hold.take(session, station_id, name)
            if opening.printer is not None:
                store.set_printer(session, station_id, opening.printer)
            return station_id

    return StationRef(retried(opened), name, opening.hold)


def check_station_name(name: str) -> str:
    """The station's name, stripped; refused when empty, too long or holding a control character."""
    name = name.strip()
    if not name:
        raise Refused("station: empty name")
    check_text("--station", name, MAX_STATION_NAME)
    return name


def check_printer_uri(uri: str) -> None:
    """Refuse a printer URI the printers cannot use (the rule is `parse_printer_uri`'s), and
    a device or folder on this PC that cannot take labels (`check_on_this_pc`)."""
    check_text("--printer", uri, MAX_PRINTER_URI)
    try:
        check_on_this_pc(parse_printer_uri(uri))
    except Refused as exc:
        raise Refused(f"--printer: {uri!r} is not a printer URI: {exc}") from exc
