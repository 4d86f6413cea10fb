"""The one scan pipeline every station mode runs through, one transaction per scan.

In the scan's transaction: read the station's row (who, which pack, which
label it waits for; a retried scan id is answered from its record), classify
the scan, let the mode read the facts this scan needs, let the mode's pure
rules decide, apply the decision's effect through the mode's table of
handlers, record the scan (a refusal also in the mismatch log), and build the
screen's view; the caller commits, and only then is the outcome, view
included, shown.

A mode (`app.services.station.pack.PackMode` today) is its rules function
plus what it plugs in here: facts, handlers, record and view.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from app.core.errors import ConcurrentChange
from app.core.scans import ClassifiedScan, Scan, ScanKind
from app.core.times import JAPAN
from app.db import scan_log
from app.db import station as store
from app.db.codes import RegisteredCodes
from app.db.scan_log import RecentScope
from app.scanning.classify import classify
from app.services.station.hold import StationHold
from app.services.station.outcome import RECENT_SCANS, ScanOutcome, stored_outcome

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: Tries of a scan that keeps clashing with other stations' writes before giving up.
ATTEMPTS = 5

T = TypeVar("T")
S = TypeVar("S")
D = TypeVar("D")
A = TypeVar("A")
H = TypeVar("H")
V = TypeVar("V", covariant=True)


@dataclass(frozen=True, slots=True)
class Incoming:
    """One scan as the station received it, with the times that apply to it."""

    scan: Scan
    scan_id: str
    #: When it was scanned (UTC): stamps the record and dates expiry checks; never leases,
    #: which run on the database's clock.
    at: dt.datetime
    lease: dt.timedelta
    #: The PIN given with a badge (the window's PIN entry, a replay line's `pin`): checked,
    #: never recorded.
    pin: str | None = field(default=None, repr=False)
    #: A supervisor's words on an override (a replay line's `note`, the override panel's
    #: field): recorded with the override in the audit trail.
    note: str | None = None

    @property
    def today(self) -> dt.date:
        """The day it was scanned in Japan, for expiry checks."""
        return self.at.astimezone(JAPAN).date()


@dataclass(frozen=True, slots=True)
class StationRef:
    """The station a pipeline runs for, and this process's hold on it (if it took one)."""

    id: int
    name: str
    hold: StationHold | None = None


@dataclass(frozen=True, slots=True)
class Kept(Generic[H]):
    """What a station keeps between its scans, as of its scan number `seq`.

    The latest outcomes in `scope` (newest first) and what the mode keeps of
    the pack it holds. Valid only while the station's last recorded scan is
    still `seq`: every change to a held pack is a scan of the station holding
    it, so a scan made meanwhile (by another process running the same
    station) shows.
    """

    seq: int
    scope: RecentScope
    recent: tuple[ScanOutcome, ...]
    held: H | None = None


@dataclass(frozen=True, slots=True)
class Tx(Generic[H]):
    """The station inside one transaction: as stored, and what was kept of it in memory."""

    session: Session
    station: StationRef
    row: store.StationRow
    kept: Kept[H] | None

    def kept_now(self) -> Kept[H] | None:
        """What was kept, if it is still true of the stored station."""
        if self.kept is not None and self.kept.seq == self.row.last_seq:
            return self.kept
        return None

    @property
    def scope(self) -> RecentScope:
        """Whose scans the recent-scans list shows as the station stands."""
        row = self.row
        return RecentScope(
            row.user.user_id if row.user else None,
            row.claim.session_id if row.claim else None,
        )

    def recent(self) -> tuple[ScanOutcome, ...]:
        """The recent-scans list before this scan (read only when not kept)."""
        kept = self.kept_now()
        if kept is not None and kept.scope == self.scope:
            return kept.recent
        # Up to the station's last scan before this one (this one may be recorded already).
        return self.recent_in(self.scope, self.row.last_seq)

    def recent_in(self, scope: RecentScope, up_to: int) -> tuple[ScanOutcome, ...]:
        """The recent-scans list in `scope` as recorded, up to the station's scan `up_to`."""
        stored = scan_log.recent_scans(self.session, self.station.id, scope, RECENT_SCANS, up_to)
        return tuple(stored_outcome(scan) for scan in stored)


