"""What a scan comes back as: its outcome (the replay's JSON line) and the screen's view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.overrides import PendingOverride
from app.core.pack.labels import ParcelLabel
from app.core.pack.session import Pack
from app.core.scans import Fact, LotCheck, Note, Reason, Scan, ScanKind, VerdictKind
from app.core.station import StationUser
from app.core.times import as_utc
from app.db.scan_log import StoredScan

#: How many of the station's latest scans the screen lists.
RECENT_SCANS = 12


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
    #: For a lot product: how its unit proves its lot (`confirm`: the screen shows the
    #: reserved lot in large type for the packer to compare with the print); else None.
    lot_check: LotCheck | None = None
    #: The lot(s) reserved for the line with their expiry, as shown ("L2401 2027-03-31").
    reserved: str = ""


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
    #: The supervisor override under way, and whether the station is locked out.
    override: PendingOverride | None = None
    locked: bool = False
    #: Who picked the open order by scan, and when (None: packed straight from stock).
    picked_by: str | None = None
    picked_at: dt.datetime | None = None


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
    #: The station as the screen shows it after this scan, built in the scan's transaction
    #: (None in the recent-scans list): the mode's view (`StationView` at the pack bench,
    #: `pick.PickView` at a pick station).
    view: Any = None
    #: The decision's note and facts, for the screen's words (not in the JSON; empty in
    #: the recent-scans list and for a retried scan).
    note: Note | None = None
    facts: Mapping[Fact, str] = field(default_factory=dict)
    #: Typed by hand rather than scanned.
    typed: bool = False

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


def unrecorded_json(scan: Scan) -> dict[str, Any]:
    """The replay's JSON object for a scan the database could not record: rejected with
    `database_unavailable`; what nothing was read for (its number, kind, order) is null."""
    return {
        "seq": None,
        "scan": scan.raw,
        "kind": None,
        "verdict": VerdictKind.REJECTED.value,
        "reason": Reason.DATABASE_UNAVAILABLE.value,
        "order": None,
        "scanned": None,
        "expected": None,
    }


def stored_outcome(scan: StoredScan) -> ScanOutcome:
    """A recorded scan's outcome, as it was shown."""
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
        typed=scan.typed,
    )


@dataclass(frozen=True, slots=True)
class Screen:
    """The parts of the view a scan may change."""

    user: StationUser | None
    pack: Pack | None
    awaiting: ParcelLabel | None
    recent: tuple[ScanOutcome, ...]
    override: PendingOverride | None = None
    locked: bool = False


def station_view(station: str, screen: Screen) -> StationView:
    """The pack screen's view of a station holding `screen.pack` (None: no order open)."""
    pack = screen.pack
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
                lot_check=line.lot_check if line.lot_tracked else None,
                reserved=line.reserved_shown,
            )
            for line in pack.lines
        )
    return StationView(
        station=station,
        user=screen.user,
        order_number=pack.order_number if pack else None,
        gift_message=pack.gift_message if pack else "",
        card_confirmed=pack.card_confirmed if pack else False,
        lines=lines,
        scanned=pack.scanned if pack else None,
        expected=pack.expected if pack else None,
        recent=screen.recent,
        awaiting=screen.awaiting,
        override=screen.override,
        locked=screen.locked,
        picked_by=pack.picked_by if pack else None,
        picked_at=pack.picked_at if pack else None,
    )
