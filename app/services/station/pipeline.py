"""The station use case: apply one scan at one station, in one transaction.

Classify, load the open pack, decide (app.core.pack.rules.decide), record the scan
with its verdict, update counts, commit, and only then return the verdict to
be shown. A scan that clashed with another station's write at the same moment
is decided again from what is stored then; a scan retried under the same
scan id gets its recorded outcome back and counts nothing twice.

Time: a scan's `at` (default: now) stamps the record, sets and checks leases,
and gives today's date in Japan time for expiry checks; a time without a zone
is Japan time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from app.core.errors import ConcurrentChange, Refused
from app.core.pack.labels import ParcelLabel
from app.core.pack.rules import Pack, StationUser
from app.core.scans import Reason, ScanKind, VerdictKind
from app.core.times import as_utc
from app.db import labels, scan_log
from app.db import pack_claims as claims
from app.db import station as store
from app.db.database import Database
from app.db.models import utcnow
from app.labels.printer_uri import parse_printer_uri
from app.services.station.pack import PackScan, apply_decision, pack_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: Japan has one time zone and no daylight saving time.
JAPAN = dt.timezone(dt.timedelta(hours=9), "JST")
#: How many of the station's latest scans the screen lists.
RECENT_SCANS = 12
#: Tries of a scan that keeps clashing with other stations' writes before giving up.
ATTEMPTS = 5

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ScanOutcome:
    """One scan's verdict as shown on screen and written by `kenpin replay`."""

    seq: int
    scan: str
    kind: ScanKind
    verdict: VerdictKind
    reason: Reason | None
    order: str | None
    scanned: int | None
    expected: int | None
    message: str = ""
    #: When the scan was recorded (UTC).
    at: dt.datetime | None = None
    #: The label print job the scan queued, to run once it is committed (not in the JSON).
    print_job: int | None = None

    def as_json(self) -> dict[str, Any]:
        """The JSON object of INTERFACES.md's replay format."""
        return {
            "seq": self.seq,
            "scan": self.scan,
            "kind": self.kind.value,
            "verdict": self.verdict.value,
            "reason": self.reason.value if self.reason else None,
            "order": self.order,
            "scanned": self.scanned,
            "expected": self.expected,
        }


@dataclass(frozen=True, slots=True)
class LineView:
    """One line of the open order as the pack screen shows it."""

    line_id: int
    sku: str
    name: str
    variant: str
    bins: str
    ordered: int
    packed: int


@dataclass(frozen=True, slots=True)
class StationView:
    """What the pack screen shows: who, which order, its lines, the recent scans."""

    station: str
    user: StationUser | None
    order_number: str | None
    gift_message: str
    card_confirmed: bool
    lines: tuple[LineView, ...]
    scanned: int | None
    expected: int | None
    recent: tuple[ScanOutcome, ...]
    #: The parcel whose label the station waits to have scanned back, if any.
    awaiting: ParcelLabel | None = None