@dataclass(frozen=True, slots=True)
class Step(Generic[S, D, H]):
    """One scan inside its transaction, decided: what every effect handler is given."""

    tx: Tx[H]
    incoming: Incoming
    classified: ClassifiedScan
    facts: S
    decision: D

    @property
    def session(self) -> Session:
        return self.tx.session

    @property
    def row(self) -> store.StationRow:
        return self.tx.row

    @property
    def at(self) -> dt.datetime:
        return self.incoming.at


@dataclass(frozen=True, slots=True)
class Shown(Generic[H]):
    """A scan's outcome (its view included) and what the station keeps once it is committed."""

    outcome: ScanOutcome
    kept: Kept[H]


class StationMode(Protocol[S, D, A, H, V]):
    """A station mode: its pure rules and what it plugs into the pipeline.

    `facts` reads what `decide` needs to know (the station's state and what
    the scanned code names); `apply` runs the decision's effect through the
    mode's table of handlers and says what it did; `entry` is the scan's
    record; `shown` the outcome with the screen's view after the scan (given
    the scan's record id), built in the same transaction; `screen` the view
    as the station stands, and what the mode keeps of its pack; `repeated`
    a retried scan's recorded outcome with the view as it stands.
    """

    def facts(self, tx: Tx[H], incoming: Incoming, classified: ClassifiedScan) -> S: ...

    def decide(self, classified: ClassifiedScan, facts: S) -> D: ...

    def apply(self, step: Step[S, D, H]) -> A: ...

    def entry(self, step: Step[S, D, H], after: A) -> scan_log.ScanEntry: ...

    def shown(self, step: Step[S, D, H], after: A, ref: int) -> Shown[H]: ...

    def screen(self, tx: Tx[H]) -> tuple[V, H | None]: ...

    def repeated(self, tx: Tx[H], outcome: ScanOutcome) -> Shown[H]: ...


def run_scan(mode: StationMode[S, D, A, H, V], tx: Tx[H], incoming: Incoming) -> Shown[H]:
    """One scan through `mode`, inside the transaction `tx` belongs to."""
    if tx.row.recorded:
        # A retry of a scan already recorded: its outcome as shown then, the view as it is.
        done = scan_log.recorded_scan(tx.session, incoming.scan_id)
        assert done is not None
        return mode.repeated(tx, stored_outcome(done))
    # What was not read is not guessed at: it is refused as it is, never taken for a code.
    if incoming.scan.unreadable:
        classified = ClassifiedScan(incoming.scan, ScanKind.UNKNOWN)
    else:
        classified = classify(incoming.scan, RegisteredCodes(tx.session))
    facts = mode.facts(tx, incoming, classified)
    step = Step(tx, incoming, classified, facts, mode.decide(classified, facts))
    after = mode.apply(step)
    ref = scan_log.record_scan(tx.session, mode.entry(step, after))
    return mode.shown(step, after, ref)


def kept_after(
    tx: Tx[H], outcome: ScanOutcome, held: H | None, scope: RecentScope, *, first: bool = False
) -> Kept[H]:
    """What the station keeps after recording `outcome` (its view left out).

    `scope` is whose scans the list shows after the scan; `first` says the
    scan begins that list (a login, a pack closed, a new pack opened). The
    scan joins the list kept so far when the scope stayed; a list in a scope
    that began before this scan (a pack resumed) is read from the scan log.
    """
    listed = replace(outcome, view=None, print_job=None, note=None, facts={})
    seq = tx.row.last_seq + 1
    kept = tx.kept_now()
    if first:
        recent: tuple[ScanOutcome, ...] = (listed,)
    elif kept is not None and kept.scope == scope:
        recent = (listed, *kept.recent[: RECENT_SCANS - 1])
    else:
        # This scan is recorded already: it is read with the rest.
        recent = tx.recent_in(scope, seq)
    return Kept(seq, scope, recent, held)


def retried(work: Callable[[], T]) -> T:
    """Run `work`; again, from the start, when it clashed with another station's write."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return work()
        except ConcurrentChange:
            if attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def scan_key(scan_id: str) -> str:
    """The client's scan id as stored: as given, or its SHA-256 when longer than 64."""
    return scan_id if len(scan_id) <= 64 else hashlib.sha256(scan_id.encode()).hexdigest()


def in_utc(moment: dt.datetime) -> dt.datetime:
    """A scan time in UTC; one without a zone is Japan time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=JAPAN)
    return moment.astimezone(dt.UTC)
