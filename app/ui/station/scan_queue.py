"""Scans on their way to the station: one lane, in the order they were made.

The window never waits on the database. Everything the station does there (opening
the station, its first view, each scan, the lease renewals) runs on one JobLane, in
the order it happened, and comes back on the GUI thread. A scan still unanswered
after `WAITING_MS` is reported as `waiting`: the packer may keep scanning, later
scans queue behind it, none lost or reordered.

The queue keeps what the screen cannot know: which scans are still unanswered, the
id a rescan of an unrecorded scan reuses (so the unit counts once), and which scans
a bug swallowed. It has no words of its own: the mode's controller (`PackController`,
`PickController`) tells the packer or picker. Every station mode's screen uses it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.errors import KenpinError
from app.core.scans import Scan
from app.services.station.outcome import ScanOutcome
from app.ui.jobs import JobLane

T = TypeVar("T")


class BenchStation(Protocol):
    """What the queue asks of a station's pipeline (`PackStation`, `PickStation`)."""

    def scan(self, scan: Scan, *, scan_id: str, pin: str | None = None) -> ScanOutcome: ...

    def view(self) -> Any: ...

    def keep_hold(self) -> None: ...


StationT = TypeVar("StationT", bound=BenchStation)

#: A verdict normally takes a few milliseconds; past this the packer is told the database
#: is slow rather than left wondering whether the scan was read.
WAITING_MS = 200


@dataclass(frozen=True, slots=True, eq=False)
class _Scan:
    """One scan on its way to the station: what the scanner read, and the id it is recorded
    under; `number` counts the scans of this window (1, 2, ...)."""

    reading: Scan
    scan_id: str
    number: int
    #: The PIN typed for a supervisor's badge (never shown).
    pin: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class _Unrecorded:
    """A scan the database did not take: a second try of the same code reuses its id."""

    code: str
    scan_id: str
    #: How many scans had been made when the packer was told (the later ones saw it).
    told_after: int