class PackStation:
    """One station's scan pipeline over the shared database.

    All of the station's state (who is logged in, which pack it holds) is
    stored, so a new PackStation on the same name resumes where the last one
    stopped. `printer`, when given, is stored as the station's printer.
    """

    def __init__(
        self,
        db: Database,
        station: str,
        *,
        lease_seconds: int = 60,
        printer: str | None = None,
    ) -> None:
        station = station.strip()
        if not station:
            raise Refused("station: empty name")
        if printer is not None:
            check_printer_uri(printer)
        self._db = db
        self.station = station
        self._lease = dt.timedelta(seconds=lease_seconds)
        self._station_id = _retried(lambda: self._open(printer))

    def _open(self, printer: str | None) -> int:
        with claims.conflicts_translated(), self._db.write() as session:
            return store.open_station(session, self.station, printer)

    def scan(
        self,
        code: str,
        *,
        scan_id: str | None = None,
        at: dt.datetime | None = None,
        symbology: str | None = None,
    ) -> ScanOutcome:
        """Apply one scan (a normalised code) and return its committed verdict."""
        scan_id = _scan_key(scan_id) if scan_id else uuid.uuid4().hex
        moment = _utc(at) if at is not None else utcnow()

        def attempt() -> ScanOutcome:
            with claims.conflicts_translated(), self._db.write() as session:
                row = store.load_station(session, self._station_id, scan_id)
                if row.recorded:
                    done = scan_log.recorded_scan(session, scan_id)
                    assert done is not None
                    return _outcome(done)
                scan = PackScan(
                    code, scan_id, symbology, moment, moment.astimezone(JAPAN).date(), self._lease
                )
                applied = apply_decision(session, self.station, row, scan)
                return ScanOutcome(
                    seq=row.last_seq + 1,
                    scan=code,
                    kind=applied.kind,
                    verdict=applied.decision.verdict,
                    reason=applied.decision.reason,
                    order=applied.pack.order_number if applied.pack else None,
                    scanned=applied.scanned,
                    expected=applied.pack.expected if applied.pack else None,
                    message=applied.decision.message,
                    at=moment,
                    print_job=applied.print_job,
                )

        return _retried(attempt)

    def view(self) -> StationView:
        """The station's current state for the screen."""
        with self._db.read() as session:
            row = store.load_station(session, self._station_id, for_scan=False)
            pack = _held(session, self._station_id, row)
            recent = scan_log.recent_scans(session, self._station_id, RECENT_SCANS)
            _printer, labels_on = labels.station_printer(session, self._station_id)
            awaiting = labels.awaited_parcel(session, self._station_id) if labels_on else None
        lines: tuple[LineView, ...] = ()
        if pack is not None:
            lines = tuple(
                LineView(
                    line.line_id,
                    line.sku,
                    line.name,
                    line.variant,
                    line.bins,
                    line.ordered,
                    pack.packed_on(line.line_id),
                )
                for line in pack.lines
            )
        return StationView(
            station=self.station,
            user=row.user,
            order_number=pack.order_number if pack else None,
            gift_message=pack.gift_message if pack else "",
            card_confirmed=pack.card_confirmed if pack else False,
            lines=lines,
            scanned=pack.scanned if pack else None,
            expected=pack.expected if pack else None,
            recent=tuple(_outcome(scan) for scan in recent),
            awaiting=awaiting,
        )

    def renew_lease(self, at: dt.datetime | None = None) -> bool:
        """Keep this station's claim on its open order alive (called every few seconds).

        False when the station holds no pack or has lost it to another station
        (its next scan on the pack says so); nothing is changed then.
        """
        moment = _utc(at) if at is not None else utcnow()
        with claims.conflicts_translated(), self._db.write() as session:
            row = store.load_station(session, self._station_id)
            if row.claim is None:
                return False
            return claims.fenced(session, self._station_id, row.claim, moment, self._lease)


def _held(session: Session, station_id: int, row: store.StationRow) -> Pack | None:
    """The pack the station still holds, with its lines and what is in the box."""
    held = row.held
    if held is None or row.claim is None or not held.held_by(station_id, row.claim):
        return None
    return pack_of(session, held, for_screen=True)


def _outcome(scan: scan_log.StoredScan) -> ScanOutcome:
    return ScanOutcome(
        seq=scan.seq,
        scan=scan.raw,
        kind=ScanKind(scan.kind),
        verdict=VerdictKind(scan.verdict),
        reason=Reason(scan.reason) if scan.reason else None,
        order=scan.order,
        scanned=scan.scanned,
        expected=scan.expected,
        message=scan.message,
        at=as_utc(scan.at),
    )


def _retried(work: Callable[[], T]) -> T:
    """Run `work`; again, from the start, when it clashed with another station's write."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return work()
        except ConcurrentChange:
            if attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def _utc(moment: dt.datetime) -> dt.datetime:
    """A scan time in UTC; one without a zone is Japan time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=JAPAN)
    return moment.astimezone(dt.UTC)


def _scan_key(scan_id: str) -> str:
    """The client's scan id as stored: as given, or its SHA-256 when longer than 64."""
    return scan_id if len(scan_id) <= 64 else hashlib.sha256(scan_id.encode()).hexdigest()


def check_printer_uri(uri: str) -> None:
    """Refuse a printer URI the printers cannot use (the rule is `parse_printer_uri`'s)."""
    try:
        parse_printer_uri(uri)
    except Refused as exc:
        raise Refused(f"--printer: {uri!r} is not a printer URI: {exc}") from exc