class ScanQueue(QObject, Generic[StationT]):
    """Sends each scan to the station off the GUI thread, in order, and says what came back."""

    #: A scan was recorded: what the scanner read, its outcome, the station's view after it.
    applied = Signal(object, object, object)
    #: A scan was not recorded: what the scanner read, and the refusal (None: a bug, which the
    #: excepthook told). Emitted once the scan left the queue (`unanswered` no longer counts it).
    not_recorded = Signal(object, object)
    #: Nothing came back for `WAITING_MS`: how many scans are still on their way.
    waiting = Signal(int)
    #: The station's view asked for by `read_station`.
    station_read = Signal(object)
    #: The station's view could not be read (its first scan tries again): the KenpinError.
    station_not_read = Signal(object)

    def __init__(self, open_station: Callable[[], StationT], parent: QObject | None = None) -> None:
        """`open_station` makes the station's pipeline; it is called on the lane, not here."""
        super().__init__(parent)
        self._open_station = open_station
        #: Opened by the lane's first job, and only ever used on the lane's thread.
        self._station: StationT | None = None
        #: The station's database work, in the order it happened.
        self.lane = JobLane("scans", self)
        self._made = 0
        #: Scans in the lane, oldest first, until their verdict (or failure) is told.
        self._unanswered: list[_Scan] = []
        self._unrecorded: list[_Unrecorded] = []
        #: The station's view asked for by `read_station` has not come back yet.
        self._reading = False
        self._waiting_timer = QTimer(self)
        self._waiting_timer.setSingleShot(True)
        self._waiting_timer.setInterval(WAITING_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._waiting_timer.timeout.connect(self.on_waiting_timer)
        self.lane.idle.connect(self.on_lane_idle)

    @property
    def unanswered(self) -> int:
        """Scans made and not answered yet."""
        return len(self._unanswered)

    @property
    def closed(self) -> bool:
        """True once `close` was called: scans added after it are dropped."""
        return self.lane.closed

    def read_station(self) -> None:
        """Read the station as stored, ahead of the scans made after this call.

        `station_read` or `station_not_read` follows; until then it counts as waiting.
        """
        self._reading = True
        self.lane.submit(self._look, self.on_station_read, self.on_station_not_read)
        self._follow_waiting()

    def add(self, reading: Scan, pin: str | None = None) -> None:
        """Send one scan to the station, behind those still on their way; `pin` goes with a
        supervisor's badge."""
        self._made += 1
        scan = _Scan(reading, self._scan_id(reading.code), self._made, pin)
        self._unanswered.append(scan)
        self.lane.submit(
            partial(self._apply, scan),
            partial(self.on_scan_applied, scan),
            partial(self.on_scan_not_recorded, scan),
        )
        self._follow_waiting()

    def run(
        self,
        work: Callable[[StationT], T],
        done: Callable[[T], object],
        failed: Callable[[KenpinError], object],
    ) -> None:
        """Other station work (a lease renewal), on the lane behind the scans already made."""
        self.lane.submit(lambda: work(self._opened()), done, failed)

    def close(self) -> None:
        """Give the scans already made their (bounded) time to reach the database: the window
        is closing, and nobody will see what comes back."""
        self._waiting_timer.stop()
        self.lane.close()

    # The station, on the lane's thread -------------------------------------------------

    def _opened(self) -> StationT:
        """The station's pipeline, opened by the first job that needs it (again after a
        failed open, so a station started while the database was down recovers)."""
        if self._station is None:
            self._station = self._open_station()
        return self._station

    def _apply(self, scan: _Scan) -> tuple[ScanOutcome, object]:
        """Apply one scan at the station: its verdict, and the station's view after it."""
        station = self._opened()
        outcome = station.scan(scan.reading, scan_id=scan.scan_id, pin=scan.pin)
        if outcome.view is not None:
            # The pack station reads its view in the scan's own transaction.
            return outcome, outcome.view
        # The pick station's outcome comes without it: read just after, on this same lane,
        # so no scan of this window comes between.
        return outcome, station.view()

    def _look(self) -> object:
        return self._opened().view()

    # Slots -----------------------------------------------------------------------------

    def on_scan_applied(self, scan: _Scan, result: tuple[ScanOutcome, object]) -> None:
        """A scan's verdict came back."""
        outcome, after = result
        self._answered(scan)
        # Failures the packer had seen before making this scan are behind them now.
        self._unrecorded = [u for u in self._unrecorded if u.told_after >= scan.number]
        self.applied.emit(scan.reading, outcome, after)
        self._follow_waiting(answered=True)

    def on_scan_not_recorded(self, scan: _Scan, error: KenpinError) -> None:
        """The database did not take the scan: a rescan of its code reuses its id."""
        self._answered(scan)
        self._give_up(scan, error)
        self._follow_waiting(answered=True)

    def on_station_read(self, view: object) -> None:
        """The station's view came back."""
        self._reading = False
        self.station_read.emit(view)
        self._follow_waiting(answered=True)

    def on_station_not_read(self, error: KenpinError) -> None:
        """The station could not be read."""
        self._reading = False
        self.station_not_read.emit(error)
        self._follow_waiting()

    def on_lane_idle(self) -> None:
        """Every job has come back. A scan still unanswered hit a bug (the excepthook told
        it): it may not be recorded."""
        self._reading = False
        lost, self._unanswered = self._unanswered, []
        for scan in lost:
            self._give_up(scan, None)
        self._follow_waiting()

    def on_waiting_timer(self) -> None:
        """Nothing came back for a while: the database is slow."""
        if self._unanswered or self._reading:
            self.waiting.emit(len(self._unanswered))

    # Helpers ---------------------------------------------------------------------------

    def _scan_id(self, code: str) -> str:
        """A fresh id, or the id of the same code's unrecorded try (so it counts once)."""
        for position, unrecorded in enumerate(self._unrecorded):
            if unrecorded.code == code:
                del self._unrecorded[position]
                return unrecorded.scan_id
        return uuid.uuid4().hex

    def _answered(self, scan: _Scan) -> None:
        """`scan` came back. Answers come in scan order, so a scan made before it that is
        still unanswered hit a bug (the excepthook told it): it may not be recorded."""
        position = next((n for n, waiting in enumerate(self._unanswered) if waiting is scan), -1)
        if position < 0:  # already given up on by `on_lane_idle`
            return
        lost = self._unanswered[:position]
        del self._unanswered[: position + 1]
        for earlier in lost:
            self._give_up(earlier, None)

    def _give_up(self, scan: _Scan, error: KenpinError | None) -> None:
        """Remember `scan` for its rescan, then say it was not recorded."""
        if all(u.scan_id != scan.scan_id for u in self._unrecorded):
            self._unrecorded.append(_Unrecorded(scan.reading.code, scan.scan_id, self._made))
        self.not_recorded.emit(scan.reading, error)

    def _follow_waiting(self, answered: bool = False) -> None:
        """Keep `waiting` due `WAITING_MS` after the last answer while a scan (or the station's
        view) is outstanding, and never once nothing is."""
        if not self._unanswered and not self._reading:
            self._waiting_timer.stop()
            return
        if answered or not self._waiting_timer.isActive():
            self._waiting_timer.start()
